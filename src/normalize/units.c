/* Units, currencies and symbols. The names come from lexicons/fr/units.tsv
 * and lexicons/fr/currencies.tsv; this file only knows the grammar: a unit
 * is plural from 2 ("1,5 litre", "2 litres"), an amount of money is said
 * "trois euros cinquante", and "7 M€" is "sept millions d'euros". */
#include "normalize.h"

#include <ctype.h>
#include <math.h>
#include <strings.h>
#include <string.h>

/* Whether a symbol may end at j: not inside a longer word ("m" is not the
 * start of "mai") nor before an elision ("5 l'an"). */
static bool symbol_ends(const pass *p, size_t j)
{
    if (is_word_at(p->s, p->len, j))
        return false;
    if (j < p->len && p->s[j] == '\'')
        return false;
    return !starts_with_at(p, j, "\xE2\x80\x99") && !starts_with_at(p, j, "\xC2\xB2") &&
           !starts_with_at(p, j, "\xC2\xB3");
}

/* Whether a quotation opened with '"' is still open at j on its line:
 * the '"' after a number closes it ("il a dit "42"") and is no inch.
 * Looked at 2,000 bytes back at most: a paragraph, and no slow pass on a
 * text of one long line. */
static bool quote_open_at(const pass *p, size_t j)
{
    size_t quotes = 0;
    for (size_t k = j; k > 0 && j - k < 2000 && p->s[k - 1] != '\n'; k--)
        quotes += p->s[k - 1] == '"';
    return quotes % 2 == 1;
}

/* Whether a number follows at j, after spaces. */
static bool number_follows(const pass *p, size_t j)
{
    size_t sp = space_len(p->s, p->len, j);
    return j + sp < p->len && is_digit(p->s[j + sp]);
}

/* Whether an s at e, ending cleanly, makes a plural of the symbol (two
 * lower-case letters or more, no s of its own): "kms", "kgs", "mns";
 * also after a multiplier's capital when three letters follow it
 * ("Gbits", "Mbits"), too long to be an acronym's plural. */
static bool informal_plural(const pass *p, const char *symbol, size_t l, size_t e)
{
    if (l < 2 || symbol[l - 1] == 's' || e >= p->len || p->s[e] != 's' || !symbol_ends(p, e + 1))
        return false;
    for (size_t k = l >= 4 && strchr("kMGTP", symbol[0]) ? 1 : 0; k < l; k++)
        if (symbol[k] < 'a' || symbol[k] > 'z')
            return false;
    return true;
}

/* The longest symbol of the table that starts at j and ends cleanly, or
 * ends on an informal plural s. */
static const unit_name *unit_at(const pass *p, size_t j, size_t *len)
{
    const unit_name *best = NULL;
    size_t best_len = 0;
    bool best_plural = false; /* an exact symbol of the same length wins */
    *len = 0;
    if (j >= p->len)
        return NULL;
    const unit_table *t = &p->nz->units;
    for (uint32_t k = t->first[(unsigned char)p->s[j]]; k; k = t->items[k - 1].next_same) {
        const unit_name *u = &t->items[k - 1];
        size_t l = strlen(u->symbol);
        if (l + 1 <= best_len || !starts_with_at(p, j, u->symbol))
            continue;
        if (!symbol_ends(p, j + l)) {
            /* "5 kms", "10 kgs": a plural s given to a symbol of letters */
            if (informal_plural(p, u->symbol, l, j + l) && l + 1 > best_len)
                best = u, best_len = l + 1, best_plural = true;
            continue;
        }
        if (l < best_len || (l == best_len && !best_plural))
            continue;
        if (u->symbol[0] == '"' && quote_open_at(p, j))
            continue; /* a closing quotation mark, no inch */
        if (u->glued && !(j > 0 && is_digit(p->s[j - 1])))
            continue;
        if (l > 1 && u->symbol[l - 1] == '.' && number_follows(p, j + l))
            continue; /* "JO du 5 mars 2007 p. 4215": a label of the number after it */
        best = u, best_len = l, best_plural = false;
    }
    *len = best_len;
    return best;
}

/* "et/ou", "il/elle": a slash between two short lower-case words offers
 * a choice, said as the two words ("et ou"); eSpeak NG would pause. */
static size_t short_words_alternative(pass *p, size_t i)
{
    size_t a = i, b = i + 1;
    while (a > 0 && p->s[a - 1] >= 'a' && p->s[a - 1] <= 'z')
        a--;
    while (b < p->len && p->s[b] >= 'a' && p->s[b] <= 'z')
        b++;
    bool word_before = a < i && i - a <= 4 && !word_ends_before(p->s, p->len, a);
    bool word_after = b > i + 1 && b - i - 1 <= 4 && !is_word_at(p->s, p->len, b) &&
                      (b >= p->len || p->s[b] != '/');
    if (!word_before || !word_after)
        return 0;
    emit(p, i, i + 1, " ");
    return 1;
}

/* Whether the text before e ends with a currency or unit symbol ("0,18 €
 * / min"). */
static bool symbol_before(const pass *p, size_t e)
{
    size_t s = e, l;
    while (s > 0) { /* back to a space, a no-break one too ("0,18\u00A0€") */
        size_t c = prev_char_start(p->s, s);
        if (space_len(p->s, p->len, c))
            break;
        s = c;
    }
    if (s == e)
        return false;
    return (currency_at(p, s, &l) && s + l == e) || (unit_at(p, s, &l) && s + l == e);
}

/* Whether the slash at i parts two prices ("12 € / 8 €", "10€/5€"): a
 * currency symbol after a number ends right before it (a space aside),
 * and a number with a currency symbol comes after it. A full price and a
 * reduced one, said "douze euros ou huit euros", as "18/12 €" is. */
static bool between_prices(const pass *p, size_t i)
{
    size_t e = i > 0 && p->s[i - 1] == ' ' ? i - 1 : i, s = e, l;
    while (s > 0 && !is_digit(p->s[s - 1]) && p->s[s - 1] != ' ' && e - s < 4)
        s--;
    size_t d = s > 0 && p->s[s - 1] == ' ' ? s - 1 : s;
    if (s == e || d == 0 || !is_digit(p->s[d - 1]) || !currency_at(p, s, &l) || s + l != e)
        return false;
    size_t k = i + 1 + (i + 1 < p->len && p->s[i + 1] == ' ');
    size_t n = decimal_digits_at(p->s, p->len, k);
    if (!n)
        return false;
    k += n;
    k += k < p->len && p->s[k] == ' ';
    return currency_at(p, k, &l) != NULL;
}

/* Whether the slash at i between two numbers has another slash beside
 * them: "12 / 05 / 2020" is a date, not a division. */
static bool slash_beside(const pass *p, size_t i)
{
    size_t e = i + 2 + digits_at(p->s, p->len, i + 2), b = i - 1;
    while (b > 0 && is_digit(p->s[b - 1]))
        b--;
    return (e < p->len && p->s[e] == '/') || starts_with_at(p, e, " /") ||
           (b > 0 && p->s[b - 1] == '/') || (b > 1 && p->s[b - 1] == ' ' && p->s[b - 2] == '/');
}

/* Whether the spaced slash at i is one of a chain: the quantity before
 * it ("120 min", one or two words) follows another spaced slash, or the
 * one after it is followed by one. Those slashes part the fields of a
 * listing ("France / 1961 / 120 min / 35 mm") and say nothing; "5 mg /
 * 100 ml" alone is a dose. */
