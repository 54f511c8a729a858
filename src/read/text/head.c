/* The head of the article: title, lede, byline and dates, read upwards from
 * where the prose starts. */
#include "text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* How far above the prose the head (title, dateline, lede) is sought. */
#define HEAD_WINDOW 40

/* Bytes of the longest lede: a paragraph longer is the article's text. */
#define LEDE_MAX 600

/* A lede: a sentence or two standing above the body, under the title. */
static bool lede_like(const line *l)
{
    return l->sentence && l->len >= 40 && l->len <= LEDE_MAX && l->own >= NEAR &&
           (!l->bullet || l->dashed) && !l->drop; /* a wire's lede after a typed dash */
}

/* The lede, and its second paragraph when it has one above the body
 * ("Depuis de nombreuses années, le philosophe…", then "Rencontre avec
 * l'auteur, qui vient de publier…", then the tags and the date): read
 * nowhere else, it would be lost. */
static char *lede_with_second_paragraph(const reader *r)
{
    size_t k = r->lede_at + 1;
    const line *l = &r->l[r->lede_at], *next = k < r->n ? &r->l[k] : NULL;
    if (r->lede_at >= r->body || k >= r->body || !next || !lede_like(next) || next->meta || k == r->byline_at ||
        text_is_caption_at(r, k) || text_author_bio(r, k) || l->len + next->len > 2 * LEDE_MAX)
        return ora_strdup(l->s);
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "%s %s", l->s, next->s);
    return b.s;
}

/* A lede set as a headline, without its full stop ("Découvrez ci-dessous
 * un point de la situation, transport par transport"): a phrase of prose
 * (function words, a comma inside, small letters after the first word),
 * not a link or a caption, right over the prose or opening it. */
static bool unpunctuated_lede_at(const reader *r, size_t i)
{
    const line *l = &r->l[i];
    bool phrase = l->words >= 8 && l->words <= 40 && l->stops >= NEAR_STOPS &&
                  strchr(l->s, ',') && !l->bullet && !l->drop && !l->meta &&
                  !l->credit_in && !l->end && !l->cut && !l->sentence;
    if (!phrase || text_is_caption_at(r, i) || (i > 0 && text_announces_link(r, r->l[i - 1].s)))
        return false;
    size_t capitals = 0;
    for (const char *p = strchr(l->s, ' '); p; p = strchr(p + 1, ' '))
        capitals += latin_capital_at(p + 1);
    return capitals * 3 < l->words;
}

/* Words of such a lede at least where it stands apart from the body, above
 * the dateline ("Les populations les plus démunies risquent bientôt…, alerte
 * une nouvelle étude"): shorter, it is as often a caption or an author's
 * role. */
#define APART_LEDE_WORDS 18

static bool unpunctuated_long_lede_at(const reader *r, size_t i)
{
    return r->l[i].words >= APART_LEDE_WORDS && unpunctuated_lede_at(r, i);
}

/* Where such a lede stands under the title, or r->n. */
static size_t unpunctuated_lede(const reader *r, size_t title)
{
    if (r->body < r->stop && r->body > title && unpunctuated_lede_at(r, r->body))
        return r->body;
    if (r->body > title + 1 && unpunctuated_lede_at(r, r->body - 1))
        return r->body - 1;
    return r->n;
}

/* A name alone on its line right under the title, or under a short lede
 * under it: the byline of a layout that sets it without "Par" and without
 * a date. A sub-heading stands lower, after the body's first paragraph.
 * Returns its line, or r->n. */
static size_t name_under_title(const reader *r, size_t title)
{
    size_t i = title + 1;
    if (i < r->stop && r->l[i].own >= NEAR && r->l[i].words <= 30 && lede_like(&r->l[i]))
        i++;
    return i < r->stop && text_name_part(r, &r->l[i]) ? i : r->n;
}

/* A dateline that names the author ("Par X", "X - 13/12/2016"). */
static bool byline_meta(const reader *r, const line *l)
{
    return l->meta && (l->named || cue_prefix(&r->cues.byline, l->s));
}

