/* EPUB 3 talking books: the article's text and its voice together, the
 * sentence being spoken highlighted (Media Overlays), the format the DAISY
 * Consortium recommends, read by Thorium Reader, Apple Books and others.
 *
 * The package (libzip): "mimetype" first and stored, as the OCF container
 * demands; META-INF/container.xml; under EPUB/ the package document, the
 * navigation document (the headings), the article (overlay.c), its Media
 * Overlay, a style sheet and the MP3, stored (it does not deflate). All
 * XML goes through xmlTextWriter. The metadata carries what EPUB
 * Accessibility 1.1 asks for; its French phrases are data, in
 * rules/fr/epub.txt, and the style sheet is rules/epub.css. */
#include "publish.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <dlfcn.h>
#include <zip.h>

/* The libzip calls this file makes. libzip is opened here, for the book
 * being written, and closed after: linked into the program it brought
 * libcrypto to every run of oralise, 2 MB of memory before any page was
 * read (a 5 MB page then peaked over 64 MiB). Each book loads its own
 * table, so nothing is kept between books. */
typedef struct {
    void *so;
    zip_t *(*open)(const char *, int, int *);
    int (*close)(zip_t *);
    void (*discard)(zip_t *);
    zip_int64_t (*file_add)(zip_t *, const char *, zip_source_t *, zip_flags_t);
    int (*set_file_compression)(zip_t *, zip_uint64_t, zip_int32_t, zip_uint32_t);
    int (*file_set_mtime)(zip_t *, zip_uint64_t, time_t, zip_flags_t);
    zip_source_t *(*source_buffer)(zip_t *, const void *, zip_uint64_t, int);
    zip_source_t *(*source_filep)(zip_t *, FILE *, zip_uint64_t, zip_int64_t);
    void (*source_free)(zip_source_t *);
    const char *(*strerror)(zip_t *);
    void (*error_init_with_code)(zip_error_t *, int);
    const char *(*error_strerror)(zip_error_t *);
    void (*error_fini)(zip_error_t *);
    zip_int64_t (*name_locate)(zip_t *, const char *, zip_flags_t);
} zip_calls;

static int zip_calls_load(zip_calls *z, ora_error *err)
{
    memset(z, 0, sizeof *z);
    z->so = dlopen("libzip.so.4", RTLD_LAZY | RTLD_LOCAL);
    if (!z->so) {
        ora_set_error(err, "libzip cannot be loaded (%s): install it (Debian: libzip4).", dlerror());
        return -1;
    }
    void **fn[] = {(void **)&z->open, (void **)&z->close, (void **)&z->discard,
                   (void **)&z->file_add, (void **)&z->set_file_compression,
                   (void **)&z->file_set_mtime, (void **)&z->source_buffer,
                   (void **)&z->source_filep, (void **)&z->source_free, (void **)&z->strerror,
                   (void **)&z->error_init_with_code, (void **)&z->error_strerror,
                   (void **)&z->error_fini, (void **)&z->name_locate};
    static const char *const names[] = {"zip_open", "zip_close", "zip_discard", "zip_file_add",
                                        "zip_set_file_compression", "zip_file_set_mtime",
                                        "zip_source_buffer", "zip_source_filep", "zip_source_free",
                                        "zip_strerror", "zip_error_init_with_code",
                                        "zip_error_strerror", "zip_error_fini",
                                        "zip_name_locate"};
    for (size_t k = 0; k < sizeof names / sizeof *names; k++)
        if (!(*fn[k] = dlsym(z->so, names[k]))) {
            ora_set_error(err, "the libzip found lacks %s.", names[k]);
            dlclose(z->so);
            z->so = NULL;
            return -1;
        }
    return 0;
}


#define OPF_NS "http://www.idpf.org/2007/opf"
#define DC_NS "http://purl.org/dc/elements/1.1/"
#define XHTML_NS "http://www.w3.org/1999/xhtml"
#define OPS_NS "http://www.idpf.org/2007/ops"
#define CONTAINER_NS "urn:oasis:names:tc:opendocument:xmlns:container"

bool epub_path(const char *path)
{
    size_t n = strlen(path);
    return n > 5 && strcasecmp(path + n - 5, ".epub") == 0 && path[n - 6] != '/';
}

