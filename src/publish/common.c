/* Pieces the talking book and the podcast feed share: "key = value"
 * files, stable identifiers, dates, and XML written through libxml2's
 * xmlTextWriter (never pieced together by hand: escaping is its job). */
#include "publish.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <uuid.h>

/* ── "key = value" files ──────────────────────────────────────────────── */

static bool known_key(const char *const *known, const char *key)
{
    for (; known && *known; known++)
        if (strcmp(*known, key) == 0)
            return true;
    return !known;
}

static int keyvals_add(keyvals *kv, char *key, char *value)
{
    char **k = realloc(kv->keys, (kv->n + 1) * sizeof *k);
    if (k)
        kv->keys = k;
    char **v = k ? realloc(kv->values, (kv->n + 1) * sizeof *v) : NULL;
    if (!v) {
        free(key), free(value);
        return -1;
    }
    kv->values = v;
    kv->keys[kv->n] = key, kv->values[kv->n++] = value;
    return 0;
}

/* One line; 0 when taken or skipped, -1 with err set. */
static int keyvals_line(keyvals *kv, const char *path, int number, char *line,
                        const char *const *known, ora_error *err)
{
    char *eq = strchr(line, '=');
    char *key = text_squash(line, eq ? (size_t)(eq - line) : strlen(line));
    int rc = 0;
    if (!*key || *key == '#')
        free(key);
    else if (!eq || !known_key(known, key)) {
        ora_set_error(err, "%s, line %d: %s \"%s\".", path, number,
                      eq ? "unknown key" : "expected \"key = value\", not", key);
        free(key);
        rc = -1;
    } else if (keyvals_add(kv, key, text_squash(eq + 1, strlen(eq + 1))) < 0) {
        ora_set_error(err, "out of memory.");
        rc = -1;
    }
    return rc;
}

int keyvals_load(const char *path, const char *const *known, bool optional,
                 keyvals *kv, ora_error *err)
{
    memset(kv, 0, sizeof *kv);
    struct stat st;
    if (optional && stat(path, &st) < 0 && errno == ENOENT)
        return 0;
    char *data;
    size_t len;
    if (read_whole_file(path, &data, &len, err) < 0)
        return -1;
    int rc = 0, number = 1;
    for (char *line = data, *next; rc == 0 && line; line = next, number++) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        rc = keyvals_line(kv, path, number, line, known, err);
    }
    free(data);
    if (rc < 0)
        keyvals_free(kv);
    return rc;
}

const char *keyvals_get(const keyvals *kv, const char *key, const char *fallback)
{
    for (size_t i = kv->n; i-- > 0;) /* the last one wins */
        if (strcmp(kv->keys[i], key) == 0)
            return *kv->values[i] ? kv->values[i] : fallback;
    return fallback;
}

void keyvals_free(keyvals *kv)
{
    for (size_t i = 0; i < kv->n; i++)
        free(kv->keys[i]), free(kv->values[i]);
    free(kv->keys), free(kv->values);
    memset(kv, 0, sizeof *kv);
}

/* ── Identifiers and dates ────────────────────────────────────────────── */

void article_uuid(const ora_article *a, char out[46])
{
    const uuid_t *url_space = uuid_get_template("url");
    uuid_t u;
    if (a->url && *a->url) {
        uuid_generate_sha1(u, *url_space, a->url, strlen(a->url));
    } else {
        /* No address: the text names the article. The name space is
         * oralise's own, so that no URL can give the same UUID. */
        static const char space_name[] = "urn:oralise:article-text";
        uuid_t space;
        uuid_generate_sha1(space, *url_space, space_name, sizeof space_name - 1);
        strbuf b;
        sb_init(&b);
        sb_printf(&b, "%s\n%s\n%s\n%s", a->title ? a->title : "",
                  a->published ? a->published : "", a->lede ? a->lede : "",
                  a->n_blocks ? a->blocks[0].text : "");
        uuid_generate_sha1(u, space, b.s ? b.s : "", b.len);
        sb_free(&b);
    }
    memcpy(out, "urn:uuid:", 9);
    uuid_unparse_lower(u, out + 9);
}

bool iso_date_part(const char *iso, char out[11])
{
    if (!iso || strlen(iso) < 10)
        return false;
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? iso[i] != '-' : !isdigit((unsigned char)iso[i]))
            return false;
    int m = (iso[5] - '0') * 10 + iso[6] - '0', d = (iso[8] - '0') * 10 + iso[9] - '0';
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return false;
    memcpy(out, iso, 10);
    out[10] = '\0';
    return true;
}

time_t publish_time(void)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    char *end;
    long long t = epoch ? strtoll(epoch, &end, 10) : 0;
    return epoch && *epoch && !*end && t >= 0 ? (time_t)t : time(NULL);
}

char *xml_safe(const char *s, size_t n)
{
    char *t = s ? ora_strndup(s, n) : NULL;
    for (char *p = t; p && *p; p++)
        if ((unsigned char)*p < 0x20 && *p != '\t' && *p != '\n')
            *p = ' ';
    return t;
}

/* ── XML through xmlTextWriter ────────────────────────────────────────── */

int xo_open(xml_out *x, bool indent, ora_error *err)
{
    x->failed = false;
    x->buf = xmlBufferCreate();
    x->w = x->buf ? xmlNewTextWriterMemory(x->buf, 0) : NULL;
    if (!x->w || xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", NULL) < 0) {
        xo_free(x);
        ora_set_error(err, "out of memory while writing XML.");
        return -1;
    }
    if (indent)
        x->failed |= xmlTextWriterSetIndent(x->w, 1) < 0 ||
                     xmlTextWriterSetIndentString(x->w, BAD_CAST "  ") < 0;
    return 0;
}

void xo_start(xml_out *x, const char *name)
{
    x->failed |= xmlTextWriterStartElement(x->w, BAD_CAST name) < 0;
}

void xo_attr(xml_out *x, const char *name, const char *value)
{
    if (!value)
        return;
    char *v = xml_safe(value, strlen(value));
    x->failed |= !v || xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST v) < 0;
    free(v);
}

void xo_text(xml_out *x, const char *text, size_t n)
{
    if (!n)
        return;
    char *t = xml_safe(text, n);
    x->failed |= !t || xmlTextWriterWriteString(x->w, BAD_CAST t) < 0;
    free(t);
}

void xo_end(xml_out *x)
{
    x->failed |= xmlTextWriterEndElement(x->w) < 0;
}

void xo_element(xml_out *x, const char *name, const char *text)
{
    xo_start(x, name);
    xo_text(x, text, strlen(text));
    xo_end(x);
}

void xo_meta(xml_out *x, const char *property, const char *text)
{
    xo_start(x, "meta");
    xo_attr(x, "property", property);
    xo_text(x, text, strlen(text));
    xo_end(x);
}

int xo_close(xml_out *x, char **out, size_t *len, const char *what, ora_error *err)
{
    x->failed |= xmlTextWriterEndDocument(x->w) < 0;
    xmlFreeTextWriter(x->w); /* flushes into the buffer */
    x->w = NULL;
    *out = x->failed ? NULL : ora_strndup((const char *)xmlBufferContent(x->buf),
                                          (size_t)xmlBufferLength(x->buf));
    *len = *out ? strlen(*out) : 0;
    xo_free(x);
    if (!*out)
        ora_set_error(err, "cannot write the %s: out of memory.", what);
    return *out ? 0 : -1;
}

void xo_free(xml_out *x)
{
    if (x->w)
        xmlFreeTextWriter(x->w);
    if (x->buf)
        xmlBufferFree(x->buf);
    x->w = NULL, x->buf = NULL;
}
