/* French cardinals and ordinals.
 *
 * The rules that trip generators up: "et" only in 21…71 (not 81, 91);
 * "quatre-vingts" and "deux cents" take -s only when they end the number
 * (and are multiplied), which still holds before millions/milliards but not
 * before mille; "mille" never varies; "un" before mille is dropped but not
 * before million. Belgian and Swiss French replace soixante-dix and
 * quatre-vingt-dix (and, in Switzerland, quatre-vingts) by single words. */
#include "numwords.h"

#include <string.h>

static const char *const units[] = {
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit",
    "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize",
    "dix-sept", "dix-huit", "dix-neuf"};
static const char *const tens[] = {"", "", "vingt", "trente", "quarante",
                                   "cinquante", "soixante"};

static const char *one(const num_style *st)
{
    return st->feminine ? "une" : "un";
}

/* 0 < v < 100. final: nothing follows (for the plural of quatre-vingts). */
static void below_100(strbuf *b, unsigned v, bool final, const num_style *st)
{
    if (v < 20) {
        sb_adds(b, v == 1 ? one(st) : units[v]);
        return;
    }
    unsigned t = v / 10, u = v % 10;
    bool belgian = st->dialect != NUM_FR;
    if (t <= 6 || (belgian && (t == 7 || t == 9)) ||
        (st->dialect == NUM_CH && t == 8)) {
        sb_adds(b, t <= 6 ? tens[t] : t == 7 ? "septante" : t == 8 ? "huitante" : "nonante");
        if (u == 1)
            sb_printf(b, " et %s", one(st));
        else if (u)
            sb_printf(b, "-%s", units[u]);
        return;
    }
    if (t == 7) { /* soixante-dix … soixante-dix-neuf */
        sb_adds(b, v == 71 ? "soixante et " : "soixante-");
        sb_adds(b, v == 71 ? "onze" : units[v - 60]);
        return;
    }
    /* 80 … 99 */
    sb_adds(b, "quatre-vingt");
    if (v == 80)
        sb_adds(b, final && !st->invariable ? "s" : "");
    else
        sb_printf(b, "-%s", v - 80 == 1 ? (st->feminine ? "une" : "un") : units[v - 80]);
}

/* 0 < v < 1000 */
static void below_1000(strbuf *b, unsigned v, bool final, const num_style *st)
{
    unsigned h = v / 100, r = v % 100;
    if (h) {
        if (h > 1)
            sb_printf(b, "%s ", units[h]);
        sb_adds(b, "cent");
        if (h > 1 && r == 0 && final && !st->invariable)
            sb_addc(b, 's');
        if (r)
            sb_addc(b, ' ');
    }
    if (r)
        below_100(b, r, final, st);
}

int num_cardinal(strbuf *out, unsigned long long v, const num_style *st)
{
    if (v == 0)
        return sb_adds(out, "zéro");
    if (v > NUM_MAX)
        return -1;
    static const struct {
        unsigned long long size;
        const char *name;
    } scales[] = {{1000000000000ULL, "billion"}, {1000000000ULL, "milliard"},
                  {1000000ULL, "million"}};
    num_style plain = *st;
    plain.feminine = false; /* un million, not une million */
    bool first = true;
    for (size_t i = 0; i < 3; i++) {
        unsigned long long n = v / scales[i].size;
        if (!n)
            continue;
        v %= scales[i].size;
        if (!first)
            sb_addc(out, ' ');
        /* "deux cents millions": the plural -s survives before a noun */
        below_1000(out, (unsigned)n, true, &plain);
        sb_printf(out, " %s%s", scales[i].name, n > 1 ? "s" : "");
        first = false;
    }
    unsigned thousands = (unsigned)(v / 1000), rest = (unsigned)(v % 1000);
    if (thousands) {
        if (!first)
            sb_addc(out, ' ');
        if (thousands > 1) {
            below_1000(out, thousands, false, &plain);
            sb_addc(out, ' ');
        }
        sb_adds(out, "mille");
        first = false;
    }
    if (rest) {
        if (!first)
            sb_addc(out, ' ');
        below_1000(out, rest, true, st);
    }
    return 0;
}

int num_ordinal(strbuf *out, unsigned long long v, bool feminine, bool plural,
                const num_style *st)
{
    if (v == 1) {
        sb_adds(out, feminine ? "première" : "premier");
        return sb_adds(out, plural ? "s" : "");
    }
    strbuf card;
    sb_init(&card);
    num_style s = *st;
    s.feminine = false;
    s.invariable = true; /* quatre-vingtième, deux centième */
    if (num_cardinal(&card, v, &s) < 0) {
        sb_free(&card);
        return -1;
    }
    char *w = card.s;
    size_t n = card.len;
    /* Drop a final mute e, and turn cinq → cinqu, neuf → neuv. */
    if (n >= 4 && strcmp(w + n - 4, "cinq") == 0)
        sb_addc(&card, 'u'), w = card.s, n = card.len;
    else if (n >= 4 && strcmp(w + n - 4, "neuf") == 0)
        w[n - 1] = 'v';
    else if (n && w[n - 1] == 'e')
        w[--n] = '\0';
    sb_add(out, w, n);
    sb_adds(out, plural ? "ièmes" : "ième");
    sb_free(&card);
    return 0;
}

int num_decimal_digits(strbuf *out, const char *digits, size_t n,
                       const num_style *st)
{
    num_style s = *st;
    s.feminine = false;
    size_t zeros = 0;
    while (zeros < n && digits[zeros] == '0') {
        sb_adds(out, zeros ? " zéro" : "zéro");
        zeros++;
    }
    if (zeros == n)
        return 0;
    if (n - zeros > 15) { /* too long to be a number: read digit by digit */
        for (size_t i = zeros; i < n; i++)
            sb_printf(out, "%s%s", i ? " " : "", units[digits[i] - '0']);
        return 0;
    }
    unsigned long long v = 0;
    for (size_t i = zeros; i < n; i++)
        v = v * 10 + (unsigned)(digits[i] - '0');
    if (zeros)
        sb_addc(out, ' ');
    return num_cardinal(out, v, &s);
}
