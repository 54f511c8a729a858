/* The lede: the rule's chapo, a description that is not cut nor a
 * tagline, or the chapo the page shows; and, once the body is read, a lede
 * that repeats or opens it, or is too long to be one, gives way. */
#include "html.h"
#include "squash.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* The first paragraph-like element whose text begins with prefix and is
 * longer than it: where a shortened description comes from. */
static char *find_longer(xmlNodePtr n, const char *prefix, size_t plen,
                         const site_rules *r)
{
    static const char *const tags[] = {"p", "h2", "div", "span", NULL};
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || never_text(n))
            continue;
        if (node_is_one_of(n, tags) && !has_block_inside(n)) {
            char *t = element_text(n, r);
            if (t && strlen(t) > plen && strncmp(t, prefix, plen) == 0)
                return t;
            free(t);
        } else {
            char *hit = find_longer(n->children, prefix, plen, r);
            if (hit)
                return hit;
        }
    }
    return NULL;
}

/* Descriptions are often cut for search engines ("…", "..."): the page
 * shows the whole lede somewhere; use that when it is found. */
void complete_lede(ora_article *a, xmlNodePtr root, const site_rules *r)
{
    if (!a->lede || strlen(a->lede) < 40)
        return;
    size_t plen = strlen(a->lede) * 3 / 4;
    while (plen && ((unsigned char)a->lede[plen] & 0xC0) == 0x80)
        plen--; /* not inside a UTF-8 sequence */
    char *full = find_longer(root, a->lede, plen, r);
    if (full && strlen(full) < 1000) {
        free(a->lede);
        a->lede = full;
    } else {
        free(full);
    }
}

/* Shorter, a description is a tagline ("Le blog de Marie", "X's
 * homepage"), not a chapo. */
#define CHAPO_MIN 40
bool chapo_sized(const char *t)
{
    return t && strlen(t) >= CHAPO_MIN && strlen(t) < 700 && sentences(t) <= 4;
}

/* The first element named by one of the words after the page's <h1> (a
 * tagline above it, "site-description", is the site's, not the article's),
 * with min to max bytes of text. */
char *find_named(xmlNodePtr n, const site_rules *g, const phrase_list *words,
                        bool *after_h1, size_t min, size_t max)
{
    static const char *const tags[] = {"p", "div", "h2", "span", "section", NULL};
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || never_text(n) || node_is(n, "nav") ||
            node_is(n, "footer"))
            continue;
        if (node_is(n, "h1")) {
            *after_h1 = true;
            continue;
        }
        if (*after_h1 && node_is_one_of(n, tags) && readability_named(n, words)) {
            char *t = element_text(n, g);
            if (t && strlen(t) >= min && strlen(t) < max && (min < 40 || chapo_sized(t)))
                return t;
            free(t);
        }
        char *hit = find_named(n->children, g, words, after_h1, min, max);
        if (hit)
            return hit;
    }
    return NULL;
}

/* The chapo a page shows: by the common selectors of default.txt, else
 * by a class or id that names one ("story-standfirst", "article__chapo"). */
char *shown_chapo(xmlNodePtr root, const site_rules *g, const readability_words *words)
{
    char *t = rule_text(root, g->lede, g);
    if (chapo_sized(t))
        return t;
    free(t);
    bool after_h1 = false;
    return find_named(root, g, &words->lede, &after_h1, 40, 700);
}

/* A description cut for search engines ("…", "(...)") is not the lede. */
bool looks_truncated(const char *s)
{
    size_t n = strlen(s);
    static const char *const marks[] = {"(...)", "[...]", "(\xe2\x80\xa6)", "[\xe2\x80\xa6]", NULL};
    for (const char *const *m = marks; *m; m++)
        if (strstr(s, *m))
            return true;
    if (strstr(s, "...,") || strstr(s, " ... "))
        return true; /* "hier soir à ..., lisez plus sur …" */
    return (n >= 3 && strcmp(s + n - 3, "...") == 0) ||
           (n >= 3 && strcmp(s + n - 3, "\xe2\x80\xa6") == 0);
}

/* Some pages put markup in their description ("<P>Ce…"): tags go. */
void strip_tags(char *s)
{
    char *o = s;
    for (const char *p = s; *p; p++) {
        const char *close = *p == '<' && (isalpha((unsigned char)p[1]) || p[1] == '/')
                                ? strchr(p, '>') : NULL;
        if (close)
            p = close;
        else
            *o++ = *p;
    }
    *o = '\0';
}

/* The lede and the first paragraph say the same once. A declared lede (the
 * meta description) gives way to the page's own paragraph; a lede of many
 * sentences is the article's opening, not a lede. */
/* Puts the text before the body's first block. */
void add_first_paragraph(ora_article *a, const char *text)
{
    if (ora_article_add_block(a, ORA_BLOCK_PARAGRAPH, text) == 0) {
        ora_block first = a->blocks[a->n_blocks - 1];
        memmove(a->blocks + 1, a->blocks, (a->n_blocks - 1) * sizeof *a->blocks);
        a->blocks[0] = first;
    }
}

/* A lede too long to be one, that the page shows above the body, is the
 * body's first paragraph: dropped, it would be read nowhere. */
void finish_lede(ora_article *a, bool declared, bool shown)
{
    if (!a->lede)
        return;
    /* a short description over a body is the site's tagline; with no body
     * it is all the page says, and the page is judged on it */
    bool drop = declared && (looks_truncated(a->lede) ||
                             (strlen(a->lede) < CHAPO_MIN && prose_paragraphs(a)));
    if (!drop && a->n_blocks && a->blocks[0].kind == ORA_BLOCK_PARAGRAPH) {
        char *l = squash_folded(a->lede), *p = squash_folded(a->blocks[0].text);
        size_t ll = l ? strlen(l) : 0;
        while (ll && strchr(". ", l[ll - 1]))
            ll--;
        if (l && p && ll > 20 && strncmp(l, p, ll) == 0)
            drop = true; /* the first paragraph begins with it */
        free(l), free(p);
    }
    if (!drop && (sentences(a->lede) > 4 || strlen(a->lede) > 800)) {
        drop = true;
        if (shown)
            add_first_paragraph(a, a->lede);
    }
    if (drop) {
        free(a->lede);
        a->lede = NULL;
    }
}
