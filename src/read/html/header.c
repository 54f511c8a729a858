/* The header's other fields (byline, site, address, dates) and the order
 * in which all are filled: what the page shows for the title, what it
 * declares for dates and authors, which are machine-readable. */
#include "read/dateline.h"
#include "html.h"
#include "read/squash.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* "Par Jean Dupont" → "Jean Dupont". */
static char *strip_par(const read_cues *c, char *byline)
{
    if (!byline)
        return NULL;
    char *s = ora_strdup(byline + cue_prefix(&c->byline, byline));
    free(byline);
    return s;
}

/* An author meta that is a link is no byline; one that names the desk or
 * the publisher is kept, as the last resort it is (a signature line in the
 * body, read before it, names a person better). */
static const char *person_author(const page_meta *m)
{
    const char *s = m->author;
    return s && !strstr(s, "://") ? s : NULL;
}

/* The date after a stamp's words ("Publié le"): perhaps after "le" or a
 * colon ("Publié le : 14/04/2022 - 10:15"). Its ISO form in iso. */
static bool date_after_stamp(const read_cues *c, const char *p, char *iso)
{
    p += cue_prefix(&c->on, p);
    p += strspn(p, " ");
    if (*p == ':')
        p += 1 + strspn(p + 1, " ");
    return dateline_date(c, p, iso);
}

/* The date a rule's element shows as French text ("Publié le 3 mai
 * 2026 à 7h30", "12/05/2026", "Publié le : 14/04/2022 - 10:15"), when
 * the page declares none: a date at its start, or after a stamp that is
 * no update. */
static void date_from_text(const read_cues *c, ora_article *a, xmlNodePtr root,
                           const site_rules *r)
{
    if (a->published)
        return;
    char *text = rule_text(root, r->date, r), iso[32];
    const char *p = text;
    size_t stamp = p ? cue_prefix(&c->stamp, p) : 0;
    bool after_stamp = stamp && !cue_find(&c->update, p, stamp);
    if (p && (after_stamp ? date_after_stamp(c, p + stamp, iso) : dateline_date(c, p, iso)))
        a->published = ora_strdup(iso);
    free(text);
}

/* The date of a byline's element ("Par Claire Vasseur, le 3 mars 2025"),
 * read as a dateline, when the page declares none. */
static void date_from_byline(const read_cues *c, ora_article *a, xmlNodePtr root,
                             const site_rules *r)
{
    if (a->published)
        return;
    char *text = rule_text(root, r->byline, r);
    dateline d;
    if (text && dateline_parse(c, text, &d) && d.published[0] && !d.update_only)
        a->published = ora_strdup(d.published);
    free(text);
}

/* Does a day and a month, either way round, open s ("Dec 15", "December
 * 21", "3 mai")? A date without its year, which dateline_date() does not
 * read. */
static bool opens_day_month(const read_cues *c, const char *s)
{
    size_t n = strcspn(s, " ,");
    const char *next = s[n] ? s + n + strspn(s + n, " ,") : s + n;
    size_t digits = strspn(next, "0123456789");
    if (cue_month(c, s, n) && digits >= 1 && digits <= 2)
        return true;
    size_t day = strspn(s, "0123456789");
    return day >= 1 && day <= 2 && day == n && cue_month(c, next, strcspn(next, " ,"));
}

/* What led to a date cut from a byline goes with it: "Sam Byford on",
 * "Bryan Walsh Tuesday,". */
static void drop_date_lead(const read_cues *c, char *b)
{
    for (;;) {
        size_t n = strlen(b);
        while (n && strchr(" ,;:", b[n - 1]))
            b[--n] = '\0';
        char *last = strrchr(b, ' ');
        if (!last)
            return;
        size_t wl = n - (size_t)(last + 1 - b);
        if (!cue_word_nocase(&c->on, last + 1, wl) && !cue_word_nocase(&c->at, last + 1, wl) &&
            !cue_word_nocase(&c->weekday, last + 1, wl))
            return;
        *last = '\0';
    }
}

/* The names before a date in a byline ("Keith Noonan Jan 9, 2017", "Jean
 * Dupont 12/05/2020", "T.C. Sottek Nov 29"): the date begins a word after
 * the first, or is glued to the name by markup without a space ("Seth
 * Fiegerman2014-01-26"); and before a handle glued to it ("Tom
 * Warren@tomwarren"), a contact, no name. */
