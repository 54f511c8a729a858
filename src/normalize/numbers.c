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

/* Whether a measure follows the number ending at j: a unit or currency,
 * as a symbol or in full, or a rate ("… enfants par femme"). */
static bool measured_after(const pass *p, size_t j)
{
    if (measure_follows(p, j))
        return true;
    word_ref w = next_word(p, j), after = next_word(p, w.end);
    return w.start == j + 1 && (measure_word(p, w) || word_is(p, after.start, "par"));
}

/* "1,794 mères", "2,150 naissances": after groups of three digits, a
 * plural noun that is no measure (measured_after) counts things, which
 * come whole: the comma is a thousands comma (Haitian and Canadian pages
 * write them so). */
static bool things_counted_after(const pass *p, size_t j)
{
    if (j + 1 >= p->len || p->s[j] != ' ' || measured_after(p, j))
        return false;
    word_ref w = next_word(p, j);
    return w.start == j + 1 && p->s[w.start] >= 'a' && p->s[w.start] <= 'z' && word_plural_like(p, w) &&
           !word_is(p, w.start, "millions") && !word_is(p, w.start, "milliards");
}

/* Whether the digits before the comma at j follow another comma and
 * digits: "114,119,120", a list of numbers. */
static bool in_number_list(const pass *p, size_t j)
{
    size_t k = j;
    while (k > 0 && is_digit(p->s[k - 1]))
        k--;
    return k > 1 && p->s[k - 1] == ',' && is_digit(p->s[k - 2]);
}

/* Bytes around a number where another shows how the text groups digits. */
#define GROUPING_REACH 600

/* "36,720" after "53,344 naissances": a thousands comma that counts
 * things, at the comma k. */
static bool counts_things_at(const pass *p, size_t k)
{
    return things_counted_after(p, k + 4);
}

/* "40,000 km", "1,500,000": a comma only thousands can be, at k. */
static bool only_thousands_at(const pass *p, size_t k)
{
    return memcmp(p->s + k + 1, "000", 3) == 0 || (p->s[k + 4] == ',' && digits_at(p->s, p->len, k + 5) == 3);
}

/* Whether the line around the comma at j writes another number with a
 * comma and three digits that grouped says is a thousands comma ("53,344
 * naissances au total dont 36,720 (68,8%)", "31,051 km … 40,000 km"):
 * then the number at j is grouped the same way. */
static bool commas_around(const pass *p, size_t j, bool (*grouped)(const pass *, size_t))
{
    size_t reach = j > GROUPING_REACH ? j - GROUPING_REACH : 0;
    size_t to = j + GROUPING_REACH < p->len ? j + GROUPING_REACH : p->len;
    size_t from = j;
    while (from > reach && p->s[from - 1] != '\n')
        from--;
    for (size_t k = from; k + 4 < to && p->s[k] != '\n'; k++)
        if (k != j && p->s[k] == ',' && k > 0 && is_digit(p->s[k - 1]) && digits_at(p->s, p->len, k + 1) == 3 &&
            grouped(p, k))
            return true;
    return false;
}

/* "25,000", "1,500,000": the English thousands comma. A comma before
 * groups of three digits whose last is "000" (a decimal ends on no
 * zeros, and a list of numbers, "114,119,120", on no 000), or that
 * count things (things_counted_after), or beside such numbers (a measure
 * only beside one that can only be thousands). */
static bool comma_thousands(const pass *p, size_t j)
{
    size_t last = 0, start = j;
    while (j + 3 < p->len && p->s[j] == ',' && digits_at(p->s, p->len, j + 1) == 3) {
        last = j + 1;
        j += 4;
    }
    return last && (memcmp(p->s + last, "000", 3) == 0 || things_counted_after(p, j) ||
                    (last == start + 1 && !in_number_list(p, start) &&
                     ((!measured_after(p, j) && commas_around(p, start, counts_things_at)) ||
                      commas_around(p, start, only_thousands_at)))) &&
           !(j + 1 < p->len && p->s[j] == ',' && is_digit(p->s[j + 1]));
}

/* A group separator between thousands: a space of some kind, a Swiss
 * apostrophe, or a dot followed by exactly three digits ("10.000",
 * "21.930,54", "1.000.000"). French writes decimals with a comma, so a dot
 * before three digits is decided by the digit groups: a decimal would
 * rarely have exactly three. */
static size_t group_sep(const pass *p, size_t j, bool dotted)
{
    size_t sp = space_len(p->s, p->len, j), sp2 = sp ? space_len(p->s, p->len, j + sp) : 0;
    if (sp2 && digits_at(p->s, p->len, j + sp + sp2) == 3)
        sp += sp2; /* "454  000": a no-break space and a space, as pages paste them */
    if (!sp && j < p->len && p->s[j] == '\'')
        sp = 1; /* Swiss: 1'000'000 */
    else if (!sp && starts_with_at(p, j, "\xE2\x80\x99"))
        sp = 3; /* the same with U+2019 */
    if (sp)
        return dotted ? 0 : sp;
    if (comma_thousands(p, j))
        return 1;
    bool dot_group = j < p->len && p->s[j] == '.' && digits_at(p->s, p->len, j + 1) == 3;
    bool more = j + 5 < p->len && p->s[j + 4] == '.' && is_digit(p->s[j + 5]);
    if (dot_group && (dotted || !more || digits_at(p->s, p->len, j + 5) == 3))
        return 1;
    return 0;
}

/* "712-6,712-7": the digits after the comma at j are those before the
 * dash before i, and a dash follows them: a list of two labels of one
 * code, not the decimal 6,712. A range of decimals ("2-2,5-3") is not. */
static bool same_label_follows(const pass *p, size_t i, size_t j, size_t fd)
{
    if (i < 2 || p->s[i - 1] != '-' || j + fd + 2 >= p->len || p->s[j + 1 + fd] != '-' ||
        !is_digit(p->s[j + 2 + fd]))
        return false;
    size_t k = i - 1;
    while (k > 0 && is_digit(p->s[k - 1]))
        k--;
    return i - 1 - k == fd && memcmp(p->s + k, p->s + j + 1, fd) == 0;
}

/* Reads "50 000", "1 450 000", "73.51", "73,51" starting at i. */
/* Whether the four digits at i are a year of the last ten centuries. */
static bool year_digits_at(const pass *p, size_t i)
{
    if (digits_at(p->s, p->len, i) != 4)
        return false;
    unsigned long long y = to_ull(p->s + i, 4);
    return y >= 1000 && y <= 2100;
}

/* "2007,2015 et 2018": two years on either side of a comma with no space,
 * and a third after "et" or another comma, are a list of years, not a
 * number with four decimals. */
static bool years_listed(const pass *p, size_t i, size_t comma, size_t fd)
{
    if (comma - i != 4 || fd != 4 || !year_digits_at(p, i) || !year_digits_at(p, comma + 1))
        return false;
    size_t k = comma + 5;
    if (k < p->len && p->s[k] == ',')
        return year_digits_at(p, k + 1 + (k + 1 < p->len && p->s[k + 1] == ' '));
    return starts_with_at(p, k, " et ") && year_digits_at(p, k + 4);
}

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
    size_t fd = decimal_mark ? digits_at(p->s, p->len, j + 1) : 0;
    if (fd && p->s[j] == ',' && j + fd + 2 < p->len && p->s[j + 1 + fd] == ',' &&
        is_digit(p->s[j + 2 + fd]))
        decimal_mark = false; /* "114,119,120": a list, not decimals */
    if (decimal_mark && p->s[j] == ',' && i > 1 && p->s[i - 1] == ',' &&
        (is_digit(p->s[i - 2]) || ends_with_bytes(p, i - 1, "bis") || ends_with_bytes(p, i - 1, "ter")))
        decimal_mark = false; /* its last two, "19 bis,20,21" too */
    if (decimal_mark && p->s[j] == ',' && same_label_follows(p, i, j, fd))
        decimal_mark = false; /* "articles 712-6,712-7": a list of two labels */
    if (decimal_mark && p->s[j] == ',' && years_listed(p, i, j, fd))
        decimal_mark = false; /* "en 2007,2015 et 2018": years, a space forgotten */
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
               {"ere", 1, 0, 0}, {"eres", 1, 1, 0}, /* "1ere", its accent lost */
               {"d", 0, 0, 1}, {"ds", 0, 1, 1},
               /* common misspellings: "2ième", "3ieme", "4éme", "3é" */
               {"ièmes", 0, 1, 0}, {"ième", 0, 0, 0}, {"iemes", 0, 1, 0}, {"ieme", 0, 0, 0},
               {"\xC3\xA9mes", 0, 1, 0}, {"\xC3\xA9me", 0, 0, 0}, {"\xC3\xA9", 0, 0, 0}, /* "3é place" */
               /* headlines in capitals: "1ÈRE PARTIE", "2ÈME", "1ER" */
               {"\xC3\x88RE", 1, 0, 0}, {"\xC3\x88RES", 1, 1, 0}, {"\xC3\x88ME", 0, 0, 0},
               {"\xC3\x88MES", 0, 1, 0}, {"EME", 0, 0, 0}, {"ER", 0, 0, 0}, {"RE", 1, 0, 0},
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

/* "le 2 e trimestre", "le 1 er mai": an ordinal's ending set apart by a
 * space, what a page's superscript ("2<sup>e</sup>") becomes in a copy. A
 * lone "e", "er", "re" is no French word; one before a number is the
 * "and" of Italian or Portuguese ("tra 1 e 2"). Returns the space's and
 * the ending's length, 0 when there is none. */