/* Whether a paragraph too long for a lede stands in [from, to): over the
 * dateline, the article's opening ("L'un des écrivains… est un homme
 * heureux. …", six sentences), which the body keeps. */
static bool opening_above(const reader *r, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (r->l[i].cls == GOOD && r->l[i].sentence && r->l[i].len > LEDE_MAX)
            return true;
    return false;
}

/* Words of a day's heading over a list of timed links, at most. */
#define DAY_HEADING_WORDS 2

/* A line cut short by an ellipsis, a teaser's: "… la doctrine du
 * maintien...". */
static bool cut_short_teaser(const line *l)
{
    return l->len > 3 && ends_on_ellipsis(l->s, l->len);
}

/* Prose before a dateline at the top of the stretch is the head (a lede
 * above "Le Monde | 05.07.2011 à 22h09"), not the body: the body starts
 * under the dateline, unless that prose is too long for a lede. */
static void start_below_dateline(reader *r)
{
    /* the article's byline stood above the stretch already: a date alone
     * under its prose signs a reader's comment ("Bernard K. / 13 décembre
     * 2016 à 18h02"), it does not open the article; the byline again does
     * (under an author box) */
    bool signed_above = false;
    for (size_t i = 0; i < r->body && !signed_above; i++)
        signed_above = byline_meta(r, &r->l[i]);
    size_t goods = 0;
    for (size_t i = r->body; i < r->stop && goods < 3; i++) {
        /* a stamp that ends on a colon announces the text under it (an
         * update's note: "Mise à jour 14:00 :"), a dateline does not */
        bool announces = r->l[i].len && r->l[i].s[r->l[i].len - 1] == ':';
        if (r->l[i].meta && !announces && (!signed_above || byline_meta(r, &r->l[i])) &&
            !opening_above(r, r->body, i)) {
            r->body = i + 1;
            goods = 0;
        } else if (r->l[i].cls == GOOD && r->l[i].words > DAY_HEADING_WORDS && !text_title_case(&r->l[i]) &&
                   !r->l[i].stamped && !cut_short_teaser(&r->l[i]) && !text_rubric_path(&r->l[i])) {
            goods++; /* headlines in title case over the title are teasers, no prose; so
                      * are a list's timed links ("09h00 Non à …") under their days'
                      * headings ("Vendredi dernier"), a headline cut short ("… du
                      * maintien...") and a path of rubrics */
        }
    }
}

/* Letters of the words a label's words are looked for by in the prose. */
#define LABEL_ECHO_LETTERS 6

/* Prose words over a dated headline inside the stretch from which they
 * are another text than its article. */
#define UNDATED_PROSE_WORDS 100
/* Words of such a headline at least: not a field ("Calories: 824kcal"). */
#define DATED_HEADLINE_WORDS 4

/* Is there a dateline among the lines [from, to)? */
static bool dateline_within(const reader *r, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (r->l[i].meta)
            return true;
    return false;
}

/* The stretch opens on undated prose (a site's statement of intent, a
 * panel the page hides), then a headline over its dateline ("Putsh en
 * cours à Radio Kaleïdoscope" / "Publié le 9 juin 2019") whose words the
 * prose above does not say: the article starts at that headline. A
 * recipe's card under its story ("Creamy Coconut Curried Lentils" /
 * "Author: Beth") is told in the story; prose under a dated head of its
 * own is the article, and a headline further down is the next one's:
 * left alone. */
static void start_at_dated_headline(reader *r)
{
    size_t top = r->body > HEAD_WINDOW ? r->body - HEAD_WINDOW : 0;
    if (dateline_within(r, top, r->body))
        return;
    for (size_t i = r->body + 1; i < r->stop; i++) {
        if (!r->l[i].meta)
            continue;
        dateline d;
        const line *h = &r->l[i - 1];
        size_t sought, echoes = text_stems_in(r, i - 1, r->body, i - 1, LABEL_ECHO_LETTERS, &sought);
        if (dateline_parse(&r->cues, r->l[i].s, &d) && d.published[0] && text_title_like(h) &&
            h->words >= DATED_HEADLINE_WORDS && text_prose_words(r, r->body, i - 1) >= UNDATED_PROSE_WORDS &&
            sought && echoes * 2 < sought)
            r->body = i - 1;
        return; /* the first dateline decides */
    }
}

