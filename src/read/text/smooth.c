/* jusText's smoothing: short and near-good lines take the class of their
 * neighbours; runs of short lines, headlines and links are furniture;
 * lists, labelled paragraphs and live posts stay with the prose. */
#include "text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unictype.h>
#include <unistr.h>

/* An ad's label alone between two lines that are no furniture of the
 * boilerplate, one of them a paragraph ("Advertisement", "Publicité"): a
 * share bar's buttons come in a row, a gallery's ("Agrandir") stand among
 * its short captions, and a picture's file name and a label over links
 * ("Lire aussi :") tell of other things. So is a longer label over a
 * sub-heading ("La suite après cette publicité", furniture.txt's
 * ad-label) and a link's promo behind its arrow (">> Retrouvez l'émission
 * en podcast ici", link-arrow): the sub-heading under them is still the
 * article's. (A promo with no arrow there as often closes the article:
 * "Recevez notre lettre…".) */
static bool lone_label(const reader *r, size_t j)
{
    const line *l = &r->l[j];
    if (l->picture || l->s[l->len - 1] == ':' || j == 0 || j + 1 >= r->n)
        return false;
    const line *above = &r->l[j - 1], *below = &r->l[j + 1];
    bool label = text_ad_label(l) ||
                 (l->drop && !below->full_stop && cue_word_nocase(&r->cues.ad_label, l->s, l->len)) ||
                 (l->drop && cue_prefix(&r->cues.link_arrow, l->s) > 0);
    return label && !above->drop && !below->drop && (above->own == GOOD || below->own == GOOD);
}

/* Words of a picture's keywords at least (a list's item in small letters
 * has fewer: "poivre noir") and at most. */
#define KEYWORD_ALT_MIN_WORDS 4
#define KEYWORD_ALT_WORDS 10

/* "articulations douloureuses soulager naturels remedes": a picture's
 * text for search engines, which Chrome's copy keeps, is words in small
 * letters with no function word and no sign between them; no heading,
 * sentence or name opens in small letters. */
static bool keyword_alt(const line *l)
{
    return l->words >= KEYWORD_ALT_MIN_WORDS && l->words <= KEYWORD_ALT_WORDS && l->stops == 0 && latin_lower_at(l->s) &&
           !strpbrk(l->s, ".,;:!?()\"0123456789") && !l->meta && !l->drop && !l->bullet;
}

/* The class of the nearest line before (dir -1) or after (+1) i that is
 * neither short nor, with skip_near, near-good; the edges count as bad.
 * Credits, legends with their credit, table rows, video players, a
 * picture's keywords or file name and "Lire aussi" links are
 * transparent: a picture, a video or a link set in the body does not make
 * the heading or the pull quote beside it furniture. */
static bool transparent(const reader *r, size_t j, bool skip_near)
{
    const line *l = &r->l[j];
    int c = l->cls;
    return c == SHORT || (skip_near && c == NEAR) || l->credit || l->credit_in || l->cells || l->code ||
           l->player || l->pitch || l->listed || (l->drop && text_announces_link(r, l->s)) || lone_label(r, j) ||
           keyword_alt(l) || l->picture;
}

static int neighbour(const reader *r, size_t i, int dir, bool skip_near)
{
    for (size_t j = i; dir < 0 ? j-- > 0 : ++j < r->n;)
        if (!transparent(r, j, skip_near))
            return r->l[j].cls == NEAR ? NEAR : r->l[j].cls;
    return BAD;
}

/* Lines a list whose bullets the copy lost may run to. */
#define MAX_LOST_BULLETS 12

/* Could the line be an item of a list, read as text? A few words with
 * function words, no label, no furniture. */
static bool enumerated(const line *l)
{
    return l->len > 1 && strchr(",;", l->s[l->len - 1]);
}

/* Function words, or an enumeration's comma (its own, or the item's
 * above it for the last one): "Processeur X 3960," "16 Go de mémoire". */
static bool item_shaped(const reader *r, size_t i)
{
    const line *l = &r->l[i];
    bool worded = l->stops >= GOOD_STOPS || enumerated(l) || (i > 0 && enumerated(&r->l[i - 1])) ||
                  latin_lower_at(l->s); /* "wider sidewalks downtown": no menu's link opens so */
    return !l->bullet && l->words >= 3 && l->words <= 40 && worded &&
           !l->drop && !l->meta && !l->credit_in && !l->end && !l->cut &&
           l->s[l->len - 1] != ':';
}

/* An item of a list whose bullets the copy lost (Chrome's copies give
 * a list as lines with no bullet and no blank line): one of a run of
 * item-shaped lines under a line of prose that announces them with a
 * colon ("Ceux que je retiens :"). Headlines under "À lire aussi :" are
 * no items: the announcing line must be prose of six words or more, or,
 * over items that all open in small letters ("Le plan prévoit :" over
 * "de nouveaux bus…"), a phrase of three words with a function word. */
bool text_unbulleted_item(const reader *r, size_t i)
{
    bool small = true;
    for (size_t k = i, items = 0; k > 0 && items < MAX_LOST_BULLETS; k--, items++) {
        if (r->l[k - 1].picture && k > 1)
            k--; /* a picture's file name between the list and its announce */
        if (!r->l[k].picture && !item_shaped(r, k))
            return false;
        small &= latin_lower_at(r->l[k].s);
        size_t over = text_over_list(r, k); /* k - 1, or an announce over a video */
        if (over + 1 < k) {
            items += k - over - 1; /* a video between the announce and the list */
            k = over + 1;
        }
        const line *above = &r->l[k - 1];
        if (above->s[above->len - 1] == ':')
            return ((above->own >= NEAR && above->words >= 6) || (small && above->words >= 3 && above->stops > 0)) &&
                   !above->bullet && !above->drop && !text_announces_link(r, above->s);
    }
    return false;
}

/* The first of the bullets in a row that line i is one of. */
static size_t first_bullet(const reader *r, size_t i)
{
    while (i > 0 && r->l[i - 1].bullet)
        i--;
    return i;
}

/* Bytes of a quantity at s: digits and fractions ("2", "1/2", "1¾", "½"),
 * 0 if none. */
