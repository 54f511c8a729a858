/* Input clean-up before any rule: the forms real pages write that mean the
 * same as a plainer one. Accents typed as a letter and a combining mark
 * (NFD text) are composed with libunistring (NFC), soft hyphens and
 * zero-width characters removed, the minus sign folded, vulgar fractions
 * written in ASCII ("½" → "1/2"), and superscript letters after a number or an
 * abbreviation made plain ("1ᵉʳ" → "1er", "Mᵐᵉ" → "Mme"), and emoji
 * dropped, so that the rules see one form of each.
 *
 * Most texts need none of it: a first look at the lead bytes that can
 * start such a character decides, so plain text costs one table look-up a
 * byte. When something changes, a map from each clean byte to its source
 * byte keeps the transcript's alignment to what was written. */
#include "normalize.h"

#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <unictype.h>
#include <uninorm.h>

/* Lead bytes of the characters this file may change: U+00AD and U+00A0
 * (C2), combining marks (CC, CD), modifier letters (CA, CB), phonetic
 * superscripts (E1), punctuation, the minus and symbols (E2), U+FEFF and
 * the variation selectors (EF), emoji (F0) and their tags (F3). */
static bool may_change_lead(unsigned char c)
{
    return c == 0xC2 || c == 0xCA || c == 0xCB || c == 0xCC || c == 0xCD || c == 0xE1 ||
           c == 0xE2 || c == 0xEF || c == 0xF0 || c == 0xF3;
}

static bool is_combining(uint32_t cp) { return cp >= 0x300 && cp <= 0x36F; }

/* An emoji, or a part of one: eSpeak NG reads them by their names
 * ("⤵️" flèche, "😀" visage riant, "⚽" ballon de football), which no news
 * reader says. Pictographs from the arrows on (U+2190), so that ©, ® and
 * ™ stay the text's (but see trademark_after_word); variation selectors,
 * the keycap mark, skin tones, flag letters and tag characters, which
 * only shape an emoji. */
static bool is_pictograph(uint32_t cp)
{
    if (cp == 0xFE0E || cp == 0xFE0F || cp == 0x20E3 || (cp >= 0x1F3FB && cp <= 0x1F3FF) ||
        (cp >= 0x1F1E6 && cp <= 0x1F1FF) || (cp >= 0xE0020 && cp <= 0xE007F))
        return true;
    return cp >= 0x2190 && uc_is_property_extended_pictographic(cp);
}

static bool is_dropped(uint32_t cp)
{
    return cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF ||
           is_pictograph(cp);
}

/* A superscript letter ("ᵉ", "ʳ", "ᵐ"): its compatibility decomposition
 * is <super> and one letter. The ordinal indicators º and ª are left to
 * the lexicon ("nº"), superscript digits to the units ("m²"). */
static uint32_t superscript_letter(uint32_t cp)
{
    if (cp < 0x2B0 || cp == 0xBA || cp == 0xAA)
        return 0;
    ucs4_t dec[UC_DECOMPOSITION_MAX_LENGTH];
    int type;
    int n = uc_decomposition(cp, &type, dec);
    if (n != 1 || type != UC_DECOMP_SUPER || !uc_is_alpha(dec[0]) || dec[0] >= 0x80)
        return 0;
    return dec[0];
}

/* A vulgar fraction ("½", "¾", "⅓"): its compatibility decomposition is
 * <fraction> digits, U+2044 and digits, written to out in ASCII ("1/2")
 * so that the fraction rules say it ("2 ½ cuillères": deux cuillères et
 * demie, where eSpeak NG said "deux un demi cuillères"). Returns the
 * bytes written, 0 when cp is none. */
static bool is_fraction_cp(uint32_t cp)
{
    return cp == 0xBC || cp == 0xBD || cp == 0xBE || (cp >= 0x2150 && cp <= 0x215E);
}

static size_t vulgar_fraction(uint32_t cp, char out[8])
{
    if (!is_fraction_cp(cp))
        return 0;
    ucs4_t dec[UC_DECOMPOSITION_MAX_LENGTH];
    int type;
    int n = uc_decomposition(cp, &type, dec);
    if (n < 3 || n > 7 || type != UC_DECOMP_FRACTION)
        return 0;
    for (int k = 0; k < n; k++) {
        if (dec[k] == 0x2044)
            out[k] = '/';
        else if (dec[k] >= '0' && dec[k] <= '9')
            out[k] = (char)dec[k];
        else
            return 0;
    }
    return (size_t)n;
}

/* A single folded character, 0 when cp stays as it is. */
static uint32_t folded(uint32_t cp)
{
    /* The curly apostrophe and the no-break spaces stay: the rules know
     * them (space_len, elisions), eSpeak NG reads them right, and the
     * transcript shows the text as written. */
    switch (cp) {
    case 0x2032: /* ′ used as an apostrophe */
        return '\'';
    case 0x2212: /* − */
    case 0x2010: /* ‐, the hyphen */
    case 0x2011: /* ‑, the no-break hyphen: "2017‑2018" is a range */
        return '-';
    case 0x2007: /* figure space */
        return ' ';
    case 0x2044: /* ⁄, the fraction slash: "1⁄2" */
        return '/';
    default:
        return 0;
    }
}

