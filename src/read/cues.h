/* The cue words of the read stage: the words of datelines ("Par",
 * "Publié", "Mis à jour", the months) and of page furniture ("10
 * réactions", "Crédit photo", "Lire aussi"), from rules/fr/dateline.txt and
 * rules/fr/furniture.txt, where a user can change them without rebuilding.
 * Each reader loads them once (read_cues_load) and passes them down; the
 * matching helpers below are the only ways the code looks at them. */
#ifndef ORA_CUES_H
#define ORA_CUES_H

#include <stdbool.h>
#include <stddef.h>

#include "internal.h"

/* One section of a cue file, with each cue's length worked out at load. */
typedef struct {
    char **s;
    size_t *len;
    size_t n;
} cue_list;

typedef struct {
    /* rules/fr/dateline.txt */
    cue_list byline, stamp, update, meta, on, at, ordinal, weekday, name, article, idle, desk;
    cue_list month[12]; /* the name, then the abbreviations */
    cue_list stamp_marker; /* each stamp as written and with a small first letter */
    /* rules/fr/furniture.txt */
    cue_list counter, comments, minutes, tensed, dangling, button, caption, caption_word, figure, credit, see_also, with, paywall_left, author_box, author_bio, pitch;
    cue_list wall_meter, wall_account, reader, reading_time, poll, banner, under_picture, sign_up, badge, summary_label;
    cue_list link_arrow, link_arrow_last, ad_label, arrow_see_also, also, our_piece, video_label, practical, post_nav, breadcrumb;
} read_cues;

int read_cues_load(read_cues *c, ora_error *err);
void read_cues_free(read_cues *c);

/* The length of the longest cue of l that s opens with, with the space
 * after it (none after a cue ending in an apostrophe); 0 when none. */
size_t cue_prefix(const cue_list *l, const char *s);
/* The length of the longest cue of l that s opens with, as written,
 * whatever follows it; 0 when none. */
size_t cue_opens(const cue_list *l, const char *s);
/* "Figure 1 : Schéma de l'effet de serre", "Fig. 2 - …": a picture's
 * legend by its number (furniture.txt's figure words). */
bool cue_numbered_legend(const read_cues *c, const char *s);
/* Whether the line s of n bytes ends on a cue of l after a space. */
bool cue_closes(const cue_list *l, const char *s, size_t n);
/* Whether the word [w, w+n) is one of l, as written; a cue ending in '*'
 * stands for any longer word it begins. */
bool cue_word(const cue_list *l, const char *w, size_t n);
/* The same without case (ASCII letters). */
bool cue_word_nocase(const cue_list *l, const char *w, size_t n);
/* Whether s starts with one of l, case aside, whatever follows. */
bool cue_starts_nocase(const cue_list *l, const char *s, size_t n);
/* The first place where a cue of l stands in [s, s+n), or NULL. */
const char *cue_find(const cue_list *l, const char *s, size_t n);
/* The cues of l (each counted once, case aside) found inside s. */
size_t cue_count_inside(const cue_list *l, const char *s);
/* How many of the cues open a word of s (each counted once), up to
 * enough: one pass over a long paragraph. */
size_t cue_count_at_words(const cue_list *l, const char *s, size_t enough);
/* Is a word of s (parted by spaces, punctuation around it aside) a cue
 * of the list, case aside? */
bool cue_any_word(const cue_list *l, const char *s);
bool cue_dangling(const read_cues *c, const char *s, size_t n);

/* The month (1-12) that the word [w, w+n) names, in full or abbreviated
 * ("déc."), case aside; 0 when none. */
int cue_month(const read_cues *c, const char *w, size_t n);

/* The share of the article a paywall keeps, read after a paywall-left cue
 * ("Il vous reste 73.51% de cet article à lire" → 73.51); -1 when absent. */
double paywall_percent(const read_cues *c, const char *text);

/* "LIBERATION avec AFP", "Le Monde.fr avec AFP": a desk's signature, the
 * agency being one of the credits of boilerplate-credit.txt. */