static void cut_at_date(const read_cues *c, char *b)
{
    char iso[32];
    if (!*b)
        return; /* "Par" over a date alone left no name: nothing to cut */
    for (char *p = b + 1; *p; p++) {
        bool word = p[-1] == ' ' && *p != ' ';
        bool glued = isdigit((unsigned char)*p) && islower((unsigned char)p[-1]);
        bool handle = *p == '@' && isalpha((unsigned char)p[-1]) && isalpha((unsigned char)p[1]);
        if (handle || ((word || glued) && dateline_date(c, p, iso)) ||
            (word && opens_day_month(c, p))) {
            *p = '\0';
            drop_date_lead(c, b);
            return;
        }
    }
}

/* The byline of an element that opens on a date ("December 7, 2016 @ 3:53
 * PM By Megan French"): the name the dateline gives after it; a date alone
 * ("Dec 1st 2016 1:01PM") names no one. NULL when there is no date first. */
static char *name_after_date(const read_cues *c, const char *raw, bool *dated)
{
    char iso[32];
    dateline d;
    *dated = raw && dateline_date(c, raw, iso) && dateline_parse(c, raw, &d);
    return *dated && d.byline[0] ? ora_strdup(d.byline) : NULL;
}

/* "9:39AM": a time, which a name never holds. */
static bool has_clock_time(const char *s)
{
    for (const char *p = strchr(s, ':'); p; p = strchr(p + 1, ':'))
        if (p > s && isdigit((unsigned char)p[-1]) && isdigit((unsigned char)p[1]))
            return true;
    return false;
}

/* A name said twice, the second time as a hidden copy or a handle
 * ("Andrea WongAndrea Wong", "Margaret Talev margarettalev"): once. */
static void drop_repeated_name(char *b)
{
    size_t n = strlen(b);
    for (size_t k = 3; k + 3 <= n; k++) {
        if (((unsigned char)b[k] & 0xC0) == 0x80 || !isalpha((unsigned char)b[k]))
            continue;
        char *first = bare_letters(b, k), *second = bare_letters(b + k, n - k);
        bool twice = first && second && strlen(first) >= 3 && strcmp(first, second) == 0;
        free(first), free(second);
        if (twice) {
            while (k && strchr(" ([@", b[k - 1]))
                k--;
            b[k] = '\0';
            return;
        }
    }
}

/* The byline's element often holds the share bar beside the name
 * ("Le7.info Partager sur :", "Par Marie Roy Partagez"): the byline ends
 * where a button's words open (furniture.txt, "button"). */
static void cut_at_button(const read_cues *c, char *b)
{
    if (!*b)
        return;
    for (char *p = b + 1; *p; p++) {
        size_t k = p[-1] == ' ' ? cue_opens(&c->button, p) : 0;
        if (k && !word_byte((unsigned char)p[k])) {
            while (p > b && p[-1] == ' ')
                p--;
            *p = '\0';
            return;
        }
    }
}

/* Bytes of a byline taken from markup, at most. */
#define BYLINE_MAX 80

/* A byline taken from markup must look like one: a few names, not an
 * author box with a biography, nor a sentence, nor a date. */
static char *usable_byline(const read_cues *c, char *raw)
{
    const char *names;
    if (raw && cue_desk_initials(c, raw, &names)) { /* "ats/hof, avec Darius Rochebin" */
        char *b = names ? ora_strdup(names) : NULL;
        free(raw);
        return b;
    }
    bool dated = false;
    char *b = name_after_date(c, raw, &dated);
    if (!dated && raw)
        b = byline_name(c, raw + byline_cue_end(c, raw));
    free(raw);
    if (b) {
        cut_at_date(c, b);
        cut_at_button(c, b);
        if (strlen(b) <= 2 * BYLINE_MAX + 1) /* its test is quadratic: no longer text is a name twice */
            drop_repeated_name(b);
    }
    if (b && (strlen(b) < 3 || strlen(b) > BYLINE_MAX || strstr(b, ". ") || strstr(b, "://") ||
              has_clock_time(b))) {
        free(b);
        return NULL;
    }
    return b;
}

/* Whether a text between two authors only joins them: ", ", " et ". */
static bool joins_names(const char *t)
{
    while (*t) {
        if (strchr(" \t\r\n,&", *t))
            t++;
        else if (strncmp(t, "et", 2) == 0)
            t += 2;
        else if (strncmp(t, "and", 3) == 0)
            t += 3;
        else
            return false;
    }
    return true;
}

/* The byline element n's text, with the co-authors marked beside it:
 * "<span itemprop=author>X</span>, <span itemprop=author>Y</span>" is
 * "X, Y" (the first match alone dropped Y). */