static size_t quantity_len(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    for (;;) {
        if (isdigit(u[i]) || (i > 0 && (u[i] == '/' || u[i] == '.' || u[i] == ',') && isdigit(u[i + 1])))
            i++;
        else if (u[i] == 0xC2 && u[i + 1] >= 0xBC && u[i + 1] <= 0xBE)
            i += 2; /* ¼ ½ ¾ */
        else if (u[i] == 0xE2 && u[i + 1] == 0x85 && u[i + 2] >= 0x90 && u[i + 2] <= 0x9E)
            i += 3; /* ⅐ … ⅞ */
        else
            return i;
    }
}

/* Does the line open on a quantity and then a word in small letters ("2
 * ribs celery", "½ teaspoon salt", "3 000 postes supprimés")? A ranking's
 * number opens a headline's capital ("1 Le gouvernement…"). */
static bool quantity_item(const line *l)
{
    size_t q = quantity_len(l->s);
    const char *p = l->s + q;
    for (size_t more; *p == ' ';)
        p += (more = quantity_len(p + 1)) ? more + 1 : 1; /* "3 000 postes", "1 1/2 cups" */
    ucs4_t c;
    return q && p > l->s + q && u8_mbtouc(&c, (const uint8_t *)p, strnlen(p, 4)) > 0 &&
           uc_is_property_lowercase(c); /* "3 œufs" too */
}

/* Could the line be an item of the article's list? Not furniture, two
 * words or more, and not a ticker's headline (it opens on its time). */
static bool item_candidate(const line *l)
{
    return l->words >= 2 && !l->drop && !l->meta && !l->credit_in && !l->end && !l->cut && !l->pitch &&
           !l->stamped;
}

/* Words, and the share of function words, of an item that is a clause
 * of the prose however it opens and ends. */
#define CLAUSE_ITEM_WORDS 8
#define CLAUSE_ITEM_STOPS 0.40

/* Eight words or more, min_stops of them function words at least, no
 * headline's colon parting them, no question. */
static bool clause_shaped(const line *l, double min_stops)
{
    return l->words >= CLAUSE_ITEM_WORDS && l->stops >= min_stops && !strstr(l->s, " : ") &&
           l->s[l->len - 1] != '?';
}

/* "Eli stocke suffisamment de ressources pour survivre trois ans dans
 * une navette": an item of eight words or more, two in five of them
 * function words, that a headline's colon does not part, is a clause
 * (headlines are terser). */
static bool clause_item(const line *l)
{
    return clause_shaped(l, CLAUSE_ITEM_STOPS);
}

/* An item that says something, as no menu's link, share button, pitch
 * or headline does: a quantity and a word in small letters, or words
 * that open in small letters and end as an item of an enumeration does
 * ("de nouveaux bus ;"). Headlines open on capitals, and a pitch's items
 * end on no sign ("ingen reklame"). */
static bool worded_item(const line *l)
{
    return item_candidate(l) &&
           (quantity_item(l) || (latin_lower_at(l->s) && strchr(",;.", l->s[l->len - 1])) ||
            clause_item(l));
}

/* Is line k one of a list's items as the copy gave them: a bullet, or
 * (with bullet false, as Chrome's copies lose them) a quantity's line, or
 * a clause set line under line with others (no blank line between)? */
static bool run_item(const reader *r, size_t k, bool bullet)
{
    const line *l = &r->l[k];
    if (bullet)
        return l->bullet;
    bool in_block = l->tight || (k + 1 < r->n && r->l[k + 1].tight);
    /* a clause, not a paragraph set line under line: no sentence's stop */
    bool clause = clause_shaped(l, GOOD_STOPS) && !l->full_stop && !l->inner_stop && !strchr("!:", l->s[l->len - 1]);
    return !l->bullet && item_candidate(l) && (quantity_item(l) || (clause && in_block));
}

/* The run of items from line j (bullets, or quantities' lines when the
 * copy lost them): how many, and how many say something. */
static size_t items_from(const reader *r, size_t j, size_t *worded)
{
    bool bullet = r->l[j].bullet;
    size_t k = j;
    *worded = 0;
    for (; k < r->n && run_item(r, k, bullet); k++)
        *worded += worded_item(&r->l[k]);
    return k - j;
}

/* A list set in the article under a label ("Ingredients", "Les mesures"):
 * the run of n items from line j, worded of which say something. Bulleted,
 * with the article's prose on both sides, two bullets or more, two in
 * three saying something; or prose on one side (a share bar over an
 * ingredient list, the method under it) and three items or more that all
 * say something (a copy that lost the bullets: three quantities' lines);
 * a copy's lines that lost their bullets between two paragraphs, three
 * or more, two in three saying something.
 * A menu or a share bar between two paragraphs has links of a word or
 * two, and headlines open on capitals; a list of the article's says
 * things (jusText's context, which a run of short lines alone defeats). */
static bool list_amid_prose(const reader *r, size_t j, size_t n, size_t worded, const int *up, const int *down)
{
    bool bullet = r->l[j].bullet;
    if (n < 2 || worded * 3 < n * 2 || j == 0 || (!bullet && n < 3))
        return false;
    const line *over = &r->l[j - 1];
    if (over->drop || over->end || over->bullet || text_announces_link(r, over->s))
        return false; /* the links under "À lire aussi" */
    int p = up[j], q = down[j + n - 1];
    return (p == GOOD && q == GOOD && (bullet || n >= 3)) || ((p == GOOD || q == GOOD) && n >= 3 && worded == n);
}

/* A list's items stay together: bullets right after a line announcing them
 * (": "), or a run of bullets that read as sentences, or that say things
 * amid the prose, or lines a prose line announces when the copy lost their
 * bullets. */
static bool list_item_line(const reader *r, size_t i)
{
    if (r->l[i].amid)
        return true;
    if (!r->l[i].bullet)
        return text_unbulleted_item(r, i);
    size_t j = first_bullet(r, i);
    size_t over = j > 0 ? text_over_list(r, j) : 0;
    if (j > 0 && (r->l[over].drop || text_announces_link(r, r->l[over].s)))
        return false; /* the links under "À lire aussi" */
    char last = r->l[i].s[r->l[i].len - 1];
    return (j > 0 && r->l[over].s[r->l[over].len - 1] == ':' &&
            (r->l[over].cls != BAD || text_announces_list(r, over))) ||
           (r->l[i].words >= 4 && r->l[i].stops >= NEAR_STOPS &&
            (last == '.' || last == ';' || last == ','));
}

/* A word or three, no dateline, no bullet, ending on none of the signs
 * in ends. */
static bool label_shaped(const line *l, const char *ends)
{
    return l->words >= 1 && l->words <= 3 && !l->meta && !l->bullet && !strchr(ends, l->s[l->len - 1]);
}

