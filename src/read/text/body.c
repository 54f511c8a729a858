/* The body's blocks: paragraphs, headings, list items, captions, tables. */
#include "text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The signature line under an article repeats the byline. */
static bool is_signature(const reader *r, const char *s)
{
    const ora_article *a = r->a;
    if (!a->byline || strlen(a->byline) < 5)
        return false;
    char name[128];
    const char *p = dateline_byline(&r->cues, s, name, sizeof name) ? name : s;
    size_t n = strcspn(a->byline, "(,");
    while (n && a->byline[n - 1] == ' ')
        n--;
    return n >= 5 && strncmp(p, a->byline, n) == 0 && strlen(p) < n + 60;
}

/* The author a signature line names ("Par Jacques Munier"), as the
 * byline; its date, if any, is left to the datelines of the head. */
static void take_signature_name(reader *r, const char *s)
{
    dateline d;
    if (dateline_parse(&r->cues, s, &d) && d.byline[0])
        r->a->byline = text_byline_text(d.byline);
}

/* Words of the prose lines that end as sentences between from and to:
 * the headlines of the teasers under an article's signature do not. */
static size_t sentence_words(const reader *r, size_t from, size_t to)
{
    size_t n = 0;
    for (size_t j = from; j < to; j++)
        n += r->l[j].cls == GOOD && r->l[j].full_stop ? r->l[j].words : 0;
    return n;
}

/* Short lines an author box may hold under the name: a line of
 * biography, or the byline's meta lines ("Par X", "Temps de lecture : 6
 * min", "Publié le…", "Mis à jour le…") that some copies set under a
 * first mention of the name. */
#define AUTHOR_BOX_LINES 6
#define AUTHOR_BOX_LINE_CHARS 80

/* Does the article go on under the author box at i (the name, perhaps a
 * line of biography, perhaps the dateline): a paragraph right under it,
 * and an article's worth of prose in the rest of the stretch? Under a
 * signature that ends the article, a page sets lists, boxes and the site's
 * blurb. */
static bool prose_goes_on_under(const reader *r, size_t i)
{
    size_t k = i + 1;
    if (k < r->stop && (r->l[k].cls != GOOD || strncmp(r->l[k].s, r->l[i].s, r->l[i].len) == 0))
        k++; /* "Jane Doe is a reporter…" */
    for (size_t box = 1; k < r->stop && box < AUTHOR_BOX_LINES && r->l[k].cls != GOOD &&
                         (r->l[k].meta || r->l[k].len < AUTHOR_BOX_LINE_CHARS);
         box++)
        k++;
    return k < r->stop && r->l[k].cls == GOOD && r->l[k].words >= RESUMED_WORDS &&
           text_prose_words(r, k, r->stop) >= MIN_ARTICLE_WORDS;
}

/* Does line i stand three times or more in the stretch, as it is? The
 * author's name under each of the pictures is their credit: a signature
 * ends the article once (and a byline may have shown the name above). */
#define CREDITED_PICTURES 3

static bool credit_of_pictures(const reader *r, size_t i)
{
    return text_copies_of(r, i, r->body, r->stop, CREDITED_PICTURES) >= CREDITED_PICTURES;
}

/* A short line between prose, without a full stop: a sub-heading. */
static bool heading_like(const reader *r, size_t i)
{
    const line *l = &r->l[i];
    if (l->stamped && !l->full_stop)
        return true;
    if (l->own != SHORT && !(l->own == BAD && l->len < 150))
        return false;
    char c = l->s[l->len - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || l->bullet)
        return false;
    /* a pull-quote attribution ("— Jean Dupont") is no heading */
    return !str_starts_with(l->s, "\xE2\x80\x94") && !str_starts_with(l->s, "\xE2\x80\x93") &&
           !str_starts_with(l->s, "- ");
}

/* A related article's headline: long for a sub-heading, no full stop. */
static bool headline_shape(const line *l)
{
    char c = l->s[l->len - 1];
    return l->words >= 8 && l->words <= 20 && !l->full_stop && !l->bullet && !l->meta &&
           !l->credit && !l->stamped && c != '.' && c != ',' && c != ';' && c != ':';
}

/* Two long headlines in a row between prose are links to other articles:
 * a sub-heading is short and followed by the prose it introduces, not by
 * another headline. */
