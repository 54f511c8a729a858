/* The normalizer: written French → words eSpeak NG reads right.
 *
 * One left-to-right pass. At each word boundary the rules are tried in a
 * fixed order (lexicon, Roman ordinals, times, numeric dates, numbers,
 * acronyms); the first that matches consumes its source bytes and writes
 * words. Everything else is copied. Each output piece records the source
 * bytes it came from, so a transcript can show "18 novembre 2024" while the
 * voice says the words. */
#include "lexicon.h"
#include "numwords.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct ora_normalizer {
    lexicon lex;
    phrase_list feminine;
    phrase_list ordinal_nouns; /* siècle, République: after "Ve", "Xe" */
    num_dialect dialect;
};

typedef struct {
    const ora_normalizer *nz;
    const char *s;
    size_t len;
    ora_normalized *out;
    strbuf text;
} pass;

/* ── Output with alignment ─────────────────────────────────────────────── */

static void add_span(pass *p, size_t out_start, size_t src_start, size_t src_end)
{
    ora_normalized *o = p->out;
    ora_span *last = o->n_spans ? &o->spans[o->n_spans - 1] : NULL;
    if (o->n_spans == o->cap_spans) {
        o->cap_spans = o->cap_spans ? o->cap_spans * 2 : 64;
        o->spans = realloc(o->spans, o->cap_spans * sizeof *o->spans);
        last = o->n_spans ? &o->spans[o->n_spans - 1] : NULL;
    }
    (void)last;
    o->spans[o->n_spans++] = (ora_span){out_start, p->text.len, src_start, src_end};
}

/* Writes words for source bytes [from, to). */
static void emit(pass *p, size_t from, size_t to, const char *words)
{
    size_t start = p->text.len;
    sb_adds(&p->text, words);
    add_span(p, start, from, to);
}

/* Copies source bytes [from, to) unchanged, merging with a previous copy. */
static void copy(pass *p, size_t from, size_t to)
{
    ora_normalized *o = p->out;
    ora_span *last = o->n_spans ? &o->spans[o->n_spans - 1] : NULL;
    size_t start = p->text.len;
    sb_add(&p->text, p->s + from, to - from);
    if (last && last->src_end == from && last->out_end == start &&
        last->out_end - last->out_start == last->src_end - last->src_start &&
        memcmp(p->text.s + last->out_start, p->s + last->src_start,
               last->src_end - last->src_start) == 0) {
        last->out_end = p->text.len;
        last->src_end = to;
        return;
    }
    add_span(p, start, from, to);
}

/* ── Character classes ─────────────────────────────────────────────────── */

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Letters include every non-ASCII code point that is not punctuation or a
 * space we know of: French letters are all Latin-1 or Latin Extended. */
static bool is_letter_at(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80)
        return isalpha(c);
    uint32_t cp;
    int l = utf8_decode(s + i, len - i, &cp);
    return l && !utf8_is_space(cp) && cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 &&
           (cp < 0x2000 || cp > 0x2BFF);
}

static bool is_word_at(const char *s, size_t len, size_t i)
{
    return i < len && (is_digit(s[i]) || is_letter_at(s, len, i));
}

/* Length of the code point that ends just before i. */
static size_t prev_char_start(const char *s, size_t i)
{
    size_t j = i;
    while (j > 0 && ((unsigned char)s[j - 1] & 0xC0) == 0x80)
        j--;
    return j ? j - 1 : 0;
}

static bool at_boundary(const pass *p, size_t i)
{
    return i == 0 || !is_word_at(p->s, p->len, prev_char_start(p->s, i));
}

static size_t word_end(const pass *p, size_t i)
{
    while (i < p->len && is_word_at(p->s, p->len, i)) {
        uint32_t cp;
        int l = utf8_decode(p->s + i, p->len - i, &cp);
        i += l ? (size_t)l : 1;
    }
    return i;
}

/* Spaces that may separate thousands or a number from its unit. */
static size_t space_len(const char *s, size_t len, size_t i)
{
    if (i < len && s[i] == ' ')
        return 1;
    if (i + 1 < len && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0)
        return 2; /* U+00A0 */
    if (i + 2 < len && memcmp(s + i, "\xE2\x80\xAF", 3) == 0)
        return 3; /* U+202F */
    if (i + 2 < len && memcmp(s + i, "\xE2\x80\x89", 3) == 0)
        return 3; /* U+2009 */
    return 0;
}

static size_t digits_at(const char *s, size_t len, size_t i)
{
    size_t j = i;
    while (j < len && is_digit(s[j]))
        j++;
    return j - i;
}

