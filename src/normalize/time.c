/* Times and dates: "01h58", "9 h 30", "18:30", "24h/24", "17/11/2024",
 * "2024-11-18", "14-Juillet". Hours are feminine (une heure, vingt et une
 * heures); minutes are said as a plain number after them. */
#include "normalize.h"

#include <ctype.h>
#include <string.h>

/* "h" after the hour, directly or after a space; returns bytes to skip. */
static size_t hour_mark(const pass *p, size_t j)
{
    size_t sp = space_len(p->s, p->len, j);
    if (j + sp < p->len && (p->s[j + sp] == 'h' || p->s[j + sp] == 'H'))
        return sp + 1;
    return 0;
}

/* A count of a feminine unit: "une heure", "vingt et une secondes". */
static void say_unit(const pass *p, strbuf *b, unsigned long long v, const char *unit)
{
    num_style fem = style(p, true, false);
    num_cardinal(b, v, &fem);
    sb_printf(b, " %s%s", unit, v > 1 ? "s" : "");
}

/* "2 h 05 min 12 s": after a time, "min" names the minutes; so does a
 * lone "m" ("2h 30m", "42j 16h 40m"), which after hours is no metre
 * ("m/s" and "m²" are another unit). */
static size_t minutes_mark(const pass *p, size_t j)
{
    size_t sp = space_len(p->s, p->len, j), k = j + sp;
    if (word_is(p, k, "min"))
        return sp + 3;
    if (word_is(p, k, "m") && (k + 1 >= p->len || (p->s[k + 1] != '/' && (unsigned char)p->s[k + 1] != 0xC2)))
        return sp + 1;
    return word_is(p, k, "mn") ? sp + 2 : 0;
}

/* A dash between two times ("9h-12h", "14 h – 18 h", "10:00-12:30"):
 * the bytes up to the second time, 0 when there is none. */
static size_t time_range_dash(const pass *p, size_t j)
{
    size_t dash = range_dash_between(p, j);
    if (!dash)
        return 0;
    size_t k = j + dash;
    size_t d = digits_at(p->s, p->len, k);
    if (d < 1 || d > 2 || !(hour_mark(p, k + d) || (k + d < p->len && p->s[k + d] == ':')))
        return 0;
    return k - j;
}

/* The minutes of the day of the time written at k ("13h30", "9 h",
 * "12:00"), or -1 when none is there. */
static long time_value(const pass *p, size_t k)
{
    size_t d = digits_at(p->s, p->len, k);
    if (d < 1 || d > 2)
        return -1;
    size_t j = k + d, mark = hour_mark(p, j);
    bool colon = j < p->len && p->s[j] == ':';
    if (!mark && !colon)
        return -1;
    j += colon ? 1 : mark + space_len(p->s, p->len, j + mark);
    size_t md = digits_at(p->s, p->len, j);
    long h = (long)to_ull(p->s + k, d), m = md == 2 ? (long)to_ull(p->s + j, 2) : 0;
    return (colon && md != 2) || h > 24 || m > 59 ? -1 : h * 60 + m;
}

/* "8h/12h", "13h30 / 17h45": a slash between two times, the second
 * later, is a span (de huit heures à douze heures), as opening hours
 * write it; "24h/24h" (the same time twice) is none. The bytes up to the
 * second time, 0 when there is none. */
static size_t time_range_slash(const pass *p, size_t i, size_t j)
{
    size_t k = j + space_len(p->s, p->len, j);
    if (k >= p->len || p->s[k] != '/')
        return 0;
    k++;
    k += space_len(p->s, p->len, k);
    long from = time_value(p, i), to = time_value(p, k);
    return from >= 0 && to > from ? k - j : 0;
}

/* The start of a time that ends at e ("12h", "12h30", "9 h 30", "12:00"),
 * SIZE_MAX when none does. */
static size_t time_start_before(const pass *p, size_t e)
{
    size_t k = e, d = 0;
    while (k > 0 && d < 2 && is_digit(p->s[k - 1]))
        k--, d++;
    if (d == 1)
        return SIZE_MAX; /* "8": a number, no time */
    while (k > 0 && p->s[k - 1] == ' ')
        k--;
    if (k == 0 || !(p->s[k - 1] == 'h' || p->s[k - 1] == 'H' || (d == 2 && p->s[k - 1] == ':')))
        return SIZE_MAX;
    bool colon = p->s[k - 1] == ':';
    k--;
    while (k > 0 && p->s[k - 1] == ' ' && !colon)
        k--; /* "9 h", "8 h 30" */
    size_t hd = 0;
    while (k > 0 && hd < 2 && is_digit(p->s[k - 1]))
        k--, hd++;
    return hd ? k : SIZE_MAX;
}

/* The end of what comes before the joiner ("-", "–", "/", "à") that ends
 * just before i, spaces aside; SIZE_MAX when none does. */
static size_t joiner_before(const pass *p, size_t i)
{
    size_t k = i;
    while (k > 0 && p->s[k - 1] == ' ')
        k--;
    if (k >= 1 && (p->s[k - 1] == '/' || p->s[k - 1] == '-'))
        k--;
    else if (k >= 3 && memcmp(p->s + k - 3, "\xE2\x80\x93", 3) == 0)
        k -= 3;
    else if (k >= 2 && memcmp(p->s + k - 2, "\xC3\xA0", 2) == 0) /* à */
        k -= 2;
    else
        return SIZE_MAX;
    while (k > 0 && p->s[k - 1] == ' ')
        k--;
    return k;
}

/* The times before the one at i in its chain of times joined by dashes,
 * slashes or "à" ("8h à 12h - 13h30 à 17h"), at most 16; where the
 * chain's first starts in *first. */
static size_t times_before(const pass *p, size_t i, size_t *first)
{
    size_t k = i, before = 0, e;
    *first = i;
    while (before < 16 && (e = joiner_before(p, k)) != SIZE_MAX && (k = time_start_before(p, e)) != SIZE_MAX)
        before++, *first = k;
    return before;
}

/* Whether the time at i ends a span already: it is the second, fourth…
 * of a chain of times ("8h à 12h - 13h30 à 17h", "8h/12h - 13h30/17h",
 * "10h - 12h30 / 14h - 18h"); a joiner after it then parts two spans, it
 * does not open a third. */
static bool ends_time_span(const pass *p, size_t i)
{
    size_t first;
    return times_before(p, i, &first) % 2 == 1;
}

/* Whether the chain of times the time at i is in opens its line: a
 * schedule's line, "14h - 16h : atelier", "10h-12h / 14h-18h : accueil". */
static bool chain_opens_line(const pass *p, size_t i)
{
    size_t first;
    times_before(p, i, &first);
    return first == 0 || p->s[first - 1] == '\n';
}

/* "à 20.45", "vers 14.30", "dès 8.00": a time written with a dot, as TV
 * listings and notices do, after a word that announces a time. A decimal
 * there has a comma in French, and an amount or a measure after it
 * ("à 14.30 €") keeps it a number. */
static bool dotted_time(const pass *p, size_t i, size_t j)
{
    static const char *const before[] = {"\xC3\xA0", "vers", "d\xC3\xA8s"};
    return j + 3 <= p->len && p->s[j] == '.' && digits_at(p->s, p->len, j + 1) == 2 &&
           word_among(p, prev_word(p, i), before, 3) && !is_word_at(p->s, p->len, j + 3) &&
           !(j + 4 < p->len && p->s[j + 3] == '.' && is_digit(p->s[j + 4])) &&
           !measure_follows(p, j + 3);
}

