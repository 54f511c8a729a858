/* Which encoding a page's bytes are in, for libxml2's HTML parser. */
#ifndef ORA_CHARSET_H
#define ORA_CHARSET_H

#include <stddef.h>

/* The encoding name to parse data with, and how many leading bytes (a BOM)
 * to skip. Order: a byte order mark; then the bytes themselves when they
 * are valid UTF-8 with some non-ASCII text (a page declared Latin-1 but
 * saved as UTF-8 is common, the reverse cannot be valid UTF-8 by chance);
 * then <meta charset> or http-equiv Content-Type in the first 4 KB; then
 * UTF-8 if valid, else windows-1252 (which browsers use for Latin-1 too). */
/* label is room for a declared name; the result may point into it. */
const char *html_charset(const char *data, size_t len, size_t *skip,
                         char label[40]);

/* Decodes windows-1252 (and so Latin-1) itself: iconv refuses the five
 * unassigned bytes and libxml2 then drops the rest of the page. The caller
 * frees the result; NULL when out of memory. */
char *cp1252_to_utf8(const char *data, size_t len, size_t *out_len);

#endif
