/* The header's other fields (byline, site, address, dates) and the order
 * in which all are filled: what the page shows for the title, what it
 * declares for dates and authors, which are machine-readable. */
#include "dateline.h"
#include "html.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The names of a byline line, without what follows them: a date (", le 3
 * mai", " le 07 Mai 2020", ", 21 juin 2018"), a separator (" | ", " • ",
 * " - "), or a stamp ("Publié"). */
char *byline_name(const read_cues *c, const char *s)
{
    static const char *const seps[] = {" | ", " \xe2\x80\xa2 ", " \xc2\xb7 ", " - ",
                                       " \xe2\x80\x94 ", " \xe2\x80\x93 ", NULL};
    size_t end = strlen(s);
    for (const char *const *p = seps; *p; p++) {
        const char *hit = strstr(s, *p);
        if (hit && (size_t)(hit - s) < end)
            end = (size_t)(hit - s);
    }
    const char *stamp = cue_find(&c->stamp, s, end);
    if (stamp)
        end = (size_t)(stamp - s);
    /* "le" (a cue of the section on) after a comma or before a day */
    for (const char *p = strchr(s, ' '); p && (size_t)(p - s) < end; p = strchr(p + 1, ' ')) {
        size_t on = cue_prefix(&c->on, p + 1);
        if (on && ((p > s && p[-1] == ',') || isdigit((unsigned char)p[1 + on])))
            end = (size_t)(p - s);
    }
    /* ", 21 juin 2018": a comma before a number */
    for (const char *k = strchr(s, ','); k && (size_t)(k - s) < end; k = strchr(k + 1, ','))
        if (isdigit((unsigned char)k[1]) || (k[1] == ' ' && isdigit((unsigned char)k[2])))
            end = (size_t)(k - s);
    while (end && strchr(" ,;:", s[end - 1]))
        end--;
    return ora_strndup(s, end);
}

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
const char *person_author(const page_meta *m)
{
    const char *s = m->author;
    return s && !strstr(s, "://") ? s : NULL;
}

/* The date a rule's element shows as French text ("Publié le 3 mai
 * 2026 à 7h30", "12/05/2026"), when the page declares none: a date at
 * its start, or after a stamp that is no update. */
void date_from_text(const read_cues *c, ora_article *a, xmlNodePtr root,
                           const site_rules *r)
{
    if (a->published)
        return;
    char *text = rule_text(root, r->date, r), iso[32];
    const char *p = text;
    size_t stamp = p ? cue_prefix(&c->stamp, p) : 0;
    if (stamp && !cue_find(&c->update, p, stamp))
        p += stamp, p += cue_prefix(&c->on, p);
    if (p && dateline_date(c, p, iso))
        a->published = ora_strdup(iso);
    free(text);
}

/* A byline taken from markup must look like one: a few names, not an
 * author box with a biography, nor a sentence. */
char *usable_byline(const read_cues *c, char *raw)
{
    char *b = raw ? byline_name(c, raw + cue_prefix(&c->byline, raw)) : NULL;
    free(raw);
    if (b && (strlen(b) < 3 || strlen(b) > 80 || strstr(b, ". ") || strstr(b, "://"))) {
        free(b);
        return NULL;
    }
    return b;
}

static char *markup_byline(const read_cues *c, xmlNodePtr root, const site_rules *r)
{
    return usable_byline(c, rule_text(root, r->byline, r));
}

void fill_header(const read_cues *c, ora_article *a, xmlNodePtr root, const site_rules *r,
                        const site_rules *g, const readability_words *words,
                        const page_meta *m, const jsonld_info *j, bool has_rules,
                        const char *host, bool *lede_declared)
{
    fill_title(a, root, r, m, j, has_rules, host);
    if (has_rules) /* default.txt's lede is the fallback below */
        set_once(&a->lede, rule_text(root, r->lede, r));
    *lede_declared = !a->lede;
    if (!a->lede) {
        set_once(&a->lede, ora_strdup(j->description));
        set_once(&a->lede, ora_strdup(m->og_description));
        if (a->lede)
            strip_tags(a->lede);
        if (a->lede && looks_truncated(a->lede) && !has_rules) {
            /* a cut description is no lede; the chapo shown below, if any */
            free(a->lede);
            a->lede = NULL;
        }
        complete_lede(a, root, r);
    }
    if (a->lede && *lede_declared) {
        /* the description the page shows as its chapo is a shown lede */
        char *shown = shown_chapo(root, g, words);
        if (same_folded(shown, a->lede))
            *lede_declared = false;
        free(shown);
    }
    /* a cut description gives way to the chapo the page shows */
    if ((!a->lede || looks_truncated(a->lede) || !chapo_sized(a->lede)) && *lede_declared) {
        char *shown = shown_chapo(root, g, words);
        if (shown) {
            free(a->lede);
            a->lede = shown;
            *lede_declared = false;
            /* (a chapo found by its class, not by a site's rule) */
        } else {
            free(shown);
        }
    }
    if (has_rules)
        set_once(&a->byline, strip_par(c, rule_text(root, r->byline, r)));
    set_once(&a->byline, ora_strdup(j->authors));
    if (!a->byline)
        a->byline = markup_byline(c, root, g);

    set_once(&a->site, ora_strdup(j->publisher));
    set_once(&a->site, ora_strdup(m->og_site));
    set_once(&a->url, ora_strdup(m->canonical));
    set_once(&a->url, ora_strdup(m->og_url));
    set_once(&a->url, ora_strdup(j->url));
    set_once(&a->published, ora_strdup(j->published));
    set_once(&a->published, ora_strdup(m->published));
    set_once(&a->modified, ora_strdup(j->modified));
    set_once(&a->modified, ora_strdup(m->modified));
    if (has_rules)
        date_from_text(c, a, root, r);
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
            char *c = prop(n, "class");
            if (c && (strstr(c, "published") || strstr(c, "dtstart")))
                v = prop(n, "title");
            free(c);
        }
        if (!v && (node_is(n, "time") || xmlHasProp(n, BAD_CAST "itemprop"))) {
            char *ip = prop(n, "itemprop");
            bool pub = node_is(n, "time") || (ip && strcasecmp(ip, "datePublished") == 0);
            free(ip);
            if (pub) {
                v = prop(n, "datetime");
                if (!v)
                    v = prop(n, "content");
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

/* The date a page shows in markup, when it declares none: in the article
 * first (a page's header may show today's date), then anywhere. */
void fill_date(ora_article *a, xmlNodePtr root, const node_list *containers)
{
    for (size_t i = 0; i < containers->n && !a->published; i++)
        set_once(&a->published, first_datetime(containers->nodes[i]->children));
    for (size_t i = 0; i < containers->n && !a->published; i++)
        set_once(&a->published, first_datetime(containers->nodes[i]->parent
                                                   ? containers->nodes[i]->parent->children
                                                   : NULL));
    set_once(&a->published, first_datetime(root));
}
