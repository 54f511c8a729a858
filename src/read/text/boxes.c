/* Furniture set inside the article that the prose goes on under: video
 * players, lists a sentence announces, pictures, and boxes of links
 * ("Sur le même sujet" over a few headlines). Their lines keep their own
 * classes but cost the stretch nothing, and a box's label is no end of
 * the article (step 2, after each line's own class). */
#include "text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Words of an item of a list in small letters at most. */
#define SMALL_ITEM_WORDS 25

/* Lines over its length that a video player shows (a label, the
 * poster's text, the title). */
#define VIDEO_LINES 4

/* The first line under k past a video player set there: its lines down
 * to its length ("Now Playing", "Watch: …", "1:32"), or k + 1 when none.
 * A list's bulleted item is no line of a player over it. */
size_t text_past_video(const reader *r, size_t k)
{
    for (size_t j = k + 1; j < r->n && j <= k + VIDEO_LINES; j++) {
        if (cue_media_length(r->l[j].s, r->l[j].len))
            return j + 1;
        if (r->l[j].full_stop || r->l[j].own == GOOD || r->l[j].s[r->l[j].len - 1] == ':' || r->l[j].bullet)
            break;
    }
    return k + 1;
}

/* A picture's lines: its legend, its credit, its file name, its alt text. */
static bool picture_text(const reader *r, size_t k)
{
    const line *l = &r->l[k];
    return l->credit_in || l->credit || l->picture || text_alt_beside_legend(r, k);
}

/* The first line from k on past a picture's lines. */
static size_t past_picture(const reader *r, size_t k)
{
    while (k < r->n && picture_text(r, k))
        k++;
    return k;
}

/* Words of a sub-heading set between paragraphs. */
#define SUBHEADING_WORDS 8

/* A sub-heading of the article ("What happens next", "Et après ?") right
 * over a paragraph: short, no sentence's full stop, no furniture. */
static bool subheading_shaped(const line *l)
{
    char last = l->len ? l->s[l->len - 1] : 0;
    return l->own == SHORT && l->words >= 2 && l->words <= SUBHEADING_WORDS && last != '.' && last != ':' &&
           !l->bullet && !l->drop && !l->meta && !l->end && !l->cut && !l->credit_in && !l->pitch;
}

/* The first line from j on past a picture's alt text that the copy gave
 * over its legend elsewhere (Chrome's copies give it each time the
 * picture is shown). */
static size_t past_alts(const reader *r, size_t j)
{
    while (j < r->n && text_alt_elsewhere(r, j))
        j++;
    return j;
}

/* A sub-heading over a paragraph, perhaps past a picture's alt text:
 * returns the paragraph's line, or 0. */
static size_t subheading_over_prose(const reader *r, size_t k)
{
    size_t j = past_alts(r, k + 1);
    return subheading_shaped(&r->l[k]) && j < r->n && r->l[j].own == GOOD && r->l[j].full_stop ? j : 0;
}

/* A short sentence of the prose ("He declined to comment.") over a
 * paragraph, a list's announce or a sub-heading over a paragraph, perhaps
 * past a video player or a picture set between them. */
static bool short_prose_over_prose(const reader *r, size_t k)
{
    const line *l = &r->l[k];
    size_t next = past_picture(r, text_past_video(r, k));
    return (l->own == SHORT || l->own == NEAR) && l->full_stop && l->words >= 3 && l->stops > 0 && next + 1 < r->n &&
           (r->l[next].own == GOOD || text_announces_list(r, next) || subheading_over_prose(r, next));
}

/* The line under a video player whose lines start at k ("Now Playing",
 * "Watch: …", "1:32"), or k when none does. */
static size_t video_from(const reader *r, size_t k)
{
    size_t past = k > 0 ? text_past_video(r, k - 1) : k;
    return past > k ? past : k;
}