static bool fields_of_line(const pass *p, size_t i)
{
    size_t words = 0;
    for (size_t k = i - 1; k > 2 && words < 2 && p->s[k - 1] != '\n'; k--) {
        if (p->s[k - 1] == ' ' && p->s[k - 2] == '/' && p->s[k - 3] == ' ')
            return true;
        words += p->s[k - 1] == ' ';
    }
    words = 0;
    for (size_t k = i + 2; k + 2 < p->len && words < 3 && p->s[k] != '\n'; k++) {
        if (p->s[k] == ' ' && p->s[k + 1] == '/' && p->s[k + 2] == ' ')
            return true;
        words += p->s[k] == ' ';
    }
    return false;
}

static bool word_says(const pass *p, word_ref w, const char *name)
{
    size_t n = w.end - w.start;
    return name && strlen(name) == n && memcmp(p->s + w.start, name, n) == 0;
}

/* Whether the word w names a currency in full ("euros", "dollar"), or
 * with cents its hundredth in the plural ("centimes"). */
static bool currency_word(const pass *p, word_ref w, bool cents)
{
    for (size_t k = 0; k < p->nz->currencies.n; k++) {
        const currency_name *c = &p->nz->currencies.items[k];
        if (word_says(p, w, c->plural) || word_says(p, w, c->singular) ||
            (cents && word_says(p, w, c->cent_plural)))
            return true;
    }
    return false;
}

/* Whether the word w names a unit or a currency in full ("litres",
 * "mètres", "euros", "dollars"): a measure, not things counted. */
bool measure_word(const pass *p, word_ref w)
{
    for (size_t k = 0; k < p->nz->units.n; k++) {
        const unit_name *u = &p->nz->units.items[k];
        if (word_says(p, w, u->plural) || word_says(p, w, u->singular))
            return true;
    }
    return currency_word(p, w, true);
}

/* Whether the text before e ends with a number and a unit ("5 mg"), a
 * length of time aside ("2 jours"). */
bool quantity_ends_at(const pass *p, size_t e)
{
    word_ref w = prev_word(p, e);
    if (w.start >= 2 && (memcmp(p->s + w.start - 2, "\xC2\xB5", 2) == 0 ||
                         memcmp(p->s + w.start - 2, "\xCE\xBC", 2) == 0))
        w.start -= 2; /* "µg": the micro sign is no letter of a word */
    size_t l, u = w.start;
    while (u < e && is_digit(p->s[u]))
        u++; /* "0,5l/100km": the unit glued to its number */
    const unit_name *unit;
    if (u > w.start && u < e)
        return (unit = unit_at(p, u, &l)) && u + l == e && !unit->period;
    if (w.end != e || !(unit = unit_at(p, w.start, &l)) || w.start + l != e || unit->period)
        return false;
    size_t d = w.start;
    while (d > 0 && p->s[d - 1] == ' ')
        d--;
    return d > 0 && is_digit(p->s[d - 1]);
}

/* Whether a currency's name ("euros", "dollar") ends at e after a
 * number: "2 000 euros / mois" is an amount per month. */
static bool amount_word_ends_at(const pass *p, size_t e)
{
    word_ref w = prev_word(p, e);
    if (w.end != e || w.start == e)
        return false;
    size_t d = w.start;
    while (d > 0 && p->s[d - 1] == ' ')
        d--;
    return d > 0 && d != w.start && is_digit(p->s[d - 1]) && currency_word(p, w, false);
}

/* "9 500 € le m²", "le prix du kWh", "3 € par kg": a unit symbol with no
 * number, after a word that announces one (before-unit.txt), is said in
 * the singular; only the symbols units.tsv marks "alone", which are
 * nothing else ("CV" is a résumé too). eSpeak NG said "m²" as "èm
 * puissance deux". */
/* Whether "de" before i follows a count in words ("150 millions de km",
 * "une soixantaine de km", "combien de km"): the unit after it is said in
 * the plural. */
static bool after_count_of(const pass *p, size_t b, size_t i)
{
    static const char *const counts[] = {
        "millions", "milliards", "milliers", "million", "milliard", "centaines", "centaine",
        "dizaines", "dizaine", "douzaine", "quinzaine", "vingtaine", "trentaine", "quarantaine",
        "cinquantaine", "soixantaine", "combien", "beaucoup", "plus", "moins", "peu", "trop"};
    return i - 1 - b == 2 && p->s[b] == 'd' && p->s[b + 1] == 'e' && b > 1 &&
           word_among(p, prev_word(p, b - 1), counts, sizeof counts / sizeof *counts);
}

size_t rule_unit_alone(pass *p, size_t i)
{
    if (i < 2 || i + 1 >= p->len || p->s[i - 1] != ' ' ||
        !p->nz->units.alone_pair[unit_pair_hash(p->s + i)])
        return 0;
    /* the word before, found by hand: this runs on most short words, and
     * the announcing words are a few plain letters ("le", "par") */
    size_t b = i - 1;
    while (b > 0 && i - 1 - b < 8 && p->s[b - 1] >= 'a' && p->s[b - 1] <= 'z')
        b--;
    if (b == i - 1 || word_ends_before(p->s, p->len, b))
        return 0;
    bool plural = after_count_of(p, b, i);
    if (!plural && !word_set_has(&p->nz->before_unit, p->s + b, i - 1 - b))
        return 0;
    size_t l;
    const unit_name *u = unit_at(p, i, &l);
    if (!u || !u->alone)
        return 0;
    emit(p, i, i + l, plural ? u->plural : u->singular);
    return l;
}

bool unit_after_words(const pass *p, size_t j)
{
    size_t l;
    const unit_name *u = unit_at(p, j + space_len(p->s, p->len, j), &l);
    return u && !u->digits;
}

/* "8MP", "110CV", "64GB": a symbol of two letters or more glued to its
 * number and ending the word at e is the unit's, not a code's ("5G",
 * "2A" stay codes). So are volts and watts after two digits or more
 * ("48V", "230V", "500W"): a battery's, a motor's, never a class or a
 * network; and hours in capitals ("48H avant"). */
static const unit_name *capitals_unit_at(const pass *p, size_t j, size_t *len);

/* Whether what is measured follows e: "de" or "d'" and a word in lower
 * case ("2L de moût", "5L d'eau"). */
static bool contents_follow(const pass *p, size_t e)
{
    size_t k = e + 1;
    if (e >= p->len || p->s[e] != ' ' || k + 2 >= p->len || p->s[k] != 'd')
        return false;
    if (p->s[k + 1] == 'e' && p->s[k + 2] == ' ')
        k += 3;
    else if (p->s[k + 1] == '\'')
        k += 2;
    else if (k + 4 < p->len && !memcmp(p->s + k + 1, "\xE2\x80\x99", 3))
        k += 4;
    else
        return false;
    return k < p->len && ((p->s[k] >= 'a' && p->s[k] <= 'z') || (unsigned char)p->s[k] == 0xC3);
}

/* The litre's capital L glued to a whole number ("2L", "20L") is a
 * measure when what it holds follows, or a quantity's word comes before
 * ("un sac de 20L", "environ 2L"); after a determiner, or elsewhere, it
 * is as often a code ("la 2L de la fac", a class). */
static bool litres_glued(const pass *p, size_t j, size_t digits)
{
    word_ref before = prev_word(p, j - digits);
    if (before.end + 1 == j - digits && word_in(p, before, &p->nz->determiners) && !word_is(p, before.start, "de"))
        return false; /* "la 2L de la fac" */
    return contents_follow(p, j + 1) ||
           (before.end + 1 == j - digits && (word_is(p, before.start, "de") || word_is(p, before.start, "environ")));
}

