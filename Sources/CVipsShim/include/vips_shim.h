// Non-variadic wrappers around the few libvips calls ClinicPress makes: Swift cannot call C
// functions with `...` parameters, and libvips passes its options that way.
#ifndef CLINICPRESS_VIPS_SHIM_H
#define CLINICPRESS_VIPS_SHIM_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

// Starts libvips once per process (idempotent): no operation cache (every image is read once),
// one worker thread per operation (the build runs several images at once itself), and loaders
// that libvips marks untrusted (ImageMagick and the like) blocked. Returns 0 on success.
int cp_vips_start(void);

// The header of an image in memory, read without decoding its pixels.
typedef struct {
    int width;          // as stored, before orientation
    int height;
    int orientation;    // EXIF orientation 1...8 (1 when absent)
    int has_alpha;
    int pages;          // frames of an animated GIF/WebP, pages of a TIFF (1 when absent)
    char loader[48];    // libvips loader, e.g. "jpegload_buffer"
} cp_vips_header;

// Returns 0 and fills `header`, or -1 (message from cp_vips_error).
int cp_vips_read_header(const void *data, size_t length, cp_vips_header *header);

// The first page of the image, turned upright by its orientation tag, resized to exactly
// width x height (the caller keeps the aspect ratio), converted to sRGB, and encoded:
// format 0 = WebP, 1 = JPEG, 2 = PNG, at `quality` (WebP, JPEG). Every piece of metadata is
// left out (EXIF, GPS, XMP, IPTC, ICC), and nothing depends on the time or the machine, so the
// same input gives the same bytes. A damaged file is an error, not a grey half-picture.
// On success returns 0 and sets *out / *out_length (free with cp_vips_free).
int cp_vips_render(const void *data, size_t length, int width, int height, int format, int quality,
                   void **out, size_t *out_length);

void cp_vips_free(void *pointer);

// libvips' version, `8.14.1` (static text).
const char *cp_vips_version(void);

// The libvips error messages so far (may be empty), and clears them: a copy, free with cp_vips_free.
// libvips keeps one buffer for all threads, so under parallel work it may hold another image's
// message too; callers name the file themselves.
char *cp_vips_take_error(void);

#ifdef __cplusplus
}
#endif

#endif
