/* The HTML reader's parts (src/read/html_*.c) and what they share.
 * html.c, the dispatcher, calls them; none of them calls html.c. They are
 * listed from the bottom up: a part calls only parts listed above it (the
 * walk calls the judgments it makes on each element and block). */
#ifndef ORA_READ_HTML_H
#define ORA_READ_HTML_H

#include "read/cues.h"
#include "internal.h"
#include "read/jsonld.h"
#include "read/readability.h"
#include "read/selector.h"
#include "read/site.h"

#include <libxml/HTMLparser.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What a page is read with: the rules for its host and the read stage's
 * lists, loaded once a page (html.c). */
typedef struct {
    boilerplate bp;
    read_cues cues;
    site_rules site, generic; /* the host's rule file; default.txt */
    readability_words words;
    phrase_list not_article, shop;
    const char *host; /* the page's, when it says where it lives */
} reader_data;

/* A site rule file of its own (rules/sites/), not only default.txt. */
static inline bool has_site_rules(const reader_data *d)
{
    return d->site.hosts != NULL;
}

/* html/measures.c: measures of text. */
size_t word_count(const char *s); /* runs of non-space; NULL has none */
                  size_t sentence_count(const char *s);
bool ends_sentence(const char *t);
uint64_t folded_hash(const char *text);
bool same_folded(const char *a, const char *b);
char *blocks_text(const ora_article *a); /* every block's text, after a space each; NULL: none */
bool opens_paragraphs(const ora_article *a, const char *text, bool with_lede); /* by letters */
size_t prose_paragraphs(const ora_article *a);
size_t prose_words(const ora_article *a);     /* of the lede, paragraphs and quotes */
size_t prose_sentences(const ora_article *a); /* likewise: a form's labels have none */
size_t prose_items(const ora_article *a, size_t *words);
size_t all_words(const ora_article *a); /* read aloud: items and headings too */

/* html/node.c: what the reader asks of an element. */
/* Marks a <br> in gathered text until paragraphs are split at "<br><br>". */
#define BR_MARK '\x01'
char *node_prop(xmlNodePtr n, const char *name); /* squashed; NULL when absent */
bool style_hides(xmlNodePtr n); /* display:none, visibility:hidden */
                bool never_text(xmlNodePtr n);
bool names_credit(xmlNodePtr n);
bool names_caption(xmlNodePtr n); /* "wp-caption-text", "legende" */
bool names_badge(xmlNodePtr n);
bool names_comments(xmlNodePtr n); /* "comment-meta", "forum-chapo" */
bool names_footer(xmlNodePtr n);   /* <footer>, "site-footer", id "footer" */
/* Whether element n's attribute prop is value, in any case. */
bool prop_is(xmlNodePtr n, const char *prop, const char *value);
bool names_author(xmlNodePtr n);
/* Whether a link points inside the page ("#note-1"). */
bool links_within_page(xmlNodePtr a);
void gather_text(xmlNodePtr n, const site_rules *r, strbuf *b);
char *squash_piece(const char *s, size_t n);
char *element_text(xmlNodePtr n, const site_rules *r);
/* Whether n's text says text, folded (case, spaces and punctuation aside). */
bool element_says(xmlNodePtr n, const char *text);
/* The first element under n (and its siblings) of one of the names
 * (NULL-ended) whose text says text, folded; NULL when none. */
xmlNodePtr element_saying(xmlNodePtr n, const char *const *names, const char *text);
char *rule_text(xmlNodePtr root, const char *sel, const site_rules *r);
bool is_subheading(xmlNodePtr n);
bool block_kind(xmlNodePtr n, ora_block_kind *kind);
bool has_block_inside(xmlNodePtr n);
bool holds_one_of(xmlNodePtr n, const char *const *tags); /* below n, at any depth */
                  
                  /* html/meta.c: what the page declares about itself. */
                  typedef struct {
    char *og_title, *og_description, *og_site, *og_url, *canonical;
    char *description; /* <meta name=description> alone, which a page may keep whole where Open Graph's is cut */
    char *published, *modified, *author, *content_tier, *doc_title;
    char *publisher, *lang, *og_type;
    char *meta_title; /* DC.title, itemprop=headline, twitter:title */
} page_meta;

