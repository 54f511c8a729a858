/* Encoding detection for pages (see charset.h for the order of evidence),
 * and for text that is not UTF-8. */
#include "charset.h"
#include "internal.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <libxml/encoding.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <uchardet.h>
#include <unictype.h>

#define META_SCAN_BYTES 4096

/* Labels browsers read as windows-1252, and the ones that mean UTF-8
 * (WHATWG Encoding Standard, the usual subset). */
static const char *const cp1252_labels[] = {
    "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1",
    "iso_8859-1", "latin1", "l1", "us-ascii", "ascii", "iso-ir-100", NULL};
static const char *const utf8_labels[] = {"utf-8", "utf8", "unicode-1-1-utf-8", NULL};

static bool label_in(const char *label, const char *const *list)
{
    for (; *list; list++)
        if (strcasecmp(label, *list) == 0)
            return true;
    return false;
}

static const char *bom_charset(const char *d, size_t len, size_t *skip)
{
    const unsigned char *u = (const unsigned char *)d;
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        return *skip = 3, "UTF-8";
    if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE)
        return *skip = 2, "UTF-16LE";
    if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF)
        return *skip = 2, "UTF-16BE";
    return NULL;
}

/* Copies the value after "charset=" (quoted or not) into out. */
static bool read_charset_value(const char *p, const char *end, char out[40])
{
    p += strlen("charset");
    while (p < end && isspace((unsigned char)*p))
        p++;
    if (p >= end || *p != '=')
        return false;
    p++;
    while (p < end && (isspace((unsigned char)*p) || *p == '"' || *p == '\''))
        p++;
    size_t n = 0;
    while (p + n < end && n < 39 &&
           (isalnum((unsigned char)p[n]) || strchr("-_.:", p[n])))
        n++;
    memcpy(out, p, n);
    out[n] = '\0';
    return n > 0;
}

/* The first charset= declared inside a <meta> tag. */
static bool meta_charset(const char *d, size_t len, char out[40])
{
    size_t scan = len < META_SCAN_BYTES ? len : META_SCAN_BYTES;
    const char *end = d + scan;
    for (const char *p = d; p + 5 < end; p++) {
        if (*p != '<' || strncasecmp(p + 1, "meta", 4) != 0)
            continue;
        const char *close = memchr(p, '>', (size_t)(end - p));
        const char *stop = close ? close : end;
        for (const char *q = p; q + 7 < stop; q++)
            if (strncasecmp(q, "charset", 7) == 0 && read_charset_value(q, stop, out))
                return true;
    }
    return false;
}

/* Counts the valid multibyte UTF-8 sequences of a page and the bytes that
 * start none. Pages are mostly ASCII markup, so ASCII bytes are skipped one
 * by one and only the rest is decoded. */
typedef struct {
    size_t good, bad;
} utf8_count;