size_t rule_time(pass *p, size_t i)
{
    size_t hd = digits_at(p->s, p->len, i);
    if (hd < 1 || hd > 2)
        return 0;
    size_t j = i + hd, mark = hour_mark(p, j);
    bool colon = j + 3 <= p->len && (p->s[j] == ':' || dotted_time(p, i, j)) &&
                 digits_at(p->s, p->len, j + 1) == 2;
    if (!colon && !mark)
        return 0;
    j += colon ? 1 : mark;
    size_t sp2 = colon ? 0 : space_len(p->s, p->len, j);
    size_t md = digits_at(p->s, p->len, j + sp2);
    if (md == 2)
        j += sp2 + 2;
    else if (md)
        return 0;
    unsigned m = md == 2 ? (unsigned)to_ull(p->s + j - 2, 2) : 0;
    size_t secs = 0; /* "18:45:00": seconds after the minutes */
    if (colon && md == 2 && j + 3 <= p->len && p->s[j] == ':' &&
        digits_at(p->s, p->len, j + 1) == 2) {
        secs = (size_t)to_ull(p->s + j + 1, 2);
        if (secs > 59)
            return 0;
        j += 3;
        secs += 1; /* 0: none written */
    }
    bool glued_min = md == 2 && !colon && minutes_mark(p, j) && !space_len(p->s, p->len, j); /* "3h45min" */
    if ((is_word_at(p->s, p->len, j) && !glued_min) || (colon && j < p->len && p->s[j] == ':'))
        return 0; /* "12h30x", "10:20:30:40" */
    unsigned h = (unsigned)to_ull(p->s + i, hd);
    if (h > 24 || m > 59)
        return 0;
    strbuf b;
    sb_init(&b);
    say_unit(p, &b, h, "heure");
    if (m) {
        size_t mm = minutes_mark(p, j); /* "une minute", but "une heure un" */
        num_style st = style(p, mm > 0 || secs > 1, false);
        sb_addc(&b, ' ');
        num_cardinal(&b, m, &st);
        if (secs > 1)
            sb_adds(&b, m > 1 ? " minutes" : " minute");
        else if (mm) {
            sb_adds(&b, m > 1 ? " minutes" : " minute");
            j += mm;
        }
    }
    if (secs > 1) { /* ":00" is not said */
        sb_adds(&b, m ? " et " : " ");
        say_unit(p, &b, secs - 1, "seconde");
    }
    size_t to = time_range_dash(p, j), slash = to ? 0 : time_range_slash(p, i, j);
    if ((to || slash) && ends_time_span(p, i))
        sb_adds(&b, ", "); /* "8h à 12h - 14h à 17h", "10h-12h / 14h-18h": two spans */
    else if (to || slash) /* "9h-12h": de neuf heures à douze heures; entre … et … */
        sb_adds(&b, after_between(p, i) ? " et " : " à ");
    if ((to || slash) && !ends_time_span(p, i) && chain_opens_line(p, i)) /* nothing says "de" */
        emit(p, i, i, i == 0 || p->s[i - 1] == '\n' ? "De " : "et de ");
    j += to + slash;
    return emit_built(p, i, j, &b);
}

/* The digits after a chronometer's seconds ("9''58", "1:23.456"): said
 * as a number, each leading zero as "zéro" ("2:00.031": zéro trente et
 * un), the way a sports commentator reads them. */
static void say_fraction_digits(const pass *p, strbuf *b, const char *d, size_t n)
{
    num_style st = style(p, false, false);
    size_t k = 0;
    while (k + 1 < n && d[k] == '0') {
        sb_adds(b, " z\xC3\xA9ro");
        k++;
    }
    sb_addc(b, ' ');
    num_cardinal(b, to_ull(d + k, n - k), &st);
}

/* A minutes mark (', ’ or ′) or a seconds mark ('', ’’, ″ or ") at j:
 * its length. */
static size_t chrono_mark(const pass *p, size_t j, bool seconds)
{
    if (seconds) {
        if (starts_with_at(p, j, "''"))
            return 2;
        if (starts_with_at(p, j, "\xE2\x80\x99\xE2\x80\x99"))
            return 6;
        if (starts_with_at(p, j, "\xE2\x80\xB3"))
            return 3;
        return j < p->len && p->s[j] == '"' ? 1 : 0;
    }
    if (starts_with_at(p, j, "\xE2\x80\xB2"))
        return 3;
    if (starts_with_at(p, j, "\xE2\x80\x99")) /* "3’45": a typographic minute mark */
        return starts_with_at(p, j + 3, "\xE2\x80\x99") ? 0 : 3;
    return j < p->len && p->s[j] == '\'' && !starts_with_at(p, j, "''") ? 1 : 0;
}

/* The length of the joiner of a list of minutes ending at k: ", " or
 * " et "; 0 when none. */
static size_t minute_joiner_before(const pass *p, size_t k)
{
    if (k >= 2 && p->s[k - 1] == ' ' && p->s[k - 2] == ',')
        return 2;
    return k >= 4 && memcmp(p->s + k - 4, " et ", 4) == 0 ? 4 : 0;
}

/* Whether a bracketed list of minutes opens before i: "(", or minutes
 * back to one: "(12', 38' et 71')". */
static bool minute_list_opens(const pass *p, size_t i)
{
    for (int items = 0; items < 12; items++) {
        if (i > 0 && p->s[i - 1] == '(')
            return true;
        size_t k = i - minute_joiner_before(p, i), mark = 0;
        if (k == i || k < 2)
            return false;
        mark = p->s[k - 1] == '\'' ? 1 : k >= 4 && starts_with_at(p, k - 3, "\xE2\x80\x99") ? 3 : 0;
        if (!mark || !is_digit(p->s[k - mark - 1]))
            return false;
        i = k - mark;
        while (i > 0 && is_digit(p->s[i - 1]))
            i--;
    }
    return false;
}

/* Whether the list goes on at j with another minute, or closes: ")". */
static bool minute_list_goes_on(const pass *p, size_t j)
{
    if (j < p->len && p->s[j] == ')')
        return true;
    size_t k = starts_with_at(p, j, ", ") ? j + 2 : starts_with_at(p, j, " et ") ? j + 4 : 0;
    size_t d = k ? digits_at(p->s, p->len, k) : 0;
    return d && chrono_mark(p, k + d, false);
}

/* "à la 78'", "(67')", "(12', 38')", "dès la 5e'": the minute of a match,
 * a number with a minutes mark and nothing after it, after "la" or in a
 * bracketed list, is said as the ordinal minute ("la soixante-dix-huitième
 * minute"). */
/* "4'-17'", "12’–38’": a span of a match's minutes, de la quatrième à la
 * dix-septième minute; the dash is no minus. Its length from i, 0 when
 * none. */
static size_t minute_span(pass *p, size_t i, size_t j, size_t mark)
{
    size_t k = j + mark, dash = p->s[k] == '-' ? 1 : starts_with_at(p, k, "\xE2\x80\x93") ? 3 : 0;
    size_t d2 = dash ? digits_at(p->s, p->len, k + dash) : 0, e = k + dash + d2;
    size_t mark2 = d2 && d2 <= 3 ? chrono_mark(p, e, false) : 0;
    unsigned long long a = to_ull(p->s + i, j - i), b = d2 ? to_ull(p->s + k + dash, d2) : 0;
    if (!mark2 || a == 0 || b <= a || b > 130 || digits_at(p->s, p->len, e + mark2) ||
        is_word_at(p->s, p->len, e + mark2))
        return 0;
    strbuf sb;
    sb_init(&sb);
    num_style st = style(p, true, false);
    sb_adds(&sb, "de la ");
    num_ordinal(&sb, a, true, false, &st);
    sb_adds(&sb, " \xC3\xA0 la ");
    num_ordinal(&sb, b, true, false, &st);
    sb_adds(&sb, " minute");
    return emit_built(p, i, e + mark2, &sb);
}

