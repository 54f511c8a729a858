/* JSON-LD metadata of news pages (schema.org NewsArticle and kin). */
#ifndef ORA_JSONLD_H
#define ORA_JSONLD_H

#include "internal.h"

typedef struct {
    char *headline, *description, *published, *modified;
    char *authors;   /* names joined with ", " */
    char *publisher; /* publisher.name */
    char *url;
    char *lang;
    int free_access;    /* 1 free, 0 not free, -1 not said */
    char *paid_selector; /* hasPart.cssSelector of the paid part */
    /* The first and the last words of the text the page declares
     * (articleBody, a recipe's recipeInstructions), whitespace folded, tags
     * dropped: anchors to find that text in the page. NULL when none or
     * when it is too short to anchor anything. */
    char *body_first, *body_last;
    char *body_text;     /* an article's articleBody as declared, NULL when none */
    size_t body_len;     /* the declared text's length, in bytes */
    bool body_of_method; /* the anchors are a recipe's steps */
    bool is_article;     /* an object of an article type was seen */
    bool is_method;      /* a Recipe or a HowTo was seen: a text in steps */
} jsonld_info;

/* What a schema.org type name (n bytes at s: "NewsArticle", "Recipe")
 * says the page is, for JSON-LD's @type and microdata's itemtype. */
typedef enum { JSONLD_OTHER, JSONLD_ARTICLE, JSONLD_METHOD } jsonld_kind;
jsonld_kind jsonld_type_kind(const char *s, size_t n);

/* A recipe's steps the page declares otherwise (microdata's
 * recipeInstructions): the text of the first and the last, and the length
 * of all; anchors only when JSON-LD set none. */
void jsonld_declare_steps(jsonld_info *j, const char *first, const char *last, size_t len);

void jsonld_init(jsonld_info *j);
void jsonld_free(jsonld_info *j);
/* Reads one <script type="application/ld+json"> body; fields already set
 * are kept (the first article object found wins). Bad JSON is ignored: a
 * page's broken metadata must not stop its article being read. */
void jsonld_read(const char *json, size_t len, jsonld_info *j);

/* Adds the article's text as its JSON-LD declares it (articleBody), a
 * paragraph at each line break or block tag: for a page a script fills in,
 * whose markup holds none of it. */
void jsonld_add_body(const jsonld_info *j, ora_article *a);

#endif
