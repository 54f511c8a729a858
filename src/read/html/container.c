/* Where the article is: the site rule's container, or the elements that
 * Readability's scoring picks (readability.c), corrected to the <article>
 * that holds the title; and where JSON-LD says the paid part starts. */
#include "html.h"

#include <libxml/xpath.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A paid-part selector whose matches hold less text is a subscribe box. */
#define MIN_PAID_TEXT 200

static void paid_text_len(xmlNodePtr n, const char *sel, size_t *len, bool *inside)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (selector_matches(n, sel)) {
            xmlChar *t = xmlNodeGetContent(n);
            *len += t ? strlen((const char *)t) : 0;
            xmlFree(t);
            *inside = true;
            continue;
        }
        paid_text_len(n->children, sel, len, inside);
    }
}

/* Is inner outer, or inside it? */
static bool contains(xmlNodePtr outer, xmlNodePtr inner)
{
    for (xmlNodePtr p = inner; p; p = p->parent)
        if (p == outer)
            return true;
    return false;
}

/* Bytes of the paid part's text from which it is the rest of the
 * article, which the page carries (Google asks paywalled pages to, and a
 * subscriber's saved page does): it is read, and the article is whole. */
#define FULL_PAID_TEXT 1000

size_t paid_part_text(xmlNodePtr root, const char *sel)
{
    size_t len = 0;
    bool found = false;
    if (sel && selector_valid(sel))
        paid_text_len(root, sel, &len, &found);
    return found ? len : 0;
}

bool paid_part_whole(size_t len)
{
    return len >= FULL_PAID_TEXT;
}

/* hasPart.cssSelector is where the paid part starts, unless it matches
 * nothing, only a subscribe box, or the whole article (then the page holds
 * the free part only and the selector says nothing about where it ends),
 * or the page carries the paid part whole. len: paid_part_text's. */
const char *usable_paid_selector(const char *sel, size_t len, const node_list *containers)
{
    if (len < MIN_PAID_TEXT || paid_part_whole(len))
        return NULL;
    for (size_t i = 0; i < containers->n; i++)
        for (xmlNodePtr p = containers->nodes[i]; p; p = p->parent)
            if (p->type == XML_ELEMENT_NODE && selector_matches(p, sel) &&
                contains(p, containers->nodes[i]))
                return NULL;
    return sel;
}

/* The <h1> that shows the article's title. */
static xmlNodePtr title_heading(xmlNodePtr n, const char *title)
{
    static const char *const h1[] = {"h1", NULL};
    return element_saying(n, h1, title);
}

#define TITLED_ARTICLE_MIN 500
/* On a page of several stories (an endless scroll), the scoring may pick
 * a longer neighbour: the <article> that holds the title's <h1> is the
 * article, when the chosen elements lie outside it. */
static void follow_title(xmlNodePtr root, const char *title, node_list *out)
{
    xmlNodePtr h = title ? title_heading(root, title) : NULL, art = NULL;
    for (xmlNodePtr p = h ? h->parent : NULL; p && !art; p = p->parent)
        if (p->type == XML_ELEMENT_NODE && node_is(p, "article"))
            art = p;
    if (!art || !out->n || visible_text(art) < TITLED_ARTICLE_MIN)
        return;
    for (size_t i = 0; i < out->n; i++)
        if (contains(art, out->nodes[i]) || contains(out->nodes[i], art->parent))
            return; /* the choice is in it, is it, or holds it (<main>) */
    out->nodes[0] = art, out->n = 1;
}

/* Microdata's name for the element that holds the article's text. */
static bool article_body(xmlNodePtr n)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST "itemprop");
    bool body = v && strstr((const char *)v, "articleBody") != NULL;
    xmlFree(v);
    return body;
}

