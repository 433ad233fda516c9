#include "vips_shim.h"

#include <string.h>
#include <vips/vips.h>

static int started = 0;
static GOnce start_once = G_ONCE_INIT;

static void quiet(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer unused) {
    (void) domain; (void) level; (void) message; (void) unused;
}

static gpointer start(gpointer unused) {
    (void) unused;
    // libvips prints its warnings ("Premature end of JPEG file") on stderr; ClinicPress reports
    // each problem once, as a diagnostic naming the file, from the error that follows.
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO, quiet, NULL);
    if (VIPS_INIT("clinicpress") != 0) return NULL;
    vips_cache_set_max(0);
    vips_cache_set_max_mem(0);
    vips_concurrency_set(1);
    vips_block_untrusted_set(TRUE);
    started = 1;
    return NULL;
}

int cp_vips_start(void) {
    g_once(&start_once, start, NULL);
    return started ? 0 : -1;
}

int cp_vips_read_header(const void *data, size_t length, cp_vips_header *header) {
    memset(header, 0, sizeof *header);
    const char *loader = vips_foreign_find_load_buffer(data, length);
    if (loader == NULL) return -1;
    // The class name (VipsForeignLoadJpegBuffer) as libvips' nickname (jpegload_buffer).
    const char *nickname = vips_nickname_find(g_type_from_name(loader));
    g_strlcpy(header->loader, nickname ? nickname : loader, sizeof header->loader);
    // Sequential access: reading the header never decodes the pixels.
    VipsImage *image = vips_image_new_from_buffer(data, length, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (image == NULL) return -1;
    header->width = vips_image_get_width(image);
    header->height = vips_image_get_height(image);
    int orientation = 1;
    if (vips_image_get_typeof(image, VIPS_META_ORIENTATION) &&
        vips_image_get_int(image, VIPS_META_ORIENTATION, &orientation) != 0) orientation = 1;
    header->orientation = orientation >= 1 && orientation <= 8 ? orientation : 1;
    int pages = 1;
    if (vips_image_get_typeof(image, VIPS_META_N_PAGES) &&
        vips_image_get_int(image, VIPS_META_N_PAGES, &pages) != 0) pages = 1;
    header->pages = pages;
    header->has_alpha = vips_image_hasalpha(image);
    g_object_unref(image);
    return 0;
}

// A copy of `in` with no metadata fields at all: EXIF (and its GPS), XMP, IPTC, the ICC profile,
// the orientation, PNG comments. The savers' own `strip` is not enough: in libvips 8.14,
// webpsave still writes the EXIF block, GPS included.
static const char *kept_fields[] = {
    "width", "height", "bands", "format", "coding", "interpretation", "xoffset", "yoffset",
    "xres", "yres", "filename", "mode", NULL,
};

static int keep_field(const char *name) {
    for (const char **kept = kept_fields; *kept; kept++)
        if (strcmp(*kept, name) == 0) return 1;
    return 0;
}

static int strip_metadata(VipsImage *in, VipsImage **out) {
    if (vips_copy(in, out, NULL) != 0) return -1;
    gchar **fields = vips_image_get_fields(*out);
    for (gchar **field = fields; *field; field++)
        if (!keep_field(*field)) vips_image_remove(*out, *field);
    g_strfreev(fields);
    return 0;
}

static unsigned read32(const unsigned char *p) { return p[0] | p[1] << 8 | p[2] << 16 | (unsigned) p[3] << 24; }
static void write32(unsigned char *p, unsigned v) { p[0] = v; p[1] = v >> 8; p[2] = v >> 16; p[3] = v >> 24; }

// libvips 8.14's webpsave writes an EXIF block of its own (orientation, resolution) even with
// `strip`: the EXIF and XMP chunks are taken out of the RIFF container here, in place, and
// their flags cleared in the VP8X header. Returns the new length.
static size_t webp_drop_metadata(unsigned char *data, size_t length) {
    if (length < 12 || memcmp(data, "RIFF", 4) != 0 || memcmp(data + 8, "WEBP", 4) != 0) return length;
    size_t read = 12, write = 12;
    while (read + 8 <= length) {
        unsigned size = read32(data + read + 4);
        size_t whole = 8 + (size_t) size + (size & 1);
        if (read + whole > length) return length;  // not as expected: leave it whole
        int drop = memcmp(data + read, "EXIF", 4) == 0 || memcmp(data + read, "XMP ", 4) == 0;
        if (!drop) {
            if (memcmp(data + read, "VP8X", 4) == 0 && size >= 1) data[read + 8] &= (unsigned char) ~(0x08 | 0x04);
            memmove(data + write, data + read, whole);
            write += whole;
        }
        read += whole;
    }
    write32(data + 4, (unsigned) (write - 8));
    return write;
}

int cp_vips_render(const void *data, size_t length, int width, int height, int format, int quality,
                   void **out, size_t *out_length) {
    *out = NULL;
    *out_length = 0;
    VipsImage *thumb = NULL;
    // thumbnail: shrink-on-load where the format allows, rotate upright by the orientation tag
    // (then drop the tag), import an embedded ICC profile and export sRGB. "force" gives exactly
    // width x height; the caller computed them from the upright aspect ratio, so nothing is
    // cropped or stretched by more than rounding. fail_on=error: truncated or corrupt data fails.
    if (vips_thumbnail_buffer((void *) data, length, &thumb, width,
                              "height", height,
                              "size", VIPS_SIZE_FORCE,
                              "export_profile", "srgb",
                              "fail_on", VIPS_FAIL_ON_ERROR,
                              // libvips 8.14 passes the loader only this text, not fail_on.
                              "option_string", "fail_on=error",
                              NULL) != 0) return -1;
    VipsImage *bare = NULL;
    int stripped = strip_metadata(thumb, &bare);
    g_object_unref(thumb);
    if (stripped != 0) return -1;
    thumb = bare;
    int result;
    switch (format) {
    case 0:
        result = vips_webpsave_buffer(thumb, out, out_length,
                                      "Q", quality, "lossless", FALSE, "smart_subsample", FALSE,
                                      "effort", 4, "strip", TRUE, NULL);
        if (result == 0) *out_length = webp_drop_metadata(*out, *out_length);
        break;
    case 1: {
        // JPEG has no alpha: flatten onto white first.
        VipsImage *flat = NULL;
        if (vips_image_hasalpha(thumb)) {
            double white[3] = {255, 255, 255};
            VipsArrayDouble *background = vips_array_double_new(white, 3);
            result = vips_flatten(thumb, &flat, "background", background, NULL);
            vips_area_unref(VIPS_AREA(background));
            if (result != 0) break;
        }
        result = vips_jpegsave_buffer(flat ? flat : thumb, out, out_length,
                                      "Q", quality, "optimize_coding", TRUE, "interlace", FALSE,
                                      "subsample_mode", VIPS_FOREIGN_SUBSAMPLE_AUTO,
                                      "strip", TRUE, NULL);
        if (flat) g_object_unref(flat);
        break;
    }
    case 2:
        result = vips_pngsave_buffer(thumb, out, out_length,
                                     "compression", 9, "interlace", FALSE, "strip", TRUE, NULL);
        break;
    default:
        vips_error("clinicpress", "unknown output format %d", format);
        result = -1;
    }
    g_object_unref(thumb);
    if (result != 0 && *out) {
        g_free(*out);
        *out = NULL;
    }
    return result;
}

void cp_vips_free(void *pointer) { g_free(pointer); }

char *cp_vips_take_error(void) { return vips_error_buffer_copy(); }

const char *cp_vips_version(void) { return vips_version_string(); }