static unsigned long long to_ull(const char *s, size_t n)
{
    unsigned long long v = 0;
    for (size_t i = 0; i < n && v <= NUM_MAX; i++)
        if (is_digit(s[i]))
            v = v * 10 + (unsigned)(s[i] - '0');
    return v;
}

static num_style style(const pass *p, bool feminine, bool invariable)
{
    return (num_style){p->nz->dialect, feminine, invariable};
}

/* Whether the word after the space at i is in list. */
static bool next_word_in(const pass *p, size_t i, const phrase_list *list)
{
    size_t sp = i < p->len ? space_len(p->s, p->len, i) : 0;
    if (!sp)
        return false;
    size_t w = i + sp, e = word_end(p, w);
    for (size_t k = 0; k < list->n; k++) {
        const char *f = list->items[k];
        if (strlen(f) == e - w && strncmp(f, p->s + w, e - w) == 0)
            return true;
    }
    return false;
}

static bool next_word_is_feminine(const pass *p, size_t i)
{
    return next_word_in(p, i, &p->nz->feminine);
}

/* ── Rules ─────────────────────────────────────────────────────────────── */

/* Abbreviation marks after a word: "M.", "J.-C.", "n°". */
static size_t skip_abbreviation_marks(const pass *p, size_t e)
{
    for (;;) {
        if (e < p->len && (p->s[e] == '.' || p->s[e] == '-'))
            e++;
        else if (e + 1 < p->len && memcmp(p->s + e, "\xC2\xB0", 2) == 0)
            e += 2;
        else
            return e;
    }
}

/* Lexicon entries, longest first: "av. J.-C." before "J.-C.". A match must
 * end at a word boundary. */
static size_t rule_lexicon(pass *p, size_t i)
{
    size_t ends[8], n = 0, j = i;
    for (int tokens = 0; tokens < 3 && j < p->len; tokens++) {
        size_t e = word_end(p, j);
        e = skip_abbreviation_marks(p, e);
        if (e == j)
            break;
        size_t we = word_end(p, j);
        if (we > j && n < 8)
            ends[n++] = we;
        if (e > we && n < 8)
            ends[n++] = e;
        if (e >= p->len || p->s[e] != ' ')
            break;
        j = e + 1;
    }
    while (n--) {
        size_t e = ends[n];
        if (is_word_at(p->s, p->len, e))
            continue;
        const char *alias = lexicon_lookup(&p->nz->lex, p->s + i, e - i);
        if (alias) {
            emit(p, i, e, alias);
            return e - i;
        }
    }
    return 0;
}

static int roman_value(const char *s, size_t n)
{
    int total = 0, prev = 0;
    for (size_t k = n; k-- > 0;) {
        int v = s[k] == 'I' ? 1 : s[k] == 'V' ? 5 : s[k] == 'X' ? 10
              : s[k] == 'L' ? 50 : s[k] == 'C' ? 100 : s[k] == 'M' ? 1000 : 0;
        if (!v)
            return 0;
        total += v < prev ? -v : v;
        if (v > prev)
            prev = v;
    }
    return total > 0 && total < 4000 ? total : 0;
}

/* "XXIe siècle", "IIIe République", "Ier": Roman ordinals. */
static size_t rule_roman_ordinal(pass *p, size_t i)
{
    size_t j = i;
    while (j < p->len && strchr("IVXLCM", p->s[j]) && p->s[j])
        j++;
    if (j == i)
        return 0;
    int v = roman_value(p->s + i, j - i);
    /* One letter is a numeral only before a noun that takes one: "Le
     * démocrate" and "Ce matin" are not 50th and 100th. "Ier" always is. */
    if (j - i == 1 && p->s[i] != 'I' && !next_word_in(p, j + 1, &p->nz->ordinal_nouns))
        v = 0;
    static const char *const suffixes[] = {"ème", "ère", "er", "re", "e", NULL};
    for (const char *const *sf = suffixes; *sf; sf++) {
        size_t l = strlen(*sf);
        if (v && j + l <= p->len && strncmp(p->s + j, *sf, l) == 0 &&
            !is_word_at(p->s, p->len, j + l)) {
            strbuf b;
            sb_init(&b);
            num_style st = style(p, false, false);
            bool fem = (*sf)[0] == 'r' || strcmp(*sf, "ère") == 0;
            num_ordinal(&b, (unsigned long long)v, fem, false, &st);
            emit(p, i, j + l, b.s);
            sb_free(&b);
            return j + l - i;
        }
    }
    return 0;
}

