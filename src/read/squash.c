/* See squash.h. ASCII goes byte by byte; only other bytes are decoded. */
#include "squash.h"
#include "internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>


/* What a folded hash keeps of a byte: ASCII letters in lower case, digits,
 * bytes of characters beyond ASCII; 0 for the rest. A constant table:
 * built at each call, it cost a quarter of the hashing (blocks are a few
 * hundred bytes), and computed a byte, more than the lookup. */
#define ALNUM_FOLD(c)                                                                 \
    ((c) >= 0x80 || ((c) >= '0' && (c) <= '9')       ? (c)                            \
     : (((c) | 0x20) >= 'a' && ((c) | 0x20) <= 'z') ? ((c) | 0x20)                   \
                                                     : 0)
#define ALNUM_FOLD4(c) ALNUM_FOLD(c), ALNUM_FOLD(c + 1), ALNUM_FOLD(c + 2), ALNUM_FOLD(c + 3)
#define ALNUM_FOLD16(c) ALNUM_FOLD4(c), ALNUM_FOLD4(c + 4), ALNUM_FOLD4(c + 8), ALNUM_FOLD4(c + 12)
#define ALNUM_FOLD64(c) ALNUM_FOLD16(c), ALNUM_FOLD16(c + 16), ALNUM_FOLD16(c + 32), ALNUM_FOLD16(c + 48)
const unsigned char alnum_folds[256] = {ALNUM_FOLD64(0), ALNUM_FOLD64(64), ALNUM_FOLD64(128),
                                        ALNUM_FOLD64(192)};

static bool is_invisible(uint32_t cp)
{
    return cp == 0x200B || cp == 0xFEFF || cp == 0xAD || cp == 0x200C ||
           cp == 0x200D || cp == 0x2060 || cp == 0x180E;
}

static bool is_apostrophe(uint32_t cp)
{
    return cp == 0x2019 || cp == 0x02BC || cp == 0x2018;
}

/* “ ” „ ‟: a <title> types '"' where the page's <h1> sets them. */
static bool is_double_quote(uint32_t cp)
{
    return cp >= 0x201C && cp <= 0x201F;
}

/* 0x80 in each byte of v (eight ASCII bytes) that is c, 0 in the others:
 * exact, no byte's carry spills into the next. */
static uint64_t bytes_equal(uint64_t v, unsigned char c)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7Full;
    uint64_t t = v ^ (c * 0x0101010101010101ull);
    return ~(((t & low7) + low7) | t | low7);
}

/* How many of the eight bytes x (from s[i]) squash to themselves, lowered
 * from A-Z when fold: the printable ASCII bytes before the first other one,
 * with single spaces, no space after an apostrophe when folding. A space may
 * open them only when the text before ends on a word (joined), and may close
 * them only when printable ASCII follows (at[]: the bytes from s[i]); else
 * the bytes before it are taken. French words are shorter than eight bytes
 * and a letter in four is accented: a step that took eight or nothing went
 * byte by byte most of the time. x is rewritten. */
static size_t plain_ascii_run(uint64_t *x, bool fold, bool joined, const unsigned char *at,
                              size_t left)
{
    const uint64_t high = 0x8080808080808080ull, one = 0x0101010101010101ull;
    uint64_t v = *x;
    /* a byte beyond ASCII, a control byte or DEL */
    uint64_t bad = (v & high) | (~(v + 0x60 * one) & high) | ((v + one) & high);
    size_t k = bad ? (size_t)__builtin_ctzll(bad) / 8 : 8;
    uint64_t keep = k == 8 ? ~0ull : (1ull << (8 * k)) - 1;
    uint64_t space = bytes_equal(v, ' ') & keep;
    if (!k || ((space & 0x80) && !joined) || (space & (space << 8)))
        return 0; /* a space to drop, or two in a row */
    if (fold && ((bytes_equal(v, '\'') << 8) & space))
        return 0; /* "L' auteur" is folded to "l'auteur" */
    if (fold) {
        uint64_t from_a = (v + 0x3F * one) & high, past_z = (v + 0x25 * one) & high;
        v += (from_a & ~past_z) >> 2; /* 'A' to 'Z' take 0x20 */
    }
    *x = v;
    if (space >> (8 * k - 1) & 1) { /* a space last: kept before a word */
        unsigned char next = k < left ? at[k] : 0;
        k -= !(next > ' ' && next < 0x7F);
    }
    return k;
}

