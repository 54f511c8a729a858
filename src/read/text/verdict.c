/* Is it an article at all: what the input is instead. */
#include "text.h"
#include "read/dateline.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The words read aloud: the lede's too, which a short piece may open
 * with (a lede and three short paragraphs are an article). */
static size_t body_words(const ora_article *a)
{
    size_t w = a->lede ? spaced_words(a->lede) : 0;
    for (size_t i = 0; i < a->n_blocks; i++) {
        if (a->blocks[i].kind == ORA_BLOCK_CAPTION)
            continue;
        w += spaced_words(a->blocks[i].text);
    }
    return w;
}

/* How many lines match a cue of this kind ("consent", "error", "login"). */
static size_t count_cues(const reader *r, const phrase_list *cues, const char *kind)
{
    size_t hits = 0;
    strbuf b;
    sb_init(&b);
    for (size_t i = 0; i < r->n; i++) {
        if (r->l[i].len > 300)
            continue;
        b.len = 0;
        sb_printf(&b, "%s|%s", kind, r->l[i].s);
        if (phrase_list_matches(cues, b.s))
            hits++;
    }
    sb_free(&b);
    return hits;
}

/* The number a heading opens on ("3. Réparer les fuites", "3) …", "#3 …")
 * or ends on ("Tarte fine – Étape 3": a picture's alt text over each step),
 * or -1. */
static int heading_number(const char *s)
{
    if (*s == '#')
        s++;
    const char *last = strrchr(s, ' ');
    if (!isdigit((unsigned char)*s) && last && isdigit((unsigned char)last[1]) &&
        strspn(last + 1, "0123456789") == strlen(last + 1))
        s = last + 1; /* "Burger Buns – Step 3": the step's number ends it */
    if (!isdigit((unsigned char)*s))
        return -1;
    int n = atoi(s);
    while (isdigit((unsigned char)*s))
        s++;
    return (s[0] == '.' || s[0] == ')' || s[0] == ' ' || !s[0]) && n < 1000 ? n : -1;
}

/* Teasers: a front page alternates headlines and one-sentence summaries,
 * so its "article" is as many headings as paragraphs, all short. A list
 * article has that shape too ("Huit gestes pour…": a numbered heading and
 * a short paragraph, eight times), but its headings count up; so has a
 * guide in parts ("Réserver tôt", "Bien dormir"), but its headings are
 * short, under a headline's five words on average, and its parts say
 * more than a sentence: one of them in a signed or dated piece, half of
 * them in a page with neither (a home page's one long lede does not make
 * its teasers a guide). */
static bool front_page(const ora_article *a, size_t words)
{
    size_t heads = 0, paras = 0, counted = 0, head_words = 0, longer = 0;
    int next = -1;
    for (size_t i = 0; i < a->n_blocks; i++) {
        const char *t = a->blocks[i].text;
        /* a live's posts have timed headings; a front page's have none */
        if (a->blocks[i].kind == ORA_BLOCK_HEADING && !text_opens_on_time(t)) {
            heads++;
            head_words += spaced_words(t);
            int n = heading_number(t);
            counted += n >= 0 && (next < 0 || n == next);
            next = n >= 0 ? n + 1 : next;
        }
        paras += a->blocks[i].kind == ORA_BLOCK_PARAGRAPH;
        longer += a->blocks[i].kind == ORA_BLOCK_PARAGRAPH &&
                  (several_sentences(t) || spaced_words(t) > TEASER_SENTENCE_WORDS);
    }
    /* a headline says something; "Book early" heads a part, whose text
     * says more than one short sentence: under short headings, teasers
     * say one */
    bool signed_piece = a->byline || a->published;
    if (counted * 4 >= heads * 3 || (head_words < 5 * heads && longer && (signed_piece || longer * 2 >= heads)))
        return false;
    return heads >= 4 && heads * 2 >= paras && paras && words / paras < 40;
}

/* A consent wall has prose too: its "article" is mostly about cookies. A
 * paragraph of it names two things of the wall (cookies and partners,
 * consent and personal data) or is short; an article's paragraph that
 * only mentions cookies (baked ones, or a browser's) is none. */
