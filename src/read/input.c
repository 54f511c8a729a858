/* Loading an input and deciding which reader gets it. Every check a user
 * could trip over (missing, unreachable, empty, binary, in what charset)
 * happens here, before any parsing, so each gets its own plain sentence.
 *
 * An input is a file, "-" (standard input) or a web address, which
 * fetch.c brings in whole, like a file. From there on the bytes are
 * treated alike, in this order of evidence for their charset:
 *   1. --charset, when given, over anything else;
 *   2. a UTF-16 byte order mark;
 *   3. valid UTF-8 is UTF-8, whatever is declared (a page declared Latin-1
 *      but saved as UTF-8 is common; the reverse cannot happen by chance);
 *   4. the charset of the HTTP Content-Type;
 *   5. for a page, the page's own <meta> (charset.c, in the page reader);
 *      for text, a guess (text_charset_guess), said on o->notes. */
#include "charset.h"
#include "fetch.h"
#include "internal.h"

#include <ctype.h>
#ifdef __GLIBC__
#include <malloc.h>
#include <stdint.h>
#endif
#include <iconv.h>
#include <json.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* One input's bytes, as read or fetched, and what is known of them. */
typedef struct {
    char *data;
    size_t len;
    const char *name;   /* for messages: the path, the address, "standard input" */
    fetched web;        /* for a web address: the final address, the type */
    char *raw;          /* --save-page: a copy of the body as fetched */
    size_t raw_len;
} loaded;

static void loaded_free(loaded *in)
{
    free(in->data);
    free(in->raw);
    fetched_free(&in->web);
    memset(in, 0, sizeof *in);
}

/* UTF-16 with its byte order mark (what some Windows editors save) into
 * UTF-8, before the check for NUL bytes that would call it binary. */
static int utf16_to_utf8(loaded *in, ora_error *err)
{
    const unsigned char *u = (const unsigned char *)in->data;
    const char *from = in->len >= 2 && u[0] == 0xFF && u[1] == 0xFE ? "UTF-16LE"
                     : in->len >= 2 && u[0] == 0xFE && u[1] == 0xFF ? "UTF-16BE" : NULL;
    if (!from)
        return 0;
    size_t n;
    char *out = charset_to_utf8(in->data + 2, in->len - 2, from, &n);
    if (!out) {
        ora_set_error(err, "%s starts as %s text but is not valid %s.", in->name, from, from);
        return -1;
    }
    free(in->data);
    in->data = out, in->len = n;
    return 0;
}

/* Replaces the bytes by their UTF-8 form from charset. */
static int convert(loaded *in, const char *charset, ora_error *err)
{
    size_t n;
    char *out = charset_to_utf8(in->data, in->len, charset, &n);
    if (!out) {
        ora_set_error(err, charset_known(charset) ? "%s is not valid %s text."
                                                  : "%s: the charset %s is unknown.",
                      in->name, charset);
        return -1;
    }
    free(in->data);
    in->data = out, in->len = n;
    return 0;
}

/* UTF-16 and UTF-32 labels on bytes without NULs are wrong by construction
 * (WHATWG says such a label means UTF-8), and UTF-8 labels on bytes that
 * are not UTF-8 are left to the readers, which repair or guess. */
static bool usable_declared(const char *label)
{
    return *label && strncasecmp(label, "utf", 3) != 0 &&
           strncasecmp(label, "ucs", 3) != 0 && strcasecmp(label, "unicode") != 0 &&
           charset_known(label);
}

/* NUL bytes in text: a page a server padded with a few ("</header>" then
 * 31 NULs, on a real site) reads as browsers read it, without them. A
 * binary file has more (one byte in a hundred) or other control bytes.
 * Returns false for a binary file, true when the data is text, its NULs
 * taken out. */
#define STRAY_NULS_PERCENT 1

static bool has_control_bytes(const char *d, size_t len);