void set_once(char **field, char *value); /* keeps the first value offered */
bool holds_year(const char *s); /* a date names its year: "10:05" does not */
              void read_metadata(xmlNodePtr n, page_meta *m, jsonld_info *j);
void page_meta_free(page_meta *m);
void read_lang(ora_article *a, xmlNodePtr root, const jsonld_info *j, const page_meta *m);
char *page_host(const page_meta *m, const jsonld_info *j, const char *fetched_from);

/* html/lines.c: one block's text judged alone. */
bool is_furniture_line(const boilerplate *bp, const read_cues *c, const char *text);
bool is_pitch_line(const read_cues *c, const char *text); /* a sign-up box's, a call for gifts */
char *byline_name(const read_cues *c, const char *s);
/* Bytes of s before the author's name: a byline cue ("Par X"), or a few
 * words and a cue that a capital follows ("Une recette proposée par
 * Martine B."); 0 when none. */
size_t byline_cue_end(const read_cues *c, const char *s);
bool take_signature(const read_cues *c, ora_article *a, const char *text);
bool looks_like_caption(const read_cues *c, const char *t);
void drop_glued_counter(char *t);
bool is_header_label(const ora_article *a, ora_block_kind kind, const char *text);
bool is_kicker(const ora_article *a, const char *text);

/* The walk of the body (html/walk.c), and what its judgments read of it. */
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
    size_t lede_at;       /* the body's blocks before it */
    seen_set seen;        /* hashes of the blocks read, to read none twice */
    uint64_t title_hash, lede_hash;
    strbuf run;   /* inline text waiting for the next block boundary */
    size_t run_links; /* bytes of it inside links */
    uint64_t alt_hash;  /* the text of the picture just walked past (alt, title) */
    uint64_t alt_hash2;
    bool under_picture; /* no block read since the last picture, or only its notes */
    const char *host; /* the page's, when it says where it lives */
    bool last_heading_amid_prose; /* the last heading read follows a <p> of its parent */
    bool after_byline; /* a byline element opening the run was just passed over */
    xmlNodePtr declared; /* the container of the declared text: walked though a box ended the others */
    xmlNodePtr avoid;    /* a first choice whose reading was refused: not walked again */
    bool declared_walked; /* the walk reached the declared text's element */
    char head_date[32];   /* the date of a dateline over the first block, ISO */
    xmlNodePtr block;     /* the element whose text is being added, if one */
} body_walk;

/* html/furniture.c: elements that are not the article. */
bool skip_element(const body_walk *w, xmlNodePtr n);
bool is_embed_box(xmlNodePtr n);
bool is_shop_box(const body_walk *w, xmlNodePtr n);
bool is_link_block(const body_walk *w, xmlNodePtr n, ora_block_kind kind, const char *text,
                   size_t text_len);
/* A heading mostly of link text leads to another page: a teaser's
 * headline, not a title. */
bool is_linked_headline(xmlNodePtr h);

/* html/table.c: a data table as one block (false: a layout table). */
bool take_table(body_walk *w, xmlNodePtr n);
/* html/table.c: a <dl> of short terms and values, one item a term
 * ("Sodium : 210mg, 9%"); false when it is no such list. */
bool take_definitions(body_walk *w, xmlNodePtr n);

/* html/end.c: where the article ends; teasers and grids of figures. */
bool ends_before(const body_walk *w, xmlNodePtr prev, xmlNodePtr next);
void find_cut_beside(const body_walk *w, const node_list *containers);
void trim_trailing_box(ora_article *a, bool last_heading_amid_prose);
void drop_teasers(ora_article *a);
void drop_lone_figures(ora_article *a);
void drop_pull_quotes(ora_article *a); /* a paragraph's sentence set apart beside it */
void take_closing_signature(const read_cues *c, ora_article *a);

/* html/walk.c: the body's blocks, from the containers (or the whole page
 * when there are none). */
void walk_containers(body_walk *w, xmlNodePtr root, const node_list *containers);
/* A block is read unless it stops the reading, is furniture, says the
 * header again or was read already (takes text). */
void walk_add_block(body_walk *w, ora_block_kind kind, char *text);

/* html/title.c */
bool title_matches_declared(const char *h1, const jsonld_info *j, const page_meta *m);
void fill_title(ora_article *a, xmlNodePtr root, const site_rules *r, const page_meta *m,
                const jsonld_info *j, bool has_rules, const char *host);

