/* A picture's text: captions over their credit, alt texts over their
 * legend, a legend that says where and when. */
#include "text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *text_last_pipe(const char *s)
{
    const char *pipe = NULL;
    for (const char *p = strstr(s, " | "); p; p = strstr(p + 1, " | "))
        pipe = p;
    return pipe;
}

/* The line repeats the legend under it past the pipe before its credit
 * ("… disparition. | Gerald Schömbs <a href=…>" over "… disparition. |
 * Gerald Schömbs via Unsplash"): the alt text, in which the page wrote
 * the credit otherwise. */
static bool repeats_legend_to_credit(const line *l, const line *legend)
{
    const char *pipe = text_last_pipe(legend->s);
    size_t upto = pipe ? (size_t)(pipe - legend->s) + 3 : 0;
    return pipe && l->len > upto && strncmp(l->s, legend->s, upto) == 0;
}

/* A picture's own text over its legend: one that repeats it and adds the
 * credit ("Le port au matin" over "Le port au matin - © X"), or any
 * phrase right over a legend that ends on its credit ("Les élus écoutent"
 * over "Les habitants attendent, mardi soir. Marc Vidal / La Gazette"): a
 * copy that keeps the images' alt texts (Chrome's) gives both, with no
 * blank line between, where a copy that parts its paragraphs with blank
 * lines would set one under a heading; a phrase, not prose. A legend over
 * a credit line of its own is left alone: a title stands over its lede
 * and the lead photo's credit that way. */
bool text_alt_over_legend(const reader *r, size_t i)
{
    const line *l = &r->l[i], *next = i + 1 < r->n ? &r->l[i + 1] : NULL;
    if (!next || l->credit_in || l->words < 2)
        return false;
    if (next->credit_in && next->len > l->len && strncmp(next->s, l->s, l->len) == 0)
        return true;
    return (next->credit_in && repeats_legend_to_credit(l, next)) || text_alt_beside_legend(r, i);
}

/* The second kind alone: an alt text that says something the legend does
 * not, so it is not read at all (the first kind is read as the caption's
 * opening). */
bool text_alt_beside_legend(const reader *r, size_t i)
{
    const line *l = &r->l[i], *next = i + 1 < r->n ? &r->l[i + 1] : NULL;
    return next && !l->credit_in && l->words >= 2 && r->spaced && next->tight && next->credit_in &&
           !next->credit && !next->full_stop && l->own != GOOD && !l->full_stop && !l->meta && !l->drop &&
           !l->bullet && !next->bullet;
}

/* Words of an alt text at most. */
#define ALT_WORDS 20

/* The alt texts over legends, by their hashes: a copy has few, and
 * text_alt_elsewhere asks for every line of the body. */
void text_note_alts(reader *r)
{
    for (size_t i = 0; i < r->n; i++)
        if (text_alt_beside_legend(r, i))
            seen_set_add(&r->alts, text_hash_block(r->l[i].s));
}

/* The same phrase as an alt text the copy shows over a legend elsewhere:
 * the picture's alt text again (set inline in the body, its legend only
 * once), no paragraph. Needs text_note_alts. */
bool text_alt_elsewhere(const reader *r, size_t i)
{
    const line *l = &r->l[i];
    return r->alts.n && !l->full_stop && l->words >= 2 && l->words <= ALT_WORDS &&
           seen_set_has(&r->alts, text_hash_block(l->s));
}

/* A paragraph that opens on someone's words ("« Le bois doit sécher
 * lentement », explique…", "“You won’t…,” one user said."): a legend
 * names what the picture shows, it does not open on a quote. */
static bool quoted_prose(const line *l)
{
    return l->own == GOOD && (str_starts_with(l->s, "\xC2\xAB") || str_starts_with(l->s, "\xE2\x80\x9C") ||
                              l->s[0] == '"');
}

/* A caption: the line over a short credit ("© AFP", "Getty Images"), or
 * a picture's text over its legend. */
bool text_is_caption_at(const reader *r, size_t i)
{
    const line *next = i + 1 < r->n ? &r->l[i + 1] : NULL;
    /* "Crédit Photo" alone labels the legend under it, not the line over it */
    if (next && text_credit_label(next) && i + 2 < r->n && r->l[i + 2].credit_in)
        next = NULL;
    /* a legend that carries its credit is none, but the one over a
     * credit of names around a slash was marked so for that credit */
    return (next && next->credit && (!r->l[i].credit_in || text_slash_names(next)) && r->l[i].len >= 20 &&
            r->l[i].words <= 30 && !r->l[i].meta && !r->l[i].drop && !quoted_prose(&r->l[i])) ||
           text_alt_over_legend(r, i);
}

/* A photo caption in a copy: one sentence that ends on where and when the
 * photo was taken ("…, à Bruxelles, le 7 mai."), and tells no story (no
 * verb of a past or future tense: "La Commission a délivré…, le 15 avril
 * 2005." is an article's first line). */
bool text_looks_like_caption(const reader *r, const char *s)
{
    if (strstr(s, ". ") != NULL || cue_any_word(&r->cues.tensed, s))
        return false;
    const char *q = NULL; /* after ", le " */
    for (const char *p = strstr(s, ", "); p && !q; p = strstr(p + 2, ", ")) {
        size_t on = cue_prefix(&r->cues.on, p + 2);
        q = on ? p + 2 + on : NULL;
    }
    if (!q)
        return false;
    char iso[32];
    if (dateline_date(&r->cues, q, iso))
        return true;
    int day = atoi(q);
    while (isdigit((unsigned char)*q))
        q++;
    q += cue_opens(&r->cues.ordinal, q);
    if (day < 1 || day > 31 || *q != ' ')
        return false;
    q++;
    const char *end = strchr(q, '.');
    return end && end[1] == '\0' && cue_month(&r->cues, q, (size_t)(end - q));
}