bool epub_complete(const char *path)
{
    zip_calls z;
    ora_error err;
    if (zip_calls_load(&z, &err) < 0)
        return false; /* made again, and its writing says why it cannot be */
    int zerr;
    zip_t *za = z.open(path, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
    bool whole = za && z.name_locate(za, "EPUB/" EPUB_AUDIO, 0) >= 0;
    if (za)
        z.discard(za);
    dlclose(z.so);
    return whole;
}

/* ── The documents ────────────────────────────────────────────────────── */

static int container_xml(char **out, size_t *len, ora_error *err)
{
    xml_out x;
    if (xo_open(&x, true, err) < 0)
        return -1;
    xo_start(&x, "container");
    xo_attr(&x, "version", "1.0");
    xo_attr(&x, "xmlns", CONTAINER_NS);
    xo_start(&x, "rootfiles");
    xo_start(&x, "rootfile");
    xo_attr(&x, "full-path", "EPUB/package.opf");
    xo_attr(&x, "media-type", "application/oebps-package+xml");
    xo_end(&x);
    xo_end(&x);
    xo_end(&x);
    return xo_close(&x, out, len, "book's container", err);
}

static const char *book_title(const epub_book *b)
{
    const char *t = b->article->title;
    return t && *t ? t : b->script->segs[0].written;
}

static void identity_metadata(xml_out *x, const epub_book *b)
{
    const ora_article *a = b->article;
    char uuid[46], date[11], modified[32];
    article_uuid(a, uuid);
    xo_start(x, "dc:identifier");
    xo_attr(x, "id", "uid");
    xo_text(x, uuid, strlen(uuid));
    xo_end(x);
    xo_element(x, "dc:title", book_title(b));
    const char *creator = a->byline && *a->byline ? a->byline : a->site;
    if (creator && *creator)
        xo_element(x, "dc:creator", creator);
    if (a->site && *a->site)
        xo_element(x, "dc:publisher", a->site);
    if (iso_date_part(a->published, date))
        xo_element(x, "dc:date", date);
    xo_element(x, "dc:language", b->lang);
    if (a->url && *a->url)
        xo_element(x, "dc:source", a->url);
    time_t now = publish_time();
    struct tm tm;
    strftime(modified, sizeof modified, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&now, &tm));
    xo_meta(x, "dcterms:modified", modified);
}

static void overlay_metadata(xml_out *x, const epub_book *b, const keyvals *words)
{
    char duration[32];
    clock_value(epub_overlay_ms(b), duration);
    xo_meta(x, "media:duration", duration); /* the whole: one overlay */
    xo_start(x, "meta");
    xo_attr(x, "property", "media:duration");
    xo_attr(x, "refines", "#overlay");
    xo_text(x, duration, strlen(duration));
    xo_end(x);
    const char *tpl = keyvals_get(words, "narrator", "eSpeak NG ({voice})");
    const char *slot = strstr(tpl, "{voice}");
    strbuf n;
    sb_init(&n);
    sb_add(&n, tpl, slot ? (size_t)(slot - tpl) : strlen(tpl));
    if (slot)
        sb_printf(&n, "%s%s", b->narrator, slot + 7);
    xo_meta(x, "media:narrator", n.s ? n.s : "eSpeak NG");
    sb_free(&n);
    xo_meta(x, "media:active-class", EPUB_ACTIVE_CLASS);
}

/* EPUB Accessibility 1.1: who can use the book, with what. */
static void accessibility_metadata(xml_out *x, const keyvals *words)
{
    static const char *const props[][2] = {
        {"schema:accessMode", "textual"},
        {"schema:accessMode", "auditory"},
        {"schema:accessModeSufficient", "textual"},
        {"schema:accessModeSufficient", "auditory"},
        {"schema:accessModeSufficient", "textual,auditory"},
        {"schema:accessibilityFeature", "synchronizedAudioText"},
        {"schema:accessibilityFeature", "structuralNavigation"},
        {"schema:accessibilityFeature", "tableOfContents"},
        {"schema:accessibilityFeature", "readingOrder"},
        {"schema:accessibilityHazard", "none"}};
    for (size_t i = 0; i < sizeof props / sizeof *props; i++)
        xo_meta(x, props[i][0], props[i][1]);
    /* In French whatever the book's language: so it is marked. */
    xo_start(x, "meta");
    xo_attr(x, "property", "schema:accessibilitySummary");
    xo_attr(x, "xml:lang", "fr");
    const char *summary = keyvals_get(words, "summary", "");
    xo_text(x, summary, strlen(summary));
    xo_end(x);
}

static void manifest_item(xml_out *x, const char *id, const char *href, const char *type,
                          const char *properties, const char *overlay)
{
    xo_start(x, "item");
    xo_attr(x, "id", id);
    xo_attr(x, "href", href);
    xo_attr(x, "media-type", type);
    xo_attr(x, "properties", properties);
    xo_attr(x, "media-overlay", overlay);
    xo_end(x);
}

