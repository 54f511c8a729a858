/* French datelines, as one string: dates in their written forms, the name
 * after "Par", and whether the line is a meta line at all.
 *
 * A dateline is split on the separators sites put between its fields
 * ('|', '•', '·', " - "). Each field may hold a date (the first is the
 * publication, one after "Mis à jour" or "Modifié" the update) and a
 * byline. Whatever else a field holds must be a few words (a site name,
 * "Accueil", "Lecture 3 min"): a sentence that opens with a date ("Le 18
 * novembre 2024, le président a …") is prose, not a dateline. */
#include "internal.h"
#include "dateline.h"
#include "squash.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Words a field may hold besides its fields before it stops being meta. */
#define MAX_OTHER_WORDS 3
#define MAX_NAME_WORDS 10

static size_t read_digits(const char *s, size_t max, int *v)
{
    size_t i = 0;
    *v = 0;
    while (i < max && isdigit((unsigned char)s[i]))
        *v = *v * 10 + (s[i++] - '0');
    return isdigit((unsigned char)s[i]) ? 0 : i;
}

static bool valid_date(int y, int m, int d)
{
    return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* " PM", " a.m.": the half of the day of a 12-hour time; its length. */
static size_t twelve_hour(const char *s, int *h)
{
    static const char *const marks[] = {" PM", " pm", " p.m.", "PM", "pm", " AM", " am", " a.m.", "AM", "am"};
    for (size_t k = 0; k < 10; k++) {
        size_t n = strlen(marks[k]);
        if (strncmp(s, marks[k], n) != 0 || isalnum((unsigned char)s[n]) || *h > 12)
            continue;
        bool pm = k < 5;
        *h = pm ? (*h % 12) + 12 : *h % 12;
        return n;
    }
    return 0;
}

/* Length of a dash set apart between fields at s (" - ", " – ", " — ",
 * and Hugo themes' " ‐ ", U+2010), 0 if none. */
static size_t spaced_dash_len(const char *s)
{
    if (str_starts_with(s, " - "))
        return 3;
    if (str_starts_with(s, " \xE2\x80\x93 ") || str_starts_with(s, " \xE2\x80\x94 ") ||
        str_starts_with(s, " \xE2\x80\x90 "))
        return 5;
    return 0;
}

/* The signs a time may follow its date with: ", 10:12", " - 10h",
 * "2016: 8:18 AM", "2016 — 6:22 PM", "2016 @ 3:53 PM". */
static size_t time_lead(const char *s)
{
    static const char *const leads[] = {", ", ": ", " - ", " @ ", " \xE2\x80\x94 ", " \xE2\x80\x93 "};
    for (size_t k = 0; k < sizeof leads / sizeof *leads; k++)
        if (str_starts_with(s, leads[k]))
            return strlen(leads[k]);
    return 0;
}

/* A time after a date: " à 01h58", " à 1 h 58", ", 10:12", " - 10h". */
static size_t read_time(const read_cues *c, const char *s, int *hour, int *min)
{
    size_t i = 0, at = s[0] == ' ' ? cue_prefix(&c->at, s + 1) : 0;
    if (at)
        i = 1 + at;
    else if (time_lead(s))
        i = time_lead(s);
    else if (s[0] == ' ')
        i = 1;
    else
        return 0;
    int h, m = 0;
    size_t hl = read_digits(s + i, 2, &h);
    if (!hl || h > 23)
        return 0;
    i += hl;
    if (s[i] == ' ' && (s[i + 1] == 'h' || s[i + 1] == 'H'))
        i++;
    if (s[i] != 'h' && s[i] != 'H' && s[i] != ':')
        return 0;
    bool colon = s[i] == ':';
    i++;
    if (s[i] == ' ' && isdigit((unsigned char)s[i + 1]) && !colon)
        i++;
    size_t ml = read_digits(s + i, 2, &m);
    if (ml == 2 && m < 60)
        i += ml;
    else if (colon || ml)
        return 0;
    else
        m = 0;
    size_t half = twelve_hour(s + i, &h); /* "3:17 PM", "10:05AM", as English datelines write it */
    if (!half && isalnum((unsigned char)s[i]))
        return 0; /* "10hommes" is not a time */
    i += half;
    *hour = h, *min = m;
    return i;
}

/* "2024-11-18", or with h >= 0 "2024-11-18T01:58". The callers checked
 * the ranges; the modulos tell the compiler, whose -O1 check otherwise
 * fears an int of eleven digits. */
static void format_iso(char iso[32], int y, int mo, int d, int h, int mi)
{
    if (h >= 0)
        snprintf(iso, 32, "%04d-%02d-%02dT%02d:%02d", y % 10000, mo % 100, d % 100, h % 100,
                 mi % 100);
    else
        snprintf(iso, 32, "%04d-%02d-%02d", y % 10000, mo % 100, d % 100);
}

static size_t write_iso(const read_cues *c, char iso[32], int y, int mo, int d,
                        const char *rest, size_t used)
{
    int h, mi;
    size_t t = read_time(c, rest, &h, &mi);
    format_iso(iso, y, mo, d, t ? h : -1, t ? mi : 0);
    return used + t;
}

/* "2024-11-18" or "2024-11-18T01:58". */
static size_t iso_date(const char *s, char iso[32])
{
    int y, mo, d;
    if (read_digits(s, 4, &y) != 4 || s[4] != '-' || read_digits(s + 5, 2, &mo) != 2 ||
        s[7] != '-' || read_digits(s + 8, 2, &d) != 2 || !valid_date(y, mo, d))
        return 0;
    int h, mi;
    if (s[10] == 'T' && read_digits(s + 11, 2, &h) == 2 && s[13] == ':' &&
        read_digits(s + 14, 2, &mi) == 2 && h < 24 && mi < 60) {
        format_iso(iso, y, mo, d, h, mi);
        size_t i = 16;
        while (s[i] && s[i] != ' ')
            i++; /* seconds, offset */
        return i;
    }
    format_iso(iso, y, mo, d, -1, 0);
    return 10;
}

/* "18.11.2024", "17/02/2020", "18-11-2024", "22/10/17". */
static size_t numeric_date(const read_cues *c, const char *s, char iso[32])
{
    int d, mo, y;
    size_t i = read_digits(s, 2, &d);
    if (!i || (s[i] != '.' && s[i] != '/' && s[i] != '-'))
        return 0;
    char sep = s[i++];
    size_t l = read_digits(s + i, 2, &mo);
    if (!l || s[i + l] != sep)
        return 0;
    i += l + 1;
    l = read_digits(s + i, 4, &y);
    if (l == 2)
        y += 2000; /* "22/10/17": sites print the year short, this century */
    else if (l != 4)
        return 0;
    /* "11/28/2016": no day-first reading has a month 28, the month-first
     * one of English pages is the only one (with the full year and the
     * slash, not "28.11.16") */
    if (mo > 12 && d <= 12 && l == 4 && sep == '/') {
        int t = mo;
        mo = d, d = t;
    }
    if (!valid_date(y, mo, d))
        return 0;
    i += l;
    return write_iso(c, iso, y, mo, d, s + i, i);
}

/* The month named at s + *i and the space after it, *i moved past them;
 * 0 when none is. */
static int month_then_space(const read_cues *c, const char *s, size_t *i)
{
    size_t w = strcspn(s + *i, " ,");
    int mo = cue_month(c, s + *i, w);
    if (!mo || s[*i + w] != ' ')
        return 0;
    *i += w + 1;
    return mo;
}

/* "mardi 5 juillet 2011", "1er mai 2020", "07 Mai 2020". */
static size_t written_date(const read_cues *c, const char *s, char iso[32])
{
    size_t i = strcspn(s, " ");
    if (s[i] == ' ' && cue_word_nocase(&c->weekday, s, i))
        i++;
    else
        i = 0;
    int d, y;
    size_t l = read_digits(s + i, 2, &d);
    if (!l)
        return 0;
    i += l;
    i += cue_opens(&c->ordinal, s + i); /* "1er" */
    if (s[i++] != ' ')
        return 0;
    int mo = month_then_space(c, s, &i);
    if (!mo)
        return 0;
    l = read_digits(s + i, 4, &y);
    if (l != 4 || !valid_date(y, mo, d))
        return 0;
    i += l;
    return write_iso(c, iso, y, mo, d, s + i, i);
}

/* "Tuesday, Aug. 17, 2010": a weekday before a date, and the comma or
 * space after it; 0 when none. */
static size_t weekday_before(const read_cues *c, const char *s)
{
    size_t w = strcspn(s, " ,");
    if (!w || !cue_word_nocase(&c->weekday, s, w))
        return 0;
    size_t i = w + (s[w] == ',');
    return s[i] == ' ' ? i + 1 : 0;
}

/* "Jan. 13, 2017", "September 21, 2011, 3:17 PM", "Saturday, August
 * 13th, 2011": the month first, as English writes it (the names of the
 * months and days and the endings of the days are data:
 * rules/fr/dateline.txt). */
/* "3:33 PM", "11:05": a time of one or two digits, a colon, two digits. */
static bool glued_time(const char *s)
{
    size_t h = isdigit((unsigned char)s[0]) ? (isdigit((unsigned char)s[1]) ? 2 : 1) : 0;
    return h && s[h] == ':' && isdigit((unsigned char)s[h + 1]) && isdigit((unsigned char)s[h + 2]) &&
           !isdigit((unsigned char)s[h + 3]);
}

static size_t month_first_date(const read_cues *c, const char *s, char iso[32])
{
    size_t k = weekday_before(c, s);
    s += k;
    size_t w = strcspn(s, " ,");
    int mo = cue_month(c, s, w), d, y;
    if (!mo || s[w] != ' ')
        return 0;
    size_t i = w + 1, l = read_digits(s + i, 2, &d);
    if (!l)
        return 0;
    i += l;
    i += cue_opens(&c->ordinal, s + i); /* "13th" */
    if (s[i] == ',')
        i++;
    if (s[i++] != ' ')
        return 0;
    l = read_digits(s + i, 4, &y);
    bool four_digits = isdigit((unsigned char)s[i]) && isdigit((unsigned char)s[i + 1]) &&
                       isdigit((unsigned char)s[i + 2]) && isdigit((unsigned char)s[i + 3]);
    if (!l && four_digits && glued_time(s + i + 4)) {
        /* "December 15, 20163:33 PM": a copy ran the time into the year */
        read_digits(s + i, 3, &y);
        y = y * 10 + (s[i + 3] - '0');
        l = 4;
        if (!valid_date(y, mo, d))
            return 0;
        char spaced[16];
        snprintf(spaced, sizeof spaced, " %.12s", s + i + 4);
        int h, mi;
        size_t t = read_time(c, spaced, &h, &mi);
        format_iso(iso, y, mo, d, h, mi);
        return k + i + 4 + t - 1;
    }
    if (l != 4 || !valid_date(y, mo, d))
        return 0;
    i += l;
    return k + write_iso(c, iso, y, mo, d, s + i, i);
}

/* "2009, Oct 13": the year first, then the month and the day, as some
 * blog themes print it. */
static size_t year_first_date(const read_cues *c, const char *s, char iso[32])
{
    int y, d;
    size_t i = read_digits(s, 4, &y);
    if (i != 4 || isdigit((unsigned char)s[4]))
        return 0;
    i += s[i] == ',';
    if (s[i++] != ' ')
        return 0;
    int mo = month_then_space(c, s, &i);
    if (!mo)
        return 0;
    size_t l = read_digits(s + i, 2, &d);
    if (!l || isdigit((unsigned char)s[i + l]) || !valid_date(y, mo, d))
        return 0;
    i += l;
    return write_iso(c, iso, y, mo, d, s + i, i);
}

size_t dateline_date(const read_cues *c, const char *s, char iso[32])
{
    size_t n = iso_date(s, iso);
    if (!n)
        n = numeric_date(c, s, iso);
    if (!n)
        n = written_date(c, s, iso);
    if (!n)
        n = month_first_date(c, s, iso);
    if (!n)
        n = year_first_date(c, s, iso);
    return n;
}

/* Two to ten words, each capitalized or a connector ("de", "et": the
 * cues' name words), first one a capital; "(AFP)" and the like allowed. */
static bool looks_like_name(const read_cues *c, const char *s, size_t n)
{
    size_t words = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ')
            i++;
        if (i >= n)
            break;
        size_t w = 0;
        while (i + w < n && s[i + w] != ' ')
            w++;
        bool ok = latin_capital_at(s + i) || s[i] == '(' ||
                  (words > 0 && cue_word(&c->name, s + i, w));
        if (!ok || ++words > MAX_NAME_WORDS)
            return false;
        i += w;
    }
    return words >= 1;
}