/* Lines over a paragraph where its dateline may stand, past furniture
 * (a share bar): the paragraph under one is the article's first, not a
 * notice over its title. */
#define DATELINE_REACH 10

/* A line the copy shows three times is a label ("Recommendation image")
 * unless the article speaks of what it names: most of its long words
 * come back in the prose ("Lysande gul fiskgryta" over "Denna fiskgryta
 * får…"), or, in title case, its words in small letters. */
static bool told_in_prose(const reader *r, size_t i)
{
    size_t sought, shared = text_stems_in(r, i, r->body, r->stop, LABEL_ECHO_LETTERS, &sought);
    return (shared && shared * 2 >= sought) || text_said_in_small(r, i);
}

/* Words of an author's affiliation after the name, at most. */
#define AFFILIATION_WORDS 8

/* Whether the word at s opens a role ("chercheur en sciences
 * sociales"), not a phrase ("une vie politique"): no stopword. */
static bool role_word_at(const reader *r, const char *s)
{
    size_t n = strcspn(s, " ,");
    return latin_lower_at(s) && !text_is_stopword(r, s, n);
}

/* "Christophe Daussy, Université Sorbonne Paris Nord", "Emmanuel Deonna,
 * chercheur en sciences sociales": a name of two or three words, a comma,
 * then where the author works or what the author does (a few words, no
 * sentence). The name's length, 0 when the line is not so. */
static size_t name_before_affiliation(const reader *r, const line *l, const char *s, size_t n)
{
    const char *comma = memchr(s, ',', n);
    if (!comma || comma[1] != ' ' || !(latin_capital_at(comma + 2) || role_word_at(r, comma + 2)) || l->full_stop)
        return 0;
    size_t name = (size_t)(comma - s), words = 1;
    for (const char *p = comma + 2; p < s + n; p++)
        words += *p == ' ';
    if (words > AFFILIATION_WORDS || memchr(comma + 1, ',', (size_t)(s + n - comma - 1)))
        return 0;
    return memchr(s, ' ', name) && text_name_within(r, l, s, name, 3) ? name : 0;
}

/* Words of a name alone beside a dateline at most: four capitalized words
 * or more are a headline in title case ("Vegetarian Spinach Pumpkin
 * Lasagna"), not the author. */
#define NAME_WORDS 3

/* Whether line i is an author's name and role under a headline
 * ("Philippe Sansonetti, professeur au Collège de France…" under "Covid-19
 * : chronique d'une émergence annoncée…"): a name of four words at most,
 * a comma, then small letters; the headline stands a line or two above. */
static bool name_and_role_under_title(const reader *r, size_t i, size_t from)
{
    const line *l = &r->l[i];
    const char *comma = strchr(l->s, ',');
    if (!comma || comma[1] != ' ' || !latin_lower_at(comma + 2) ||
        !text_name_within(r, l, l->s, (size_t)(comma - l->s), NAME_WORDS))
        return false;
    for (size_t k = i; k-- > from && k + 2 >= i;)
        if (text_title_like(&r->l[k]) && r->l[k].words >= 4)
            return true;
    return false;
}

/* Whether line i is a name and what the author does or where
 * ("Emmanuel Deonna, chercheur en sciences sociales"), which beside a
 * dateline signs the article and never titles it. */
static bool name_signs(const reader *r, size_t i)
{
    const line *l = &r->l[i];
    return name_before_affiliation(r, l, l->s, l->len) > 0;
}

/* Lines of the stretch's top where its head may stand under a box, and
 * the prose words of the box at most. */
#define PITCH_HEAD_REACH 12
#define PITCH_HEAD_WORDS 120

