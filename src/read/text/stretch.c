/* The article's stretch: the best-scoring run of lines, ended at an end
 * marker or a paywall cue. */
#include "text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* What a furniture line costs the article stretch, in prose words. */
#define BAD_COST 6

long text_line_score(const line *l)
{
    if (l->cls == GOOD)
        return (long)l->words;
    if (l->meta || l->credit || l->credit_in || l->cells || l->embed || l->code || l->boxed || l->player)
        return 0; /* datelines, credits, legends, tables, embeds, code, players
                   * and the boxes that prose goes on under belong to articles too */
    return l->drop || l->pitch ? -2 : -BAD_COST; /* known furniture: a phrase
                                                  * the boilerplate drops, a sign-up box */
}

size_t text_prose_words(const reader *r, size_t from, size_t to)
{
    size_t n = 0;
    for (size_t j = from; j < to; j++)
        n += r->l[j].cls == GOOD ? r->l[j].words : 0;
    return n;
}

/* Lines under an end marker where the article's next paragraph may
 * stand, and the fewest words of one. */
#define GOES_ON_LINES 8
#define GOES_ON_WORDS 8

/* Whether a line ends as a teaser cut short does: "(...)", "(…)", "[…]". */
static bool cut_short(const line *l)
{
    return ends_on_cut_mark(l->s, l->len);
}

/* Does a paragraph follow the line at i closely: a sentence of prose, no
 * list item, no teaser cut short? Under a short piece, an end marker
 * followed by one is a link of the head ("Comments", "Tags: …" over the
 * article) or a label inside it ("Mots-clés" over "Cet article est paru
 * dans l'édition du…"); one followed by teasers and a form's fields ends
 * the piece ("Sur le même sujet"). */
static bool paragraph_follows(const reader *r, size_t i)
{
    for (size_t j = i + 1; j < r->n && j <= i + GOES_ON_LINES; j++) {
        const line *l = &r->l[j];
        if (l->cls == GOOD && l->full_stop && !l->bullet && l->words >= GOES_ON_WORDS && !cut_short(l))
            return true;
    }
    return false;
}

/* Lines under a counter where an article may go on, and its paragraphs
 * there at least. */
#define ARTICLE_REACH 12
#define ARTICLE_PARAGRAPHS 3

/* Does the article go on under line i: three paragraphs within a few
 * lines, no dateline before them (a reader's comment is signed)? Then
 * a counter at i ("36 commentaires" in the share bar under the lede) is
 * the head's, not the end's. */
static bool article_follows(const reader *r, size_t i)
{
    size_t paragraphs = 0;
    for (size_t j = i + 1; j < r->n && j <= i + ARTICLE_REACH; j++) {
        if (r->l[j].meta)
            return false;
        paragraphs += r->l[j].cls == GOOD && r->l[j].words >= GOES_ON_WORDS * 3;
        if (paragraphs >= ARTICLE_PARAGRAPHS)
            return true;
    }
    return false;
}

/* Is the line at i an end marker that ends an article of that much prose
 * above it? Once the prose is strong, any; under a short piece, a
 * counted one ("10 réactions", though no end marker says so) or one no
 * paragraph follows, unless the article goes on under it. */
static bool ends_article(const reader *r, size_t i, long prose)
{
    const line *l = &r->l[i];
    bool comments = l->len < 40 && cue_comments_counter(&r->cues, l->s);
    if (!comments && !l->end)
        return false;
    if (prose >= STRONG_RUN && (l->end || comments))
        return true;
    if (prose < COUNTED_END_RUN || article_follows(r, i))
        return false;
    return comments || cue_counter_line(&r->cues, l->s) || !paragraph_follows(r, i);
}

/* "L'auteur" over three paragraphs is an essay's section on the author
 * of the book it reviews, not an end marker: an author box under an
 * article holds a short biography. The line is read as its heading. */
static void keep_author_sections(reader *r)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->l[i].end && cue_word_nocase(&r->cues.author_box, r->l[i].s, r->l[i].len) &&
            article_follows(r, i))
            r->l[i].end = false;
}

/* Bytes of a sub-heading that a table of contents repeats, at most. */
#define CONTENTS_ENTRY_MAX 200

/* Whether line i comes back, the same, among lines [from, to). */
static bool said_again(const reader *r, size_t i, size_t from, size_t to)
{
    for (size_t j = from; j < to; j++)
        if (r->l[j].len == r->l[i].len && strcmp(r->l[j].s, r->l[i].s) == 0)
            return true;
    return false;
}

