/* Numbers: cardinals with thousands separators, decimals, signs, ordinals,
 * percentages, ranges and scores, fractions and phone numbers. The number
 * rule also hands over to units and currencies (normalize_units.c) because
 * the number decides their plural and the unit decides the number's gender
 * ("une tonne", "vingt et une heures"). */
#include "normalize.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    char digits[64]; /* integer digits, separators removed */
    size_t n_digits;
    const char *frac;
    size_t n_frac;
    bool grouped; /* written with thousands separators */
} number_text;

/* A group separator between thousands: a space of some kind, a Swiss
 * apostrophe, or a dot followed by exactly three digits ("10.000",
 * "21.930,54", "1.000.000"). French writes decimals with a comma, so a dot
 * before three digits is decided by the digit groups: a decimal would
 * rarely have exactly three. */
static size_t group_sep(const pass *p, size_t j, bool dotted)
{
    size_t sp = space_len(p->s, p->len, j);
    if (!sp && j < p->len && p->s[j] == '\'')
        sp = 1; /* Swiss: 1'000'000 */
    else if (!sp && starts_with_at(p, j, "\xE2\x80\x99"))
        sp = 3; /* the same with U+2019 */
    if (sp)
        return dotted ? 0 : sp;
    bool dot_group = j < p->len && p->s[j] == '.' && digits_at(p->s, p->len, j + 1) == 3;
    bool more = j + 5 < p->len && p->s[j + 4] == '.' && is_digit(p->s[j + 5]);
    if (dot_group && (dotted || !more || digits_at(p->s, p->len, j + 5) == 3))
        return 1;
    return 0;
}

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
    bool dotted = false;
    while (d <= 3 && p->s[i] != '0') { /* thousands groups of three digits */
        size_t sp = group_sep(p, j, dotted);
        if (!sp || digits_at(p->s, p->len, j + sp) != 3 ||
            nt->n_digits + 3 >= sizeof nt->digits)
            break;
        dotted |= p->s[j] == '.';
        memcpy(nt->digits + nt->n_digits, p->s + j + sp, 3);
        nt->n_digits += 3;
        nt->grouped = true;
        j += sp + 3;
    }
    bool decimal_mark = j + 1 < p->len && (p->s[j] == ',' || (p->s[j] == '.' && !dotted));
    if (decimal_mark && is_digit(p->s[j + 1])) {
        size_t f = digits_at(p->s, p->len, j + 1);
        nt->frac = p->s + j + 1;
        nt->n_frac = f;
        j += 1 + f;
    }
    return j - i;
}

void say_number_text(const pass *p, strbuf *b, const char *digits, size_t n,
                     bool feminine)
{
    num_style st = style(p, feminine, false);
    if (n > 1 && digits[0] == '0') { /* "007", "05": zeros are said */
        num_decimal_digits(b, digits, n, &st);
        return;
    }
    num_cardinal(b, to_ull(digits, n), &st);
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
               {"e", 0, 0, 0},    {"nde", 1, 0, 1}, {"nds", 0, 1, 1},
               {"nd", 0, 0, 1},   {"ndes", 1, 1, 1}, {"è", 0, 0, 0},
               {"eme", 0, 0, 0}, {"emes", 0, 1, 0}, {"de", 1, 0, 1}, {"des", 1, 1, 1},
               {"d", 0, 0, 1}, {"ds", 0, 1, 1},
               /* superscript letters of web typography: 1ᵉʳ, 1ʳᵉ, 2ᵉ, 3ᵉˢ */
               {"\xE1\xB5\x89\xCA\xB3", 0, 0, 0}, {"\xCA\xB3\xE1\xB5\x89", 1, 0, 0},
               {"\xE1\xB5\x89\xCB\xA2", 0, 1, 0}, {"\xE1\xB5\x89", 0, 0, 0}};
    for (size_t k = 0; k < sizeof sfx / sizeof *sfx; k++) {
        if (word_is(p, j, sfx[k].s)) {
            *fem = sfx[k].fem, *plural = sfx[k].plural, *second = sfx[k].second;
            return strlen(sfx[k].s);
        }
    }
    return 0;
}

/* '%' or '‰' after a number, with or without a space. */
static size_t percent_sign(const pass *p, size_t j, const char **words)
{
    size_t sp = space_len(p->s, p->len, j);
    if (starts_with_at(p, j + sp, "%")) {
        *words = " pour cent";
        return sp + 1;
    }
    if (starts_with_at(p, j + sp, "\xE2\x80\xB0")) {
        *words = " pour mille";
        return sp + 3;
    }
    return 0;
}