/* "Pour faire grandir Basta! … À vous de jouer : faites un don" over the
 * headline, its rubric, its lede and "par Barnabé Binctin": a box of a
 * few paragraphs that the stretch opens on, above the article's head. A
 * headline (four words or more, no full stop) with a dateline that names
 * the author within three lines under it, near the stretch's top and
 * under little prose, is the title: the candidates run down to it.
 * Returns to, or the line under that headline. */
static size_t past_pitch_over_head(const reader *r, size_t to)
{
    size_t words = 0;
    for (size_t i = to; i < r->stop && i < to + PITCH_HEAD_REACH && words <= PITCH_HEAD_WORDS; i++) {
        const line *l = &r->l[i];
        if (l->meta)
            return to; /* a dateline before any headline: the head is above */
        if (text_title_like(l) && !l->full_stop && l->words >= 4 && i > to)
            for (size_t j = i + 1; j < r->stop && j <= i + 3; j++)
                if (byline_meta(r, &r->l[j]))
                    return i + 1;
        words += l->cls == GOOD ? l->words : 0;
    }
    return to;
}

/* "Texte par FRANCE 24 Suivre…", "Par Jean Dupont", "Texte par : Simon
 * Rozé Suivre": a line that opens on a byline's words and a capital,
 * perhaps after a colon, is the signature, never the title, even where no
 * dateline reads it (no date, a button glued on). */
static bool opens_as_byline(const reader *r, const line *l)
{
    size_t n = cue_prefix(&r->cues.byline, l->s);
    if (!n)
        return false;
    const char *p = l->s + n;
    p += *p == ' ';
    if (*p == ':')
        p += 1 + (p[1] == ' ');
    return latin_capital_at(p);
}

/* The best title candidate among the lines above the prose (from on),
 * or r->n. */
static size_t choose_title(const reader *r, size_t from)
{
    /* The stretch may open on its own title (a short line that smoothing
     * joined to the prose under it), perhaps under a short line that
     * smoothing joined too (a field of a bulleted list, "Time of
     * Publication: 7:00 am."). */
    size_t to = r->body, opening = 0;
    while (!r->listed_piece && to < r->stop && opening < 2 &&
           (!r->l[to].full_stop || r->l[to].own == SHORT ||
            text_ends_on_initials(r->l[to].s, r->l[to].len) || text_headline_question(&r->l[to]) ||
            text_headline_exclamation(&r->l[to])))
        opening += !r->l[to++].drop; /* a share button between them ("Partager") does not count */
    /* Or on a notice over the title ("This story is unlisted…"): one
     * paragraph, then a headline the copy shows again as it is (the
     * layout's second headline; a picture's alt text opens its legend),
     * then the prose. */
    if (to == r->body && to + 2 < r->stop && r->l[to].full_stop && text_title_like(&r->l[to + 1]) &&
        !r->l[to + 1].full_stop && r->l[to + 1].words >= 4 &&
        text_shown_again_outside_contents(r, to + 1, r->body) && /* a sub-heading a contents list shows */
        !text_dated_above(r, to, DATELINE_REACH))
        to += 2;
    if (to == r->body)
        to = past_pitch_over_head(r, to);
    long best = -1000;
    size_t title = r->n;
    for (size_t i = to; i-- > from;) {
        /* a name over its handle over the dateline counts as beside it */
        bool beside_meta = (i > 0 && r->l[i - 1].meta) || (i + 1 < r->n && r->l[i + 1].meta) ||
                           (i + 2 < r->n && r->l[i + 2].meta &&
                            ((r->l[i + 1].words == 1 && !r->l[i + 1].full_stop) ||
                             text_author_again(r, i + 1)));
        /* a line over a credit is a caption, unless the copy shows it
         * again elsewhere (share boxes, a breadcrumb): a title over its photo */
        bool caption = (text_is_caption_at(r, i) && !(r->l[i].words >= 4 && text_shown_again(r, i, true))) ||
                       text_alt_over_legend(r, i);
        /* neither a name nor a desk ("X avec AFP") by the dateline */
        if ((text_title_like(&r->l[i]) || text_one_word_title(r, i)) && !caption &&
            !cue_counter_line(&r->cues, r->l[i].s) &&
            !(text_repeated_label(r, i) && !told_in_prose(r, i)) &&
            !(i + 1 < r->n && text_author_bio(r, i + 1)) &&
            !(text_name_like(r, &r->l[i]) && r->l[i].words <= NAME_WORDS && beside_meta &&
              !text_byline_under(r, i) && !text_byline_over(r, i) && !text_said_in_small(r, i)) &&
            !cue_wire_signature(&r->cues, &r->bp, r->l[i].s) && !text_author_again(r, i) &&
            !name_and_role_under_title(r, i, from) && !(beside_meta && name_signs(r, i)) &&
            !text_site_name(r, i) && !cue_dangling(&r->cues, r->l[i].s, r->l[i].len) &&
            !text_glued_menu(r, &r->l[i]) &&
            !opens_as_byline(r, &r->l[i])) {
            long s = text_title_score(r, i, r->body);
#ifdef TEXT_DEBUG
            fprintf(stderr, "title? %zu %ld %d%d %s\n", i, s, r->l[i].tight, i + 1 < r->n && r->l[i + 1].tight, r->l[i].s);
#endif
            if (s > best)
                best = s, title = i;
        }
    }
    if (title == r->n && r->body == 1 && text_heading_word(&r->l[0]))
        title = 0;
    return title;
}