size_t unit_symbol_len(const pass *p, size_t j)
{
    size_t l = 0;
    return unit_at(p, j, &l) ? l : 0;
}

bool unit_glued_at(const pass *p, size_t j, size_t e)
{
    size_t l, digits = 0;
    if (!unit_at(p, j, &l) || j + l < e) /* past e: a symbol with a dot ("110N.m") */
        return capitals_unit_at(p, j, &l) && j + l == e; /* "170KM", "51KG" */
    while (digits < j && is_digit(p->s[j - 1 - digits]))
        digits++;
    return l >= 2 || ((p->s[j] == 'V' || p->s[j] == 'W') && digits >= 2) || p->s[j] == 'H' ||
           (p->s[j] == 'L' && digits > 0 && litres_glued(p, j, digits));
}

bool measure_follows(const pass *p, size_t j)
{
    size_t sp = space_len(p->s, p->len, j), l;
    return (j + sp < p->len && p->s[j + sp] == '%') || unit_at(p, j + sp, &l) != NULL ||
           currency_at(p, j + sp, &l) != NULL; /* "18/12 €": two prices, no date */
}

/* Whether a sentence ends at e, after an abbreviation's full stop: the
 * line ends, or a capital follows. */
static bool sentence_ends_at(const pass *p, size_t e)
{
    size_t k = e;
    while (k < p->len && p->s[k] == ' ')
        k++;
    return k == p->len || p->s[k] == '\n' || p->s[k] == '\r' || (k > e && is_upper_ascii(p->s[k]));
}

/* "5 g/dL", "3 m/s", "60 mg/kg/jour", "900 mg/jour": what a unit is per,
 * after its slash, said "par": another unit, which the table need not
 * list with it, or a noun in lower case ("jour", "an", "habitant"), as
 * the money rule says "€/mois". Two at most. Writes them into b and
 * returns their length from end, 0 when there is none. */
static size_t per_units(const pass *p, size_t end, strbuf *b)
{
    size_t k = end;
    for (int hops = 0; hops < 2 && k + 1 < p->len && p->s[k] == '/'; hops++) {
        size_t l;
        const unit_name *u = unit_at(p, k + 1, &l);
        if (!u && p->s[k + 1] >= 'a' && p->s[k + 1] <= 'z') {
            size_t we = word_end(p, k + 1);
            if (we < p->len && p->s[we] != '/' && is_word_at(p->s, p->len, we))
                break; /* "mg/kg-an": no plain word */
            sb_adds(b, " par ");
            sb_add(b, p->s + k + 1, we - k - 1);
            k = we;
            continue;
        }
        if (!u)
            break;
        sb_adds(b, " par ");
        sb_adds(b, u->singular);
        k += 1 + l;
    }
    return k - end;
}

/* Whether the four digits ending at e are a year and the number at k
 * the next one, in full or in its last two digits ("2014 / 2015",
 * "2023 / 24"). */
static bool next_year_after(const pass *p, size_t e, size_t k)
{
    if (e < 4 || (e > 4 && is_digit(p->s[e - 5])) || !is_digit(p->s[e - 4]))
        return false;
    size_t d = digits_at(p->s, p->len, e - 4), d2 = digits_at(p->s, p->len, k);
    unsigned long long y = to_ull(p->s + e - 4, 4);
    if (d != 4 || y < 1800 || y >= 2100 || is_word_at(p->s, p->len, k + d2))
        return false;
    return (d2 == 4 && to_ull(p->s + k, 4) == y + 1) || (d2 == 2 && to_ull(p->s + k, 2) == (y + 1) % 100);
}

/* "1/2 l", "3/4 h", "1/2 c. à c.": the unit symbol after a fraction at
 * j, one space before it; its bytes in *len. A one-word symbol with a
 * stop is a unit of a count ("1/2 p." is no half page). */
const unit_name *unit_after_fraction(const pass *p, size_t j, size_t *len)
{
    size_t sp = j < p->len && p->s[j] == ' '; /* "1/4 s", or glued: "1/8000s" */
    if (j + sp >= p->len)
        return NULL;
    const unit_name *u = unit_at(p, j + sp, len);
    if (!u || u->digits || strcmp(u->symbol, u->singular) == 0 ||
        (u->symbol[strlen(u->symbol) - 1] == '.' && !strchr(u->symbol, ' ')))
        return NULL;
    *len += sp;
    return u;
}

bool de_elides_before(const char *name)
{
    unsigned char c = (unsigned char)name[0];
    return (c && strchr("aeiouy", c)) || c == 0xC3 /* é, è, ê */ ||
           (c == 'h' && strncmp(name, "hertz", 5) != 0);
}

/* The one unit whose symbol is the n bytes at j in any case, or NULL. */
static const unit_name *unit_any_case(const pass *p, size_t j, size_t n)
{
    const unit_table *t = &p->nz->units;
    const unit_name *found = NULL;
    for (uint32_t k = t->first[(unsigned char)(p->s[j] | 0x20)]; k; k = t->items[k - 1].next_same) {
        const unit_name *u = &t->items[k - 1];
        if (strlen(u->symbol) != n || strncasecmp(u->symbol, p->s + j, n) != 0)
            continue;
        if (found && strcmp(found->singular, u->singular) != 0)
            return NULL;
        found = u;
    }
    return found;
}

/* "51 KG", "100 CM", "750 KG/m²", "59 000 Ha": a symbol of two or three
 * lower-case letters typed in capitals, or capitalized, after a number in
 * digits, as product sheets and notices do; eSpeak NG would spell it.
 * Only when the capitals are no symbol of their own ("MW" is a megawatt,
 * no milliwatt) and every entry they could be in lower case says the same
 * ("ML": ml or mL). */
static const unit_name *capitals_unit_at(const pass *p, size_t j, size_t *len)
{
    size_t e = j < p->len && is_upper_ascii(p->s[j]) ? j + 1 : j;
    bool title = e < p->len && islower((unsigned char)p->s[e]); /* "59 000 Ha", "10 Min" */
    while (e < p->len && (title ? islower((unsigned char)p->s[e]) : is_upper_ascii(p->s[e])))
        e++;
    *len = e - j;
    if (*len < 2 || *len > 3 || !symbol_ends(p, e))
        return NULL;
    const unit_name *found = unit_any_case(p, j, *len);
    if (!found && title && *len == 3 && p->s[e - 1] == 's') /* "50 Kms": an informal plural */
        found = unit_any_case(p, j, 2);
    return found;
}

size_t unit_after_number(const pass *p, size_t j, strbuf *b, double v, bool *feminine)
{
    size_t sp = space_len(p->s, p->len, j), l;
    const unit_name *u = unit_at(p, j + sp, &l);
    if (!u && j > 0 && is_digit(p->s[j - 1]))
        u = capitals_unit_at(p, j + sp, &l);
    if (!u)
        return 0;
    if (b->len && b->s[b->len - 1] != ' ')
        sb_addc(b, ' ');
    const char *name = v >= 2 ? u->plural : u->singular;
    if (v >= 1e6 && fmod(v, 1e6) == 0) /* "22 000 000 000 km": milliards de kilomètres */
        sb_adds(b, de_elides_before(name) ? "d'" : "de ");
    sb_adds(b, name);
    *feminine = u->feminine;
    size_t end = j + sp + l, per = per_units(p, end, b);
    if (!per && p->s[end - 1] == '.' && sentence_ends_at(p, end))
        sb_addc(b, '.'); /* "pour 6 pers." ends the sentence too */
    /* "après 10 min. de jeu": an abbreviation's stop inside a sentence,
     * which eSpeak NG would take for its end */
    size_t stop = !per && end + 2 < p->len && p->s[end] == '.' && p->s[end + 1] == ' ' &&
                  p->s[end + 2] >= 'a' && p->s[end + 2] <= 'z';
    return sp + l + per + stop;
}