/* Entries over an end marker, of the three above it, that a table of
 * contents shows again below, at least. */
#define CONTENTS_ABOVE 2

/* "Sommaire", "Introduction", "1. De mauvais revenants…", "Conclusion",
 * "Notes", "Bibliographie": an end marker in a table of contents, whose
 * entries the article shows again below as its headings, does not end the
 * article; the marker's own heading below does. */
static void keep_contents_entries(reader *r)
{
    for (size_t i = 0; i < r->n; i++) {
        if (!r->l[i].end || !said_again(r, i, i + 1, r->n))
            continue;
        size_t entries = 0;
        for (size_t k = i > 3 ? i - 3 : 0; k < i; k++)
            entries += r->l[k].len <= CONTENTS_ENTRY_MAX && said_again(r, k, k + 1, r->n);
        if (entries >= CONTENTS_ABOVE)
            r->l[i].end = false;
    }
}

/* "Reblog (0)", "Commentaires (12)": a label and its count. */
static bool counted_label(const line *l)
{
    const char *open = strrchr(l->s, '(');
    return l->words <= 3 && open && isdigit((unsigned char)open[1]) && l->s[l->len - 1] == ')';
}

/* Whether most lines of prose of the stretch speak to the reader: the
 * messages of a comment form ("Votre commentaire n'a pas été déposé",
 * "Vous pouvez suivre cette conversation…"), no article. */
static bool form_messages(const reader *r)
{
    size_t prose = 0, to_reader = 0;
    for (size_t i = r->body; i < r->stop; i++) {
        if (r->l[i].cls != GOOD)
            continue;
        prose++;
        to_reader += cue_speaks_to_reader(&r->cues, r->l[i].s);
    }
    return prose && to_reader * 2 >= prose;
}

/* An item of a list in [.., end): a bullet, or in Chrome's copies, which
 * drop them, a line set right under or over another, no sentence. */
static bool listed_item(const reader *r, size_t i, size_t end)
{
    const line *l = &r->l[i];
    return l->bullet || (!l->full_stop && (l->tight || (i + 1 < end && r->l[i + 1].tight)));
}

/* Words of the items of a piece made of lists, at least, and the items. */
#define LISTED_PIECE_WORDS 60
#define LISTED_PIECE_ITEMS 6

/* A method sheet on a blog: a dated title over sub-headings and bulleted
 * items, no paragraph at all, then "Commentaires". Its items score as
 * furniture, so the stretch the search finds lies past the marker: the
 * messages of the comment form, most of which speak to the reader. Then
 * the piece between the dateline above the marker and the marker is the
 * article when it is mostly items: six or more of three words or more,
 * sixty words in all. */
static void take_dated_list(reader *r)
{
    size_t marker = 0;
    while (marker < r->body && !r->l[marker].end)
        marker++;
    if (marker == r->body || !form_messages(r))
        return; /* the stretch opens before any end marker, or is an article */
    size_t head = marker;
    while (head > 0 && !r->l[head - 1].meta)
        head--;
    if (head == 0)
        return; /* no dateline above the marker */
    size_t items = 0, words = 0, other = 0;
    for (size_t i = head; i < marker; i++) {
        const line *l = &r->l[i];
        if (listed_item(r, i, marker) && l->words >= 3 && !l->drop)
            items++, words += l->words;
        else
            other += l->cls == GOOD ? l->words : 0;
    }
    if (items < LISTED_PIECE_ITEMS || words < LISTED_PIECE_WORDS || other > words)
        return;
    size_t last = marker; /* not the post's footer: "Rédigé à 21:00 | Lien permanent", "Reblog (0)" */
    while (last > head && (strchr(r->l[last - 1].s, '|') || counted_label(&r->l[last - 1])))
        last--;
    for (size_t i = head; i < last; i++) {
        line *l = &r->l[i];
        if (l->drop || l->meta || l->credit)
            continue;
        l->cls = GOOD;
        l->bullet |= listed_item(r, i, last); /* read as the items they are */
    }
    r->body = head, r->stop = last, r->listed_piece = true;
}

/* The best-scoring run of lines (Kadane's), stopped at an end marker once
 * the run is strong. Returns false when no line scores. */