static bool drop_stray_nuls(loaded *in)
{
    size_t nuls = 0;
    for (const char *p = in->data; (p = memchr(p, '\0', in->len - (size_t)(p - in->data))); p++)
        nuls++;
    if (!nuls)
        return true;
    if (nuls * 100 > in->len * STRAY_NULS_PERCENT)
        return false;
    size_t k = 0;
    for (size_t i = 0; i < in->len; i++)
        if (in->data[i])
            in->data[k++] = in->data[i];
    in->data[k] = '\0';
    in->len = k;
    return !has_control_bytes(in->data, in->len);
}

/* Reads a file or fetches an address, and refuses what is no input at all
 * (missing, unreachable, empty, binary). */
static int load(const char *input, const ora_options *o, loaded *in, ora_error *err)
{
    memset(in, 0, sizeof *in);
    size_t max = o->max_input ? o->max_input : ORA_MAX_INPUT;
    in->name = strcmp(input, "-") == 0 ? "standard input" : input;
    if (is_web_address(input)) {
        double timeout = o->timeout > 0 ? o->timeout : ORA_FETCH_TIMEOUT;
        if (fetch_page(input, max, timeout, &in->web, err) < 0)
            return -1;
        in->data = in->web.body, in->len = in->web.len, in->web.body = NULL;
        if (o->save_page && !(in->raw = malloc(in->len + 1))) {
            ora_set_error(err, "cannot fetch %s: out of memory.", input);
            return -1;
        }
        if (o->save_page)
            memcpy(in->raw, in->data, in->len), in->raw_len = in->len;
    } else if (read_file_at_most(input, max, &in->data, &in->len, err) < 0) {
        return -1;
    }
    if (o->charset ? convert(in, o->charset, err) < 0 : utf16_to_utf8(in, err) < 0)
        return -1;
    const char *why = !drop_stray_nuls(in) ? "is a binary file, not text or HTML"
                    : str_blank(in->data) ? "is empty" : NULL;
    if (why) {
        ora_set_error(err, "%s %s.", in->name, why);
        return -1;
    }
    if (!o->charset && usable_declared(in->web.charset) && !utf8_valid(in->data, in->len))
        return convert(in, in->web.charset, err);
    return 0;
}

/* Control characters other than white space: in bytes that are not UTF-8,
 * the mark of a binary file rather than of text in an 8-bit charset. */
static bool has_control_bytes(const char *d, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)d[i];
        if ((c < 0x20 && !strchr("\t\n\r\f\v", c)) || c == 0x7F)
            return true;
    }
    return false;
}

/* Text for the text reader: UTF-8 (its BOM dropped), or text in an 8-bit
 * charset, guessed and converted, the guess said on notes. Binary bytes
 * are refused. */
static int text_to_utf8(loaded *in, FILE *notes, ora_error *err)
{
    if (in->len >= 3 && memcmp(in->data, "\xEF\xBB\xBF", 3) == 0) {
        memmove(in->data, in->data + 3, in->len - 3 + 1);
        in->len -= 3;
    }
    if (utf8_valid(in->data, in->len))
        return str_blank(in->data) ? (ora_set_error(err, "%s is empty.", in->name), -1) : 0;
    if (has_control_bytes(in->data, in->len)) {
        ora_set_error(err, "%s is a binary file, not text or HTML.", in->name);
        return -1;
    }
    char label[40];
    const char *charset = text_charset_guess(in->data, in->len, label);
    if (convert(in, charset, err) < 0)
        return -1;
    if (notes)
        fprintf(notes, "oralise: note: %s is not UTF-8; read as %s.\n", in->name, charset);
    return 0;
}

int ora_load_input(const char *path, char **data, size_t *len, ora_error *err)
{
    ora_options o;
    ora_options_default(&o);
    loaded in;
    if (load(path, &o, &in, err) < 0 || text_to_utf8(&in, NULL, err) < 0) {
        loaded_free(&in);
        return -1;
    }
    *data = in.data, *len = in.len;
    in.data = NULL;
    loaded_free(&in);
    return 0;
}

/* Whether s[0, n) holds lit (lower case), whatever the case of s. */
static bool memmem_folded(const char *s, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    for (size_t i = 0; i + l <= n; i++)
        if (strncasecmp(s + i, lit, l) == 0)
            return true;
    return false;
}