/* The label over a list amid the prose: a word or three, perhaps a
 * colon ("Ingrédients :"), no furniture. */
static bool list_label(const line *l)
{
    return label_shaped(l, ".;,!?") && !l->drop && !l->end && !l->cut;
}

/* A label: a word or three, no sentence, no dateline, no bullet. */
static bool label_line(const line *l)
{
    return label_shaped(l, ".;,:!?");
}

/* A data table copied cell by cell: a long run of short lines, many of
 * them numbers. It is not read, and it does not part the article. */
static bool table_cells(const reader *r, size_t from, size_t to)
{
    size_t digits = 0, words = 0;
    for (size_t k = from; k < to; k++) {
        digits += strpbrk(r->l[k].s, "0123456789") != NULL;
        words += r->l[k].words;
    }
    return digits * 3 >= to - from && words <= 3 * (to - from);
}

/* "Birthdays, mostly.", "Personne n'a bougé.": a short sentence of the
 * prose, capital first (perhaps after an opening quote mark), full stop
 * last, a function word inside or a comma; a menu's links and a share
 * bar's buttons end on none. */
static bool short_sentence(const line *l)
{
    const char *p = l->s;
    if (str_starts_with(p, "\xE2\x80\x9C") || str_starts_with(p, "\xC2\xAB")) /* “ « : someone's words */
        p += p[0] == '\xE2' ? 3 : 2;
    while (*p == ' ' || *p == '"')
        p++;
    return l->full_stop && l->words >= 3 && latin_capital_at(p) && (l->stops > 0 || strchr(l->s, ',')) &&
           !l->drop && !l->meta && !l->credit_in && !l->end && !l->cut && !l->bullet;
}

/* "Jardin partagé :" over a sentence or two: a label and what it labels. */
static bool label_pair(const reader *r, size_t i)
{
    const line *l = &r->l[i];
    return i + 1 < r->n && l->own == SHORT && l->words <= 8 && l->s[l->len - 1] == ':' &&
           !l->bullet && !l->drop && !l->meta && !l->end && !l->cut &&
           r->l[i + 1].own >= NEAR && !r->l[i + 1].bullet;
}

/* Two labelled paragraphs in a row or more (and the line announcing them,
 * when it ends on a colon) are the article's, like the prose around them:
 * alone, each pair reads as furniture (a short line and a near-sentence). */
static void labelled_pairs(reader *r)
{
    for (size_t i = 0; i < r->n;) {
        size_t j = i;
        while (label_pair(r, j))
            j += 2;
        if (j - i >= 4) {
            for (size_t k = i; k < j; k++)
                r->l[k].cls = GOOD;
            if (i > 0 && r->l[i - 1].own >= NEAR && r->l[i - 1].s[r->l[i - 1].len - 1] == ':')
                r->l[i - 1].cls = GOOD;
        }
        i = j > i ? j : i + 1;
    }
}

/* Words of a line's label before its colon at most, and of a labelled
 * line at most. */
#define LINE_LABEL_WORDS 4
#define LABELLED_LINE_WORDS 30

/* "Louise ROBARD : chant (Cut The Alligator…)", "Lieu : salle des fêtes":
 * a label of a few words, a colon, then what it labels, no dateline, no
 * credit ("Photo : X" is one). */
static bool labelled_line(const line *l)
{
    const char *colon = strchr(l->s, ':');
    if (!colon || colon == l->s || colon[1] != ' ' || l->words > LABELLED_LINE_WORDS || l->meta || l->credit ||
        l->credit_in || l->drop || l->end || l->cut)
        return false;
    size_t before = 1;
    for (const char *p = l->s; p < colon - 1; p++)
        before += *p == ' ';
    return before <= LINE_LABEL_WORDS && l->words >= before + 2;
}

/* Lines of a labelled run at least. */
#define LABELLED_RUN_LINES 3

/* A paragraph of labelled lines, line under line (a concert's line-up,
 * a film's credits, a notice's practical details): its first line the
 * article's, or near it right under the article's prose, the run is,
 * though each alone has few function words. Its lines are a list's items
 * (no sub-heading ends the article on them). */
static void labelled_runs(reader *r)
{
    for (size_t i = 0; i < r->n; i++) {
        bool opens = r->l[i].cls == GOOD || (r->l[i].own >= NEAR && i > 0 && r->l[i - 1].cls == GOOD);
        if (!opens || !labelled_line(&r->l[i]))
            continue;
        size_t j = i + 1;
        while (j < r->n && r->l[j].tight && labelled_line(&r->l[j]))
            j++;
        if (j - i >= LABELLED_RUN_LINES)
            for (size_t k = i; k < j; k++)
                r->l[k].cls = GOOD, r->l[k].amid = true;
        i = j - 1;
    }
}

/* "un arrêt réflexe (52e) ;": an item of an enumeration the sentence
 * above announced, its bullet lost in the copy. No headline ends so. */
static bool item_of_sentence(const line *l)
{
    return l->len > 1 && l->s[l->len - 1] == ';';
}

/* Embedded posts are not the article's: neither the signature nor
 * the text over it is read, and neither parts the article; the post's
 * date is no dateline of the article (prose over it is no head). */
static void drop_embedded_posts(reader *r)
{
    for (size_t i = 0; i < r->n; i++) {
        if (!cue_post_signature(r->l[i].s))
            continue;
        r->l[i].cls = BAD, r->l[i].listed = r->l[i].embed = true;
        r->l[i].meta = false;
        if (i > 0 && r->l[i - 1].len < 400)
            r->l[i - 1].cls = BAD, r->l[i - 1].listed = r->l[i - 1].embed = true;
    }
}

/* Words of a headline that asks a question, at most. */
#define QUESTION_HEADLINE_WORDS 20

/* A headline that asks ("Pourquoi l'amitié est-elle… ?"): it ends as a
 * sentence does, and is a link all the same under "Lire aussi :". */
static bool question_headline(const line *l)
{
    return l->s[l->len - 1] == '?' && l->words <= QUESTION_HEADLINE_WORDS && !strchr(l->s, '.');
}

/* Lines of a box's list of links whose bullets the copy lost, at most,
 * and words of each. */
#define LOST_BULLET_LINKS 8
#define LINK_HEADLINE_WORDS 15

/* From k, a block of two headlines or more set tight, one a line, no
 * full stop: the links of a box under its dossier's name, as Chrome
 * copies a list. */