/* The line over a list whose first item is j: j - 1, or the line over a
 * video player set between the list and its announce ("The plan
 * includes:", "Now Playing", "Watch: …", "1:32", then the items). */
size_t text_over_list(const reader *r, size_t j)
{
    if (j < 2 || !cue_media_length(r->l[j - 1].s, r->l[j - 1].len))
        return j - 1;
    for (size_t k = j - 1; k > 0 && k + VIDEO_LINES >= j; k--)
        if (r->l[k - 1].s[r->l[k - 1].len - 1] == ':')
            return text_past_video(r, k - 1) == j ? k - 1 : j - 1;
    return j - 1;
}

/* "Le plan prévoit :" over "de nouveaux bus…": a phrase with function
 * words that ends on a colon, over an item in small letters (a video the
 * page set between them aside). A box's heading ("Horaires :", "Pour
 * nous joindre :") stands over names, numbers and addresses. */
bool text_announces_list(const reader *r, size_t i)
{
    const line *l = &r->l[i];
    size_t first = text_past_video(r, i);
    return l->s[l->len - 1] == ':' && l->stops > 0 && l->words >= 3 && first < r->n &&
           latin_lower_at(r->l[first].s);
}

/* The line after the list when k announces one, else k. */
static size_t past_list(const reader *r, size_t k)
{
    if (!text_announces_list(r, k))
        return k;
    size_t j = text_past_video(r, k);
    while (j < r->n && latin_lower_at(r->l[j].s) && r->l[j].words <= SMALL_ITEM_WORDS)
        j++;
    return j;
}

/* Lines under a box that are looked at, and the prose they must hold to
 * show that the article goes on. */
#define PROSE_AFTER_LINES 8
#define PROSE_AFTER_PARAGRAPHS 3
#define PROSE_AFTER_WORDS 60

/* Three paragraphs or more within eight lines under k (a list the prose
 * announces aside), 60 words or more, no dateline or time between and one
 * headline at most (a video's title): the article going on. Teasers under a box alternate headlines
 * and their sentences. An end marker closes the lines looked at: the
 * prose above it counts ("Les plus lus" under the article's last
 * paragraphs), what comes under it is another box. */
static bool prose_goes_on(const reader *r, size_t k)
{
    size_t paragraphs = 0, words = 0, headlines = 0, limit = k + PROSE_AFTER_LINES;
    size_t last_headline[2] = {0, 0}; /* the two latest, + 1 */
    for (size_t j = k; j < r->n && j < limit; j++) {
        size_t past = past_list(r, j); /* a list the prose announces is the prose's */
        if (past > j) {
            limit += past - j;
            j = past - 1;
            continue;
        }
        const line *l = &r->l[j];
        if (l->end && j > k)
            break;
        if (l->meta || l->end || l->stamped)
            return false;
        if (l->own == GOOD && l->full_stop) {
            paragraphs++, words += l->words;
        } else if (cue_media_length(l->s, l->len)) { /* the player's lines over it: its poster, its title */
            for (int h = 0; h < 2; h++)
                if (last_headline[h] && last_headline[h] + VIDEO_LINES > j)
                    headlines--, last_headline[h] = 0;
        } else if (!l->drop && !l->pitch && !l->full_stop && l->words >= 4 && !picture_text(r, j)) {
            headlines++; /* a sign-up box's heading is none */
            last_headline[1] = last_headline[0], last_headline[0] = j + 1;
        }
    }
    return paragraphs >= PROSE_AFTER_PARAGRAPHS && words >= PROSE_AFTER_WORDS && headlines <= 1;
}

/* "Publicité", "Advertisement": an ad's label, a furniture word or two. */
bool text_ad_label(const line *l)
{
    return l->drop && l->words <= 2 && !l->full_stop;
}

/* Nothing but the page's foot under line k: links of a word or three,
 * the copyright, a video player. No prose, no headline: a paragraph there is the last of
 * the article, since no teaser nor comment could own it. */