static char *authors_text(xmlNodePtr n, const site_rules *r)
{
    char *text = n ? element_text(n, r) : NULL;
    xmlNodePtr a = n;
    for (int up = 0; a && up < 2 && !prop_is(a, "itemprop", "author"); up++)
        a = a->parent;
    if (!text || !a || !prop_is(a, "itemprop", "author"))
        return text;
    strbuf b;
    sb_init(&b);
    sb_adds(&b, text);
    free(text);
    for (xmlNodePtr s = a->next; s; s = s->next) {
        if (s->type == XML_TEXT_NODE && s->content && joins_names((const char *)s->content))
            continue;
        if (!prop_is(s, "itemprop", "author"))
            break;
        char *more = element_text(s, r);
        if (more && *more) {
            sb_adds(&b, ", ");
            sb_adds(&b, more);
        }
        free(more);
    }
    return sb_take(&b);
}

static char *markup_byline(const read_cues *c, xmlNodePtr root, const site_rules *r)
{
    return usable_byline(c, authors_text(selector_find_first_of(root, r->byline), r));
}

/* Whether the declared author is the site itself ("author": the blog's
 * name, as the publisher's): a desk, not who wrote the article. */
static bool author_is_site(const jsonld_info *j, const page_meta *m)
{
    return j->authors && (same_folded(j->authors, j->publisher) || same_folded(j->authors, m->og_site));
}

/* The rule's byline, JSON-LD's authors, then the markup every site uses
 * (itemprop, rel=author, .byline). */
static void fill_byline(const reader_data *d, ora_article *a, xmlNodePtr root,
                        const page_meta *m, const jsonld_info *j)
{
    if (has_site_rules(d))
        set_once(&a->byline, strip_par(&d->cues, rule_text(root, d->site.byline, &d->site)));
    /* a declared author that is the site's name is a desk: the name the
     * page signs with ("par Martine Rouvier"), if any, is sought below */
    if (!author_is_site(j, m))
        set_once(&a->byline, ora_strdup(j->authors));
    if (!a->byline)
        a->byline = markup_byline(&d->cues, root, &d->generic);
}

/* The publisher, the address and the dates the page declares. */
static void fill_declared(ora_article *a, const page_meta *m, const jsonld_info *j)
{
    set_once(&a->site, ora_strdup(j->publisher));
    set_once(&a->site, ora_strdup(m->og_site));
    set_once(&a->url, ora_strdup(m->canonical));
    set_once(&a->url, ora_strdup(m->og_url));
    set_once(&a->url, ora_strdup(j->url));
    set_once(&a->published, holds_year(j->published) ? ora_strdup(j->published) : NULL);
    set_once(&a->published, ora_strdup(m->published));
    set_once(&a->modified, holds_year(j->modified) ? ora_strdup(j->modified) : NULL);
    set_once(&a->modified, ora_strdup(m->modified));
}

bool fill_header(const reader_data *d, ora_article *a, xmlNodePtr root, const page_meta *m,
                 const jsonld_info *j)
{
    bool has_rules = has_site_rules(d);
    fill_title(a, root, &d->site, m, j, has_rules, d->host);
    bool lede_declared = fill_lede(d, a, root, m, j);
    fill_byline(d, a, root, m, j);
    fill_declared(a, m, j);
    if (has_rules)
        date_from_text(&d->cues, a, root, &d->site);
    return lede_declared;
}


static bool iso_date(const char *s)
{
    int y, mo, d;
    return s && sscanf(s, "%4d-%2d-%2d", &y, &mo, &d) == 3 && s[4] == '-' && s[7] == '-' &&
           y > 1990 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
}

/* The first <time datetime> (or itemprop=datePublished) inside n. */
static char *first_datetime(xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || never_text(n))
            continue;
        char *v = NULL;
        if (!node_is(n, "time") && xmlHasProp(n, BAD_CAST "title") &&
            xmlHasProp(n, BAD_CAST "class")) { /* hAtom: <abbr class=published title=ISO> */
            char *c = node_prop(n, "class");
            if (c && (strstr(c, "published") || strstr(c, "dtstart")))
                v = node_prop(n, "title");
            free(c);
        }
        if (!v && (node_is(n, "time") || xmlHasProp(n, BAD_CAST "itemprop"))) {
            /* a <time itemprop=dateModified> is an update's, which pages
             * often set before the publication's ("Mis à jour le 06/04 ·
             * Publié le 05/04") */
            char *ip = node_prop(n, "itemprop");
            bool pub = ip ? strcasecmp(ip, "datePublished") == 0 || strcasecmp(ip, "dateCreated") == 0 ||
                                (node_is(n, "time") && strncasecmp(ip, "date", 4) != 0)
                          : node_is(n, "time");
            free(ip);
            if (pub) {
                v = node_prop(n, "datetime");
                if (!v)
                    v = node_prop(n, "content");
            }
        }
        if (iso_date(v))
            return v;
        free(v);
        char *hit = first_datetime(n->children);
        if (hit)
            return hit;
    }
    return NULL;
}

