/* Which encoding a page's bytes are in, for libxml2's HTML parser. */
#ifndef ORA_CHARSET_H
#define ORA_CHARSET_H

#include <stdbool.h>
#include <stddef.h>

/* The encoding name to parse data with, and how many leading bytes (a BOM)
 * to skip. Order: a byte order mark; then the bytes themselves when they
 * are valid UTF-8 with some non-ASCII text (a page declared Latin-1 but
 * saved as UTF-8 is common, the reverse cannot be valid UTF-8 by chance),
 * or nearly so (a stray byte in a UTF-8 page: repaired, not re-read as
 * Latin-1); then <meta charset> or http-equiv Content-Type in the first
 * 4 KB, except a UTF-16 or UTF-32 label, impossible on bytes that are
 * ASCII-compatible; then UTF-8 if valid, else windows-1252 (which browsers
 * use for Latin-1 too). */
/* A page of UTF-8 with a few invalid bytes: the name returned to say
 * "UTF-8, with those bytes replaced by U+FFFD". */
#define CHARSET_UTF8_REPAIR "x-utf-8-repair"
/* label is room for a declared name; the result may point into it. */
const char *html_charset(const char *data, size_t len, size_t *skip,
                         char label[40]);

/* UTF-8 with each invalid byte replaced by U+FFFD; the caller frees it. */
char *utf8_repair(const char *data, size_t len, size_t *out_len);

/* Decodes windows-1252 (and so Latin-1) itself: iconv refuses the five
 * unassigned bytes and libxml2 then drops the rest of the page. The caller
 * frees the result; NULL when out of memory. */
char *cp1252_to_utf8(const char *data, size_t len, size_t *out_len);

/* Text inputs that are not UTF-8: the charset they are most likely in
 * (uchardet for the script, windows-1252 for any Latin one: see
 * charset.c). label is room for the name; the result may point into it. */
const char *text_charset_guess(const char *data, size_t len, char label[40]);

/* Whether iconv (or cp1252_to_utf8) can read this charset name. */
bool charset_known(const char *label);
/* Labels read as windows-1252 (latin1, iso-8859-1, cp1252...). */
bool charset_is_cp1252(const char *label);
/* data in charset label as UTF-8; NULL when the label is unknown or the
 * bytes are not valid in it. The caller frees the result. */
char *charset_to_utf8(const char *data, size_t len, const char *label, size_t *out_len);
/* The same, each byte the charset cannot decode read as U+FFFD. */
char *charset_to_utf8_lenient(const char *data, size_t len, const char *label, size_t *out_len);

#endif
