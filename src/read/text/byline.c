/* Names and bylines: a line that is a name, "By" alone over it, the byline
 * a dateline gives. */
#include "text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool plain_name_like(const reader *r, const line *l);

/* Words of a nicknamed name, its quotes taken off, at most. */
#define NICKNAMED_WORDS 5

/* "Marine « Reanoo » Wauquier", 'John "Jack" Smith': a nickname in quotes
 * between the names; the line without its quotation marks. */
static bool nicknamed_name_like(const reader *r, const line *l)
{
    char buf[128];
    size_t o = 0;
    for (const char *p = l->s; *p && o + 1 < sizeof buf; p++) {
        size_t q = str_starts_with(p, "\xC2\xAB") || str_starts_with(p, "\xC2\xBB") ? 2
                   : str_starts_with(p, "\xE2\x80\x9C") || str_starts_with(p, "\xE2\x80\x9D") ? 3
                   : *p == '"' ? 1 : 0;
        if (q) {
            p += q - 1;
            continue;
        }
        if (*p == ' ' && (o == 0 || buf[o - 1] == ' '))
            continue;
        buf[o++] = *p;
    }
    while (o && buf[o - 1] == ' ')
        o--;
    buf[o] = '\0';
    return spaced_words_upto(buf, NICKNAMED_WORDS) >= 3 && text_name_within(r, l, buf, o, NICKNAMED_WORDS);
}

/* "Jean Dupont": two to five capitalized words, nothing else; a nickname
 * in quotes may stand between them. */
bool text_name_like(const reader *r, const line *l)
{
    if (l->words >= 3 && l->words <= 7 && (strstr(l->s, "\xC2\xAB") || strchr(l->s, '"') ||
                                           strstr(l->s, "\xE2\x80\x9C")))
        return nicknamed_name_like(r, l);
    return plain_name_like(r, l);
}

static bool plain_name_like(const reader *r, const line *l)
{
    if (l->words < 2 || l->words > 5 || l->meta || l->drop || strpbrk(l->s, ".:!?;0123456789|"))
        return false; /* "Par Jean Dupont" is a dateline, read as one; "READ MORE" a button */
    if (cue_prefix(&r->cues.article, l->s) || cue_prefix(&r->cues.breadcrumb, l->s))
        return false; /* "Le Quotidien" is a paper, not a person; "Accueil Actualités" the site's path */
    if (l->stops && l->words >= 4)
        return false; /* "The Easiest Shrimp Tacos": a headline in title case; "Marine Le Pen" is a name */
    size_t small = 0; /* small letters in a row */
    for (const char *p = l->s; *p; p++) {
        if ((p == l->s || p[-1] == ' ') && !latin_capital_at(p))
            return false;
        /* "BakingWeeknight": two links a copy glued; "McAdams", "MacArthur",
         * "LeBlanc" have fewer small letters before their second capital */
        if (small >= 3 && latin_capital_at(p))
            return false;
        small = islower((unsigned char)*p) ? small + 1 : 0;
    }
    return true;
}

/* Longest word looked for in small letters. */
#define SMALL_WORD_MAX 40

/* "German Potato Salad" over a date is a dish, not a person: the prose
 * says "potato salad" in small letters, where a name keeps its capitals.
 * Two of the line's words or more, and most of them, said in small
 * letters in the article's prose make the line no name. */
bool text_said_in_small(const reader *r, size_t i)
{
    size_t words = 0, small = 0;
    for (const char *p = r->l[i].s; *p;) {
        while (*p == ' ')
            p++;
        const char *w = p;
        while (*p && *p != ' ')
            p++;
        size_t n = (size_t)(p - w);
        if (!n)
            break;
        words++;
        if (n < 3 || n > SMALL_WORD_MAX || !isupper((unsigned char)w[0]))
            continue;
        char low[SMALL_WORD_MAX + 1];
        memcpy(low, w, n);
        low[n] = '\0';
        low[0] = (char)tolower((unsigned char)low[0]);
        for (size_t j = r->body; j < r->stop; j++)
            if (r->l[j].cls == GOOD && text_holds_words(r->l[j].s, low, n, false)) {
                small++;
                break;
            }
    }
    return small >= 2 && small * 2 > words;
}