/* A stamp line is short: "Publié le 14/03/2022 à 08h15", "Mis en ligne le
 * 3 mai 2026". */
#define STAMP_MAX_CHARS 120

/* A test of a text node n, which opens on t (its leading blanks
 * skipped): the whole text of its element when that element is a
 * dateline of the test's kind, its date's ISO form in iso; NULL else. */
typedef char *dated_text_fn(const read_cues *c, const site_rules *r, xmlNodePtr n, const char *t, char *iso);

/* The element opens on a stamp cue ("Publié le", "Le") and a date, not
 * an update's ("Mis à jour le"). Only a text that opens on a stamp makes
 * its element worth reading whole: one pass over the page, not one an
 * element. */
static char *stamp_text(const read_cues *c, const site_rules *r, xmlNodePtr n, const char *t, char *iso)
{
    if (!cue_prefix(&c->stamp, t))
        return NULL;
    char *text = element_text(n->parent, r);
    size_t len = text ? strlen(text) : 0, stamp = len ? cue_prefix(&c->stamp, text) : 0;
    if (stamp && len <= STAMP_MAX_CHARS && !cue_find(&c->update, text, stamp) && date_after_stamp(c, text + stamp, iso))
        return text;
    free(text);
    return NULL;
}

/* Or an element that signs and dates ("Par Margot Delval, le 14 mars
 * 2025", "12/09/2023 - Par Jeanne Morel"): a dateline with both, short
 * as a stamp line is, in the article's header under a class no list
 * names ("post-meta"). */
static char *signed_stamp_text(const read_cues *c, const site_rules *r, xmlNodePtr n, const char *t, char *iso)
{
    char *text = stamp_text(c, r, n, t, iso);
    if (text || !*t)
        return text;
    text = element_text(n->parent, r);
    dateline d;
    if (text && strlen(text) <= STAMP_MAX_CHARS && dateline_parse(c, text, &d) && d.byline[0] &&
        d.published[0] && !d.update_only) {
        snprintf(iso, 32, "%s", d.published);
        return text;
    }
    free(text);
    return NULL;
}

/* The element says a date and nothing else ("12 mars 2021 à 08:40" under
 * the headline, between the author's link and the share bar), or a date
 * and when it was updated. */
static char *date_alone(const read_cues *c, const site_rules *r, xmlNodePtr n, const char *t, char *iso)
{
    if (!isdigit((unsigned char)*t) || strlen(t) > STAMP_MAX_CHARS)
        return NULL;
    char *text = element_text(n->parent, r);
    size_t len = text ? strlen(text) : 0, date = len <= STAMP_MAX_CHARS ? dateline_date(c, text, iso) : 0;
    /* "04/08/2016 à 05:02, actualisé à 23:09": the update after it is the
     * same line's */
    size_t rest = date ? date + strspn(text + date, " ,-|\xE2\x80\x93") : 0;
    if (date && (date == len || (rest < len && cue_prefix(&c->update, text + rest))))
        return text;
    free(text);
    return NULL;
}

/* The text of the first short element from n on that test takes for a
 * dateline, and before stop when there is one (*passed is set at stop):
 * a dateline in markup no class names; its date's ISO form in iso. Links
 * are left out: a teaser's stamp is another article's. NULL when none. */
static char *first_dated_text(const read_cues *c, const site_rules *r, xmlNodePtr n, xmlNodePtr stop,
                              bool *passed, char *iso, dated_text_fn *test)
{
    for (; n && !*passed; n = n->next) {
        if (n == stop) {
            *passed = true;
            break;
        }
        if (n->type == XML_TEXT_NODE && n->content && n->parent) {
            const char *t = (const char *)n->content;
            char *text = test(c, r, n, t + strspn(t, " \t\r\n"), iso);
            if (text)
                return text;
            continue;
        }
        if (n->type != XML_ELEMENT_NODE || never_text(n) || node_is(n, "a"))
            continue;
        char *hit = first_dated_text(c, r, n->children, stop, passed, iso, test);
        if (hit)
            return hit;
    }
    return NULL;
}

