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
    phrase_list widget; /* third parties' boxes ("%disqus"), unlikely in every pass */
    phrase_list share;  /* share and follow bars ("&share"), even inside "article-share" */
    phrase_list lede;   /* names of a chapo ("^chapo") */
    phrase_list byline; /* names of a signature ("@auteur") */
} readability_words;

/* Does n's class or id name one of the words (whole parts, see
 * rules/readability.txt)? */
bool readability_named(xmlNodePtr n, const phrase_list *words);

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
int node_list_add(node_list *l, xmlNodePtr n); /* -1 when out of memory */

/* What the scoring saw, for deciding whether the page holds an article. */
typedef struct {
    double top_score;       /* the chosen container's score */
    size_t text_len;        /* visible characters in the chosen elements */
    size_t page_text_len;   /* visible characters in the page */
    size_t page_link_len;   /* of which inside links */
    bool relaxed;           /* found by the pass without unlikely words */
    bool scored;            /* the scoring ran (no site rule chose the container) */
} readability_stats;

/* The elements that hold the article, in document order: the best-scored
 * container and those of its siblings that look like more of the article.
 * Empty when the page has no paragraph at all. When the first pass finds
 * little text, a second pass ignores the unlikely words. With avoid, no
 * element chosen is avoid or inside it (the reading of a first choice was
 * refused: the runner-up, perhaps an ancestor, read without it). */
int readability_find(xmlNodePtr root, const readability_words *w, xmlNodePtr avoid,
                     node_list *out, readability_stats *st);

/* Inline (phrasing) elements: their text flows into the paragraph around
 * them. */
bool readability_inline(xmlNodePtr n);

/* A <form> that wraps the page's prose rather than fields to fill in. */
bool readability_page_form(xmlNodePtr n);

/* Visible characters (not spaces) of an element's text. */
size_t visible_text(xmlNodePtr n);

/* Share of an element's text that sits inside links (0 when it has none). */
double link_density(xmlNodePtr n);

#endif
