/* Character classes and word look-ups for the normalizer's rules. All work
 * on the source bytes of one pass; nothing here writes output. */
#include "normalize.h"

#include <ctype.h>
#include <string.h>

bool ascii_only(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

bool one_of(const char *s, size_t n, const char *const *list, size_t count)
{
    for (size_t k = 0; k < count; k++)
        if (strlen(list[k]) == n && memcmp(s, list[k], n) == 0)
            return true;
    return false;
}

bool word_among(const pass *p, word_ref w, const char *const *words, size_t n)
{
    char low[32]; /* the list's words are short: a longer word is none of them */
    size_t len = w.end - w.start;
    if (!len || len >= sizeof low)
        return false;
    memcpy(low, p->s + w.start, len);
    low[0] = is_upper_ascii(low[0]) ? (char)(low[0] | 0x20) : low[0];
    return one_of(low, len, words, n);
}

/* A letter of U+00C0 to U+00FF (lead byte C3, then a continuation byte),
 * which holds every accented letter of French; not × and ÷. The caller
 * makes sure the second byte is there. */
static bool is_c3_letter(const char *s)
{
    unsigned char b = (unsigned char)s[1];
    return (unsigned char)s[0] == 0xC3 && (b & 0xC0) == 0x80 && b != 0x97 && b != 0xB7;
}

/* Letters include every non-ASCII code point that is not punctuation or a
 * space we know of: French letters are all Latin-1 or Latin Extended.
 * is_letter_at (normalize.h) has looked at ASCII. */
bool is_letter_beyond_ascii(const char *s, size_t len, size_t i)
{
    if (s[i] == '\xC3' && i + 1 < len && ((unsigned char)s[i + 1] & 0xC0) == 0x80)
        return is_c3_letter(s + i); /* é, à, ç: most of them */
    uint32_t cp;
    int l = utf8_decode(s + i, len - i, &cp);
    if (l && cp >= 0xC0 && cp < 0x2000)
        return !utf8_is_space(cp);
    /* not punctuation and symbols (2000–2BFF), variation selectors (FE00–
     * FE0F), emoji and other pictographs (1F000–1FAFF): "👉https://…" is a
     * symbol before an address, not one word */
    return l && cp > 0x2BFF && (cp < 0xFE00 || cp > 0xFE0F) && (cp < 0x1F000 || cp > 0x1FAFF) &&
           !utf8_is_space(cp);
}


size_t word_end_scan(const pass *p, size_t i)
{
    struct word_memo *m = p->memo ? &p->memo[i % MEMO_WORDS] : NULL;
    const char *s = p->s;
    size_t from = i, len = p->len;
    for (;;) {
        while (i < len && is_ascii_alnum((unsigned char)s[i]))
            i++; /* ASCII letters and digits: most of a French text */
        if (i + 1 < len && is_c3_letter(s + i)) {
            i += 2; /* é, à, ç: the rest of French letters */
            continue;
        }
        if (i >= len || (unsigned char)s[i] < 0x80 || !is_letter_at(s, len, i))
            break;
        uint32_t cp;
        int l = utf8_decode(s + i, len - i, &cp);
        i += l ? (size_t)l : 1;
    }
    if (m)
        *m = (struct word_memo){from, i};
    return i;
}

size_t space_len(const char *s, size_t len, size_t i)
{
    if (i < len && s[i] == ' ')
        return 1;
    if (i + 1 < len && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0)
        return 2; /* U+00A0 */
    if (i + 2 < len && (memcmp(s + i, "\xE2\x80\xAF", 3) == 0 ||
                        memcmp(s + i, "\xE2\x80\x89", 3) == 0))
        return 3; /* U+202F, U+2009 */
    return 0;
}

size_t digits_at(const char *s, size_t len, size_t i)
{
    size_t j = i;
    while (j < len && is_digit(s[j]))
        j++;
    return j - i;
}

size_t decimal_digits_at(const char *s, size_t len, size_t i)
{
    size_t j = i + digits_at(s, len, i);
    if (j > i && j + 1 < len && s[j] == ',' && is_digit(s[j + 1]))
        j += 1 + digits_at(s, len, j + 1);
    return j - i;
}

unsigned long long to_ull(const char *s, size_t n)
{
    unsigned long long v = 0;
    for (size_t i = 0; i < n && v <= NUM_MAX; i++)
        if (is_digit(s[i]))
            v = v * 10 + (unsigned)(s[i] - '0');
    return v;
}

bool after_between(const pass *p, size_t i)
{
    static const char *const entre[] = {"entre"}, *const article[] = {"le", "les"};
    word_ref w = prev_word(p, i);
    if (w.end < i && word_among(p, w, article, 2))
        w = prev_word(p, w.start);
    return w.end > w.start && word_among(p, w, entre, 1);
}

word_ref next_word(const pass *p, size_t i)
{
    size_t sp;
    while (i < p->len && (sp = space_len(p->s, p->len, i)) > 0)
        i += sp;
    return (word_ref){i, word_end(p, i)};
}

/* Whether the French list holds the word in small letters ("Thermes",
 * "FIN"). */
bool french_word_any_case(const pass *p, const char *s, size_t n)
{
    char lower[64];
    if (n >= sizeof lower)
        return false;
    for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)s[k];
        /* "DÉSINSCRIRE": a Latin-1 capital (C3 80–9E but ×) is its small
         * letter 0x20 further */
        bool latin_capital = k > 0 && (unsigned char)s[k - 1] == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97;
        lower[k] = (char)(latin_capital ? c + 0x20 : tolower(c));
    }
    return french_word_as_written(p->nz->accents, lower, n);
}

