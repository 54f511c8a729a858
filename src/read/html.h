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

/* Marks a <br> in gathered text until paragraphs are split at "<br><br>". */
#define BR_MARK '\x01'

typedef struct {
    char *og_title, *og_description, *og_site, *og_url, *canonical;
    char *published, *modified, *author, *content_tier, *doc_title;
    char *publisher, *lang, *og_type;
    char *meta_title; /* DC.title, itemprop=headline, twitter:title */
} page_meta;

typedef struct {
    const site_rules *rules;
    const site_rules *generic; /* default.txt: markup every site uses */
    const phrase_list *shop;   /* rules/fr/shop-links.txt */
    const boilerplate *bp;
    const read_cues *cues;
    const readability_words *words; /* set on pages read by the fallback */
    const char *paid_selector;      /* NULL when it names no article part */
    ora_article *a;
    bool stopped; /* reached the paywall or the end of the article */
    size_t container_len; /* visible text of the containers walked */
    bool lede_shown;      /* a block of the body repeated the lede */
    seen_set seen;        /* hashes of the blocks read, to read none twice */
    uint64_t title_hash, lede_hash;
    strbuf run;   /* inline text waiting for the next block boundary */
    size_t run_links; /* bytes of it inside links */
    uint64_t alt_hash;  /* the text of the picture just walked past (alt, title) */
    uint64_t alt_hash2;
    const char *host; /* the page's, when it says where it lives */
} body_walk;

/* Deeper than this, a page is refused rather than read: the readers walk
 * the tree recursively, and no article nests its text a thousand elements
 * deep (news pages stay under fifty). libxml2's own limit (256) is lifted
 * with XML_PARSE_HUGE, which otherwise cut deep pages to their title. */
#define MAX_PAGE_DEPTH 1000

/* html_parse.c */
int tree_depth(xmlNodePtr root);
htmlDocPtr parse_page(const char *data, size_t len, char *taken);

/* html_table.c */
bool take_table(body_walk *w, xmlNodePtr n);

/* html_judge.c */
const char *judge_page(const ora_article *a, xmlNodePtr root, const page_meta *m,
                              const jsonld_info *j, const readability_stats *st,
                              const phrase_list *pl);

/* html_meta.c */
void set_once(char **field, char *value);
void read_metadata(xmlNodePtr n, page_meta *m, jsonld_info *j);
void page_meta_free(page_meta *m);
void read_lang(ora_article *a, xmlNodePtr root, const jsonld_info *j,
                      const page_meta *m);
char *page_host(const page_meta *m, const jsonld_info *j, const char *fetched_from);

/* html_title.c */
bool title_matches_declared(const char *h1, const jsonld_info *j, const page_meta *m);
void fill_title(ora_article *a, xmlNodePtr root, const site_rules *r,
                       const page_meta *m, const jsonld_info *j, bool has_rules,
                       const char *host);

/* html_lede.c */
void complete_lede(ora_article *a, xmlNodePtr root, const site_rules *r);
bool chapo_sized(const char *t);
char *find_named(xmlNodePtr n, const site_rules *g, const phrase_list *words,
                        bool *after_h1, size_t min, size_t max);
char *shown_chapo(xmlNodePtr root, const site_rules *g, const readability_words *words);
bool looks_truncated(const char *s);
void strip_tags(char *s);
void add_first_paragraph(ora_article *a, const char *text);
void finish_lede(ora_article *a, bool declared, bool shown);

/* html_header.c */
char *byline_name(const read_cues *c, const char *s);
const char *person_author(const page_meta *m);
void date_from_text(const read_cues *c, ora_article *a, xmlNodePtr root,
                           const site_rules *r);
char *usable_byline(const read_cues *c, char *raw);
void fill_header(const read_cues *c, ora_article *a, xmlNodePtr root, const site_rules *r,
                        const site_rules *g, const readability_words *words,
                        const page_meta *m, const jsonld_info *j, bool has_rules,
                        const char *host, bool *lede_declared);
void fill_date(ora_article *a, xmlNodePtr root, const node_list *containers);

/* html_lines.c */
bool take_signature(const read_cues *c, ora_article *a, const char *text);
bool is_meta_line(const read_cues *c, const char *t);
bool is_initials(const char *t);
bool is_post_signature(const char *t);
bool looks_like_caption(const read_cues *c, const char *t);
bool is_credit_line(const read_cues *c, const char *t);
void drop_glued_counter(char *t);
bool is_header_label(const ora_article *a, ora_block_kind kind, const char *text);
bool is_kicker(const ora_article *a, const char *text);

/* html_furniture.c */
bool is_embed_box(xmlNodePtr n);
bool is_shop_box(const body_walk *w, xmlNodePtr n);
bool skip_element(const body_walk *w, xmlNodePtr n);
bool is_link_block(const body_walk *w, xmlNodePtr n, ora_block_kind kind,
                          const char *text, size_t text_len);

/* html_end.c */
void trim_trailing_box(ora_article *a);
bool ends_before(const body_walk *w, xmlNodePtr prev, xmlNodePtr next);

/* html_container.c */
const char *usable_paid_selector(xmlNodePtr root, const char *sel,
                                        const node_list *containers);
int find_containers(xmlNodePtr root, const site_rules *r,
                           const readability_words *words, const char *title,
                           node_list *out, readability_stats *st);

/* html_words.c */
size_t letter_words(const char *s);
size_t word_count(const char *s);
uint64_t folded_hash(const char *text);
bool same_folded(const char *a, const char *b);
bool has_word(const char *text);
size_t sentences(const char *s);
size_t prose_paragraphs(const ora_article *a);
size_t prose_words(const ora_article *a);

/* html_node.c */
char *prop(xmlNodePtr n, const char *name);
bool never_text(xmlNodePtr n);
bool names_credit(xmlNodePtr n);
void gather_text(xmlNodePtr n, const site_rules *r, strbuf *b);
char *squash_piece(const char *s, size_t n);
char *element_text(xmlNodePtr n, const site_rules *r);
bool is_subheading(xmlNodePtr n);
bool block_kind(xmlNodePtr n, ora_block_kind *kind);
bool has_block_inside(xmlNodePtr n);
char *rule_text(xmlNodePtr root, const char *sel, const site_rules *r);

/* html_walk.c */
void flush_run(body_walk *w);
void walk_node(body_walk *w, xmlNodePtr n, bool in_quote);
void walk_body(body_walk *w, xmlNodePtr n, bool in_quote);

#endif