/* The length of symbol at i, 0 if it is not there. A space in the symbol
 * ("$ US", "US $") matches any space, the no-break ones too. */
static size_t symbol_len_at(const pass *p, size_t i, const char *symbol)
{
    size_t at = i;
    for (const char *c = symbol; *c; c++) {
        size_t sp = *c == ' ' ? space_len(p->s, p->len, at) : 0;
        if (*c == ' ' && !sp)
            return 0;
        if (*c != ' ' && (at >= p->len || p->s[at] != *c))
            return 0;
        at += *c == ' ' ? sp : 1;
    }
    return at - i;
}

/* The table's first symbol found at i: the file lists "$ US" before "$". */
const currency_name *currency_at(const pass *p, size_t i, size_t *len)
{
    if (i >= p->len || !p->nz->currencies.starts[(unsigned char)p->s[i]])
        return NULL;
    for (size_t k = 0; k < p->nz->currencies.n; k++) {
        const currency_name *c = &p->nz->currencies.items[k];
        if (c->symbol[0] != p->s[i] || (c->symbol[1] && (i + 1 >= p->len || c->symbol[1] != p->s[i + 1])))
            continue; /* "€" and "’" share their first byte */
        size_t l = symbol_len_at(p, i, c->symbol), sl = strlen(c->symbol);
        bool letters = is_letter_at(c->symbol, sl, sl - 1); /* "CHF", not "€" */
        /* "85 F-D", "12 CHF-X": letters hyphened to more letters are a
         * code's ("F-D", an order of the Court of Cassation), no amount */
        bool hyphened = letters && i + l + 1 < p->len && p->s[i + l] == '-' &&
                        is_letter_at(p->s, p->len, i + l + 1);
        if (l && !(letters && is_word_at(p->s, p->len, i + l)) && !hyphened) {
            *len = l;
            return c;
        }
    }
    return NULL;
}

/* Whether s[j, e) is the name of a currency in one word, singular or
 * plural ("euro", "dollars"): "1euro", "10euros" lost their space. */
bool currency_word_at(const pass *p, size_t j, size_t e)
{
    for (size_t k = 0; k < p->nz->currencies.n; k++) {
        const currency_name *c = &p->nz->currencies.items[k];
        const char *names[] = {c->singular, c->plural};
        for (int n = 0; n < 2; n++)
            if (!strchr(names[n], ' ') && strlen(names[n]) == e - j && memcmp(names[n], p->s + j, e - j) == 0)
                return true;
    }
    return false;
}

const currency_name *currency_named(const pass *p, const char *symbol)
{
    for (size_t k = 0; k < p->nz->currencies.n; k++)
        if (strcmp(p->nz->currencies.items[k].symbol, symbol) == 0)
            return &p->nz->currencies.items[k];
    return NULL;
}

/* "M€", "Md€", "k€", Québec's "G$": a scale prefix glued to the currency
 * symbol. */
static size_t scale_prefix(const pass *p, size_t j, const char **scale)
{
    static const struct {
        const char *prefix, *word;
    } scales[] = {{"Mds", "milliard"}, {"Mrd", "milliard"}, {"Md", "milliard"},
                  {"M", "million"},    {"G", "milliard"},   {"k", "mille"},      {"K", "mille"}};
    for (size_t k = 0; k < sizeof scales / sizeof *scales; k++) {
        size_t l = strlen(scales[k].prefix);
        if (starts_with_at(p, j, scales[k].prefix)) {
            size_t sp = space_len(p->s, p->len, j + l), cl;
            if (currency_at(p, j + l + sp, &cl)) {
                *scale = scales[k].word;
                return l + sp;
            }
        }
    }
    *scale = NULL;
    return 0;
}

size_t currency_after_number(const pass *p, size_t j, const currency_name **c,
                             const char **scale)
{
    size_t sp = space_len(p->s, p->len, j);
    size_t sc = scale_prefix(p, j + sp, scale), l;
    *c = currency_at(p, j + sp + sc, &l);
    return *c ? sp + sc + l : 0;
}

static void say_amount(const pass *p, strbuf *b, const char *ip, size_t ni)
{
    say_number_text(p, b, ip, ni, false);
}

/* "7 M€" → sept millions d'euros; "5 k€" → cinq mille euros. */
static void say_scaled(const pass *p, strbuf *b, const currency_name *c, const char *scale,
                       const char *ip, size_t ni, const char *fp, size_t nf)
{
    if (strcmp(scale, "mille") == 0 && nf <= 3 && ni <= 12) {
        /* "200 k€" → deux cent mille euros, "2,5 k€" → deux mille cinq
         * cents euros: the whole amount, with the agreement of cent
         * before mille that a number said in two halves gets wrong. */
        unsigned long long v = to_ull(ip, ni) * 1000;
        for (size_t k = 0, unit = 100; k < nf; k++, unit /= 10)
            v += (unsigned long long)(fp[k] - '0') * unit;
        num_style st = style(p, false, false);
        num_cardinal(b, v, &st);
        sb_printf(b, " %s", v >= 2 ? c->plural : c->singular);
        return;
    }
    say_amount(p, b, ip, ni);
    double v = (double)to_ull(ip, ni);
    if (nf) {
        num_style st = style(p, false, false);
        sb_adds(b, " virgule ");
        num_decimal_digits(b, fp, nf, &st);
        v += 0.1;
    }
    if (strcmp(scale, "mille") == 0)
        sb_printf(b, " mille %s", c->plural);
    else
        sb_printf(b, " %s%s %s", scale, v >= 2 ? "s" : "", c->of_form);
}

void say_money(const pass *p, strbuf *b, const currency_name *c, const char *scale,
               const char *ip, size_t ni, const char *fp, size_t nf)
{
    if (scale) {
        say_scaled(p, b, c, scale, ip, ni, fp, nf);
        return;
    }
    unsigned long long v = to_ull(ip, ni);
    num_style st = style(p, false, false);
    if (nf > 2) { /* "1,085 €": a rate, said as a decimal */
        say_amount(p, b, ip, ni);
        sb_adds(b, " virgule ");
        num_decimal_digits(b, fp, nf, &st);
        sb_printf(b, " %s", v >= 2 ? c->plural : c->singular);
        return;
    }
    unsigned cents = nf ? (unsigned)((fp[0] - '0') * 10 + (nf > 1 ? fp[1] - '0' : 0)) : 0;
    if (v == 0 && cents) { /* "0,45 €" → quarante-cinq centimes */
        num_cardinal(b, cents, &st);
        sb_printf(b, " %s", cents > 1 ? c->cent_plural : c->cent_singular);
        return;
    }
    say_amount(p, b, ip, ni);
    if (v && v % 1000000 == 0) /* un million d'euros */
        sb_printf(b, " %s", c->of_form);
    else
        sb_printf(b, " %s", v >= 2 ? c->plural : c->singular);
    if (cents) {
        sb_addc(b, ' ');
        num_cardinal(b, cents, &st);
    }
}