bool cue_wire_signature(const read_cues *c, const boilerplate *bp, const char *t);

/* "mcc/edel", "(ats/nxp)", "ATS/AFP", "ats/hof, avec Darius Rochebin": the
 * initials of the desk that wrote or edited a wire story, two letters or
 * more each, joined by slashes, alone under the article or before the
 * names of the journalists who took part (*names, when not NULL, gets
 * where they start, or NULL). */
bool cue_desk_initials(const read_cues *c, const char *t, const char **names);

/* "Lire l'entretien : …", "Voir notre dossier : …": the verb of a
 * see-also cue, a few words and a colon announce a link to another page;
 * so does the whole cue before a capital ("Lire aussi Martine Bulard…"). */
bool cue_link_announcer(const read_cues *c, const char *s);

/* Does s speak to the reader ("vous", "your": the reader cues, whole
 * words, case aside)? */
bool cue_speaks_to_reader(const read_cues *c, const char *s);
/* A metered paywall's line ("You have now reached your allowance of 3
 * free articles", "Vous avez atteint votre limite d'articles gratuits"):
 * 40 words at most, to the reader, with a wall-meter cue and one more
 * cue of either wall section. */
bool cue_metered_wall(const read_cues *c, const char *s);
/* Its count and the account it asks for, to the reader or not ("Encore
 * 2/5 articles gratuits à lire S'abonner…"): the same cues, any length. */
bool cue_wall_counter(const read_cues *c, const char *s);
/* "5 min read", "Lecture 3 min": a reading time alone on its line. */
bool cue_reading_time(const read_cues *c, const char *s);
/* "BREAKING: Storm closes schools": a banner's label, then ":" or a dash. */
bool cue_banner(const read_cues *c, const char *s);
/* "Source : Insee…", "Lecture : …": a chart's note under its picture,
 * opening on a label of under-picture and a colon. */
bool cue_under_picture(const read_cues *c, const char *s);

/* "l'essentiel Ce samedi 12 juillet, …": the bytes of a summary's label
 * (and the spaces after it) that open a paragraph of eight words or more
 * at a capitalized word, as a page sets the label inside its lede; 0 when
 * there is none. Both readers drop it. */
size_t cue_summary_label(const read_cues *c, const char *s);

/* A sentence of a sign-up box: "The day's top stories in your inbox.",
 * "L'essentiel de l'info dans votre boîte mail." (the pitch cues of
 * rules/fr/furniture.txt), short: an article's sentence that names an
 * inbox is longer. Both readers drop it. */
#define PITCH_WORDS 15

/* Is s (of n bytes and words words) such a sentence? */
bool cue_pitch_sentence(const read_cues *c, const char *s, size_t n, size_t words);

/* A short paragraph (60 words at most) that ends on such a sentence:
 * the note that closes a wire ("Seulement une partie des dépêches… est
 * diffusée sur le site. Contactez-nous pour vous abonner."). */
#define PITCH_CLOSING_WORDS 60
bool cue_pitch_closing(const read_cues *c, const char *s, size_t n, size_t words);

/* "10 réactions", "3 commentaires", "125 partages": a counter. */
bool cue_counter_line(const read_cues *c, const char *t);
/* "10 réactions", "12 Comments": a counter of reader comments, which
 * stand under it. */
bool cue_comments_counter(const read_cues *c, const char *t);
/* Does a word of t name reader comments ("Leave a Comment & Rating",
 * "Commentaires")? */
bool cue_names_comments(const read_cues *c, const char *t);
/* "1:32", "12:05", "1:02:33": the n bytes at s are only a video's length,
 * as a player shows it under its title. Both readers ask. */
bool cue_media_length(const char *s, size_t n);
/* "— Jean Dupont (@jdupont) June 1, 2018": the signature of an embedded
 * social post (a dash, a handle in brackets), whose text is above it. */
bool cue_post_signature(const char *s);

#endif