bool text_find_stretch(reader *r)
{
    long best = 0, run = 0;
    size_t start = 0, end_at = SIZE_MAX;
    keep_author_sections(r);
    keep_contents_entries(r);
    r->body = r->stop = 0;
    for (size_t i = 0; i < r->n; i++) {
        const line *l = &r->l[i];
        /* the marker may stand past a share bar or an author box: while
         * the run that made the strong stretch goes on, what follows the
         * marker (reader comments, however long) is not the article */
        if ((ends_article(r, i, best) || (l->cut && best >= STRONG_RUN)) && run > 0 && start == r->body)
            break;
        /* under a short piece, the marker does not stop the search (it
         * may be a link of the head), but a run that starts past it
         * (comments, the messages of their form) must say twice as much
         * to win */
        if (l->end && best >= COUNTED_END_RUN && end_at == SIZE_MAX)
            end_at = i;
        if (run <= 0)
            run = 0, start = i;
        long score = text_line_score(l);
        run += start >= end_at && score > 0 ? score / 2 : score;
        if (run > best)
            best = run, r->body = start, r->stop = i + 1;
    }
    if (best > 0)
        take_dated_list(r);
    return best > 0;
}

/* Prose over a box the stretch may take back: 15 words or more. */
#define PARTED_TOP_WORDS 15

/* Does the furniture [k, i) make one box: lines no blank line parts (its
 * label may stand apart), no dateline, no end marker? */
static bool one_box(const reader *r, size_t k, size_t i)
{
    int apart = 0;
    for (size_t j = k; j < i; j++) {
        const line *l = &r->l[j];
        if (l->cls == GOOD || l->meta || l->end || l->cut)
            return false;
        apart += j > k && !l->tight;
    }
    return apart <= 1;
}

/* Lines a run of boxes between the article's first paragraphs and the
 * rest may take at most, and one box over the stretch: a page's whole
 * navigation, set line under line, is no box inside the article (the
 * prose over it is a notice, "It looks like you've blocked
 * notifications"). */
#define PARTED_BOXES_LINES 24
#define PARTED_BOX_LINES 40

/* Are the lines [k, i), no more than most, all such that ok says so? */
static bool all_lines(const reader *r, size_t k, size_t i, size_t most, bool (*ok)(const line *))
{
    if (i - k > most)
        return false;
    for (size_t j = k; j < i; j++)
        if (!ok(&r->l[j]))
            return false;
    return true;
}

/* A box's line: no prose but a sign-up box's pitch, no dateline, no end
 * marker. */
static bool box_line(const line *l)
{
    return !(l->cls == GOOD && !l->pitch) && !l->meta && !l->end && !l->cut;
}

/* Is [k, i) only boxes, and not too long? */
static bool boxes_only(const reader *r, size_t k, size_t i)
{
    return all_lines(r, k, i, PARTED_BOXES_LINES, box_line);
}

/* Lines over the prose where its dateline may stand, past a share bar,
 * and the prose words under it that let a longer run of boxes (a video
 * player's settings and playlist) part it from the stretch. */
#define DATED_TOP_REACH 8
#define DATED_TOP_WORDS 40

bool text_dated_above(const reader *r, size_t i, size_t reach)
{
    for (size_t j = i; j-- > 0 && i - j <= reach;) {
        if (r->l[j].meta)
            return true;
        if (r->l[j].cls == GOOD)
            return false;
    }
    return false;
}

/* A box set inside the article near its top ("More stories" over ten
 * headlines, a poll, a gallery's captions) costs more than the lede and a
 * paragraph above it score: the run starts again under it, and that prose
 * would be lost. Prose right over the stretch, parted from it by one box
 * and nothing else, is the article's: the stretch opens on it. So is
 * prose right under a dateline that boxes part from the stretch (a
 * sign-up box, a video box, "À lire aussi", an ad's label), and two
 * paragraphs under a dateline past a share bar, however many lines of
 * boxes part them from it (a video player's settings and playlist). */