/* The word before i, skipping spaces and an elided article's apostrophe:
 * in "l'an 1000" the word before 1000 is "an"; before "an" it is "l". */
word_ref prev_word(const pass *p, size_t i)
{
    size_t e = i;
    while (e > 0) {
        size_t c = prev_char_start(p->s, e);
        if (!space_len(p->s, p->len, c))
            break;
        e = c;
    }
    size_t b = e;
    while (b > 0) {
        size_t c = prev_char_start(p->s, b);
        if (!is_word_at(p->s, p->len, c))
            break;
        b = c;
    }
    return (word_ref){b, e};
}

bool word_in(const pass *p, word_ref w, const word_set *set)
{
    size_t n = w.end - w.start;
    if (n == 0)
        return false;
    if (word_set_has(set, p->s + w.start, n))
        return true;
    /* A capitalized word at the start of a sentence matches its lower
     * case form: "Page 3" like "page 3", "Épisode 2/4" like "épisode". */
    char lower[64];
    const unsigned char *c = (const unsigned char *)p->s + w.start;
    bool latin1_capital = n >= 2 && c[0] == 0xC3 && c[1] >= 0x80 && c[1] <= 0x9E && c[1] != 0x97; /* À…Þ, not × */
    if ((!is_upper_ascii(p->s[w.start]) && !latin1_capital) || n >= sizeof lower)
        return false;
    memcpy(lower, p->s + w.start, n);
    lower[latin1_capital ? 1 : 0] = (char)(lower[latin1_capital ? 1 : 0] | 0x20);
    return word_set_has(set, lower, n);
}

/* Whether a plural determiner ("les", "des", "aux": one of
 * determiners.txt ending in s or x) stands before i: "les Navajos", "les
 * Grammys" are plurals, whose s is mute. */
bool after_plural_determiner(const pass *p, size_t i)
{
    word_ref w = prev_word(p, i);
    char last = w.end > w.start ? (char)(p->s[w.end - 1] | 0x20) : '\0';
    return (last == 's' || last == 'x') && word_in(p, w, &p->nz->determiners);
}

/* Whether w is longer than the l bytes of ending and ends with them,
 * compared from the last byte: most endings differ within two. */
static bool ends_with_ending(const pass *p, word_ref w, const char *ending, size_t l)
{
    if (w.end - w.start <= l)
        return false;
    for (size_t k = 1; k <= l; k++)
        if (p->s[w.end - k] != ending[l - k])
            return false;
    return true;
}

/* A feminine ending of the lists ("*tion"); a plural matches its
 * singular's ending too: "*tion" covers "associations". */
static bool feminine_ending(const pass *p, word_ref w)
{
    word_ref singular = w;
    if (ends_with_ending(p, w, "s", 1))
        singular.end--;
    const word_set *f = &p->nz->feminine;
    for (size_t k = 0; k < f->n_endings; k++)
        if (ends_with_ending(p, w, f->endings[k], f->ending_len[k]) ||
            ends_with_ending(p, singular, f->endings[k], f->ending_len[k]))
            return true;
    return false;
}

static bool noun_is_feminine(const pass *p, word_ref w, int depth);

/* An adjective between a number and its noun passes the question on:
 * "une magnifique maison", "vingt et une jeunes filles"; one that ends
 * the phrase is no noun to agree with ("le cycle 1 chronologique"). */
static bool feminine_after_adjective(const pass *p, word_ref w, char g, int depth)
{
    word_ref next = next_word(p, w.end);
    if (depth < 2 && next.start == w.end + 1 && next.end > next.start)
        return noun_is_feminine(p, next, depth + 1);
    return g == 'a' && feminine_ending(p, w);
}

/* Feminine when listed, or when the dictionary says so, or when it has a
 * feminine ending and is not a listed exception (comité, lycée). */