/* A lede between the title and the body, or below the dateline (the
 * body's first paragraph), or set as a headline; r->n when none. */
static size_t choose_lede(const reader *r, size_t title)
{
    const char *t = r->l[title].s;
    for (size_t i = title + 1; i < r->body; i++)
        if ((lede_like(&r->l[i]) || unpunctuated_long_lede_at(r, i)) && !text_is_caption_at(r, i) &&
            !text_same_line(t, r->l[i].s) && !text_author_bio(r, i) && !text_contents_entry(r, i, r->body + 1) &&
            !text_announces_link(r, r->l[i - 1].s)) /* no link under "À lire aussi" */
            return i;
    /* A lede may stand below the dateline too: the first paragraph, short,
     * that furniture parts from the rest or a longer paragraph follows
     * (or that the copy repeats, as the page shows it twice). */
    size_t i = r->body;
    while (i < r->stop && (r->l[i].cls != GOOD || text_is_caption_at(r, i) ||
                           text_same_line(t, r->l[i].s)))
        i++;
    size_t j = i + 1;
    while (j < r->stop && r->l[j].cls != GOOD && r->l[j].own != BAD)
        j++;
    if (i < r->stop && j < r->stop && i <= r->body + 12 && r->l[i].len < 300 &&
        r->l[i].full_stop &&
        (r->l[j].own == BAD || r->l[j].stamped || j == r->byline_at ||
         r->l[j].words > r->l[i].words + r->l[i].words / 2 ||
         strcmp(r->l[j].s, r->l[i].s) == 0) &&
        !r->l[j].credit && !r->l[j].meta)
        return i;
    return unpunctuated_lede(r, title);
}

/* The author's name on line j beside a dateline, or NULL: the name
 * alone ("Jeanne LE GOFF"), perhaps signed with a full stop and after
 * the site's name, which the copy's first line gives ("Ouest-France
 * Jeanne LE GOFF."). */
static char *name_beside_dateline(const reader *r, size_t j)
{
    const line *l = &r->l[j], *mast = &r->l[0];
    const char *s = l->s;
    if (j > 0 && mast->words <= 3 && l->len > mast->len + 1 && strncmp(s, mast->s, mast->len) == 0 &&
        s[mast->len] == ' ')
        s += mast->len + 1;
    size_t n = strlen(s);
    if (n && s[n - 1] == '.')
        n--;
    if (n && !text_name_within(r, l, s, n, NAME_WORDS))
        n = name_before_affiliation(r, l, s, n);
    if (n == 0)
        return NULL;
    char *name = ora_strndup(s, n), *byline = name ? text_byline_text(name) : NULL;
    free(name);
    return byline;
}