/* An HTML entity a page escaped twice, left in its text ("elles&nbsp;:",
 * "caf&eacute;", "&#8217;"): the character it stands for, looked up in
 * libxml2's HTML table; a space for spaces. Not "et nbsp". */
static size_t html_entity(pass *p, size_t i)
{
    size_t len = 0;
    uint32_t cp = html_entity_at(p->s + i, p->len - i, &len);
    if (!cp || (cp < 0x20 && cp != '\t' && cp != '\n'))
        return 0;
    char out[5] = {0};
    if (cp == 0xA0 || cp == 0x202F || cp == 0x2009 || cp == '\t' || cp == '\n')
        out[0] = ' ';
    else if (cp == '&')
        memcpy(out, "et", 3);
    else {
        int n = utf8_encode(cp, out);
        if (n <= 0)
            return 0;
        out[n] = '\0';
    }
    emit(p, i, i + len, out);
    return len;
}

/* Whether the number at k is followed by what it counts: a space and a
 * word or a sign ("1 mètre", "1 %"), not a bracket or the line's end. */
static bool counted_after(const pass *p, size_t k)
{
    while (k < p->len && (is_digit(p->s[k]) || ((p->s[k] == ',' || p->s[k] == '.') && k + 1 < p->len &&
                                                is_digit(p->s[k + 1]))))
        k++;
    return k + 1 < p->len && p->s[k] == ' ' && (p->s[k + 1] == '%' || is_letter_at(p->s, p->len, k + 1));
}

/* "(merci <3)": a heart closing what a word of three letters or more
 * says, not said (eSpeak NG read "<trois"); "x <3" is a comparison. */
static bool heart_at(const pass *p, size_t i, bool opens)
{
    if (!opens || i == 0 || i + 1 >= p->len || p->s[i + 1] != '3' ||
        (i + 2 < p->len && !strchr(")\n!", p->s[i + 2])))
        return false;
    word_ref w = prev_word(p, i);
    return w.end + 1 == i && w.end - w.start >= 3;
}

/* "≥ 30 °C", "≤ 10", "≈ 300", "≠ 0": a sign of comparison spaced before
 * a number; eSpeak NG says nothing for ≥ and ≤, and English for ≈, ≠. */
static size_t comparison_sign(pass *p, size_t i)
{
    static const struct {
        const char *sign, *said;
    } signs[] = {{"\xE2\x89\xA5", "supérieur ou égal à"}, {"\xE2\x89\xA4", "inférieur ou égal à"},
                 {"\xE2\x89\x88", "environ"}, {"\xE2\x89\xA0", "différent de"}};
    for (size_t k = 0; k < sizeof signs / sizeof *signs; k++) {
        if (!starts_with_at(p, i, signs[k].sign))
            continue;
        size_t sp = space_len(p->s, p->len, i + 3);
        if (!sp || (i > 0 && p->s[i - 1] != ' ' && p->s[i - 1] != '(') || i + 3 + sp >= p->len ||
            !is_digit(p->s[i + 3 + sp]))
            return 0; /* "x≥3" is a formula, left */
        emit(p, i, i + 3, signs[k].said);
        return 3;
    }
    return 0;
}

/* "~200 personnes", "≈300", "(∼5 %)", "1000 roupies ~ 10 €": a sign of
 * approximation before a number, glued or set apart by a space,
 * "environ"; eSpeak NG said "tildé" and English. */
static size_t approximation_glued(pass *p, size_t i)
{
    size_t l = p->s[i] == '~' ? 1
               : starts_with_at(p, i, "\xE2\x89\x88") || starts_with_at(p, i, "\xE2\x88\xBC") ? 3 : 0; /* ≈, ∼ */
    size_t gap = l && i + l < p->len && p->s[i + l] == ' ' ? 1 : 0;
    if (!l || i + l + gap >= p->len || !is_digit(p->s[i + l + gap]) ||
        (i > 0 && p->s[i - 1] != ' ' && p->s[i - 1] != '('))
        return 0;
    /* "environ ~20 km": the word already says it */
    word_ref before = prev_word(p, i);
    emit(p, i, i + l + gap, before.end + 1 == i && word_is(p, before.start, "environ") ? "" : "environ ");
    return l + gap;
}

/* ── Formulas ───────────────────────────────────────────────────────── */

/* How far back on the line a formula's "=" is looked for: a formula is a
 * clause, not a paragraph. */
enum { FORMULA_REACH = 400 };

/* The spaced "=" (said "égale") that opens the formula i stands in, or
 * SIZE_MAX: looked for back to the line's start, a clause's end ("; ",
 * ", ", ": ") or FORMULA_REACH bytes. "1,5" keeps its comma. */
static size_t formula_equals(const pass *p, size_t i)
{
    size_t lim = i > FORMULA_REACH ? i - FORMULA_REACH : 0;
    for (size_t k = i; k > lim + 1; k--) {
        char c = p->s[k - 1];
        if (c == '\n' || ((c == ';' || c == ',' || c == ':') && p->s[k] == ' '))
            return SIZE_MAX;
        if (c == '=' && p->s[k - 2] == ' ' && p->s[k] == ' ')
            return k - 1;
    }
    return SIZE_MAX;
}

/* Between the "=" at eq and the sign at i, what says the text is
 * arithmetic and not a clause with a dash ("un vote = une voix – ou
 * presque"): a bracket, or another spaced sign of an operation. */
static bool formula_shape(const pass *p, size_t eq, size_t i)
{
    for (size_t k = eq + 1; k < i; k++) {
        char c = p->s[k];
        if (c == '(' || c == ')')
            return true;
        if ((c == '+' || c == '*' || c == '/') && p->s[k - 1] == ' ' && p->s[k + 1] == ' ')
            return true;
        if (starts_with_at(p, k, "\xC3\x97")) /* × */
            return true;
    }
    return false;
}

/* The number in digits at i, its groups of three set apart by spaces
 * ("82 272"), as a value in *v; its end in *end, past a currency after
 * it ("82 272 €"). False for none, or a number with decimals. */
static bool amount_value(const pass *p, size_t i, unsigned long long *v, size_t *end)
{
    size_t d = digits_at(p->s, p->len, i), j = i + d, sp, cl;
    if (!d || d > 12 || (i > 0 && is_digit(p->s[i - 1])))
        return false;
    unsigned long long x = to_ull(p->s + i, d);
    while (d <= 3 && x < 1000000000ULL && (sp = space_len(p->s, p->len, j)) &&
           digits_at(p->s, p->len, j + sp) == 3) {
        x = x * 1000 + to_ull(p->s + j + sp, 3);
        j += sp + 3;
    }
    if (j + 1 < p->len && (p->s[j] == ',' || p->s[j] == '.') && is_digit(p->s[j + 1]))
        return false;
    sp = space_len(p->s, p->len, j);
    if (currency_at(p, j + sp, &cl))
        j += sp + cl;
    *v = x, *end = j;
    return true;
}

/* Past the spaces at i. */
static size_t skip_spaces(const pass *p, size_t i)
{
    size_t sp;
    while ((sp = space_len(p->s, p->len, i)))
        i += sp;
    return i;
}

/* The value of the longest number in digits that ends at k, in *v. */
static bool amount_ending_at(const pass *p, size_t k, unsigned long long *v)
{
    size_t e;
    for (size_t s0 = k > 30 ? k - 30 : 0; s0 < k; s0++) /* the longest number first */
        if (is_digit(p->s[s0]) && (s0 == 0 || !is_digit(p->s[s0 - 1])) &&
            amount_value(p, s0, v, &e) && e == k)
            return true;
    return false;
}