/* Whether " dans " (" Dans ", " in ") and a capital stand at s: the
 * rubric a blog's theme gives after the author ("Par Admin dans
 * Actualités", "De: Le Quotidien Dans Luxembourg", "Posted by X in News"). */
static bool rubric_after_name(const char *s)
{
    static const char *const words[] = {" dans ", " Dans ", " in "};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (str_starts_with(s, words[k]) && latin_capital_at(s + strlen(words[k])))
            return true;
    return false;
}

/* A time of day alone: "07h06", "7h", "18:45". */
static bool clock_word(const char *w, size_t n)
{
    size_t d = 0;
    while (d < n && d < 3 && isdigit((unsigned char)w[d]))
        d++;
    if (d < 1 || d > 2 || d == n || (w[d] != 'h' && w[d] != 'H' && w[d] != ':'))
        return false;
    size_t m = n - d - 1;
    return (m == 0 && w[d] != ':') ||
           (m == 2 && isdigit((unsigned char)w[d + 1]) && isdigit((unsigned char)w[d + 2]));
}

/* Where the name after a byline prefix stops: a comma, "le" before a
 * date ("Par X le 7 mai 2020"), a date, a dash, a rubric, a button that
 * ends the line. */
static size_t name_end(const read_cues *c, const char *s)
{
    char iso[32];
    for (size_t i = 0; s[i]; i++) {
        if (s[i] == ',' || s[i] == '(' || spaced_dash_len(s + i) || str_starts_with(s + i, " @") ||
            rubric_after_name(s + i))
            return i; /* " @" opens the author's handle ("By X @Desk") */
        if (s[i] != ' ')
            continue;
        size_t on = cue_prefix(&c->on, s + i + 1);
        if (on && dateline_date(c, s + i + 1 + on, iso))
            return i;
        if (isalnum((unsigned char)s[i + 1]) && dateline_date(c, s + i + 1, iso))
            return i; /* "Par X 7 mai 2020", "By X JAN. 13, 2017" */
        if (isdigit((unsigned char)s[i + 1]) && cue_reading_time(c, s + i + 1))
            return i; /* "par Ali Kinaze 9 minutes de lecture" */
        size_t t = strcspn(s + i + 1, " ,");
        if (clock_word(s + i + 1, t))
            return i; /* "Par X 07h06, le 31 décembre 2022" */
        size_t button = cue_opens(&c->button, s + i + 1);
        if (button && !s[i + 1 + button])
            return i; /* "Texte par : Simon Rozé Suivre": the follow button glued on */
    }
    return strlen(s);
}