void text_join_parted_top(reader *r)
{
    size_t k = r->body;
    while (k > 0 && (r->l[k - 1].cls != GOOD || r->l[k - 1].pitch))
        k--;
    if (k == r->body || k == 0)
        return;
    size_t top = k, words = 0;
    for (;;) { /* the prose, and a photo's credit between its paragraphs */
        if (top > 0 && r->l[top - 1].cls == GOOD)
            words += r->l[--top].words;
        else if (top > 1 && r->l[top - 1].credit && r->l[top - 2].cls == GOOD)
            top--;
        else
            break;
    }
    if (words < PARTED_TOP_WORDS || r->body - k > PARTED_BOX_LINES)
        return;
    if (k - top == 1 && (r->l[top].s[r->l[top].len - 1] != '.' || r->l[top].bullet))
        return; /* one line, no sentence's end: a teaser's headline ("Vidéo. Babar… : une arnaque… ?");
                 * or a list's lone item, a slideshow's legend over the breadcrumb */
    if (one_box(r, k, r->body) || (top > 0 && r->l[top - 1].meta && boxes_only(r, k, r->body)) ||
        (words >= DATED_TOP_WORDS && text_dated_above(r, top, DATED_TOP_REACH) && all_lines(r, k, r->body, PARTED_BOX_LINES, box_line)))
        r->body = top;
}

/* Words of a letter's salutation, at most. */
#define SALUTATION_WORDS 8

/* "Chers membres de la communauté," right over the first paragraph: a
 * letter's salutation, the article's first line, which smoothing gave to
 * the furniture above it (a short line under a dateline). A capital
 * opens it, a comma ends it, and the paragraph under it follows at once. */
void text_join_salutation(reader *r)
{
    if (r->body == 0)
        return;
    line *l = &r->l[r->body - 1];
    if (l->own != SHORT || l->words > SALUTATION_WORDS || l->len < 2 || l->s[l->len - 1] != ',' ||
        !latin_capital_at(l->s) || l->meta || l->drop || l->credit || l->bullet || l->end)
        return;
    l->cls = GOOD;
    r->body--;
}

/* Words of a closing line at most ("À bientôt.", "Bonne lecture !"). */
#define VALEDICTION_WORDS 4

/* "À bientôt." right under the last paragraph, and nothing under it but
 * the page's copyright line: the article's closing words, which smoothing
 * gave to the footer under them (a short line over a credit). A capital
 * opens it, a full stop or an exclamation ends it, a function word is in
 * it. */
void text_join_valediction(reader *r)
{
    if (r->stop == 0 || r->stop >= r->n || r->l[r->stop - 1].cls != GOOD || !r->l[r->stop - 1].full_stop)
        return;
    line *l = &r->l[r->stop];
    char last = l->len ? l->s[l->len - 1] : 0;
    bool footer = r->stop + 1 == r->n || (r->l[r->stop + 1].credit_in && strstr(r->l[r->stop + 1].s, "\xC2\xA9"));
    if (!footer || l->own != SHORT || l->words > VALEDICTION_WORDS || (last != '.' && last != '!') || !l->stops ||
        !latin_capital_at(l->s) || l->meta || l->drop || l->credit || l->credit_in || l->bullet || l->end ||
        l->cut || l->pitch)
        return;
    l->cls = GOOD;
    r->stop++;
}

/* Known furniture, for a block's lines and its heading: a phrase the
 * boilerplate drops, a dateline, an end marker, a paywall's cue, a
 * sign-up box, a credit, a bullet, a live post's time. */
static bool known_furniture(const line *l)
{
    return l->drop || l->meta || l->end || l->cut || l->pitch || l->credit || l->bullet || l->stamped;
}

/* Words of a line of a block the stretch opens inside, at least. */
#define BLOCK_LINE_WORDS 6

/* May line k, over the stretch's first line in the same block, be read
 * with it: it says something (six words or more, not furniture by its
 * own features) and is no known furniture, nor a legend. */
static bool block_line(const line *l)
{
    return l->own != BAD && l->words >= BLOCK_LINE_WORDS && !known_furniture(l) && !l->credit_in;
}

/* Words of a heading over a block, at most. */
#define BLOCK_HEADING_WORDS 8

/* A heading over a block of rows ("Le fil info :"): a few words, no
 * sentence, no known furniture, a blank line under it. */
static bool block_heading(const line *l)
{
    return l->words >= 2 && l->words <= BLOCK_HEADING_WORDS && !l->full_stop && !known_furniture(l);
}

/* Lines of a block over its sentence, at least, for the block to be a
 * list or a table's rows rather than a heading over its paragraph. */
#define BLOCK_LINES_OVER 2