/* "soit 7 728 € (90 000 € - 82 272 €)": a difference in brackets right
 * after the amount it comes to, the minus at i. The sum says it is one:
 * "(12 € - 18 €)" is a range. */
static bool checked_difference(const pass *p, size_t i, size_t l) /* l: the sign and its space */
{
    size_t open = i;
    while (open > 0 && i - open < 40 && p->s[open - 1] != '(' && p->s[open - 1] != ')')
        open--;
    if (open < 2 || p->s[open - 1] != '(')
        return false;
    unsigned long long a, b, r;
    size_t e;
    if (!amount_value(p, skip_spaces(p, open), &a, &e) || skip_spaces(p, e) != i ||
        !amount_value(p, i + l, &b, &e) || a < b)
        return false;
    size_t k = open - 1; /* the result ends before the bracket */
    while (k > 0 && p->s[k - 1] == ' ')
        k--;
    return amount_ending_at(p, k, &r) && a - b == r;
}

/* "reste = (revenus + aides) – charges", "net = 1 200 € - 350 €",
 * "moyenne = (a + b) / 2": a spaced "-", "–" or "/" in a formula after a
 * spaced "=" is an operation, "moins", "divisé par"; eSpeak NG pauses at
 * the dash and says nothing for the slash. The formula shows itself by a
 * bracket or another sign, or by numbers on both sides of the minus.
 * Without an "=", a bracketed difference whose sum the text gives. */
/* The length of the space (" ", U+00A0, U+202F, U+2009) that ends at i. */
static size_t space_ending_at(const pass *p, size_t i)
{
    for (size_t l = 1; l <= 3 && l <= i; l++)
        if (space_len(p->s, p->len, i - l) == l)
            return l;
    return 0;
}

/* "entre - 9 % et - 10 %", "à - 0,3 %": a hyphen set apart from its
 * number where a dash would be a minus (dash_opens_number). eSpeak NG
 * pauses at a spaced hyphen and says no sign. */
size_t rule_spaced_minus(pass *p, size_t i)
{
    if (p->s[i] != '-' || i == 0 || p->s[i - 1] != ' ' || i + 2 >= p->len || p->s[i + 1] != ' ' ||
        !is_digit(p->s[i + 2]) || !dash_opens_number(p->s, p->len, i, i + 2))
        return 0;
    emit(p, i, i + 2, "moins ");
    return 2;
}

/* "364401321 - 364334188 = 67 133": a difference whose result follows
 * it after a spaced "=", the minus at i; the sum says it is one. */
static bool difference_then_result(const pass *p, size_t i, size_t l) /* l: the sign and its space */
{
    size_t k = i;
    while (k > 0 && p->s[k - 1] == ' ')
        k--;
    unsigned long long a, b, r;
    size_t e;
    if (!amount_ending_at(p, k, &a) || !amount_value(p, i + l, &b, &e) || a < b)
        return false;
    e = skip_spaces(p, e);
    if (e + 2 >= p->len || p->s[e] != '=' || p->s[e + 1] != ' ')
        return false;
    return amount_value(p, skip_spaces(p, e + 1), &r, &e) && a - b == r;
}

size_t rule_formula_sign(pass *p, size_t i)
{
    size_t l = p->s[i] == '-' || p->s[i] == '/' ? 1 : starts_with_at(p, i, "\xE2\x80\x93") ? 3 : 0;
    size_t sb = l ? space_ending_at(p, i) : 0, sa = l ? skip_spaces(p, i + l) - (i + l) : 0;
    if (!sb || !sa || i < sb + 1 || i + l + sa >= p->len)
        return 0;
    char before = p->s[i - sb - 1], after = p->s[i + l + sa];
    if (before == '(' || before == ',' || before == ':' || before == '=' ||
        !(is_word_at(p->s, p->len, i + l + sa) || after == '('))
        return 0;
    if (p->s[i] == '/' && !is_digit(after) && after != '(')
        return 0; /* "(10 € + 5 €) / mois": per a unit of time, the unit rules' */
    size_t eq = formula_equals(p, i);
    if (eq == SIZE_MAX) {
        if (p->s[i] == '/' || !is_digit(after) ||
            !(checked_difference(p, i, l + sa) || difference_then_result(p, i, l + sa)))
            return 0;
        emit(p, i, i + l, "moins");
        return l;
    }
    bool amount = is_digit(before) || before == '%' || before == '$' ||
                  (i >= sb + 3 && memcmp(p->s + i - sb - 3, "\xE2\x82\xAC", 3) == 0); /* "350 €" */
    bool numbers = is_digit(after) && amount;
    if (!numbers && !formula_shape(p, eq, i))
        return 0;
    emit(p, i, i + l, p->s[i] == '/' ? "divisé par" : "moins");
    return l;
}

/* Whether [start, e) is a French word of 3 to 20 ASCII letters in lower
 * case, the last of its compound ("/match", "/90 minutes"), not
 * "entrées/sorties" or a name's part. */
static bool plain_french_noun(const pass *p, size_t start, size_t e)
{
    size_t n = e - start;
    if (n < 3 || n > 20 || (e < p->len && (p->s[e] == '/' || p->s[e] == '-')))
        return false;
    for (size_t q = start; q < e; q++)
        if (p->s[q] < 'a' || p->s[q] > 'z')
            return false;
    return french_plain_word(p->nz->accents, p->s + start, n);
}

/* "/90 minutes", "/1000 habitants" after a counted noun: a number, then
 * a French word in lower case, the second count of a rate ("1 but/90
 * minutes": a goal every ninety minutes). */
static bool slash_then_count(const pass *p, size_t i)
{
    size_t k = i + 1;
    while (k < p->len && is_digit(p->s[k]))
        k++;
    if (k == i + 1 || k + 1 >= p->len || p->s[k] != ' ')
        return false;
    return plain_french_noun(p, k + 1, word_end(p, k + 1));
}

/* Whether the number ending at e (exclusive) is a lone 1: not 21, not 2,1. */
static bool count_of_one_ends(const pass *p, size_t e)
{
    return e >= 1 && p->s[e - 1] == '1' &&
           (e == 1 || !(is_digit(p->s[e - 2]) || p->s[e - 2] == ',' || p->s[e - 2] == '.'));
}

/* "2,5 buts/match", "12 points/course", "6 personnes / emplacement": a
 * counted noun joined by a slash (glued, or spaced on both sides) to a
 * noun in the singular that no unit table lists, or, after a count of one,
 * to a second count ("1 but/90 minutes"), the number just before the
 * first: a rate, said "par". "et/ou", "entrées/sorties" and names
 * ("Saint-Aubin/Vallon") have no number before them, and a field of a
 * listing ("France / 1961 / 120 min") another slash after it. */
static bool counted_per_noun(const pass *p, size_t i)
{
    bool spaced = i > 0 && p->s[i - 1] == ' ' && i + 2 < p->len && p->s[i + 1] == ' ';
    size_t before = spaced ? i - 1 : i, after = spaced ? i + 2 : i + 1;
    word_ref noun = prev_word(p, before);
    if (noun.end != before || noun.end - noun.start < 2 || !(p->s[noun.start] >= 'a' && p->s[noun.start] <= 'z'))
        return false;
    size_t k = noun.start;
    if (k < 2 || p->s[k - 1] != ' ' || !is_digit(p->s[k - 2]))
        return false;
    if (after < p->len && is_digit(p->s[after])) /* "3 tomes/12 volumes" is no rate */
        return !spaced && count_of_one_ends(p, k - 1) && slash_then_count(p, i);
    size_t e = word_end(p, after);
    if (e > after && (p->s[e - 1] == 's' || p->s[e - 1] == 'x'))
        return false; /* a singular */
    if (e + 1 < p->len && p->s[e] == ' ' && (is_digit(p->s[e + 1]) || (spaced && p->s[e + 1] == '/')))
        return false; /* "8 secondes/vitesse 5": a setting, not a rate */
    return plain_french_noun(p, after, e);
}