/* A dash between two numbers: '-' or U+2013 directly followed by a digit. */
static size_t range_dash(const pass *p, size_t j)
{
    if (j + 1 < p->len && p->s[j] == '-' && is_digit(p->s[j + 1]))
        return 1;
    if (starts_with_at(p, j, "\xE2\x80\x93") && j + 3 < p->len && is_digit(p->s[j + 3]))
        return 3;
    return 0;
}

/* Whether the number at i is a label: "page 500", "p. 380", "n° 2021-1109",
 * "article L. 121-2" (a code's letter between the noun and the number). */
static bool label_before(const pass *p, size_t i)
{
    word_ref w = prev_word(p, i);
    if (w.start == w.end && w.end > 0) {
        size_t e = w.end;
        while (e > 0 && p->s[e - 1] == ' ')
            e--;
        unsigned char mark = e > 0 ? (unsigned char)p->s[e - 1] : 0;
        if (mark == 0xB0 || mark == 0xBA)
            return true; /* "n° 2021-1109": a number after n° is a label */
        if (mark == '.')
            w = prev_word(p, e - 1);
    }
    if (w.end - w.start == 1 && is_upper_ascii(p->s[w.start]))
        w = prev_word(p, w.start);
    return word_in(p, w, &p->nz->label_nouns);
}

/* Years are invariable (mille neuf cent quatre-vingt), and so are numbers
 * used as labels (page cinq cent, article quatre-vingt). A four-digit
 * number followed by a plural noun is a count: 1980 euros. */
static bool invariable_number(const pass *p, size_t i, size_t j, const number_text *nt,
                              unsigned long long v)
{
    if (label_before(p, i))
        return true;
    if (nt->grouped || nt->frac || nt->n_digits != 4 || v < 1000 || v > 2100)
        return false;
    return !word_plural_like(p, next_word(p, j));
}

static void say_decimal(const pass *p, strbuf *b, const number_text *nt,
                        bool feminine, bool invariable)
{
    num_style st = style(p, feminine && !nt->frac, invariable);
    if (nt->n_digits > 1 && nt->digits[0] == '0' && !invariable)
        num_decimal_digits(b, nt->digits, nt->n_digits, &st);
    else
        num_cardinal(b, to_ull(nt->digits, nt->n_digits), &st);
    if (nt->frac) {
        num_style plain = style(p, false, false);
        sb_adds(b, " virgule ");
        num_decimal_digits(b, nt->frac, nt->n_frac, &plain);
    }
}

/* The value as a double, for the plural of what follows (< 2: singular). */
static double number_value(const number_text *nt)
{
    double v = (double)to_ull(nt->digits, nt->n_digits);
    if (nt->frac && nt->n_frac)
        v += (nt->frac[0] - '0') / 10.0 + (nt->n_frac > 1 ? (nt->frac[1] - '0') / 100.0 : 0);
    return v;
}

static size_t say_ordinal(pass *p, size_t i, size_t j, const number_text *nt)
{
    bool fem = false, plural = false, second = false;
    size_t ord = ordinal_suffix(p, j, &fem, &plural, &second);
    if (!ord)
        return 0;
    strbuf b;
    sb_init(&b);
    num_style st = style(p, false, false);
    if (second)
        sb_printf(&b, "%s%s", fem ? "seconde" : "second", plural ? "s" : "");
    else
        num_ordinal(&b, to_ull(nt->digits, nt->n_digits), fem, plural, &st);
    return emit_built(p, i, j + ord, &b);
}

/* "2 480 €", "1,72 €", "7 M€". */
static size_t say_number_money(pass *p, size_t i, size_t j, const number_text *nt)
{
    const currency_name *c;
    const char *scale;
    size_t n = currency_after_number(p, j, &c, &scale);
    if (!n)
        return 0;
    strbuf b;
    sb_init(&b);
    say_money(p, &b, c, scale, nt->digits, nt->n_digits, nt->frac, nt->n_frac);
    size_t end = j + n;
    if (end + 1 < p->len && p->s[end] == '/' && is_letter_at(p->s, p->len, end + 1)) {
        sb_adds(&b, " par"); /* "3 €/mois", "80 $/baril", "4 000 €/m²" */
        size_t ul = unit_after_number(p, end + 1, &b, 1, &(bool){false});
        if (!ul)
            sb_addc(&b, ' ');
        end += 1 + ul;
    }
    return emit_built(p, i, end, &b);
}