/* html/lede.c: fill_lede says whether the lede is only declared (the page
 * does not show it); finish_lede settles it once the body is read (shown:
 * a block of the body repeated it, after shown_at blocks; doc_title, the
 * page's <title>, where the site's name may stand beside the title). */
char *find_named(xmlNodePtr n, const site_rules *g, const phrase_list *words,
                 bool *after_h1, size_t min, size_t max);
bool fill_lede(const reader_data *d, ora_article *a, xmlNodePtr root, const page_meta *m,
               const jsonld_info *j);
void finish_lede(ora_article *a, const char *doc_title, bool declared, bool shown, size_t shown_at);
/* Does the page show the lede in a paragraph of its footer, after the
 * article ("Le site X est un projet mené par…"): the site's blurb? */
bool lede_shown_after(xmlNodePtr root, const node_list *containers, const char *lede);
/* The headline's subtitle, the element right after the <h1> that a
 * chapo's word names, when neither the lede nor the body's top says it:
 * the page shows it, so it is read, first in the body ("<h2
 * class=post-subtitle>" beside a description that is the blog's). */
void keep_h1_subtitle(const reader_data *d, ora_article *a, xmlNodePtr root);

/* html/header.c: the header before the body (fill_header, which says
 * whether the lede is only declared), its last fields after it. */
bool fill_header(const reader_data *d, ora_article *a, xmlNodePtr root, const page_meta *m,
                 const jsonld_info *j);
void finish_byline(const reader_data *d, ora_article *a, xmlNodePtr root, const page_meta *m,
                   const node_list *containers);
void finish_date(const reader_data *d, ora_article *a, xmlNodePtr root,
                 const node_list *containers);

/* html/anchor.c: the element that holds the text the page declares
 * (JSON-LD's articleBody, a recipe's steps), NULL when none or not shown. */
xmlNodePtr declared_container(xmlNodePtr root, const jsonld_info *j);

/* html/container.c: where the article is; *declared, the element that
 * holds the page's declared text, among them or a recipe's steps inside
 * one of them (NULL: none was needed). With
 * avoid (a first choice whose reading was refused), the scoring's best
 * elsewhere, and neither a site rule nor the declared text. */
int find_containers(xmlNodePtr root, const site_rules *r, const readability_words *words,
                    const jsonld_info *j, const char *title, xmlNodePtr avoid, node_list *out,
                    readability_stats *st, xmlNodePtr *declared);
/* The text of the page's paid part (hasPart.cssSelector sel), in bytes;
 * 0 when sel matches nothing. */
size_t paid_part_text(xmlNodePtr root, const char *sel);
/* Does the page hold the paid part's text whole (1,000 bytes or more)? */
bool paid_part_whole(size_t len);
const char *usable_paid_selector(const char *sel, size_t len, const node_list *containers);

/* html/reveal.c: shows the largest hidden block of prose (an article a
 * button shows); false when the page hides none. */
bool reveal_hidden_prose(xmlNodePtr root);

/* html/judge.c: NULL when the page holds an article, else what it is. */
const char *judge_page(const ora_article *a, xmlNodePtr root, const page_meta *m,
                       const jsonld_info *j, const readability_stats *st,
                       const phrase_list *pl);

/* html/balance.c: where "</div>"s a page forgot go, before the end tag of
 * an element of HTML5 (</nav>, </header>…) that libxml2 would otherwise
 * ignore. */
typedef struct {
    size_t at;      /* the offset of the end tag */
    unsigned count; /* "</div>"s handed over before it */
} html_div_end;
typedef struct {
    html_div_end *v;
    size_t n, cap;
} html_div_ends;
int html_find_div_ends(const char *s, size_t n, html_div_ends *e);
/* Does a start tag of a raw-text element (script, style, textarea, title),
 * whose content is no markup, open at s (n bytes)? Its name's length in
 * *name. */
bool html_raw_text_tag_at(const char *s, size_t n, size_t *name);

/* html/parse.c: the page's tree (NULL, with err set, when it cannot be
 * read); taken, the page's own buffer or NULL, is freed once read. */
htmlDocPtr html_parse(const char *data, size_t len, char *taken, ora_error *err);

#endif