/* Does the dateline at i give a day other than the one a dateline under
 * the title gave? Over the title, it is then a teaser's ("14 octobre
 * 2020" under each headline of a ticker), and so is a name beside it. */
static bool another_day(const reader *r, size_t i)
{
    dateline d;
    return r->a->published && dateline_parse(&r->cues, r->l[i].s, &d) && d.published[0] &&
           strncmp(d.published, r->a->published, 10) != 0;
}

/* Words of a teaser's headline at most. */
#define TEASER_HEADLINE_WORDS 15

/* Is line i an author alone ("Par Paul Girard") under a teaser's headline:
 * a short line with no full stop, not a dateline? */
static bool under_teaser_headline(const reader *r, size_t i)
{
    if (i == 0 || i >= r->n || !r->l[i].meta)
        return false;
    dateline d;
    const line *h = &r->l[i - 1];
    return dateline_parse(&r->cues, r->l[i].s, &d) && d.byline[0] && !d.published[0] && !h->meta &&
           !h->full_stop && h->words <= TEASER_HEADLINE_WORDS;
}

/* "À ne pas manquer" / a headline / "Par X" / a headline / "Par Y": the
 * authors of a box's teasers, set between the title and the article, are
 * not its byline. Two such pairs in a row make the box. */
static bool teaser_byline(const reader *r, size_t i)
{
    return under_teaser_headline(r, i) &&
           ((i >= 2 && under_teaser_headline(r, i - 2)) || under_teaser_headline(r, i + 2));
}

/* Byline and dates: from the datelines near the title, above or below it,
 * then in the first lines of the body; from a name under the title; from
 * under a short piece or an author box after the end marker. */
static void read_datelines(reader *r, size_t title, size_t from)
{
    ora_article *a = r->a;
    size_t top = title < r->n ? (title > 5 ? title - 5 : 0) : from;
    size_t below = title < r->n ? title + 1 : top;
    /* the datelines under the title first, then those over it */
    for (size_t k = below; k < r->body + (below - top); k++) {
        size_t i = k < r->body ? k : below - 1 - (k - r->body);
        if (r->l[i].meta && !r->l[i].list_date && !(i < title && another_day(r, i)) && !teaser_byline(r, i)) {
            text_take_dateline(r, r->l[i].s);
            if (r->l[i].prefix_alone && !a->byline)
                a->byline = text_byline_text(r->l[i + 1].s);
            /* an unprefixed name beside the dateline is the byline, unless
             * a dateline right under it names the author (a rubric, "Love
             * Lives", over the date, "By X" under it) or the dateline has
             * its own, a login no name reads in ("Publié par admin7233":
             * "Dossiers Santé" over the title is a rubric) */
            bool signs = cue_prefix(&r->cues.byline, r->l[i].s) > 0;
            for (int d = -2; d <= 1 && !signs && !a->byline && !text_byline_under(r, i); d += d == -1 ? 2 : 1) {
                size_t j = i + (size_t)(long)d;
                if (j < r->n && j != title && !text_said_in_small(r, j))
                    a->byline = name_beside_dateline(r, j);
            }
        }
    }
    for (size_t i = r->body; i < r->stop && i < r->body + 6; i++)
        if (r->l[i].meta)
            text_take_dateline(r, r->l[i].s);
    if (!a->byline && r->byline_at < r->n) {
        const line *l = &r->l[r->byline_at];
        char *name = ora_strndup(l->s, text_name_part(r, l));
        a->byline = name ? text_byline_text(name) : NULL;
        free(name);
    }
    /* "Auteur : X" right under a short piece */
    for (size_t i = r->stop; i < r->n && i < r->stop + 2 && !r->box; i++)
        if (r->l[i].meta)
            text_take_dateline(r, r->l[i].s);
    /* An author box under the article ("Auteur / Lucie Marchand /
     * 03/02/2021 / …") says who and when, if the head did not. */
    for (size_t i = r->box; r->box && i < r->n && i < r->box + 3; i++) {
        if (!a->byline && text_name_like(r, &r->l[i]))
            a->byline = text_byline_text(r->l[i].s);
        else if (r->l[i].meta)
            text_take_dateline(r, r->l[i].s);
    }
}