size_t squash_into(const char *s, size_t n, char *out, bool fold)
{
    size_t o = 0;
    bool pending = false;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        uint64_t x;
        size_t run;
        if (c >= ' ' && c < 0x7F && i + 8 <= n && (memcpy(&x, s + i, 8), true) &&
            (run = plain_ascii_run(&x, fold, o > 0 && !pending && !(fold && out[o - 1] == '\''),
                                   (const unsigned char *)s + i, n - i))) {
            if (pending)
                out[o++] = ' ';
            pending = false;
            memcpy(out + o, &x, 8); /* out has room: the eighth byte is rewritten or past the end */
            o += run, i += run;
            continue;
        }
        if (c < 0x80) { /* the common case, without decoding */
            i++;
            if (c <= ' ' || c == 0x7F) {
                /* folded, "L' auteur" (a copy's space after an elided
                 * article) is "l'auteur" */
                pending = o > 0 && !(fold && out[o - 1] == '\'');
                continue;
            }
            if (pending)
                out[o++] = ' ';
            pending = false;
            /* ASCII by arithmetic: tolower() asks the locale every byte */
            out[o++] = (char)(fold && c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            continue;
        }
        uint32_t cp = c;
        int l = utf8_decode(s + i, n - i, &cp);
        if (!l) {
            i++; /* a stray byte */
            continue;
        }
        const char *src = s + i;
        i += (size_t)l;
        if (is_invisible(cp))
            continue;
        /* C1 controls, spaces, and the line and paragraph separators */
        if (cp < 0xA0 || utf8_is_space(cp) || cp == 0x2028 || cp == 0x2029) {
            pending = o > 0 && !(fold && out[o - 1] == '\'');
            continue;
        }
        if (pending)
            out[o++] = ' ';
        pending = false;
        if (fold && is_apostrophe(cp)) {
            out[o++] = '\'';
        } else if (fold && is_double_quote(cp)) {
            out[o++] = '"';
        } else if (fold && cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) { /* À → à */
            o += (size_t)utf8_encode(cp + 0x20, out + o);
        } else {
            for (int k = 0; k < l; k++)
                out[o++] = src[k];
        }
    }
    out[o] = '\0';
    return o;
}

char *squash_folded(const char *s)
{
    size_t n = strlen(s);
    char *out = malloc(n + 1);
    if (out)
        squash_into(s, n, out, true);
    return out;
}

bool word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

static bool says_whole_word(const char *text, const char *w, size_t n)
{
    for (const char *p = text; (p = strstr(p, w)); p++)
        if ((p == text || !word_byte((unsigned char)p[-1])) && !word_byte((unsigned char)p[n]))
            return true;
    return false;
}

#define WORD_PARTS " ,.:;!?'\"()-|"
size_t words_said(const char *words, const char *text, size_t min_letters, size_t *counted)
{
    char *copy = squash_folded(words), *folded = squash_folded(text);
    size_t said = 0;
    *counted = 0;
    for (char *w = folded ? copy : NULL; w && *w;) {
        size_t n = strcspn(w, WORD_PARTS);
        if (n >= min_letters) {
            char save = w[n];
            w[n] = '\0';
            ++*counted;
            said += says_whole_word(folded, w, n);
            w[n] = save;
        }
        w += n;
        w += strspn(w, WORD_PARTS);
    }
    free(copy), free(folded);
    return said;
}


/* spaced_words of a text in which Chinese or Japanese may stand. */
static size_t spaced_words_unspaced(const char *s)
{
    size_t w = 0;
    for (const char *p = s; *p;) {
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, " ");
        w += n ? token_words(p, n) : 0;
        p += n;
    }
    return w;
}