/* "140 km/h", "1,93 m", "30 °C": the unit's gender makes "une tonne". */
static size_t say_number_unit(pass *p, size_t i, size_t j, const number_text *nt)
{
    strbuf u;
    sb_init(&u);
    bool fem = false;
    size_t n = unit_after_number(p, j, &u, number_value(nt), &fem);
    if (!n) {
        sb_free(&u);
        return 0;
    }
    number_text plain = *nt; /* "09 s": neuf secondes, not zéro neuf */
    while (plain.n_digits > 1 && plain.digits[0] == '0')
        memmove(plain.digits, plain.digits + 1, plain.n_digits--);
    strbuf b;
    sb_init(&b);
    say_decimal(p, &b, &plain, fem, false);
    sb_printf(&b, " %s", u.s);
    sb_free(&u);
    return emit_built(p, i, j + n, &b);
}

/* After a round number of millions, a noun takes "de": "deux millions de
 * personnes", "un milliard d'euros". Returns the bytes of space consumed
 * when "d'" is glued to the noun. */
static size_t of_before_noun(const pass *p, size_t j, strbuf *b)
{
    word_ref w = next_word(p, j);
    if (w.start != j + 1 || p->s[j] != ' ' || !word_plural_like(p, w))
        return 0;
    char c = p->s[w.start];
    bool vowel = strchr("aeiouyh", c) || (unsigned char)c == 0xC3; /* é, â… */
    sb_adds(b, vowel ? " d'" : " de");
    return vowel ? 1 : 0;
}

/* "95k", "20K": thousands, as social networks and salaries write them.
 * Not before a letter ("3kg" is a unit) nor a currency ("5k€", said by
 * the money rule). */
static size_t multiplier_k(const pass *p, size_t j)
{
    if (j >= p->len || (p->s[j] != 'k' && p->s[j] != 'K') || is_word_at(p->s, p->len, j + 1))
        return 0;
    return 1;
}

/* "2 1/2" → deux et demi, "3 1/4" → trois et quart, "1 3/4" → un et
 * trois quarts: a whole number and a fraction after a space. A noun after
 * comes before the fraction, as French says it: "deux ans et demi",
 * "trois heures et demie". */
static size_t mixed_fraction(const pass *p, size_t j, strbuf *b)
{
    if (j + 4 > p->len || p->s[j] != ' ' || p->s[j + 2] != '/' ||
        is_word_at(p->s, p->len, j + 4) || (j + 4 < p->len && p->s[j + 4] == '/'))
        return 0;
    const char *f = p->s + j + 1;
    const char *words = f[0] == '1' && f[2] == '2' ? " et demi"
                      : f[0] == '1' && f[2] == '4' ? " et quart"
                      : f[0] == '3' && f[2] == '4' ? " et trois quarts" : NULL;
    if (!words)
        return 0;
    size_t end = j + 4;
    word_ref w = next_word(p, end);
    bool noun = w.start == end + 1 && w.end > w.start && !word_capitalized(p, w) &&
                word_plural_like(p, w);
    if (noun) {
        sb_printf(b, " %.*s", (int)(w.end - w.start), p->s + w.start);
        end = w.end;
    }
    sb_adds(b, words);
    if (noun && f[2] == '2' && word_is_feminine(p, w))
        sb_addc(b, 'e');
    return end - j;
}