/* "01h58", "9 h 30", "18:30", "12h". */
static size_t rule_time(pass *p, size_t i)
{
    size_t hd = digits_at(p->s, p->len, i);
    if (hd < 1 || hd > 2)
        return 0;
    size_t j = i + hd;
    size_t sp = space_len(p->s, p->len, j);
    bool colon = j < p->len && p->s[j] == ':';
    if (!colon && !(j + sp < p->len && p->s[j + sp] == 'h'))
        return 0;
    j += colon ? 1 : sp + 1;
    size_t sp2 = colon ? 0 : space_len(p->s, p->len, j);
    size_t md = digits_at(p->s, p->len, j + sp2);
    if (md == 2)
        j += sp2 + 2;
    else if (colon || md)
        return 0;
    if (is_word_at(p->s, p->len, j))
        return 0;
    unsigned h = (unsigned)to_ull(p->s + i, hd);
    unsigned m = md == 2 ? (unsigned)to_ull(p->s + j - 2, 2) : 0;
    if (h > 24 || m > 59)
        return 0;
    strbuf b;
    sb_init(&b);
    num_style fem = style(p, true, false), masc = style(p, false, false);
    num_cardinal(&b, h, &fem);
    sb_adds(&b, h > 1 ? " heures" : " heure");
    if (m) {
        sb_addc(&b, ' ');
        num_cardinal(&b, m, &masc);
    }
    emit(p, i, j, b.s);
    sb_free(&b);
    return j - i;
}