static bool related_pair(const reader *r, size_t i)
{
    return i > 0 && i + 2 < r->stop && headline_shape(&r->l[i]) &&
           headline_shape(&r->l[i + 1]) && r->l[i - 1].own == GOOD && r->l[i + 2].own == GOOD;
}

/* Words of an interview's question at most, and of the answer under it
 * at least. */
#define QUESTION_WORDS 20
#define ANSWER_WORDS 15

/* Whether line i is a short question with prose under it. */
static bool question_over_answer(const reader *r, size_t i)
{
    const line *q = &r->l[i];
    return q->len && q->s[q->len - 1] == '?' && q->words <= QUESTION_WORDS && i + 1 < r->stop &&
           r->l[i + 1].cls == GOOD && r->l[i + 1].words >= ANSWER_WORDS;
}

/* An interview's first question, over the prose ("Pourquoi ce sujet ?"):
 * a heading before any paragraph is a kicker, unless it is a question
 * over its answer, and another question over its answer comes later. */
static bool interview_question(const reader *r, size_t i)
{
    if (!question_over_answer(r, i))
        return false;
    for (size_t j = i + 2; j < r->stop; j++)
        if (question_over_answer(r, j))
            return true;
    return false;
}

/* Whether s is a clock time alone: "10:42", "9h58", "21 h 15". */
static bool bare_clock_time(const char *s)
{
    size_t h = strspn(s, "0123456789");
    if (h < 1 || h > 2 || atoi(s) > 23)
        return false;
    s += h;
    if (*s == ':' || *s == 'h')
        s++;
    else if (strncmp(s, " h ", 3) == 0)
        s += 3;
    else
        return false;
    return strspn(s, "0123456789") == 2 && !s[2] && atoi(s) <= 59;
}

/* Whether line i is a clock time over a paragraph. */
static bool time_over_post(const reader *r, size_t i)
{
    return bare_clock_time(r->l[i].s) && i + 1 < r->stop && r->l[i + 1].cls == GOOD &&
           text_has_word(r->l[i + 1].s);
}

/* Posts of a live feed the stretch holds at least, each under its time. */
#define LIVE_POSTS 3

/* How many posts under their times ("10:42" over "Le Premier ministre se
 * rendra…") the stretch holds: a live feed, whose times are read as the
 * posts' headings, where one such line alone may be a video's length. */
static size_t live_posts(const reader *r)
{
    size_t n = 0;
    for (size_t i = r->body; i < r->stop; i++)
        n += time_over_post(r, i);
    return n;
}

static bool has_prose(const ora_article *a)
{
    for (size_t i = 0; i < a->n_blocks; i++)
        if (a->blocks[i].kind == ORA_BLOCK_PARAGRAPH)
            return true;
    return false;
}

/* Words an item of a list may hold: more, or several sentences, make a
 * paragraph. */
#define ITEM_WORDS 25

static bool item_sized(const line *l)
{
    return l->words <= ITEM_WORDS && !several_sentences(l->s);
}

/* An item of a list a copy gave without bullets: one of a run of two or
 * more item-sized lines, each right under the one before. One line under
 * a colon is a quote or a sub-heading as often as an item, and the
 * paragraph that a copy sets right under the last item ends the run:
 * they stay paragraphs. */
static bool unbulleted_list_item(const reader *r, size_t i)
{
    if (!text_unbulleted_item(r, i) || !item_sized(&r->l[i]))
        return false;
    size_t run = 1;
    for (size_t k = i; k > 0 && r->l[k].tight && text_unbulleted_item(r, k - 1); k--, run++)
        if (!item_sized(&r->l[k - 1]))
            return false; /* under a paragraph that ended the list */
    for (size_t k = i + 1; k < r->stop && r->l[k].tight && text_unbulleted_item(r, k) && item_sized(&r->l[k]); k++)
        run++;
    return run >= 2;
}

/* Words of sentences under a list of links at most: a source line. */
#define UNDER_LINKS_WORDS 30

/* Is the bulleted line at i the first of a list of links under the
 * article: right under its last paragraph, which announces no list (no
 * colon), with little more than a source line in sentences under the list
 * ("• Les 19 valeurs qui guident les choix…", "• TEST : Qu'est-ce qui…",
 * then "Psychomédia avec sources : …")? A link's title is no sentence. */