static int package_opf(const epub_book *b, const keyvals *words, char **out, size_t *len,
                       ora_error *err)
{
    xml_out x;
    if (xo_open(&x, true, err) < 0)
        return -1;
    xo_start(&x, "package");
    xo_attr(&x, "xmlns", OPF_NS);
    xo_attr(&x, "version", "3.0");
    xo_attr(&x, "unique-identifier", "uid");
    xo_attr(&x, "xml:lang", b->lang);
    xo_start(&x, "metadata");
    xo_attr(&x, "xmlns:dc", DC_NS);
    identity_metadata(&x, b);
    overlay_metadata(&x, b, words);
    accessibility_metadata(&x, words);
    xo_end(&x);
    xo_start(&x, "manifest");
    manifest_item(&x, "nav", EPUB_NAV, "application/xhtml+xml", "nav", NULL);
    manifest_item(&x, "text", EPUB_CONTENT, "application/xhtml+xml", NULL, "overlay");
    manifest_item(&x, "overlay", EPUB_OVERLAY, "application/smil+xml", NULL, NULL);
    manifest_item(&x, "audio", EPUB_AUDIO, "audio/mpeg", NULL, NULL);
    manifest_item(&x, "css", EPUB_CSS, "text/css", NULL, NULL);
    xo_end(&x);
    xo_start(&x, "spine");
    xo_start(&x, "itemref");
    xo_attr(&x, "idref", "text");
    xo_end(&x);
    xo_end(&x);
    xo_end(&x);
    return xo_close(&x, out, len, "book's package document", err);
}

static void nav_link(xml_out *x, size_t segment, const char *text)
{
    char href[64];
    snprintf(href, sizeof href, EPUB_CONTENT "#b%zu", segment + 1);
    xo_start(x, "a");
    xo_attr(x, "href", href);
    xo_text(x, text, strlen(text));
    xo_end(x);
}

/* The table of contents: the title, and under it the headings. */
static void toc_entries(xml_out *x, const epub_book *b)
{
    const ora_script *s = b->script;
    size_t title = 0;
    while (title + 1 < s->n && s->segs[title].role != ORA_SEG_TITLE)
        title++;
    if (s->segs[title].role != ORA_SEG_TITLE)
        title = 0; /* no title: the book starts with its first part */
    xo_start(x, "ol");
    xo_start(x, "li");
    nav_link(x, title, book_title(b));
    bool open = false;
    for (size_t i = 0; i < s->n; i++) {
        if (s->segs[i].role != ORA_SEG_HEADING)
            continue;
        if (!open)
            xo_start(x, "ol"), open = true;
        xo_start(x, "li");
        nav_link(x, i, s->segs[i].written);
        xo_end(x);
    }
    if (open)
        xo_end(x);
    xo_end(x);
    xo_end(x);
}

static int nav_xhtml(const epub_book *b, const keyvals *words, char **out, size_t *len,
                     ora_error *err)
{
    xml_out x;
    if (xo_open(&x, true, err) < 0)
        return -1;
    x.failed |= xmlTextWriterStartDTD(x.w, BAD_CAST "html", NULL, NULL) < 0 ||
                xmlTextWriterEndDTD(x.w) < 0;
    const char *toc = keyvals_get(words, "toc", "Sommaire");
    xo_start(&x, "html");
    xo_attr(&x, "xmlns", XHTML_NS);
    xo_attr(&x, "xmlns:epub", OPS_NS);
    xo_attr(&x, "lang", b->lang);
    xo_attr(&x, "xml:lang", b->lang);
    xo_start(&x, "head");
    xo_start(&x, "meta");
    xo_attr(&x, "charset", "utf-8");
    xo_end(&x);
    xo_element(&x, "title", book_title(b));
    xo_end(&x);
    xo_start(&x, "body");
    xo_start(&x, "nav");
    xo_attr(&x, "epub:type", "toc");
    xo_attr(&x, "role", "doc-toc");
    xo_attr(&x, "id", "toc");
    xo_element(&x, "h1", toc);
    toc_entries(&x, b);
    xo_end(&x);
    xo_end(&x);
    xo_end(&x);
    return xo_close(&x, out, len, "book's navigation", err);
}

/* ── The package ──────────────────────────────────────────────────────── */

typedef struct {
    const char *name;
    char *data;
    size_t len;
} part;

enum { PART_CONTAINER, PART_OPF, PART_NAV, PART_TEXT, PART_SMIL, PART_CSS, N_PARTS };

static int make_parts(const epub_book *b, part *p, ora_error *err)
{
    static const char *const names[N_PARTS] = {
        "META-INF/container.xml", "EPUB/package.opf", "EPUB/" EPUB_NAV,
        "EPUB/" EPUB_CONTENT, "EPUB/" EPUB_OVERLAY, "EPUB/" EPUB_CSS};
    for (int i = 0; i < N_PARTS; i++)
        p[i] = (part){names[i], NULL, 0};
    static const char *const keys[] = {"toc", "summary", "narrator", NULL};
    char *words_path = data_path("rules/fr/epub.txt"), *css_path = data_path("rules/epub.css");
    keyvals words;
    int rc = keyvals_load(words_path, keys, false, &words, err);
    if (rc == 0)
        rc = read_whole_file(css_path, &p[PART_CSS].data, &p[PART_CSS].len, err);
    free(words_path), free(css_path);
    if (rc == 0 && (container_xml(&p[PART_CONTAINER].data, &p[PART_CONTAINER].len, err) < 0 ||
                    package_opf(b, &words, &p[PART_OPF].data, &p[PART_OPF].len, err) < 0 ||
                    nav_xhtml(b, &words, &p[PART_NAV].data, &p[PART_NAV].len, err) < 0 ||
                    epub_content_xhtml(b, &p[PART_TEXT].data, &p[PART_TEXT].len, err) < 0 ||
                    epub_overlay_smil(b, &p[PART_SMIL].data, &p[PART_SMIL].len, err) < 0))
        rc = -1;
    keyvals_free(&words);
    return rc;
}