/* A copy sets the lines of one block of the page line under line, and
 * blank lines around it: a table's rows, a list's items. A sentence of
 * prose the article reads, amid such a block (lines set right over and
 * under it), takes with it the block's lines over it, when two or more
 * and all of them say something and the block opens under a blank line:
 * a list of dated news items ("9/10 - Fermeture du centre de dépistage")
 * mixes sentences, which score, and headline-shaped lines, which a run of
 * them makes look like links. A heading set tight over its paragraph is
 * no such block: the paragraph ends it. */
static size_t block_top(const reader *r, size_t i)
{
    size_t k = i;
    while (k > 0 && r->l[k].tight && block_line(&r->l[k - 1]))
        k--;
    return r->l[k].tight || i - k < BLOCK_LINES_OVER ? i : k; /* the block goes on over a line not read */
}

void text_join_block_top(reader *r)
{
    for (size_t i = r->body; i + 1 < r->stop; i++) {
        const line *l = &r->l[i];
        if (l->cls != GOOD || l->own != GOOD || !l->full_stop || !l->tight || !r->l[i + 1].tight ||
            i == 0 || r->l[i - 1].cls == GOOD)
            continue;
        size_t k = block_top(r, i);
        if (k == i)
            continue;
        size_t j = k;
        for (; j < r->n && (j == k || r->l[j].tight) && (j <= i || r->l[j].cls == GOOD || block_line(&r->l[j])); j++)
            r->l[j].cls = GOOD, r->l[j].rowed = true;
        if (k > 0 && block_heading(&r->l[k - 1]))
            r->l[--k].cls = GOOD; /* "Le fil info", over the block */
        r->body = k < r->body ? k : r->body;
        r->stop = j > r->stop ? j : r->stop; /* the block's last rows */
    }
}

/* Lines of practical information under their heading, at most. */
#define PRACTICAL_LINES 12

/* Is the line the heading of practical information ("Infos pratiques",
 * "Pratique :")? */
static bool practical_heading(const reader *r, const line *l)
{
    size_t n = l->len;
    while (n && (l->s[n - 1] == ':' || l->s[n - 1] == ' '))
        n--;
    return l->words <= 3 && cue_word_nocase(&r->cues.practical, l->s, n);
}

/* An event's article ends on its practical information under a heading
 * ("Infos pratiques", then "Samedi 10 septembre de 9 h 30 à 17 h 30",
 * "Gratuit, sur inscription"): lines of a few words without a sentence,
 * which look like a page's furniture. Right under the article's last
 * prose, they are the article's, down to a word alone ("#Culture"), an
 * end marker or a line set apart as furniture by its own features. */
void text_join_practical_info(reader *r)
{
    size_t h = r->stop > PRACTICAL_LINES && r->stop - PRACTICAL_LINES > r->body ? r->stop - PRACTICAL_LINES : r->body;
    while (h < r->n && h <= r->stop && !(h > 0 && r->l[h - 1].cls == GOOD && practical_heading(r, &r->l[h])))
        h++; /* the heading may stand in the stretch's last lines, or right under it */
    if (h >= r->n || h > r->stop)
        return;
    size_t k = h + 1;
    for (; k < r->n && k - h <= PRACTICAL_LINES; k++) {
        const line *l = &r->l[k];
        if (l->words <= 1 || l->end || l->cut || l->pitch || l->credit || (l->own == BAD && !l->drop))
            break;
    }
    if (k == h + 1)
        return;
    for (size_t j = h; j < k; j++) {
        line *l = &r->l[j];
        size_t arrow = cue_prefix(&r->cues.link_arrow, l->s);
        if (arrow && !boilerplate_is_drop(&r->bp, l->s + arrow))
            l->drop = false; /* ">> Parc de la Feyssine": the arrow is a bullet here */
        if (!l->drop)
            l->cls = GOOD, l->rowed = j > h;
    }
    r->stop = k;
}

/* Lines of an event's practical information, at least and at most, and
 * words of one at most. */
#define EVENT_INFO_MIN_LINES 2
#define EVENT_INFO_LINES 4
#define EVENT_INFO_WORDS 15

/* Words of a sub-heading at most. */
#define EVENT_HEADING_WORDS 8

/* Is line k the prose of the article: a paragraph, or a heading over one
 * (which the copy's features may not have told from furniture)? */
static bool prose_at(const reader *r, size_t k)
{
    if (k >= r->stop)
        return false;
    const line *l = &r->l[k];
    bool paragraph_under = k + 1 < r->stop && r->l[k + 1].cls == GOOD && r->l[k + 1].full_stop;
    if (l->cls == GOOD)
        return l->full_stop || paragraph_under;
    return paragraph_under && !l->full_stop && l->words <= EVENT_HEADING_WORDS && !l->drop && !l->meta &&
           !l->end && !l->credit && !l->bullet;
}