/* Whether the n bytes at s name a person: two to four words, each a
 * capital then a small letter ("Marie Visot", "Jean-Luc Roux"), joined
 * maybe by "de", "et", "and"; not a role ("correspondante à Genève"),
 * an agency ("AFP") or a title ("Le Figaro"). */
static bool person_name(const char *s, size_t n)
{
    static const char *const not_first[] = {"Le", "La", "Les", "L'", "Un", "Une", "Du", "Des", "Au",
                                            "Aux", "Avec", "Service", "Photo", "Photos", "Vidéo"};
    size_t names = 0, words = 0;
    for (size_t i = 0; i < n;) {
        size_t w = 0;
        while (i + w < n && s[i + w] != ' ')
            w++;
        bool capital = latin_capital_at(s + i) && i + 1 < n &&
                       latin_lower_at(s + i + ((unsigned char)s[i] < 0x80 ? 1 : 2));
        bool joins = words > 0 && ((w == 2 && !memcmp(s + i, "de", 2)) || (w == 2 && !memcmp(s + i, "et", 2)) ||
                                   (w == 3 && !memcmp(s + i, "and", 3)));
        if (!capital && !joins)
            return false;
        for (size_t k = 0; words == 0 && k < sizeof not_first / sizeof *not_first; k++)
            if (strlen(not_first[k]) <= w && !memcmp(s + i, not_first[k], strlen(not_first[k])) &&
                (strlen(not_first[k]) == w || s[i + strlen(not_first[k]) - 1] == '\''))
                return false;
        names += capital;
        words++;
        i += w;
        while (i < n && s[i] == ' ')
            i++;
    }
    return names >= 2 && words <= 8;
}