static utf8_count count_utf8(const char *d, size_t len)
{
    utf8_count c = {0, 0};
    for (size_t i = 0; i < len;) {
        if (i + 8 <= len && eight_ascii(d + i)) {
            i += 8; /* eight ASCII bytes, most of a page, at a step */
            continue;
        }
        if ((unsigned char)d[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        int l = utf8_decode(d + i, len - i, &cp);
        if (l)
            c.good++, i += (size_t)l;
        else
            c.bad++, i++;
    }
    return c;
}

/* Mostly UTF-8: many valid multibyte sequences and only a few bytes that
 * are not (a stray Latin-1 byte pasted into a UTF-8 page). Such a page is
 * read as UTF-8 with those bytes replaced, as browsers do for a declared
 * UTF-8 page, rather than turning every accent into two Latin-1 letters. */
static bool mostly_utf8(utf8_count c)
{
    return c.bad && c.good >= 4 * c.bad && c.good >= 3;
}

/* UTF-16 and UTF-32 labels on a page whose bytes are ASCII-compatible are
 * wrong by construction (WHATWG: such a <meta> means UTF-8). */
static bool wide_label(const char *label)
{
    return strncasecmp(label, "utf-16", 6) == 0 || strncasecmp(label, "utf-32", 6) == 0 ||
           strncasecmp(label, "ucs-2", 5) == 0 || strncasecmp(label, "ucs-4", 5) == 0 ||
           strcasecmp(label, "unicode") == 0 || strncasecmp(label, "utf16", 5) == 0;
}

/* A page that names no charset and is not UTF-8: windows-1252, as
 * browsers read such pages in the West, unless its bytes read as another
 * script (a Japanese page in Shift_JIS, a Chinese one in GB2312) and
 * the guess decodes the whole page but a byte in a hundred or fewer (a
 * wrong guess leaves many). */
static const char *undeclared_charset(const char *data, size_t len, char label[40])
{
    const char *guess = text_charset_guess(data, len, label);
    if (guess != label)
        return "windows-1252";
    size_t n, bad = 0;
    char *whole = charset_to_utf8_lenient(data, len, label, &n);
    if (!whole)
        return "windows-1252";
    for (const char *p = whole; (p = strstr(p, "\xEF\xBF\xBD")); p += 3)
        bad++;
    free(whole);
    return bad * 100 <= len ? label : "windows-1252";
}

const char *html_charset(const char *data, size_t len, size_t *skip,
                         char label[40])
{
    *skip = 0;
    const char *bom = bom_charset(data, len, skip);
    if (bom)
        return bom;
    utf8_count c = count_utf8(data, len);
    bool utf8 = c.bad == 0;
    if (utf8 && c.good)
        return "UTF-8";
    if (mostly_utf8(c))
        return CHARSET_UTF8_REPAIR;
    if (meta_charset(data, len, label)) {
        if (wide_label(label))
            return utf8 ? "UTF-8" : "windows-1252";
        if (label_in(label, cp1252_labels))
            return "windows-1252";
        if (!label_in(label, utf8_labels)) {
            xmlCharEncodingHandlerPtr h = xmlFindCharEncodingHandler(label);
            if (h) { /* libxml2 (or iconv) knows it: parse with it */
                xmlCharEncCloseFunc(h);
                return label;
            }
        }
    }
    return utf8 ? "UTF-8" : undeclared_charset(data, len, label);
}

/* windows-1252 0x80–0x9F (WHATWG mapping; the five unassigned bytes map to
 * C1 controls, which are then left out). */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

char *utf8_repair(const char *data, size_t len, size_t *out_len)
{
    strbuf b;
    sb_init(&b);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        int l = (unsigned char)data[i] < 0x80 ? 1 : utf8_decode(data + i, len - i, &cp);
        int rc = l ? sb_add(&b, data + i, (size_t)l) : sb_adds(&b, "\xEF\xBF\xBD");
        if (rc < 0) {
            sb_free(&b);
            return NULL;
        }
        i += l ? (size_t)l : 1;
    }
    *out_len = b.len;
    return sb_take(&b);
}

char *cp1252_to_utf8(const char *data, size_t len, size_t *out_len)
{
    strbuf b;
    sb_init(&b);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)data[i];
        uint32_t cp = c >= 0x80 && c < 0xA0 ? cp1252_high[c - 0x80] : c;
        if (cp >= 0x80 && cp < 0xA0)
            continue; /* unassigned: nothing to show, nothing to say */
        char enc[4];
        if (sb_add(&b, enc, (size_t)utf8_encode(cp, enc)) < 0) {
            sb_free(&b);
            return NULL;
        }
    }
    *out_len = b.len;
    return sb_take(&b);
}

/* ── Text that is not UTF-8 ─────────────────────────────────────────────
 * uchardet names a charset from the bytes' statistics, and names the
 * script well, but on a few lines of French it hesitates between the
 * Latin charsets: "Le café de la gare" comes out ISO-8859-2, "Où est-il ?"
 * ISO-8859-13, "Il était une fois." WINDOWS-1250, and each of those turns
 * some accents into other letters (è into č). So its answer is taken only
 * when it reads the text as letters of another script (Cyrillic, Greek,
 * Arabic, Hebrew, Han...); any Latin reading gives windows-1252, as
 * browsers decide for French pages, and as the page reader does. */