static bool links_under_article(const reader *r, size_t i)
{
    const line *above = &r->l[i - 1];
    if (!r->l[i].bullet || i == r->body || above->bullet || above->cls != GOOD || !above->full_stop ||
        above->s[above->len - 1] == ':')
        return false;
    size_t j = i;
    for (; j < r->stop && r->l[j].bullet; j++)
        if (r->l[j].full_stop)
            return false; /* "* Cet article… a fait l'objet d'une mise à jour.": a note */
    return sentence_words(r, j, r->stop) < UNDER_LINKS_WORDS;
}

/* Words an author's note under the article may hold. */
#define AUTHOR_BIO_WORDS 60

/* "Jane Smith covers City Hall for the Daily Planet. She joined…": the
 * last paragraph opens on the byline's name and goes on in small letters
 * (a verb): the author's box, which the page sets under the article, not
 * the article's words. An article does not name its own author so. */
static void drop_author_bio(ora_article *a)
{
    if (!a->byline || a->n_blocks < 2)
        return;
    const ora_block *last = &a->blocks[a->n_blocks - 1];
    size_t n = strlen(a->byline);
    if (last->kind == ORA_BLOCK_PARAGRAPH && n >= 5 && strncmp(last->text, a->byline, n) == 0 &&
        last->text[n] == ' ' && latin_lower_at(last->text + n + 1) &&
        spaced_words(last->text) <= AUTHOR_BIO_WORDS)
        free(a->blocks[--a->n_blocks].text);
}

/* "📅 Dimanche 8 novembre 2026" in a post of 26 June 2026: a date alone
 * (no stamp word, no "Par", no update) that is later than the article's
 * own is an event the article announces, no dateline of it. */
static bool event_day(const reader *r, const line *l)
{
    dateline d;
    const char *published = r->a->published;
    return published && strlen(published) >= 10 && text_bare_date(r, l->s, &d) && !d.byline[0] &&
           strncmp(d.published, published, 10) > 0;
}

/* Words of a photographer's name under a credit, at most. */
#define CREDIT_NAME_WORDS 3