static const char *const months[] = {
    "janvier", "février", "mars",      "avril",   "mai",      "juin",
    "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};

/* "17/11/2024" → dix-sept novembre deux mille vingt-quatre. */
static size_t rule_numeric_date(pass *p, size_t i)
{
    size_t d = digits_at(p->s, p->len, i);
    if (d < 1 || d > 2 || i + d >= p->len || p->s[i + d] != '/')
        return 0;
    size_t j = i + d + 1, m = digits_at(p->s, p->len, j);
    if (m < 1 || m > 2 || j + m >= p->len || p->s[j + m] != '/')
        return 0;
    size_t k = j + m + 1, y = digits_at(p->s, p->len, k);
    if (y != 4 && y != 2)
        return 0;
    unsigned day = (unsigned)to_ull(p->s + i, d), mon = (unsigned)to_ull(p->s + j, m);
    unsigned year = (unsigned)to_ull(p->s + k, y);
    if (day < 1 || day > 31 || mon < 1 || mon > 12 || is_word_at(p->s, p->len, k + y))
        return 0;
    if (y == 2)
        year += 2000;
    strbuf b;
    sb_init(&b);
    num_style st = style(p, false, false), yr = style(p, false, true);
    if (day == 1)
        sb_adds(&b, "premier");
    else
        num_cardinal(&b, day, &st);
    sb_printf(&b, " %s ", months[mon - 1]);
    num_cardinal(&b, year, &yr);
    emit(p, i, k + y, b.s);
    sb_free(&b);
    return k + y - i;
}

typedef struct {
    char digits[64]; /* integer digits, separators removed */
    size_t n_digits;
    const char *frac;
    size_t n_frac;
    bool grouped; /* written with thousands separators */
} number_text;

/* Reads "50 000", "1 450 000", "73.51", "73,51" starting at i. */
static size_t scan_number(const pass *p, size_t i, number_text *nt)
{
    size_t d = digits_at(p->s, p->len, i);
    if (!d || d >= sizeof nt->digits)
        return 0;
    memset(nt, 0, sizeof *nt);
    memcpy(nt->digits, p->s + i, d);
    nt->n_digits = d;
    size_t j = i + d;
    while (d <= 3) { /* thousands groups: exactly three digits each */
        size_t sp = space_len(p->s, p->len, j);
        if (!sp || digits_at(p->s, p->len, j + sp) != 3 ||
            nt->n_digits + 3 >= sizeof nt->digits)
            break;
        memcpy(nt->digits + nt->n_digits, p->s + j + sp, 3);
        nt->n_digits += 3;
        nt->grouped = true;
        j += sp + 3;
    }
    if (j + 1 < p->len && (p->s[j] == ',' || p->s[j] == '.') && is_digit(p->s[j + 1])) {
        size_t f = digits_at(p->s, p->len, j + 1);
        nt->frac = p->s + j + 1;
        nt->n_frac = f;
        j += 1 + f;
    }
    return j - i;
}

/* "1er", "2e", "3es", "2nde": returns the suffix length, 0 if none. */
static size_t ordinal_suffix(const pass *p, size_t j, bool *fem, bool *plural,
                             bool *second)
{
    static const struct {
        const char *s;
        bool fem, plural, second;
    } sfx[] = {{"èmes", 0, 1, 0}, {"ème", 0, 0, 0}, {"ères", 1, 1, 0},
               {"ère", 1, 0, 0},  {"ers", 0, 1, 0}, {"er", 0, 0, 0},
               {"res", 1, 1, 0},  {"re", 1, 0, 0},  {"es", 0, 1, 0},
               {"e", 0, 0, 0},    {"nde", 1, 0, 1}, {"nd", 0, 0, 1}};
    for (size_t k = 0; k < sizeof sfx / sizeof *sfx; k++) {
        size_t l = strlen(sfx[k].s);
        if (j + l <= p->len && strncmp(p->s + j, sfx[k].s, l) == 0 &&
            !is_word_at(p->s, p->len, j + l)) {
            *fem = sfx[k].fem, *plural = sfx[k].plural, *second = sfx[k].second;
            return l;
        }
    }
    return 0;
}

/* The '%' sign after a number, with or without a space. */
static size_t percent_sign(const pass *p, size_t j)
{
    size_t sp = space_len(p->s, p->len, j);
    return j + sp < p->len && p->s[j + sp] == '%' ? sp + 1 : 0;
}

static size_t rule_number(pass *p, size_t i)
{
    number_text nt;
    size_t n = scan_number(p, i, &nt);
    if (!n)
        return 0;
    size_t j = i + n;
    unsigned long long v = to_ull(nt.digits, nt.n_digits);
    strbuf b;
    sb_init(&b);
    bool fem = false, plural = false, second = false;
    size_t ord = nt.frac ? 0 : ordinal_suffix(p, j, &fem, &plural, &second);
    size_t pct = percent_sign(p, j);
    if (nt.n_digits > 15) {
        sb_free(&b);
        return 0; /* leave long digit strings (identifiers) to eSpeak */
    }
    if (ord) {
        num_style st = style(p, false, false);
        if (second)
            sb_adds(&b, fem ? "seconde" : "second");
        else
            num_ordinal(&b, v, fem, plural, &st);
        j += ord;
    } else {
        bool year_like = !nt.grouped && nt.n_digits == 4 && v >= 1000 && v <= 2100;
        bool feminine = !pct && !nt.frac && next_word_is_feminine(p, j);
        num_style st = style(p, feminine, year_like);
        num_cardinal(&b, v, &st);
        if (nt.frac) {
            num_style plain = style(p, false, false);
            sb_adds(&b, " virgule ");
            num_decimal_digits(&b, nt.frac, nt.n_frac, &plain);
        }
        if (pct) {
            sb_adds(&b, " pour cent");
            j += pct;
        }
    }
    emit(p, i, j, b.s);
    sb_free(&b);
    return j - i;
}

/* A sign right before a number: "+2,3 %" → plus deux virgule trois. */
static size_t rule_signed_number(pass *p, size_t i)
{
    size_t sl = 0;
    const char *word = NULL;
    if (p->s[i] == '+')
        sl = 1, word = "plus ";
    else if (p->s[i] == '-')
        sl = 1, word = "moins ";
    else if (i + 2 < p->len && memcmp(p->s + i, "\xE2\x88\x92", 3) == 0)
        sl = 3, word = "moins "; /* U+2212 */
    if (!sl || i + sl >= p->len || !is_digit(p->s[i + sl]))
        return 0;
    if (i > 0 && !isspace((unsigned char)p->s[i - 1]) && p->s[i - 1] != '(')
        return 0;
    emit(p, i, i + sl, word);
    size_t n = rule_number(p, i + sl);
    return n ? sl + n : sl;
}

static bool all_caps_word(const char *s, size_t n)
{
    size_t caps = 0;
    for (size_t k = 0; k < n; k++) {
        if (!isupper((unsigned char)s[k]))
            return false;
        caps++;
    }
    return caps >= 2;
}

static bool pronounceable(const char *s, size_t n)
{
    /* French can say a capitalized word when vowels and consonants
     * alternate enough: no vowel, or three consonants in a row at the
     * start, means letters. */
    size_t vowels = 0, run = 0, max_run = 0;
    for (size_t k = 0; k < n; k++) {
        bool v = strchr("AEIOUY", s[k]) != NULL;
        vowels += v;
        run = v ? 0 : run + 1;
        if (run > max_run)
            max_run = run;
    }
    return vowels > 0 && max_run <= 2 && n >= 4;
}

/* Unknown all-capitals words: spelled ("S N C F") or said as a word. */
static size_t rule_acronym(pass *p, size_t i)
{
    size_t e = word_end(p, i);
    if (!all_caps_word(p->s + i, e - i))
        return 0;
    strbuf b;
    sb_init(&b);
    if (pronounceable(p->s + i, e - i)) {
        sb_addc(&b, p->s[i]);
        for (size_t k = i + 1; k < e; k++)
            sb_addc(&b, (char)tolower((unsigned char)p->s[k]));
    } else {
        for (size_t k = i; k < e; k++) {
            if (k > i)
                sb_addc(&b, ' ');
            sb_addc(&b, p->s[k]);
        }
    }
    emit(p, i, e, b.s);
    sb_free(&b);
    return e - i;
}

typedef size_t (*rule_fn)(pass *p, size_t i);

static size_t apply_rules(pass *p, size_t i)
{
    static const rule_fn rules[] = {rule_lexicon, rule_roman_ordinal,
                                    rule_time,    rule_numeric_date,
                                    rule_number,  rule_acronym};
    if (!at_boundary(p, i))
        return 0;
    size_t n = rule_signed_number(p, i);
    for (size_t k = 0; !n && k < sizeof rules / sizeof *rules; k++)
        n = rules[k](p, i);
    return n;
}

/* ── Public API ────────────────────────────────────────────────────────── */

static num_dialect dialect_of(const char *voice)
{
    if (voice && str_starts_with(voice, "fr-be"))
        return NUM_BE;
    if (voice && str_starts_with(voice, "fr-ch"))
        return NUM_CH;
    return NUM_FR;
}

ora_normalizer *ora_normalizer_new(const char *voice, ora_error *err)
{
    ora_normalizer *n = calloc(1, sizeof *n);
    if (!n)
        return NULL;
    lexicon_init(&n->lex);
    n->dialect = dialect_of(voice);
    static const char *const builtin[] = {"lexicons/fr/abbreviations.pls",
                                          "lexicons/fr/acronyms.pls"};
    for (size_t k = 0; k < 2; k++) {
        char *path = data_path(builtin[k]);
        int rc = lexicon_load_pls(&n->lex, path, err);
        free(path);
        if (rc < 0) {
            ora_normalizer_free(n);
            return NULL;
        }
    }
    if (phrase_list_load("lexicons/fr/feminine-nouns.txt", &n->feminine, err) < 0 ||
        phrase_list_load("lexicons/fr/ordinal-nouns.txt", &n->ordinal_nouns, err) < 0) {
        ora_normalizer_free(n);
        return NULL;
    }
    return n;
}

int ora_normalizer_add_lexicon(ora_normalizer *n, const char *path, ora_error *err)
{
    return lexicon_load_pls(&n->lex, path, err);
}

void ora_normalizer_free(ora_normalizer *n)
{
    if (!n)
        return;
    lexicon_free(&n->lex);
    phrase_list_free(&n->feminine);
    phrase_list_free(&n->ordinal_nouns);
    free(n);
}

int ora_normalize(const ora_normalizer *n, const char *text, size_t len,
                  ora_normalized *out, ora_error *err)
{
    memset(out, 0, sizeof *out);
    pass p = {n, text, len, out, {0}};
    sb_init(&p.text);
    for (size_t i = 0; i < len;) {
        size_t used = apply_rules(&p, i);
        if (used) {
            i += used;
            continue;
        }
        uint32_t cp;
        int l = utf8_decode(text + i, len - i, &cp);
        size_t step = l ? (size_t)l : 1;
        /* Inside a word, copy the whole word so rules do not fire mid-word. */
        if (is_word_at(text, len, i))
            step = word_end(&p, i) - i;
        copy(&p, i, i + step);
        i += step;
    }
    (void)err;
    out->len = p.text.len;
    out->text = sb_take(&p.text);
    return 0;
}

void ora_normalized_free(ora_normalized *r)
{
    free(r->text);
    free(r->spans);
    memset(r, 0, sizeof *r);
}

char *ora_normalize_string(const ora_normalizer *n, const char *text, ora_error *err)
{
    ora_normalized r;
    if (ora_normalize(n, text, strlen(text), &r, err) < 0)
        return NULL;
    char *s = r.text;
    r.text = NULL;
    ora_normalized_free(&r);
    return s;
}
