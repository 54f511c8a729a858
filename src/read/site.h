/* Site rules: where a site puts its article (rules/sites/NAME.txt). */
#ifndef ORA_SITE_H
#define ORA_SITE_H

#include "internal.h"
#include "selector.h"

typedef struct {
    char *name; /* file name, for messages */
    char *hosts, *article, *title, *lede, *byline, *date;
    char *drop, *credit, *cut;
    /* drop, credit and cut compiled: they are asked of every element */
    selector_list *drop_list, *credit_list, *cut_list;
} site_rules;

/* Loads the rules whose hosts match host (may be NULL), else default.txt. */
int site_rules_load(const char *host, site_rules *r, ora_error *err);
void site_rules_free(site_rules *r);
/* "https://www.lemonde.fr/x" → "www.lemonde.fr"; the caller frees it. */
char *url_host(const char *url);

#endif