static void take_unbulleted_links(reader *r, size_t k)
{
    size_t m = k;
    while (m < r->n && m < k + LOST_BULLET_LINKS && (m == k || r->l[m].tight) && !r->l[m].full_stop &&
           r->l[m].words <= LINK_HEADLINE_WORDS && r->l[m].own != GOOD)
        m++;
    if (m < k + 2 || (m < r->n && r->l[m].tight))
        return; /* one line, or a block that goes on: prose */
    for (; k < m; k++)
        r->l[k].cls = BAD, r->l[k].listed = true;
}

/* Under "À lire aussi :" stand links: the bulleted ones, or a headline
 * without a full stop (or asking a question) and up to three more right
 * under it, or one headline and the bulleted ones under it. */
static void links_under_see_also(reader *r)
{
    for (size_t i = 0; i + 1 < r->n; i++) {
        if (r->l[i].len > 40 || !text_announces_link(r, r->l[i].s))
            continue;
        size_t j = i + 1, k = j;
        /* a headline, and those right under it with no blank line between
         * (a copy that lost the bullets gives a box of links so) */
        for (; k < r->n && k <= i + 4 && !r->l[k].bullet &&
               (!r->l[k].full_stop || (k == j && question_headline(&r->l[k]))) && (k == j || r->l[k].tight);
             k++)
            r->l[k].cls = BAD, r->l[k].listed = true;
        /* the bulleted links, under the box's label or under the one
         * headline that names the dossier ("Lire notre dossier complet" /
         * "Le mariage pour tous" / "• Gilets jaunes: …") */
        size_t bullets = k == j + 1 ? k : j;
        for (j = bullets; j < r->n && r->l[j].bullet; j++)
            r->l[j].cls = BAD, r->l[j].listed = true;
        if (j == bullets && k == i + 2) /* Chrome's copy of those links: no bullets, one line each */
            take_unbulleted_links(r, k);
    }
}

/* Is line i set with no bullet over or under it (one bullet alone)? */
static bool no_bullet_beside(const reader *r, size_t i)
{
    return (i == 0 || !r->l[i - 1].bullet) && (i + 1 >= r->n || !r->l[i + 1].bullet);
}

/* Words of a heading typed after a dash, at most. */
#define DASHED_HEADING_WORDS 6

/* "- Meilleure intégration" alone, no bullet over or under it, no
 * sentence: a sub-heading typed after a dash (a wire's style), not a
 * list's bullet, which a browser copies as "•" or not at all. A link to
 * another article is a headline, longer. */
bool text_run_in_heading(const reader *r, size_t i)
{
    const line *l = &r->l[i];
    return l->dashed && l->words <= DASHED_HEADING_WORDS && !l->full_stop && no_bullet_beside(r, i);
}

/* Whether the line ends like a sentence's part (".", ";", ",", ":"),
 * inside its closing quote marks too ("…sur la tête."): an epigraph
 * over its author is a quotation, no link. */
static bool ends_like_part(const line *l)
{
    size_t n = before_closing_marks(l->s, l->len);
    return n && strchr(".;,:", l->s[n - 1]);
}

/* Bullets set between two paragraphs with nothing announcing them,
 * none ending like a sentence's part (".", ";", ","), are links to
 * other articles inside the body; so are such lines that a copy
 * without bullets gives as one block, no blank line between them but
 * blank lines around (Chrome's copy of a list). */
static void links_between_paragraphs(reader *r)
{
    for (size_t i = 1; i < r->n;) {
        size_t j = i;
        bool bullets = r->l[i].bullet, block = !r->l[i].tight;
        while (j < r->n && (bullets ? r->l[j].bullet : j == i || r->l[j].tight) &&
               !ends_like_part(&r->l[j]) && r->l[j].words <= 20)
            j++;
        bool parted = bullets ? j > i : block && j >= i + 2 && j < r->n && !r->l[j].tight;
        /* one bullet under a label ("Plus", "En lien") is a link too */
        bool labelled = bullets && j == i + 1 && label_line(&r->l[i - 1]);
        if (parted && j < r->n && !r->l[j].bullet && !text_run_in_heading(r, i) &&
            ((r->l[i - 1].own == GOOD && r->l[i - 1].full_stop) || labelled) &&
            r->l[j].own == GOOD && r->l[j].full_stop)
            for (size_t k = labelled ? i - 1 : i; k < j; k++)
                r->l[k].cls = BAD, r->l[k].listed = true;
        i = j > i ? j : i + 1;
    }
}

/* Three timed lines or more in a row, no prose under any (a news
 * ticker: "23:12 Rallye…", "22:05 NBA…"), are headlines, not the
 * posts of a live, whose times stand over their text. */
static bool ticker_line(const reader *r, size_t j)
{
    return r->l[j].stamped && !r->l[j].full_stop && r->l[j].len < 200;
}

/* Two timed lines set line under line, no prose under the first ("Fil
 * info" over "17:02 Une tempête…" and "16:45 L'autoroute…") are a ticker
 * too: a live's posts stand apart, each over its text. */
static void mark_tight_tickers(reader *r)
{
    for (size_t i = 0; i + 1 < r->n; i++)
        if (ticker_line(r, i) && ticker_line(r, i + 1) && r->l[i + 1].tight)
            for (size_t k = i; k < r->n && ticker_line(r, k) && (k == i || r->l[k].tight); k++)
                r->l[k].cls = BAD;
}

/* A run of three short lines or more is a menu, a share bar or a
 * table's cells, not a heading: it is furniture wherever it stands. */
static bool short_run_line(const reader *r, size_t j)
{
    /* a list amid the prose stays in the run, whose numbers may make it a
     * table's cells; its items are the article's all the same */
    return r->l[j].cls == SHORT && (r->l[j].amid || !list_item_line(r, j)) && !short_sentence(&r->l[j]) &&
           !text_announces_list(r, j); /* "The plan includes:" over a video, then its items */
}

/* Words of a line of prose that announces a list at least. */
#define ANNOUNCE_WORDS 6

/* "There are many free tools. These include:" over bulleted items: prose
 * that ends on a colon, no headline, though a picture's legend and a
 * sub-heading over it make a run of lines with no full stop. */
static bool announces_bullets(const reader *r, size_t j)
{
    const line *l = &r->l[j];
    return l->s[l->len - 1] == ':' && l->own >= NEAR && l->words >= ANNOUNCE_WORDS && j + 1 < r->n &&
           r->l[j + 1].bullet && !l->drop && !text_announces_link(r, l->s);
}