ora_input_kind ora_sniff_input(const char *data, size_t len)
{
    size_t i = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < len && isspace((unsigned char)data[i]))
        i++;
    const char *p = data + i;
    size_t left = len - i;
    if (left && *p == '<') {
        static const char *const starts[] = {"<!doctype html", "<html", "<head",
                                             "<body", "<!--", "<meta", "<?xml",
                                             "<title", "<article", "<section",
                                             "<main", "<div", "<p", "<h1"};
        for (size_t k = 0; k < sizeof starts / sizeof *starts; k++)
            if (left >= strlen(starts[k]) &&
                strncasecmp(p, starts[k], strlen(starts[k])) == 0)
                return ORA_INPUT_HTML;
        /* "<br> <b>Warning</b>: session_start()…<!DOCTYPE html>": a
         * server's error printed before the page; a copy never opens on
         * a tag */
        static const char *const inside[] = {"<!doctype html", "<html", "<body"};
        size_t look = left < 4096 ? left : 4096;
        for (size_t k = 0; k < sizeof inside / sizeof *inside; k++)
            if (memmem_folded(p, look, inside[k]))
                return ORA_INPUT_HTML;
    }
    return ORA_INPUT_TEXT;
}

/* The text's own words win over a declared language, which is often a
 * template's (lang="en" on French pages, or none at all in a copy). */
static void settle_lang(ora_article *a)
{
    char code[8];
    if (!lang_guess(a, code, sizeof code))
        return;
    if (a->lang && strncmp(a->lang, code, strlen(code)) == 0 &&
        (a->lang[strlen(code)] == '\0' || a->lang[strlen(code)] == '-'))
        return;
    free(a->lang);
    a->lang = ora_strdup(code);
}

/* Is the input a JSON document (an object or an array, all of it), as an
 * API's answer given by mistake is? No article's text or page parses so:
 * "[Vidéo] Le maire…" opens on a bracket, but is no JSON. */
static bool is_json_document(const char *data, size_t len)
{
    size_t i = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && isspace((unsigned char)data[i]))
        i++;
    if (i == len || (data[i] != '{' && data[i] != '['))
        return false;
    json_tokener *tok = json_tokener_new();
    if (!tok)
        return false;
    json_object *o = json_tokener_parse_ex(tok, data + i, (int)(len - i < INT32_MAX ? len - i : INT32_MAX));
    bool whole = o && json_tokener_get_error(tok) == json_tokener_success;
    for (size_t k = whole ? i + json_tokener_get_parse_end(tok) : len; k < len && whole; k++)
        whole = isspace((unsigned char)data[k]);
    json_object_put(o);
    json_tokener_free(tok);
    return whole;
}

/* Bytes of a saved response's headers looked at, at most. */
#define SAVED_HEADERS_MAX 65536

/* Where the headers of a saved HTTP response end at data (after the blank
 * line), 0 when data opens on none. */
static size_t saved_headers_end(const char *data, size_t len)
{
    if (len < 8 || memcmp(data, "HTTP/", 5) != 0 || !isdigit((unsigned char)data[5]))
        return 0;
    size_t look = len < SAVED_HEADERS_MAX ? len : SAVED_HEADERS_MAX;
    for (size_t i = 0; i + 1 < look; i++) {
        if (data[i] != '\n')
            continue;
        if (data[i + 1] == '\n')
            return i + 2;
        if (data[i + 1] == '\r' && i + 2 < look && data[i + 2] == '\n')
            return i + 3;
    }
    return 0;
}

/* "HTTP/2 200", header lines, a blank line, then the page: a response
 * saved with "curl -i" (and the redirects before it). The headers go, and
 * their Content-Type types the body as a fetched page's type does. */