/* Adds src as name; libzip owns src from here on, added or not. */
static int add_source(const zip_calls *z, zip_t *za, const char *name, zip_source_t *src,
                      bool store)
{
    zip_int64_t i = src ? z->file_add(za, name, src, ZIP_FL_ENC_GUESS) : -1;
    if (i < 0) {
        if (src)
            z->source_free(src);
        return -1;
    }
    /* The book's date, so that the same article makes the same zip. */
    return z->set_file_compression(za, (zip_uint64_t)i, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                   store ? 0 : 9) < 0 ||
                   z->file_set_mtime(za, (zip_uint64_t)i, publish_time(), 0) < 0
               ? -1
               : 0;
}

/* A buffer as name; libzip frees it once written. */
static int add_buffer(const zip_calls *z, zip_t *za, const char *name, char *data, size_t len,
                      bool store)
{
    zip_source_t *src = z->source_buffer(za, data, len, 1);
    if (!src)
        free(data);
    return add_source(z, za, name, src, store);
}

static int fill_zip(const zip_calls *z, zip_t *za, const epub_book *b, part *p)
{
    static const char mimetype[] = "application/epub+zip";
    int rc = add_buffer(z, za, "mimetype", ora_strdup(mimetype), sizeof mimetype - 1, true);
    for (int i = 0; i < N_PARTS; i++) {
        if (rc == 0)
            rc = add_buffer(z, za, p[i].name, p[i].data, p[i].len, false);
        else
            free(p[i].data);
        p[i].data = NULL;
    }
    int fd = rc == 0 ? dup(b->audio_fd) : -1;
    FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;
    if (!f && fd >= 0)
        close(fd);
    if (rc == 0)
        rc = f ? add_source(z, za, "EPUB/" EPUB_AUDIO, z->source_filep(za, f, 0, -1), true) : -1;
    return rc;
}

static void free_parts(part *p)
{
    for (int i = 0; i < N_PARTS; i++)
        free(p[i].data), p[i].data = NULL;
}

/* The zip goes to a temporary name of ours, which libzip itself replaces
 * through a temporary of its own when it closes the archive. */
static zip_t *open_zip(const zip_calls *z, const char *path, char **tmp, ora_error *err)
{
    *tmp = temp_name_for(path);
    int fd = mkstemp(*tmp), zerr = 0;
    zip_t *za = fd >= 0 && close(fd) == 0 ? z->open(*tmp, ZIP_TRUNCATE, &zerr) : NULL;
    if (za)
        return za;
    if (fd >= 0) {
        zip_error_t ze;
        z->error_init_with_code(&ze, zerr);
        ora_set_error(err, "cannot write %s: %s", path, z->error_strerror(&ze));
        z->error_fini(&ze);
        unlink(*tmp);
    } else {
        ora_set_error(err, "cannot write %s: %s", path, strerror(errno));
    }
    free(*tmp), *tmp = NULL;
    return NULL;
}

int epub_write(const epub_book *b, const char *path, char **tmp, ora_error *err)
{
    part p[N_PARTS];
    zip_calls z;
    *tmp = NULL;
    if (zip_calls_load(&z, err) < 0)
        return -1;
    int rc = make_parts(b, p, err);
    zip_t *za = rc == 0 ? open_zip(&z, path, tmp, err) : NULL;
    if (rc == 0 && !za)
        rc = -1;
    if (rc == 0 && (fill_zip(&z, za, b, p) < 0 || z.close(za) < 0)) {
        ora_set_error(err, "cannot write %s: %s", path, z.strerror(za));
        z.discard(za);
        rc = -1;
    }
    dlclose(z.so);
    if (rc == 0 && chmod(*tmp, default_mode()) < 0) { /* mkstemp made it 0600 */
        ora_set_error(err, "cannot write %s: %s", path, strerror(errno));
        rc = -1;
    }
    free_parts(p); /* those handed to libzip are NULL already */
    if (rc < 0 && *tmp) {
        unlink(*tmp);
        free(*tmp), *tmp = NULL;
    }
    return rc;
}