/* Lines over a line where the prose it goes on from may stand, past a
 * box, and the words of a paragraph there. */
#define PROSE_ABOVE_REACH 8
#define PROSE_ABOVE_WORDS 10

/* Is there a paragraph a few lines over i, with no end marker, paywall
 * cue, dateline or other label on a colon between? A comment form's
 * fields are labels in a row ("Nom ou un pseudo :", "Courriel (ne sera
 * pas publié) :"), over its rules for readers. */
static bool prose_above(const reader *r, size_t i)
{
    for (size_t j = i; j-- > 0 && i - j <= PROSE_ABOVE_REACH;) {
        const line *l = &r->l[j];
        if (l->end || l->cut || l->meta || l->s[l->len - 1] == ':')
            return false;
        if (l->own == GOOD && l->words >= PROSE_ABOVE_WORDS)
            return true;
    }
    return false;
}

/* "Sur les 136 tests réalisés :": a short sentence of the prose that
 * announces the paragraphs right under it, a box over it or not. Three
 * words or more with a function word, ending on a colon, the prose going
 * on from above; no furniture's label ("Lire aussi :", "Sur le même
 * sujet :"). */
static bool announces_prose(const reader *r, size_t i)
{
    const line *l = &r->l[i];
    size_t f = text_past_video(r, i);
    return l->s[l->len - 1] == ':' && l->words >= 3 && l->stops > 0 && !l->drop && !l->end && !l->meta &&
           !l->bullet && !text_announces_link(r, l->s) && f < r->n && r->l[f].cls >= NEAR && !r->l[f].listed &&
           prose_above(r, i);
}

/* "Le moi est-il haïssable?" set line under line with other headlines:
 * a question that opens on a capital and that no blank line parts from
 * the line over or under it is a link of a list (a blog's last posts),
 * not a sentence. An interview's question has its answer under it, and a
 * poem's line that asks opens on a small letter. */
static bool listed_question(const reader *r, size_t j)
{
    return question_headline(&r->l[j]) && latin_capital_at(r->l[j].s) &&
           (r->l[j].tight || (j + 1 < r->n && r->l[j + 1].tight));
}

/* Words from which a line with a sentence's stop inside, near-good, is
 * a paragraph that lost its last stop, not a headline. */
#define STOPPED_INSIDE_WORDS 15

/* A run of three lines or more that are not sentences (no full stop)
 * and not long is furniture too: a list of headlines, "Lire aussi" and
 * the like, however many function words they hold. Two sentences, the
 * last one's stop dropped, are no headline: a method's step, or notes'
 * first line ("On à commencé vers 9h30; On était 5 (+Fred). Fin vers
 * 17h"). */
static bool headline_run_line(const reader *r, size_t j)
{
    const line *l = &r->l[j];
    bool sentences = l->inner_stop && (l->own == GOOD || (l->own == NEAR && l->words >= STOPPED_INSIDE_WORDS));
    return l->cls != BAD && (!l->full_stop || listed_question(r, j)) && !sentences && !announces_prose(r, j) &&
           l->len < 160 && !list_item_line(r, j) && !item_of_sentence(l) && !announces_bullets(r, j) &&
           !cue_counter_line(&r->cues, l->s); /* "43 réactions" over a title */
}

/* Where the list of links in the run [i, j) ends: at a line that a blank
 * line parts from three lines set line under line over it ("Les plus lus"
 * and its headlines, then the title). Such a line is furniture's class
 * too, but a block of its own, and may be a title. */
static size_t list_end(const reader *r, size_t i, size_t j)
{
    for (size_t k = i + 1; k < j; k++)
        if (k >= 2 && r->l[k - 2].tight && text_parted_from_list(r, k - 2, k))
            return k;
    return j;
}

/* Is the run [i, j) a head rather than a list: one line that is no
 * known furniture, the others a breadcrumb, a kicker of a word, buttons
 * or markers the boilerplate knows ("Accueil › Politique", "ANALYSE",
 * the title, "Écouter cet article")? */
static bool head_run(const reader *r, size_t i, size_t j)
{
    size_t unknown = 0;
    for (size_t k = i; k < j; k++) {
        const line *l = &r->l[k];
        if (l->bullet || l->listed)
            return false; /* a list's items: "Reportage" over a headline */
        unknown += !(l->drop || l->end || l->meta || l->words <= 1 || breadcrumb_shape(l->s));
    }
    return unknown <= 1;
}

/* Each run of three lines or more that in_run accepts is furniture;
 * listed, a list of links (whose lines are no titles either), unless it
 * is a head's run; with cells, a run of six or more that is mostly
 * numbers is a table's. */
static void mark_runs(reader *r, bool (*in_run)(const reader *, size_t), bool listed, bool cells)
{
    for (size_t i = 0; i < r->n;) {
        size_t j = i;
        while (j < r->n && in_run(r, j))
            j++;
        size_t listed_to = listed ? list_end(r, i, j) : i;
        if (j - i >= 3 && !(listed && head_run(r, i, j)))
            for (size_t k = i; k < j; k++)
                r->l[k].cls = BAD, r->l[k].listed |= k < listed_to;
        if (cells && j - i >= 6 && table_cells(r, i, j))
            for (size_t k = i; k < j; k++)
                r->l[k].cells = true;
        i = j > i ? j : i + 1;
    }
}

/* Is the line announcing a list at i amid prose: a paragraph over it, or
 * under its items, past pictures' file names and a picture's legend with
 * its credit? */
static bool amid_prose(const reader *r, size_t i)
{
    size_t up = i;
    while (up > 0 && (r->l[up - 1].picture || r->l[up - 1].credit || r->l[up - 1].credit_in))
        up--;
    size_t down = text_past_video(r, i); /* a video between aside */
    while (down < r->n && (r->l[down].picture || r->l[down].bullet || text_unbulleted_item(r, down)))
        down++;
    return (up > 0 && r->l[up - 1].cls == GOOD) || (down < r->n && r->l[down].cls == GOOD);
}

/* Does line i announce a list amid prose (a video between them aside)? */
static bool announces_amid_prose(const reader *r, size_t i)
{
    size_t f = text_past_video(r, i);
    return r->l[i].cls != GOOD && f < r->n && !r->l[f].listed && text_over_list(r, f) == i &&
           amid_prose(r, i) &&
           (text_unbulleted_item(r, f) ||
            (r->l[f].bullet && r->l[i].s[r->l[i].len - 1] == ':' && list_item_line(r, f)));
}