static bool consent_prose(const reader *r)
{
    phrase_list cues;
    ora_error err;
    if (phrase_list_load_folded("rules/fr/not-article.txt", &cues, &err) < 0)
        return false;
    size_t cue = 0, all = 0;
    strbuf b;
    sb_init(&b);
    for (size_t i = r->body; i < r->stop; i++) {
        if (r->l[i].cls != GOOD)
            continue;
        all += r->l[i].words;
        b.len = 0;
        sb_printf(&b, "consent|%s", r->l[i].s);
        size_t hits = r->l[i].len < 1000 ? phrase_list_count(&cues, b.s) : 0;
        if (hits >= 2 || (hits == 1 && r->l[i].words <= 30))
            cue += r->l[i].words;
    }
    sb_free(&b);
    phrase_list_free(&cues);
    return all && cue * 2 >= all;
}

/* A list of articles (an author's page, search results copied): each
 * paragraph read sits under a dropped headline that ends on its date,
 * three times or more, and such pairs are most of the text. An embedded
 * post's signature ends on a date too ("— Miami Herald (@MiamiHerald) 10
 * octobre 2016"): it opens on a dash or names a handle, as no headline. */
#define TEASER_HEADLINE_WORDS 15

static bool post_signature(const line *l)
{
    return str_starts_with(l->s, "\xE2\x80\x94") || str_starts_with(l->s, "\xE2\x80\x93") ||
           str_starts_with(l->s, "- ") || strstr(l->s, "(@") != NULL;
}

static bool dated_teasers(const reader *r)
{
    size_t pairs = 0, paired = 0, all = 0;
    for (size_t i = r->body; i < r->stop; i++) {
        if (r->l[i].cls != GOOD)
            continue;
        all += r->l[i].words;
        const line *above = i > 0 ? &r->l[i - 1] : NULL;
        if (above && above->cls != GOOD && above->words <= TEASER_HEADLINE_WORDS && !post_signature(above) &&
            text_ends_on_date(r, above))
            pairs++, paired += r->l[i].words;
    }
    return pairs >= 3 && all && paired * 10 >= all * 6;
}

static const char *what_instead(const reader *r, size_t furniture)
{
    ora_article *a = r->a;
    size_t words = body_words(a);
    if (dated_teasers(r))
        return "a list of articles (headlines and summaries)";
    if (words >= MIN_ARTICLE_WORDS) {
        if (front_page(a, words))
            return "a front page of headlines";
        /* a consent wall is a few paragraphs, not a long article */
        return words < 400 && consent_prose(r) ? "a consent wall" : NULL;
    }
    /* a short piece (a podcast's summary) under its title and byline */
    if (words && a->title && a->byline)
        return NULL;
    if (furniture == 0)
        return NULL; /* bare prose, however short, is what the user wrote */
    phrase_list cues;
    ora_error err;
    const char *what = NULL;
    if (phrase_list_load_folded("rules/fr/not-article.txt", &cues, &err) == 0) {
        if (count_cues(r, &cues, "error"))
            what = "an error page";
        else if (count_cues(r, &cues, "login") >= 2)
            what = "a login form";
        else if (count_cues(r, &cues, "consent"))
            what = "a consent wall";
        else if (count_cues(r, &cues, "links"))
            what = "a page of links";
        phrase_list_free(&cues);
    }
    if (!what) {
        size_t goods = 0;
        for (size_t i = 0; i < r->n; i++)
            goods += r->l[i].own == GOOD;
        /* no cue says what it is: say what is known, that it is short */
        what = goods >= 4 ? "a front page of headlines"
                          : TOO_SHORT_FOR_AN_ARTICLE;
    }
    return what;
}

const char *text_not_article(const reader *r)
{
    /* Furniture: what is neither the article nor its head. Bare prose
     * has none, even when its title line stands alone. */
    size_t furniture = 0;
    for (size_t i = 0; i < r->n; i++)
        furniture += r->l[i].cls == BAD && (i < r->body || i >= r->stop) && i != r->title_at &&
                     i != r->lede_at && !r->l[i].meta;
    return what_instead(r, furniture);
}
