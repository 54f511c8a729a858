/* The reader for plain text: a browser copy ("select all, copy": menus,
 * cookie text, "Lire aussi", footers and all) or bare prose.
 *
 * A copy has no markup, so each line is judged by its own shape, the way
 * jusText judges paragraphs: its length, whether it ends a sentence, and
 * its share of function words (those of every language, rules/LANG/
 * stopwords.txt; prose has many, menus and link lists few). A line is good (prose), near-good,
 * short or bad; short and near-good lines then take the class of their
 * neighbours, so a sub-heading or a pull-quote attribution between two
 * paragraphs is kept and a short link among menus is not.
 *
 * The article is the stretch of lines where prose outweighs furniture
 * (the best-scoring run: prose words count for it, furniture lines
 * against it), cut at an end marker ("Commentaires") or a paywall cue.
 * Its head (title, lede, byline, dates) is read upwards from where the
 * prose starts, with the datelines of dateline.c as landmarks when there
 * are some. Landmarks help; none is required: bare prose is read as it
 * is, its first line the title when it looks like one.
 *
 * When no stretch of prose is long enough, the input is no article: the
 * cue phrases of rules/fr/not-article.txt and the shape of the lines say
 * what it is instead (a consent wall, an error page, a login form, a
 * front page, a page of links).
 *
 * It dispatches; the parts (text/text.h) decide:
 *
 *   text/split.c     the copy's lines, cleaned
 *   text/classify.c  each line's features and own class
 *   text/boxes.c     furniture inside the article (videos, lists, boxes of links)
 *   text/smooth.c    each line's class after its neighbours'
 *   text/stretch.c   the article's stretch, to its end marker or paywall
 *   text/tail.c      what the stretch took in under the article
 *   text/head.c      title (text/headline.c), lede, byline and dates
 *   text/body.c      the body's blocks (text/rows.c: tables)
 *   text/verdict.c   whether the input holds an article at all */
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void free_reader(reader *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->l[i].s), free(r->l[i].raw);
    free(r->l);
    seen_set_free(&r->seen);
    seen_set_free(&r->alts);
    phrase_list_free(&r->stops);
    boilerplate_free(&r->bp);
    read_cues_free(&r->cues);
}

static int load_rules(reader *r, ora_error *err)
{
    if (boilerplate_load(&r->bp, err) < 0)
        return -1;
    if (read_cues_load(&r->cues, err) < 0) {
        boilerplate_free(&r->bp);
        return -1;
    }
    if (text_load_stopwords(r, err) < 0) {
        boilerplate_free(&r->bp);
        read_cues_free(&r->cues);
        return -1;
    }
    return 0;
}

/* Nothing scores: still say what the top of the input is. */
static void title_of_top(reader *r)
{
    r->body = r->stop = 0;
    r->title_at = r->lede_at = r->byline_at = r->n;
    for (size_t i = 0; i < r->n && !r->a->title; i++)
        if (text_title_like(&r->l[i]) && !text_in_menu(r, i))
            r->a->title = ora_strdup(r->l[i].s);
}

#ifdef TEXT_DEBUG /* -DTEXT_DEBUG: each line's own and smoothed class, for tuning */
static void show_lines(const reader *r)
{
    for (size_t i = 0; i < r->n; i++)
        fprintf(stderr, "%4zu %c%c %s%s%s %3zu %.2f %3ld %.70s\n", i, "bsnG"[r->l[i].own],
                "bsnG"[r->l[i].cls], i >= r->body && i < r->stop ? "|" : " ",
                r->l[i].meta ? "M" : r->l[i].credit_in ? "c" : r->l[i].code ? "k" : " ", r->l[i].end ? "E" : r->l[i].drop ? "d" : " ",
                r->l[i].words, r->l[i].stops, text_line_score(&r->l[i]), r->l[i].s);
}
#endif

int ora_read_text(const char *data, size_t len, ora_article *a, ora_error *err)
{
    reader r;
    memset(&r, 0, sizeof r);
    r.a = a;
    if (load_rules(&r, err) < 0)
        return -1;
    text_split_lines(&r, data, len);
    text_unwrap(&r);
    text_classify(&r);
    text_mark_boxes(&r);
    text_split_bylines(&r);
    text_smooth(&r);
    if (text_find_stretch(&r)) {
#ifdef TEXT_DEBUG
        fprintf(stderr, "stretch %zu..%zu\n", r.body, r.stop);
#endif
        text_join_parted_top(&r);
        text_join_salutation(&r);
        text_join_valediction(&r);
        text_join_block_top(&r);
        text_join_practical_info(&r);
        text_join_parted_bottom(&r);
        text_join_event_info(&r);
        text_join_update(&r);
        text_join_card(&r);
        text_skip_top_box(&r);
        text_skip_contents(&r);
        text_end_stretch(&r);
        text_cut_tail(&r);
#ifdef TEXT_DEBUG
        fprintf(stderr, "article %zu..%zu\n", r.body, r.stop);
#endif
        text_mark_mastheads(&r);
        text_read_head(&r);
        text_read_body(&r);
        text_title_over_its_dek(&r);
    } else if (r.n) {
        title_of_top(&r);
    }
#ifdef TEXT_DEBUG
    show_lines(&r);
#endif
    const char *instead = text_not_article(&r);
    if (instead)
        a->not_article = ora_strdup(instead);
    a->lang = ora_strdup("fr");
    free_reader(&r);
    return 0;
}