/* Is bulleted line i an item of a list announced amid prose? Its
 * neighbours may be a legend and a box, with the prose past them. */
static bool item_announced_amid_prose(const reader *r, size_t i)
{
    size_t j = first_bullet(r, i);
    return r->l[i].bullet && j > 0 && announces_amid_prose(r, text_over_list(r, j));
}

/* A bulleted item under a line that announces its list with a colon, no
 * furniture of its own: named things and figures have few function words
 * and may run past a short line's length. */
static bool announced_item(const reader *r, size_t i)
{
    const line *l = &r->l[i];
    if (!l->bullet || l->drop || l->credit || l->credit_in || l->meta || l->cells || l->end || l->cut)
        return false;
    size_t j = first_bullet(r, i);
    if (j == 0)
        return false;
    const line *over = &r->l[text_over_list(r, j)];
    return over->s[over->len - 1] == ':' && list_item_line(r, i); /* which refuses "À lire aussi :" */
}

/* A bullet of a word or two alone, no list around it: a button a page
 * set in a list ("embed" under a video's legend), no item of the prose. */
static bool lone_button(const reader *r, size_t i)
{
    const line *l = &r->l[i];
    return l->bullet && !l->dashed && l->words <= 2 && !l->full_stop && no_bullet_beside(r, i);
}

/* A phrase set right over a legend with its credit ("City Hall" over
 * "Residents wait to speak. (John Doe / AP)"), or a label of a word or
 * two over one ("Photo"): the picture's alt text, title or label, which
 * the legend's transparency must not make prose. */
static bool over_legend(const reader *r, size_t i)
{
    const line *l = &r->l[i];
    return i + 1 < r->n && r->l[i + 1].credit_in && (r->l[i + 1].tight || l->words <= 2) && !l->full_stop &&
           !l->bullet && l->s[l->len - 1] != ':';
}

/* Words of a sentence of names at least, and its share of function
 * words at least. */
#define NAMED_SENTENCE_WORDS 12
#define NAMED_SENTENCE_STOPS 0.08

/* Words of a sub-heading longer than a short line, at most. */
#define LONG_SUBHEADING_WORDS 10

/* A sub-heading's phrase, too long for a short line: four to ten words
 * with function words (a menu's links have none), no sentence's stop, no
 * colon, nothing a cue or a mark makes furniture. */
static bool subheading_phrase(const line *l)
{
    return !l->full_stop && l->words >= 4 && l->words <= LONG_SUBHEADING_WORDS && l->stops >= NEAR_STOPS &&
           l->s[l->len - 1] != ':' && !l->drop && !l->meta && !l->credit_in && !l->end && !l->cut && !l->pitch &&
           !l->bullet && !l->cells && !l->code && !l->stamped;
}

/* "Olivier Véran s’appuie sur une étude… américaine" between two
 * paragraphs: a sub-heading too long to be a short line, with function
 * words (a menu's links have none) and no sentence's stop, right between
 * two paragraphs of prose, or under the article's own list (its first
 * section, after the list of its points). A box's headline stands under
 * its label. */
static bool long_subheading(const reader *r, size_t i)
{
    if (i == 0 || i + 1 >= r->n || !subheading_phrase(&r->l[i]))
        return false;
    const line *above = &r->l[i - 1], *below = &r->l[i + 1];
    return ((above->own == GOOD && above->full_stop) || (above->bullet && list_item_line(r, i - 1))) &&
           below->own == GOOD && below->full_stop;
}

/* "Recette de la miche (pour 4 pains)" between a paragraph and the list
 * amid the prose it heads: a sub-heading's shape (long_subheading's),
 * prose over it. */
static bool heading_over_list(const reader *r, size_t i)
{
    return i > 0 && subheading_phrase(&r->l[i]) && r->l[i - 1].own == GOOD && r->l[i - 1].full_stop;
}

/* A long sentence that names many people and things has few function
 * words ("Early Google HR boss Heather Cairns remembers once spotting
 * Page talking intently with Google's janitor after work hours."), but it
 * opens on a capital and ends on a full stop, as no menu does. */
static bool named_sentence(const line *l)
{
    return l->own == BAD && l->full_stop && l->words >= NAMED_SENTENCE_WORDS && l->stops >= NAMED_SENTENCE_STOPS &&
           latin_capital_at(l->s) && !l->drop && !l->meta && !l->credit && !l->credit_in && !l->end && !l->cut &&
           !l->bullet && !l->listed && !l->cells && !l->code && !l->pitch;
}

/* Words of the stamp that ends a card ("30 min", "12/03/2024"), at most,
 * and of a paragraph that a heading stands over, at least. */
#define STAMP_WORDS 3
#define HEADED_WORDS 30

/* "Paris s'autoproclame « ville lumière »" under a card of a related
 * broadcast ("à réécouter", its title, its show, "30 min") and over a
 * long paragraph: a heading of the text, which the card's stamp (a
 * dropped line of a few words with a number: a length, a date) parts
 * from the card. A headline right under "Lire aussi" or a share button
 * stays furniture. */
static bool heading_under_stamp(const reader *r, size_t i)
{
    const line *l = &r->l[i], *stamp = i > 0 ? &r->l[i - 1] : NULL, *next = i + 1 < r->n ? &r->l[i + 1] : NULL;
    return stamp && next && stamp->drop && stamp->words <= STAMP_WORDS && strpbrk(stamp->s, "0123456789") &&
           !text_announces_link(r, stamp->s) &&
           next->cls == GOOD && next->words >= HEADED_WORDS && l->words >= 2 && !l->full_stop &&
           !l->bullet && !l->meta && !l->drop && !l->end && !l->credit_in && !l->listed;
}

/* Lines over a dateline where its title may stand, at most. */
#define TITLE_REACH 3

/* Whether a headline stands over the dateline that ends at line d (its
 * other lines, a byline, above it): a line of four words or more, no
 * menu's. Without one, the short line under the dateline is the title
 * ("Retraites, la mobilisation ne faiblit pas !" under "Publié le…"). */
static bool titled_above(const reader *r, size_t d)
{
    size_t i = d;
    while (i > 0 && r->l[i - 1].meta)
        i--;
    for (size_t k = 0; k < TITLE_REACH && i > 0; k++, i--) {
        const line *l = &r->l[i - 1];
        if (l->words >= 4 && !l->drop && !l->bullet && l->own != GOOD && !text_in_menu(r, i - 1))
            return true;
    }
    return false;
}