static size_t match_minute(pass *p, size_t i, size_t d1)
{
    size_t j = i + d1, mark = chrono_mark(p, j, false);
    unsigned long long v = to_ull(p->s + i, d1);
    size_t span = mark && j + mark < p->len ? minute_span(p, i, j, mark) : 0;
    if (span)
        return span;
    if (!mark || v == 0 || v > 130 || digits_at(p->s, p->len, j + mark) ||
        is_word_at(p->s, p->len, j + mark) || chrono_mark(p, j + mark, false))
        return 0;
    word_ref before = prev_word(p, i);
    bool la = before.end + 1 == i && p->s[before.end] == ' ' && word_is(p, before.start, "la") &&
              before.end - before.start == 2;
    bool bracketed = minute_list_opens(p, i) && minute_list_goes_on(p, j + mark);
    /* "en 90'", "pendant 20'", "sous les 14'": a length of time,
     * "quatre-vingt-dix minutes" */
    static const char *const during[] = {"en", "pendant", "durant", "après", "les", "des"};
    bool length = !la && !bracketed && before.end + 1 == i && p->s[before.end] == ' ' &&
                  word_among(p, before, during, 6);
    if (!la && !bracketed && !length)
        return 0;
    strbuf b;
    sb_init(&b);
    num_style st = style(p, true, false);
    if (length) {
        num_cardinal(&b, v, &st);
        sb_adds(&b, v > 1 ? " minutes" : " minute");
    } else {
        num_ordinal(&b, v, true, false, &st);
        sb_adds(&b, " minute");
    }
    return emit_built(p, i, j + mark, &b);
}

/* "(5-4 tab)", "4 à 3 tab": a shoot-out after a drawn match, "aux tirs
 * au but", said only right after a score; "tab. 1" is a table, "la
 * touche tab" a key. */
size_t rule_shootout(pass *p, size_t i)
{
    if (i < 5 || !word_is(p, i, "tab") || p->s[i - 1] != ' ' || !is_digit(p->s[i - 2]))
        return 0;
    size_t k = i - 2;
    while (k > 0 && is_digit(p->s[k - 1]))
        k--;
    bool dash = k >= 2 && p->s[k - 1] == '-' && is_digit(p->s[k - 2]);
    bool a = k >= 5 && memcmp(p->s + k - 4, " \xC3\xA0 ", 4) == 0 && is_digit(p->s[k - 5]);
    if (!dash && !a)
        return 0;
    emit(p, i, i + 3, "aux tirs au but");
    return 3;
}

/* Race times. "1:23.456" (minutes, seconds and their fraction: a clock
 * time has no fraction), "2'30", "1'23''456", "9''58", "9"58": une minute
 * vingt-trois secondes quatre cent cinquante-six, deux minutes trente,
 * neuf secondes cinquante-huit. Seconds are two digits, so "1'000" (Swiss
 * thousands) is not one; a mark must have digits after it or end the
 * time, so a quotation that opens after a number is not one either. */
static size_t chrono_from(pass *p, size_t i, size_t at, unsigned long long hours);

size_t rule_chrono(pass *p, size_t i)
{
    size_t d1 = digits_at(p->s, p->len, i), j = i + d1;
    if (d1 < 1 || d1 > 3)
        return 0;
    /* "2h01'09\"", "5 h 08' 47''": a race's time with hours, then minutes
     * and seconds as "1'09\"" is said */
    size_t h = j + space_len(p->s, p->len, j), m = h + 1 + space_len(p->s, p->len, h + 1);
    if (d1 <= 2 && h < p->len && p->s[h] == 'h' && digits_at(p->s, p->len, m) == 2 &&
        chrono_mark(p, m + 2, false))
        return chrono_from(p, i, m, to_ull(p->s + i, d1) + 1);
    size_t minute = match_minute(p, i, d1);
    if (minute || d1 > 2)
        return minute;
    return chrono_from(p, i, i, 0);
}

/* The race time whose minutes or seconds start at at, after hours - 1
 * hours when hours is not 0, emitted for [i, end): its length from i, 0
 * when there is none. */
static size_t chrono_from(pass *p, size_t i, size_t at, unsigned long long hours)
{
    size_t d1 = digits_at(p->s, p->len, at), j = at + d1, mark;
    unsigned long long first = to_ull(p->s + at, d1), minutes = 0, secs;
    bool closed = false; /* the seconds' mark ends the time: "3'45''" */
    bool colon = j + 3 < p->len && p->s[j] == ':' && digits_at(p->s, p->len, j + 1) == 2 &&
                 (p->s[j + 3] == '.' || p->s[j + 3] == ',');
    if (colon) { /* "1:23.456" */
        minutes = first + 1;
        secs = to_ull(p->s + j + 1, 2);
        j += 4;
    } else if ((mark = chrono_mark(p, j, false)) &&
               (digits_at(p->s, p->len, j + mark) == 2 ||
                (hours && j + mark < p->len && p->s[j + mark] == ' ' &&
                 digits_at(p->s, p->len, j + mark + 1) == 2 &&
                 chrono_mark(p, j + mark + 3, true)))) {
        minutes = first + 1; /* "2'30", "1'23''456", "5 h 08' 47''" */
        j += mark + (p->s[j + mark] == ' ');
        secs = to_ull(p->s + j, 2);
        j += 2;
        mark = chrono_mark(p, j, true);
        /* "1'23''456": the fraction follows; "3'45''": the mark ends it */
        closed = mark && !digits_at(p->s, p->len, j + mark) && !is_word_at(p->s, p->len, j + mark);
        j += mark && (closed || digits_at(p->s, p->len, j + mark) >= 1) ? mark : 0;
    } else if ((mark = chrono_mark(p, j, true)) && digits_at(p->s, p->len, j + mark) >= 1) {
        secs = first; /* "9''58" */
        j += mark;
    } else {
        return 0;
    }
    size_t fd = digits_at(p->s, p->len, j);
    if (secs > 59 || (minutes && !colon && !closed && fd == 0 && p->s[j - 1] != '\'' &&
                      !isdigit((unsigned char)p->s[j - 1])))
        return 0;
    if ((colon && (fd < 1 || fd > 3)) || fd > 3 || is_word_at(p->s, p->len, j + fd))
        return 0;
    strbuf b;
    sb_init(&b);
    if (hours) {
        say_unit(p, &b, hours - 1, "heure");
        sb_addc(&b, ' ');
    }
    if (minutes) {
        say_unit(p, &b, minutes - 1, "minute");
        sb_addc(&b, ' ');
    }
    if (minutes && !colon && !fd && !starts_with_at(p, j - 1, "'")) {
        num_style fem = style(p, true, false); /* "2'30": deux minutes trente */
        num_cardinal(&b, secs, &fem);
    } else {
        say_unit(p, &b, secs, "seconde");
    }
    if (fd)
        say_fraction_digits(p, &b, p->s + j, fd);
    return emit_built(p, i, j + fd, &b);
}

/* The bytes of a pace's "/km" at j ("/km", " / km"), 0 when none. */
static size_t per_kilometre(const pass *p, size_t j)
{
    size_t k = j + space_len(p->s, p->len, j);
    if (k >= p->len || p->s[k] != '/')
        return 0;
    k += 1 + space_len(p->s, p->len, k + 1);
    return word_is(p, k, "km") ? k + 2 - j : 0;
}

/* A runner's pace: "4:15/km", "5'30/km", "5min30/km", "5:30 min/km",
 * quatre minutes quinze au kilomètre; "4'/km", quatre minutes au
 * kilomètre. Before "/km" a colon's time is no
 * hour of the day ("quatre heures quinze"), and a runner says the
 * kilometre with "au", not "par". */