static bool page_ends_after(const reader *r, size_t k)
{
    for (size_t j = k + 1; j < r->n; j++) {
        const line *l = &r->l[j];
        size_t past = video_from(r, j); /* a video player under the article */
        if (past > j) {
            j = past - 1;
            continue;
        }
        if (l->credit || l->credit_in || l->drop)
            continue;
        if (l->own == GOOD || l->meta || l->end || l->words >= 4)
            return false;
    }
    return true;
}

/* Line j stands past the blank line that ends the lines from first on
 * that a copy sets line under line, two or more (a list of links as
 * copies give it): it is no item of that list. */
bool text_parted_from_list(const reader *r, size_t first, size_t j)
{
    size_t k = first + 1;
    while (k < j && k < r->n && r->l[k].tight)
        k++;
    return k >= first + 2 && k <= j && j < r->n && !r->l[k].tight;
}

/* The line under the furniture that starts at k, between a box set
 * inside the article and the prose that goes on under it: a picture, a
 * list, a video player, an ad's label, a sign-up box (its heading, which
 * the boilerplate drops, and the short sentence of its pitch); k when
 * none starts there. */
static size_t furniture_past(const reader *r, size_t k)
{
    const line *l = &r->l[k];
    if (l->pitch) { /* a sign-up box: its heading, its pitch, its button */
        size_t j = k;
        while (j < r->n && r->l[j].pitch)
            j++;
        return j < r->n && text_ad_label(&r->l[j]) ? j + 1 : j;
    }
    if (picture_text(r, k) || text_ad_label(l) || (l->drop && !l->full_stop && l->words <= 6))
        return k + 1;
    if (past_list(r, k) > k)
        return past_list(r, k);
    if (video_from(r, k) > k)
        return video_from(r, k);
    bool under_heading = k > 0 && (r->l[k - 1].drop || r->l[k - 1].pitch) && r->l[k - 1].own != GOOD;
    return under_heading && l->own == SHORT && l->full_stop && !short_prose_over_prose(r, k) ? k + 1 : k;
}

/* A paragraph ending on its full stop within four lines or blocks of
 * furniture under k, past furniture only (a newsletter box, an ad's
 * label, a picture and its legend, a video): no dateline, no other end
 * marker, no headline between, as the next article, teasers or the
 * comments would set. A list the prose announces is prose. */
/* The next line from j on past furniture (a sign-up box, an ad's label,
 * a picture). */
static size_t next_past_furniture(const reader *r, size_t j)
{
    for (size_t past; j < r->n && ((past = furniture_past(r, j)) > j || r->l[j].pitch);)
        j = past > j ? past : j + 1;
    return j;
}

/* A phrase without a stop at j over a paragraph of ten words or more that
 * ends the article (an end marker, the page's foot or more prose past
 * furniture under it): a picture's alt text between paragraphs, as
 * Chrome's copies keep it. A list of teasers goes on with another
 * headline. */
static bool phrase_over_last_prose(const reader *r, size_t j)
{
    size_t p = next_past_furniture(r, j + 1);
    if (p >= r->n || r->l[p].own != GOOD || !r->l[p].full_stop || r->l[p].words < RESUMED_WORDS)
        return false;
    size_t after = next_past_furniture(r, p + 1);
    return after >= r->n || r->l[after].end || page_ends_after(r, p) ||
           (r->l[after].own == GOOD && r->l[after].full_stop);
}