/* The stamp line around a container, or its signed dateline: in its
 * parent, which holds its header. */
static char *stamp_line_around(const reader_data *d, xmlNodePtr container, char *iso)
{
    bool passed = false;
    return first_dated_text(&d->cues, &d->generic, container->parent ? container->parent->children : container,
                            NULL, &passed, iso, signed_stamp_text);
}

/* The first element that marks the author (names_author: rel, itemprop,
 * "vcard author"), out of reader comments; NULL when none. */
static xmlNodePtr first_author(xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || never_text(n) || names_comments(n))
            continue;
        if (names_author(n))
            return n;
        xmlNodePtr hit = first_author(n->children);
        if (hit)
            return hit;
    }
    return NULL;
}

/* Bytes around the author's name where the date of the byline's line
 * is sought: "jeudi 13 juin 2019, par X", "par X, le 15 septembre 2009". */
#define DATE_BEFORE_NAME 60
#define DATE_AFTER_NAME 40

/* Whether a sentence ends in [k, at), before the name at at: a stop,
 * then a capital that opens neither the name nor a byline ("… le 2 avril
 * 2022. AFP/Jean Dupont Texte par : X": a legend's date). */
static bool sentence_ends_between(const read_cues *c, const char *text, size_t k, size_t at)
{
    for (size_t i = k; i + 2 < at; i++)
        if (text[i] == '.' && text[i + 1] == ' ' && latin_capital_at(text + i + 2) &&
            !cue_prefix(&c->byline, text + i + 2))
            return true;
    return false;
}

/* A date that opens a word of text near name (before it, or right after
 * it), as a byline's line sets it, no sentence between; its ISO form in
 * iso. */
static bool date_near_name(const read_cues *c, const char *text, const char *name, char *iso)
{
    const char *hit = *name ? strstr(text, name) : NULL;
    if (!hit)
        return false;
    size_t at = (size_t)(hit - text), end = at + strlen(name), len = strlen(text);
    size_t from = at > DATE_BEFORE_NAME ? at - DATE_BEFORE_NAME : 0;
    size_t to = end + DATE_AFTER_NAME < len ? end + DATE_AFTER_NAME : len;
    for (size_t k = from; k < to; k++)
        if ((k == 0 || text[k - 1] == ' ') && text[k] != ' ' && (k < at || k >= end) &&
            !(k < at && sentence_ends_between(c, text, k, at)) && dateline_date(c, text + k, iso))
            return true;
    return false;
}

/* The date on the author's line: in the text of the author's element's
 * parents, up to three, near the name ("Par Matthieu Hy le 07 Mai 2020",
 * "jeudi 13 juin 2019, par Attac France", "Accueil | Par Loïc Le Clerc |
 * 30 septembre 2018"): a date no class names, beside the name one does.
 * An update's date is not the publication's. */
static void date_beside_author(const read_cues *c, ora_article *a, xmlNodePtr root,
                               const site_rules *r)
{
    xmlNodePtr author = a->published ? NULL : first_author(root);
    char *name = author ? element_text(author, r) : NULL, iso[32];
    xmlNodePtr n = author ? author->parent : NULL;
    for (int up = 0; name && n && n->type == XML_ELEMENT_NODE && up < 3 && !a->published; up++, n = n->parent) {
        char *text = element_text(n, r);
        if (text && date_near_name(c, text, name, iso) && !cue_find(&c->update, text, strlen(text)))
            a->published = ora_strdup(iso);
        free(text);
    }
    free(name);
}

/* Bytes of text in a paragraph of prose: a container's head is above it. */
#define HEAD_PROSE_CHARS 200

/* The first paragraph of prose in n and under it, in the order of the
 * page; NULL when none. */
static xmlNodePtr first_prose(xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || never_text(n))
            continue;
        if (node_is(n, "p") && visible_text(n) > HEAD_PROSE_CHARS)
            return n;
        xmlNodePtr hit = first_prose(n->children);
        if (hit)
            return hit;
    }
    return NULL;
}

/* A date alone in the head of the container, above its first paragraph
 * of prose ("<span class=publication>04/08/2016 à 05:02" between the
 * chapô and the text, under a class no list names). Below the prose, a
 * date alone is the article's own matter. */