size_t rule_pace(pass *p, size_t i)
{
    size_t d = digits_at(p->s, p->len, i), j = i + d, mark = 0;
    if (d < 1 || d > 2)
        return 0;
    if (j < p->len && p->s[j] == ':')
        mark = 1;
    else if (starts_with_at(p, j, "min"))
        mark = 3;
    else
        mark = chrono_mark(p, j, false);
    size_t sd = mark ? digits_at(p->s, p->len, j + mark) : 0;
    if (!mark || (sd != 2 && (sd || p->s[j] == ':')))
        return 0; /* "4'/km", "5min/km": whole minutes */
    unsigned long long secs = sd ? to_ull(p->s + j + mark, 2) : 0, mins = to_ull(p->s + i, d);
    size_t e = j + mark + sd;
    e += sd ? chrono_mark(p, e, true) : 0;
    if (p->s[j] == ':' && word_is(p, e + space_len(p->s, p->len, e), "min"))
        e += space_len(p->s, p->len, e) + 3; /* "5:30 min/km" */
    size_t km = per_kilometre(p, e);
    if (!km || secs > 59)
        return 0;
    strbuf b;
    sb_init(&b);
    say_unit(p, &b, mins, "minute");
    if (secs) {
        num_style fem = style(p, true, false);
        sb_addc(&b, ' ');
        num_cardinal(&b, secs, &fem);
    }
    sb_adds(&b, " au kilom\xC3\xA8tre");
    return emit_built(p, i, e + km, &b);
}

static bool is_weekday(const char *s, size_t n);

/* "ouvert 7/7", "24/24", "24/7": service round the clock written without
 * its units, or with one at the end ("24/24h", "7/7 j"), said as "7j/7"
 * and "24h/24" are ("24/7": vingt-quatre heures sur vingt-quatre, sept
 * jours sur sept). After "le", "du", "au" or a weekday, "7/7" is the 7th
 * of July; after "de", "un", "une" a mark. */
static size_t round_the_clock(pass *p, size_t i)
{
    static const char *const forms[] = {"7/7", "24/24", "24/7"};
    static const char *const said[] = {"sept jours sur sept", "vingt-quatre heures sur vingt-quatre",
                                       "vingt-quatre heures sur vingt-quatre, sept jours sur sept"};
    static const char *const dates[] = {"le", "Le", "du", "Du", "au", "Au", "de", "un", "une"};
    word_ref w = prev_word(p, i);
    if (word_among(p, w, dates, 9) || is_weekday(p->s + w.start, w.end - w.start))
        return 0; /* a date; "un score de 7/7", "un 7/7": a mark */
    for (size_t k = 0; k < 3; k++) {
        size_t n = strlen(forms[k]);
        /* "24/24h", "7/7j": the unit written once, at the end */
        size_t u = k < 2 ? i + n + space_len(p->s, p->len, i + n) : p->len;
        if (u < p->len && starts_with_at(p, i, forms[k]) &&
            tolower((unsigned char)p->s[u]) == "jh"[k] && !is_word_at(p->s, p->len, u + 1))
            n = u + 1 - i;
        if (starts_with_at(p, i, forms[k]) && !is_word_at(p->s, p->len, i + n) &&
            !(i + n < p->len && p->s[i + n] == '/')) {
            emit(p, i, i + n, said[k]);
            return n;
        }
    }
    return 0;
}

/* "24h/24" → vingt-quatre heures sur vingt-quatre, "7j/7" → sept jours sur
 * sept; the unit may be written twice, after the same number ("24h/24h",
 * "7j/7j"), or after a space ("7 j/7", "24 h / 24"). */
size_t rule_per(pass *p, size_t i)
{
    size_t a = digits_at(p->s, p->len, i);
    if (a >= 1 && a <= 2 && i + a < p->len && p->s[i + a] == '/')
        return round_the_clock(p, i);
    size_t sp = i + a < p->len && p->s[i + a] == ' ' ? 1 : 0; /* "7 j/7", "24 h/24" */
    if (a < 1 || a > 2 || i + a + sp + 2 >= p->len)
        return 0;
    char unit = (char)tolower((unsigned char)p->s[i + a + sp]); /* "24H/24", "7J/7" */
    size_t slash = i + a + sp + 1, around = 0; /* "24 h / 24": spaces around the slash */
    if (slash + 3 < p->len && p->s[slash] == ' ' && p->s[slash + 1] == '/' && p->s[slash + 2] == ' ')
        slash++, around = 1;
    if ((unit != 'h' && unit != 'j') || p->s[slash] != '/')
        return 0;
    size_t k = slash + 1 + around, d = digits_at(p->s, p->len, k), e = k + d;
    if (d < 1 || d > 2 || ((sp || around) && to_ull(p->s + k, d) != (unit == 'h' ? 24u : 7u)) ||
        (around && to_ull(p->s + i, a) != to_ull(p->s + k, d)))
        return 0; /* spaced, only the round clock: "5 h/jour" is a rate of the unit rules */
    if (e < p->len && tolower((unsigned char)p->s[e]) == unit && to_ull(p->s + k, d) == to_ull(p->s + i, a))
        e++; /* not "9h/12h", a span */
    if (is_word_at(p->s, p->len, e))
        return 0;
    unsigned n = (unsigned)to_ull(p->s + i, a);
    strbuf b;
    sb_init(&b);
    num_style st = style(p, unit == 'h', false);
    num_cardinal(&b, n, &st);
    if (unit == 'h')
        sb_adds(&b, n > 1 ? " heures sur " : " heure sur ");
    else
        sb_adds(&b, n > 1 ? " jours sur " : " jour sur ");
    num_cardinal(&b, to_ull(p->s + k, d), &st);
    return emit_built(p, i, e, &b);
}

static void say_date(const pass *p, strbuf *b, unsigned day, unsigned mon,
                     unsigned year, bool with_year)
{
    num_style st = style(p, false, false), yr = style(p, false, true);
    if (day == 1)
        sb_adds(b, "premier");
    else
        num_cardinal(b, day, &st);
    sb_printf(b, " %s", french_month(mon));
    if (with_year) {
        sb_addc(b, ' ');
        num_cardinal(b, year, &yr);
    }
}

static bool valid_day_month(unsigned day, unsigned mon)
{
    return day >= 1 && day <= 31 && mon >= 1 && mon <= 12;
}

static bool after_date_word(const pass *p, size_t i);

/* "17/11/2024", "17.11.2024", "17-11-2024", "17/11/24" → dix-sept
 * novembre deux mille vingt-quatre. */
size_t rule_numeric_date(pass *p, size_t i)
{
    size_t d = digits_at(p->s, p->len, i);
    if (d < 1 || d > 2 || i + d >= p->len ||
        (p->s[i + d] != '/' && p->s[i + d] != '.' && p->s[i + d] != '-'))
        return 0;
    char sep = p->s[i + d];
    size_t j = i + d + 1, m = digits_at(p->s, p->len, j);
    if (m < 1 || m > 2 || j + m >= p->len || p->s[j + m] != sep)
        return 0;
    size_t k = j + m + 1, y = digits_at(p->s, p->len, k);
    if ((y != 4 && y != 2) || (sep == '-' && y != 4)) /* "01-02-2020"; "3-5-12" is a score */
        return 0;
    unsigned day = (unsigned)to_ull(p->s + i, d), mon = (unsigned)to_ull(p->s + j, m);
    unsigned year = (unsigned)to_ull(p->s + k, y);
    if (!valid_day_month(day, mon) || is_word_at(p->s, p->len, k + y))
        return 0;
    /* "3.1.10", "2.3.11": small numbers with dots and a two-digit end are
     * a section of a text as often as a date; a date is "03.01.10", or
     * follows a word that says one comes ("le 3.1.10") */
    if (sep == '.' && y == 2 && (d == 1 || m == 1) && !after_date_word(p, i))
        return 0;
    /* "vim 8.1.1467", "glibc 2.11.2019.1": a version's numbers; dates
     * written with dots are of our times */
    bool versioned = k + y + 1 < p->len && p->s[k + y] == '.' && is_digit(p->s[k + y + 1]);
    if (sep == '.' && y == 4 &&
        (versioned || ((year < 1900 || year > 2099) && (d == 1 || m == 1) && !after_date_word(p, i))))
        return 0;
    if (y == 2)
        year += year < 50 ? 2000 : 1900;
    strbuf b;
    sb_init(&b);
    say_date(p, &b, day, mon, year, true);
    return emit_built(p, i, k + y, &b);
}

