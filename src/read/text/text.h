/* The text reader's parts (src/read/text/) and what they share.
 * text.c, the dispatcher, calls them; none of them calls text.c. They are
 * listed from the bottom up: a part calls only parts listed above it. They
 * all work on one reader: the copy's lines, each with its features and
 * classes, and the article being filled in. */
#ifndef ORA_READ_TEXT_H
#define ORA_READ_TEXT_H

#include "internal.h"
#include "read/cues.h"
#include "read/dateline.h"
#include "read/squash.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A line's class: furniture, short, near-good, good (prose). */
enum { BAD, SHORT, NEAR, GOOD };

/* jusText's stopword shares, set on French copies (its length thresholds
 * are classify.c's). */
#define GOOD_STOPS 0.22
#define NEAR_STOPS 0.15
/* A stretch this strong stops at the next end marker: what follows is
 * comments or related articles, however wordy. */
#define STRONG_RUN 100
/* A paragraph's words that make it prose going on under a box inside
 * the article, over its end: a teaser's sentence under a headline is as
 * long, but has no heading. */
#define RESUMED_WORDS 10
/* Furniture lines in a row that part the article from a box under it. */
#define BOX_GAP 4
/* A teaser's sentence under its headline, in words at most: a section of
 * an article ("Les victimes", then a sentence) says more, and a longer
 * sentence shown twice is the article's own, which a recipe's card or a
 * print version repeats. */
#define TEASER_SENTENCE_WORDS 25
/* Prose above a counted end marker ("12 Comments", "Réactions (3)") that
 * makes it the end of a short piece: in a head, such a counter stands over
 * the prose, not under it. */
#define COUNTED_END_RUN 40

typedef struct {
    char *s;
    size_t len, words;
    double stops;      /* share of function words */
    bool bullet;       /* the copy gave it a list bullet (removed) */
    bool dashed;       /* that bullet was a typed "- ", which no browser sets */
    bool sentence;     /* ends like a sentence */
    bool full_stop;    /* ends on . ! ? …, perhaps inside quotes */
    bool inner_stop;   /* ends a sentence inside, then goes on: "… the mince. Cook until" */
    bool drop, credit, end, cut, meta;
    bool named;        /* a meta line that names someone: "X - 13/12/2016 18:02" */
    bool prefix_alone; /* "By" alone over the author's name */
    bool credit_in;    /* a photo credit somewhere in it: a caption */
    bool listed;       /* in a run of headlines or links */
    bool cells;        /* a table's row: cells the copy parted with tabs */
    char *raw;         /* such a row as copied, tabs kept */
    bool embed;        /* an embedded social post or its signature */
    bool boxed;        /* in a box set inside the article (links, a poll), prose under it */
    bool player;       /* a video player's line: its label, title or length */
    bool stamped;      /* opens on a time, "21h40 La participation …": a post of a live */
    bool masthead;     /* a masthead's date of the day, not a dateline of the title over it */
    bool list_date;    /* a date the copy shows three times or more: a list's, of teasers of a day */
    bool picture;      /* an image's file name ("0042-photo-x.jpg"), an alt text a copy shows */
    bool code;         /* a listing of program code ("var x = f(y);"), as a page shows it in <pre> */
    bool tight;        /* right under the line before, no blank line between */
    bool amid;         /* an item of a list amid the prose ("2 ribs celery, diced small") */
    bool rowed;        /* a line of a block of items with a sentence among them, set line
                        * under line (a table's rows, "9/10 - Fermeture du centre"): a
                        * paragraph, never a heading or a related link */
    size_t cols, lead; /* characters the line took as typed (indent and bullet in), and its
                        * first word (a no-break space binds): for text_unwrap */
    bool pitch;        /* a box that asks the reader something (a sign-up box, a poll): never read */
    int own;           /* class from its own features */
    int cls;           /* class after its neighbours had their say */
} line;

/* Function words in an open-addressing table: every word of the input is
 * looked up, so a probe must cost about one comparison. */
#define STOP_SLOTS 4096
/* Bits of the function words' shapes (length, first two bytes, last
 * byte): most words of a text have none of those shapes and are turned
 * away by one bit, without folding nor a probe. */
#define STOP_SHAPE_BITS 65536