static bool prose_past_furniture(const reader *r, size_t k)
{
    const char *alt = NULL;
    for (size_t j = k + 1, seen = 0; j < r->n && seen++ < 4; j++) {
        if (text_alt_over_legend(r, j))
            alt = r->l[j].s;
        size_t past = furniture_past(r, j);
        if (past > j) {
            j = past - 1;
            continue;
        }
        const line *l = &r->l[j];
        if (l->own == GOOD && l->full_stop)
            return true;
        if (l->credit_in || l->credit || l->pitch || alt == l->s || (alt && strcmp(alt, l->s) == 0))
            continue; /* a picture's alt text (perhaps shown again under its legend), legend and credit; a sign-up box */
        if (!l->meta && !l->end && !l->stamped && !l->drop && !l->full_stop && l->words >= 4 &&
            phrase_over_last_prose(r, j))
            return true; /* an image's alt text, not a teaser's headline */
        if (l->meta || l->end || l->stamped || (!l->drop && !l->full_stop && l->words >= 4))
            return false; /* a headline: teasers of other articles, not furniture */
    }
    return false;
}

/* Is the paragraph at k, under a box of links, the article's prose
 * going on: two paragraphs in a row, or one of ten words or more over a
 * sentence (a caption), a sub-heading, the article's real end ("12
 * Comments", perhaps past a video and a share bar) or furniture, or
 * prose past furniture? A teaser is a headline's. */
static bool prose_resumes(const reader *r, size_t k)
{
    const line *a = &r->l[k], *b = &r->l[k + 1];
    bool heading = b->own == SHORT && k + 2 < r->n && r->l[k + 2].own == GOOD; /* over its prose */
    size_t m = k + 1;
    for (size_t past; m < r->n && (past = furniture_past(r, m)) > m;)
        m = past;
    bool ends = b->end || (m < r->n && r->l[m].end);
    /* where the copy parts paragraphs with blank lines, sentences set line
     * under line are a list of teasers, not paragraphs in a row */
    if (r->spaced && b->tight && b->own == GOOD)
        return false;
    bool more = a->words >= RESUMED_WORDS && (b->full_stop || ends || b->own == BAD || heading || page_ends_after(r, k));
    return a->own == GOOD && a->full_stop &&
           ((b->own == GOOD && b->full_stop) || more || prose_past_furniture(r, k) || prose_goes_on(r, k));
}

/* Words of a headline that asks a question, at most. */
#define QUESTION_HEADLINE_WORDS 12

/* "Sommes-nous une proie alléchante pour les requins?": a link's headline
 * may ask, in one short sentence; a box's other lines are no sentences. */
static bool question_headline(const line *l)
{
    return l->s[l->len - 1] == '?' && l->words <= QUESTION_HEADLINE_WORDS && !l->inner_stop;
}

/* Links a box inside the article may hold under its label. */
#define INLINE_BOX_LINKS 6

/* "Related" over a few headlines (two or more), then, past furniture
 * (a picture, a list, a video, an ad, a sign-up box) and perhaps a short
 * sentence, the article's prose again (prose_resumes): a box of links
 * set inside the article, not its end. Reader comments and teasers under
 * an article alternate names, dates and buttons with their text, and the
 * next article opens on its dateline. Returns the line after the box, or
 * 0 when i opens none; the line where the prose goes on goes to *prose. */