/* "2024-11-18" (ISO 8601), and the year first with slashes or dots
 * ("2025/09/08", "2025/9/8", "2025.09.08"), the way a form or a camera
 * dates. With a slash or a dot, the year is of 1900 to 2099 and nothing
 * but spaces stands around, so that a path ("/2025/09/08/") or a
 * version ("2023.10.1.4") stays as written; a dot wants two-digit
 * fields. */
size_t rule_iso_date(pass *p, size_t i)
{
    if (digits_at(p->s, p->len, i) != 4 || i + 8 > p->len)
        return 0;
    char sep = p->s[i + 4];
    size_t m = digits_at(p->s, p->len, i + 5), d, k = i + 5 + m;
    if ((sep != '-' && sep != '/' && sep != '.') || m < 1 || m > 2 || k + 1 >= p->len || p->s[k] != sep)
        return 0;
    d = digits_at(p->s, p->len, k + 1);
    size_t e = k + 1 + d;
    unsigned year = (unsigned)to_ull(p->s + i, 4);
    bool two = m == 2 && d == 2;
    if (d < 1 || d > 2 || is_word_at(p->s, p->len, e) || (sep != '/' && !two))
        return 0;
    if (sep != '-' && (year < 1900 || year > 2099 || (i > 0 && p->s[i - 1] != ' ' && p->s[i - 1] != '(') ||
                       (e + 1 < p->len && (p->s[e] == sep || p->s[e] == '/') && isdigit((unsigned char)p->s[e + 1]))))
        return 0;
    unsigned mon = (unsigned)to_ull(p->s + i + 5, m), day = (unsigned)to_ull(p->s + k + 1, d);
    if (!valid_day_month(day, mon))
        return 0;
    strbuf b;
    sb_init(&b);
    say_date(p, &b, day, mon, year, true);
    return emit_built(p, i, e, &b);
}

/* "14-Juillet", "8-Mai", "11-Septembre": a day joined to its month names
 * the event; it is said as the date. */
size_t rule_day_month(pass *p, size_t i)
{
    size_t d = digits_at(p->s, p->len, i);
    if (d < 1 || d > 2 || i + d + 1 >= p->len || p->s[i + d] != '-')
        return 0;
    size_t w = i + d + 1, e = word_end(p, w);
    for (unsigned mon = 1; mon <= 12; mon++) {
        const char *name = french_month(mon);
        size_t l = strlen(name);
        if (e - w != l || strncmp(p->s + w + 1, name + 1, l - 1) != 0 ||
            (p->s[w] != name[0] && p->s[w] != name[0] - 32))
            continue;
        unsigned day = (unsigned)to_ull(p->s + i, d);
        if (!valid_day_month(day, mon))
            return 0;
        strbuf b;
        sb_init(&b);
        say_date(p, &b, day, mon, 0, false);
        return emit_built(p, i, e, &b);
    }
    return 0;
}

/* Whether [s, s + n) is a weekday's name, its first letter in either
 * case ("jeudi", "Jeudi"). */
static bool is_weekday(const char *s, size_t n)
{
    static const char *const days[] = {"lundi", "mardi", "mercredi", "jeudi",
                                       "vendredi", "samedi", "dimanche"};
    for (size_t k = 0; k < sizeof days / sizeof *days; k++)
        if (n == strlen(days[k]) && tolower((unsigned char)s[0]) == days[k][0] &&
            memcmp(s + 1, days[k] + 1, n - 1) == 0)
            return true;
    return false;
}

static const char *weekday_abbreviation(const pass *p, size_t i, size_t *end);

static bool after_date_word(const pass *p, size_t i)
{
    static const char *const words[] = {"le", "Le", "du", "au", "dès", "depuis", "avant",
                                        "après", "entre", "et", "jusqu"};
    size_t end;
    if (i >= 5 && p->s[i - 1] == ' ' && p->s[i - 2] == '.' &&
        weekday_abbreviation(p, i - 5, &end) && end == i - 1)
        return true; /* "le lun. 3/03" */
    word_ref w = prev_word(p, i);
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (w.end - w.start == strlen(words[k]) &&
            memcmp(p->s + w.start, words[k], w.end - w.start) == 0)
            return true;
    return is_weekday(p->s + w.start, w.end - w.start);
}

/* Whether a weekday's name ("jeudi", "Jeudi") stands just before i. */
static bool after_weekday(const pass *p, size_t i)
{
    word_ref w = prev_word(p, i);
    return w.end + 1 == i && p->s[w.end] == ' ' && is_weekday(p->s + w.start, w.end - w.start);
}

/* Whether "le", "Le", "du" or "au" stands just before i, and no
 * currency after the number that starts there ("le 12.50 €"). */
static bool after_day_article(const pass *p, size_t i)
{
    static const char *const articles[] = {"le", "du", "au"};
    word_ref w = prev_word(p, i);
    size_t e = i + 5, cl;
    return w.end + 1 == i && p->s[w.end] == ' ' && word_among(p, w, articles, 3) &&
           !currency_at(p, e + space_len(p->s, p->len, e), &cl);
}

/* The day and month written d/m (one or two digits each, no third part)
 * that spans [k, *end), 0 if none there. */
static bool day_slash_month_at(const pass *p, size_t k, size_t *end, unsigned *day, unsigned *mon)
{
    size_t d = digits_at(p->s, p->len, k);
    if (d < 1 || d > 2 || k + d + 1 >= p->len || p->s[k + d] != '/')
        return false;
    size_t m = digits_at(p->s, p->len, k + d + 1);
    size_t e = k + d + 1 + m;
    if (m < 1 || m > 2 || (e < p->len && (p->s[e] == '/' || is_word_at(p->s, p->len, e))))
        return false;
    *day = (unsigned)to_ull(p->s + k, d), *mon = (unsigned)to_ull(p->s + k + d + 1, m);
    *end = e;
    return valid_day_month(*day, *mon);
}

/* "6/7 - 22/8": two days and months joined by a dash, one of them a day
 * past the twelfth, which no fraction of a range has ("1/4 - 1/2"): a
 * span of dates, each read as one. [i, e) is one of them. */
static bool in_date_span(const pass *p, size_t i, size_t e)
{
    size_t k = e, end, start;
    unsigned d1, m1, d2, m2;
    if (!day_slash_month_at(p, i, &end, &d1, &m1))
        return false;
    while (k < p->len && p->s[k] == ' ')
        k++;
    if (k < p->len && p->s[k] == '-') { /* the next one */
        for (k++; k < p->len && p->s[k] == ' '; k++)
            ;
        if (day_slash_month_at(p, k, &end, &d2, &m2) && (d1 > 12 || d2 > 12))
            return true;
    }
    k = i; /* the one before */
    while (k > 0 && p->s[k - 1] == ' ')
        k--;
    if (k == 0 || p->s[k - 1] != '-')
        return false;
    for (k--; k > 0 && p->s[k - 1] == ' '; k--)
        ;
    for (start = k; start > 0 && is_digit(p->s[start - 1]) && k - start < 2; start--)
        ;
    if (start == k || start < 2 || p->s[start - 1] != '/')
        return false;
    for (start--; start > 0 && is_digit(p->s[start - 1]) && k - start < 5; start--)
        ;
    if (start > 0 && (p->s[start - 1] == '/' || is_word_at(p->s, p->len, start - 1)))
        return false;
    return day_slash_month_at(p, start, &end, &d2, &m2) && end == k && (d1 > 12 || d2 > 12);
}