/* "By" alone on its line over the author's name ("by" / "Jane Doe": a
 * layout that sets them apart): the two are one dateline. The prefix line
 * is marked meta: it places the title over it, and the name beside it is
 * no title but the byline. */
void text_split_bylines(reader *r)
{
    for (size_t i = 0; i + 1 < r->n; i++) {
        line *l = &r->l[i];
        for (size_t k = 0; k < r->cues.byline.n && !l->meta; k++) {
            /* a prefix such as "By", not a field's label ("Auteur :", which
             * heads an author box after the article) */
            size_t n = r->cues.byline.len[k];
            while (n && r->cues.byline.s[k][n - 1] == ' ')
                n--;
            if (n && !memchr(r->cues.byline.s[k], ':', n) && l->len == n && strncmp(l->s, r->cues.byline.s[k], n) == 0 &&
                text_name_like(r, &r->l[i + 1]))
                l->meta = l->prefix_alone = true;
        }
    }
}

/* A copy sometimes doubles a name ("Jean DupontJean Dupont": the visible
 * name and a hidden one): keep one. */
static char *undouble(const char *s)
{
    size_t half = text_doubled_half(s);
    return half ? ora_strndup(s, half) : ora_strdup(s);
}

/* "Jean Dupont(Bruxelles)" as copies glue it → "Jean Dupont (Bruxelles)". */
char *text_byline_text(const char *s)
{
    strbuf b;
    sb_init(&b);
    for (const char *p = s; *p; p++) {
        if (*p == '(' && p > s && p[-1] != ' ')
            sb_addc(&b, ' ');
        sb_addc(&b, *p);
    }
    char *t = text_squash(b.s ? b.s : "", b.len);
    sb_free(&b);
    char *u = undouble(t);
    free(t);
    return u;
}

void text_take_dateline(reader *r, const char *s)
{
    dateline d;
    ora_article *a = r->a;
    if (!dateline_parse(&r->cues, s, &d))
        return;
    if (d.update_only) {
        /* "Mis à jour le …" alone is the date of an update: published
         * until a line says when the article came out */
        if (!a->modified)
            a->modified = ora_strdup(d.published);
        if (!a->published)
            a->published = ora_strdup(d.published);
    } else if (d.published[0] && (!a->published || (a->modified && strcmp(a->published, a->modified) == 0 &&
                                                   strcmp(d.published, a->modified) != 0))) {
        free(a->published);
        a->published = ora_strdup(d.published);
    }
    if (d.modified[0] && !a->modified)
        a->modified = ora_strdup(d.modified);
    if (d.byline[0] && !a->byline)
        a->byline = text_byline_text(d.byline);
}

bool text_bare_date(const reader *r, const char *s, dateline *d)
{
    return dateline_parse(&r->cues, s, d) && d->published[0] && !d->modified[0] && !d->update_only &&
           !cue_prefix(&r->cues.stamp, s) && !cue_prefix(&r->cues.byline, s);
}

/* The words in the first n bytes of s. */
static size_t words_before(const char *s, size_t n)
{
    size_t words = 0;
    for (size_t k = 0; k < n; k++)
        words += s[k] != ' ' && (k == 0 || s[k - 1] == ' ');
    return words;
}

/* Whether line l is a headline that ends on a date: "La piscine rouvre
 * 14/06/2023", "… agrandit 3 mai 2024"; three words at least before the
 * date (a chronology's dates stand alone). */
bool text_ends_on_date(const reader *r, const line *l)
{
    char iso[32];
    size_t from = l->len > 24 ? l->len - 24 : 0;
    for (size_t k = from; k < l->len; k++)
        if (k > 0 && l->s[k - 1] == ' ' && isdigit((unsigned char)l->s[k]) &&
            k + dateline_date(&r->cues, l->s + k, iso) == l->len)
            return words_before(l->s, k) >= 3;
    return false;
}

/* Is line j a dateline that names an author ("By Jane Doe", "Aug 8, 2020
 * by Nisha")? The dateline read goes into d. */