size_t rule_number(pass *p, size_t i)
{
    number_text nt;
    size_t n = scan_number(p, i, &nt);
    if (!n || nt.n_digits > 15)
        return 0; /* long digit strings (identifiers) are left to eSpeak */
    size_t j = i + n, done;
    if (!nt.frac && (done = say_ordinal(p, i, j, &nt)))
        return done;
    if ((done = say_number_money(p, i, j, &nt)) || (done = say_number_unit(p, i, j, &nt)))
        return done;
    unsigned long long v = to_ull(nt.digits, nt.n_digits);
    const char *pct_words = NULL;
    size_t pct = percent_sign(p, j, &pct_words);
    size_t dash = pct ? 0 : range_dash(p, j);
    bool invariable = invariable_number(p, i, j, &nt, v);
    word_ref next = next_word(p, j);
    /* "700 mille": sept cent mille; "95k": quatre-vingt-quinze mille */
    bool thousand = next.start == j + 1 && word_is(p, next.start, "mille");
    size_t kilo = multiplier_k(p, j);
    bool feminine = !pct && !dash && !invariable && !kilo && word_is_feminine(p, next);
    strbuf b;
    sb_init(&b);
    say_decimal(p, &b, &nt, feminine, invariable || thousand || kilo);
    size_t half;
    if (kilo) {
        sb_adds(&b, " mille");
        j += kilo;
    } else if (!nt.frac && (half = mixed_fraction(p, j, &b))) {
        j += half;
    } else if (pct) {
        sb_adds(&b, pct_words);
        j += pct;
    } else if (!nt.frac && !dash && v >= 1000000 && v % 1000000 == 0) {
        j += of_before_noun(p, j, &b); /* "2 000 000 personnes": deux millions de */
    } else if (j + 1 < p->len && p->s[j] == '/' && is_digit(p->s[j + 1])) {
        /* "18,5/20": a mark out of twenty; "2024/2025": a season */
        bool season = invariable_number(p, i, j, &nt, v) && digits_at(p->s, p->len, j + 1) == 4;
        sb_adds(&b, season ? " à " : " sur ");
        j += 1;
    } else if (dash) {
        /* "2020-2024", "3-1": a range or a score, "à" either way; after
         * "article" it is part of a label and said as a pause. */
        bool label = label_before(p, i);
        sb_adds(&b, label ? " " : " à ");
        j += dash;
    }
    return emit_built(p, i, j, &b);
}

/* A sign right before a number: "+2,3 %" → plus deux virgule trois. */
size_t rule_signed_number(pass *p, size_t i)
{
    size_t sl = 0;
    const char *word = NULL;
    if (p->s[i] == '+')
        sl = 1, word = "plus ";
    else if (p->s[i] == '-')
        sl = 1, word = "moins ";
    else if (starts_with_at(p, i, "\xE2\x88\x92"))
        sl = 3, word = "moins "; /* U+2212 */
    else if (starts_with_at(p, i, "\xC2\xB1"))
        sl = 2, word = "plus ou moins ";
    if (!sl || i + sl >= p->len || !is_digit(p->s[i + sl]))
        return 0;
    emit(p, i, i + sl, word);
    size_t n = rule_number(p, i + sl);
    return n ? sl + n : sl;
}

/* ── Fractions ─────────────────────────────────────────────────────────── */