static bool noun_is_feminine(const pass *p, word_ref w, int depth)
{
    const ora_normalizer *nz = p->nz;
    if (w.start == w.end || word_in(p, w, &nz->masculine))
        return false;
    if (word_in(p, w, &nz->determiners))
        return false; /* "en Ligue 1 cette saison": the number ends its phrase */
    if (word_in(p, w, &nz->feminine))
        return true;
    word_ref singular = w;
    if (ends_with_ending(p, w, "s", 1))
        singular.end--;
    if (word_in(p, singular, &nz->masculine))
        return false;
    if (word_in(p, singular, &nz->feminine))
        return true;
    char g = dictionary_gender(nz->genders, p->s + w.start, w.end - w.start);
    if (!g && singular.end != w.end)
        g = dictionary_gender(nz->genders, p->s + singular.start, singular.end - singular.start);
    if (g == 'f' || g == 'm')
        return g == 'f';
    if (g == 'a' || g == 'A')
        return feminine_after_adjective(p, w, g, depth);
    return feminine_ending(p, w);
}

bool word_is_feminine(const pass *p, word_ref w)
{
    return noun_is_feminine(p, w, 0);
}

/* The bytes of the capital letter at k: an ASCII one, or É, È, Ô… (one
 * of U+00C0 to U+00DE but ×); 0 for anything else. */
size_t capital_at(const pass *p, size_t k)
{
    if (k < p->len && is_upper_ascii(p->s[k]))
        return 1;
    unsigned char c = k + 1 < p->len ? (unsigned char)p->s[k + 1] : 0;
    return k + 1 < p->len && (unsigned char)p->s[k] == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97 ? 2 : 0;
}

/* Whether s[0, n) is an ASCII capital then ASCII lower-case letters. */
bool capitalized_ascii(const char *s, size_t n)
{
    if (n == 0 || !is_upper_ascii(s[0]))
        return false;
    for (size_t k = 1; k < n; k++)
        if (s[k] < 'a' || s[k] > 'z')
            return false;
    return true;
}

bool word_capitalized(const pass *p, word_ref w)
{
    if (w.start == w.end)
        return false;
    unsigned char c = (unsigned char)p->s[w.start];
    if (c < 0x80)
        return isupper(c);
    uint32_t cp;
    int l = utf8_decode(p->s + w.start, w.end - w.start, &cp);
    return l && cp >= 0xC0 && cp <= 0xDE && cp != 0xD7; /* É, À, Î… */
}

/* Words in -s or -x that are no plural nouns: "en 1980 les prix". */
static bool function_word(const pass *p, word_ref w)
{
    static const char *const words[] = {
        "les",   "des",    "ces",   "ses",   "mes",     "tes",    "nos",      "vos",
        "aux",   "leurs",  "plus",  "sous",  "dans",    "sans",   "vers",     "alors",
        "depuis", "après", "jamais", "toujours", "mais", "puis",  "chez",     "dès",
        "très",  "lors",   "ils",   "elles", "nous",    "vous",   "deux",     "trois",
        "six",   "dix",    "tous",  "plusieurs", "moins", "parmi", "lesquels", "desquels"};
    size_t n = w.end - w.start;
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (strlen(words[k]) == n && memcmp(p->s + w.start, words[k], n) == 0)
            return true;
    return false;
}

bool word_plural_like(const pass *p, word_ref w)
{
    if (w.end - w.start < 3 || word_capitalized(p, w))
        return false;
    char c = p->s[w.end - 1];
    return (c == 's' || c == 'x') && !function_word(p, w);
}

num_style style(const pass *p, bool feminine, bool invariable)
{
    return (num_style){p->nz->dialect, feminine, invariable};
}

bool after_apostrophe(const pass *p, size_t i)
{
    return (i > 0 && p->s[i - 1] == '\'') ||
           (i >= 3 && memcmp(p->s + i - 3, "\xE2\x80\x99", 3) == 0);
}

size_t apostrophe_at(const pass *p, size_t i)
{
    if (i < p->len && p->s[i] == '\'')
        return 1;
    return starts_with_at(p, i, "\xE2\x80\x99") ? 3 : 0;
}

size_t apostrophe_start(const pass *p, size_t i)
{
    return i > 0 && p->s[i - 1] == '\'' ? i - 1 : i - 3;
}

size_t range_dash_between(const pass *p, size_t j)
{
    size_t k = j + space_len(p->s, p->len, j);
    size_t dash = k < p->len && p->s[k] == '-' ? 1 : starts_with_at(p, k, "\xE2\x80\x93") ? 3 : 0;
    if (!dash)
        return 0;
    k += dash;
    return k + space_len(p->s, p->len, k) - j;
}