static bool names_author(const reader *r, size_t j, dateline *d)
{
    return r->l[j].meta && dateline_parse(&r->cues, r->l[j].s, d) && d->byline[0];
}

/* A dateline that names the author ("By Jane Doe") within three lines
 * under line i: a line of capitalized words over it is a short title
 * ("Broken Pledge"), not the author's name. */
bool text_byline_under(const reader *r, size_t i)
{
    for (size_t j = i + 1; j < r->n && j <= i + 3; j++) {
        dateline d;
        if (names_author(r, j, &d))
            return true;
    }
    return false;
}

/* Does a dateline right over line i (two lines at most) name an author
 * whose name the line does not open with ("Aug 8, 2020 by Nisha" over
 * "Vegan Brown Butter Peach Cobbler")? Then the line is the title set
 * under its dateline, not a name. */
bool text_byline_over(const reader *r, size_t i)
{
    for (size_t j = i > 2 ? i - 2 : 0; j < i; j++) {
        dateline d;
        if (names_author(r, j, &d) && strncasecmp(r->l[i].s, d.byline, strlen(d.byline)) != 0)
            return true;
    }
    return false;
}

/* Does line l open with the name (of name_words words) and add a word or
 * two, perhaps glued to it ("Jane Smith5 min read": the photo's alt text
 * and a reading time)? */
static bool opens_with_name(const line *l, const char *name, size_t name_words)
{
    size_t n = strlen(name);
    return n >= 5 && strncasecmp(l->s, name, n) == 0 && (l->s[n] == ' ' || isdigit((unsigned char)l->s[n])) &&
           l->words > name_words - (l->s[n] != ' ') && l->words <= name_words + 2;
}

/* Lines under an author's name again where the byline may stand, past
 * datelines and furniture. */
#define AUTHOR_REACH 5

/* The author's name again with a word or two after it: a handle
 * ("Margaret Talev margarettalev" under "Margaret Talev") or the alt text
 * of the author's photo ("Matt Snyder mugshot" over "By Matt Snyder"), as
 * copies that keep alt texts give them. Neither a title nor a line that
 * parts the title from its dateline. */
bool text_author_again(const reader *r, size_t i)
{
    const line *l = &r->l[i];
    if (l->words > 7 || l->meta)
        return false;
    if (i > 0 && text_name_like(r, &r->l[i - 1]) &&
        opens_with_name(l, r->l[i - 1].s, r->l[i - 1].words))
        return true;
    /* the byline within two lines under it, or further past datelines
     * and furniture ("Mis à jour le…", "Lecture : 5 min") */
    for (size_t j = i + 1; j < r->n && (j <= i + 2 || (j <= i + AUTHOR_REACH && (r->l[j - 1].meta || r->l[j - 1].drop)));
         j++) {
        dateline d;
        if (names_author(r, j, &d) &&
            (opens_with_name(l, d.byline, spaced_words(d.byline)) ||
             strcasecmp(l->s, d.byline) == 0)) /* the photo's alt text, the name alone */
            return true;
    }
    return false;
}

/* Where a name alone on its line ends ("Anne Roux - France Télévisions":
 * the name, then its desk after a dash), 0 when the line is no name. */
size_t text_name_part(const reader *r, const line *l)
{
    if (l->stops > 0 || l->bullet || l->drop || l->meta || l->credit_in)
        return 0; /* "The Road Ahead" is a sub-heading: names hold no function word */
    const char *dash = strstr(l->s, " - ");
    if (!dash)
        dash = strstr(l->s, " \xE2\x80\x94 "); /* — */
    size_t n = dash ? (size_t)(dash - l->s) : l->len;
    return text_name_within(r, l, l->s, n, 3) ? n : 0;
}

bool text_name_within(const reader *r, const line *l, const char *s, size_t n, size_t most)
{
    char buf[96];
    if (n >= sizeof buf)
        return false;
    memcpy(buf, s, n);
    buf[n] = '\0';
    line name = *l; /* its classes, with the part's text */
    name.s = buf, name.len = n, name.words = 1;
    for (size_t k = 0; k < n; k++)
        name.words += buf[k] == ' ';
    return name.words <= most && text_name_like(r, &name);
}