size_t spaced_words(const char *s)
{
    return spaced_words_upto(s, SIZE_MAX);
}

/* Word starts in eight bytes of s at i, none of them the lead of an
 * unspaced script's letter: bytes that are no space after a space (the
 * byte before the eight given in *space_before, 0x80 when a space). */
static size_t eight_byte_starts(uint64_t x, uint64_t *space_before)
{
    const uint64_t high = 0x8080808080808080ull;
    uint64_t space = bytes_equal(x, ' ');
    uint64_t starts = ~space & high & (space << 8 | *space_before);
    *space_before = space >> 56;
    return high_bits_count(starts);
}

size_t spaced_words_upto(const char *s, size_t limit)
{
    const uint64_t high = 0x8080808080808080ull;
    size_t w = 0, n = strlen(s), i = 0;
    uint64_t space_before = 0x80; /* the text's first byte opens a word */
    for (; i + 8 <= n && w <= limit; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        if (x & (x << 1) & (x << 2) & high) /* a byte from 0xE0: ’, or a letter of Chinese or Thai? */
            for (size_t k = i; k < i + 8; k++)
                if (unspaced_lead((unsigned char)s[k]))
                    return spaced_words_unspaced(s);
        w += eight_byte_starts(x, &space_before);
    }
    if (w > limit)
        return w;
    const char *p = s + i;
    for (; *p && w <= limit; p++) {
        if (unspaced_lead((unsigned char)*p))
            return spaced_words_unspaced(s);
        w += *p != ' ' && (p == s || p[-1] == ' ');
    }
    return w;
}

/* A character of a script written without spaces between words: kana
 * (U+3040–U+30FF) or a Han ideograph (U+3400–U+9FFF). */
bool unspaced_letter_at(const char *s)
{
    uint32_t cp;
    if ((unsigned char)*s < 0xE3 || utf8_decode(s, strnlen(s, 3), &cp) != 3)
        return false;
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF);
}

/* A letter of a script of South-East Asia written without spaces between
 * words, whose words are several letters long: Thai, Lao (U+0E00–U+0EFF),
 * Myanmar (U+1000–U+109F), Khmer (U+1780–U+17FF). */
bool unspaced_syllabic_at(const char *s)
{
    uint32_t cp;
    unsigned char c = (unsigned char)*s;
    if ((c != 0xE0 && c != 0xE1) || utf8_decode(s, strnlen(s, 3), &cp) != 3)
        return false;
    return (cp >= 0x0E00 && cp <= 0x0EFF) || (cp >= 0x1000 && cp <= 0x109F) || (cp >= 0x1780 && cp <= 0x17FF);
}

size_t token_words(const char *p, size_t n)
{
    size_t unspaced = 0, syllabic = 0;
    /* the letters are three bytes: p[0, n) need not end on a NUL, and a
     * letter's test must not read past it */
    for (size_t k = 0; k + 3 <= n; k++) {
        unspaced += unspaced_letter_at(p + k);
        syllabic += unspaced_syllabic_at(p + k);
    }
    unspaced += syllabic / SYLLABIC_WORD_LETTERS;
    return unspaced > 1 ? unspaced : 1;
}

bool latin_capital_at(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    return (c >= 'A' && c <= 'Z') ||
           (c == 0xC3 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0x9E);
}

bool latin_lower_at(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    return (c >= 'a' && c <= 'z') ||
           (c == 0xC3 && (unsigned char)s[1] >= 0xA0 && (unsigned char)s[1] <= 0xBF);
}

bool several_sentences(const char *t)
{
    for (const char *p = t; *p; p++) /* a stop by comparisons: strchr was a call a byte */
        if (p > t && (*p == '.' || *p == '!' || *p == '?') && p[1] == ' ' && isupper((unsigned char)p[2]) &&
            (islower((unsigned char)p[-1]) || isdigit((unsigned char)p[-1]) || (unsigned char)p[-1] >= 0x80))
            return true;
    return false;
}