static bool word_is_function(const pass *p, word_ref w)
{
    static const char *const words[] = {"de", "des", "du", "d", "à", "au", "aux",
                                        "et", "ou", "en", "le", "la", "les", "l"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (w.end - w.start == strlen(words[k]) &&
            memcmp(p->s + w.start, words[k], w.end - w.start) == 0)
            return true;
    return false;
}

static void say_denominator(const pass *p, strbuf *b, unsigned long long num,
                            unsigned long long den)
{
    num_style st = style(p, false, false);
    if (den == 2)
        sb_adds(b, num > 1 ? "demis" : "demi");
    else if (den == 3)
        sb_adds(b, "tiers");
    else if (den == 4)
        sb_adds(b, num > 1 ? "quarts" : "quart");
    else
        num_ordinal(b, den, false, num > 1, &st);
}

/* "3/4" → trois quarts, "1/2 litre" → un demi-litre, "16/20" → seize sur
 * vingt. A third part ("17/11/2024") makes it a date, not a fraction. */
size_t rule_fraction(pass *p, size_t i)
{
    size_t a = digits_at(p->s, p->len, i);
    if (a < 1 || a > 3 || i + a >= p->len || p->s[i + a] != '/')
        return 0;
    size_t k = i + a + 1, d = digits_at(p->s, p->len, k);
    if (d < 1 || d > 4 || (k + d < p->len && (p->s[k + d] == '/' || is_word_at(p->s, p->len, k + d))))
        return 0;
    unsigned long long num = to_ull(p->s + i, a), den = to_ull(p->s + k, d);
    /* "(2/4)" alone in brackets is a part of a series: deux sur quatre */
    bool episode = i > 0 && p->s[i - 1] == '(' && k + d < p->len && p->s[k + d] == ')';
    bool fraction = !episode && num < den &&
                    ((den >= 2 && den <= 10) || den == 100 || den == 1000);
    if (!fraction && (d > 3 || den == 0))
        return 0;
    strbuf b;
    sb_init(&b);
    size_t end = k + d;
    word_ref next = next_word(p, end);
    if (!fraction) {
        say_number_text(p, &b, p->s + i, a, false);
        sb_adds(&b, " sur ");
        say_number_text(p, &b, p->s + k, d, false);
    } else if (num == 1 && den == 2 && next.start == end + 1 && next.end > next.start &&
               !word_capitalized(p, next) && !word_is_function(p, next)) {
        sb_printf(&b, "%s demi-%.*s", word_is_feminine(p, next) ? "une" : "un",
                  (int)(next.end - next.start), p->s + next.start);
        end = next.end;
    } else {
        say_number_text(p, &b, p->s + i, a, false);
        sb_addc(&b, ' ');
        say_denominator(p, &b, num, den);
    }
    return emit_built(p, i, end, &b);
}

/* "4x4" → quatre quatre, "3×3" → trois trois: the vehicle, the format. */
size_t rule_times_sign(pass *p, size_t i)
{
    size_t a = digits_at(p->s, p->len, i);
    if (a < 1 || a > 2 || i + a >= p->len)
        return 0;
    size_t x = p->s[i + a] == 'x' ? 1 : starts_with_at(p, i + a, "\xC3\x97") ? 2 : 0;
    size_t b = x ? digits_at(p->s, p->len, i + a + x) : 0;
    if (b < 1 || b > 2 || is_word_at(p->s, p->len, i + a + x + b))
        return 0;
    strbuf w;
    sb_init(&w);
    say_number_text(p, &w, p->s + i, a, false);
    sb_addc(&w, ' ');
    say_number_text(p, &w, p->s + i + a + x, b, false);
    return emit_built(p, i, i + a + x + b, &w);
}

/* "30x40 cm", "2 x 3 m", "60×90cm": dimensions, said "trente sur quarante
 * centimètres". Only with a unit after: "4x4" alone is the vehicle. */
size_t rule_dimensions(pass *p, size_t i)
{
    size_t a = digits_at(p->s, p->len, i), j = i + a;
    if (a < 1 || a > 4)
        return 0;
    j += space_len(p->s, p->len, j);
    size_t x = j < p->len && (p->s[j] == 'x' || p->s[j] == 'X') ? 1
             : starts_with_at(p, j, "\xC3\x97") ? 2 : 0;
    if (!x)
        return 0;
    size_t k = j + x;
    if (k < p->len && p->s[k] == ' ' && k > i + a && p->s[i + a] == ' ')
        k++; /* "2 x 3 m": spaces on both sides or none */
    size_t b = digits_at(p->s, p->len, k);
    if (b < 1 || b > 4)
        return 0;
    strbuf u;
    sb_init(&u);
    bool fem = false;
    size_t ul = unit_after_number(p, k + b, &u, (double)to_ull(p->s + k, b), &fem);
    if (!ul) {
        sb_free(&u);
        return 0;
    }
    strbuf w;
    sb_init(&w);
    say_number_text(p, &w, p->s + i, a, fem);
    sb_adds(&w, " sur ");
    say_number_text(p, &w, p->s + k, b, fem);
    sb_printf(&w, " %s", u.s);
    sb_free(&u);
    return emit_built(p, i, k + b + ul, &w);
}

/* ── Phone numbers ─────────────────────────────────────────────────────── */

typedef struct {
    size_t start[16], n[16];
    size_t count, digits, end;
} digit_groups;

static size_t phone_sep(const pass *p, size_t j)
{
    size_t sp = space_len(p->s, p->len, j);
    if (sp)
        return sp;
    return j < p->len && (p->s[j] == '.' || p->s[j] == '-') ? 1 : 0;
}

/* Groups of digits separated by one space, dot or hyphen each. */
static void scan_groups(const pass *p, size_t i, digit_groups *g)
{
    memset(g, 0, sizeof *g);
    size_t j = i;
    while (g->count < 16) {
        size_t d = digits_at(p->s, p->len, j);
        if (!d)
            break;
        g->start[g->count] = j, g->n[g->count] = d;
        g->count++, g->digits += d;
        j += d;
        g->end = j;
        size_t sep = phone_sep(p, j);
        if (!sep || !is_digit(j + sep < p->len ? p->s[j + sep] : 'x'))
            break;
        j += sep;
    }
}

/* Pairs, as the French say phone numbers: "04" → zéro quatre. */
static void say_pairs(const pass *p, strbuf *b, const char *s, size_t n)
{
    size_t k = 0;
    if (n % 2) { /* an odd group starts with one digit */
        say_number_text(p, b, s, 1, false);
        k = 1;
    }
    for (; k < n; k += 2) {
        if (b->len && b->s[b->len - 1] != ' ')
            sb_addc(b, ' ');
        say_number_text(p, b, s + k, 2, false);
    }
}

static void say_group(const pass *p, strbuf *b, const char *s, size_t n)
{
    if (b->len && b->s[b->len - 1] != ' ')
        sb_addc(b, ' ');
    if (n == 3 && s[0] != '0') { /* "805", "800": huit cent, a label */
        num_style st = style(p, false, true);
        num_cardinal(b, to_ull(s, 3), &st);
    } else if (n == 3) {
        say_number_text(p, b, s, 3, false);
    } else {
        say_pairs(p, b, s, n);
    }
}

static bool phone_cue_before(const pass *p, size_t i)
{
    word_ref w = prev_word(p, i);
    if (word_in(p, w, &p->nz->phone_cues))
        return true;
    bool article = w.end - w.start == 2 &&
                   (memcmp(p->s + w.start, "le", 2) == 0 || memcmp(p->s + w.start, "au", 2) == 0);
    return article && word_in(p, prev_word(p, w.start), &p->nz->phone_cues);
}

static bool is_phone(const pass *p, size_t i, const digit_groups *g, bool plus)
{
    if (is_word_at(p->s, p->len, g->end))
        return false;
    for (size_t k = plus ? 1 : 0; k < g->count; k++)
        if (g->n[k] > 3 && g->count > 1)
            return false;
    if (plus)
        return g->count >= 4 && g->n[0] <= 3 && g->digits - g->n[0] >= 8 &&
               g->digits - g->n[0] <= 11;
    if (p->s[i] == '0')
        return g->digits == 10 && (g->count >= 4 || g->count == 1);
    return g->count == 1 && g->digits == 4 && phone_cue_before(p, i);
}

/* "04 72 10 30 81", "03.88.41.20.66", "+33 1 44 80 21 17", "0298457312",
 * and a short number after a cue: "appeler le 3919". */
size_t rule_phone(pass *p, size_t i)
{
    bool plus = p->s[i] == '+';
    size_t start = plus ? i + 1 : i;
    if (start >= p->len || !is_digit(p->s[start]))
        return 0;
    digit_groups g;
    scan_groups(p, start, &g);
    if (!is_phone(p, start, &g, plus))
        return 0;
    strbuf b;
    sb_init(&b);
    size_t k = 0;
    if (plus) {
        sb_adds(&b, "plus ");
        say_number_text(p, &b, p->s + g.start[0], g.n[0], false);
        k = 1;
    }
    for (; k < g.count; k++)
        say_group(p, &b, p->s + g.start[k], g.n[k]);
    return emit_built(p, i, g.end, &b);
}

/* ── Money written symbol first ────────────────────────────────────────── */

/* "millions" or "milliards" after an amount: "$10 millions". */
static const char *scale_word_after(const pass *p, size_t j, size_t *len)
{
    word_ref w = next_word(p, j);
    static const char *const words[] = {"millions", "million", "milliards", "milliard"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (w.start == j + 1 && word_is(p, w.start, words[k])) {
            *len = w.end - j;
            return k < 2 ? "million" : "milliard";
        }
    return NULL;
}

/* "$4.99" → quatre dollars quatre-vingt-dix-neuf, "£25", "$10 millions". */
size_t rule_money_prefix(pass *p, size_t i)
{
    size_t l;
    const currency_name *c = currency_at(p, i, &l);
    if (!c || is_word_at(p->s, p->len, i))
        return 0;
    size_t at = i + l + space_len(p->s, p->len, i + l);
    number_text nt;
    size_t n = at < p->len ? scan_number(p, at, &nt) : 0;
    if (!n || nt.n_digits > 15)
        return 0;
    size_t end = at + n, sl = 0;
    const char *scale = scale_word_after(p, end, &sl);
    strbuf b;
    sb_init(&b);
    say_money(p, &b, c, scale, nt.digits, nt.n_digits, nt.frac, nt.n_frac);
    return emit_built(p, i, end + sl, &b);
}
