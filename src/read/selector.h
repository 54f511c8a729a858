/* CSS selectors over libxml2 trees (see selector.c for what is supported). */
#ifndef ORA_SELECTOR_H
#define ORA_SELECTOR_H

#include <libxml/tree.h>
#include <stdbool.h>

bool selector_matches(xmlNodePtr n, const char *list);
/* First element in document order at or below the siblings from root. */
xmlNodePtr selector_find(xmlNodePtr root, const char *list);
bool selector_valid(const char *list);

/* A list made ready for matching every element of a page (site rules'
 * drop, credit and cut lists): each selector is found in the text once,
 * and what its last compound asks first (a tag, a class, an id), which
 * most elements fail, is tried before the whole selector. NULL for an
 * empty list, which matches nothing. */
typedef struct selector_list selector_list;
selector_list *selector_list_compile(const char *list);
bool selector_list_matches(xmlNodePtr n, const selector_list *l);
void selector_list_free(selector_list *l);
/* An element of that tag name (any case); one of a NULL-ended list. */
bool node_is(xmlNodePtr n, const char *name);
bool node_is_one_of(xmlNodePtr n, const char *const *names);
/* The first selector of the list that matches, tried in the list's order
 * (site rules list their preferred container first). */
xmlNodePtr selector_find_first_of(xmlNodePtr root, const char *list);

#endif
