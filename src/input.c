/* Loading an input and deciding which reader gets it. Every check a user
 * could trip over (missing, empty, binary, not UTF-8) happens here, before
 * any parsing, so each gets its own plain sentence. */
#include "internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int ora_load_input(const char *path, char **data, size_t *len, ora_error *err)
{
    if (read_whole_file(path, data, len, err) < 0)
        return -1;
    const char *name = strcmp(path, "-") == 0 ? "standard input" : path;
    char *d = *data;
    if (*len >= 3 && memcmp(d, "\xEF\xBB\xBF", 3) == 0) {
        memmove(d, d + 3, *len - 3 + 1);
        *len -= 3;
    }
    const char *why = NULL;
    if (memchr(d, '\0', *len))
        why = "is a binary file, not text or HTML";
    else if (!utf8_valid(d, *len))
        why = "is not valid UTF-8 text";
    else if (str_blank(d))
        why = "is empty";
    if (why) {
        ora_set_error(err, "%s %s.", name, why);
        free(d);
        *data = NULL;
        return -1;
    }
    return 0;
}

ora_input_kind ora_sniff_input(const char *data, size_t len)
{
    size_t i = 0;
    while (i < len && isspace((unsigned char)data[i]))
        i++;
    const char *p = data + i;
    size_t left = len - i;
    if (left && *p == '<') {
        static const char *const starts[] = {"<!doctype html", "<html", "<head",
                                             "<body", "<!--", "<meta",
                                             "<article", "<div", "<p"};
        for (size_t k = 0; k < sizeof starts / sizeof *starts; k++)
            if (left >= strlen(starts[k]) &&
                strncasecmp(p, starts[k], strlen(starts[k])) == 0)
                return ORA_INPUT_HTML;
    }
    return ORA_INPUT_TEXT;
}

int ora_read_file(const char *path, ora_input_kind kind, ora_article *a,
                  ora_error *err)
{
    char *data;
    size_t len;
    if (ora_load_input(path, &data, &len, err) < 0)
        return -1;
    if (kind == ORA_INPUT_AUTO)
        kind = ora_sniff_input(data, len);
    int rc = kind == ORA_INPUT_HTML ? ora_read_html(data, len, a, err)
                                    : ora_read_text(data, len, a, err);
    free(data);
    if (rc == 0 && !a->title && a->n_blocks == 0) {
        ora_set_error(err, "%s: no article was found in it.", path);
        return -1;
    }
    return rc;
}
