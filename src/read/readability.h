/* The scoring fallback for pages of sites without rules: where is the
 * article? After Arc90's Readability (paragraph length, commas, class and
 * id weights, link density, merging of siblings). */
#ifndef ORA_READABILITY_H
#define ORA_READABILITY_H

#include "internal.h"

#include <libxml/tree.h>

/* The class/id words of rules/readability.txt. */
typedef struct {
    phrase_list positive, negative, unlikely;
} readability_words;

int readability_words_load(readability_words *w, ora_error *err);
void readability_words_free(readability_words *w);

/* An element named by an unlikely word (and no positive one): menus,
 * comments, sidebars. */
bool readability_unlikely(const readability_words *w, xmlNodePtr n);

typedef struct {
    xmlNodePtr *nodes;
    size_t n, cap;
} node_list;

void node_list_free(node_list *l);

/* The elements that hold the article, in document order: the best-scored
 * container and those of its siblings that look like more of the article.
 * Empty when the page has no paragraph at all. */
int readability_find(xmlNodePtr root, const readability_words *w,
                     node_list *out);

/* Share of an element's text that sits inside links (0 when it has none). */
double link_density(xmlNodePtr n);

#endif