/* The elements named articleBody from n on, outermost only. */
static int collect_bodies(xmlNodePtr n, node_list *parts)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (article_body(n)) {
            if (node_list_add(parts, n) < 0)
                return -1;
        } else if (collect_bodies(n->children, parts) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Keeps the parts that hold text: a page may name an empty paragraph
 * articleBody first ("<p itemprop=articleBody></p>", then one per
 * paragraph). */
static void keep_parts_with_text(node_list *parts)
{
    size_t kept = 0;
    for (size_t i = 0; i < parts->n; i++)
        if (visible_text(parts->nodes[i]))
            parts->nodes[kept++] = parts->nodes[i];
    parts->n = kept;
}

/* A page may split the article's body over several elements its
 * microdata names ("<div itemprop=articleBody>" after each picture and
 * sub-heading, or each paragraph so named): when the rule or the scoring
 * chose one of them (an empty one too), or an element inside one, the
 * article is all of them that hold text, in the page's order. */
static int join_body_parts(xmlNodePtr root, node_list *out)
{
    if (out->n != 1)
        return 0;
    node_list parts = {0};
    if (collect_bodies(root, &parts) < 0) {
        node_list_free(&parts);
        return -1;
    }
    bool chosen = false;
    for (size_t i = 0; i < parts.n && !chosen; i++)
        chosen = contains(parts.nodes[i], out->nodes[0]);
    keep_parts_with_text(&parts);
    if (parts.n < 2 || !chosen) {
        node_list_free(&parts);
        return 0;
    }
    node_list_free(out);
    *out = parts;
    return 0;
}

/* Share of the declared text's element under which the scoring's choice,
 * inside it, is only a part of the article. */
#define DECLARED_PART_SHARE 0.6

/* Does a come before b in the page? */
static bool precedes(xmlNodePtr a, xmlNodePtr b)
{
    return xmlXPathCmpNodes(a, b) == 1;
}

/* The element that holds the declared text replaces the scoring's choice
 * when that choice lies outside it (customer reviews, a product's blurb)
 * or is a small part of it. A recipe's steps outside the choice join it
 * instead, in page order: a blog's post holds its story and, beside it,
 * its recipe's card, which is the article too. */
static xmlNodePtr follow_declared(xmlNodePtr root, const jsonld_info *j, node_list *out,
                                  readability_stats *st)
{
    xmlNodePtr d = declared_container(root, j);
#ifdef HTML_DEBUG
    fprintf(stderr, "declared: %s line %ld\n", d ? (const char *)d->name : j->body_first ? "not shown" : "none",
            d ? xmlGetLineNo(d) : 0L);
#endif
    if (!d)
        return NULL;
    size_t inside = 0, d_len = visible_text(d);
    for (size_t i = 0; i < out->n; i++) {
        if (contains(out->nodes[i], d)) /* the choice holds it: the scoring found the article and more */
            return j->body_of_method ? d : NULL; /* a recipe's card is walked though the post ended */
        inside += contains(d, out->nodes[i]) ? visible_text(out->nodes[i]) : 0;
    }
    if (out->n && inside >= (size_t)((double)d_len * DECLARED_PART_SHARE))
        return NULL;
    if (j->body_of_method && out->n && !inside) {
        size_t at = out->n;
        while (at > 0 && precedes(d, out->nodes[at - 1]))
            at--;
        if (node_list_add(out, d) < 0)
            return NULL;
        memmove(out->nodes + at + 1, out->nodes + at, (out->n - 1 - at) * sizeof *out->nodes);
        out->nodes[at] = d;
        st->text_len += d_len;
        return d;
    }
    if (!out->n && node_list_add(out, d) < 0)
        return NULL;
    out->nodes[0] = d, out->n = 1;
    st->text_len = d_len;
    return d;
}

int find_containers(xmlNodePtr root, const site_rules *r,
                    const readability_words *words, const jsonld_info *j, const char *title,
                    xmlNodePtr avoid, node_list *out, readability_stats *st, xmlNodePtr *declared)
{
    memset(out, 0, sizeof *out);
    memset(st, 0, sizeof *st);
    *declared = NULL;
    xmlNodePtr c = avoid ? NULL : selector_find_first_of(root, r->article);
    if (c) /* the rule's container (by default the microdata's articleBody) */
        return node_list_add(out, c) < 0 ? -1 : join_body_parts(root, out);
    if (readability_find(root, words, avoid, out, st) < 0)
        return -1;
    if (!avoid) {
        *declared = follow_declared(root, j, out, st);
        follow_title(root, title, out);
    }
    if (join_body_parts(root, out) < 0)
        return -1;
#ifdef HTML_DEBUG /* -DHTML_DEBUG: the chosen containers, for tuning */
    for (size_t i = 0; i < out->n; i++) {
        xmlChar *cl = xmlGetProp(out->nodes[i], BAD_CAST "class");
        fprintf(stderr, "container <%s> line %ld class=\"%s\" %zu characters\n",
                (const char *)out->nodes[i]->name, xmlGetLineNo(out->nodes[i]),
                cl ? (char *)cl : "", visible_text(out->nodes[i]));
        xmlFree(cl);
    }
#endif
    return 0;
}