/* "Par Bertille Bayart, Marie Visot": the names after the first one, each
 * after a comma; the length of the byline with them, from its start. */
static size_t co_authors(const read_cues *c, const char *s, size_t end)
{
    while (s[end] == ',' && s[end + 1] == ' ') {
        const char *next = s + end + 2;
        size_t m = name_end(c, next);
        while (m && next[m - 1] == ' ')
            m--;
        if (!m || !person_name(next, m))
            break;
        end += 2 + m;
    }
    return end;
}

/* The byline's prefix length at s, and the name's length after it. */
static bool byline_at(const read_cues *c, const char *s, size_t *pre, size_t *name)
{
    size_t k = cue_prefix(&c->byline, s);
    if (!k)
        return false;
    size_t n = name_end(c, s + k), bare = n;
    while (bare && s[k + bare - 1] == ' ')
        bare--;
    if (!bare || !looks_like_name(c, s + k, bare))
        return false;
    /* "Par Jean Dupont (AFP)", "Par Jean Dupont(Bruxelles, bureau
     * européen)": what the parentheses say goes with the name */
    if (s[k + n] == '(') {
        const char *close = strchr(s + k + n, ')');
        if (close)
            bare = (size_t)(close + 1 - (s + k));
    } else if (bare == n) {
        bare = co_authors(c, s + k, bare);
    }
    *pre = k, *name = bare;
    return true;
}