/* "Du 10 décembre 2025 au 22 mars 2026", "du 1er au 31 décembre": the
 * days an event runs, not the date of a post. */
static bool date_range(const char *s)
{
    return (strncmp(s, "Du ", 3) == 0 || strncmp(s, "du ", 3) == 0) && strstr(s, " au ");
}

/* The lines of event information from j (set line under line, short, no
 * sentence, one giving the days it runs), up to the line past them; j
 * when none. */
static size_t event_info_end(const reader *r, size_t j)
{
    size_t k = j;
    bool day = false;
    for (; k < r->stop && k - j < EVENT_INFO_LINES && (k == j || r->l[k].tight); k++) {
        const line *l = &r->l[k];
        if (l->cls == GOOD || l->full_stop || l->words > EVENT_INFO_WORDS || l->drop || l->pitch || l->end ||
            l->cut || l->credit || l->bullet || l->embed || l->masthead ||
            cue_prefix(&r->cues.stamp, l->s) || cue_prefix(&r->cues.update, l->s))
            return j;
        day |= date_range(l->s) && text_gives_a_day(r, l->s);
    }
    return day && k - j >= EVENT_INFO_MIN_LINES ? k : j;
}

void text_join_event_info(reader *r)
{
    for (size_t j = r->body + 1; j < r->stop; j++) {
        if (r->l[j].tight || !(r->l[j - 1].cls == GOOD && r->l[j - 1].full_stop))
            continue; /* the information stands apart, under a paragraph */
        /* one event's, or several set one under the other (two places) */
        size_t k = j;
        for (size_t next; k < r->stop && !r->l[k].tight && (next = event_info_end(r, k)) > k;)
            k = next;
        if (k == j || !prose_at(r, k) || r->l[k].tight)
            continue; /* and the prose goes on under it */
        for (size_t m = j; m < k; m++)
            r->l[m].cls = GOOD, r->l[m].rowed = true, r->l[m].meta = false;
        r->l[k].cls = GOOD; /* the heading under it, if any */
        j = k;
    }
}

/* Words of an update's text under its note, at most. */
#define UPDATE_WORDS 60

/* An update under the article's last paragraph: a stamp that ends on a
 * colon ("Mise à jour 14:00 :"), then its text, a sentence or two ("Comme
 * prévu, les précommandes sont lancées !"). A dateline does not end on a
 * colon: this one announces what follows, and both are the article's. */
void text_join_update(reader *r)
{
    size_t k = r->stop;
    if (k + 1 >= r->n || !r->l[k].meta || !r->l[k].len || r->l[k].s[r->l[k].len - 1] != ':')
        return;
    const line *u = &r->l[k + 1];
    if (!u->full_stop || u->words > UPDATE_WORDS || u->meta || u->drop || u->end || u->cut || u->bullet)
        return;
    /* read line by line, as paragraphs: the text is no heading */
    r->l[k].meta = false;
    r->l[k].cls = r->l[k + 1].cls = GOOD;
    r->l[k].rowed = r->l[k + 1].rowed = true;
    r->stop = k + 2;
}

/* Lines of furniture that may stand between the last prose taken back
 * and the end marker: an ad's label, a short last sentence. */
#define TRAILING_BOX_LINES 3

/* Is the line such a line? A link ("← Older Story Newer Story →") is
 * not: the prose over it may be an author's box under the comment count. */
static bool trailing_line(const line *l)
{
    return (l->drop || l->full_stop) && !l->meta && !l->cut;
}

/* The prose under a box at k, up to the line past it; 0 when it names a
 * sign-up ("Sign up for Breaking News to get the latest alerts…": a
 * sign-up box's sentence, over the end marker of the widgets). */
static size_t prose_under_box(const reader *r, size_t k, size_t *words)
{
    size_t m = k;
    *words = 0;
    for (; m < r->n && r->l[m].cls == GOOD && !r->l[m].end; m++) {
        if (cue_count_inside(&r->cues.sign_up, r->l[m].s) > 0)
            return 0;
        *words += r->l[m].words;
    }
    return m;
}