/* Words and share of function words of a sub-heading, at least. */
#define SUBHEADING_WORDS 4
#define SUBHEADING_STOPS 0.25

/* "Un porte-avions de nouvelle génération en Chine" under "Écrit par X" /
 * "Publié le …", over the first paragraph, with the chapo or the title
 * over the dateline: the body opens on a sub-heading. A phrase of four
 * words or more, a quarter of them function words (no button's "Partager
 * sur Facebook"), that no cue knows, right over a paragraph that does not
 * say it again. */
static bool heading_under_dateline(const reader *r, size_t i)
{
    const line *l = &r->l[i];
    size_t d = i;
    while (d > 0 && (r->l[d - 1].meta || r->l[d - 1].drop || r->l[d - 1].picture))
        d--; /* the dateline, and a picture's text dropped above it */
    const line *next = i + 1 < r->n ? &r->l[i + 1] : NULL;
    if (!next || next->cls != GOOD || next->credit_in || str_starts_with(next->s, l->s) ||
        (next->len > l->len && strstr(next->s, l->s)))
        return false; /* a picture's legend, cut and said again under it */
    return d > 0 && (r->l[d - 1].cls == GOOD || titled_above(r, d)) && l->words >= SUBHEADING_WORDS &&
           l->stops >= SUBHEADING_STOPS && !l->full_stop && latin_capital_at(l->s) &&
           l->s[l->len - 1] != ':' && !l->drop && !l->end && !l->cut && !l->bullet && !l->meta &&
           !l->credit_in && !l->pitch;
}

/* jusText's context: a short line is prose between prose (or an item of
 * a list beside it), a near-good one unless furniture stands on both
 * sides; all judged on the classes before this pass. */
static void by_neighbours(reader *r)
{
    int *next = malloc(r->n * sizeof *next);
    if (!next)
        return;
    for (size_t i = 0; i < r->n; i++) {
        int c = r->l[i].cls;
        if (r->l[i].amid)
            c = GOOD; /* "2 ribs celery, diced small" under "Ingredients", prose around */
        else if (i + 1 < r->n && r->l[i + 1].amid && (list_label(&r->l[i]) || heading_over_list(r, i)))
            c = GOOD; /* "Ingredients" over them: the list's label */
        else if (i > 0 && r->l[i - 1].amid && !r->l[i].amid && list_label(&r->l[i]) &&
                 neighbour(r, i, 1, false) == GOOD)
            c = GOOD; /* "Method" under them, over the prose */
        else if (c == BAD && !r->l[i].listed && text_unbulleted_item(r, i))
            c = GOOD; /* an enumeration's item, named things without function words */
        else if (c == BAD && named_sentence(&r->l[i]) && neighbour(r, i, -1, true) == GOOD &&
                 neighbour(r, i, 1, true) == GOOD)
            c = GOOD; /* "Early Google HR boss Heather Cairns remembers once spotting…" */
        else if (c == BAD && long_subheading(r, i))
            c = GOOD;
        else if (announces_amid_prose(r, i))
            c = GOOD; /* the line that announces them */
        else if (c == BAD && announced_item(r, i) &&
                 (neighbour(r, i, -1, true) == GOOD || neighbour(r, i, 1, true) == GOOD ||
                  item_announced_amid_prose(r, i)))
            c = GOOD; /* "David Price, six years, $188 million": few function words */
        else if (c == SHORT && (lone_button(r, i) || over_legend(r, i) || keyword_alt(&r->l[i])))
            c = BAD;
        else if (c == SHORT) {
            int p = neighbour(r, i, -1, true), n = neighbour(r, i, 1, true);
            if (list_item_line(r, i) && (p == GOOD || n == GOOD || item_announced_amid_prose(r, i)))
                c = GOOD;
            else if (p == GOOD && n == GOOD)
                c = GOOD;
            else if (n >= NEAR && announces_prose(r, i))
                c = GOOD; /* "Sur les 136 tests réalisés :" under a box, over the findings */
            else if (n == GOOD && heading_under_stamp(r, i))
                c = GOOD; /* "30 min" ends a card: the heading under it is the text's */
            else if (n == GOOD && i > 0 && r->l[i - 1].meta && short_sentence(&r->l[i]) && titled_above(r, i - 1))
                c = GOOD; /* the article's first line, under its dateline ("Warning: spoilers.") */
            else if (n == GOOD && i > 0 && r->l[i - 1].meta && heading_under_dateline(r, i))
                c = GOOD; /* the first sub-heading, the chapo over the dateline */
            else if (p == GOOD && i > 0 && r->l[i - 1].cls == GOOD && i + 1 < r->n && r->l[i + 1].end &&
                     short_sentence(&r->l[i]) && r->l[i].stops >= NEAR_STOPS)
                c = GOOD; /* its last line, over the end marker ("Les plus lus") */
            else if ((p == BAD && neighbour(r, i, -1, false) == NEAR) ||
                     (n == BAD && neighbour(r, i, 1, false) == NEAR))
                c = p == GOOD || n == GOOD ? GOOD : BAD;
            else
                c = BAD;
        } else if (c == NEAR) {
            int p = neighbour(r, i, -1, true), n = neighbour(r, i, 1, true);
            bool item = list_item_line(r, i) && item_announced_amid_prose(r, i);
            c = p == BAD && n == BAD && !item ? BAD : GOOD;
        }
        next[i] = c;
    }
    for (size_t i = 0; i < r->n; i++)
        r->l[i].cls = next[i];
    free(next);
}

/* Lists amid the prose, judged on the lines' own classes, before runs of
 * short lines (the list's label, the buttons under it) are made furniture:
 * their items are the article's. */
/* neighbour(i, -1, true) and neighbour(i, +1, true) for every line, in
 * two sweeps: a copy of many short lists would cost a scan each. */
static void neighbours_of_all(const reader *r, int *up, int *down)
{
    int last = BAD;
    for (size_t i = 0; i < r->n; i++) {
        up[i] = last;
        if (!transparent(r, i, true))
            last = r->l[i].cls == NEAR ? NEAR : r->l[i].cls;
    }
    last = BAD;
    for (size_t i = r->n; i-- > 0;) {
        down[i] = last;
        if (!transparent(r, i, true))
            last = r->l[i].cls == NEAR ? NEAR : r->l[i].cls;
    }
}