/* Whether the word before the space before i is one in `words`. */
static bool after_word_in(const char *s, size_t i, const char *const *words, size_t n_words)
{
    for (size_t k = 0; k < n_words; k++) {
        size_t n = strlen(words[k]);
        unsigned char before = i > n ? (unsigned char)s[i - n - 1] : ' ';
        if (i >= n && memcmp(s + i - n, words[k], n) == 0 && !isalpha(before) && before < 0x80)
            return true;
    }
    return false;
}

/* Whether a dash at i, before the number at num, is a minus: at the
 * start of a line, after "(", or after a word that a number follows,
 * never an aside ("s'établit à – 0,3 %", "entre - 9 % et - 10 %"); after
 * "et" or "contre" only before a percentage ("de - 2,5 % contre - 6 %"),
 * as "les 11 et - 12" may open an aside. An aside's dash follows other
 * words ("la filiale – 300 salariés –"). */
bool dash_opens_number(const char *s, size_t len, size_t i, size_t num)
{
    static const char *const always[] = {"\xC3\xA0 ", "de ", "soit ", "entre "};
    static const char *const percent[] = {"et ", "contre "};
    if (i == 0 || s[i - 1] == '(' || s[i - 1] == '\n' || after_word_in(s, i, always, 4))
        return true;
    if (!after_word_in(s, i, percent, 2))
        return false;
    size_t e = num;
    while (e < len && (isdigit((unsigned char)s[e]) || ((s[e] == ',' || s[e] == '.') && e + 1 < len &&
                                                        isdigit((unsigned char)s[e + 1]))))
        e++;
    if (e < len && s[e] == ' ')
        e++;
    return e < len && s[e] == '%';
}

/* An en or em dash right before a number where dash_opens_number says
 * it is a minus ("(– 0,2 %)", "à – 0,3 %"). Returns the bytes to replace
 * by '-'. */
static size_t dash_as_minus(const char *s, size_t len, size_t i, uint32_t cp)
{
    if (cp != 0x2013 && cp != 0x2014)
        return 0;
    size_t e = i + 3;
    if (e < len && s[e] == ' ')
        e++;
    return e < len && s[e] >= '0' && s[e] <= '9' && dash_opens_number(s, len, i, e) ? e - i : 0;
}


/* "Purell®", "Control™": a trademark sign glued to its name, which a
 * reader does not say (eSpeak NG: "marque déposée"). Apart, or before
 * a word, it is the text's. */
static bool trademark_after_word(const char *s, size_t len, size_t i, uint32_t cp)
{
    return (cp == 0xAE || cp == 0x2122) && word_ends_before(s, len, i);
}

bool clean_needed(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        if (i + 8 <= len && eight_ascii(s + i)) {
            i += 8; /* eight ASCII bytes at once: most of a text */
            continue;
        }
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80 || !may_change_lead(c)) {
            i++;
            continue;
        }
        uint32_t cp;
        int l = utf8_decode(s + i, len - i, &cp);
        if (l && (is_combining(cp) || is_dropped(cp) || folded(cp) || dash_as_minus(s, len, i, cp) ||
                  trademark_after_word(s, len, i, cp) ||
                  is_fraction_cp(cp) ||
                  (c != 0xC2 && c != 0xE2 && superscript_letter(cp))))
            return true;
        i += l ? (size_t)l : 1;
    }
    return false;
}

typedef struct {
    strbuf text;
    size_t *map; /* clean byte → source byte */
    size_t cap;
} cleaned;

/* Appends n bytes; the k-th maps to src + k * step (step 0: all to src). */
static bool add_run(cleaned *c, const char *bytes, size_t n, size_t src, size_t step)
{
    if (c->text.len + n + 1 > c->cap) {
        size_t cap = (c->cap ? c->cap * 2 : 256) + n;
        size_t *m = realloc(c->map, cap * sizeof *m);
        if (!m)
            return false;
        c->map = m, c->cap = cap;
    }
    for (size_t k = 0; k < n; k++)
        c->map[c->text.len + k] = src + k * step;
    return n == 0 || sb_add(&c->text, bytes, n) == 0;
}

static bool add_mapped(cleaned *c, const char *bytes, size_t n, size_t src)
{
    return add_run(c, bytes, n, src, 0);
}

/* At most this many combining marks are composed onto one letter (the
 * Stream-Safe Text Format's 30): ordering marks costs the square of their
 * number, and 30 KB of marks took minutes. Further marks are dropped. */
#define MAX_MARKS 30