bool ends_on_script_stop(const char *s, size_t n)
{
    if (!n || (unsigned char)s[n - 1] < 0x80)
        return false;
    size_t start = n - 1;
    while (start > 0 && n - start < 4 && ((unsigned char)s[start] & 0xC0) == 0x80)
        start--;
    ucs4_t c;
    return u8_mbtouc(&c, (const uint8_t *)s + start, n - start) == (int)(n - start) &&
           uc_is_property_sentence_terminal(c);
}

size_t before_closing_marks(const char *s, size_t n)
{
    for (;;) {
        if (n && (s[n - 1] == ' ' || s[n - 1] == '"' || s[n - 1] == ')' || s[n - 1] == '\''))
            n--;
        else if (n >= 3 && (strncmp(s + n - 3, "\xE2\x80\x9D", 3) == 0 || /* ” */
                            strncmp(s + n - 3, "\xE2\x80\x99", 3) == 0))  /* ’ */
            n -= 3;
        else
            break;
    }
    if (n >= 2 && strncmp(s + n - 2, "\xC2\xBB", 2) == 0) { /* » */
        n -= 2;
        while (n && s[n - 1] == ' ')
            n--;
        if (n >= 2 && strncmp(s + n - 2, "\xC2\xA0", 2) == 0)
            n -= 2;
    }
    return n;
}

/* A sentence that really ends: a headline may end on a quote, a
 * paragraph ends on a full stop, perhaps inside the quote ('.»'). */
bool ends_full_stop(const char *s, size_t n)
{
    n = before_closing_marks(s, n);
    if (!n)
        return false;
    char c = s[n - 1];
    return c == '.' || c == '!' || c == '?' ||
           (n >= 3 && strncmp(s + n - 3, "\xE2\x80\xA6", 3) == 0) || ends_on_script_stop(s, n);
}

/* How many times sep stands in s. */
static int count_of(const char *s, const char *sep)
{
    int n = 0;
    for (const char *p = s; (p = strstr(p, sep)); p += strlen(sep))
        n++;
    return n;
}

/* "Accueil » Société » Trafic": more closing chevrons than opening ones
 * are the arrows of a breadcrumb, not quotes; so are single angle
 * quotes (no quote opens on "›") and two " > " or more. */
bool breadcrumb_shape(const char *s)
{
    int open = 0, close = 0;
    for (const char *p = s; (p = strstr(p, "\xC2")); p++)
        open += (unsigned char)p[1] == 0xAB, close += (unsigned char)p[1] == 0xBB;
    if (close > open && close >= 1 && open == 0 && strstr(s, " \xC2\xBB "))
        return true;
    return (count_of(s, " \xE2\x80\xBA ") >= 1 && !strstr(s, "\xE2\x80\xB9")) || count_of(s, " > ") >= 2 ||
           count_of(s, " / ") >= 2;
}

/* "2 min.", "4 min", "45 s", "1 h", "3:27": a clip's duration, a whole field. */
static bool duration_field(const char *f, size_t n)
{
    while (n && (f[n - 1] == '.' || f[n - 1] == ' '))
        n--;
    size_t d = 0;
    while (d < n && d < 3 && f[d] >= '0' && f[d] <= '9')
        d++;
    if (!d)
        return false;
    if (d < n && f[d] == ':') /* "3:27" */
        return n - d == 3 && f[d + 1] >= '0' && f[d + 1] <= '5' && f[d + 2] >= '0' && f[d + 2] <= '9';
    size_t u = d + (d < n && f[d] == ' ');
    return (n - u == 3 && memcmp(f + u, "min", 3) == 0) || (n - u == 2 && memcmp(f + u, "mn", 2) == 0) ||
           (n - u == 1 && (f[u] == 's' || f[u] == 'h'));
}

bool media_card_shape(const char *s)
{
    if (count_of(s, " / ") < 2)
        return false;
    for (const char *f = s;;) {
        const char *sep = strstr(f, " / ");
        size_t n = sep ? (size_t)(sep - f) : strlen(f);
        if (duration_field(f, n))
            return true;
        if (!sep)
            return false;
        f = sep + 3;
    }
}