/* The same under the stretch: boxes inside the article near its end (a
 * gallery's captions and buttons, "Nos vidéos" over eight headlines),
 * each with prose under it (ten words or more under one box, fifteen
 * under a run of boxes such as a picture's credit and a poll, naming no
 * sign-up), and then an end marker ("12 commentaires"), perhaps past an
 * ad's label or a short last line. The prose under a box scores less
 * than the box costs, so the run stopped over the box; the end marker
 * says where the article ends, and the boxes were inside it. */
void text_join_parted_bottom(reader *r)
{
    size_t at = r->stop;
    bool resumed = false;
    for (;;) {
        size_t k = at;
        while (k < r->n && r->l[k].cls != GOOD && !r->l[k].end && !r->l[k].meta)
            k++;
        if (k >= r->n)
            return;
        if (r->l[k].end || r->l[k].meta) {
            /* a reader's comment opens on its name over its time */
            size_t named = r->l[k].meta && k > at && r->l[k - 1].words <= 4 ? k - 1 : k;
            if (resumed && all_lines(r, at, named, TRAILING_BOX_LINES, trailing_line))
                r->stop = named;
            return;
        }
        bool box = one_box(r, at, k);
        if (k == at || (!box && !boxes_only(r, at, k)))
            return;
        size_t words, m = prose_under_box(r, k, &words);
        if (!m || words < (box ? RESUMED_WORDS : PARTED_TOP_WORDS))
            return;
        at = m, resumed = true;
    }
}

/* How far under the stretch a card may open, how many lines of its list
 * (ingredients, facts) may stand before its prose, and how far over the
 * stretch the title is looked for. */
#define CARD_REACH 30
#define CARD_LIST_LINES 30
#define CARD_TITLE_REACH 15
/* Words of the card's own prose at least: a method, not a teaser. */
#define CARD_WORDS 30

/* Does line k give again the article's head: a title-like line over the
 * stretch, or the stretch's first paragraph? */
static bool repeats_head(const reader *r, size_t k)
{
    const line *l = &r->l[k];
    if (l->words < 2)
        return false;
    if (strcmp(l->s, r->l[r->body].s) == 0)
        return true;
    size_t from = r->body > CARD_TITLE_REACH ? r->body - CARD_TITLE_REACH : 0;
    for (size_t j = from; j < r->body; j++)
        if (strcmp(l->s, r->l[j].s) == 0 && text_title_like(&r->l[j]) && !text_in_menu(r, j))
            return true;
    return false;
}

/* Is line k one of a list of headlines ("Now Trending", "More on this
 * story"), where the article's title comes back among others'? */
static bool among_headlines(const reader *r, size_t k)
{
    int headlines = 0; /* "5 from 7 votes", a rating, is none */
    for (size_t j = k > 2 ? k - 2 : 0; j <= k + 2 && j < r->n; j++)
        headlines += j != k && r->l[j].words >= 4 && text_title_like(&r->l[j]) && !r->l[j].full_stop &&
                     !isdigit((unsigned char)r->l[j].s[0]);
    return headlines >= 2;
}

/* Lines of furniture in a row that part a box from the article under
 * it, at least; and how many times the box's prose words the article's
 * must be. */
#define TOP_BOX_GAP 3
#define TOP_BOX_RATIO 3

/* Whether [from, to) holds an end marker: a box's label ("Auteur"). */
static bool end_marker_in(const reader *r, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        if (r->l[i].len < 40 && (cue_comments_counter(&r->cues, r->l[i].s) || cue_counter_line(&r->cues, r->l[i].s)))
            continue; /* "46 Comments" in the dateline's bar counts; it labels no box */
        if (r->l[i].end || (r->l[i].len < 200 && boilerplate_is_end(&r->bp, r->l[i].s)))
            return true; /* an inline box made it a dropped line */
    }
    return false;
}

/* "Auteur" / a name / a role / "Déclaration d’intérêts" over the author's
 * statement and the partners, then a share bar, then the article: the
 * author box between the dateline and the article (The Conversation)
 * scores as prose, and the stretch opened on its statement. An end
 * marker between the dateline and the stretch labels such a box; when a
 * run of furniture then parts a little prose from much more under it,
 * the stretch opens under the run. */
bool text_contents_entry(const reader *r, size_t i, size_t from)
{
    if (r->l[i].len > CONTENTS_ENTRY_MAX || r->l[i].s[r->l[i].len - 1] == '.')
        return false; /* a heading, no sentence (a lede the copy repeats) */
    return said_again(r, i, from > i ? from : i + 1, r->stop);
}