#define GUESS_BYTES (256 << 10) /* enough to tell a script; fast on 5 MB */

bool charset_is_cp1252(const char *label) { return label_in(label, cp1252_labels); }

bool charset_known(const char *label)
{
    if (charset_is_cp1252(label))
        return true;
    iconv_t cd = iconv_open("UTF-8", label);
    if (cd == (iconv_t)-1)
        return false;
    iconv_close(cd);
    return true;
}

/* data in charset label as UTF-8, through iconv. Lenient, a byte the
 * charset cannot decode (a broken sequence, a page cut in the middle of a
 * character) becomes U+FFFD and the rest is read: libxml2 stops at such a
 * byte and drops the rest of the page. Otherwise such a byte fails it. */
static char *decode(const char *data, size_t len, const char *label, size_t *out_len, bool lenient)
{
    if (charset_is_cp1252(label))
        return cp1252_to_utf8(data, len, out_len);
    iconv_t cd = iconv_open("UTF-8", label);
    if (cd == (iconv_t)-1)
        return NULL;
    /* Four bytes out for each byte in is the most any charset needs (and
     * U+FFFD's three for one). */
    size_t in_left = len, out_size = len * 4 + 4, out_left = out_size;
    char *out = malloc(out_size), *in = (char *)data, *o = out;
    while (out && in_left && iconv(cd, &in, &in_left, &o, &out_left) == (size_t)-1) {
        if (!lenient || (errno != EILSEQ && errno != EINVAL))
            break;
        memcpy(o, "\xEF\xBF\xBD", 3); /* U+FFFD for the byte, and on */
        o += 3, out_left -= 3, in++, in_left--;
        iconv(cd, NULL, NULL, NULL, NULL); /* back to the initial shift state */
    }
    iconv_close(cd);
    if (!out || in_left) {
        free(out);
        return NULL;
    }
    *o = '\0';
    *out_len = (size_t)(o - out);
    return out;
}

char *charset_to_utf8(const char *data, size_t len, const char *label, size_t *out_len)
{
    return decode(data, len, label, out_len, false);
}

char *charset_to_utf8_lenient(const char *data, size_t len, const char *label, size_t *out_len)
{
    return decode(data, len, label, out_len, true);
}

/* Whether most non-ASCII characters of UTF-8 text are letters of a script
 * other than Latin. */
static bool mostly_other_script(const char *s, size_t n)
{
    size_t other = 0, non_ascii = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int l = utf8_decode(s + i, n - i, &cp);
        i += l ? (size_t)l : 1;
        if (!l || cp < 0x80)
            continue;
        non_ascii++;
        const uc_script_t *sc = uc_script(cp);
        if (uc_is_alpha(cp) && sc && strcmp(sc->name, "Latin") != 0 &&
            strcmp(sc->name, "Common") != 0 && strcmp(sc->name, "Inherited") != 0)
            other++;
    }
    return non_ascii && other * 5 >= non_ascii * 4;
}

const char *text_charset_guess(const char *data, size_t len, char label[40])
{
    size_t n = len < GUESS_BYTES ? len : GUESS_BYTES;
    uchardet_t ud = uchardet_new();
    if (ud && uchardet_handle_data(ud, data, n) == 0) {
        uchardet_data_end(ud);
        snprintf(label, 40, "%s", uchardet_get_charset(ud));
    } else {
        *label = '\0';
    }
    if (ud)
        uchardet_delete(ud);
    for (char *p = label; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    bool other = false;
    if (*label && !charset_is_cp1252(label) && strcmp(label, "utf-8") != 0) {
        size_t out_len;
        char *out = charset_to_utf8_lenient(data, n, label, &out_len); /* n may cut a character */
        other = out && mostly_other_script(out, out_len);
        free(out);
    }
    return other ? label : "windows-1252";
}