bool dateline_byline(const read_cues *c, const char *s, char *name, size_t size)
{
    size_t pre, n;
    if (!byline_at(c, s, &pre, &n))
        return false;
    if (n >= size)
        n = size - 1;
    memcpy(name, s + pre, n);
    name[n] = '\0';
    return true;
}

/* Does the text just before a date say it is the update? */
static bool says_modified(const read_cues *c, const char *from, const char *to)
{
    return cue_find(&c->update, from, (size_t)(to - from)) != NULL;
}

/* "@JaneDoe", "jdoe@example.com": where to reach the author, beside the
 * byline, no prose word. */
static bool contact(const char *w, size_t n)
{
    const char *at = memchr(w, '@', n);
    return at && (size_t)(at - w) + 1 < n && isalnum((unsigned char)at[1]);
}

/* Words a dateline's fields use around their dates, and the signs between
 * them: not "other" words. */
static bool meta_word(const read_cues *c, const char *w, size_t n)
{
    return (n == 1 && (w[0] == ':' || w[0] == '-' || w[0] == '|' || w[0] == '@')) || clock_word(w, n) ||
           cue_word(&c->meta, w, n) || cue_word_nocase(&c->weekday, w, n) || contact(w, n);
}

static bool agency(const char *s, size_t n);

/* Right before a date, the names of a byline without its "Par"; a
 * label's colon ("Last Modified:") says it is no name. */
bool dateline_bare_name(const read_cues *c, const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == ','))
        n--;
    /* "Jean Dupont (AFP)": the agency the writer signs with */
    if (n > 4 && s[n - 1] == ')') {
        const char *open = memchr(s, '(', n);
        if (open && open > s && open[-1] == ' ' && agency(open + 1, (size_t)(s + n - 1 - (open + 1))))
            n = (size_t)(open - 1 - s);
    }
    int words = 0;
    for (size_t i = 0; i < n; i++)
        words += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
    if (words < 2 || words > 4 || cue_prefix(&c->article, s))
        return false;
    for (size_t i = 0; i < n; i++)
        if ((i == 0 || s[i - 1] == ' ') && !latin_capital_at(s + i))
            return false;
    return memchr(s, ',', n) == NULL && memchr(s, ':', n) == NULL;
}

/* The span before a date that may be a name: [s, s+n) without the spaces,
 * commas and "le" that lead to the date ("Jean Dupont, le "); *on says
 * whether a "le" was there. */
static size_t name_before_date(const read_cues *c, const char *s, size_t n, bool *on)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == ','))
        n--;
    size_t w = n;
    while (w && s[w - 1] != ' ')
        w--;
    *on = w && cue_word(&c->on, s + w, n - w);
    if (*on)
        n = w;
    while (n && (s[n - 1] == ' ' || s[n - 1] == ','))
        n--;
    /* "Alexandre Chauveau 07h06, le 31 décembre 2022": the time before
     * its date */
    for (w = n; w && s[w - 1] != ' '; w--)
        ;
    if (w < n && clock_word(s + w, n - w)) {
        for (n = w; n && s[n - 1] == ' '; n--)
            ;
        *on = false; /* a caption gives no time: this is a dateline */
    }
    return n;
}

/* "Orange avec Media Services, publié le …": a desk's signature that
 * opens the field up to a comma, capitalized words on both sides of
 * "avec"; its length with the comma, 0 when there is none. It names no
 * author and is no prose: its words are not counted. */