static size_t inline_box_end(const reader *r, size_t i, size_t *prose)
{
    size_t k = i + 1, headlines = 0, labels = 0;
    for (; k < r->n && k <= i + INLINE_BOX_LINKS; k++) {
        const line *l = &r->l[k];
        bool question = headlines > 0 && question_headline(l); /* under a headline, another */
        if (l->own == GOOD || (short_prose_over_prose(r, k) && !question) || picture_text(r, k) || past_list(r, k) > k ||
            (k > i + 1 && (text_ad_label(l) || l->pitch || video_from(r, k) > k)) ||
            (k > i + 2 && !l->tight && subheading_over_prose(r, k)))
            break; /* a sub-heading ("Et maintenant ?") apart from the links, over the prose going on */
        if (k >= i + 3 && r->l[i + 1].bullet && !l->bullet)
            break; /* the bulleted links end */
        if ((l->full_stop && !question_headline(l)) || l->words > 20 || l->meta || l->end || l->cut ||
            l->bullet != r->l[i + 1].bullet)
            return 0;
        headlines += l->words >= 4;
        labels += l->words < 2; /* a kicker over a headline ("PointCloud") */
    }
    if (k < i + 3 || k + 1 >= r->n || (labels && headlines < 2))
        return 0; /* one headline and its text: the next article ("En savoir plus"); a share bar */
    while (k + 2 < r->n && (text_ad_label(&r->l[k]) || r->l[k].pitch))
        k++; /* "Publicité" under the box, an ad's slot; a sign-up box */
    size_t after = k; /* a short sentence there is the prose's too */
    for (size_t past; k + 2 < r->n && (past = furniture_past(r, k)) > k;)
        k = past_alts(r, past); /* a picture shown again (Chrome gives its alt text) */
    if (k + 1 >= r->n)
        return 0;
    if (short_prose_over_prose(r, k)) /* past a picture, the list it announces is the prose's */
        k = past_list(r, past_picture(r, text_past_video(r, k)));
    if (k + 1 >= r->n)
        return 0;
    *prose = k;
    /* the prose may resume under a sub-heading ("What happens next"),
     * perhaps over a list the prose announces ("The plan includes:") */
    size_t m = k + 1 < r->n ? past_list(r, k + 1) : k + 1;
    size_t under = subheading_over_prose(r, k);
    return prose_resumes(r, k) || (under && under + 1 < r->n && prose_resumes(r, under)) ||
                   (subheading_shaped(&r->l[k]) && m > k + 1 && m + 1 < r->n && prose_resumes(r, m))
               ? after
               : 0;
}

/* Words of an embedded video's title under its label, at most. */
#define VIDEO_TITLE_WORDS 12

/* "En vidéo" over "LA PMA DIVISE LE GOUVERNEMENT": a video's label and
 * its title, a short line in capitals or with no paragraph right under
 * it (a sub-heading of the article under the label would have one). */
static void mark_video_label(reader *r, size_t k)
{
    line *l = &r->l[k];
    if (l->len > 24 || !cue_word_nocase(&r->cues.video_label, l->s, l->len))
        return;
    l->player = true;
    line *t = k + 1 < r->n ? &r->l[k + 1] : NULL;
    if (!t || t->full_stop || t->bullet || t->own == GOOD || t->words > VIDEO_TITLE_WORDS)
        return;
    bool capitals = !latin_lower_at(t->s) && !strpbrk(t->s, "abcdefghijklmnopqrstuvwxyz");
    if (capitals || k + 2 >= r->n || r->l[k + 2].own != GOOD)
        t->player = true;
}

/* A video player set in the article ("Now Playing", "Watch: …", "1:32";
 * "En vidéo" and its title) is furniture the prose goes on under, as an
 * embedded post is: its lines cost the stretch nothing, and are never
 * read. */
static void mark_video_players(reader *r)
{
    for (size_t k = 0; k < r->n; k++) {
        mark_video_label(r, k);
        size_t past = video_from(r, k);
        for (size_t j = k; j < past; j++)
            r->l[j].player = true;
        k = past > k ? past - 1 : k;
    }
}

/* An end marker that only labels a box of links inside the article is
 * furniture: the label and its links are not read, and the article goes
 * on under them. */
static void keep_inline_boxes(reader *r)
{
    for (size_t i = 0; i < r->n; i++) {
        /* a comment form's label ("Leave a Comment & Rating") has the
         * readers' messages under it, which read like prose going on */
        if (!r->l[i].end || r->l[i].len > 40 || cue_names_comments(&r->cues, r->l[i].s))
            continue;
        size_t prose, end = inline_box_end(r, i, &prose);
        if (!end)
            continue;
        /* nor does what stands between the box and the prose (a video
         * player, an ad's label) cost the stretch */
        for (size_t k = end; k < prose; k++)
            r->l[k].boxed = true;
        /* a short sentence right under the box is the prose's, a video
         * between it and the paragraphs or not ("“We finally have a
         * plan,” the mayor said.") */
        if (short_prose_over_prose(r, end))
            r->l[end].own = r->l[end].cls = GOOD;
        r->l[i].end = false;
        r->l[i].drop = true;
        /* a list the copy sets line under line ends at a blank line: a
         * headline under it ("Fil info", two times and their news, then
         * the title) is the page's own */
        for (size_t k = i; k < end && !text_parted_from_list(r, i + 1, k); k++)
            r->l[k].own = r->l[k].cls = BAD, r->l[k].listed = r->l[k].boxed = true;
    }
}