static size_t detached_suffix(const pass *p, size_t j, bool *fem, bool *plural, bool *second)
{
    static const char *const endings[] = {"e", "er", "re", "es", "ers", "res", "\xC3\xA8me",
                                          "\xC3\xA8mes", "\xC3\xA8re", "eme"};
    size_t sp = space_len(p->s, p->len, j);
    if (!sp || j + sp >= p->len || !strchr("er\xC3", p->s[j + sp]))
        return 0; /* most numbers: no ending after them */
    size_t k = j + sp;
    for (size_t n = 0; n < sizeof endings / sizeof *endings; n++) {
        size_t l = strlen(endings[n]);
        if (!starts_with_at(p, k, endings[n]) || is_word_at(p->s, p->len, k + l) ||
            (k + l < p->len && p->s[k + l] == '-') || apostrophe_at(p, k + l))
            continue;
        word_ref next = next_word(p, k + l);
        if (next.end > next.start && is_digit(p->s[next.start]))
            return 0;
        size_t got = ordinal_suffix(p, k, fem, plural, second);
        return got == l ? sp + l : 0;
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

/* Whether a number at k is followed by a unit or a percent sign: "26
 * km/h", "15 %". */
static bool measure_at(const pass *p, size_t k)
{
    size_t d = decimal_digits_at(p->s, p->len, k);
    if (!d)
        return false;
    k += d;
    const char *words;
    if (percent_sign(p, k, &words))
        return true;
    strbuf u;
    sb_init(&u);
    bool fem;
    size_t n = unit_after_number(p, k, &u, 2, &fem);
    sb_free(&u);
    return n > 0;
}

/* Whether the number at k is followed by a currency or a word in lower
 * case: "12 €", "12 ans", "3 jours", "0 à la pause" (an amount, a count
 * of something, or a score). */
static bool noun_after_number(const pass *p, size_t k)
{
    size_t d = digits_at(p->s, p->len, k);
    const currency_name *cur;
    const char *scale;
    if (d && currency_after_number(p, k + d, &cur, &scale))
        return true;
    if (!d || k + d + 1 >= p->len || p->s[k + d] != ' ')
        return false;
    unsigned char c = (unsigned char)p->s[k + d + 1];
    return (c >= 'a' && c <= 'z') || (c == 0xC3 && k + d + 2 < p->len && (unsigned char)p->s[k + d + 2] >= 0xA0);
}

/* A dash between two numbers: '-' or U+2013 directly followed by a digit;
 * or set apart by spaces after "de" or "entre" before a measure or a
 * word in lower case, as weather reports and ads write a span ("rafales
 * de 15 - 26 km/h", "enfants de 10 – 12 ans"): "15 - 3 = 12" stays a
 * subtraction, "2 - 1" a score, "Étape 3 - 18 km" a heading. */
static size_t range_dash(const pass *p, size_t i, size_t j)
{
    if (j + 1 < p->len && p->s[j] == '-' && is_digit(p->s[j + 1]))
        return 1;
    if (starts_with_at(p, j, "\xE2\x80\x93") && j + 3 < p->len && is_digit(p->s[j + 3]))
        return 3;
    if (j + 3 < p->len && p->s[j] == ' ') {
        size_t m = p->s[j + 1] == '-' ? 1 : starts_with_at(p, j + 1, "\xE2\x80\x93") ? 3 : 0;
        word_ref w = prev_word(p, i);
        static const char *const intros[] = {"de", "entre", "De", "Entre"};
        bool intro = w.end + 1 == i && word_among(p, w, intros, 4);
        if (m && intro && j + 2 + m < p->len && p->s[j + 1 + m] == ' ' &&
            (measure_at(p, j + 2 + m) || noun_after_number(p, j + 2 + m)))
            return 2 + m;
    }
    return 0;
}

/* "pour 1 à 3 personnes", "1 ou 2 fois", "1-2 semaines", "1 à 2 h": the
 * first number of a range agrees with the noun or unit after the second
 * ("une à trois personnes", "une à deux heures"); j ends the first
 * number, dash is range_dash's. */
static bool range_noun_feminine(const pass *p, size_t j, size_t dash)
{
    size_t k = j + dash;
    if (!dash) {
        word_ref w = next_word(p, j);
        if (w.start != j + 1 || !(word_is(p, w.start, "\xC3\xA0") || word_is(p, w.start, "ou") ||
                                  word_is(p, w.start, "et")))
            return false;
        k = w.end + 1;
        if (w.end >= p->len || p->s[w.end] != ' ')
            return false;
    }
    size_t d = digits_at(p->s, p->len, k);
    if (!d || d > 3 || (k + d < p->len && p->s[k + d] != ' '))
        return false;
    strbuf unit; /* "1-2 h", "1 à 2 L": the unit's gender */
    sb_init(&unit);
    bool fem = false, measured = unit_after_number(p, k + d, &unit, 2, &fem) > 0;
    sb_free(&unit);
    if (measured)
        return fem;
    word_ref noun = next_word(p, k + d);
    /* "s'imposant 1 à 2 face à l'Allemagne": a score before a locution */
    bool locution = noun.end + 1 < p->len && p->s[noun.end] == ' ' && word_is(p, noun.end + 1, "\xC3\xA0");
    return noun.start == k + d + 1 && !locution && word_is_feminine(p, noun);
}

/* Whether the number at i is a label: "page 500", "p. 380", "n° 2021-1109",
 * "article L. 121-2" (a code's letter between the noun and the number). */
static bool label_before(const pass *p, size_t i);
static bool label_chain(const pass *p, size_t i, int depth);

/* Whether "n°" (or "nº") ends just before e, spaces between. */
static bool after_number_sign(const pass *p, size_t e)
{
    while (e > 0 && p->s[e - 1] == ' ')
        e--;
    unsigned char mark = e > 0 ? (unsigned char)p->s[e - 1] : 0;
    return mark == 0xB0 || mark == 0xBA;
}

/* "p. 12-15", "pages 3-5": pages are a range, not a label's parts. */
static bool after_page_word(const pass *p, size_t i)
{
    size_t e = i;
    while (e > 0 && (p->s[e - 1] == ' ' || p->s[e - 1] == '.'))
        e--;
    word_ref w = prev_word(p, e);
    return w.end == e && w.end > w.start &&
           (word_is(p, w.start, "p") || word_is(p, w.start, "pp") || word_is(p, w.start, "page") ||
            word_is(p, w.start, "pages"));
}

/* The number at b is a label itself: one step back only, so a long list
 * costs no more than its length. */
static bool depth_ok(const pass *p, size_t b)
{
    word_ref w = prev_word(p, b);
    if (w.end - w.start == 1 && is_upper_ascii(p->s[w.start]) && w.end < p->len &&
        p->s[w.end] == '.')
        return true;
    return word_in(p, w, &p->nz->label_nouns);
}

static bool label_chain(const pass *p, size_t i, int depth);

static bool label_before(const pass *p, size_t i)
{
    return label_chain(p, i, 3);
}

/* "L. 143-2-1": the part after a label's dash is part of the label. */
static bool label_chain(const pass *p, size_t i, int depth)
{
    if (depth > 0 && i >= 2 && p->s[i - 1] == '-' && is_digit(p->s[i - 2])) {
        size_t b = i - 1;
        while (b > 0 && is_digit(p->s[b - 1]))
            b--;
        return label_chain(p, b, depth - 1);
    }
    word_ref w = prev_word(p, i);
    if (w.start == w.end && w.end > 0) {
        if (after_number_sign(p, w.end))
            return true; /* "n° 2021-1109": a number after n° is a label */
        size_t e = w.end;
        while (e > 0 && p->s[e - 1] == ' ')
            e--;
        if (e > 0 && p->s[e - 1] == '.')
            w = prev_word(p, e - 1);
    }
    if (w.end - w.start == 1 && is_upper_ascii(p->s[w.start])) {
        if (w.end < p->len && p->s[w.end] == '.')
            return true; /* "L. 341-5", "R. 2234-80": a code's article */
        if (after_number_sign(p, w.start))
            return true; /* "pourvoi n° Z 19-22.414": a docket's letter */
        w = prev_word(p, w.start);
    }
    if (word_in(p, w, &p->nz->label_nouns))
        return true;
    /* "articles 132-2 à 132-5": the second of a pair of labels; "articles
     * 6 à 8 et 10-1", "articles 12, 13 et 14-1": a label further on in
     * a list of them, a few steps back */
    bool joins = w.end - w.start <= 2 && (word_is(p, w.start, "à") || word_is(p, w.start, "et"));
    size_t e = joins ? w.start : i;
    if (!joins && !(i >= 3 && p->s[i - 1] == ' ' && p->s[i - 2] == ',' && is_digit(p->s[i - 3])))
        return false;
    if (!joins)
        e = i - 2;
    while (e > 0 && p->s[e - 1] == ' ')
        e--;
    size_t b = e;
    while (b > 0 && is_digit(p->s[b - 1]))
        b--;
    if (b == e || b < 2)
        return false;
    if (p->s[b - 1] == '-' && is_digit(p->s[b - 2])) {
        b--;
        while (b > 0 && is_digit(p->s[b - 1]))
            b--;
        return depth_ok(p, b);
    }
    /* a count is no label: "page 3 et 200 photos" */
    word_ref after = next_word(p, i + digits_at(p->s, p->len, i));
    return depth > 1 && !word_plural_like(p, after) && label_chain(p, b, depth - 1);
}

/* Whether the slash after the number [i, j) parts a reference: after a
 * label ("n° 1407/2013", "règlement 2016/679") or an act's "(UE)", or
 * in numbers that end on a code of capitals ("2006/123/CE"). */
/* Whether digits at k start with a 0 that pads them ("04", "025"): the
 * part of a reference or code, never a range's end or a denominator. */
static bool zero_padded_at(const pass *p, size_t k)
{
    return k < p->len && p->s[k] == '0' && digits_at(p->s, p->len, k) >= 2;
}

static bool reference_slash(const pass *p, size_t i, size_t j)
{
    if (label_before(p, i))
        return true;
    if (i >= 4 && p->s[i - 1] == ' ' && p->s[i - 2] == ')') { /* "(UE) 2016/679" */
        size_t open = i - 2;
        while (open > 0 && i - open < 16 && p->s[open - 1] != '(')
            open--;
        if (open > 0 && p->s[open - 1] == '(' && word_set_has(&p->nz->act_marks, p->s + open, i - 2 - open))
            return true;
    }
    if (zero_padded_at(p, j + 1))
        return true; /* "23-04/025", "12/007": a reference, no fraction */
    if (is_upper_ascii(p->s[j + 1])) /* "…/123/CE": after another number and slash */
        return i > 1 && p->s[i - 1] == '/' && is_digit(p->s[i - 2]);
    size_t e = j + 1 + digits_at(p->s, p->len, j + 1);
    return e + 1 < p->len && p->s[e] == '/' && is_upper_ascii(p->s[e + 1]);
}

/* "entre 1300 et 1950 m", "de 1500 à 2000 habitants": a range that ends
 * in a measure or a plural noun counts from its first number, which is
 * then no year. j ends the first number. */
static bool range_to_amount(const pass *p, size_t j)
{
    size_t k = range_dash_between(p, j);
    if (k) {
        k += j;
    } else {
        static const char *const links[] = {"et", "\xC3\xA0", "ou"};
        word_ref w = next_word(p, j);
        if (w.start != j + 1 || !word_among(p, w, links, 3) || w.end + 1 >= p->len || p->s[w.end] != ' ')
            return false;
        k = w.end + 1;
    }
    size_t d = digits_at(p->s, p->len, k);
    return d && (measure_at(p, k) || word_plural_like(p, next_word(p, k + d)));
}

/* Years are invariable (mille neuf cent quatre-vingt), and so are numbers
 * used as labels (page cinq cent, article quatre-vingt). A four-digit
 * number followed by a plural noun is a count: 1980 euros. */
static bool invariable_number(const pass *p, size_t i, size_t j, const number_text *nt,
                              unsigned long long v)
{
    if (label_before(p, i))
        return true;
    word_ref w = prev_word(p, i);
    if (v % 10 == 0 && !nt->frac && w.end + 1 == i && word_is(p, w.start, "années"))
        return true; /* "les années 80": a decade, said as its year ("quatre-vingt à …", no liaison) */
    if (nt->grouped || nt->frac || nt->n_digits != 4 || v < 1000 || v > 2100)
        return false;
    return !word_plural_like(p, next_word(p, j)) && !range_to_amount(p, j);
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

static bool line_start(const pass *p, size_t i)
{
    while (i > 0 && (p->s[i - 1] == ' ' || p->s[i - 1] == '\t'))
        i--;
    return i == 0 || p->s[i - 1] == '\n';
}

/* Whether "au", "aux", "du", "des", "les" or "le" stands right before i. */
static bool item_article_before(const pass *p, size_t i)
{
    static const char *const before[] = {"au", "aux", "du", "des", "les", "le"};
    word_ref w = prev_word(p, i);
    return w.end + 1 == i && word_among(p, w, before, sizeof before / sizeof *before);
}

/* The first item of a list "1°, 3° et 4°" that ends at the item at i:
 * back over ", " and " et " and the items before them. i itself when
 * no item stands before it. */
static size_t item_list_head(const pass *p, size_t i)
{
    size_t head = i;
    for (int n = 0; n < 8; n++) {
        size_t c = head;
        while (c > 0 && p->s[c - 1] == ' ')
            c--;
        if (c > 0 && p->s[c - 1] == ',')
            c--;
        else if (c >= 2 && p->s[c - 1] == 't' && p->s[c - 2] == 'e' && (c == 2 || p->s[c - 3] == ' '))
            c -= 2;
        else
            break;
        while (c > 0 && p->s[c - 1] == ' ')
            c--;
        for (int k = 0; k < 2; k++) { /* "1° bis A et 2°" */
            word_ref w = prev_word(p, c);
            size_t wl = w.end - w.start;
            if (w.end != c || !(word_is(p, w.start, "bis") || word_is(p, w.start, "ter") ||
                                word_is(p, w.start, "quater") || (wl == 1 && is_upper_ascii(p->s[w.start]))))
                break;
            c = w.start;
            while (c > 0 && p->s[c - 1] == ' ')
                c--;
        }
        if (c < 3 || (unsigned char)p->s[c - 1] != 0xB0 || (unsigned char)p->s[c - 2] != 0xC2 ||
            !is_digit(p->s[c - 3]))
            break;
        c -= 2;
        while (c > 0 && is_digit(p->s[c - 1]))
            c--;
        head = c;
    }
    return head;
}

/* Whether the word ending at c is a code's article number, "4535-6"
 * after "R.", "L.", "D." or "article": digits, a hyphen and digits. */
static bool code_article_before(const pass *p, size_t c)
{
    size_t e = c, k = c;
    while (k > 0 && (is_digit(p->s[k - 1]) || p->s[k - 1] == '-'))
        k--;
    if (k == e || !is_digit(p->s[k]) || !is_digit(p->s[e - 1]) || !memchr(p->s + k, '-', e - k) ||
        k < 2 || p->s[k - 1] != ' ')
        return false;
    static const char *const labels[] = {"article", "Article", "art"};
    word_ref w = prev_word(p, p->s[k - 2] == '.' ? k - 2 : k - 1);
    bool letter_code = w.end - w.start == 1 && is_upper_ascii(p->s[w.start]) && p->s[k - 2] == '.';
    return letter_code || word_among(p, w, labels, 3);
}

/* Items of a law's list after a colon, at most: "Dispersion : 90°" is an
 * angle. */
#define LAW_ITEMS 30

/* The length of a times sign at k, "x", "X" or "×"; 0 when none. */
static size_t times_sign_len(const pass *p, size_t k)
{
    return k < p->len && (p->s[k] == 'x' || p->s[k] == 'X') ? 1 : starts_with_at(p, k, "\xC3\x97") ? 2 : 0;
}

/* Whether a dimension's "x" or "×" and a number follow at k ("° x 90°"). */
static bool times_after(const pass *p, size_t k)
{
    k += space_len(p->s, p->len, k);
    size_t sign = times_sign_len(p, k);
    if (!sign)
        return false;
    k += sign;
    k += space_len(p->s, p->len, k);
    return k < p->len && is_digit(p->s[k]);
}

/* "2°" in a law's enumeration: "2° Par décision…" opens an item
 * (deuxièmement), "au 5° de l'article", "aux 1°, 3° et 4°" name one
 * (cinquième). A temperature or an angle ("il fait 30°", "à 45°",
 * "entre 20° et 26°") has none of these words before it or before the
 * head of its list, and "30 °C" has its letter after. */
static size_t legal_item(pass *p, size_t i, size_t j, const number_text *nt)
{
    if (nt->frac || !starts_with_at(p, j, "\xC2\xB0") || is_letter_at(p->s, p->len, j + 2))
        return 0;
    unsigned long long v = to_ull(nt->digits, nt->n_digits);
    if (v == 0 || v > 99)
        return 0;
    if (i > 1 && p->s[i - 1] == '-' && is_digit(p->s[i - 2]) && label_before(p, i)) {
        strbuf c; /* "articles L. 11-1°": the item is part of the article's number */
        sb_init(&c);
        say_number_text(p, &c, nt->digits, nt->n_digits, false);
        return emit_built(p, i, j + 2, &c);
    }
    bool opens = line_start(p, i);
    size_t c0 = i;
    while (c0 > 0 && (p->s[c0 - 1] == ' ' || (unsigned char)p->s[c0 - 1] == 0xA0 ||
                      (unsigned char)p->s[c0 - 1] == 0xC2))
        c0--;
    if (c0 > 0 && (p->s[c0 - 1] == ';' || (p->s[c0 - 1] == ':' && v <= LAW_ITEMS)))
        opens = true; /* "…lui ; 2° Un…": the next item of a list ("Dispersion : 90°" is an angle) */
    if (times_after(p, j + 2))
        return 0; /* "90° x 60°": an angle's dimensions */
    bool names = item_article_before(p, item_list_head(p, i)); /* "au 5°", "aux 1°, 3° et 4°" */
    size_t c = i;
    while (c > 0 && p->s[c - 1] == ' ')
        c--;
    if (!names && c > 0 && p->s[c - 1] == ',' && j + 2 < p->len && p->s[j + 2] == ',')
        opens = true; /* "Article 48, 2°, de la loi": deuxièmement */
    if (!names && !opens && c > 1 && p->s[c - 1] == ',' && is_digit(p->s[c - 2]))
        names = true; /* "article 2, 9°", "alinéa 2, 3°": an item of the text numbered */
    if (!names && !opens && code_article_before(p, c))
        opens = true; /* "l'article R. 4535-6 8° du code": the article's item */
    if (c > 1 && p->s[c - 1] == '(' && j + 2 < p->len && p->s[j + 2] == ')') {
        size_t d = c - 1; /* "l'article R. 10 (1°)": the item of the article named */
        while (d > 0 && p->s[d - 1] == ' ')
            d--;
        if (d > 0 && is_digit(p->s[d - 1]) && v <= 30)
            opens = true;
    }
    /* "1°/ la société X, 2°/ la société Y": the Court of Cassation's items,
     * their slash said as nothing ("20°/25°" has a number after it) */
    size_t slash = j + 2 < p->len && p->s[j + 2] == '/' && (j + 3 == p->len || p->s[j + 3] == ' ');
    opens = opens || slash;
    if (!opens && !names)
        return 0;
    strbuf b;
    sb_init(&b);
    num_style st = style(p, false, false);
    if (opens && v == 1)
        sb_adds(&b, "premièrement");
    else {
        num_ordinal(&b, v, false, false, &st);
        if (opens)
            sb_adds(&b, "ment");
    }
    return emit_built(p, i, j + 2 + slash, &b);
}

/* "1 er janvier", "21 ème siècle": the suffix set apart by a space. */
static size_t spaced_first(pass *p, size_t i, size_t j, const number_text *nt)
{
    if (nt->frac)
        return 0;
    unsigned long long v = to_ull(nt->digits, nt->n_digits);
    if (v == 1 && word_is(p, j, " er")) {
        emit(p, i, j + 3, "premier");
        return j + 3 - i;
    }
    size_t l = word_is(p, j, " ème") ? 5 : word_is(p, j, " eme") ? 4 : 0;
    bool fem = false;
    if (!l) { /* "19 e anniversaire", "1 ere période": only before a noun */
        l = word_is(p, j, " e") ? 2 : word_is(p, j, " ère") ? 5 : word_is(p, j, " ere") ? 4 : 0;
        fem = l > 2;
        if (l && !(j + l + 1 < p->len && p->s[j + l] == ' ' &&
                   (unsigned char)p->s[j + l + 1] >= 'a' && is_letter_at(p->s, p->len, j + l + 1) &&
                   !word_is(p, j + l + 1, "à")))
            l = 0;
        if (fem && v != 1)
            l = 0;
    }
    if (!l || (v < 2 && !fem))
        return 0;
    strbuf b;
    sb_init(&b);
    num_style st = style(p, false, false);
    num_ordinal(&b, v, fem, false, &st);
    return emit_built(p, i, j + l, &b);
}

/* The noun after an ordinal ending at e: the next word, or the one after
 * a second ordinal joined to it ("les 1e et 2e étapes", "1e ou 2e
 * place"), which both share. */
static word_ref noun_after_ordinal(const pass *p, size_t e)
{
    static const char *const joiners[] = {"et", "ou", "\xC3\xA0"};
    word_ref after = next_word(p, e);
    if (after.start != e + 1 || !word_among(p, after, joiners, 3))
        return after;
    word_ref other = next_word(p, after.end);
    if (other.start != after.end + 1 || !is_digit(p->s[other.start]) || is_digit(p->s[other.end - 1]))
        return after;
    word_ref noun = next_word(p, other.end);
    return noun.start == other.end + 1 ? noun : after;
}

/* Whether "1e", whose ending tells no gender, is première: a feminine
 * determiner before it ("la 1e fois", "sa 1e saison") or a feminine noun
 * after it ("1e mi-temps", "1e et 2e étapes"). */
static bool first_is_feminine(const pass *p, size_t i, size_t e)
{
    static const char *const feminine[] = {"la", "La", "une", "Une", "cette", "Cette",
                                           "sa", "Sa", "ma", "Ma", "ta", "Ta"};
    word_ref before = prev_word(p, i), after = next_word(p, e);
    bool determiner = before.end + 1 == i && word_among(p, before, feminine, 12);
    if (determiner)
        return true;
    word_ref noun = noun_after_ordinal(p, e);
    return noun.start > after.start ? word_is_feminine(p, noun)
                                    : after.start == e + 1 && word_is_feminine(p, after);
}

static size_t say_ordinal(pass *p, size_t i, size_t j, const number_text *nt)
{
    size_t done = legal_item(p, i, j, nt);
    if (!done)
        done = spaced_first(p, i, j, nt);
    if (done)
        return done;
    bool fem = false, plural = false, second = false;
    size_t ord = ordinal_suffix(p, j, &fem, &plural, &second);
    if (!ord)
        ord = detached_suffix(p, j, &fem, &plural, &second);
    if (!ord)
        return 0;
    unsigned long long v = to_ull(nt->digits, nt->n_digits);
    if (second && v != 2)
        return 0; /* "2d", "2nde" are second(e); "3d" is no ordinal ("imprimantes 3d") */
    if (v != 1 && ord == 2 && p->s[j] == 'E' && p->s[j + 1] == 'R')
        return 0; /* "1ER" is premier in capitals, "300ER" a model's variant */
    size_t k = j + space_len(p->s, p->len, j); /* "1 er": the ending set apart */
    bool premier = k + 1 < p->len && (p->s[k] | 0x20) == 'e' && (p->s[k + 1] | 0x20) == 'r';
    if (((v == 1 && !premier) || second) && !fem)
        fem = first_is_feminine(p, i, j + ord); /* "la 1e fois", "la 2nd guerre": the ending tells no gender */
    else if (v == 1 && fem && names_month(p, next_word(p, j + ord)))
        fem = false; /* "le 1ère avril": a date's day, premier whatever its ending */
    strbuf b;
    sb_init(&b);
    num_style st = style(p, false, false);
    if (second)
        sb_printf(&b, "%s%s", fem ? "seconde" : "second", plural ? "s" : "");
    else
        num_ordinal(&b, to_ull(nt->digits, nt->n_digits), fem, plural, &st);
    return emit_built(p, i, j + ord, &b);
}

/* The length of a Swiss ".-" after an amount ("20.-", "1'250.- CHF",
 * "CHF 20.–" with an en or em dash): no cents, said as nothing. */
static size_t swiss_dash(const pass *p, size_t j)
{
    if (j + 1 >= p->len || p->s[j] != '.')
        return 0;
    size_t dash = p->s[j + 1] == '-' ? 1
                : starts_with_at(p, j + 1, "\xE2\x80\x93") || starts_with_at(p, j + 1, "\xE2\x80\x94") ? 3 : 0;
    size_t after = j + 1 + dash;
    return dash && !is_word_at(p->s, p->len, after) && (after >= p->len || p->s[after] != '-') ? 1 + dash : 0;
}

/* The length of the slash that makes an amount "par" what follows: glued
 * to a word ("€/mois") or spaced before a word in lower case ("€ / minute");
 * a capital after a spaced slash starts something else ("20 € / Le Monde"). */
static size_t per_slash(const pass *p, size_t end)
{
    if (end + 1 < p->len && p->s[end] == '/' && is_letter_at(p->s, p->len, end + 1))
        return 1;
    if (end + 3 < p->len && p->s[end] == ' ' && p->s[end + 1] == '/' && p->s[end + 2] == ' ' &&
        p->s[end + 3] >= 'a' && p->s[end + 3] <= 'z')
        return 3;
    return 0;
}

/* "1.200/1.300 m", "1 100/1 400 m": after a slash, a value a little above
 * the first (up to twice it) with a unit after it makes a span of the
 * measure, "à", as "70/80 km/h" is for the fraction rule's small numbers. */
static bool slash_span_of_measure(const pass *p, size_t k, double first)
{
    number_text second;
    size_t n = scan_number(p, k, &second);
    double v = n ? number_value(&second) : 0;
    return n && v > first && v <= 2 * first && measure_follows(p, k + n);
}

/* "250/h", "3/an", "50/jour": a bare number per a unit glued after its
 * slash, a rate: " par heure" into b, and the bytes of the slash and unit;
 * 0 when no unit of the table ends the word there. */
static size_t rate_after_number(const pass *p, size_t j, strbuf *b)
{
    if (j + 1 >= p->len || p->s[j] != '/' || p->s[j + 1] < 'a' || p->s[j + 1] > 'z')
        return 0;
    strbuf u;
    sb_init(&u);
    sb_adds(&u, " par");
    size_t n = unit_after_number(p, j + 1, &u, 1, &(bool){false});
    if (n && n == word_end(p, j + 1) - j - 1)
        sb_adds(b, u.s);
    sb_free(&u);
    return n && n == word_end(p, j + 1) - j - 1 ? 1 + n : 0;
}

/* "650 € CC": a word of after-amount.tsv after an amount, said as the
 * table says (charges comprises); 0 when none follows at end. */
static size_t word_after_amount(const pass *p, size_t end, strbuf *b)
{
    if (end + 2 >= p->len || p->s[end] != ' ')
        return 0;
    size_t e = word_end(p, end + 1), n = e - end - 1;
    const char *said = respell_exact(&p->nz->after_amount, p->s + end + 1, n);
    if (!said)
        return 0;
    sb_addc(b, ' ');
    sb_adds(b, said);
    return e - end;
}

/* "réduit 6 €" after "plein 7 € / ": a word that is no unit, then a
 * number, labels the next price of a list. */
static bool price_after_label(const pass *p, size_t k)
{
    strbuf unit;
    sb_init(&unit);
    size_t ul = unit_after_number(p, k, &unit, 1, &(bool){false});
    sb_free(&unit);
    if (ul)
        return false;
    size_t e = word_end(p, k);
    return e > k && e + 1 < p->len && p->s[e] == ' ' && is_digit(p->s[e + 1]);
}

/* Whether [i, e) is a word of small letters (accented ones too). */
static bool lower_case_word(const pass *p, size_t i, size_t e)
{
    for (size_t k = i; k < e; k++)
        if (!(p->s[k] >= 'a' && p->s[k] <= 'z') && (unsigned char)p->s[k] < 0x80)
            return false;
    return true;
}

/* "2 480 €", "1,72 €", "7 M€". */
static size_t say_number_money(pass *p, size_t i, size_t j, const number_text *nt)
{
    const currency_name *c;
    const char *scale;
    size_t dash = swiss_dash(p, j); /* "1'250.- CHF" */
    size_t n = currency_after_number(p, j + dash, &c, &scale);
    if (!n && dash && (c = currency_named(p, "Fr.")) != NULL)
        scale = NULL; /* "plus de 200.- pour un vol": the dash says a Swiss price, in francs */
    else if (!n)
        return 0;
    n += dash;
    /* "14€50", "3 €50": the cents glued after the symbol */
    const char *frac = nt->frac;
    size_t n_frac = nt->n_frac;
    if (!n_frac && !dash && !scale && digits_at(p->s, p->len, j + n) == 2 && !is_word_at(p->s, p->len, j + n + 2))
        frac = p->s + j + n, n_frac = 2, n += 2;
    strbuf b;
    sb_init(&b);
    say_money(p, &b, c, scale, nt->digits, nt->n_digits, frac, n_frac);
    size_t end = j + n, per = per_slash(p, end);
    if (per == 3 && price_after_label(p, end + per))
        per = 0; /* "plein 7 € / réduit 6 €": two prices, not a rate */
    /* "€/personne/nuit": par personne par nuit, a unit or a word each */
    while (per) {
        sb_adds(&b, " par"); /* "3 €/mois", "80 $/baril", "4 000 €/m²", "0,06 € / minute" */
        size_t ul = unit_after_number(p, end + per, &b, 1, &(bool){false});
        if (ul) {
            end += per + ul;
        } else {
            sb_addc(&b, ' ');
            size_t ws = end + per, we = word_end(p, ws);
            if (we == ws || !lower_case_word(p, ws, we) || per_slash(p, we) != 1) {
                end += per; /* "€/nuit": the word follows as written */
                break;
            }
            sb_add(&b, p->s + ws, we - ws);
            end = we;
        }
        per = per_slash(p, end);
    }
    end += word_after_amount(p, end, &b);
    return emit_built(p, i, end, &b);
}

/* Whether a noun of a two-year span stands before i, perhaps across
 * other spans of the list: "les saisons 1966-67 et 1976-1977". */
#define SPAN_LIST_WORDS 6
static bool after_season_noun(const pass *p, size_t i)
{
    word_ref w = prev_word(p, i);
    for (int k = 0; k < SPAN_LIST_WORDS && w.end > w.start; k++) {
        if (word_in(p, w, &p->nz->season_nouns))
            return true;
        bool digits = true;
        for (size_t c = w.start; c < w.end && digits; c++)
            digits = is_digit(p->s[c]);
        if (!digits && !word_is(p, w.start, "et") && !word_is(p, w.start, "ou"))
            return false;
        /* "1966-67": the dash parts the two years of an earlier span */
        size_t from = digits && w.start > 0 && p->s[w.start - 1] == '-' ? w.start - 1 : w.start;
        w = prev_word(p, from);
    }
    return false;
}

/* "11-25-31-40-7": numbers drawn, a list, not ranges: three numbers or
 * more joined by hyphens (the one at i, the one at k after it, and one
 * more before or after). */
static bool in_number_chain(const pass *p, size_t i, size_t k)
{
    size_t d = digits_at(p->s, p->len, k);
    bool after = d && k + d + 1 < p->len && p->s[k + d] == '-' && is_digit(p->s[k + d + 1]);
    bool before = i >= 2 && p->s[i - 1] == '-' && is_digit(p->s[i - 2]);
    return after || before;
}

/* "ISO-8859-1", "FIPS 151-2": the parts of a code, not a range. The
 * number hangs on a capitals word by a hyphen, the end after the dash is
 * glued to capitals ("777-300ER"), or that end
 * is far smaller than a start of three digits or more; "1966-67", two
 * years of a span, is the season rule's, "3-1" and "102-98" scores. */
static bool code_dash(const pass *p, size_t i, size_t k, unsigned long long v)
{
    if (i > 1 && p->s[i - 1] == '-' && is_upper_ascii(p->s[i - 2]))
        return true;
    size_t d = digits_at(p->s, p->len, k);
    if (d && k + d + 1 < p->len && is_upper_ascii(p->s[k + d]) && is_upper_ascii(p->s[k + d + 1]))
        return true; /* "777-300ER", "A350-900ULR": a model's variant */
    if (zero_padded_at(p, k) && !(v >= 1000 && v < 2100 && d == 2 && to_ull(p->s + k, 2) == (v + 1) % 100))
        return true; /* "2023-01", "23-04": a code; "1999-00" is two years */
    if (v < 100 || !d || d > 18)
        return false;
    unsigned long long end = to_ull(p->s + k, d);
    bool years = v >= 1000 && v < 2100 && d == 2;
    return end * 3 < v && !years;
}

/* Whether "17-18" at i, its second end at k, is a season's two years
 * in their last two digits: each other's next. */
static bool short_years_at(const pass *p, size_t i, size_t k, const number_text *nt)
{
    return nt->n_digits == 2 && !nt->frac && digits_at(p->s, p->len, k) == 2 &&
           to_ull(p->s + k, 2) == (to_ull(p->s + i, 2) + 1) % 100;
}

/* "1938-1939", "2023-24": a year and the next, whatever names them (a
 * championship's season, a school year, a budget's), read one after the
 * other like a season's: "de 1938 à 1939" would be a span of a day. */
static bool next_year_at(const pass *p, size_t i, size_t k, const number_text *nt)
{
    if (nt->n_digits != 4 || nt->frac || nt->grouped)
        return false;
    unsigned long long v = to_ull(p->s + i, 4);
    size_t d = digits_at(p->s, p->len, k);
    if (v < 1000 || v >= 2100 || (d != 4 && d != 2) || (k + d < p->len && is_digit(p->s[k + d])))
        return false;
    unsigned long long next = to_ull(p->s + k, d);
    return d == 4 ? next == v + 1 : next == (v + 1) % 100;
}

/* How the two ends of "A-B" (the second at k) are joined: "entre
 * 1914-1918" is "entre … et …"; after a noun of a two-year span ("la
 * saison 2023-2024", "les saisons 1966-67", "la saison 17-18") the years
 * follow each other; else "à". */
static const char *range_join(const pass *p, size_t i, size_t k, const number_text *nt)
{
    if (after_between(p, i))
        return " et ";
    if ((nt->n_digits == 4 || short_years_at(p, i, k, nt)) && !nt->frac && after_season_noun(p, i))
        return " ";
    return next_year_at(p, i, k, nt) ? " " : " à ";
}

/* "2 °C- 8 °C", "10 km – 15 km": a range whose two ends carry the same
 * unit (the number starts at i and ends at j, its unit at ue) is said
 * once, "deux à huit degrés" ("entre deux et huit"). Writes the joiner and
 * the second end into b, returns where the range ends, 0 when there is
 * none. */
static size_t unit_range(const pass *p, size_t i, size_t j, size_t ue, strbuf *b)
{
    size_t dash = range_dash_between(p, ue);
    if (!dash)
        return 0;
    size_t k = ue + dash;
    number_text second;
    size_t n2 = digits_at(p->s, p->len, k) ? scan_number(p, k, &second) : 0;
    size_t unit_len = ue - j;
    if (!n2 || k + n2 + unit_len > p->len || memcmp(p->s + k + n2, p->s + j, unit_len) != 0 ||
        is_word_at(p->s, p->len, k + n2 + unit_len))
        return 0;
    strbuf u2;
    sb_init(&u2);
    bool fem = false;
    size_t n = unit_after_number(p, k + n2, &u2, number_value(&second), &fem);
    if (n != unit_len) {
        sb_free(&u2);
        return 0;
    }
    sb_adds(b, after_between(p, i) ? " et " : " à ");
    say_decimal(p, b, &second, fem, false);
    sb_printf(b, " %s", u2.s);
    sb_free(&u2);
    return k + n2 + n;
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
    size_t end = unit_range(p, i, j, j + n, &b);
    if (!end) {
        sb_printf(&b, " %s", u.s);
        end = j + n;
    }
    sb_free(&u);
    return emit_built(p, i, end, &b);
}

/* After a round number of millions, a noun takes "de": "deux millions de
 * personnes", "un milliard d'euros". Returns the bytes of space consumed
 * when "d'" is glued to the noun. */
static size_t of_before_noun(const pass *p, size_t j, strbuf *b)
{
    word_ref w = next_word(p, j);
    if (w.start != j + 1 || p->s[j] != ' ' || !word_plural_like(p, w))
        return 0;
    bool vowel = de_elides_before(p->s + w.start);
    sb_adds(b, vowel ? " d'" : " de");
    return vowel ? 1 : 0;
}

/* "95k", "20K": thousands, as social networks and salaries write them.
 * Not before a letter ("3kg" is a unit) nor a currency ("5k€", said by
 * the money rule). A capital K after one digit is a screen's "4K", "8K",
 * which eSpeak NG reads as written; after four digits or more, a model's
 * number ("Core i5 4690K"): thousands of thousands are written "M". */
static size_t multiplier_k(const pass *p, size_t j, unsigned long long v, bool decimal)
{
    if (j >= p->len || (p->s[j] != 'k' && p->s[j] != 'K') || is_word_at(p->s, p->len, j + 1))
        return 0;
    if ((p->s[j] == 'K' && v < 10 && !decimal) || (v >= 1000 && !decimal))
        return 0;
    return 1;
}

/* "2M de vues", "1,5M d'habitants", "3 Mds de dollars": millions and
 * billions written with a letter after the number. A glued "M" only
 * before "de" or "d'", or after a decimal, as "3M" is a company and
 * "2M" a code; "Md", "Mds" and "Mrd" glued or set apart by a space.
 * Returns the letters' length (with the space), 0 if none; *word is
 * "million" or "milliard". Currencies after them are the money rule's. */
/* Whether " de " or " d'" starts at k: "2 M d'habitants". */
static bool millions_of(const pass *p, size_t k)
{
    return k + 2 < p->len && p->s[k] == ' ' && p->s[k + 1] == 'd' &&
           (p->s[k + 2] == '\'' || (p->s[k + 2] == 'e' && k + 3 < p->len && p->s[k + 3] == ' '));
}

/* Whether the "M" that ends at k opens a span whose other end has its
 * "M" of millions: "de 67,8 M à 68,1 M d'habitants", "2 M-3 M€". */
static bool millions_span(const pass *p, size_t k)
{
    static const char *const joins[] = {" à ", " et ", " - ", " \xE2\x80\x93 ", "-", "\xE2\x80\x93"};
    size_t m = 0;
    for (size_t n = 0; !m && n < sizeof joins / sizeof *joins; n++)
        if (starts_with_at(p, k, joins[n]))
            m = strlen(joins[n]);
    size_t d = m ? decimal_digits_at(p->s, p->len, k + m) : 0;
    if (!d)
        return false;
    k += m + d;
    k += k < p->len && p->s[k] == ' ';
    if (!word_is(p, k, "M"))
        return false;
    const currency_name *cur;
    const char *scale;
    return millions_of(p, k + 1) || currency_after_number(p, k + 1, &cur, &scale);
}

size_t scale_letters(const pass *p, size_t j, bool decimal, const char **word)
{
    static const char *const billions[] = {"Mds", "Mrd", "Md", "mia"};
    static const char *const swiss_millions[] = {"Mio", "mio"}; /* "2 Mio de francs" */
    size_t sp = j < p->len && p->s[j] == ' ' ? 1 : 0;
    for (size_t k = 0; k < sizeof billions / sizeof *billions; k++)
        if (word_is(p, j + sp, billions[k])) {
            *word = "milliard";
            return sp + strlen(billions[k]);
        }
    for (size_t k = 0; k < 2; k++)
        if (word_is(p, j + sp, swiss_millions[k])) {
            size_t e = j + sp + 3; /* "2 Mio. de francs": its stop inside a sentence too */
            bool stop = e + 2 < p->len && p->s[e] == '.' && p->s[e + 1] == ' ' &&
                        p->s[e + 2] >= 'a' && p->s[e + 2] <= 'z';
            *word = "million";
            return sp + 3 + stop;
        }
    size_t after = j + sp + 1;
    bool stop = after < p->len && p->s[after] == '.';
    /* after a number, "M." ends a sentence on millions ("atteint 15 M.
     * Le maire…"): no one writes a count before "M. Dupont" */
    bool ends = stop && (after + 1 >= p->len || p->s[after + 1] == '\n' ||
                         (p->s[after + 1] == ' ' && after + 2 < p->len && is_upper_ascii(p->s[after + 2])));
    if (!word_is(p, j + sp, "M") || (stop && !ends))
        return 0;
    if (ends) {
        *word = "million";
        return sp + 1; /* the stop is the sentence's */
    }
    if (!millions_of(p, after) && !(decimal && !sp) && !millions_span(p, after))
        return 0;
    *word = "million";
    return sp + 1;
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

/* "des 1.2 et 2.2 de l'article", "au 3.1", "(voir …, 4.2)": two small
 * dotted numbers named like a part of a text (an article before them, or
 * closing a reference in brackets), with no unit after: French writes its
 * decimals with a comma, so these are sections, said with "point". */
static bool section_reference(const pass *p, size_t i, size_t j)
{
    size_t a = digits_at(p->s, p->len, i);
    if (a > 2 || p->s[i] == '0' || digits_at(p->s, p->len, i + a + 1) > 2)
        return false;
    static const char *const after_ok[] = {"et", "de", "du", "des", "ou", "à", "au", "aux"};
    word_ref next = next_word(p, j);
    bool plain_after = j >= p->len || (p->s[j] != ' ' && p->s[j] != '%') ||
                       (next.start == j + 1 && word_among(p, next, after_ok, 8));
    if (!plain_after)
        return false;
    static const char *const before_ok[] = {"le", "les", "des", "du", "au", "aux", "et"};
    word_ref prev = prev_word(p, i);
    if (prev.end + 1 == i && p->s[prev.end] == ' ' && word_among(p, prev, before_ok, 7))
        return true;
    size_t c = i; /* "(voir …, 4.2)": the last of a reference in brackets */
    while (c > 0 && p->s[c - 1] == ' ')
        c--;
    if (c == 0 || p->s[c - 1] != ',' || j >= p->len || p->s[j] != ')')
        return false;
    size_t o = c;
    while (o > 0 && p->s[o - 1] != '(' && p->s[o - 1] != ')' && c - o < 200)
        o--;
    return o > 0 && p->s[o - 1] == '(' && (starts_with_at(p, o, "voir ") || starts_with_at(p, o, "Voir ") ||
                                           starts_with_at(p, o, "cf. "));
}

/* "Debian 4.0", "DirectX 11.1", "iOS 17.2", "Web 2.0", "la version 2.0":
 * a version after the name of a product or the word "version", said with
 * "point". The name has a capital and is
 * not a sentence's first word; the number has one or two digits each side
 * and nothing after it that counts (a unit, "%", "millions"): only
 * punctuation, the end, or a word of this short list. A number joined to
 * a word by a hyphen is a version whatever the word's case ("licence
 * etalab-2.0", "GPL-3.0"): a decimal is never written so. */
static bool version_number(const pass *p, size_t i, size_t j);

/* Whether a version ends before the word at k ("2.1 et"): the one before
 * it is asked once, not along a list. */
static bool version_before(const pass *p, size_t k)
{
    word_ref w = prev_word(p, k);
    size_t b = w.start;
    while (b > 0 && (is_digit(p->s[b - 1]) || p->s[b - 1] == '.'))
        b--;
    if (w.end + 1 != k || w.end - b < 3 || !is_digit(p->s[w.end - 1]))
        return false;
    size_t a = digits_at(p->s, p->len, b);
    return a && b + a < w.end && p->s[b + a] == '.' && b + a + 1 + digits_at(p->s, p->len, b + a + 1) == w.end &&
           !word_is(p, prev_word(p, b).start, "et") && version_number(p, b, w.end);
}

static bool version_number(const pass *p, size_t i, size_t j)
{
    size_t a = digits_at(p->s, p->len, i), b = digits_at(p->s, p->len, i + a + 1);
    if (a > 2 || b > 2 || i < 2 || (p->s[i - 1] != ' ' && p->s[i - 1] != '-'))
        return false;
    word_ref name = prev_word(p, i - 1);
    if (name.end != i - 1 || name.end - name.start < 2)
        return false;
    if (word_is(p, name.start, "et") || word_is(p, name.start, "ou")) /* "versions 1.4 et 1.5" */
        return version_before(p, name.start);
    bool hyphen = p->s[i - 1] == '-';
    if (hyphen && !is_letter_at(p->s, p->len, prev_char_start(p->s, i - 1)))
        return false; /* "2-1.5": a range */
    if (!hyphen && (line_start(p, name.start) || (name.start >= 2 && strchr(".!?", p->s[name.start - 2]) &&
                                                  p->s[name.start - 1] == ' ')))
        return false;
    /* "la version 2.0", "la v2.1": the noun says it as well as a name */
    static const char *const version[] = {"version", "versions"};
    bool capital = hyphen || word_among(p, name, version, 2);
    for (size_t k = name.start; k < name.end; k++)
        capital |= is_upper_ascii(p->s[k]);
    if (!capital)
        return false;
    static const char *const after_ok[] = {"et", "est", "a", "de", "du", "sur", "pour", "avec",
                                           "qui", "ou", "sous", "sera", "était", "apporte"};
    word_ref next = next_word(p, j);
    /* "Gov 2.0 Toronto": a decimal is not written with a lone zero after
     * its point, a version is, whatever follows it but a measure */
    static const char *const scales[] = {"million", "millions", "milliard", "milliards"};
    if (b == 1 && p->s[i + a + 1] == '0' && !measure_follows(p, j) && !word_among(p, next, scales, 4))
        return true;
    size_t gap = space_len(p->s, p->len, j); /* French sets a space before ";:!?" */
    if (j + gap >= p->len || (p->s[j] != ' ' && strchr(",;:)!?.", p->s[j])) ||
        (gap && strchr(";:!?", p->s[j + gap])))
        return true;
    return p->s[j] == ' ' && next.start == j + 1 &&
           word_among(p, next, after_ok, sizeof after_ok / sizeof *after_ok);
}

/* "5.5.1", "2.3.1.4", "rubrique 4.6": a section number, said with
 * "point". Dotted groups of three digits are thousands ("1.000.000"),
 * not sections. */
static size_t section_number(pass *p, size_t i)
{
    size_t j = i, groups = 0;
    bool all_three = true;
    for (;;) {
        size_t d = digits_at(p->s, p->len, j);
        if (!d || (d > 3 && groups < 2) || d > 6)
            return 0; /* a build's number may close a version ("vim 8.1.1467") */
        if (groups)
            all_three &= d == 3;
        groups++;
        j += d;
        if (j + 1 < p->len && p->s[j] == '.' && is_digit(p->s[j + 1]))
            j++;
        else
            break;
    }
    /* "4.1 Exception faite…", "1.2. Qu'est-ce que…": a numbered
     * paragraph or heading opens its line */
    size_t title = j + 1 < p->len && p->s[j] == '.' && p->s[j + 1] == ' ' ? j + 1 : j;
    bool heading = line_start(p, i) && title + 1 < p->len && p->s[title] == ' ' &&
                   (is_upper_ascii(p->s[title + 1]) || (unsigned char)p->s[title + 1] == 0xC3);
    if (groups < 2 || all_three || is_word_at(p->s, p->len, j) ||
        (groups == 2 && !label_before(p, i) && !heading && !section_reference(p, i, j) &&
         !version_number(p, i, j)))
        return 0;
    strbuf b;
    sb_init(&b);
    for (size_t k = i; k < j;) {
        size_t d = digits_at(p->s, p->len, k);
        say_number_text(p, &b, p->s + k, d, false);
        k += d;
        if (k < j) {
            sb_adds(&b, " point ");
            k++;
        }
    }
    return emit_built(p, i, j, &b);
}

/* A number too long for words (an identifier, a card number, a physical
 * constant): a round one is said with the long scale ("un trillion"),
 * others in groups of three digits from the left, each a small number, so
 * that no stream of "zéro" comes out: "000" is "trois zéros". */
static size_t say_long_number(pass *p, size_t i, size_t end, const number_text *nt)
{
    static const char *const scales[] = {"billiard", "trillion", "trilliard", "quadrillion"};
    size_t zeros = 0;
    while (zeros + 1 < nt->n_digits && nt->digits[nt->n_digits - 1 - zeros] == '0')
        zeros++;
    strbuf b;
    sb_init(&b);
    num_style st = style(p, false, false);
    if (zeros + 1 == nt->n_digits && zeros % 3 == 0 && zeros >= 15 && zeros <= 24) {
        num_cardinal(&b, (unsigned long long)(nt->digits[0] - '0'), &st);
        sb_printf(&b, " %s%s", scales[(zeros - 15) / 3], nt->digits[0] > '1' ? "s" : "");
        return emit_built(p, i, end, &b);
    }
    for (size_t k = 0; k < nt->n_digits; k += 3) {
        size_t g = nt->n_digits - k < 3 ? nt->n_digits - k : 3;
        const char *d = nt->digits + k;
        if (k)
            sb_adds(&b, ", ");
        if (g == 3 && memcmp(d, "000", 3) == 0)
            sb_adds(&b, "trois zéros");
        else
            say_number_text(p, &b, d, g, false);
    }
    return emit_built(p, i, end, &b);
}

/* "25 p. 100": pour cent, as old laws write it. */
static size_t per_hundred(const pass *p, size_t j, const char **words)
{
    if (word_is(p, j, " p. 100") || word_is(p, j, " p. cent")) {
        *words = " pour cent";
        return p->s[j + 4] == 'c' ? 8 : 7;
    }
    if (word_is(p, j, " p. 1000") || word_is(p, j, " p. 1 000")) {
        *words = " pour mille";
        return p->s[j + 5] == ' ' ? 9 : 8;
    }
    return 0;
}

/* "90's", "1990's", "les années 80s": a decade as English writes it.
 * French says "les années quatre-vingt-dix"; eSpeak NG said the s, or
 * "secondes". A bare "80s" is a decade only after "années": "en 30s
 * chrono" is a time. */
static size_t say_decade(pass *p, size_t i, size_t j, const number_text *nt)
{
    unsigned long long v = to_ull(nt->digits, nt->n_digits);
    if (nt->frac || (nt->n_digits != 2 && nt->n_digits != 4) || v % 10 || j != i + nt->n_digits)
        return 0;
    word_ref prev = prev_word(p, i);
    bool years = prev.end > prev.start && word_is(p, prev.start, "ann\xC3\xA9" "es");
    size_t a = apostrophe_at(p, j);
    size_t len = a && starts_with_at(p, j + a, "s") ? a + 1 : years && j < p->len && p->s[j] == 's' ? 1 : 0;
    /* "le 90's Club": after a singular article, a name */
    static const char *const singular[] = {"le", "la", "un", "une", "du", "au"};
    if (!len || is_word_at(p->s, p->len, j + len) || word_among(p, prev, singular, 6))
        return 0;
    return emit_cardinal_with(p, i, j + len, v, years ? "" : "ann\xC3\xA9" "es ", "");
}

/* "6 les hauteurs minimales…", "2 la demande est…": a number that opens
 * its line right before a definite article counts no noun (a count
 * stands before the noun, "6 hauteurs"): it numbers an item, and is said
 * with the pause of one ("six, les"), which also keeps the final
 * consonant French says before a pause. "3 des 5 otages" is a count. */
static size_t list_item_number(pass *p, size_t i)
{
    static const char *const articles[] = {"le", "la", "les"};
    size_t d = digits_at(p->s, p->len, i), j = i + d;
    if (d < 1 || d > 2 || !line_start(p, i) || j + 1 >= p->len || p->s[j] != ' ')
        return 0;
    word_ref w = next_word(p, j);
    bool article = w.start == j + 1 && (word_among(p, w, articles, 3) ||
                                        (w.end == w.start + 1 && p->s[w.start] == 'l' &&
                                         apostrophe_at(p, w.end)));
    size_t after = w.end + apostrophe_at(p, w.end);
    if (!article || after >= p->len || !is_word_at(p->s, p->len, after + (p->s[after] == ' ')))
        return 0;
    return emit_cardinal_with(p, i, j, to_ull(p->s + i, d), "", ",");
}

/* "4 ans de prison dont 1 ferme", "18 mois, dont 1 ferme": the number
 * before "ferme" counts the years or months of a sentence (un ferme),
 * not farms: "dont" right before it, and an, ans or mois among the six
 * words before that. */
static bool prison_term_before(const pass *p, size_t i)
{
    static const char *const terms[] = {"an", "ans", "mois"};
    word_ref w = prev_word(p, i);
    if (!word_is(p, w.start, "dont"))
        return false;
    for (int k = 0; k < 6 && w.start > 0; k++) {
        size_t at = w.start;
        while (at > 0 && (p->s[at - 1] == ',' || p->s[at - 1] == ' '))
            at--; /* "18 mois, dont 1 ferme" */
        w = prev_word(p, at);
        if (w.end == w.start)
            return false;
        if (word_among(p, w, terms, 3))
            return true;
    }
    return false;
}

/* "2.Alain Juppé…", "1.Le gouvernement…": a number glued by its full
 * stop to a capitalized word, opening its line, numbers an item whose
 * space was lost; eSpeak NG joins them ("deux.Alain" /dYzalE~/). The
 * number is said with the stop and a space. "la version 2.Beta" does
 * not open its line and stays. */
static size_t glued_item_number(pass *p, size_t i)
{
    size_t d = digits_at(p->s, p->len, i), j = i + d;
    if (d < 1 || d > 2 || j + 2 >= p->len || p->s[j] != '.' || !line_start(p, i))
        return 0;
    size_t cap = j + 1, upper = capital_at(p, cap), next = cap + upper;
    if (!upper || next >= p->len || !(p->s[next] >= 'a' && p->s[next] <= 'z'))
        return 0;
    return emit_cardinal_with(p, i, j + 1, to_ull(p->s + i, d), "", ". ");
}

/* "1/ Il s'agit…", "3/ L'objectif…": a number and a slash opening
 * their line before a capital number an item; eSpeak NG drops the slash
 * and binds the number to the word ("un il"). The number is said with
 * the pause of an item. "1/2", "le 1/ 2 du texte" stay. */
static size_t slash_item_number(pass *p, size_t i)
{
    size_t d = digits_at(p->s, p->len, i), j = i + d;
    if (d < 1 || d > 2 || j + 3 >= p->len || p->s[j] != '/' || p->s[j + 1] != ' ' || !line_start(p, i) ||
        !capital_at(p, j + 2))
        return 0;
    return emit_cardinal_with(p, i, j + 1, to_ull(p->s + i, d), "", ",");
}

size_t rule_number(pass *p, size_t i)
{
    size_t sec = section_number(p, i);
    if (!sec)
        sec = list_item_number(p, i);
    if (!sec)
        sec = glued_item_number(p, i);
    if (!sec)
        sec = slash_item_number(p, i);
    if (sec)
        return sec;
    number_text nt;
    size_t n = scan_number(p, i, &nt);
    if (n && nt.n_digits > 15 && !nt.frac && !is_word_at(p->s, p->len, i + n))
        return say_long_number(p, i, i + n, &nt);
    if (!n || nt.n_digits > 15)
        return 0;
    size_t j = i + n, done;
    if (!nt.frac && (done = say_ordinal(p, i, j, &nt)))
        return done;
    if ((apostrophe_at(p, j) || (j < p->len && p->s[j] == 's')) && (done = say_decade(p, i, j, &nt)))
        return done;
    const char *hundred_words; /* "25 p. 100" is per cent before "p." is pages */
    if ((done = say_number_money(p, i, j, &nt)) ||
        (!per_hundred(p, j, &hundred_words) && (done = say_number_unit(p, i, j, &nt))))
        return done;
    if (!nt.frac && nt.n_digits <= 2 && j + 3 <= p->len && p->s[j] == 'm' &&
        digits_at(p->s, p->len, j + 1) == 2 && !is_word_at(p->s, p->len, j + 3)) {
        /* "1m80", a height: un mètre quatre-vingts */
        unsigned long long m = to_ull(nt.digits, nt.n_digits);
        strbuf b;
        sb_init(&b);
        num_style st = style(p, false, false);
        num_cardinal(&b, m, &st);
        sb_adds(&b, m > 1 ? " mètres " : " mètre ");
        num_cardinal(&b, to_ull(p->s + j + 1, 2), &st); /* "2m05": deux mètres cinq */
        return emit_built(p, i, j + 3, &b);
    }
    size_t kilo = multiplier_k(p, j, to_ull(nt.digits, nt.n_digits), nt.n_frac > 0);
    const char *scale_word = NULL;
    size_t scale = kilo ? 0 : scale_letters(p, j, nt.n_frac > 0, &scale_word);
    if (scale && currency_after_number(p, j, &(const currency_name *){NULL}, &(const char *){NULL}))
        scale = 0; /* "3M€", "2 Md$": the money rule's */
    if (!kilo && !scale && is_letter_at(p->s, p->len, j) && currency_word_at(p, j, word_end(p, j))) {
        strbuf b; /* "soit 1euro", "10euros": the space lost before the currency's name */
        sb_init(&b);
        say_decimal(p, &b, &nt, false, false);
        sb_addc(&b, ' ');
        sb_add(&b, p->s + j, word_end(p, j) - j);
        return emit_built(p, i, word_end(p, j), &b);
    }
    if (!kilo && !scale && is_letter_at(p->s, p->len, j) && !unit_glued_at(p, j, word_end(p, j)))
        return 0; /* "2i", "3b": a code glued to letters is left as written */
    unsigned long long v = to_ull(nt.digits, nt.n_digits);
    const char *pct_words = NULL;
    size_t pct = percent_sign(p, j, &pct_words);
    if (!pct)
        pct = per_hundred(p, j, &pct_words);
    size_t dash = pct ? 0 : range_dash(p, i, j);
    bool invariable = invariable_number(p, i, j, &nt, v);
    word_ref next = next_word(p, j);
    /* "700 mille": sept cent mille; "95k": quatre-vingt-quinze mille */
    bool thousand = next.start == j + 1 && word_is(p, next.start, "mille");
    /* "13001 Marseille": a postal code, five digits in one piece before a
     * capital, agrees with no name */
    bool postal = j - i == 5 && nt.n_digits == 5 && next.start == j + 1 && word_capitalized(p, next);
    /* "au 21 rue de la Paix": a house number, le numéro vingt et un; "4 ans
     * dont 1 ferme": a sentence's years or months, ferme their adjective */
    bool house = !nt.frac && next.start == j + 1 && word_in(p, next, &p->nz->street_nouns);
    house |= next.start == j + 1 && word_is(p, next.start, "ferme") && prison_term_before(p, i);
    /* only a number ending in "un" agrees ("vingt et une"): the others
     * ask no gender, which may cost a dictionary's reading. Past one it
     * counts a plural: "l'Unité 731 japonaise" names a unit, its
     * adjective singular */
    bool counted = v < 2 || next.end == next.start || strchr("sxzSXZ", p->s[next.end - 1]);
    bool feminine = !pct && !invariable && !kilo && !postal && !house && v % 10 == 1 &&
                    ((!dash && counted && word_is_feminine(p, next)) || range_noun_feminine(p, j, dash));
    strbuf b;
    sb_init(&b);
    say_decimal(p, &b, &nt, feminine, invariable || thousand || kilo);
    size_t half;
    if (kilo) {
        sb_adds(&b, " mille");
        j += kilo;
    } else if (scale) {
        sb_printf(&b, " %s%s", scale_word, v >= 2 ? "s" : ""); /* "1,5 million", "2 millions" */
        j += scale;
    } else if (!nt.frac && (half = mixed_fraction(p, j, &b))) {
        j += half;
    } else if (pct) {
        sb_adds(&b, pct_words);
        j += pct;
    } else if (!nt.frac && !dash && v >= 1000000 && v % 1000000 == 0) {
        j += of_before_noun(p, j, &b); /* "2 000 000 personnes": deux millions de */
    } else if (j + 1 < p->len && p->s[j] == '/' && is_digit(p->s[j + 1])) {
        /* "18,5/20": a mark out of twenty; "2024/2025": a season; "n°
         * 1407/2013", "directive 2006/123/CE": a reference, said "barre" */
        size_t d2 = digits_at(p->s, p->len, j + 1);
        /* "2023/24": the next year's last two digits, a season too */
        bool next_year = d2 == 2 && nt.n_digits == 4 && !nt.frac && v >= 1800 && v < 2100 &&
                         (v + 1) % 100 != 0 && to_ull(p->s + j + 1, 2) == (v + 1) % 100;
        bool season = invariable_number(p, i, j, &nt, v) && (d2 == 4 || next_year);
        sb_adds(&b, reference_slash(p, i, j) ? " barre "
                    : season || slash_span_of_measure(p, j + 1, number_value(&nt)) ? " à " : " sur ");
        j += 1;
    } else if (!nt.frac && (half = rate_after_number(p, j, &b))) {
        j += half; /* "250/h" */
    } else if (j + 2 < p->len && p->s[j] == '/' && is_upper_ascii(p->s[j + 1]) &&
               reference_slash(p, i, j)) {
        sb_adds(&b, " barre "); /* the "/CE" that ends "2006/123/CE" */
        j += 1;
    } else if (dash) {
        /* "2020-2024", "3-1": a range or a score, "à" either way; after
         * "article" it is part of a label and said as a pause. */
        bool chain = in_number_chain(p, i, j + dash);
        bool label = label_before(p, i) || (!chain && code_dash(p, i, j + dash, v));
        /* "2008-195" after n° is "deux mille huit tiret cent…": without
         * the dash it would be one number; said for every part of a
         * label, so a list of them ("R. 743-44, R. 743-100") is read alike */
        sb_adds(&b, label && !after_page_word(p, i) ? " tiret "
                    : chain ? ", " : range_join(p, i, j + dash, &nt));
        j += dash;
    } else if (!pct && j + 1 < p->len && p->s[j] == ' ' && is_digit(p->s[j + 1]) &&
               digits_at(p->s, p->len, j + 1) != 3) {
        sb_addc(&b, ','); /* "610 1340": two numbers, not one ("six cent dix mille…") */
    }
    return emit_built(p, i, j, &b);
}

/* Whether the dash glued to the number at i opens an aside that a dash
 * glued to a word closes later in the sentence: "les tarifs -100 000
 * francs la page (15 000)- demandés…". A minus sign has no such pair. */
static bool opens_incise(const pass *p, size_t i)
{
    for (size_t k = i + 1; k < p->len && k < i + 160; k++) {
        char c = p->s[k];
        if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ';')
            return false;
        if (c == '-' && p->s[k - 1] != ' ' && !is_word_at(p->s, p->len, k - 1) &&
            (k + 1 == p->len || p->s[k + 1] == ' '))
            return true; /* ")- ", "»- ": a closing dash after a mark */
        if (c == '-' && is_word_at(p->s, p->len, k - 1) && k + 1 < p->len && p->s[k + 1] == ' ')
            return true; /* "la page- demandés" */
    }
    return false;
}

/* "à-3 points", "inférieur à- 2,5": a minus glued to the preposition
 * before it, as hasty typing leaves it. */
size_t rule_minus_after_to(pass *p, size_t i)
{
    if (i < 2 || p->s[i] != '-' || !starts_with_at(p, i - 2, "\xC3\xA0") ||
        (i > 2 && word_ends_before(p->s, p->len, i - 2)))
        return 0;
    size_t gap = space_len(p->s, p->len, i + 1);
    if (i + 1 + gap >= p->len || !is_digit(p->s[i + 1 + gap]))
        return 0;
    emit(p, i, i + 1 + gap, " moins ");
    size_t n = rule_number(p, i + 1 + gap);
    return n ? 1 + gap + n : 1 + gap;
}

/* A sign right before a number: "+2,3 %" → plus deux virgule trois. */
/* A comma at i, before digits, that no number took as decimal is a
 * list's: "17,18,19", "19 bis,20". It is said with a pause: eSpeak NG runs
 * "dix-huit,dix-neuf" together and drops the t of huit. */
size_t rule_list_comma(pass *p, size_t i)
{
    if (i == 0 || i + 1 >= p->len || p->s[i] != ',' || !is_digit(p->s[i + 1]) ||
        !is_word_at(p->s, p->len, prev_char_start(p->s, i)))
        return 0;
    emit(p, i, i + 1, ", ");
    return 1;
}

/* "les -18 ans", "jeunes (-26 ans)", "les +65 ans": an age group, a sign
 * before "ans" that no number precedes (that is a range, "18-25 ans").
 * Below ten it may be a change ("âge de départ : +2 ans"), so only after
 * an article is it a group there. The number starts at n: a space after
 * the sign ("gratuit pour les - 12 ans", as listings write it) only
 * after an article, where no dash opens a list item. */
static bool age_group(const pass *p, size_t i, size_t n)
{
    word_ref w = prev_word(p, i);
    size_t d = digits_at(p->s, p->len, n);
    if (!d || d > 2 || n + d >= p->len || p->s[n + d] != ' ' || !word_is(p, n + d + 1, "ans") ||
        (i > 0 && (is_digit(p->s[i - 1]) || is_letter_at(p->s, p->len, prev_char_start(p->s, i)))))
        return false;
    static const char *const articles[] = {"les", "des", "aux"};
    bool article = w.end + 1 == i && word_among(p, w, articles, 3);
    return article || (n == i + 1 && to_ull(p->s + n, d) >= 10);
}

/* "au plus 20 %", "1 plus 1": the word "plus" before a number is said
 * /plys/, which eSpeak NG 1.51 does not do (/ply/); written through the
 * respellings like the "plus" of a sign. Not in a negation ("il n'en
 * veut plus 2"), where /ply/ is right: a "ne" or "n'" among the four
 * words before it. */
size_t rule_plus_number(pass *p, size_t i)
{
    size_t e = i + 4;
    if (e + 1 >= p->len || memcmp(p->s + i, "plus", 4) != 0 || p->s[e] != ' ' || !is_digit(p->s[e + 1]))
        return 0;
    static const char *const negation[] = {"ne", "n"};
    word_ref w = {i, i};
    for (int k = 0; k < 4 && w.start > 0; k++) {
        w = prev_word(p, after_apostrophe(p, w.start) ? apostrophe_start(p, w.start) : w.start);
        if (w.end == w.start || strchr(".;:!?", p->s[w.end]))
            break;
        if (word_among(p, w, negation, 2))
            return 0;
    }
    emit(p, i, e, "plus");
    return e - i;
}

size_t rule_signed_number(pass *p, size_t i)
{
    size_t sl = 0;
    const char *word = NULL;
    if (starts_with_at(p, i, "+/-"))
        sl = 3, word = "plus ou moins "; /* "+/-3 %": a typed ± */
    else if (p->s[i] == '+')
        sl = 1, word = "plus ";
    else if (p->s[i] == '-')
        sl = 1, word = "moins ";
    else if (starts_with_at(p, i, "\xE2\x88\x92"))
        sl = 3, word = "moins "; /* U+2212 */
    else if (starts_with_at(p, i, "\xC2\xB1"))
        sl = 2, word = "plus ou moins ";
    if (sl == 1 && p->s[i] == '-' && i > 0 && p->s[i - 1] == '-') {
        emit(p, i, i + 1, " "); /* "1914--3 février": a dash typed twice */
        return 1;
    }
    if (!sl || i + sl >= p->len)
        return 0;
    size_t gap = 0;
    if (!is_digit(p->s[i + sl])) {
        /* "(- 2,5 %)": a sign set apart from its number inside brackets */
        gap = space_len(p->s, p->len, i + sl);
        bool bracket = i > 0 && p->s[i - 1] == '(';
        if (!gap || i + sl + gap >= p->len || !is_digit(p->s[i + sl + gap]))
            return 0;
        if (!bracket && !(sl == 1 && age_group(p, i, i + sl + gap)))
            return 0;
    } else if (p->s[i] == '-' && opens_incise(p, i + sl)) {
        emit(p, i, i + sl, ", "); /* "des tarifs -100 000 francs (15 000)- demandés" */
        return sl;
    }
    if (sl == 1 && age_group(p, i, i + sl + gap)) /* "les -18 ans": les moins de dix-huit ans */
        word = p->s[i] == '-' ? "moins de " : "plus de ";
    emit(p, i, i + sl + gap, word);
    sl += gap;
    size_t n = rule_number(p, i + sl);
    return n ? sl + n : sl;
}

/* "l'année n-1", "N+2", "à J-7", "H-2": a day, year or hour counted
 * from a reference one, said "N moins un", "J moins sept". One letter
 * alone, a sign, one or two digits that end the word. */
size_t rule_relative_index(pass *p, size_t i)
{
    char c = p->s[i];
    size_t k = i + 1, sl = 0;
    if (k >= p->len || (p->s[k] != '-' && p->s[k] != '+' && p->s[k] != '\xE2') ||
        (c != 'n' && c != 'N' && c != 'J' && c != 'H'))
        return 0;
    const char *sign = NULL;
    if (k < p->len && (p->s[k] == '-' || p->s[k] == '+'))
        sl = 1, sign = p->s[k] == '-' ? " moins " : " plus ";
    else if (starts_with_at(p, k, "\xE2\x88\x92"))
        sl = 3, sign = " moins ";
    size_t d = sign ? digits_at(p->s, p->len, k + sl) : 0;
    if (!d || d > 2 || is_word_at(p->s, p->len, k + sl + d) ||
        (k + sl + d < p->len && (p->s[k + sl + d] == '-' || p->s[k + sl + d] == '/')))
        return 0;
    if (c != 'n' && word_in(p, prev_word(p, i), &p->nz->label_nouns))
        return 0; /* "la route N-7" is a road */
    strbuf b;
    sb_init(&b);
    sb_addc(&b, c == 'n' ? 'N' : c);
    sb_adds(&b, sign);
    say_number_text(p, &b, p->s + k + sl, d, false);
    return emit_built(p, i, k + sl + d, &b);
}

/* ── Fractions ─────────────────────────────────────────────────────────── */

bool word_is_function(const pass *p, word_ref w)
{
    static const char *const words[] = {"de", "des", "du", "d", "à", "au", "aux",
                                        "et", "ou", "en", "le", "la", "les", "l"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (w.end - w.start == strlen(words[k]) &&
            memcmp(p->s + w.start, words[k], w.end - w.start) == 0)
            return true;
    return false;
}

/* An ordinal's ending at j ("e", "es", "ème", "èmes") followed by no
 * letter: its length, 0 when there is none. */
static size_t ordinal_suffix_len(const pass *p, size_t j)
{
    static const char *const endings[] = {"\xC3\xA8mes", "\xC3\xA8me", "es", "e"};
    for (size_t k = 0; k < sizeof endings / sizeof *endings; k++) {
        size_t n = strlen(endings[k]);
        if (starts_with_at(p, j, endings[k]) && !is_word_at(p->s, p->len, j + n))
            return n;
    }
    return 0;
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


/* The numerator of "le 1/4", "du 1/10e", "un 1/4 d'heure": a single part
 * after a masculine determiner is the part's name alone, "le quart", "du
 * dixième" ("une baisse de 1/4" keeps its "un"). */
static bool numerator_unsaid(const pass *p, size_t i, unsigned long long num)
{
    static const char *const before[] = {"le", "du", "au", "un", "ce", "cet", "son", "mon",
                                         "ton", "notre", "votre", "leur"};
    word_ref w = prev_word(p, i);
    return num == 1 && w.end + 1 == i && p->s[w.end] == ' ' &&
           word_among(p, w, before, sizeof before / sizeof *before);
}

/* Whether the fraction at i follows a number and its noun: "1 an 1/2",
 * "3 heures 1/2", "2 h 1/2". */
static bool after_counted_noun(const pass *p, size_t i)
{
    word_ref noun = prev_word(p, i);
    if (noun.end == noun.start || noun.end + 1 != i || p->s[noun.end] != ' ' ||
        is_digit(p->s[noun.start]) || word_capitalized(p, noun) || noun.end - noun.start > 10 ||
        word_is_function(p, noun) || (noun.end - noun.start == 1 && p->s[noun.start] != 'h'))
        return false; /* "1 500 x 1/4" is a product */
    size_t k = noun.start;
    while (k > 0 && p->s[k - 1] == ' ')
        k--;
    return k < noun.start && k > 0 && is_digit(p->s[k - 1]);
}

/* "70/80 km/h", "110/130 km/h", "15/16 °C", "10/12 %": two close values
 * written with a slash before a unit are a span, "soixante-dix à
 * quatre-vingts kilomètres heure", not a fraction ("sur"). A fraction of
 * a unit is a common one, halves, thirds, quarters ("3/4 l": trois quarts
 * de litre), and is left to the fraction rule. Writes the span into b and
 * returns where the unit ends, 0 when it is no such span. */
static size_t slash_unit_range(const pass *p, size_t i, size_t a, size_t k, size_t d, strbuf *b)
{
    unsigned long long num = to_ull(p->s + i, a), den = to_ull(p->s + k, d);
    if (num < 2 || num >= den || den > 2 * num || den <= 4 || d > 3)
        return 0;
    strbuf u;
    sb_init(&u);
    bool fem = false;
    size_t n = unit_after_number(p, k + d, &u, (double)den, &fem);
    size_t sp = space_len(p->s, p->len, k + d);
    if (!n && k + d + sp < p->len && p->s[k + d + sp] == '%') {
        sb_adds(&u, "pour cent");
        n = sp + 1;
    }
    if (!n) {
        sb_free(&u);
        return 0;
    }
    say_number_text(p, b, p->s + i, a, false);
    sb_adds(b, " à ");
    say_number_text(p, b, p->s + k, d, false);
    sb_printf(b, " %s", u.s);
    sb_free(&u);
    return k + d + n;
}

/* "12/8 €", "10/15 €": two prices before one currency symbol, as culture
 * listings write a full and a reduced price, or a span: "douze ou huit
 * euros", "dix à quinze euros" (the fraction rule said "douze sur huit
 * €"). Whole amounts of one to three digits, from 2 on. */
static size_t slash_prices(const pass *p, size_t i, size_t a, size_t k, size_t d, strbuf *b)
{
    unsigned long long num = to_ull(p->s + i, a), den = to_ull(p->s + k, d);
    size_t sp = space_len(p->s, p->len, k + d), cl;
    const currency_name *c = d <= 3 ? currency_at(p, k + d + sp, &cl) : NULL;
    if (!c || num < 2 || den < 2 || num == den || p->s[i] == '0' || p->s[k] == '0')
        return 0;
    say_number_text(p, b, p->s + i, a, false);
    sb_adds(b, num > den ? " ou " : " à ");
    say_number_text(p, b, p->s + k, d, false);
    sb_addc(b, ' ');
    sb_adds(b, c->plural);
    return k + d + sp + cl;
}

/* Two numbers said with "à": "7-6 (7/5)", a tie-break's points in
 * brackets, more before the slash than after it, which no part of a
 * series ("(2/4)") has: "sept à cinq"; "37/45, quai…", a building's. */
static size_t say_pair_with_a(pass *p, size_t i, size_t a, size_t k, size_t d)
{
    strbuf b;
    sb_init(&b);
    say_number_text(p, &b, p->s + i, a, false);
    sb_adds(&b, " à ");
    say_number_text(p, &b, p->s + k, d, false);
    return emit_built(p, i, k + d, &b);
}

/* Whether a kind of street follows at j, after a comma or not: "37/45,
 * quai du Président Roosevelt" are the numbers of one building. */
static bool street_follows(const pass *p, size_t j)
{
    if (j < p->len && p->s[j] == ',')
        j++;
    word_ref next = next_word(p, j);
    return next.start == j + 1 && word_in(p, next, &p->nz->street_nouns);
}

/* "3/4" → trois quarts, "1/2 litre" → un demi-litre, "16/20" → seize sur
 * vingt. A third part ("17/11/2024") makes it a date, not a fraction. */
/* "250/100 000 habitants", "3/10 000": a count per a population whose
 * thousands are grouped, said "pour" ("deux cent cinquante pour cent
 * mille"); the fraction rule would stop at "100" and leave "000". */
static size_t say_rate(pass *p, size_t i, size_t a, size_t k)
{
    number_text den;
    size_t n = scan_number(p, k, &den);
    if (!n || den.frac || is_word_at(p->s, p->len, k + n))
        return 0;
    strbuf b;
    sb_init(&b);
    say_number_text(p, &b, p->s + i, a, false);
    sb_adds(&b, " pour ");
    say_decimal(p, &b, &den, false, false);
    return emit_built(p, i, k + n, &b);
}

/* "1/2 l" → un demi-litre, "1/2 h" → une demi-heure, "3/4 h" → trois
 * quarts d'heure, "1/4 l" → un quart de litre, "1/250 s" → un deux cent
 * cinquantième de seconde: a fraction of one unit, written with its symbol
 * (eSpeak NG said "un demi l", "un demi-h"). */
static size_t fraction_of_unit(const pass *p, size_t i, size_t end, unsigned long long num,
                               unsigned long long den, strbuf *b)
{
    size_t len;
    const unit_name *u = unit_after_fraction(p, end, &len);
    if (!u || den < 2 || num >= den)
        return 0;
    bool unsaid = numerator_unsaid(p, i, num); /* "le 1/2 l": le demi-litre */
    if (num == 1 && den == 2) {
        sb_printf(b, "%sdemi-%s", unsaid ? "" : u->feminine ? "une " : "un ", u->singular);
        return len;
    }
    num_style st = style(p, false, false);
    if (!unsaid) {
        num_cardinal(b, num, &st);
        sb_addc(b, ' ');
    }
    say_denominator(p, b, num, den); /* "1/8000 s": un huit millième de seconde */
    /* "d'heure", "d'hectare": de elides before a vowel or a mute h */
    bool elide = strchr("aeiouh", u->singular[0]) || (unsigned char)u->singular[0] == 0xC3;
    sb_adds(b, elide ? " d'" : " de ");
    sb_adds(b, u->singular);
    return len;
}

/* "1/8e de finale", "les 1/4 de finale", "1/2 finale": a round of a
 * cup, said without its numerator ("en huitième de finale", "les quarts
 * de finale", "demi-finale"); "un quart de finale" would be a quarter of
 * the final. k is the denominator, e the end of its ordinal ending. */
static size_t final_round(pass *p, size_t i, unsigned long long den, size_t e)
{
    static const char *const plural_before[] = {"les", "des", "aux", "ces", "Les"};
    bool half = den == 2 && (starts_with_at(p, e, " finale") || starts_with_at(p, e, "-finale"));
    if (p->s[i] != '1' || (!half && !starts_with_at(p, e, " de finale")))
        return 0;
    const char *name = den == 2 ? "demi" : den == 4 ? "quart" : den == 8 ? "huitième"
                     : den == 16 ? "seizième" : den == 32 ? "trente-deuxième" : NULL;
    if (!name)
        return 0;
    bool plural = word_among(p, prev_word(p, i), plural_before, 5);
    strbuf b;
    sb_init(&b);
    sb_adds(&b, name);
    if (half) { /* "demi-finale(s)": the s goes on finale only */
        sb_adds(&b, "-finale");
        e += 7;
        if (e < p->len && p->s[e] == 's')
            sb_addc(&b, 's'), e++;
        if (is_word_at(p->s, p->len, e)) {
            sb_free(&b);
            return 0;
        }
    } else if (plural && den != 2) {
        sb_addc(&b, 's');
    }
    return emit_built(p, i, e, &b);
}

/* Whether the set score a/b at k (one digit each) may end a tennis set:
 * six or seven games for the winner, 7 only against 5 or 6. Returns the
 * bytes it takes, 0 when it is none. */
static size_t set_score_at(const pass *p, size_t k)
{
    if (k + 3 > p->len || !is_digit(p->s[k]) || p->s[k + 1] != '/' || !is_digit(p->s[k + 2]) ||
        (k + 3 < p->len && (is_digit(p->s[k + 3]) || p->s[k + 3] == '/')))
        return 0;
    int a = p->s[k] - '0', b = p->s[k + 2] - '0', hi = a > b ? a : b, lo = a > b ? b : a;
    return (hi == 6 && lo <= 4) || (hi == 7 && (lo == 5 || lo == 6)) ? 3 : 0;
}

/* The bytes of what parts two set scores at k: ", ", " - ", " – " or a
 * space; 0 for anything else. */
static size_t set_separator(const pass *p, size_t k)
{
    if (starts_with_at(p, k, ", "))
        return 2;
    if (starts_with_at(p, k, " - "))
        return 3;
    if (starts_with_at(p, k, " \xE2\x80\x93 "))
        return 5;
    return k < p->len && p->s[k] == ' ' ? 1 : 0;
}

/* "6/3 6/4 6/2", "7/6, 3/6, 6/1", "4/6 - 6/4 - 6/3": a match's sets, two
 * or more set scores in a row, said as scores ("six à trois"), not as
 * fractions ("six sur trois") or dates. The bytes the sets take, 0 when
 * there are fewer than two. */
static size_t tennis_sets(pass *p, size_t i)
{
    size_t ends[5], seps[5], n = 0, k = i, l;
    while (n < 5 && (l = set_score_at(p, k))) {
        seps[n] = 0;
        ends[n++] = k + l;
        k += l;
        size_t sep = set_separator(p, k);
        if (!sep || !set_score_at(p, k + sep))
            break;
        seps[n - 1] = sep;
        k += sep;
    }
    if (n < 2)
        return 0;
    strbuf b;
    sb_init(&b);
    for (size_t s = 0, at = i; s < n; s++) {
        num_style st = style(p, false, false);
        sb_adds(&b, s ? ", " : "");
        num_cardinal(&b, (unsigned long long)(p->s[at] - '0'), &st);
        sb_adds(&b, " \xC3\xA0 ");
        num_cardinal(&b, (unsigned long long)(p->s[at + 2] - '0'), &st);
        at = ends[s] + seps[s];
    }
    return emit_built(p, i, ends[n - 1], &b);
}

/* Groups of digits from k, one space between two, each of `size` digits
 * but the last, which ends the run whatever its length; max at most.
 * Writes where each starts and its length; returns how many, and *end
 * where the last ends. An identifier's or an account's groups. */
static size_t sized_groups(const pass *p, size_t k, size_t size, size_t max, size_t *starts, size_t *lens,
                           size_t *end)
{
    size_t n = 0;
    *end = k;
    while (n < max) {
        size_t d = digits_at(p->s, p->len, k);
        if (!d)
            break;
        starts[n] = k, lens[n++] = d;
        k += d;
        *end = k;
        if (d != size || k + 1 >= p->len || p->s[k] != ' ' || !is_digit(p->s[k + 1]))
            break;
        k++;
    }
    return n;
}

/* "SIRET : 327 733 184 00516": groups of three digits that a group with
 * a leading zero closes are an identifier's, each said as a number
 * ("trois cent vingt-sept, sept cent trente-trois, …, zéro zéro cinq cent
 * seize"), not one number of millions and a stray group. */
size_t rule_id_groups(pass *p, size_t i)
{
    if (i > 0 && (is_digit(p->s[i - 1]) || p->s[i - 1] == ',' || p->s[i - 1] == '.'))
        return 0;
    size_t starts[8], lens[8], k;
    size_t n = sized_groups(p, i, 3, 8, starts, lens, &k); /* only the last group is longer */
    if (n < 3 || lens[0] != 3 || p->s[starts[n - 1]] != '0' || lens[n - 1] < 4 || (k < p->len && (is_digit(p->s[k]) || is_word_at(p->s, p->len, k))))
        return 0;
    strbuf b;
    sb_init(&b);
    for (size_t g = 0; g < n; g++) {
        sb_adds(&b, g ? ", " : "");
        say_number_text(p, &b, p->s + starts[g], lens[g], false);
    }
    return emit_built(p, i, k, &b);
}

/* A set's score written "21-18" at k: one or two digits each side of
 * a dash. Returns its bytes, 0 when it is none; a and b get the points. */
static size_t dashed_set_at(const pass *p, size_t k, unsigned *a, unsigned *b)
{
    size_t da = digits_at(p->s, p->len, k);
    if (da < 1 || da > 2 || k + da + 1 >= p->len || p->s[k + da] != '-')
        return 0;
    size_t db = digits_at(p->s, p->len, k + da + 1);
    if (db < 1 || db > 2)
        return 0;
    *a = (unsigned)to_ull(p->s + k, da);
    *b = (unsigned)to_ull(p->s + k + da + 1, db);
    return da + 1 + db;
}

/* Whether a word of a match's result stands just before the number at
 * i or just after the one at k (score-words.txt): "on gagne 13-07",
 * "09-01 contre Saint-Nazaire". */
static bool score_words_beside(const pass *p, size_t i, size_t k)
{
    size_t end = k + digits_at(p->s, p->len, k);
    word_ref before = prev_word(p, i), after = next_word(p, end);
    return (before.end + 1 == i && word_in(p, before, &p->nz->score_words)) ||
           (after.start == end + 1 && word_in(p, after, &p->nz->score_words));
}

/* "14-21/21-18/23-21", "21-07/23-21": a badminton or volley match's
 * sets, two scores or more that slashes join, said "quatorze à vingt et
 * un, vingt et un à dix-huit, …" (a zero that pads a score is not said).
 * Neither a range nor a fraction: no date is written so. One score alone
 * is one beside a word of the result ("on perd 09-01 contre Nantes"). */
size_t rule_dashed_sets(pass *p, size_t i)
{
    if (i > 0 && (is_digit(p->s[i - 1]) || strchr("/-.,", p->s[i - 1])))
        return 0;
    unsigned a[5], b[5];
    size_t n = 0, k = i, l;
    while (n < 5 && (l = dashed_set_at(p, k, &a[n], &b[n]))) {
        k += l, n++;
        if (k + 1 >= p->len || p->s[k] != '/' || !is_digit(p->s[k + 1]))
            break;
        k++;
    }
    bool score = n == 1 && score_words_beside(p, i, i + digits_at(p->s, p->len, i) + 1); /* "on gagne 13-07" */
    if ((n < 2 && !score) || (k < p->len && (is_digit(p->s[k]) || strchr("/-", p->s[k]) || is_word_at(p->s, p->len, k))))
        return 0;
    strbuf out;
    sb_init(&out);
    for (size_t s = 0; s < n; s++) {
        num_style st = style(p, false, false);
        sb_adds(&out, s ? ", " : "");
        num_cardinal(&out, a[s], &st);
        sb_adds(&out, " \xC3\xA0 ");
        num_cardinal(&out, b[s], &st);
    }
    return emit_built(p, i, k, &out);
}

size_t rule_fraction(pass *p, size_t i)
{
    size_t a = digits_at(p->s, p->len, i);
    if (a < 1 || a > 3 || i + a >= p->len || p->s[i + a] != '/')
        return 0;
    size_t sets = a == 1 ? tennis_sets(p, i) : 0;
    if (sets)
        return sets;
    size_t k = i + a + 1, d = digits_at(p->s, p->len, k);
    if (zero_padded_at(p, k))
        return 0; /* "04/025": a reference (reference_slash) */
    size_t ord = d ? ordinal_suffix_len(p, k + d) : 0; /* "8/10e de seconde": huit dixièmes */
    bool fem, plural, second; /* "le 1/10 e de la rémunération": the ending set apart */
    if (d && !ord && (ord = detached_suffix(p, k + d, &fem, &plural, &second)) && (fem || second))
        ord = 0;
    size_t unit_len;
    bool unit_follows = !ord && unit_after_fraction(p, k + d, &unit_len); /* "1/4s" */
    if (d < 1 || d > 4 ||
        (!ord && k + d < p->len && (p->s[k + d] == '/' || (is_word_at(p->s, p->len, k + d) && !unit_follows))))
        return 0;
    if (!ord && d >= 1 && d <= 3 && space_len(p->s, p->len, k + d) > 0 &&
        digits_at(p->s, p->len, k + d + space_len(p->s, p->len, k + d)) == 3)
        return say_rate(p, i, a, k);
    unsigned long long num = to_ull(p->s + i, a), den = to_ull(p->s + k, d);
    size_t round = a == 1 ? final_round(p, i, den, k + d + ord) : 0;
    if (round)
        return round;
    if (ord && num && den > 4 && den <= 1000) {
        strbuf o;
        sb_init(&o);
        if (!numerator_unsaid(p, i, num)) {
            say_number_text(p, &o, p->s + i, a, false);
            sb_addc(&o, ' ');
        }
        say_denominator(p, &o, num, den);
        return emit_built(p, i, k + d + ord, &o);
    }
    if (ord)
        return 0;
    /* "(2/4)" alone in brackets, or after a label ("épisode 3/8", "page
     * 2/5"), is a part of a series: deux sur quatre */
    bool bracketed = i > 0 && p->s[i - 1] == '(' && k + d < p->len && p->s[k + d] == ')';
    if (bracketed && num > den && den > 0 && num <= 99)
        return say_pair_with_a(p, i, a, k, d);
    bool episode = bracketed || word_in(p, prev_word(p, i), &p->nz->label_nouns);
    if (!bracketed && street_follows(p, k + d)) /* "37/45, quai du Président…": a building's numbers */
        return say_pair_with_a(p, i, a, k, d);
    /* one part of a unit, however small: "1/250 s", a camera's speed */
    bool fraction = !episode && num < den &&
                    ((den >= 2 && den <= 10) || den == 100 || den == 1000 || (num == 1 && unit_follows));
    if (!fraction && (d > 3 || den == 0))
        return 0;
    strbuf b;
    sb_init(&b);
    size_t end = k + d, ul;
    word_ref next = next_word(p, end);
    /* "70/80 km/h", "15/16 °C": two close values before a unit are a span
     * of a measure, as weather reports write them */
    if (!episode) {
        size_t unit_end = slash_unit_range(p, i, a, k, d, &b);
        if (!unit_end)
            unit_end = slash_prices(p, i, a, k, d, &b);
        if (unit_end)
            return emit_built(p, i, unit_end, &b);
    }
    /* "45/50 minutes", "4/5 personnes", "2/3 jours": two close counts of a
     * plural noun are a span, said with "à"; a fraction is of something
     * ("2/3 des électeurs"), a score has no noun ("4/13 à trois points"
     * has "à") */
    if (!episode && num >= 2 && num < den && den <= 2 * num && den <= 1000 && next.start == end + 1 &&
        next.end > next.start && !word_capitalized(p, next) && !word_is_function(p, next) &&
        word_plural_like(p, next)) {
        say_number_text(p, &b, p->s + i, a, false);
        sb_adds(&b, " à ");
        say_number_text(p, &b, p->s + k, d, false);
        return emit_built(p, i, end, &b);
    }
    if (fraction && (den == 2 || den == 4) && num == 1 &&
        after_counted_noun(p, i)) { /* "1 an 1/2", "2 h 1/4": et demi, et quart */
        word_ref noun = prev_word(p, i);
        sb_adds(&b, den == 4 ? "et quart" : "et demi");
        if (den == 2 && word_is_feminine(p, noun))
            sb_addc(&b, 'e');
        return emit_built(p, i, end, &b);
    }
    if (!fraction) {
        say_number_text(p, &b, p->s + i, a, false);
        sb_adds(&b, " sur ");
        say_number_text(p, &b, p->s + k, d, false);
        end += unit_after_number(p, end, &b, (double)den, &(bool){false}); /* "140/90 mmHg" */
    } else if ((ul = fraction_of_unit(p, i, end, num, den, &b))) {
        end += ul;
    } else if (num == 1 && den == 2 && next.start == end + 1 && next.end > next.start &&
               !word_capitalized(p, next) && !word_is_function(p, next)) {
        sb_printf(&b, "%s demi-%.*s", word_is_feminine(p, next) ? "une" : "un",
                  (int)(next.end - next.start), p->s + next.start);
        end = next.end;
    } else {
        if (!numerator_unsaid(p, i, num)) {
            say_number_text(p, &b, p->s + i, a, false);
            sb_addc(&b, ' ');
        }
        say_denominator(p, &b, num, den);
    }
    return emit_built(p, i, end, &b);
}

/* A superscript digit at k ("⁸", "²"): its value, and its bytes in *len;
 * -1 when there is none. */
static int superscript_digit(const pass *p, size_t k, size_t *len)
{
    if (starts_with_at(p, k, "\xC2\xB9") || starts_with_at(p, k, "\xC2\xB2") ||
        starts_with_at(p, k, "\xC2\xB3")) {
        *len = 2;
        return p->s[k + 1] == '\xB9' ? 1 : p->s[k + 1] == '\xB2' ? 2 : 3;
    }
    unsigned char c = k + 2 < p->len ? (unsigned char)p->s[k + 2] : 0;
    if (starts_with_at(p, k, "\xE2\x81") && (c == 0xB0 || (c >= 0xB4 && c <= 0xB9))) {
        *len = 3;
        return c - 0xB0;
    }
    return -1;
}

/* The exponent after a power of ten at k: "⁸", "⁻³" in superscripts, or
 * "^6", "^-3" typed. Its bytes, 0 when there is none; *value, *minus,
 * and in *typed whether a caret wrote it. */
static size_t ten_exponent(const pass *p, size_t k, unsigned *value, bool *minus, bool *typed)
{
    size_t j = k, l;
    *typed = j < p->len && p->s[j] == '^';
    *minus = false;
    if (*typed) {
        j++;
        *minus = j < p->len && p->s[j] == '-';
        j += *minus;
        size_t d = digits_at(p->s, p->len, j);
        if (d < 1 || d > 2 || is_word_at(p->s, p->len, j + d))
            return 0;
        *value = (unsigned)to_ull(p->s + j, d);
        return j + d - k;
    }
    *minus = starts_with_at(p, j, "\xE2\x81\xBB"); /* ⁻ */
    j += *minus ? 3 : 0;
    int v, n = 0;
    *value = 0;
    while (n < 2 && (v = superscript_digit(p, j, &l)) >= 0) {
        *value = *value * 10 + (unsigned)v;
        j += l, n++;
    }
    return n ? j - k : 0;
}

bool power_of_ten_at(const pass *p, size_t k)
{
    unsigned e;
    bool minus, typed;
    return starts_with_at(p, k, "10") && ten_exponent(p, k + 2, &e, &minus, &typed) > 0;
}

/* Whether a multiplication sign ("×", "x", "*", "·") ends before i,
 * spaces aside: "3 × 10⁸" is a power of ten, where "10²" alone may
 * carry a footnote's call. */
static bool after_times(const pass *p, size_t i)
{
    size_t k = i;
    while (k > 0 && p->s[k - 1] == ' ')
        k--;
    return (k > 0 && (p->s[k - 1] == 'x' || p->s[k - 1] == '*')) ||
           ends_with_bytes(p, k, "\xC3\x97") || ends_with_bytes(p, k, "\xC2\xB7");
}

static size_t flat_exponent(const pass *p, size_t k, unsigned *value);

/* "3×10⁸ m/s", "10⁻³", "10^6 UFC": a power of ten, said "dix puissance
 * huit" (eSpeak NG reads "10⁸" as "dix huit"), with the unit after it.
 * Only after a multiplication sign, with a minus or with a caret: a
 * superscript alone may be a footnote's call. */
size_t rule_power_of_ten(pass *p, size_t i)
{
    if (digits_at(p->s, p->len, i) != 2 || p->s[i] != '1' || p->s[i + 1] != '0')
        return 0;
    unsigned e;
    bool minus, typed;
    size_t n = ten_exponent(p, i + 2, &e, &minus, &typed);
    if (!n && after_times(p, i) && (n = flat_exponent(p, i + 2, &e)))
        minus = true; /* "3 x 10-3 mol": the superscript lost in a copy */
    if (!n || !(typed || minus || after_times(p, i)) || is_word_at(p->s, p->len, i + 2 + n))
        return 0;
    strbuf b;
    sb_init(&b);
    num_style st = style(p, false, false);
    sb_adds(&b, minus ? "dix puissance moins " : "dix puissance ");
    num_cardinal(&b, e, &st);
    bool fem;
    size_t u = unit_after_number(p, i + 2 + n, &b, 2, &fem);
    return emit_built(p, i, i + 2 + n + u, &b);
}

/* The exponent of "10-19" written without its superscript, as a copy
 * leaves "1,6.10-19 C": a minus and one or two digits, then no digit,
 * word or decimal part. */
static size_t flat_exponent(const pass *p, size_t k, unsigned *value)
{
    if (k >= p->len || p->s[k] != '-')
        return 0;
    size_t d = digits_at(p->s, p->len, k + 1), e = k + 1 + d;
    if (d < 1 || d > 2 || is_word_at(p->s, p->len, e) ||
        (e + 1 < p->len && (p->s[e] == ',' || p->s[e] == '.') && is_digit(p->s[e + 1])))
        return 0;
    *value = (unsigned)to_ull(p->s + k + 1, d);
    return 1 + d;
}

/* "1,5e-3", "6.02E23": a calculator's notation, after a decimal mantissa
 * only ("2e-3e" are ordinals); said "un virgule cinq fois dix puissance
 * moins trois" (eSpeak NG said "1,cinquième-trois"). j is the e. */
/* Says a number in scientific notation: the mantissa of a digits at i
 * (and f decimals after its mark), "fois dix puissance", the exponent,
 * then a unit after end. Returns the bytes from i. */
static size_t say_scientific(pass *p, size_t i, size_t a, size_t f, unsigned e, bool minus, size_t end)
{
    strbuf b;
    sb_init(&b);
    say_number_text(p, &b, p->s + i, a, false);
    if (f) {
        sb_adds(&b, " virgule ");
        say_number_text(p, &b, p->s + i + a + 1, f, false);
    }
    num_style st = style(p, false, false);
    sb_adds(&b, minus ? " fois dix puissance moins " : " fois dix puissance ");
    num_cardinal(&b, e, &st);
    bool fem;
    end += unit_after_number(p, end, &b, 2, &fem);
    return emit_built(p, i, end, &b);
}

static size_t e_notation(pass *p, size_t i, size_t a, size_t f, size_t j)
{
    size_t k = j + 1;
    bool minus = p->s[k] == '-';
    k += minus || p->s[k] == '+';
    size_t d = digits_at(p->s, p->len, k);
    if (d < 1 || d > 3 || is_word_at(p->s, p->len, k + d) ||
        (k + d + 1 < p->len && (p->s[k + d] == ',' || p->s[k + d] == '.') && is_digit(p->s[k + d + 1])))
        return 0;
    return say_scientific(p, i, a, f, (unsigned)to_ull(p->s + k, d), minus, k + d);
}

/* Digits of a mantissa's decimals before "× 10⁸", at most. */
#define MANTISSA_DECIMALS 6

/* "1,9891 × 10³⁰ kg", "6,02 x 10^23": a mantissa, a times sign between
 * spaces, and a power of ten whose exponent is written up or after a
 * caret. Said "un virgule neuf mille… fois dix puissance trente
 * kilos"; eSpeak NG said "multiplié par" and left the unit's symbol. */
static size_t spaced_times_power(pass *p, size_t i, size_t a, size_t f, size_t j)
{
    size_t x = j + space_len(p->s, p->len, j);
    size_t xl = starts_with_at(p, x, "\xC3\x97") ? 2 : x < p->len && p->s[x] == 'x' ? 1 : 0;
    if (!xl || x == j || !space_len(p->s, p->len, x + xl))
        return 0; /* spaces around the sign: "3x10" is the times rule's */
    size_t t = x + xl + space_len(p->s, p->len, x + xl);
    unsigned e;
    bool minus, typed;
    size_t n = starts_with_at(p, t, "10") ? ten_exponent(p, t + 2, &e, &minus, &typed) : 0;
    if (!n || is_word_at(p->s, p->len, t + 2 + n))
        return 0;
    return say_scientific(p, i, a, f, e, minus, t + 2 + n);
}

/* "3.10^8 m/s", "1,67.10⁻²⁷ kg", "1,6.10-19 C": scientific notation with
 * a dot for the times sign, as French school and science pages write it.
 * eSpeak NG read "3.10" as a decimal and the exponent as a number of its
 * own ("un virgule six.dix à dix-neuf"). Said "trois fois dix puissance
 * huit". A caret or a superscript makes it sure; a plain "-19" only after
 * a decimal mantissa ("3.10-8" may be a section and its item). */
size_t rule_scientific(pass *p, size_t i)
{
    size_t a = digits_at(p->s, p->len, i), j = i + a, f = 0;
    if (a < 1 || a > 3)
        return 0;
    if (j + 1 < p->len && p->s[j] == ',' && is_digit(p->s[j + 1])) {
        f = digits_at(p->s, p->len, j + 1);
        if (f > MANTISSA_DECIMALS)
            return 0;
        j += 1 + f;
    }
    size_t spaced = spaced_times_power(p, i, a, f, j);
    if (spaced)
        return spaced;
    if (f > 3)
        return 0;
    if (f && j + 2 < p->len && (p->s[j] == 'e' || p->s[j] == 'E'))
        return e_notation(p, i, a, f, j);
    size_t g = !f && j + 1 < p->len && p->s[j] == '.' ? digits_at(p->s, p->len, j + 1) : 0;
    if (g && g <= 3 && j + g + 3 < p->len && (p->s[j + 1 + g] == 'e' || p->s[j + 1 + g] == 'E'))
        return e_notation(p, i, a, g, j + 1 + g); /* "6.02e23" */
    if (j + 3 >= p->len || p->s[j] != '.' || !starts_with_at(p, j + 1, "10"))
        return 0;
    unsigned e;
    bool minus, typed;
    size_t n = ten_exponent(p, j + 3, &e, &minus, &typed);
    if (n && !typed && is_word_at(p->s, p->len, j + 3 + n))
        return 0;
    if (!n && f && (n = flat_exponent(p, j + 3, &e)))
        minus = true;
    if (!n)
        return 0;
    return say_scientific(p, i, a, f, e, minus, j + 3 + n);
}

/* "11,8x l'EBIT", "zoom 2,5x": a decimal number of times, as financial
 * and camera news write multiples; said "onze virgule huit fois" (the
 * fraction alone was taken for a count: "11,huit fois"). a integer
 * digits at i. */
static size_t decimal_times(pass *p, size_t i, size_t a)
{
    size_t k = i + a;
    if (a > 3 || k + 2 >= p->len || p->s[k] != ',' || !is_digit(p->s[k + 1]))
        return 0;
    size_t f = digits_at(p->s, p->len, k + 1), x = k + 1 + f;
    if (f > 2 || x >= p->len || (p->s[x] != 'x' && !starts_with_at(p, x, "\xC3\x97")))
        return 0;
    size_t end = x + (p->s[x] == 'x' ? 1 : 2);
    if (end < p->len && p->s[end] != ' ' && p->s[end] != ')' && p->s[end] != ',')
        return 0;
    strbuf b;
    sb_init(&b);
    say_number_text(p, &b, p->s + i, a, false);
    sb_adds(&b, " virgule ");
    say_number_text(p, &b, p->s + k + 1, f, false);
    sb_adds(&b, " fois");
    return emit_built(p, i, end, &b);
}

/* "4x4" → quatre quatre, "3×3" → trois trois: the vehicle, the format. */
size_t rule_times_sign(pass *p, size_t i)
{
    size_t a = digits_at(p->s, p->len, i);
    size_t times = a ? decimal_times(p, i, a) : 0;
    if (times)
        return times;
    if (a < 1 || a > 2 || i + a >= p->len)
        return 0;
    size_t x = times_sign_len(p, i + a);
    size_t b = x ? digits_at(p->s, p->len, i + a + x) : 0;
    size_t after = i + a + x;
    bool mark_ends = after + 1 < p->len && strchr(".,)", p->s[after]) && p->s[after] &&
                     (p->s[after + 1] == ' ' || p->s[after + 1] == '\n');
    if (x && !b && p->s[i + a] != 'X' && !is_word_at(p->s, p->len, i + a + x) &&
        (i + a + x == p->len || p->s[i + a + x] == ' ' || mark_ends || (after + 1 == p->len && p->s[after] == '.') ||
         (p->s[i + a + x] == '/' && is_letter_at(p->s, p->len, i + a + x + 1)))) {
        strbuf t; /* "3x par jour", "2x moins", "3x/j": so many times ("4X HD" is a name) */
        sb_init(&t);
        say_number_text(p, &t, p->s + i, a, false);
        sb_adds(&t, " fois");
        return emit_built(p, i, i + a + x, &t);
    }
    unsigned e;
    bool minus, typed;
    if (b == 2 && p->s[i + a + x] == '1' && p->s[i + a + x + 1] == '0' &&
        ten_exponent(p, i + a + x + 2, &e, &minus, &typed)) {
        strbuf t; /* "3×10⁸": the power of ten is the next rule's */
        sb_init(&t);
        say_number_text(p, &t, p->s + i, a, false);
        sb_adds(&t, " fois ");
        return emit_built(p, i, i + a + x, &t);
    }
    if (b < 1 || b > 2 || is_word_at(p->s, p->len, i + a + x + b))
        return 0;
    if (p->s[i + a + x] == '0')
        return 0; /* "HD 67x0": a family of models (6750, 6770), no product */
    strbuf w;
    sb_init(&w);
    say_number_text(p, &w, p->s + i, a, false);
    /* "4x4", "6x6": a vehicle, a format; "7x21": a product */
    sb_adds(&w, a == 1 && b == 1 ? " " : " fois ");
    say_number_text(p, &w, p->s + i + a + x, b, false);
    return emit_built(p, i, i + a + x + b, &w);
}

/* The value of a small number written in words ("Un", "deux"… "mille"),
 * 0 for any other word; only its first letter may be a capital. Called on
 * most short words of a text: by length first, then by letters. */
static int small_number_word(const char *s, size_t n)
{
    static const char *const by_len[7] = {NULL, NULL, "un", "une six dix",
                                          "deux cinq sept huit neuf cent", "trois mille",
                                          "quatre"};
    static const int values[7][6] = {{0}, {0}, {1}, {1, 6, 10}, {2, 5, 7, 8, 9, 100},
                                     {3, 1000}, {4}};
#define L(c) (1u << ((c) - 'a'))
    static const uint32_t firsts[7] = {0, 0, L('u'), L('u') | L('s') | L('d'),
                                       L('d') | L('c') | L('s') | L('h') | L('n'), L('t') | L('m'), L('q')};
#undef L
    if (n < 2 || n > 6)
        return 0;
    char first = (char)(s[0] | 0x20);
    if (first < 'a' || first > 'z' || !(firsts[n] >> (first - 'a') & 1))
        return 0; /* most words: no number of their length starts so (by_len's first letters) */
    const char *w = by_len[n];
    for (int k = 0; *w; k++, w += n + (w[n] == ' ')) {
        if (w[0] == first && memcmp(w + 1, s + 1, n - 1) == 0)
            return values[n][k];
        if (!w[n])
            break;
    }
    return 0;
}

/* "Un ml de solution", "deux km": a number written in words, then a unit
 * symbol of two letters or more (one letter may be a letter: "un m"). */
size_t word_number_unit(pass *p, size_t i, size_t e)
{
    size_t next = e + 1;
    int v = e < p->len && p->s[e] == ' ' ? small_number_word(p->s + i, e - i) : 0;
    if (!v)
        return 0;
    while (next < p->len && next - e <= 5 && !strchr(" ,.;:)", p->s[next]))
        next++;
    if (next - e > 5 || !unit_after_words(p, e)) /* "un article": no unit symbol is so long */
        return 0;
    strbuf b;
    sb_init(&b);
    sb_add(&b, p->s + i, e - i);
    bool fem;
    size_t u = unit_after_number(p, e, &b, v, &fem);
    if (u < 3) { /* a space and at least two letters: "un m de plus" is no metre */
        sb_free(&b);
        return 0;
    }
    return emit_built(p, i, e + u, &b);
}

/* Letters of a word glued to its count, at least. */
#define GLUED_COUNT_LETTERS 4

/* "Adultes38 euros", "enfants15 €": a French word a price list glued to
 * the amount after it (a table's cells copied without their space). The
 * word is said, then the amount; eSpeak NG read "adultes trente-huit" as
 * one word. Only before a currency or a unit, and only a word of the
 * French list ("Covid19", "mp3" stay as written). Where the count
 * starts in the word [i, e), 0 when it is none such. */
size_t glued_count_at(const pass *p, size_t i, size_t e)
{
    size_t d = i;
    while (d < e && !is_digit(p->s[d]))
        d++;
    if (d == e || d - i < GLUED_COUNT_LETTERS || digits_at(p->s, p->len, d) != e - d || e - d > 4 ||
        !is_letter_at(p->s, p->len, prev_char_start(p->s, d)))
        return 0;
    const currency_name *c;
    const char *scale;
    word_ref next = next_word(p, e);
    if (!currency_after_number(p, e, &c, &scale) && !unit_after_words(p, e) &&
        !(next.start == e + 1 && measure_word(p, next)))
        return 0; /* "15 €", "30 km", "38 euros" */
    return french_word_any_case(p, p->s + i, d - i) ? d : 0;
}

size_t rule_word_number_unit(pass *p, size_t i)
{
    return word_number_unit(p, i, word_end(p, i));
}

/* Whether a count of times a day starts at k: "3/j", "2/jour", "3 par
 * jour", "4/24h", the end of a dose ("500 mg x 3/j"). */
static bool times_a_day_at(const pass *p, size_t k)
{
    size_t d = digits_at(p->s, p->len, k);
    if (d < 1 || d > 2)
        return false;
    k += d;
    static const char *const per_day[] = {"/j", "/jour", " par jour", "/24h", "/24 h"};
    for (size_t n = 0; n < sizeof per_day / sizeof *per_day; n++)
        if (starts_with_at(p, k, per_day[n]) &&
            !is_word_at(p->s, p->len, k + strlen(per_day[n])))
            return true;
    return false;
}

/* "(1 500 x 1/4) x 10": a lone x between two quantities is fois; so is
 * the x of a dose, "500 mg x 3/j", "1 cp x 2/jour": so many times a day.
 * Between two measures it is a size, "4 m x 5 m", said "sur" like
 * "30x40 cm"; between a measure and a count, "5 kg x 3", fois. */
size_t rule_spaced_times(pass *p, size_t i)
{
    if ((p->s[i] != 'x' && p->s[i] != 'X') || i < 2 || i + 2 >= p->len || p->s[i - 1] != ' ' ||
        p->s[i + 1] != ' ')
        return 0;
    char before = p->s[i - 2], after = p->s[i + 2];
    /* "70 m X 60", "4 X 5": a capital X between numbers too */
    bool dose = p->s[i] == 'x' && is_letter_at(p->s, p->len, i - 2) && times_a_day_at(p, i + 2);
    if (!dose && is_digit(after) && quantity_ends_at(p, i - 1)) {
        emit(p, i, i + 1, measure_at(p, i + 2) ? "sur" : "fois"); /* "5 kg x 3": fois */
        return 1;
    }
    if (!dose && (!(is_digit(before) || before == ')' || before == ']') ||
                  !(is_digit(after) || after == '(' || after == '[')))
        return 0;
    emit(p, i, i + 1, "fois");
    return 1;
}

/* "les ventes x3", "(x2)", "un zoom x10": a factor written as an x glued
 * before its number, said "fois trois" where eSpeak NG said "iks trois".
 * Only 2 to 20 ("x86" and "x64" are processors) and lower case ("BMW X3"
 * is a car), opening a word and ending one. */
size_t rule_times_prefix(pass *p, size_t i)
{
    size_t d = digits_at(p->s, p->len, i + 1);
    if (p->s[i] != 'x' || d < 1 || d > 2 || is_word_at(p->s, p->len, i + 1 + d) ||
        (i + 1 + d < p->len && p->s[i + 1 + d] && strchr(",.", p->s[i + 1 + d]) &&
         i + 2 + d < p->len && is_digit(p->s[i + 2 + d])))
        return 0;
    unsigned long long v = to_ull(p->s + i + 1, d);
    if (v < 2 || v > 20 || p->s[i + 1] == '0')
        return 0;
    return emit_cardinal_with(p, i, i + 1 + d, v, "fois ", "");
}

/* "30x40 cm", "2 x 3 m", "60×90cm", "35*45 mm": dimensions, said "trente sur quarante
 * centimètres"; "4 x 100 m", a count of a distance, "quatre fois cent
 * mètres". Only with a unit after: "4x4" alone is the vehicle. */
/* The start of the next side of a size after the side that ends at j:
 * an x, × or * and up to four digits, spaced on both sides or on none as
 * the first was ("2 x 3", "30x40"); 0 when none follows. */
static size_t next_side(const pass *p, size_t j, bool first, bool *spaced)
{
    size_t sp = space_len(p->s, p->len, j);
    if (first)
        *spaced = sp > 0;
    else if ((sp > 0) != *spaced)
        return 0;
    j += sp;
    /* "35*45 mm": the keyboard's star for the sign, only between sizes
     * (a hotel's "3*" is its stars) */
    size_t x = j < p->len && p->s[j] == '*' ? 1 : times_sign_len(p, j);
    if (!x)
        return 0;
    size_t k = j + x;
    if (k < p->len && p->s[k] == ' ' && *spaced)
        k++; /* "2 x 3 m": spaces on both sides or none */
    size_t b = digits_at(p->s, p->len, k);
    return b >= 1 && b <= 4 ? k : 0;
}

/* The unit after the last side, written to u: a unit of the table, or
 * a screen's pixels ("1920x1080 pixels"); the bytes it takes, 0 if none. */
static size_t size_unit(pass *p, size_t e, double last, strbuf *u, bool *fem)
{
    size_t ul = unit_after_number(p, e, u, last, fem);
    if (!ul && e + 1 < p->len && p->s[e] == ' ') {
        size_t w = e + 1;
        ul = word_is(p, w, "pixels") ? 7 : word_is(p, w, "px") ? 3 : 0;
        if (ul)
            sb_adds(u, "pixels");
    }
    return ul;
}

/* "20cmx20cm": the bytes of the unit glued to the first side when the
 * second side ends with the same one; 0 otherwise. */
static size_t glued_side_unit(const pass *p, size_t j)
{
    for (size_t l = 1; l <= 3 && j + l + 1 < p->len && is_letter_at(p->s, p->len, j + l - 1); l++) {
        size_t x = times_sign_len(p, j + l), d = x ? digits_at(p->s, p->len, j + l + x) : 0;
        size_t end = j + l + x + d;
        if (d && end + l <= p->len && memcmp(p->s + j, p->s + end, l) == 0 && unit_symbol_len(p, end) == l)
            return l;
    }
    return 0;
}

/* Digits of each side of a format without a unit, at least. */
#define FORMAT_SIDE_DIGITS 3

/* "1920x1080", "800x600": two sides of three digits or more glued to their
 * "x", no unit (a screen's, a picture's pixels), said "sur" as with one. */
static size_t format_sides(pass *p, size_t i, const size_t *side, size_t n, bool spaced)
{
    size_t d0 = digits_at(p->s, p->len, side[0]), d1 = n == 2 ? digits_at(p->s, p->len, side[1]) : 0;
    if (n != 2 || spaced || d0 < FORMAT_SIDE_DIGITS || d1 < FORMAT_SIDE_DIGITS || p->s[i + d0] != 'x' ||
        is_word_at(p->s, p->len, side[1] + d1) || (side[1] + d1 + 1 < p->len && p->s[side[1] + d1] == 'x'))
        return 0;
    strbuf w;
    sb_init(&w);
    say_number_text(p, &w, p->s + side[0], d0, false);
    sb_adds(&w, " sur ");
    say_number_text(p, &w, p->s + side[1], d1, false);
    return emit_built(p, i, side[1] + d1, &w);
}

size_t rule_dimensions(pass *p, size_t i)
{
    size_t side[3] = {i}, n = 1, d0 = digits_at(p->s, p->len, i);
    if (d0 < 1 || d0 > 4)
        return 0;
    bool spaced = false;
    /* "20cmx20cm": the unit glued to each side, said once at the end */
    size_t glued = glued_side_unit(p, i + d0);
    while (n < 3) { /* "80 x 40 x 120 cm": a box's three sides */
        size_t k = next_side(p, side[n - 1] + digits_at(p->s, p->len, side[n - 1]) + (n == 1 ? glued : 0), n == 1,
                             &spaced);
        if (!k)
            break;
        side[n++] = k;
    }
    if (n < 2)
        return 0;
    size_t last = digits_at(p->s, p->len, side[n - 1]);
    strbuf u;
    sb_init(&u);
    bool fem = false;
    size_t ul = size_unit(p, side[n - 1] + last, (double)to_ull(p->s + side[n - 1], last), &u, &fem);
    if (!ul) {
        sb_free(&u);
        return format_sides(p, i, side, n, spaced);
    }
    strbuf w;
    sb_init(&w);
    unsigned long long count = to_ull(p->s + i, digits_at(p->s, p->len, i)),
                       each = to_ull(p->s + side[1], digits_at(p->s, p->len, side[1]));
    /* "4 x 100 m", "2 x 400 m": a few times a distance (a relay, laps),
     * where a surface's two sides are of one size */
    bool times = n == 2 && count >= 1 && count <= 10 && each >= 25 * count;
    for (size_t k = 0; k < n; k++) {
        if (k)
            sb_adds(&w, times ? " fois " : " sur ");
        say_number_text(p, &w, p->s + side[k], digits_at(p->s, p->len, side[k]), fem && (k || !times));
    }
    sb_printf(&w, " %s", u.s);
    sb_free(&u);
    return emit_built(p, i, side[n - 1] + last + ul, &w);
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
    return j < p->len && (p->s[j] == '.' || p->s[j] == '-' || p->s[j] == '/') ? 1 : 0;
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

static void say_each_digit(const pass *p, strbuf *b, const char *s, size_t n)
{
    for (size_t d = 0; d < n; d++) {
        if (b->len && b->s[b->len - 1] != ' ')
            sb_addc(b, ' ');
        say_number_text(p, b, s + d, 1, false);
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
    if (n == 4 && s[0] == '0' && s[1] != '0') { /* "0800": zéro huit cent */
        say_number_text(p, b, s, 1, false);
        s++, n--;
        sb_addc(b, ' ');
    }
    if (n == 3 && s[0] != '0') { /* "805", "800": huit cent, a label */
        num_style st = style(p, false, true);
        num_cardinal(b, to_ull(s, 3), &st);
    } else if (n == 3) {
        say_number_text(p, b, s, 3, false);
    } else {
        say_pairs(p, b, s, n);
    }
}

/* Groups of four digits an IBAN has after its country and check digits,
 * at least ("FR76 3000 6000 0112 3456 7890 189"); a last shorter one. */
#define IBAN_GROUPS_MIN 3
#define IBAN_GROUPS_MAX 8

/* "IBAN BE90 0682 0361 3232", "FR76 3000 6000 0112 3456 7890 189": a
 * bank account number, two capitals and two check digits, then groups of
 * four digits and a shorter last one. The country is spelled, its check
 * digits said as a number, each group in pairs as a phone number is
 * ("zéro six, quatre-vingt-deux"): no group is a number of thousands
 * ("six cent quatre-vingt-deux", "zéro cent douze"). Groups with letters
 * (Britain's "NWBK") are left. */
size_t rule_iban(pass *p, size_t i)
{
    if (i + 4 >= p->len || !is_upper_ascii(p->s[i]) || !is_upper_ascii(p->s[i + 1]) ||
        digits_at(p->s, p->len, i + 2) != 2 || (i > 0 && is_word_at(p->s, p->len, prev_char_start(p->s, i))))
        return 0;
    size_t starts[IBAN_GROUPS_MAX], lens[IBAN_GROUPS_MAX], k = i + 4, n = 0;
    if (k + 1 < p->len && p->s[k] == ' ')
        n = sized_groups(p, k + 1, 4, IBAN_GROUPS_MAX, starts, lens, &k);
    if (n && lens[n - 1] > 4) /* a longer group is no account's: the groups end before it */
        n--, k = n ? starts[n - 1] + lens[n - 1] : i + 4;
    if (n < IBAN_GROUPS_MIN || (k < p->len && is_word_at(p->s, p->len, k)))
        return 0;
    strbuf b;
    sb_init(&b);
    sb_addc(&b, p->s[i]), sb_addc(&b, ' '), sb_addc(&b, p->s[i + 1]), sb_addc(&b, ' ');
    say_number_text(p, &b, p->s + i + 2, 2, false);
    for (size_t g = 0; g < n; g++) {
        sb_adds(&b, ", ");
        say_pairs(p, &b, p->s + starts[g], lens[g]);
    }
    return emit_built(p, i, k, &b);
}

static bool phone_cue_before(const pass *p, size_t i)
{
    word_ref w = prev_word(p, i);
    if (w.start == w.end && i > 0) { /* "Tél : 71 341 066", "Tél. 02…" */
        size_t e = i;
        while (e > 0 && (p->s[e - 1] == ' ' || p->s[e - 1] == ':' || p->s[e - 1] == '.'))
            e--;
        if (e < i)
            w = prev_word(p, e);
    }
    if (word_in(p, w, &p->nz->phone_cues))
        return true;
    bool article = w.end - w.start == 2 &&
                   (memcmp(p->s + w.start, "le", 2) == 0 || memcmp(p->s + w.start, "au", 2) == 0);
    return article && word_in(p, prev_word(p, w.start), &p->nz->phone_cues);
}

/* "604 662-6882", "514-555-0199": three, three and four digits, the last
 * two joined by a hyphen, as Canada and the United States write them;
 * with the long-distance 1 before them too ("1 800 555-1234"). */
static bool north_american(const pass *p, const digit_groups *g)
{
    size_t f = g->count == 4 && g->n[0] == 1 && p->s[g->start[0]] == '1' ? 1 : 0;
    return g->count == 3 + f && g->n[f] == 3 && g->n[f + 1] == 3 && g->n[f + 2] == 4 &&
           p->s[g->start[f + 2] - 1] == '-';
}

static bool has_slash_or_dot(const pass *p, const digit_groups *g)
{
    for (size_t k = 1; k < g->count; k++)
        if (p->s[g->start[k] - 1] == '/' || p->s[g->start[k] - 1] == '.')
            return true;
    return false;
}

/* "02 123 45 67", "081 22 33 44", "0475 12 34 56": Belgian numbers with
 * spaces, a zone of two or three digits and nine in all, or a mobile's
 * 04xx and ten: groups no amount or list is written in. */
static bool belgian(const pass *p, size_t i, const digit_groups *g)
{
    if (p->s[i] != '0' || g->count != 4 || g->n[2] != 2 || g->n[3] != 2)
        return false;
    if (g->digits == 9)
        return (g->n[0] == 2 && g->n[1] == 3) || (g->n[0] == 3 && g->n[1] == 2);
    return g->digits == 10 && g->n[0] == 4 && g->n[1] == 2 && p->s[i + 1] == '4';
}

static bool is_phone(const pass *p, size_t i, const digit_groups *g, bool plus)
{
    if (is_word_at(p->s, p->len, g->end))
        return false;
    if (!plus && north_american(p, g))
        return true;
    if (plus && g->count == 4 && g->n[0] == 1 && p->s[i] == '1' && g->n[1] == 3 &&
        g->n[2] == 3 && g->n[3] == 4)
        return true; /* "+1 514 555 0199" */
    if (!plus && p->s[i] == '0' && g->digits == 10 && g->count == 3 && g->n[0] == 4)
        return true; /* "0800 705 800": a French free number, four, three, three */
    if (!plus && belgian(p, i, g))
        return true;
    for (size_t k = plus ? 1 : 0; k < g->count; k++)
        if (g->n[k] > 3 && g->count > 1)
            return false;
    if (plus)
        return g->count >= 3 && g->n[0] <= 3 && g->digits - g->n[0] >= 8 &&
               g->digits - g->n[0] <= 11;
    if (p->s[i] == '0') /* French and Swiss 10 digits, Belgian 9 ("02/558.97.80") */
        return (g->digits == 10 && (g->count >= 4 || g->count == 1)) ||
               (g->digits == 9 && g->count >= 3 && has_slash_or_dot(p, g));
    if (g->count >= 2 && g->digits >= 6 && g->digits <= 10 && phone_cue_before(p, i))
        return true; /* "Tél : 71 341 066": groups after a cue, not a million */
    return g->count == 1 && g->digits == 4 && phone_cue_before(p, i);
}

/* "+33 (0)1 45 67 89 10": the trunk zero in brackets after the country
 * code is dialled from home only, and not said; the groups go on after
 * it ("+33 / (0)1 …" too, a slash between). g holds the country code
 * alone. */
static void skip_trunk_zero(const pass *p, digit_groups *g)
{
    size_t k = g->end + space_len(p->s, p->len, g->end);
    if (k < p->len && p->s[k] == '/')
        k += 1 + space_len(p->s, p->len, k + 1);
    if (!starts_with_at(p, k, "(0)"))
        return;
    k += 3;
    k += space_len(p->s, p->len, k);
    digit_groups rest;
    scan_groups(p, k, &rest);
    if (!rest.count || rest.count > 15)
        return;
    for (size_t c = 0; c < rest.count; c++)
        g->start[c + 1] = rest.start[c], g->n[c + 1] = rest.n[c];
    g->count += rest.count, g->digits += rest.digits, g->end = rest.end;
}

/* Whether the group of n digits at s, said after the words in b, would
 * make one number with the last of them: "+32 2 123 45 67" is no "deux
 * cent vingt-trois", "04 20" no "zéro quatre-vingts". A comma parts
 * them, as a reader's pause does. */
static bool group_merges(const strbuf *b, const char *s, size_t n)
{
    static const char *const multipliers[] = {"deux", "trois", "quatre", "cinq", "six", "sept",
                                              "huit", "neuf"};
    size_t w = b->len;
    while (w > 0 && b->s[w - 1] != ' ')
        w--;
    const char *last = b->s ? b->s + w : "";
    size_t l = b->len - w;
    bool hundreds = n == 3 && s[0] == '1';
    bool twenty = n >= 2 && s[0] == '2' && s[1] == '0';
    for (size_t k = 0; k < sizeof multipliers / sizeof *multipliers; k++)
        if (strlen(multipliers[k]) == l && memcmp(last, multipliers[k], l) == 0)
            return hundreds || (twenty && k == 2);
    return false;
}

/* "+32497556284": an international number written without spaces is
 * parted as it is said: its country code (the one of the list that it
 * starts with), then the rest in pairs, an odd one's first digit alone
 * ("plus trente-trois, six, douze…"), or 3, 3 and 4 digits after a 1.
 * E.164 gives it 15 digits at most, 7 or more after the code. */
static bool split_glued_international(const pass *p, digit_groups *g)
{
    size_t s = g->start[0], n = g->n[0], cc = 0;
    if (g->count != 1 || n < 10 || n > 15 || is_word_at(p->s, p->len, g->end))
        return false;
    for (size_t k = 1; k <= 3 && !cc; k++)
        if (word_set_has(&p->nz->country_codes, p->s + s, k))
            cc = k;
    size_t rest = n - cc;
    bool nanp = cc == 1 && p->s[s] == '1'; /* +1: 3, 3 and 4 digits */
    if (!cc || rest < 7 || (nanp && rest != 10))
        return false;
    g->n[0] = cc;
    g->count = 1;
    size_t at = s + cc;
    static const size_t north_american[] = {3, 3, 4};
    for (size_t k = 0; at < s + n; k++) {
        size_t step = nanp ? north_american[k] : (k == 0 && rest % 2 ? 1 : 2);
        g->start[g->count] = at, g->n[g->count] = step;
        g->count++;
        at += step;
    }
    return true;
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
    if (plus && g.count == 1)
        skip_trunk_zero(p, &g); /* "+33 (0)1 45 67 89 10" */
    bool glued = plus && split_glued_international(p, &g);
    /* "0032 2 555 12 34": 00 is the international prefix, as "+" */
    bool zero_zero = !plus && g.count >= 3 && g.n[0] >= 3 && g.n[0] <= 5 &&
                     p->s[start] == '0' && p->s[start + 1] == '0' && p->s[start + 2] != '0' &&
                     g.digits - g.n[0] >= 8 && g.digits - g.n[0] <= 11;
    if (!zero_zero && !glued && !is_phone(p, start, &g, plus))
        return 0;
    strbuf b;
    sb_init(&b);
    size_t k = 0;
    if (plus || zero_zero) {
        sb_adds(&b, plus ? "plus " : "zéro zéro ");
        size_t skip = zero_zero ? 2 : 0;
        say_number_text(p, &b, p->s + g.start[0] + skip, g.n[0] - skip, false);
        k = 1;
    }
    bool digit_by_digit = north_american(p, &g) || (plus && p->s[start] == '1' && g.n[0] == 1) ||
                          (zero_zero && g.n[0] == 3 && p->s[start + 2] == '1');
    for (; k < g.count; k++) {
        if (digit_by_digit) { /* Québec says each digit */
            say_each_digit(p, &b, p->s + g.start[k], g.n[k]);
            continue;
        }
        if (group_merges(&b, p->s + g.start[k], g.n[k]))
            sb_addc(&b, ',');
        say_group(p, &b, p->s + g.start[k], g.n[k]);
    }
    return emit_built(p, i, g.end, &b);
}

/* "(514) 555-1234": the area code in brackets, as North America writes
 * it. Without this, the brackets made a quantity of it and "555-1234" a
 * range ("cinq cent cinquante-cinq à mille…"). */
size_t rule_bracketed_area_code(pass *p, size_t i)
{
    if (p->s[i] != '(' || digits_at(p->s, p->len, i + 1) != 3 || i + 6 >= p->len ||
        p->s[i + 4] != ')' || p->s[i + 5] != ' ')
        return 0;
    digit_groups g;
    scan_groups(p, i + 6, &g);
    if (g.count != 2 || g.n[0] != 3 || g.n[1] != 4 || p->s[g.start[1] - 1] == '.' ||
        is_word_at(p->s, p->len, g.end))
        return 0;
    strbuf b;
    sb_init(&b);
    say_each_digit(p, &b, p->s + i + 1, 3);
    for (size_t k = 0; k < g.count; k++)
        say_each_digit(p, &b, p->s + g.start[k], g.n[k]);
    return emit_built(p, i, g.end, &b);
}

/* ── Money written symbol first ────────────────────────────────────────── */

/* "million" or "milliard" when w is one of them, singular or plural. */
static const char *scale_word_of(const pass *p, word_ref w)
{
    static const char *const words[] = {"millions", "million", "milliards", "milliard"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (word_is(p, w.start, words[k]))
            return k < 2 ? "million" : "milliard";
    return NULL;
}

/* "millions" or "milliards" after an amount: "$10 millions". */
static const char *scale_word_after(const pass *p, size_t j, size_t *len)
{
    word_ref w = next_word(p, j);
    const char *word = w.start == j + 1 ? scale_word_of(p, w) : NULL;
    if (word)
        *len = w.end - j;
    return word;
}

/* "4,5 millions de FCFA", "des milliards de USD": "de" and a scale word
 * before i. */
static bool scale_word_and_de_before(const pass *p, size_t i)
{
    word_ref de = prev_word(p, i);
    if (de.end + 1 != i || !word_is(p, de.start, "de"))
        return false;
    word_ref w = prev_word(p, de.start);
    return w.end + 1 == de.start && scale_word_of(p, w);
}

/* "2,5 millions €": a currency symbol after the word million or milliard
 * is "d'euros", "de dollars". A code in capitals after "de" and a scale
 * word ("4,5 millions de FCFA") is the currency's plural, "de" kept; one
 * whose plural opens on a vowel would need "d'", and is left. */
static size_t currency_after_scale_word(pass *p, size_t i, const currency_name *c, size_t l)
{
    word_ref w = prev_word(p, i);
    if (w.end + 1 != i)
        return 0;
    const char *said = scale_word_of(p, w) ? c->of_form
                     : l >= 3 && is_upper_ascii(p->s[i + 1]) && !strchr("aeiou", c->plural[0]) &&
                               scale_word_and_de_before(p, i)
                         ? c->plural
                         : NULL;
    if (!said)
        return 0;
    emit(p, i, i + l, said);
    return l;
}

/* "USD 3 M", "$2,5 Mds", "CHF 40 M.": after an amount whose currency is
 * written first, an M can only be millions (it was "Monsieur"), its stop
 * the sentence's; Md, Mds, Mrd are milliards. The bytes the letters take
 * (a space before them too), 0 when none follow. */
static size_t money_scale_letters(const pass *p, size_t j, const char **scale)
{
    size_t sp = j < p->len && p->s[j] == ' ' ? 1 : 0;
    if (word_is(p, j + sp, "M")) {
        *scale = "million";
        return sp + 1;
    }
    const char *word = NULL; /* "Md", "Mds", "Mio"; an M alone was taken above */
    size_t l = scale_letters(p, j, false, &word);
    if (l)
        *scale = word;
    return l;
}

/* "$4.99" → quatre dollars quatre-vingt-dix-neuf, "£25", "$10 millions". */
size_t rule_money_prefix(pass *p, size_t i)
{
    size_t l;
    if (is_upper_ascii(p->s[i])) { /* most capitalized words: no amount after them */
        size_t e = word_end(p, i);
        e += e < p->len && p->s[e] == '.'; /* "Fr. 3.50" */
        size_t sp = space_len(p->s, p->len, e);
        bool glued_sign = e < p->len && p->s[e] == '$'; /* "US$ 5" */
        bool amount_after = glued_sign || (sp && e + sp < p->len && is_digit(p->s[e + sp]));
        /* "12 milliards USD", "17,6 milliards FCFA": a code after the scale
         * word (asked last: the word before costs a walk back) */
        bool after_de = !amount_after && e - i >= 3 && is_upper_ascii(p->s[i + 1]) && i > 1 && p->s[i - 1] == ' ' &&
                        scale_word_and_de_before(p, i); /* a code in capitals: "FCFA" */
        if (!amount_after && !after_de && !(i > 1 && p->s[i - 1] == ' ' && scale_word_of(p, prev_word(p, i))))
            return 0;
    }
    const currency_name *c = currency_at(p, i, &l);
    if (!c)
        return 0;
    size_t scaled = currency_after_scale_word(p, i, c, l);
    if (scaled)
        return scaled;
    /* a symbol of letters goes before the amount only in capitals and set
     * apart: "CHF 1250", "EUR 30"; not "F" or "Fr"; Switzerland's "Fr. 3.50"
     * has its full stop */
    bool letters = is_word_at(p->s, p->len, i);
    bool stopped = l == 3 && p->s[i + 2] == '.';
    if (letters && ((l < 3 || !is_upper_ascii(p->s[i + l - 1])) && !stopped))
        return 0;
    if (letters && !space_len(p->s, p->len, i + l))
        return 0;
    size_t at = i + l + space_len(p->s, p->len, i + l);
    number_text nt;
    size_t n = at < p->len ? scan_number(p, at, &nt) : 0;
    if (!n || nt.n_digits > 15)
        return 0;
    n += swiss_dash(p, at + n);
    size_t end = at + n, sl = 0;
    const char *scale = scale_word_after(p, end, &sl);
    if (!scale)
        sl = money_scale_letters(p, end, &scale);
    strbuf b;
    sb_init(&b);
    say_money(p, &b, c, scale, nt.digits, nt.n_digits, nt.frac, nt.n_frac);
    return emit_built(p, i, end + sl, &b);
}
