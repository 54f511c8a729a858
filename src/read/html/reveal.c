/* An article the page hides until a button shows it ("Cet article est
 * ancien… Afficher l'article", "Lire la suite"): its text is in the page,
 * in a block marked hidden, and a reader that skips hidden blocks finds
 * only the notice above it. html.c asks for it only when the page read as
 * no article, and keeps the reading only when it speaks of the title. */
#include "html.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A hidden block is an article's when it holds this much prose: a
 * paragraph is a <p> of PARAGRAPH_WORDS words or more. */
#define REVEAL_PARAGRAPHS 3
#define REVEAL_WORDS 150
#define PARAGRAPH_WORDS 8

static bool hides_itself(xmlNodePtr n)
{
    if (xmlHasProp(n, BAD_CAST "hidden") || style_hides(n))
        return true;
    char *aria = node_prop(n, "aria-hidden");
    bool hidden = aria && strcasecmp(aria, "true") == 0;
    free(aria);
    return hidden;
}

/* Containers a page hides for good reasons: a menu, a dialog's form,
 * a template a script copies. */
static bool never_article(xmlNodePtr n)
{
    static const char *const tags[] = {"head", "script", "style", "noscript", "template", "nav",
                                       "footer", "aside", "form", "dialog", "header", NULL};
    return node_is_one_of(n, tags);
}

static void count_prose(xmlNodePtr n, size_t *paragraphs, size_t *words)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || never_article(n))
            continue;
        if (node_is(n, "p")) {
            xmlChar *t = xmlNodeGetContent(n);
            size_t w = word_count((const char *)t);
            xmlFree(t);
            *paragraphs += w >= PARAGRAPH_WORDS;
            *words += w;
            continue;
        }
        count_prose(n->children, paragraphs, words);
    }
}

/* The hidden block under n with the most prose (an outer one on a tie). */
static void largest_hidden(xmlNodePtr n, xmlNodePtr *best, size_t *best_words)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || never_article(n))
            continue;
        if (hides_itself(n)) {
            size_t paragraphs = 0, words = 0;
            count_prose(n->children, &paragraphs, &words);
            if (paragraphs >= REVEAL_PARAGRAPHS && words >= REVEAL_WORDS && words > *best_words)
                *best = n, *best_words = words;
            continue;
        }
        largest_hidden(n->children, best, best_words);
    }
}

bool reveal_hidden_prose(xmlNodePtr root)
{
    xmlNodePtr best = NULL;
    size_t words = 0;
    largest_hidden(root, &best, &words);
    if (!best)
        return false;
    xmlUnsetProp(best, BAD_CAST "hidden");
    xmlUnsetProp(best, BAD_CAST "aria-hidden");
    xmlUnsetProp(best, BAD_CAST "style");
    return true;
}
