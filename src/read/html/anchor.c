/* The text the page declares (JSON-LD's articleBody, a recipe's steps),
 * found in the page: the element that holds its first and its last words
 * is where the article is, whatever the scoring thought. Pages built of
 * nameless wrappers ("dsaq dsar dsas…", a paragraph in each of five
 * nested <div>s) defeat class words and scatter a paragraph's points;
 * the declared text does not depend on either. */
#include "html.h"

#include <stdlib.h>
#include <string.h>

/* The page's visible text, folded, and where each text node's share of
 * it starts (the nodes in document order). */
typedef struct {
    strbuf text;
    xmlNodePtr *nodes;
    size_t *at;
    size_t n, cap;
} page_text;

/* Appends s folded: without its spaces of any kind (no-break and narrow
 * ones too), a typographic apostrophe as "'". JSON-LD writes "l'État"
 * where the page shows "l’État", and puts spaces where the page has tags
 * ("reviendra" .", "reviendra"</em>."). */
static void add_folded(strbuf *b, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
            continue;
        if (p[0] == 0xC2 && p[1] == 0xA0) {
            p++;
        } else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xAF || p[2] == 0x89)) {
            p += 2;
        } else if (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x99) {
            sb_addc(b, '\'');
            p += 2;
        } else {
            sb_addc(b, (char)*p);
        }
    }
}

static void note_node(page_text *pt, xmlNodePtr n)
{
    if (pt->n == pt->cap) {
        size_t cap = pt->cap ? pt->cap * 2 : 256;
        xmlNodePtr *nodes = realloc(pt->nodes, cap * sizeof *nodes);
        if (nodes)
            pt->nodes = nodes;
        size_t *at = realloc(pt->at, cap * sizeof *at);
        if (at)
            pt->at = at;
        if (!nodes || !at)
            return;
        pt->cap = cap;
    }
    pt->nodes[pt->n] = n;
    pt->at[pt->n++] = pt->text.len;
}

static void collect(page_text *pt, xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE && n->content) {
            note_node(pt, n);
            add_folded(&pt->text, (const char *)n->content);
        } else if (n->type == XML_ELEMENT_NODE && !never_text(n)) {
            collect(pt, n->children);
        }
    }
}

/* The text node in which the folded text's byte at falls. */
static xmlNodePtr node_at(const page_text *pt, size_t at)
{
    size_t lo = 0, hi = pt->n;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (pt->at[mid] <= at)
            lo = mid;
        else
            hi = mid;
    }
    return pt->n ? pt->nodes[lo] : NULL;
}

static size_t depth_of(xmlNodePtr n)
{
    size_t d = 0;
    for (; n; n = n->parent)
        d++;
    return d;
}

static xmlNodePtr common_ancestor(xmlNodePtr a, xmlNodePtr b)
{
    size_t da = depth_of(a), db = depth_of(b);
    for (; da > db; da--)
        a = a->parent;
    for (; db > da; db--)
        b = b->parent;
    while (a != b)
        a = a->parent, b = b->parent;
    return a;
}

/* The element that holds the folded words s, looked for from byte from
 * on; *end gets the byte after them. NULL when the page does not show
 * them. */
static xmlNodePtr holder_of(const page_text *pt, const char *s, size_t from, size_t *end)
{
    strbuf folded;
    sb_init(&folded);
    add_folded(&folded, s);
    const char *hit = folded.len ? strstr(pt->text.s + from, folded.s) : NULL;
    xmlNodePtr h = NULL;
    if (hit) {
        size_t at = (size_t)(hit - pt->text.s);
        *end = at + folded.len;
        h = common_ancestor(node_at(pt, at), node_at(pt, *end - 1));
    }
    sb_free(&folded);
    while (h && h->type != XML_ELEMENT_NODE)
        h = h->parent;
    return h;
}

/* Bytes of page text per byte of declared text past which the element
 * holds much more than the article (the page's whole body, a sidebar),
 * and the slack for a short text's head and furniture. */
#define ANCHOR_TEXT_SHARE 2
#define ANCHOR_TEXT_SLACK 2000

xmlNodePtr declared_container(xmlNodePtr root, const jsonld_info *j)
{
    if (!j->body_first || !j->body_last)
        return NULL;
    page_text pt = {0};
    sb_init(&pt.text);
    collect(&pt, root);
    size_t first_end = 0, last_end = 0;
    xmlNodePtr first = pt.text.s ? holder_of(&pt, j->body_first, 0, &first_end) : NULL;
    size_t first_len = strlen(j->body_first);
    xmlNodePtr last = first ? holder_of(&pt, j->body_last, first_end > first_len ? first_end - first_len : 0,
                                        &last_end)
                            : NULL;
    xmlNodePtr c = first && last ? common_ancestor(first, last) : NULL;
    while (c && c->type != XML_ELEMENT_NODE)
        c = c->parent;
    if (c && (node_is(c, "html") || node_is(c, "body") ||
              visible_text(c) > j->body_len * ANCHOR_TEXT_SHARE + ANCHOR_TEXT_SLACK))
        c = NULL;
    sb_free(&pt.text);
    free(pt.nodes);
    free(pt.at);
    return c;
}