static size_t desk_signature(const read_cues *c, const char *f)
{
    const char *comma = strstr(f, ", ");
    if (!comma || comma - f > 80)
        return 0;
    bool joined = false;
    for (const char *w = f; w < comma; w += strspn(w, " ")) {
        size_t n = strcspn(w, " ,");
        if (w > f && w + n < comma && cue_word(&c->with, w, n))
            joined = true;
        else if (!latin_capital_at(w))
            return 0;
        w += n;
    }
    return joined ? (size_t)(comma - f) + 1 : 0;
}

/* " de LCI", " d'Info Continu": the site a desk belongs to, its words
 * capitalized; its length, 0 when none follows. */
static size_t site_after_desk(const char *s)
{
    static const char *const of[] = {" de ", " du ", " d'", " d\xE2\x80\x99", NULL};
    size_t k = 0;
    for (size_t j = 0; of[j] && !k; j++)
        k = str_starts_with(s, of[j]) ? strlen(of[j]) : 0;
    if (!k || !latin_capital_at(s + k))
        return 0;
    while (s[k] && latin_capital_at(s + k)) {
        k += strcspn(s + k, " ,");
        if (s[k] != ' ')
            break;
        k += latin_capital_at(s + k + 1) ? 1 : 0;
    }
    return k;
}

/* "07h06, le 31 décembre 2022": a time set before its date, in the n
 * bytes at s that lead to the date (the first named of them a name's,
 * name_before_date's), goes into iso when it has none. */
static void time_before_date(const read_cues *c, const char *s, size_t n, size_t named, char iso[32])
{
    size_t k = n;
    if (strchr(iso, 'T') || strlen(iso) != 10)
        return;
    while (k > named && (s[k - 1] == ' ' || s[k - 1] == ','))
        k--;
    if (k >= 2 && cue_word(&c->on, s + k - 2, 2)) /* "le" */
        k -= 2;
    while (k > named && (s[k - 1] == ' ' || s[k - 1] == ','))
        k--;
    size_t w = k;
    while (w > 0 && s[w - 1] != ' ')
        w--;
    if (w >= k || !clock_word(s + w, k - w))
        return;
    int y, mo, d, h, m = 0;
    size_t hl = read_digits(s + w, 2, &h);
    if (isdigit((unsigned char)s[w + hl + 1]))
        read_digits(s + w + hl + 1, 2, &m);
    if (h > 23 || m > 59)
        return;
    read_digits(iso, 4, &y), read_digits(iso + 5, 2, &mo), read_digits(iso + 8, 2, &d);
    format_iso(iso, y, mo, d, h, m);
}

/* "Publié8 décembre 2022, 19:01": a copy glues the label of a date to
 * it when the page sets them in two elements. The length of such a label
 * (a dateline's word) at the head of the word [s, s+n), a digit right
 * after it; 0 when there is none. */
static size_t glued_label_len(const read_cues *c, const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && !isdigit((unsigned char)s[k]))
        k++;
    return k >= 3 && k < n && cue_word(&c->meta, s, k) ? k : 0;
}

/* Reads one field [s, s+n); adds its date(s) and byline to d. Returns how
 * many words it holds besides them, or -1 when it is too long to be meta.
 * A field that opens on a stamp ("Publié il y a 3 heures") says when, in
 * words no date parser reads: it still makes the line a dateline. */