typedef struct {
    line *l;
    size_t n;
    boilerplate bp;
    read_cues cues; /* rules/fr/dateline.txt, furniture.txt */
    phrase_list stops;
    const char *stop_slot[STOP_SLOTS];
    size_t stop_max; /* the longest function word, in bytes */
    uint64_t stop_shape[STOP_SHAPE_BITS / 64]; /* a bit a function word's length, ends */
    seen_set seen; /* hashes of the blocks read, so none is read twice */
    seen_set alts; /* hashes of the alt texts over legends (text_note_alts) */
    ora_article *a;
    size_t body, stop; /* the article's lines: [body, stop) */
    size_t title_at, lede_at, byline_at;
    size_t box; /* the line after the end marker: an author box may start there */
    bool listed_piece; /* the article is lists under a dated title (take_dated_list):
                        * its first lines are sub-headings and items, no title */
    bool spaced; /* the copy parts its paragraphs with blank lines: a line right
                  * under another belongs with it */
} reader;

/* text/split.c: the copy's lines, cleaned (text_clean_line: one line or
 * one table cell). */
char *text_clean_line(const char *s, size_t n);
void text_split_lines(reader *r, const char *data, size_t len);
/* text/unwrap.c: the lines a hard wrapping cut (72 columns), joined.
 * Lines longer than WRAP_MAX_WIDTH characters are no wrapped text's: a
 * copy's paragraphs are single long lines. */
#define WRAP_MAX_WIDTH 100
void text_unwrap(reader *r);

/* Words of a label over related articles ("Cela vous intéressera aussi",
 * "Articles de la catégorie Féminisme"), at most. */
#define RELATED_LABEL_WORDS 6

/* text/classify.c: each line's features and own class. */
int text_load_stopwords(reader *r, ora_error *err);
bool text_opens_on_time(const char *s); /* "21h40 La participation …" */
bool text_glued_label(const char *s);   /* "… :Lien copié" */
bool text_announces_link(const reader *r, const char *s); /* "Lire aussi" */
bool text_slash_names(const line *l); /* "Jean Dupont / Le Courrier" */
bool text_credit_label(const line *l); /* "Crédit Photo" alone, its value under it */
void text_classify(reader *r);

/* text/boxes.c: furniture inside the article that the prose goes on under. */
bool text_parted_from_list(const reader *r, size_t first, size_t j); /* a blank line under a list set tight */
bool text_announces_list(const reader *r, size_t i); /* "Le plan prévoit :" over its items */
size_t text_over_list(const reader *r, size_t j);    /* the line over a list, past a video */
size_t text_past_video(const reader *r, size_t k);   /* the line under k past a video player's */
bool text_ad_label(const line *l);                   /* "Publicité": a furniture word or two */
void text_mark_boxes(reader *r);

/* text/byline.c: names, and the byline and dates of a dateline. */
bool text_name_like(const reader *r, const line *l);
bool text_said_in_small(const reader *r, size_t i);
void text_split_bylines(reader *r);
char *text_byline_text(const char *s);
void text_take_dateline(reader *r, const char *s);
/* Whether s is a date and a few words, read into d: no update, no stamp
 * word ("Publié"), no "Par": a schedule's step or an event's day rather
 * than the article's dateline. */
bool text_bare_date(const reader *r, const char *s, dateline *d);
/* "La piscine rouvre 14/06/2023": a headline ending on its date. */
bool text_ends_on_date(const reader *r, const line *l);
/* Is [w, w+n) a function word of any language ("The", "le", "d'")? */
bool text_is_stopword(const reader *r, const char *w, size_t n);
bool text_one_word_title(const reader *r, size_t i);
/* Where a paragraph glued under a dateline starts, 0 if none. */
size_t text_glued_after_dateline(const reader *r, const char *t);
bool text_byline_under(const reader *r, size_t i);
bool text_byline_over(const reader *r, size_t i);
bool text_author_again(const reader *r, size_t i);
size_t text_name_part(const reader *r, const line *l);
/* Whether the n bytes at s, read with line l's classes, are a name of at
 * most `most` words (text_name_like). */
bool text_name_within(const reader *r, const line *l, const char *s, size_t n, size_t most);

/* text/smooth.c: each line's class after its neighbours'. */
bool text_run_in_heading(const reader *r, size_t i); /* "- Meilleure intégration" */
bool text_unbulleted_item(const reader *r, size_t i);
void text_smooth(reader *r);

/* text/repeats.c: what was read already; pull quotes. */
uint64_t text_hash_block(const char *s);
bool text_has_word(const char *s); /* a letter or a digit */
/* Does s hold name (n bytes) as whole words (no ASCII letter nor digit
 * against it: "‘Boeuf bourguignon’" holds "Boeuf bourguignon"), in any
 * case when nocase? */
bool text_holds_words(const char *s, const char *name, size_t n, bool nocase);
bool text_already_read(reader *r, const char *s);
/* Stems (five letters, from words of min_len letters or more) of line i
 * found in lines [from, to) other than i; sought, when not NULL, gets how
 * many such words line i has. */