/* Words of a poll's question and of each of its answers at most. */
#define POLL_QUESTION_WORDS 20
#define POLL_ANSWER_WORDS 4

static bool poll_line(const reader *r, size_t k)
{
    return k < r->n && cue_word_nocase(&r->cues.poll, r->l[k].s, r->l[k].len);
}

/* The line after the answers under the question at q (short lines, set
 * right under it, no sentence, no dateline), or q + 1 when there are
 * fewer than two. */
static size_t poll_answers_end(const reader *r, size_t q)
{
    size_t k = q + 1;
    while (k < r->n && r->l[k].tight && r->l[k].words <= POLL_ANSWER_WORDS && !r->l[k].full_stop &&
           !r->l[k].meta && r->l[k].s[r->l[k].len - 1] != ':')
        k++;
    return k - q - 1 >= 2 ? k : q + 1;
}

/* A poll: a question over its answers ("Oui", "Non", "Sans opinion"), a
 * poll's label or button over, among or under them ("Sondage", "Voter");
 * a list of names under a question has none. Like a sign-up box, it asks
 * the reader something: none of it is read, and the prose's neighbours
 * see past it; set inside the article, it costs the stretch nothing. */
static void mark_polls(reader *r)
{
    for (size_t q = 0; q + 2 < r->n; q++) {
        const line *l = &r->l[q];
        if (l->s[l->len - 1] != '?' || l->words > POLL_QUESTION_WORDS || l->meta)
            continue;
        size_t end = poll_answers_end(r, q), from = q;
        if (end == q + 1)
            continue;
        bool cued = false;
        for (size_t k = q + 1; k < end; k++)
            cued |= poll_line(r, k);
        while (end < r->n && poll_line(r, end))
            end++, cued = true; /* its buttons */
        if (q > 0 && poll_line(r, q - 1))
            from = q - 1, cued = true; /* its label */
        for (size_t k = from; cued && k < end; k++)
            r->l[k].pitch = r->l[k].boxed = true, r->l[k].own = r->l[k].cls = BAD;
        q = cued ? end - 1 : q;
    }
}

/* Lines at most between two pairs of a carousel, and pairs it has at
 * least; words of a line a pair repeats at least. */
#define CAROUSEL_GAP 6
#define CAROUSEL_PAIRS 3
#define CAROUSEL_WORDS 4

/* Is line i given again right under it, word for word? */
static bool given_twice(const reader *r, size_t i)
{
    return i + 1 < r->n && r->l[i].words >= CAROUSEL_WORDS && r->l[i].len == r->l[i + 1].len &&
           memcmp(r->l[i].s, r->l[i + 1].s, r->l[i].len) == 0;
}

/* Words of a paragraph of prose between two pairs. */
#define CAROUSEL_PROSE_WORDS 20

/* A picture's credit, alone or in its legend. */
static bool credited(const line *l)
{
    return l->credit_in || l->credit;
}

/* Words of a picture's credit, at most. */
#define CREDIT_WORDS 12

/* A credit shown twice under its legend, as the legend was: a short line
 * with no full stop, then the same ("Jessica Dubois, INSERM U992"). */
static bool short_pair(const reader *r, size_t k)
{
    const line *l = &r->l[k];
    return k + 1 < r->n && l->words <= CREDIT_WORDS && !l->full_stop && l->len == r->l[k + 1].len &&
           memcmp(l->s, r->l[k + 1].s, l->len) == 0;
}