/* "21/03", "le 1/10": a day and a month without a year. Told from a
 * fraction ("7/10", "3/4") by a two-digit month written with both digits
 * and either a two-digit day or a word that introduces a date before. */
size_t rule_day_month_numeric(pass *p, size_t i)
{
    size_t d = digits_at(p->s, p->len, i);
    if (d < 1 || d > 2 || i + d + 2 > p->len) /* "le 22/8" may end the text */
        return 0;
    /* "jeudi 12.09", "le 25.12": with a dot only after a weekday, or two
     * digits and two after "le", "du", "au", which no decimal follows
     * ("12.09" alone may be a price or a version) */
    bool dotted = p->s[i + d] == '.' && digits_at(p->s, p->len, i + d + 1) == 2 &&
                  (after_weekday(p, i) || (d == 2 && after_day_article(p, i)));
    if (p->s[i + d] != '/' && !dotted)
        return 0;
    size_t j = i + d + 1, m = digits_at(p->s, p->len, j);
    if (m < 1 || m > 2 || is_word_at(p->s, p->len, j + m) ||
        (j + m < p->len && p->s[j + m] == '/') || measure_follows(p, j + m))
        return 0; /* "10/12 %", "15/16 °C": a span of a measure */
    unsigned day = (unsigned)to_ull(p->s + i, d), mon = (unsigned)to_ull(p->s + j, m);
    /* "21/03" is a date by its shape; "3/11" only after "le", "du",
     * a weekday: otherwise it is a fraction or a score. */
    bool date_word = after_date_word(p, i) || in_date_span(p, i, j + m);
    word_ref after = next_word(p, j + m);
    size_t an = after.end - after.start;
    if (an && an <= 3 && p->s[after.start] == 'd' &&
        (an == 1 || word_is(p, after.start, "de") || word_is(p, after.start, "des") ||
         word_is(p, after.start, "du")))
        date_word = false; /* "le 1/4 des places": a fraction of something */
    static const char *const ordinal_end[] = {"e", "es", "\xC3\xA8me", "\xC3\xA8mes", "eme"};
    if (after.start == j + m + 1 && word_among(p, after, ordinal_end, 5))
        return 0; /* "le 1/10 e de la somme": a tenth, its superscript ending set apart */
    static const char *const after_date[] = {"prochain", "dernier", "soir", "matin", "midi"};
    bool dated = word_among(p, after, after_date, sizeof after_date / sizeof *after_date);
    if (mon <= 4 && an && after.start == j + m + 1 && p->s[after.start] >= 'a' &&
        p->s[after.start] <= 'z' && !word_is_function(p, after) && !dated)
        date_word = false; /* "et 1/2 litre", "et 3/4 tasse": a fraction of a measure */
    if (!valid_day_month(day, mon) || (!(d == 2 && m == 2) && !date_word))
        return 0;
    strbuf b;
    sb_init(&b);
    say_date(p, &b, day, mon, 0, false);
    return emit_built(p, i, j + m, &b);
}

/* "sept." for septembre after a day ("le 4 sept. à 8 h", "4 sept 2023"):
 * the lexicon cannot hold it, as "sept." ends many a count ("Ils étaient
 * sept."). The word at w is it when a stop or a year follows. Returns
 * how many bytes from w.start the month takes (the stop too, unless it
 * ends the line: then it is the sentence's), 0 for any other word. */
static size_t september_abbreviation(const pass *p, word_ref w)
{
    static const char *const forms[] = {"sept", "Sept"};
    if (!word_among(p, w, forms, 2))
        return 0;
    size_t e = w.end;
    if (e < p->len && p->s[e] == '.')
        return e + 1 >= p->len || p->s[e + 1] == '\n' ? 4 : 5;
    bool year = e + 5 <= p->len && p->s[e] == ' ' && digits_at(p->s, p->len, e + 1) == 4;
    return year ? 4 : 0;
}

/* The one month whose name starts with the n bytes of key, shorter than
 * it ("mar": mars, which the lexicon's "mar." gives as mardi; "avr",
 * "déc"); 0 for none or several ("jui"). */
static unsigned month_of_prefix(const char *key, size_t n)
{
    unsigned found = 0;
    for (unsigned mon = 1; mon <= 12; mon++) {
        const char *name = french_month(mon);
        if (strlen(name) > n && strncmp(name, key, n) == 0) {
            if (found)
                return 0;
            found = mon;
        }
    }
    return found;
}

/* Whether an hour follows the space at i: " 14h30", " 9h", " 20 h". */
static bool time_follows(const pass *p, size_t i)
{
    size_t d = i < p->len && p->s[i] == ' ' ? digits_at(p->s, p->len, i + 1) : 0, k = i + 1 + d;
    if (k < p->len && p->s[k] == ' ')
        k++;
    if (d < 1 || d > 2 || k >= p->len || p->s[k] != 'h')
        return false;
    size_t m = digits_at(p->s, p->len, k + 1);
    return m <= 2 && !is_word_at(p->s, p->len, k + 1 + m);
}

/* A month's abbreviation without its stop after a day and before a year
 * or an hour ("18 déc 2022", "3 Janv 2021", "31 mar 14h30"): the lexicon's abbreviation with a
 * stop ("déc.") that says a month. Its month, and in *len how many bytes
 * the word takes; 0 for any other word ("sept" has its own test above). */
static unsigned month_abbreviation(const pass *p, word_ref w, size_t *len)
{
    size_t n = w.end - w.start;
    char key[8];
    bool year = w.end + 5 <= p->len && p->s[w.end] == ' ' && digits_at(p->s, p->len, w.end + 1) == 4;
    if (!year && !time_follows(p, w.end))
        return 0;
    if (n < 3 || n + 1 > sizeof key)
        return 0;
    memcpy(key, p->s + w.start, n);
    key[0] = (char)tolower((unsigned char)key[0]);
    key[n] = '.';
    const char *alias = lexicon_lookup(&p->nz->lex, key, n + 1);
    for (unsigned mon = 1; alias && mon <= 12; mon++)
        if (strcmp(alias, french_month(mon)) == 0) {
            *len = n;
            return mon;
        }
    unsigned mon = month_of_prefix(key, n);
    *len = mon ? n : 0;
    return mon;
}

/* A month abbreviated after a day: "sept." or "sept", "déc" before a
 * year; its month, and in *len the bytes it takes (see
 * september_abbreviation). 0 for any other word. */
static unsigned abbreviated_month(const pass *p, word_ref w, size_t *len)
{
    if ((*len = september_abbreviation(p, w)) != 0)
        return 9;
    return month_abbreviation(p, w, len);
}

/* Whether the word at w is in capitals ("MAI", "AOÛT"): its second
 * letter is. */
static bool month_in_capitals(const pass *p, word_ref w)
{
    return w.end - w.start >= 3 && is_upper_ascii(p->s[w.start]) &&
           (is_upper_ascii(p->s[w.start + 1]) ||
            ((unsigned char)p->s[w.start + 1] == 0xC3 && w.start + 2 < w.end &&
             (unsigned char)p->s[w.start + 2] >= 0x80 && (unsigned char)p->s[w.start + 2] < 0xA0));
}

/* The month named by the word at w, 0 if none: "mai", "Mai", "MAI",
 * "sept." after a day, "déc" before a year. */