/* A letter and its combining marks, composed by libunistring. */
static size_t compose_cluster(cleaned *c, const char *s, size_t len, size_t i,
                              size_t *from)
{
    size_t e = i, marks = 0;
    uint32_t cp;
    int l = utf8_decode(s + e, len - e, &cp);
    e += l ? (size_t)l : 1;
    while (e < len && marks < MAX_MARKS && (l = utf8_decode(s + e, len - e, &cp)) &&
           is_combining(cp))
        e += (size_t)l, marks++;
    size_t n = 0;
    uint8_t *nfc = u8_normalize(UNINORM_NFC, (const uint8_t *)s + i, e - i, NULL, &n);
    bool ok = nfc ? add_mapped(c, (const char *)nfc, n, i) : add_mapped(c, s + i, e - i, i);
    free(nfc);
    *from = e;
    return ok;
}

/* Whether a word starts at i, past the rest of an emoji. */
static bool before_word(const char *s, size_t len, size_t i)
{
    uint32_t cp;
    int l;
    while (i < len && (l = utf8_decode(s + i, len - i, &cp)) && is_pictograph(cp))
        i += (size_t)l;
    return is_word_at(s, len, i);
}

static bool clean_one(cleaned *c, const char *s, size_t len, size_t *i)
{
    size_t at = *i;
    uint32_t cp;
    int l = utf8_decode(s + at, len - at, &cp);
    if (!l) {
        *i = at + 1;
        return add_mapped(c, s + at, 1, at);
    }
    size_t next = at + (size_t)l;
    if (next < len && (unsigned char)s[next] >= 0xCC && (unsigned char)s[next] <= 0xCD) {
        uint32_t mark;
        if (utf8_decode(s + next, len - next, &mark) && is_combining(mark))
            return compose_cluster(c, s, len, at, i);
    }
    *i = next;
    if (is_combining(cp) && c->text.len &&
        at - c->map[prev_char_start(c->text.s, c->text.len)] <= 4) {
        /* "e" + U+0301: the base, just before, went out plain */
        size_t b = prev_char_start(c->text.s, c->text.len);
        size_t base = c->map[b];
        c->text.len = b;
        c->text.s[b] = '\0';
        bool ok = compose_cluster(c, s, len, base, i);
        if (*i < next) /* the cluster stopped short of this mark (a bad byte */
            *i = next; /* in between): drop the mark, and always move on */
        return ok;
    }
    if (is_pictograph(cp) && word_ends_before(s, len, at) && before_word(s, len, next))
        return add_mapped(c, " ", 1, at); /* "Bravo😀les" is two words */
    if (is_pictograph(cp) && next < len && s[next] == ' ' &&
        (!c->text.len || c->text.s[c->text.len - 1] == ' ' || c->text.s[c->text.len - 1] == '\n'))
        *i = next + 1; /* "Bravo 😀 les": one space left, not two */
    if (is_dropped(cp) || is_combining(cp) || trademark_after_word(s, len, at, cp))
        return true;
    size_t dash = dash_as_minus(s, len, at, cp);
    if (dash) {
        *i = at + dash;
        return add_mapped(c, "-", 1, at);
    }
    char frac[9];
    bool glued = at > 0 && s[at - 1] >= '0' && s[at - 1] <= '9';
    size_t fl = glued || !word_ends_before(s, len, at) ? vulgar_fraction(cp, frac + 1) : 0;
    if (fl) { /* "2½": a space parts the whole number from the fraction; */
        frac[0] = ' '; /* "t½", a half-life, is a symbol and stays */
        return add_run(c, glued ? frac : frac + 1, glued ? fl + 1 : fl, at, 0);
    }
    uint32_t to = folded(cp);
    if (!to && word_ends_before(s, len, at))
        to = superscript_letter(cp);
    if (to == 'o' && at > 0 && (s[at - 1] == 'n' || s[at - 1] == 'N'))
        to = 0xB0; /* "nᵒ" is "n°", the lexicon's numéro */
    if (!to)
        return add_mapped(c, s + at, (size_t)l, at);
    char buf[4];
    int n = utf8_encode(to, buf);
    return add_mapped(c, buf, (size_t)n, at);
}

int clean_text(const char *s, size_t len, char **out, size_t *out_len, size_t **map)
{
    cleaned c = {{0}, NULL, 0};
    sb_init(&c.text);
    bool ok = true;
    for (size_t i = 0; ok && i < len;) {
        size_t j = i;
        while (j < len && !may_change_lead((unsigned char)s[j]))
            j++;
        ok = add_run(&c, s + i, j - i, i, 1); /* plain bytes map to themselves */
        i = j;
        if (ok && i < len)
            ok = clean_one(&c, s, len, &i);
    }
    if (ok && !c.text.s && sb_addc(&c.text, ' ') == 0)
        c.text.s[--c.text.len] = '\0'; /* all of it dropped: an empty text */
    if (ok)
        ok = add_mapped(&c, "", 0, len) && c.text.s;
    if (!ok) {
        sb_free(&c.text);
        free(c.map);
        return -1;
    }
    c.map[c.text.len] = len;
    *out_len = c.text.len;
    *out = sb_take(&c.text);
    *map = c.map;
    return 0;
}