bool names_around_slash(const char *s)
{
    size_t words = 0;
    if (!strstr(s, " / ") || !latin_capital_at(s))
        return false;
    for (const char *p = s; *p; p++) {
        if (p > s && p[-1] != ' ')
            continue;
        size_t n = strcspn(p, " ");
        bool small = n <= 3 && p >= s + 2 && latin_lower_at(p) && p[-2] != '/';
        if ((*p != '/' && !latin_capital_at(p) && !small) || ++words > 8)
            return false;
    }
    return true;
}

bool names_path(const char *s)
{
    return count_of(s, " / ") >= 2 && names_around_slash(s);
}

bool ends_on_ellipsis(const char *s, size_t n)
{
    return n >= 3 && (memcmp(s + n - 3, "...", 3) == 0 || memcmp(s + n - 3, "\xE2\x80\xA6", 3) == 0);
}

bool ends_on_cut_mark(const char *s, size_t n)
{
    static const char *const marks[] = {"(...)", "(\xE2\x80\xA6)", "[...]", "[\xE2\x80\xA6]"};
    for (size_t k = 0; k < sizeof marks / sizeof *marks; k++) {
        size_t m = strlen(marks[k]);
        if (n >= m && memcmp(s + n - m, marks[k], m) == 0)
            return true;
    }
    return false;
}

/* The letters and digits of a text, without accents and lower-cased
 * ("L'Écho du Périgord" → "lechoduperigord"), to compare with a host or
 * with another text. Letters of every script count: a Russian lede and
 * its first paragraph differ in their Cyrillic, not in their digits. */
char *bare_letters(const char *s, size_t n)
{
    size_t len = 0;
    uint8_t *d = u8_normalize(UNINORM_NFKD, (const uint8_t *)s, n, NULL, &len);
    char *out = d ? malloc(len + 1) : NULL;
    size_t o = 0;
    for (size_t i = 0; out && i < len;) {
        ucs4_t uc;
        int l = u8_mbtouc(&uc, d + i, len - i);
        if (uc < 0x80) {
            if (isalnum((int)uc))
                out[o++] = (char)tolower((int)uc);
        } else if (uc_is_alnum(uc) && !uc_is_general_category(uc, UC_CATEGORY_M)) {
            o += (size_t)u8_uctomb((uint8_t *)out + o, uc_tolower(uc), (int)(len + 1 - o));
        }
        i += l > 0 ? (size_t)l : 1;
    }
    if (out)
        out[o] = '\0';
    free(d);
    return out;
}

/* Words a sentence of a pull quote has, at least, to be sought alone. */
#define PULLED_SENTENCE_WORDS 4

bool sentences_said_in(const char *s, const char *const *others, size_t n)
{
    size_t sought = 0;
    while (*s) {
        size_t len = 0;
        while (s[len] && !(strchr(".!?", s[len]) && (s[len + 1] == ' ' || !s[len + 1])))
            len++;
        len += s[len] != '\0';
        char *piece = ora_strndup(s, len);
        bool said = true;
        if (piece && spaced_words(piece) >= PULLED_SENTENCE_WORDS) {
            char *lt = bare_letters(piece, len);
            said = false;
            for (size_t j = 0; lt && *lt && j < n && !said; j++)
                said = others[j] && strstr(others[j], lt);
            sought++;
            free(lt);
        }
        free(piece);
        if (!said)
            return false;
        s += len;
        s += strspn(s, " ");
    }
    return sought >= 2; /* one sentence said again far off is the lead-in of a list, a heading */
}

/* Words of who speaks under a pull quote, at most. */
#define SPEAKER_WORDS_MAX 16

bool speaker_shape(const char *t, size_t words, bool ascii_dash)
{
    bool dash = strncmp(t, "\xE2\x80\x94", 3) == 0 || strncmp(t, "\xE2\x80\x93", 3) == 0 ||
                (ascii_dash && t[0] == '-');
    return words <= SPEAKER_WORDS_MAX && (dash || strchr(t, ',') != NULL);
}