/* "@support_antoine": a handle's underscores are said ("tiret bas"), as
 * an address's are; eSpeak NG passes over them. The handle is ASCII
 * letters, digits and underscores, as the networks allow. */
static size_t handle_with_underscores(pass *p, size_t i)
{
    size_t j = i + 1;
    bool underscore = false;
    while (j < p->len && (is_ascii_alnum((unsigned char)p->s[j]) || p->s[j] == '_'))
        underscore |= p->s[j++] == '_';
    if (!underscore || is_word_at(p->s, p->len, j) || p->s[j - 1] == '_')
        return 0;
    strbuf b;
    sb_init(&b);
    sb_adds(&b, "arobase ");
    for (size_t k = i + 1; k < j; k++) {
        if (p->s[k] == '_')
            sb_adds(&b, " tiret bas ");
        else
            sb_addc(&b, p->s[k]);
    }
    return emit_built(p, i, j, &b);
}

/* Whether the word "Copyright" stands just before or after the © at i,
 * a space between. */
static bool copyright_beside(const pass *p, size_t i)
{
    static const char *const words[] = {"Copyright", "copyright", "COPYRIGHT"};
    for (size_t k = 0; k < 3; k++) {
        size_t n = strlen(words[k]);
        if ((i >= n + 1 && p->s[i - 1] == ' ' && memcmp(p->s + i - 1 - n, words[k], n) == 0) ||
            (i + 3 < p->len && p->s[i + 2] == ' ' && word_is(p, i + 3, words[k])))
            return true;
    }
    return false;
}

/* Whether a word opening on a vowel or an h starts at k ("alimentation",
 * "huile", "écran"): "plus" would take a liaison's /z/ before it. */
static bool vowel_opens(const pass *p, size_t k)
{
    if (k >= p->len)
        return false;
    unsigned char c = (unsigned char)(p->s[k] | 0x20);
    return strchr("aeiouyh", c) != NULL || ((unsigned char)p->s[k] == 0xC3 && is_letter_at(p->s, p->len, k));
}

/* Whether the sign of n bytes at i stands between two spaces. */
static bool spaced_at(const pass *p, size_t i, size_t n)
{
    return i > 0 && p->s[i - 1] == ' ' && i + n < p->len && p->s[i + n] == ' ';
}

/* Symbols said as words: "&" → et, "§" → paragraphe, "Canal+" → Canal
 * plus, "bac+5" → bac plus cinq, "@lemondefr" → arobase lemondefr,
 * "#MeToo" → hashtag MeToo. A sign before a number after a space is
 * the number rule's. */
