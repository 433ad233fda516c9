/* The libcmark floor for `make bench`: the least work any generator built on libcmark can do.
 *
 *   cmark_floor IN_DIR OUT_DIR
 *
 * Reads every IN_DIR/<slug>.md in one process, skips its front matter (the lines between the
 * first two `---` lines), renders the rest with libcmark (smart punctuation, as ClinicPress
 * does) and writes OUT_DIR/<slug>.html. No templates, no checks, one core. */
#include <cmark.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char *read_file(const char *path, size_t *length) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 8192, len = 0;
    char *buf = malloc(cap);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    *length = len;
    return buf;
}

/* The text after the front matter: the file must start with "---\n"; the body starts after the
 * next line that is exactly "---". */
static const char *body_of(const char *text, size_t length, size_t *body_length) {
    if (length < 4 || strncmp(text, "---\n", 4) != 0) { *body_length = length; return text; }
    const char *p = text + 4, *end = text + length;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        const char *next = eol ? eol + 1 : end;
        if ((size_t)(next - p) >= 3 && strncmp(p, "---", 3) == 0 && (next - p == 3 || p[3] == '\n')) {
            *body_length = (size_t)(end - next);
            return next;
        }
        p = next;
    }
    *body_length = length;
    return text;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: cmark_floor IN_DIR OUT_DIR\n"); return 2; }
    if (mkdir(argv[2], 0755) != 0 && errno != EEXIST) { perror(argv[2]); return 1; }
    DIR *dir = opendir(argv[1]);
    if (!dir) { perror(argv[1]); return 1; }
    struct dirent *entry;
    char path[4096];
    int count = 0;
    while ((entry = readdir(dir)) != NULL) {
        size_t name_length = strlen(entry->d_name);
        if (name_length < 4 || strcmp(entry->d_name + name_length - 3, ".md") != 0) continue;
        snprintf(path, sizeof path, "%s/%s", argv[1], entry->d_name);
        size_t length, body_length;
        char *text = read_file(path, &length);
        if (!text) { perror(path); return 1; }
        const char *body = body_of(text, length, &body_length);
        char *html = cmark_markdown_to_html(body, body_length, CMARK_OPT_SMART);
        snprintf(path, sizeof path, "%s/%.*s.html", argv[2], (int)(name_length - 3), entry->d_name);
        FILE *out = fopen(path, "wb");
        if (!out || fputs(html, out) == EOF || fclose(out) != 0) { perror(path); return 1; }
        free(html);
        free(text);
        count++;
    }
    closedir(dir);
    printf("%d articles rendered\n", count);
    return 0;
}