/* The last entries of a table of contents, which score as prose, open
 * the stretch: they are not read where they stand (the sub-headings they
 * repeat are, in their place). */
void text_skip_contents(reader *r)
{
    while (r->body + 1 < r->stop && !r->l[r->body].meta && text_contents_entry(r, r->body, r->body + 1))
        r->l[r->body].cls = BAD, r->l[r->body].drop = true, r->body++;
}

void text_skip_top_box(reader *r)
{
    size_t head = r->body;
    while (head > 0 && !r->l[head - 1].meta && r->body - head < 2 * TOP_BOX_GAP)
        head--;
    if (head == 0 || !r->l[head - 1].meta || !end_marker_in(r, head, r->body))
        return;
    size_t box = 0, i = r->body;
    while (i < r->stop) {
        size_t run = 0;
        bool furniture = false;
        while (i + run < r->stop && r->l[i + run].cls != GOOD) {
            furniture |= r->l[i + run].own == BAD && !r->l[i + run].meta;
            run++;
        }
        if (run >= TOP_BOX_GAP && furniture)
            break;
        box += run == 0 ? r->l[i].words : 0;
        i += run ? run : 1;
    }
    size_t rest = 0;
    for (size_t k = i; k < r->stop; k++)
        rest += r->l[k].cls == GOOD ? r->l[k].words : 0;
    if (i >= r->stop || rest < TOP_BOX_RATIO * box)
        return;
    for (size_t k = r->body; k < i; k++)
        r->l[k].cls = BAD, r->l[k].drop = true; /* the box's, no lede either */
    r->body = i;
}

/* A card under the article (a recipe's, a summary box) opens on its title
 * or its first paragraph again, then lists (ingredients, facts), then has
 * prose of its own: the method, which the article's story did not give.
 * Teasers, comments and newsletters do not repeat the title as it is. The
 * card's new prose joins the article; the repeats and the lists are not
 * read. An end marker before it ends the search. */
void text_join_card(reader *r)
{
    size_t limit = r->stop + CARD_REACH < r->n ? r->stop + CARD_REACH : r->n;
    size_t k = r->stop;
    while (k < limit && !r->l[k].end && !r->l[k].cut && !(repeats_head(r, k) && !among_headlines(r, k)))
        k++;
    if (k >= limit || r->l[k].end || r->l[k].cut)
        return;
    size_t m = k + 1, list_end = k + 1 + CARD_LIST_LINES;
    while (m < r->n && m < list_end && !r->l[m].end && !r->l[m].cut &&
           (r->l[m].cls != GOOD || text_copies_of(r, m, r->body, r->stop, 1))) /* the card's summary */
        m++;
    if (m >= r->n || m >= list_end || r->l[m].end || r->l[m].cut)
        return;
    size_t gap = 0, last = m + 1, words = 0;
    /* the card's description may stand over its lists: until its prose
     * says enough, a list does not end it */
    for (; m < r->n && gap < (words < CARD_WORDS ? CARD_LIST_LINES : BOX_GAP) && !r->l[m].end && !r->l[m].cut; m++) {
        if (r->l[m].cls == GOOD)
            last = m + 1, gap = 0, words += r->l[m].words;
        else
            gap++;
    }
    if (words >= CARD_WORDS)
        r->stop = last;
}

/* A paywall cue inside the stretch ends it, and so does an end marker
 * once the prose above it is long ("Réagir" in a share bar under the
 * lede is no end); a cue right after the stretch still says the article
 * is cut. */
void text_end_stretch(reader *r)
{
    size_t words = 0;
    for (size_t i = r->body; i < r->n && i < r->stop + 8; i++) {
        const line *l = &r->l[i];
        if (l->cut) {
            r->a->truncated = true;
            r->a->remaining_percent = paywall_percent(&r->cues, l->s);
        }
        if ((l->cut || ends_article(r, i, (long)words)) && i > r->body) {
            if (i < r->stop)
                r->stop = i;
            /* only an author box's label says that the name under it is
             * the author's: under "Most Read" it is a link */
            if (cue_word_nocase(&r->cues.author_box, l->s, l->len))
                r->box = i + 1;
            return;
        }
        if (l->cls == GOOD) {
            if (i >= r->stop)
                return;
            words += l->words;
        }
    }
}