size_t rule_symbol(pass *p, size_t i)
{
    char c = p->s[i];
    size_t ent = c == '&' ? html_entity(p, i) : 0;
    if (ent)
        return ent;
    if (c == '&') {
        emit(p, i, i + 1, i > 0 && p->s[i - 1] != ' ' ? " et " : "et");
        return 1;
    }
    if (starts_with_at(p, i, "\xC2\xB7") && i > 0 && is_digit(p->s[i - 1]) && power_of_ten_at(p, i + 2)) {
        emit(p, i, i + 2, " fois "); /* "2,5·10¹²": eSpeak NG says the dot "point" */
        return 2;
    }
    /* "PDF · Toutes les lettres": a separator (eSpeak NG says "point");
     * "1990 → 2026", "Paris ⇒ Lyon": a step (no reader says "flèche"). Set
     * apart by spaces, each is a pause. */
    size_t pause = starts_with_at(p, i, "\xC2\xB7") ? 2
                 : starts_with_at(p, i, "\xE2\x86\x92") || starts_with_at(p, i, "\xE2\x87\x92") ? 3 : 0;
    if (pause && spaced_at(p, i, pause)) {
        emit(p, i, i + pause, ",");
        return pause;
    }
    if (starts_with_at(p, i, "\xC2\xA7")) { /* "§§ 5-7": a doubled sign is a plural */
        size_t n = starts_with_at(p, i + 2, "\xC2\xA7") ? 4 : 2;
        /* "§3", "art. 5§2": a sign glued to its number or its article
         * gets the spaces a word needs */
        bool glued_before = word_ends_before(p->s, p->len, i);
        bool glued_after = is_word_at(p->s, p->len, i + n);
        char said[16];
        snprintf(said, sizeof said, "%s%s%s", glued_before ? " " : "",
                 n == 4 ? "paragraphes" : "paragraphe", glued_after ? " " : "");
        emit(p, i, i + n, said);
        return n;
    }
    if (starts_with_at(p, i, "\xC2\xA9") && copyright_beside(p, i)) {
        size_t n = i + 2 < p->len && p->s[i + 2] == ' ' ? 3 : 2; /* and its space */
        emit(p, i, i + n, ""); /* "Copyright © 2025": eSpeak NG says © "copyright" too */
        return n;
    }
    bool spaced = spaced_at(p, i, 1);
    static const char *const articles[] = {"les", "des", "aux"};
    size_t age = spaced && c == '+' ? digits_at(p->s, p->len, i + 2) : 0;
    if (c == '+' && age && age <= 2 && word_is(p, i + 3 + age, "ans") && p->s[i + 2 + age] == ' ' &&
        word_among(p, prev_word(p, i), articles, 3))
        return 0; /* "les + 65 ans": an age group (numbers.c), no addition after an article */
    bool opens = i == 0 || p->s[i - 1] == ' ' || p->s[i - 1] == '\n' || p->s[i - 1] == '(';
    if (c == '+' && opens && i + 1 < p->len && p->s[i + 1] == ' ' && word_is(p, i + 2, "de")) {
        emit(p, i, i + 4, "plus de"); /* "aux + de 18 ans": plus de, /ply/, no addition */
        return 4;
    }
    bool sum = c == '+' && spaced && i >= 2 && i + 2 < p->len &&
               (is_digit(p->s[i + 2]) || p->s[i + 2] == '(' || p->s[i + 2] == '[' || is_digit(p->s[i - 2]) ||
                p->s[i - 2] == ')' || p->s[i - 2] == ']'); /* "(1500 × ¼) + […]": a sum */
    if (spaced && c == '+' && !sum && !vowel_opens(p, i + 2)) {
        emit_as_written(p, i, i + 1, "plus"); /* "Nom + Prénom": joined things, /ply/ */
        return 1;
    }
    if (spaced && (c == '+' || c == '=' || c == '*')) { /* "0 € + 1 715 € = 1 715 €": a sum, /plys/ */
        emit(p, i, i + 1, c == '+' ? "plus" : c == '=' ? "égale" : "fois");
        return 1;
    }
    if (spaced && (c == '<' || c == '>') && i + 2 < p->len && is_digit(p->s[i + 2])) {
        /* "une charge virale < 50 copies": eSpeak NG says nothing for it */
        emit(p, i, i + 1, c == '<' ? "inférieur à" : "supérieur à");
        return 1;
    }
    /* "(< 9 mètres carrés)": a space after the sign that opens a bracket
     * or the line, where no operand stands before it */
    size_t gap = (i == 0 || p->s[i - 1] == '(') && i + 1 < p->len && p->s[i + 1] == ' ' ? 1 : 0;
    if ((c == '<' || c == '>') && (i == 0 || p->s[i - 1] == ' ' || p->s[i - 1] == '(') && i + 1 + gap < p->len &&
        is_digit(p->s[i + 1 + gap]) && counted_after(p, i + 1 + gap)) {
        /* "(<1 mètre)", "les >50 ans": the sign glued to its number in
         * prose, "moins de", "plus de" ("les plus de cinquante ans");
         * "<3" alone is a heart */
        size_t d = i + 1 + gap;
        bool one = p->s[d] == '1' && !(d + 1 < p->len && is_digit(p->s[d + 1]));
        emit(p, i, d, c == '<' ? (one ? "moins d'" : "moins de ") : (one ? "plus d'" : "plus de "));
        return 1 + gap;
    }
    if (c == '<' && heart_at(p, i, opens)) {
        emit(p, i, i + 2, "");
        return 2;
    }
    size_t cmp = comparison_sign(p, i);
    if (cmp || (cmp = approximation_glued(p, i)))
        return cmp;
    size_t pm = starts_with_at(p, i, "\xC2\xB1") ? 2 : starts_with_at(p, i, "+/-") ? 3 : 0;
    if (pm && i > 0 && p->s[i - 1] == ' ' && space_len(p->s, p->len, i + pm)) {
        emit(p, i, i + pm, "plus ou moins"); /* "25 ± 12", "366 +/- 89": ± typed */
        return pm;
    }
    if (c == '/' && between_prices(p, i)) {
        bool lead = p->s[i - 1] == ' ', trail = i + 1 < p->len && p->s[i + 1] == ' ';
        emit(p, i, i + 1, lead && trail ? "ou" : lead ? "ou " : trail ? " ou" : " ou ");
        return 1;
    }
    size_t after = i + 1 + (spaced ? 1 : 0);
    if (c == '/' && quantity_ends_at(p, spaced ? i - 1 : i) && after < p->len &&
        is_digit(p->s[after]) && !(spaced && fields_of_line(p, i))) {
        emit(p, i, i + 1, spaced ? "pour" : " pour "); /* "5 mg / 100 ml": a dose */
        return 1;
    }
    if (c == '/' && spaced && next_year_after(p, i - 1, after)) {
        emit(p, i, i + 1, "à"); /* "2014 / 2015": a season, as "2014/2015" */
        return 1;
    }
    if (c == '/' && spaced && i >= 2 && after < p->len && (is_digit(p->s[i - 2]) || p->s[i - 2] == ')') &&
        (is_digit(p->s[after]) || (p->s[after] == '(' && after + 1 < p->len && is_digit(p->s[after + 1]))) &&
        !slash_beside(p, i)) {
        emit(p, i, i + 1, "sur"); /* "(…) / 10", "12 / 20": a division, a mark */
        return 1;
    }
    if (c == '*' && i > 0 && is_digit(p->s[i - 1]) && i + 1 < p->len && is_digit(p->s[i + 1])) {
        emit(p, i, i + 1, " étoile "); /* "cerfa n°12753*02" */
        return 1;
    }
    if (c == '+' && i > 1 && p->s[i - 1] == ' ' && i + 1 < p->len && p->s[i + 1] == ')' &&
        is_letter_at(p->s, p->len, prev_char_start(p->s, i - 1))) {
        emit_as_written(p, i, i + 1, "plus"); /* "Éric Goffart (C +)": a party's name */
        return 1;
    }
    if (c == '+' && word_ends_before(p->s, p->len, i)) {
        if (i + 1 < p->len && p->s[i + 1] == '+' && !is_word_at(p->s, p->len, i + 2)) {
            emit_as_written(p, i, i + 2, " plus plus"); /* "C++", "Notepad++": a language's, a program's name */
            return 2;
        }
        if (is_word_at(p->s, p->len, i + 1)) {
            if (is_digit(p->s[i + 1]) || vowel_opens(p, i + 1))
                emit(p, i, i + 1, " plus "); /* "bac+5": a sum, /plys/; no liaison's /z/ */
            else
                emit_as_written(p, i, i + 1, " plus "); /* "entrée+plat+dessert" */
            return 1;
        }
        word_ref name = prev_word(p, i);
        if (french_word_any_case(p, p->s + name.start, name.end - name.start))
            emit_as_written(p, i, i + 1, " plus"); /* "Canal+", "La Presse+": a French name's, /ply/ */
        else
            emit(p, i, i + 1, " plus"); /* "Google+", "Disney+": said as English does, /plys/ */
        return 1;
    }
    bool starts_word = i == 0 || p->s[i - 1] == ' ' || p->s[i - 1] == '(' ||
                       after_apostrophe(p, i); /* "L’#ActeXIII" */
    if (c == '#' && starts_word && i + 1 < p->len && is_digit(p->s[i + 1])) {
        emit(p, i, i + 1, "numéro "); /* "le #1 des ventes": numéro un */
        return 1;
    }
    if (c == '@' && starts_word && is_letter_at(p->s, p->len, i + 1)) {
        size_t handled = handle_with_underscores(p, i);
        if (handled)
            return handled;
    }
    if ((c == '@' || c == '#') && starts_word && is_letter_at(p->s, p->len, i + 1)) {
        word_ref w = prev_word(p, i);
        bool said = w.end - w.start == 7 && memcmp(p->s + w.start, "hashtag", 7) == 0;
        emit(p, i, i + 1, c == '@' ? "arobase " : said ? "" : "hashtag "); /* #MeToo */
        return 1;
    }
    bool after_abbreviation = i > 1 && p->s[i - 1] == '.' &&
                              is_letter_at(p->s, p->len, prev_char_start(p->s, i - 1)); /* "hab./km²" */
    bool lead = i > 0 && p->s[i - 1] == ' ', trail = i + 1 < p->len && p->s[i + 1] == ' ';
    /* "12 euros / heure", "2 200 euros/ mois": a spaced slash after an amount */
    bool per_amount = c == '/' && (lead || trail) &&
                      (amount_word_ends_at(p, lead ? i - 1 : i) || quantity_ends_at(p, lead ? i - 1 : i));
    if (c == '/' && lead && trail && counted_per_noun(p, i)) {
        emit(p, i, i + 1, "par"); /* "6 personnes / emplacement" */
        return 1;
    }
    if (c == '/' && i > 0 && (is_letter_at(p->s, p->len, prev_char_start(p->s, i)) ||
                              after_abbreviation || (spaced && symbol_before(p, i - 1)) || per_amount)) {
        /* "habitants/km²", "€/mois" said by the money rule: "par" and the
         * unit's name. Only a unit of the table: "et/ou" stays. */
        strbuf b;
        sb_init(&b);
        sb_adds(&b, lead ? "par" : " par");
        size_t n = unit_after_number(p, i + 1, &b, 1, &(bool){false});
        if (!n || (!spaced && !per_amount && space_len(p->s, p->len, i + 1))) {
            sb_free(&b);
            if (!counted_per_noun(p, i))
                return short_words_alternative(p, i);
            emit(p, i, i + 1, " par ");
            return 1;
        }
        return emit_built(p, i, i + 1 + n, &b);
    }
    if (c == '%' && (i == 0 || !is_digit(p->s[i - 1]))) {
        emit(p, i, i + 1, "pour cent");
        return 1;
    }
    return 0;
}