static int read_field(const read_cues *c, const char *s, size_t n, dateline *d, bool *stamp)
{
    char *f = ora_strndup(s, n);
    if (!f)
        return -1;
    int other = 0;
    size_t i = 0, mark = 0, pre, name;
    while (f[i] == ' ')
        i++;
    if (cue_prefix(&c->stamp, f + i))
        *stamp = true;
    if (byline_at(c, f + i, &pre, &name)) {
        if (!d->byline[0]) {
            size_t k = name < sizeof d->byline ? name : sizeof d->byline - 1;
            memcpy(d->byline, f + i + pre, k);
            d->byline[k] = '\0';
        }
        i += pre + name;
        mark = i;
    }
    size_t by = mark ? 0 : cue_prefix(&c->byline, f + i), desk = mark ? 0 : cue_prefix(&c->desk, f + i + by);
    if (desk) /* "Rédigé par La rédaction", "… - La rédaction de LCI": signed, by no one named */
        i += by + desk + site_after_desk(f + i + by + desk), mark = i;
    if (!mark)
        i += desk_signature(c, f + i);
    size_t field_start = i;
    bool dated = false, glued = false; /* this field has given a date; a label glued to it */
    while (f[i]) {
        char iso[32];
        size_t used = (i == 0 || f[i - 1] == ' ' || f[i - 1] == '(' || glued)
                          ? dateline_date(c, f + i, iso) : 0;
        glued = false;
        if (used) {
            /* "Romain Lefèvre jeudi 22 avril 2021", "Jean Dupont, le 12 mars
             * 2024": a name before the date */
            bool on = false;
            size_t before = name_before_date(c, f + field_start, i - field_start, &on);
            /* "Jean-Marc Ayrault, le 27 octobre 2012 à Toulouse" is a
             * caption: after "le", only a date that ends the field signs */
            bool ends = !f[i + used + strspn(f + i + used, " ")];
            if (!d->byline[0] && before && (!on || ends) && dateline_bare_name(c, f + field_start, before)) {
                size_t k = before;
                if (k >= sizeof d->byline)
                    k = sizeof d->byline - 1;
                memcpy(d->byline, f + field_start, k);
                d->byline[k] = '\0';
                other -= (int)spaced_words(d->byline);
            }
            time_before_date(c, f + field_start, i - field_start, before, iso);
            bool mod = says_modified(c, f + mark, f + i);
            if (mod && !d->modified[0])
                memcpy(d->modified, iso, 32);
            else if (!mod && !d->published[0])
                memcpy(d->published, iso, 32);
            else if (!mod && dated)
                other += MAX_OTHER_WORDS + 1; /* "le 3 juin … et le 20 juin …": a schedule, not a stamp */
            dated = true;
            i += used;
            mark = i;
            continue;
        }
        if (f[i] == ' ' || f[i] == ',' || f[i] == '.' || f[i] == '(' || f[i] == ')') {
            i++;
            continue;
        }
        if (f[i - (i > 0)] == ' ' && isdigit((unsigned char)f[i]) && cue_reading_time(c, f + i))
            break; /* "… par X 9 minutes de lecture": a reading time ends the field, unread */
        /* "Posted on June 12, 2017 by Jane Doe": the byline after the date */
        if (!d->byline[0] && mark > field_start && byline_at(c, f + i, &pre, &name)) {
            size_t k = name < sizeof d->byline ? name : sizeof d->byline - 1;
            memcpy(d->byline, f + i + pre, k);
            d->byline[k] = '\0';
            i += pre + name;
            continue;
        }
        size_t w = strcspn(f + i, " ,()"), label = glued_label_len(c, f + i, w);
        if (label) {
            i += label, glued = true;
            continue;
        }
        if (!meta_word(c, f + i, w))
            other++;
        i += w;
    }
    free(f);
    return other;
}

/* Length of a field separator at s, 0 if none. */
static size_t separator_len(const char *s)
{
    if (*s == '|')
        return 1;
    if (str_starts_with(s, "\xE2\x80\xA2")) /* • */
        return 3;
    if (str_starts_with(s, "\xC2\xB7")) /* · */
        return 2;
    if (str_starts_with(s, " / "))
        return 3; /* "by X / January 19, 2017 / …" */
    return spaced_dash_len(s);
}

/* "AM" or "PM" ending a word: the half of the day of "10:05AM". */
static bool half_of_day(const char *p)
{
    return (p[0] == 'A' || p[0] == 'P') && p[1] == 'M' && !isalnum((unsigned char)p[2]);
}

/* "13 mars 201713 mars 2017": a copy of a page that prints its
 * publication and its update dates side by side (WordPress's two <time>
 * elements) glues the year of the first to the day of the second. True
 * at p when a year (1900 to 2100) starts there, one or two digits follow
 * it, then a month's name. */
static bool glued_year_at(const read_cues *c, const char *line, const char *p)
{
    if ((p > line && isdigit((unsigned char)p[-1])) || !isdigit((unsigned char)p[0]))
        return false;
    size_t n = strspn(p, "0123456789");
    if ((n != 5 && n != 6) || p[n] != ' ')
        return false;
    int year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
    const char *w = p + n + 1;
    size_t wl = strcspn(w, " ,.");
    return year >= 1900 && year <= 2100 && cue_month(c, w, wl) > 0;
}

/* Copies glue the fields of a dateline together ("Par Camille
 * VasseurPublié le … à 06h30Temps de lecture"): a capital right after a
 * lower-case letter or a digit starts a new field. The caller frees the
 * copy. */