static unsigned month_at(const pass *p, word_ref w)
{
    size_t n = w.end - w.start, abbreviated;
    unsigned shortened = abbreviated_month(p, w, &abbreviated);
    if (shortened)
        return shortened;
    bool caps = month_in_capitals(p, w);
    for (unsigned mon = 1; mon <= 12; mon++) {
        const char *name = french_month(mon);
        if (strlen(name) != n)
            continue;
        size_t k = 0;
        while (k < n && (p->s[w.start + k] == name[k] ||
                         ((k == 0 || caps) && p->s[w.start + k] == name[k] - 32)))
            k++; /* a capital is its small letter less 32, in ASCII and in é, û (C3 xx) */
        if (k == n)
            return mon;
    }
    return 0;
}

bool names_month(const pass *p, word_ref w)
{
    return month_at(p, w) != 0;
}

/* "le 1ER MAI", "1ER FÉVRIER": a month in capitals after a first day the
 * ordinal rule said (premier), in small letters, where the acronym rule
 * spelled "MAI" (M A I). Other days take the month with them
 * (rule_day_before_month). */
size_t rule_month_capitals(pass *p, size_t i)
{
    if (i < 4 || p->s[i - 4] != '1') /* "1ER MAI": the 1 four bytes back, cheap first */
        return 0;
    word_ref w = {i, word_end(p, i)}, before = prev_word(p, i);
    size_t n = before.end - before.start;
    if (!month_in_capitals(p, w) || n < 3 || before.end + 1 != i || p->s[before.start] != '1' ||
        is_word_at(p->s, p->len, before.start + 1 + 2) ||
        !((p->s[before.start + 1] | 0x20) == 'e' && (p->s[before.start + 2] | 0x20) == 'r'))
        return 0;
    unsigned mon = month_at(p, w);
    if (!mon)
        return 0;
    emit(p, w.start, w.end, french_month(mon));
    return w.end - w.start;
}

static void say_day(const pass *p, strbuf *b, unsigned day)
{
    num_style st = style(p, false, false);
    if (day == 1)
        sb_adds(b, "premier");
    else
        num_cardinal(b, day, &st);
}

/* "du 1 au 18 octobre", "les 1 et 2 juin", "du 01 au 15 mai": the first
 * of two days before their month, w the word after it ("au", "et",
 * "ou"), said "premier" or without its zero; the second day is the
 * rules' as any day. 0 when the words are not those. */
static size_t first_of_days(pass *p, size_t i, size_t d, word_ref w)
{
    static const char *const joins[] = {"au", "et", "ou"};
    unsigned day = (unsigned)to_ull(p->s + i, d);
    if ((day != 1 && p->s[i] != '0') || !word_among(p, w, joins, 3) || is_upper_ascii(p->s[w.start]))
        return 0;
    size_t k = w.end + 1, d2 = digits_at(p->s, p->len, k);
    if (w.end >= p->len || p->s[w.end] != ' ' || d2 < 1 || d2 > 2 || k + d2 >= p->len || p->s[k + d2] != ' ')
        return 0;
    unsigned mon = month_at(p, next_word(p, k + d2)), day2 = (unsigned)to_ull(p->s + k, d2);
    if (!mon || !valid_day_month(day, mon) || !valid_day_month(day2, mon) || day2 <= day)
        return 0;
    strbuf b;
    sb_init(&b);
    say_day(p, &b, day);
    return emit_built(p, i, i + d, &b);
}

/* A day before a month's name: "le 07 mai" → sept mai (a zero-padded day
 * is no "zéro sept"), "1 mars" → premier mars, and ranges and pairs of
 * days: "les 17-18 juin" → dix-sept et dix-huit juin, "du 7-9 septembre"
 * and "les 7-9 septembre" → sept au neuf septembre (three days, not two).
 * The month itself is left as written. */
size_t rule_day_before_month(pass *p, size_t i)
{
    size_t d = digits_at(p->s, p->len, i), j = i + d, d2 = 0, k = 0;
    if (d < 1 || d > 2)
        return 0;
    if (j + 1 < p->len && (p->s[j] == '-' || p->s[j] == '/') && is_digit(p->s[j + 1])) {
        k = j + 1; /* a second day */
        d2 = digits_at(p->s, p->len, k);
        if (d2 < 1 || d2 > 2)
            return 0;
        j = k + d2;
    } else {
        /* "17–18 juin", and with the dash set apart: "les 11 – 12 juin" */
        size_t dash = starts_with_at(p, j, "\xE2\x80\x93") ? 3
                      : starts_with_at(p, j, " \xE2\x80\x93 ") ? 5 : starts_with_at(p, j, " - ") ? 3 : 0;
        if (dash && j + dash < p->len && is_digit(p->s[j + dash])) {
            k = j + dash;
            d2 = digits_at(p->s, p->len, k);
            if (d2 < 1 || d2 > 2)
                return 0;
            j = k + d2;
        }
    }
    word_ref w = next_word(p, j);
    if (w.start != j + 1 || p->s[j] != ' ')
        return 0;
    if (!d2 && !month_at(p, w))
        return first_of_days(p, i, d, w);
    unsigned mon = month_at(p, w);
    unsigned day = (unsigned)to_ull(p->s + i, d), day2 = d2 ? (unsigned)to_ull(p->s + k, d2) : 0;
    if (!mon || !valid_day_month(day, mon) || (d2 && (!valid_day_month(day2, mon) || day2 <= day)))
        return 0;
    size_t abbreviated;
    abbreviated_month(p, w, &abbreviated);
    bool caps = month_in_capitals(p, w); /* "8 MAI 1945": the acronym rule spelled it */
    bool plain = !d2 && p->s[i] != '0' && day != 1 && !abbreviated && !caps;
    if (plain)
        return 0; /* "12 mai": the number rule says it the same way */
    strbuf b;
    sb_init(&b);
    say_day(p, &b, day);
    if (d2) {
        word_ref before = prev_word(p, i);
        bool pair = before.end - before.start == 3 &&
                    (memcmp(p->s + before.start, "les", 3) == 0 ||
                     memcmp(p->s + before.start, "Les", 3) == 0);
        if (after_between(p, i)) /* "entre le 3-5 mai" */
            sb_adds(&b, before.end - before.start == 2 ? " et le " : " et ");
        else /* "les 7-9 septembre" spans three days: "les 5/6 mai" are two */
            sb_adds(&b, day2 == day + 1 || (pair && p->s[i + d] == '/') ? " et " : " au ");
        say_day(p, &b, day2);
    }
    if (abbreviated || caps) {
        sb_printf(&b, " %s", french_month(mon));
        j = abbreviated ? w.start + abbreviated : w.end;
    }
    return emit_built(p, i, j, &b);
}

/* ── Abbreviated weekdays in a span or a list ──────────────────────────── */


/* Whether a day and its month follow the space at i: " 11 mai", " 31 mar
 * 14h30" (a listing's "Sam 11 mai 20h45"). */
static bool date_follows(const pass *p, size_t i)
{
    size_t d = i < p->len && p->s[i] == ' ' ? digits_at(p->s, p->len, i + 1) : 0;
    if (d < 1 || d > 2 || i + 1 + d >= p->len || p->s[i + 1 + d] != ' ')
        return false;
    word_ref w = next_word(p, i + 1 + d);
    return w.start == i + 2 + d && month_at(p, w) != 0;
}

/* The day that the three letters at i abbreviate ("lun.", "Ven", "sam"),
 * with or without their full stop, as the lexicon spells it; its end
 * (after the stop) in *end. NULL when it is no weekday's abbreviation. */