/* Is the pair that opens at k a picture's legend: a credit in it, or on
 * the line under the pair, which may be given twice too ("Ce nouveau-né
 * a quelques jours. …" twice, then "AMELIE-BENOIST / BSIP" twice)? */
static bool legend_pair(const reader *r, size_t k)
{
    return credited(&r->l[k]) || credited(&r->l[k + 1]) ||
           (k + 2 < r->n && (credited(&r->l[k + 2]) || short_pair(r, k + 2)));
}

/* Are the pairs from i to last an article's pictures' captions, which a
 * copy gives twice: each a legend with its credit ("Kotor et sa baie… ©
 * X, Adobe Stock"), in it or under it, with paragraphs of prose between
 * them? Between a carousel's slides stand labels, or a teaser's lines. */
static bool captions_between_prose(const reader *r, size_t i, size_t last)
{
    bool prose = false;
    for (size_t k = i; k <= last + 1; k++) {
        bool first = given_twice(r, k), paired = first || (k > 0 && given_twice(r, k - 1));
        if (paired && !legend_pair(r, first ? k : k - 1))
            return false; /* a slide, no legend */
        prose |= !paired && r->l[k].own == GOOD && r->l[k].full_stop && r->l[k].words >= CAROUSEL_PROSE_WORDS;
    }
    return prose;
}

/* A carousel of videos or slides: each slide's text given twice in a
 * row (the slide shown and its copy the page keeps for the next turn),
 * under a short label ("Caption 90 seconds: 4 stories…"), three slides
 * or more close together. An article never says a paragraph twice in a
 * row, again and again: the slides and the labels between them are
 * furniture, however well they read. */
static void mark_carousels(reader *r)
{
    for (size_t i = 0; i < r->n; i++) {
        if (!given_twice(r, i))
            continue;
        size_t pairs = 1, last = i;
        for (size_t j = i + 2; j < r->n && j <= last + 2 + CAROUSEL_GAP; j++)
            if (given_twice(r, j))
                pairs++, last = j, j++;
        if (pairs < CAROUSEL_PAIRS || captions_between_prose(r, i, last))
            continue;
        size_t from = i > 0 && r->l[i - 1].own != GOOD ? i - 1 : i; /* the first slide's label */
        for (size_t k = from; k <= last + 1; k++)
            r->l[k].own = r->l[k].cls = BAD;
        i = last + 1;
    }
}

/* A line right over a picture's legend, no blank line between: the
 * picture's alt text, as Chrome's copies give it. */
static bool alt_over(const reader *r, size_t j)
{
    return text_alt_over_legend(r, j) ||
           (j + 1 < r->n && r->l[j + 1].tight && picture_text(r, j + 1) && r->l[j].own != GOOD);
}

/* Words of a paywall's label over the article at most ("Cet article est
 * réservé aux abonnés"). */
#define BADGE_WORDS 10

/* A paywall's notice that the article's prose goes on under (past the
 * lead picture's alt text and legend, and the dateline) is the badge of
 * a subscriber's article the copy holds whole, not the place where it is
 * cut. A real wall has offers and buttons under it. */
static void keep_badges(reader *r)
{
    for (size_t i = 0; i < r->n; i++) {
        if (!r->l[i].cut || r->l[i].words > BADGE_WORDS)
            continue;
        size_t j = i + 1;
        while (j < r->n && j <= i + 4 && (picture_text(r, j) || alt_over(r, j) || r->l[j].meta))
            j++;
        if (j < r->n && prose_goes_on(r, j))
            r->l[i].cut = false, r->l[i].drop = true;
    }
}

void text_mark_boxes(reader *r)
{
    keep_badges(r);
    text_note_alts(r); /* an alt text shown again parts no sub-heading from its prose */
    mark_carousels(r);
    mark_polls(r);
    keep_inline_boxes(r);
    mark_video_players(r);
}