static void date_in_head(const reader_data *d, ora_article *a, xmlNodePtr container)
{
    char iso[32];
    bool passed = false;
    xmlNodePtr prose = first_prose(container->children);
    char *line = prose ? first_dated_text(&d->cues, &d->generic, container->children, prose, &passed, iso,
                                          date_alone)
                       : NULL;
    if (line)
        a->published = ora_strdup(iso);
    free(line);
}

/* Once the containers are known, the date a page shows in markup, when it
 * declares none: in the article first (a page's header may show today's
 * date), then anywhere; else one written as text where the common markup
 * puts it. */
void finish_date(const reader_data *d, ora_article *a, xmlNodePtr root,
                 const node_list *containers)
{
    for (size_t i = 0; i < containers->n && !a->published; i++)
        set_once(&a->published, first_datetime(containers->nodes[i]->children));
    for (size_t i = 0; i < containers->n && !a->published; i++)
        set_once(&a->published, first_datetime(containers->nodes[i]->parent
                                                   ? containers->nodes[i]->parent->children
                                                   : NULL));
    set_once(&a->published, first_datetime(root));
    date_from_text(&d->cues, a, root, &d->generic);
    date_from_byline(&d->cues, a, root, &d->generic);
    date_beside_author(&d->cues, a, root, &d->generic);
    /* around the article: its container's parent holds its header */
    char iso[32];
    for (size_t i = 0; i < containers->n && !a->published; i++) {
        char *line = stamp_line_around(d, containers->nodes[i], iso);
        if (line)
            a->published = ora_strdup(iso);
        free(line);
    }
    /* or a date alone in the first container's head, above its prose */
    if (!a->published && containers->n)
        date_in_head(d, a, containers->nodes[0]);
    /* or a date alone above the first container, in its parent: after
     * the container, a date alone is a comment's or a review's */
    xmlNodePtr first = containers->n ? containers->nodes[0] : NULL;
    bool passed = false;
    char *line = first && first->parent && !a->published
                     ? first_dated_text(&d->cues, &d->generic, first->parent->children, first, &passed, iso,
                                        date_alone)
                     : NULL;
    if (line)
        a->published = ora_strdup(iso);
    free(line);
}

/* A byline that only names the site is its publisher's card, not a
 * signature: "Le7.info" in the author box of a column signed elsewhere. */
static void drop_site_byline(ora_article *a)
{
    if (a->byline && a->site && same_folded(a->byline, a->site)) {
        free(a->byline);
        a->byline = NULL;
    }
}

/* Words of a name over a sentence that presents its author, at most. */
#define PRESENTED_NAME_WORDS 4

/* An author box with no class a rule names: a short name, then a
 * sentence that presents the author (furniture.txt's author-bio: "<h3>Sylvie
 * Gagnon</h3><p>L'autrice est bibliothécaire…</p>"). The name; NULL
 * when the page has no such box. */
static char *name_over_bio(const reader_data *d, xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || never_text(n))
            continue;
        if (node_is(n, "p")) {
            char *t = element_text(n, &d->generic);
            xmlNodePtr over = t && cue_prefix(&d->cues.author_bio, t) ? xmlPreviousElementSibling(n) : NULL;
            char *name = over ? element_text(over, &d->generic) : NULL;
            free(t);
            if (name && word_count(name) >= 2 && word_count(name) <= PRESENTED_NAME_WORDS)
                return name;
            free(name);
            continue;
        }
        char *found = name_over_bio(d, n->children);
        if (found)
            return found;
    }
    return NULL;
}

void finish_byline(const reader_data *d, ora_article *a, xmlNodePtr root, const page_meta *m,
                   const node_list *containers)
{
    if (!a->byline) { /* an element whose class names a signature */
        bool after_h1 = false;
        a->byline = usable_byline(&d->cues, find_named(root, &d->generic, &d->words.byline,
                                                       &after_h1, 3, 200));
        drop_site_byline(a);
    }
    /* the name on the stamp line: "Publié le 03/12/2010 par Jean Dupont" */
    char iso[32];
    for (size_t i = 0; i < containers->n && !a->byline; i++) {
        char *line = stamp_line_around(d, containers->nodes[i], iso);
        dateline dl;
        if (line && dateline_parse(&d->cues, line, &dl) && dl.byline[0])
            a->byline = usable_byline(&d->cues, ora_strdup(dl.byline));
        free(line);
    }
    if (!a->byline)
        a->byline = usable_byline(&d->cues, name_over_bio(d, root));
    set_once(&a->byline, ora_strdup(person_author(m)));
}