/* A title candidate's score under which it is an item of a list or a
 * menu's link (their penalties, 40 and 60, bring a line right over the
 * prose down to it), not a headline. */
#define WEAK_TITLE_SCORE 50

/* Words of a headline glued to the first paragraph, at least and at most. */
#define GLUED_TITLE_WORDS 4
#define GLUED_TITLE_MAX_WORDS 20

/* Are most words of s before i capitalized, two thirds or more, as an
 * English headline's are ("Council Approves New Budget After Months of
 * Debate")? Then any word may open the text glued after it. */
static bool title_case_before(const char *s, size_t i)
{
    size_t words = 0, capitals = 0;
    for (size_t k = 0; k < i; k++)
        if (k == 0 || s[k - 1] == ' ')
            words++, capitals += isupper((unsigned char)s[k]) != 0;
    return 3 * capitals >= 2 * words;
}

/* Where the text after a headline glued to the first paragraph starts, a
 * headline a page set as an inline element ("…After Months of DebateThe
 * union warned…", "…DebateJane Smith Dec. 13, 2016Her office…"): at a
 * capital right after a small letter, four words in at least, with no
 * sentence's stop before, where a function word opens ("The", "Le") or
 * a dated dateline glued to the text does. 0 when there is none. */
static size_t glued_title_end(const reader *r, const char *s)
{
    size_t words = 1;
    for (size_t i = 1; s[i] && words <= GLUED_TITLE_MAX_WORDS; i++) {
        if (s[i] == ' ')
            words++;
        if (strchr(".!?", s[i]))
            return 0;
        if (words < GLUED_TITLE_WORDS || !isupper((unsigned char)s[i]) || !islower((unsigned char)s[i - 1]))
            continue;
        size_t n = strcspn(s + i, " ");
        if ((s[i + n] == ' ' && (text_is_stopword(r, s + i, n) || title_case_before(s, i))) ||
            text_glued_after_dateline(r, s + i))
            return i;
    }
    return 0;
}

/* No title was found: the first line of the body opens on one glued to
 * it, up to cut. The headline becomes the title, a dateline glued after
 * it is read, and the line keeps its prose. */
static void take_glued_title(reader *r, size_t cut)
{
    line *l = &r->l[r->body];
    r->a->title = ora_strndup(l->s, cut);
    size_t rest = cut, d = text_glued_after_dateline(r, l->s + cut);
    if (d) {
        char *glued = ora_strndup(l->s + cut, d);
        if (glued)
            text_take_dateline(r, glued);
        free(glued);
        rest += d;
    }
    memmove(l->s, l->s + rest, l->len - rest + 1);
    l->len -= rest;
}

/* Words a title keeps at least when a badge is cut from its end. */
#define BADGED_TITLE_WORDS 4

/* The title of line s, without the label a page set after its headline
 * and the copy ran into it ("… à Balkany Abonnés": furniture.txt's
 * badges). */
static char *title_without_badge(const reader *r, const char *s)
{
    size_t n = strlen(s);
    for (size_t k = 0; k < r->cues.badge.n; k++) {
        size_t bl = r->cues.badge.len[k];
        if (n > bl + 1 && s[n - bl - 1] == ' ' && strcasecmp(s + n - bl, r->cues.badge.s[k]) == 0 &&
            spaced_words(s) > BADGED_TITLE_WORDS + spaced_words(r->cues.badge.s[k]) - 1)
            return ora_strndup(s, n - bl - 1);
    }
    return ora_strdup(s);
}

