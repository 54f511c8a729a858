/* Loading an input and deciding which reader gets it. Every check a user
 * could trip over (missing, empty, binary, not UTF-8) happens here, before
 * any parsing, so each gets its own plain sentence. */
#include "internal.h"

#include <ctype.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Reads a file and refuses what is no input at all (missing, empty,
 * binary). The encoding is checked later, by kind: a page declares its
 * own and the page reader decodes it; a browser copy must be UTF-8. */
/* UTF-16 with its byte order mark (what some Windows editors save) into
 * UTF-8, before the check for NUL bytes that would call it binary. */
static int utf16_to_utf8(const char *name, char **data, size_t *len, ora_error *err)
{
    const unsigned char *u = (const unsigned char *)*data;
    const char *from = *len >= 2 && u[0] == 0xFF && u[1] == 0xFE ? "UTF-16LE"
                     : *len >= 2 && u[0] == 0xFE && u[1] == 0xFF ? "UTF-16BE" : NULL;
    if (!from)
        return 0;
    iconv_t cd = iconv_open("UTF-8", from);
    size_t in_left = *len - 2, out_size = in_left * 2 + 4, out_left = out_size;
    char *out = malloc(out_size), *in = *data + 2, *o = out;
    size_t rc = cd == (iconv_t)-1 || !out ? (size_t)-1 : iconv(cd, &in, &in_left, &o, &out_left);
    if (cd != (iconv_t)-1)
        iconv_close(cd);
    if (rc == (size_t)-1) {
        ora_set_error(err, "%s starts as %s text but is not valid %s.", name, from, from);
        free(out);
        return -1;
    }
    *o = '\0';
    free(*data);
    *data = out, *len = (size_t)(o - out);
    return 0;
}

static int load_bytes(const char *path, size_t max, char **data, size_t *len, ora_error *err)
{
    if (read_file_at_most(path, max, data, len, err) < 0)
        return -1;
    const char *name = strcmp(path, "-") == 0 ? "standard input" : path;
    if (utf16_to_utf8(name, data, len, err) < 0) {
        free(*data);
        *data = NULL;
        return -1;
    }
    const char *why = NULL;
    if (memchr(*data, '\0', *len))
        why = "is a binary file, not text or HTML";
    else if (str_blank(*data))
        why = "is empty";
    if (why) {
        ora_set_error(err, "%s %s.", name, why);
        free(*data);
        *data = NULL;
        return -1;
    }
    return 0;
}

/* A UTF-8 BOM dropped; anything but UTF-8 refused. */
static int require_utf8(const char *path, char *d, size_t *len, ora_error *err)
{
    if (*len >= 3 && memcmp(d, "\xEF\xBB\xBF", 3) == 0) {
        memmove(d, d + 3, *len - 3 + 1);
        *len -= 3;
    }
    if (utf8_valid(d, *len) && !str_blank(d))
        return 0;
    const char *name = strcmp(path, "-") == 0 ? "standard input" : path;
    ora_set_error(err, "%s %s.", name,
                  str_blank(d) ? "is empty" : "is not valid UTF-8 text");
    return -1;
}

int ora_load_input(const char *path, char **data, size_t *len, ora_error *err)
{
    if (load_bytes(path, ORA_MAX_INPUT, data, len, err) < 0)
        return -1;
    if (require_utf8(path, *data, len, err) < 0) {
        free(*data);
        *data = NULL;
        return -1;
    }
    return 0;
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

int ora_read_file(const char *path, ora_input_kind kind, ora_article *a,
                  ora_error *err)
{
    return ora_read_file_max(path, kind, ORA_MAX_INPUT, a, err);
}

int ora_read_file_max(const char *path, ora_input_kind kind, size_t max_input,
                      ora_article *a, ora_error *err)
{
    char *data;
    size_t len;
    if (load_bytes(path, max_input ? max_input : ORA_MAX_INPUT, &data, &len, err) < 0)
        return -1;
    if (kind == ORA_INPUT_AUTO)
        kind = ora_sniff_input(data, len);
    int rc;
    if (kind == ORA_INPUT_HTML)
        rc = ora_read_html(data, len, a, err);
    else if ((rc = require_utf8(path, data, &len, err)) == 0)
        rc = ora_read_text(data, len, a, err);
    free(data);
    if (rc == 0)
        settle_lang(a);
    if (rc == 0 && a->not_article) {
        ora_set_error(err, "%s: no article to read: this looks like %s. "
                      "Give the page of the article itself.", path, a->not_article);
        return -1;
    }
    if (rc == 0 && !a->title && a->n_blocks == 0) {
        ora_set_error(err, "%s: no article was found in it.", path);
        return -1;
    }
    return rc;
}