size_t text_stems_in(const reader *r, size_t i, size_t from, size_t to, size_t min_len, size_t *sought);
/* A text that is the same half twice ("Jean DupontJean Dupont", a copy's
 * visible text and its hidden or alt twin): that half's length, else 0. */
size_t text_doubled_half(const char *s);
/* How many lines of [from, to) are line i as it is (i among them when in
 * the range), counted up to most. */
size_t text_copies_of(const reader *r, size_t i, size_t from, size_t to, size_t most);
void text_find_pull_quotes(reader *r, bool *pulled, uint64_t *hash);

/* text/stretch.c: the article's lines, [r->body, r->stop). */
long text_line_score(const line *l);
/* Words of the good lines in [from, to): the prose there. */
size_t text_prose_words(const reader *r, size_t from, size_t to);
/* Does a dateline stand over line i, within reach lines, with no prose
 * between? */
bool text_dated_above(const reader *r, size_t i, size_t reach);
bool text_find_stretch(reader *r);
void text_join_parted_top(reader *r);
void text_join_salutation(reader *r); /* "Chers membres," over the first paragraph */
void text_join_valediction(reader *r); /* "À bientôt." under the last paragraph, over the copyright */
void text_join_block_top(reader *r);
void text_join_practical_info(reader *r);
/* Does s give a day or an hour ("10 septembre", "9 h 30")? */
bool text_gives_a_day(const reader *r, const char *s);
/* An event's place, dates and price set line under line between the
 * paragraphs of an article that presents several ("Café des Arts", "Du
 * 10 décembre au 22 mars", "Accès libre"): the article's, read. */
void text_join_event_info(reader *r);
/* An update's note under the last paragraph ("Mise à jour 14:00 :") and
 * its sentence: the article's, read as paragraphs. */
void text_join_update(reader *r);
void text_join_parted_bottom(reader *r);
void text_join_card(reader *r);
void text_skip_top_box(reader *r);
/* Is line i an entry of a table of contents: a short line that a line
 * of the stretch from line from on repeats ("Prendre le risque… ?" under
 * "Table des matières", a sub-heading further down)? */
bool text_contents_entry(const reader *r, size_t i, size_t from);
void text_skip_contents(reader *r);
void text_end_stretch(reader *r);

/* text/tail.c: the page's blocks the stretch took in under the article. */
void text_cut_tail(reader *r);

/* The last " | " in s (a legend's credit follows it), or NULL. */
const char *text_last_pipe(const char *s);

/* text/legend.c: a picture's text. */
bool text_alt_over_legend(const reader *r, size_t i);
bool text_alt_beside_legend(const reader *r, size_t i); /* and says something else */
bool text_alt_elsewhere(const reader *r, size_t i);      /* that phrase again */
void text_note_alts(reader *r);                          /* for text_alt_elsewhere */
bool text_is_caption_at(const reader *r, size_t i);
bool text_looks_like_caption(const reader *r, const char *s);

/* text/headline.c: title candidates and their score. */
bool text_ends_on_initials(const char *s, size_t n);
/* "Analyse et réflexion · Répression - prisons": a path of rubrics. */
bool text_rubric_path(const line *l);
bool text_title_like(const line *l);
bool text_in_menu(const reader *r, size_t i);
bool text_same_line(const char *a, const char *b); /* b is a, perhaps with a full stop */
bool text_shown_again(const reader *r, size_t i, bool opening);
bool text_repeated_label(const reader *r, size_t i);
long text_title_score(const reader *r, size_t i, size_t body);
bool text_shown_again_outside_contents(const reader *r, size_t i, size_t body);
bool text_author_bio(const reader *r, size_t i);
bool text_glued_menu(const reader *r, const line *l); /* "Accueil À propos Contact" */
bool text_site_name(const reader *r, size_t i);
bool text_heading_word(const line *l);
bool text_title_case(const line *l);
bool text_headline_question(const line *l);
/* "MeToo, dans les organisations politiques aussi !": a headline that
 * exclaims, a phrase of a few words with no sentence before it. */
bool text_headline_exclamation(const line *l);
void text_mark_mastheads(reader *r); /* before the title is chosen */
void text_title_over_its_dek(reader *r);

/* text/head.c: title, lede, byline and dates. */
void text_read_head(reader *r);

/* text/rows.c: a table copied row by row. */
size_t text_read_table(reader *r, size_t i, const char *caption);
bool text_table_caption(const reader *r, size_t i);

/* text/body.c: the body's blocks. */
void text_read_body(reader *r);

/* text/verdict.c: NULL when the input holds an article, else what it is. */
const char *text_not_article(const reader *r);

#endif