/* Lines under a breadcrumb glued to the headline where the headline
 * itself may stand, and the words of the path before it at most. */
#define CRUMB_REACH 6
#define CRUMB_WORDS 4

/* A breadcrumb's last step is the page's headline, glued to the path
 * ("Home Pourquoi le sommeil… ?", "Accueil Actualités La ville…"): when
 * the chosen title ends on a line under it, word for word, that line is
 * the headline and the chosen one its path. */
static size_t past_breadcrumb(const reader *r, size_t title)
{
    const char *s = r->l[title].s;
    size_t skipped = 0;
    for (const char *p = strchr(s, ' '); p && skipped < CRUMB_WORDS; p = strchr(p + 1, ' ')) {
        skipped++;
        for (size_t j = title + 1; j < r->n && j <= title + CRUMB_REACH; j++)
            if (r->l[j].words >= 4 && strcmp(p + 1, r->l[j].s) == 0)
                return j;
    }
    return title;
}

/* Words of a breadcrumb's last step from which it is the headline. */
#define CRUMB_TITLE_WORDS 5

/* The last step of a breadcrumb over the prose when it is a headline
 * ("Accueil » Mon voisin a installé une caméra… : que faire ?"): a page
 * with no headline of its own shows it there only. Its line in *at;
 * NULL when none. */
static const char *crumb_title(const reader *r, size_t from, size_t *at)
{
    static const char *const seps[] = {" \xC2\xBB ", " \xE2\x80\xBA ", " > ", " / ", NULL};
    for (size_t i = from; i < r->body; i++) {
        const char *s = r->l[i].s, *step = NULL;
        if (!breadcrumb_shape(s))
            continue;
        for (const char *const *sep = seps; *sep; sep++)
            for (const char *p = strstr(s, *sep); p; p = strstr(p + 1, *sep))
                if (!step || p + strlen(*sep) > step)
                    step = p + strlen(*sep);
        if (step && spaced_words(step) >= CRUMB_TITLE_WORDS) {
            *at = i;
            return step;
        }
    }
    return NULL;
}

void text_read_head(reader *r)
{
    start_at_dated_headline(r);
    start_below_dateline(r);
    size_t from = r->body > HEAD_WINDOW ? r->body - HEAD_WINDOW : 0;
    size_t title = choose_title(r, from);
    if (title < r->n)
        title = past_breadcrumb(r, title);
    /* a breadcrumb's headline beats a shorter line that does not say it
     * (a menu's item the copy gives twice) */
    size_t crumb_at;
    const char *crumb = crumb_title(r, from, &crumb_at);
    bool by_crumb = crumb && (title == r->n || (!strstr(r->l[title].s, crumb) &&
                                                spaced_words(r->l[title].s) < spaced_words(crumb)));
    if (by_crumb)
        title = crumb_at;
    /* in a page's copy (no bare prose), a headline glued to the first
     * paragraph; an item of a list over the prose, the best of weak
     * candidates, loses to it */
    size_t glued = r->body > 0 && r->body < r->stop ? glued_title_end(r, r->l[r->body].s) : 0;
    if (glued && title < r->body && text_title_score(r, title, r->body) < WEAK_TITLE_SCORE)
        title = r->n;
    /* a title inside the stretch opens it; one under the stretch (a
     * breadcrumb's headline the copy shows again below), or on its last
     * line, with nothing under it to read, moves nothing */
    if (title < r->n && title >= r->body && title + 1 < r->stop)
        r->body = title + 1;
    r->title_at = title;
    r->lede_at = r->n;
    r->byline_at = title < r->n ? name_under_title(r, title) : r->n;
    if (title < r->n) {
        r->a->title = by_crumb ? ora_strdup(crumb) : title_without_badge(r, r->l[title].s);
        r->lede_at = choose_lede(r, title);
    }
    if (r->lede_at < r->n)
        r->a->lede = lede_with_second_paragraph(r);
    if (title == r->n && glued)
        take_glued_title(r, glued);
    read_datelines(r, title, from);
}