/* Groups of a chain of labelled lists, items of them, and words an item
 * says on average, at least. */
#define CHAIN_GROUPS 2
#define CHAIN_ITEMS 4
#define CHAIN_ITEM_WORDS 4

/* "Organisation opérationnelle", its bullets, "Actions prévues", its
 * bullets, "Calendrier", its bullets, between two paragraphs: lists under
 * labels, one after the other, whose items say something (four words
 * each on average; a menu's columns are links of a word or two). Each
 * list alone has only other lists beside it, not the prose that makes a
 * list the article's. Marks their items amid the prose; returns the line
 * after the chain, or from when there is none. */
static size_t mark_chain_of_lists(reader *r, size_t from, const int *up, const int *down)
{
    size_t k = from, groups = 0, items = 0, words = 0;
    while (k + 1 < r->n && list_label(&r->l[k]) && r->l[k + 1].bullet) {
        for (k++; k < r->n && r->l[k].bullet; k++)
            items++, words += r->l[k].words;
        groups++;
    }
    if (groups < CHAIN_GROUPS || items < CHAIN_ITEMS || words < CHAIN_ITEM_WORDS * items ||
        up[from] != GOOD || down[k - 1] != GOOD)
        return from;
    for (size_t j = from; j < k; j++)
        r->l[j].amid = r->l[j].bullet && !r->l[j].listed;
    return k;
}

static void mark_lists_amid_prose(reader *r)
{
    int *up = malloc((r->n + 1) * sizeof *up), *down = malloc((r->n + 1) * sizeof *down);
    if (!up || !down) {
        free(up), free(down);
        return; /* out of memory: no list is taken for the article's */
    }
    neighbours_of_all(r, up, down);
    for (size_t i = 0; i < r->n;) {
        if (!run_item(r, i, r->l[i].bullet)) {
            r->l[i++].amid = false;
            continue;
        }
        size_t worded, n = items_from(r, i, &worded);
        bool amid = list_amid_prose(r, i, n, worded, up, down);
        for (size_t k = i; k < i + n; k++)
            r->l[k].amid = amid && !r->l[k].listed;
        i += n;
    }
    for (size_t i = 0; i < r->n; i++) {
        size_t after = mark_chain_of_lists(r, i, up, down);
        i = after > i ? after - 1 : i;
    }
    free(up), free(down);
}

/* Items of a bulleted list at least, and the share of them in tenths
 * that must be furniture, for the rest to be too. */
#define LINK_LIST_ITEMS 6
#define LINK_LIST_BAD_TENTHS 8

/* A list of links set as bullets line under line (a blog's last posts,
 * forty questions of which two are long enough to read as prose) is
 * furniture as a whole: when most of its items are, and none is amid the
 * prose, the few that read as sentences are its links too. */
static void mark_link_lists(reader *r)
{
    for (size_t i = 0; i < r->n;) {
        size_t j = i, bad = 0;
        bool amid = false;
        while (j < r->n && r->l[j].bullet && (j == i || r->l[j].tight)) {
            bad += r->l[j].cls == BAD;
            amid |= r->l[j].amid;
            j++;
        }
        if (j - i >= LINK_LIST_ITEMS && !amid && bad * 10 >= (j - i) * LINK_LIST_BAD_TENTHS)
            for (size_t k = i; k < j; k++)
                r->l[k].cls = BAD, r->l[k].listed = true;
        i = j > i ? j : i + 1;
    }
}

/* Lines of a run of links that say one phrase again, at least, and
 * words of each at most. */
#define ECHO_RUN_LINES 3
#define ECHO_RUN_WORDS 15

/* The bytes of s's first three words and the space after them; 0 when s
 * has fewer. */
static size_t three_words_len(const char *s)
{
    const char *p = s;
    for (int k = 0; k < 3; k++) {
        p = strchr(p, ' ');
        if (!p)
            return 0;
        p++;
    }
    return (size_t)(p - s);
}

/* Does b say a's phrase again with its middle changed: the same first
 * three words and the same last one, no sentence? */
static bool echoes(const line *a, const line *b)
{
    size_t n = three_words_len(a->s);
    const char *ea = strrchr(a->s, ' '), *eb = strrchr(b->s, ' ');
    return n && a->words <= ECHO_RUN_WORDS && b->words <= ECHO_RUN_WORDS && !a->full_stop && !b->full_stop &&
           strncmp(a->s, b->s, n) == 0 && ea && eb && strcmp(ea, eb) == 0 && strcmp(a->s, b->s) != 0;
}

/* "Aller à la page Nous suivre sur LinkedIn - CIRAD", "… sur Facebook -
 * CIRAD": links line under line that say one phrase again with a name
 * changed are a menu, however many function words it has. The items of
 * an article's list change more than a name ("1 cuillère à soupe de
 * sucre", "… de sel": another last word). */
static void mark_echoing_links(reader *r)
{
    for (size_t i = 0; i < r->n;) {
        size_t j = i + 1;
        while (j < r->n && r->l[j].tight && echoes(&r->l[i], &r->l[j]))
            j++;
        if (j - i >= ECHO_RUN_LINES)
            for (size_t k = i; k < j; k++)
                r->l[k].cls = BAD, r->l[k].listed = true;
        i = j;
    }
}

/* A live post: its time and headline over its text. */
static void live_post_headings(reader *r)
{
    for (size_t i = 0; i + 1 < r->n; i++)
        /* a headline's share of function words is low: only furniture
         * (a credit, a dateline, a boilerplate line) is no post's heading */
        if (r->l[i].stamped && !r->l[i].drop && !r->l[i].meta && !r->l[i].credit_in &&
            r->l[i].len < 200 && r->l[i + 1].cls == GOOD &&
            !r->l[i + 1].stamped && text_over_list(r, i + 1) == i) /* no video's length over a list */
            r->l[i].cls = GOOD;
}

void text_smooth(reader *r)
{
    drop_embedded_posts(r);
    links_under_see_also(r);
    links_between_paragraphs(r);
    mark_echoing_links(r); /* before the lists amid prose: a menu is none */
    mark_lists_amid_prose(r);
    mark_runs(r, ticker_line, false, false);
    mark_tight_tickers(r);
    mark_runs(r, short_run_line, false, true);
    mark_runs(r, headline_run_line, true, false);
    mark_link_lists(r);
    by_neighbours(r);
    labelled_pairs(r);
    labelled_runs(r);
    live_post_headings(r);
}
