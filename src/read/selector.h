/* CSS selectors over libxml2 trees (see selector.c for what is supported). */
#ifndef ORA_SELECTOR_H
#define ORA_SELECTOR_H

#include <libxml/tree.h>
#include <stdbool.h>

bool selector_matches(xmlNodePtr n, const char *list);
/* First element in document order at or below the siblings from root. */
xmlNodePtr selector_find(xmlNodePtr root, const char *list);
bool selector_valid(const char *list);
/* An element of that tag name (any case); one of a NULL-ended list. */
bool node_is(xmlNodePtr n, const char *name);
bool node_is_one_of(xmlNodePtr n, const char *const *names);
/* The first selector of the list that matches, tried in the list's order
 * (site rules list their preferred container first). */
xmlNodePtr selector_find_first_of(xmlNodePtr root, const char *list);

#endif