static char *unglue(const read_cues *c, const char *line)
{
    strbuf b;
    sb_init(&b);
    for (const char *p = line; *p; p++) {
        if (glued_year_at(c, line, p)) { /* "13 mars 201713 mars 2017" */
            sb_add(&b, p, 4);
            sb_adds(&b, " | ");
            p += 3;
            continue;
        }
        unsigned char prev = p > line ? (unsigned char)p[-1] : ' ';
        bool glued = (islower(prev) || isdigit(prev) || (prev >= 0xA0 && prev <= 0xBF &&
                      p - line >= 2 && (unsigned char)p[-2] == 0xC3)) &&
                     latin_capital_at(p) && !(isdigit(prev) && half_of_day(p));
        /* "AFP Publié le …": the source, then the stamp; "… à 08h14 Temps
         * de lecture : 4 min": the date, then a field no one reads */
        bool stamp = p > line + 1 && p[-1] == ' ' && p[-2] != '|' &&
                     (cue_prefix(&c->stamp, p) ||
                      (isupper((unsigned char)*p) && cue_starts_nocase(&c->idle, p, strlen(p))));
        if (glued || stamp)
            sb_adds(&b, " | ");
        sb_addc(&b, *p);
    }
    return sb_take(&b);
}

/* A field no one reads aloud: "Temps de lecture : 4 min". */
static bool idle_field(const read_cues *c, const char *s, size_t n)
{
    while (n && *s == ' ')
        s++, n--;
    return cue_starts_nocase(&c->idle, s, n);
}

/* "AFP", "ATS", "Belga" written in capitals: a news agency signs the
 * dispatch. */
static bool agency(const char *s, size_t n)
{
    if (n < 2 || n > 5)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isupper((unsigned char)s[i]))
            return false;
    return true;
}

/* A field that is a name and nothing else ("Nadia Belkacem | 5 novembre
 * 2019"): the byline, when the line has a date. */
static void name_field(const read_cues *c, const char *line, dateline *d)
{
    for (const char *p = line; *p && !d->byline[0];) {
        const char *q = p;
        while (*q && !separator_len(q))
            q++;
        while (p < q && *p == ' ') /* not past q: a separator may open on a space */
            p++;
        size_t n = (size_t)(q - p);
        while (n && p[n - 1] == ' ')
            n--;
        if (n && n < sizeof d->byline && (dateline_bare_name(c, p, n) || agency(p, n))) {
            memcpy(d->byline, p, n);
            d->byline[n] = '\0';
        }
        p = *q ? q + separator_len(q) : q;
    }
}

/* "The @WashingtonPost Front Page, October 10, 2016 #Debate
 * pic.twitter.com/…": an embedded post, its date and a link, is no
 * dateline; no byline carries a link. */
static bool holds_link(const char *text)
{
    return strstr(text, "://") || strstr(text, "pic.twitter.com/");
}

bool dateline_parse(const read_cues *c, const char *text, dateline *d)
{
    memset(d, 0, sizeof *d);
    if (strlen(text) > 400 || holds_link(text))
        return false;
    char *line = unglue(c, text);
    if (!line)
        return false;
    int total = 0;
    bool meta = true, stamp = false;
    for (const char *p = line; *p;) {
        const char *q = p;
        while (*q && !separator_len(q))
            q++;
        bool had_byline = d->byline[0] != '\0';
        int other = idle_field(c, p, (size_t)(q - p)) ? 0
                                                       : read_field(c, p, (size_t)(q - p), d, &stamp);
        /* a byline may carry roles: "X, correspondant à Pékin, et Y" */
        int most = !had_byline && d->byline[0] ? 4 * MAX_OTHER_WORDS : MAX_OTHER_WORDS;
        if (other < 0 || other > most)
            meta = false;
        total += other;
        p = *q ? q + separator_len(q) : q;
    }
    if (total > (d->byline[0] ? 4 * MAX_OTHER_WORDS : 2 * MAX_OTHER_WORDS))
        meta = false;
    /* "Le 7 juin 2006, X a été dessaisi du dossier et remplacé par Y.": a
     * sentence, its "par" no byline's; a byline's roles end on no full stop */
    if (total > MAX_OTHER_WORDS && ends_full_stop(text, strlen(text)))
        meta = false;
    if (meta && !d->byline[0] && (d->published[0] || d->modified[0]))
        name_field(c, line, d);
    free(line);
    if (!d->published[0] && d->modified[0]) { /* "Mis à jour le …" alone */
        memcpy(d->published, d->modified, sizeof d->published), d->modified[0] = '\0';
        d->update_only = true;
    }
    return meta && (stamp || d->published[0] || d->modified[0] || d->byline[0]);
}