static const char *weekday_abbreviation(const pass *p, size_t i, size_t *end)
{
    char key[4];
    if (i + 3 > p->len || !p->s[i] || !strchr("lmjvsdLMJVSD", p->s[i]))
        return NULL; /* lun mar mer jeu ven sam dim: most words open otherwise */
    if (is_word_at(p->s, p->len, i + 3) ||
        word_ends_before(p->s, p->len, i))
        return NULL;
    for (size_t k = 0; k < 3; k++) {
        char c = p->s[i + k];
        if (!isalpha((unsigned char)c) || (k && isupper((unsigned char)c)))
            return NULL;
        key[k] = (char)tolower((unsigned char)c);
    }
    key[3] = '.';
    const char *alias = lexicon_lookup(&p->nz->lex, key, 4);
    bool dot = i + 3 < p->len && p->s[i + 3] == '.';
    if (!alias || !is_weekday(alias, strlen(alias)) ||
        (!dot && french_plain_word(p->nz->accents, key, 3) && !date_follows(p, i + 3)))
        return NULL; /* "jeu", "mer" without their stop are words, but
                        for "Jeu 12 mai" */
    *end = i + 3 + dot;
    return alias;
}

/* The marks that join two days of a span or list, and how each is said:
 * "lun.-ven." is "lundi au vendredi", "sam./dim." "samedi et dimanche". */
static const struct {
    const char *mark, *said;
} day_joiners[] = {{" - ", " au "}, {" \xE2\x80\x93 ", " au "}, {"-", " au "},
                   {"\xE2\x80\x93", " au "}, {" au ", " au "}, {" à ", " à "},
                   {"/", " et "}, {" et ", " et "}, {" ou ", " ou "}, {", ", ", "}};

/* The joiner at j followed by another weekday abbreviation: its index in
 * day_joiners, -1 if none. */
static int joiner_to_day(const pass *p, size_t j)
{
    for (size_t k = 0; k < sizeof day_joiners / sizeof *day_joiners; k++) {
        size_t n = strlen(day_joiners[k].mark), end;
        if (starts_with_at(p, j, day_joiners[k].mark) && weekday_abbreviation(p, j + n, &end))
            return (int)k;
    }
    return -1;
}

/* Whether a weekday abbreviation and a joiner end just before i. */
static bool day_joined_before(const pass *p, size_t i)
{
    for (size_t k = 0; k < sizeof day_joiners / sizeof *day_joiners; k++) {
        size_t n = strlen(day_joiners[k].mark), end;
        if (i < n + 3 || memcmp(p->s + i - n, day_joiners[k].mark, n) != 0)
            continue;
        size_t dot = p->s[i - n - 1] == '.';
        if (i < n + 3 + dot)
            continue;
        size_t a = i - n - 3 - dot;
        if (weekday_abbreviation(p, a, &end) && end == i - n)
            return true;
    }
    return false;
}

/* The day two letters at i abbreviate ("me", "Je": mercredi, jeudi), as
 * agendas and opening hours write them: the weekday of the lexicon whose
 * three-letter abbreviation they open; NULL when none. */
static const char *two_letter_weekday(const pass *p, size_t i)
{
    if (i + 2 > p->len || !p->s[i] || !strchr("lmjvsdLMJVSD", p->s[i]) || p->s[i + 1] < 'a' ||
        p->s[i + 1] > 'z' || is_word_at(p->s, p->len, i + 2) || word_ends_before(p->s, p->len, i))
        return NULL;
    char key[4] = {(char)tolower((unsigned char)p->s[i]), p->s[i + 1], 'a', '.'};
    for (; key[2] <= 'z'; key[2]++) {
        const char *alias = lexicon_lookup(&p->nz->lex, key, 4);
        if (alias && is_weekday(alias, strlen(alias)) && strncmp(alias, key, 3) == 0)
            return alias;
    }
    return NULL;
}

/* "me 5 juin", "Je 30 mai", "lu-ve 17h-00h": a day in two letters. Each
 * is a French word too ("je", "me", "sa"), so it is the day only before a
 * date, or joined by a hyphen to another before a number. */
static size_t two_letter_day(pass *p, size_t i)
{
    size_t end = i + 2;
    if (end + 1 >= p->len || (p->s[end] != '-' && !is_digit(p->s[end + 1])))
        return 0; /* the context first: the lexicon is asked for few words */
    const char *day = two_letter_weekday(p, i), *other = NULL;
    if (!day)
        return 0;
    if (p->s[end] == '-' && (other = two_letter_weekday(p, end + 1)) && end + 4 < p->len &&
        p->s[end + 3] == ' ' && is_digit(p->s[end + 4]))
        end += 3;
    else if (other || !date_follows(p, end))
        return 0;
    strbuf b;
    sb_init(&b);
    sb_addc(&b, isupper((unsigned char)p->s[i]) ? (char)toupper((unsigned char)day[0]) : day[0]);
    sb_adds(&b, day + 1);
    if (other)
        sb_printf(&b, " au %s", other);
    return emit_built(p, i, end, &b);
}

/* "lun.-ven.", "sam. et dim.", "mar, jeu": days abbreviated in a span or
 * a list are the days. Alone, "mer." and "jeu." may be words that end a
 * sentence, so an abbreviation is said only when another one is joined
 * to it (before a number, the lexicon's before-number list says it). */
size_t rule_weekday_span(pass *p, size_t i)
{
    size_t end;
    const char *day = weekday_abbreviation(p, i, &end);
    if (!day)
        return two_letter_day(p, i);
    int after = joiner_to_day(p, end);
    if (after < 0 && !day_joined_before(p, i) && !date_follows(p, end))
        return 0;
    strbuf b;
    sb_init(&b);
    sb_addc(&b, isupper((unsigned char)p->s[i]) ? (char)toupper((unsigned char)day[0]) : day[0]);
    sb_adds(&b, day + 1);
    if (after >= 0) {
        sb_adds(&b, day_joiners[after].said);
        return emit_built(p, i, end + strlen(day_joiners[after].mark), &b);
    }
    size_t k = end;
    while (k < p->len && p->s[k] == ' ')
        k++;
    if (p->s[end - 1] == '.' && (k == p->len || p->s[k] == '\n' || isupper((unsigned char)p->s[k])))
        sb_addc(&b, '.'); /* "fermé sam. et dim." ends the sentence too */
    return emit_built(p, i, end, &b);
}

/* "T1 2024", "S2 2023", "Q3 2022": a quarter or a half of a year, as
 * financial news writes it, said as year-parts.tsv says ("premier
 * trimestre deux mille vingt-quatre"); eSpeak NG said "T un deux
 * mille…". Only before a year: "un T3 de 70 m²" is a flat; and not
 * after a capitalized word, a name of which it is a model ("VW T4 2001"). */
size_t rule_year_part(pass *p, size_t i)
{
    size_t e = word_end(p, i);
    if (e - i != 2 || e + 5 > p->len || (p->s[e] != ' ' && p->s[e] != '-'))
        return 0;
    word_ref w = prev_word(p, i);
    size_t s0 = w.start;
    while (s0 > 0 && p->s[s0 - 1] == ' ')
        s0--;
    bool opens = s0 == 0 || strchr(".!?:;\n", p->s[s0 - 1]); /* "Au T2 2024, …" */
    if (w.end > w.start && w.end + 1 == i && word_capitalized(p, w) && !opens)
        return 0;
    size_t y = e + 1;
    if (digits_at(p->s, p->len, y) != 4 || !(starts_with_at(p, y, "19") || starts_with_at(p, y, "20")))
        return 0;
    const char *said = respell_exact(&p->nz->year_parts, p->s + i, 2);
    if (!said)
        return 0;
    strbuf b;
    sb_init(&b);
    sb_adds(&b, said);
    sb_addc(&b, ' ');
    return emit_built(p, i, y, &b);
}
