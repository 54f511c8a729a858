/* The HTML reader's parts (src/read/html_*.c) and what they share.
 * html.c, the dispatcher, calls them; none of them calls html.c. */
#ifndef ORA_READ_HTML_H
#define ORA_READ_HTML_H

#include "cues.h"
#include "internal.h"
#include "jsonld.h"
#include "readability.h"
#include "selector.h"
#include "site.h"

#include <libxml/HTMLparser.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Deeper than this, a page is refused rather than read: the readers walk
 * the tree recursively, and no article nests its text a thousand elements
 * deep (news pages stay under fifty). libxml2's own limit (256) is lifted
 * with XML_PARSE_HUGE, which otherwise cut deep pages to their title. */
#define MAX_PAGE_DEPTH 1000

/* html_parse.c */
int tree_depth(xmlNodePtr root);
htmlDocPtr parse_page(const char *data, size_t len, char *taken);

#endif