static void drop_saved_headers(loaded *in)
{
    size_t end;
    while ((end = saved_headers_end(in->data, in->len))) {
        for (size_t i = 0; i < end;) {
            size_t n = strcspn(in->data + i, "\n");
            if (i + n > end)
                n = end - i;
            if (n > 13 && strncasecmp(in->data + i, "content-type:", 13) == 0) {
                char *ct = ora_strndup(in->data + i + 13, n - 13);
                if (ct)
                    fetch_split_content_type(ct, in->web.mime, in->web.charset);
                free(ct);
            }
            i += n + 1;
        }
        memmove(in->data, in->data + end, in->len - end);
        in->len -= end;
        in->data[in->len] = '\0';
    }
}

/* The reader for the input: as asked, else as the server typed it, else
 * as its first bytes look. A fetched page's address is its url, set
 * before reading so that the page reader keeps it and takes the site
 * from it. */
static int read_loaded(loaded *in, const ora_options *o, ora_article *a, ora_error *err)
{
    if (!in->web.final_url)
        drop_saved_headers(in);
    if (is_json_document(in->data, in->len)) {
        ora_set_error(err, "%s is JSON data, not an article's page or text.", in->name);
        return -1;
    }
    ora_input_kind kind = o->input_kind;
    if (kind == ORA_INPUT_AUTO)
        kind = fetched_is_html(&in->web) ? ORA_INPUT_HTML : ora_sniff_input(in->data, in->len);
    if (in->web.final_url) {
        free(a->url);
        a->url = ora_strdup(in->web.final_url);
    }
    if (kind == ORA_INPUT_HTML) {
        char *page = in->data;
        in->data = NULL;
        return html_read_taken(page, in->len, a, err);
    }
    if (text_to_utf8(in, o->notes, err) < 0)
        return -1;
    return ora_read_text(in->data, in->len, a, err);
}

/* The article's verdict: read, or no article in it. */
static int judge(const char *input, ora_article *a, ora_error *err)
{
    settle_lang(a);
    if (a->not_article) {
        ora_set_error(err, "%s: no article to read: this looks like %s. "
                      "Give the page of the article itself.", input, a->not_article);
        return -1;
    }
    if (!a->title && a->n_blocks == 0) {
        ora_set_error(err, "%s: no article was found in it.", input);
        return -1;
    }
    return 0;
}

/* --save-page: the body exactly as fetched, written whole or not at all,
 * once the page has given an article (a failed run writes nothing). */
static int save_page(const loaded *in, const char *path, ora_error *err)
{
    if (!path)
        return 0;
    if (!in->raw) {
        ora_set_error(err, "--save-page keeps a page fetched from a web address; "
                      "%s is not one.", in->name);
        return -1;
    }
    ora_out_file f = {path, in->raw, in->raw_len, NULL};
    return ora_write_files(&f, 1, err);
}

/* A page's tree is freed once read, but glibc keeps its pages: the
 * article's strings, allocated after the tree, hold the top of the heap.
 * Synthesis reuses only part of them, and the encoder's threads allocate
 * in arenas of their own beside them: a 5 MB page to .ogg peaked at
 * 64.3 MiB without this (51 with it), the tree's pages still resident
 * under the encoder. */
static void give_back_freed_pages(void)
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

int ora_read_input(const char *input, const ora_options *o, ora_article *a,
                   ora_error *err)
{
    loaded in;
    int rc = load(input, o, &in, err);
    if (rc == 0)
        rc = read_loaded(&in, o, a, err);
    if (rc == 0)
        rc = judge(input, a, err);
    if (rc == 0)
        rc = save_page(&in, o->save_page, err);
    loaded_free(&in);
    give_back_freed_pages();
    return rc;
}

int ora_read_file(const char *path, ora_input_kind kind, ora_article *a,
                  ora_error *err)
{
    return ora_read_file_max(path, kind, ORA_MAX_INPUT, a, err);
}

int ora_read_file_max(const char *path, ora_input_kind kind, size_t max_input,
                      ora_article *a, ora_error *err)
{
    ora_options o;
    ora_options_default(&o);
    o.input_kind = kind;
    o.max_input = max_input;
    return ora_read_input(path, &o, a, err);
}

bool ora_charset_known(const char *name)
{
    return charset_known(name);
}