void text_read_body(reader *r)
{
    ora_article *a = r->a;
    if (a->lede)
        text_already_read(r, a->lede); /* the lede is not read again as the first paragraph */
    bool *pulled = calloc(r->stop - r->body + 1, sizeof *pulled);
    uint64_t *hash = calloc(r->stop - r->body + 1, sizeof *hash); /* 0: not worked out */
    if (pulled && hash)
        text_find_pull_quotes(r, pulled, hash);
    bool live = live_posts(r) >= LIVE_POSTS;
    for (size_t i = r->body; i < r->stop; i++) {
        const line *l = &r->l[i];
        if (pulled && hash && pulled[i - r->body])
            continue;
        if (l->raw && i + 1 < r->stop && r->l[i + 1].raw) {
            const char *caption = i > 0 && text_table_caption(r, i - 1) ? r->l[i - 1].s : NULL;
            i = text_read_table(r, i, caption) - 1;
            continue;
        }
        if (text_table_caption(r, i))
            continue; /* read with its table */
        if (has_prose(a) && links_under_article(r, i)) {
            while (i + 1 < r->stop && r->l[i + 1].bullet)
                i++;
            continue;
        }
        /* a signature set as a meta line ("Author: Jane Doe") under the
         * prose, and no article's worth of prose in all the stretch under
         * it: what follows is the author's box */
        if (l->meta && i != r->byline_at && has_prose(a) && is_signature(r, l->s) &&
            text_prose_words(r, i + 1, r->stop) < MIN_ARTICLE_WORDS && !credit_of_pictures(r, i))
            break;
        /* "Par Jacques Munier" under the prose of an article no byline
         * signed above: its signature names the author. It ends the
         * reading only when fewer than an article's worth of sentences
         * follow (a selection's teasers, headlines): a recipe's card goes
         * on under "Author: Tracy" */
        if (l->meta && !a->byline && has_prose(a)) {
            take_signature_name(r, l->s);
            if (a->byline && sentence_words(r, i + 1, r->stop) < MIN_ARTICLE_WORDS && !credit_of_pictures(r, i))
                break;
        }
        /* an end marker under a short piece ("Mots-clés : Noël, commerce")
         * did not end it, but it is no paragraph either */
        if (live && time_over_post(r, i)) {
            ora_article_add_block(a, ORA_BLOCK_HEADING, l->s);
            continue;
        }
        if (l->meta && i != r->byline_at && has_prose(a) && event_day(r, l) && !text_already_read(r, l->s)) {
            ora_article_add_block(a, ORA_BLOCK_PARAGRAPH, l->s);
            continue;
        }
        /* "ats/hof, avec Darius Rochebin": the desk that edited a wire
         * story signs under it, and a page's boxes follow */
        if (has_prose(a) && cue_desk_initials(&r->cues, l->s, NULL)) {
            if (!prose_goes_on_under(r, i))
                break;
            continue;
        }
        if (l->meta || l->credit || l->drop || l->pitch || i == r->title_at || i == r->lede_at || i == r->byline_at ||
            (l->credit_in && l->len < 80 && !text_is_caption_at(r, i)) || (l->end && !l->full_stop))
            continue;
        if (text_alt_over_legend(r, i) || text_alt_elsewhere(r, i))
            continue; /* the legend under it says what the picture shows */
        if (has_prose(a) && is_signature(r, l->s)) {
            if (!prose_goes_on_under(r, i) && !credit_of_pictures(r, i))
                break; /* the article ends on its signature */
            continue;  /* an author box set inside it, or the credit of its pictures */
        }
        if (i > 0 && r->l[i - 1].credit && l->words <= 15 &&
            !(i >= 2 && (text_is_caption_at(r, i - 2) || r->l[i - 2].credit_in)) && !text_is_caption_at(r, i))
            continue; /* a caption under its credit, as some copies give them (no legend over the credit) */
        if (i > 0 && r->l[i - 1].credit && !l->full_stop && l->words <= CREDIT_NAME_WORDS && text_name_like(r, l))
            continue; /* "Image d'illustration." over "Elena Monti": the photographer under the credit's note */
        /* a credit after the article's last line is its copyright line */
        if ((text_is_caption_at(r, i) && i + 1 < r->stop) || cue_numbered_legend(&r->cues, l->s) ||
            (a->n_blocks == 0 && text_looks_like_caption(r, l->s))) {
            if (!text_already_read(r, l->s))
                ora_article_add_block(a, ORA_BLOCK_CAPTION, l->s);
            continue;
        }
        if (l->code) { /* a listing the prose quotes: the stretch holds it, so prose is around */
            if (!text_already_read(r, l->s))
                ora_article_add_block(a, ORA_BLOCK_PARAGRAPH, l->s);
            continue;
        }
        if (l->cls != GOOD || l->player || (a->title && text_same_line(a->title, l->s)) || !text_has_word(l->s))
            continue;
        uint64_t h = hash && hash[i - r->body] ? hash[i - r->body] : text_hash_block(l->s);
        bool item = l->bullet || l->amid || unbulleted_list_item(r, i);
        if (seen_set_add(&r->seen, item ? SEEN_AS_ITEM(h) : h))
            continue;
        if (l->rowed) {
            ora_article_add_block(a, ORA_BLOCK_PARAGRAPH, l->s);
            continue;
        }
        if (has_prose(a) && related_pair(r, i)) {
            i++;
            continue;
        }
        if (text_run_in_heading(r, i) && has_prose(a))
            ora_article_add_block(a, ORA_BLOCK_HEADING, l->s);
        else if (item)
            ora_article_add_block(a, ORA_BLOCK_LIST_ITEM, l->s);
        else if (heading_like(r, i) && !text_unbulleted_item(r, i)) {
            if (l->len <= 2 && strspn(l->s, "0123456789") == l->len)
                continue; /* "2" over a method's step, the copy's counter (a year, "2012", is a heading) */
            /* under the lede or the title, and the dateline, the body's
             * first sub-heading */
            bool under_dateline = i > 0 && r->l[i - 1].meta && l->cls == GOOD && (a->lede || r->title_at + 1 < i);
            if (has_prose(a) || (a->lede && l->stamped) || under_dateline || interview_question(r, i) ||
                (i + 1 < r->stop && r->l[i + 1].rowed)) /* "Le fil info" over its rows */
                ora_article_add_block(a, ORA_BLOCK_HEADING, l->s);
            else if (l->s[l->len - 1] == '!' && l->words >= 4)
                ora_article_add_block(a, ORA_BLOCK_PARAGRAPH, l->s); /* "Les courts ferment à 18h !": no kicker */
        } else
            ora_article_add_block(a, ORA_BLOCK_PARAGRAPH, l->s);
    }
    free(pulled);
    free(hash);
    drop_author_bio(a);
    article_drop_trailing_headings(a, 0); /* a heading with nothing under it is furniture */
}
