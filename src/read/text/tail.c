/* What the stretch took in under the article and is the page's: a box after
 * it, the agency's signature and what follows, a live page's own blocks,
 * teasers, a blurb. */
#include "text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* "AFP" alone under the last paragraph: the agency signs the article
 * (a bare credit line, after a strong run of prose and a paragraph that
 * ends). When no good line comes within the next three (share buttons
 * and the credit given twice aside), what follows is the page's (a
 * newsletter box, a ticker), not more article: a credit under a picture
 * inside the article has prose right after its caption. */
static void end_at_signature(reader *r)
{
    size_t words = 0;
    for (size_t i = r->body; i < r->stop; i++) {
        const line *l = &r->l[i];
        if (i > r->body && l->credit && l->words <= 3 && words >= STRONG_RUN &&
            r->l[i - 1].cls == GOOD && r->l[i - 1].full_stop) {
            /* the share buttons under a picture, and the credit given
             * twice, do not count among the three */
            bool more = false;
            for (size_t j = i + 1, seen = 0; j < r->n && seen < 3 && !more; j++) {
                const line *m = &r->l[j];
                if (m->drop || (m->len == l->len && memcmp(m->s, l->s, l->len) == 0))
                    continue;
                more = m->cls == GOOD;
                seen++;
            }
            if (!more) {
                r->stop = i;
                return;
            }
        }
        words += l->cls == GOOD ? l->words : 0;
    }
}

/* In a live page every post opens on its time. After the last post's
 * text, a heading without a time is no post's: the page's own blocks
 * (an offer, "Nos vidéos" and their teasers) begin there. */
static void end_live(reader *r)
{
    size_t posts = 0, last = 0;
    for (size_t i = r->body; i < r->stop; i++)
        if (r->l[i].stamped && !r->l[i].full_stop && r->l[i].len < 200)
            posts++, last = i;
    if (posts < 3)
        return;
    for (size_t i = last + 2; i < r->stop; i++) {
        const line *l = &r->l[i];
        char c = l->s[l->len - 1];
        /* a short quote closing the post is no heading */
        if (l->cls == GOOD && l->own != GOOD && !l->stamped && l->len >= 2 && l->words <= 12 &&
            !l->bullet && !strchr(".,;:\"", c) && memcmp(l->s + l->len - 2, "\xC2\xBB", 2) != 0 &&
            r->l[i - 1].cls == GOOD) {
            r->stop = i;
            return;
        }
    }
}

/* Lines and prose words of one teaser in a list of them. */
#define TEASER_LINES 5
#define TEASER_WORDS 60

/* Ends the stretch above line i, on its last line of prose. */
static void stop_before(reader *r, size_t i)
{
    r->stop = i;
    while (r->stop > r->body && r->l[r->stop - 1].cls != GOOD)
        r->stop--;
}

/* Teasers of other articles under the article, each a date alone on its
 * line, perhaps a rubric, a headline and a sentence or two: the item that
 * starts at the dateline i, or 0 when what follows i is not one. Returns
 * the next item's dateline, or the end of the stretch. */
static size_t teaser_end(const reader *r, size_t i)
{
    bool headline = false;
    size_t words = 0, k = i + 1;
    for (; k < r->stop && k <= i + TEASER_LINES && !r->l[k].meta; k++) {
        const line *l = &r->l[k];
        headline |= !l->full_stop && !l->bullet && !l->stamped && l->words >= 4 && l->words <= 20;
        words += l->cls == GOOD ? l->words : 0;
    }
    bool next = k < r->stop && r->l[k].meta;
    return headline && words <= TEASER_WORDS && (next || k == r->stop) ? k : 0;
}

/* A list of teasers under the article ("07.04.17 / Diplomatie / Des
 * frappes qui rebattent les cartes en Asie / Jugé «imprévisible», …")
 * scores like prose, headline and sentence by sentence. Three items or
 * more, each opening on a bare date, after a strong run of prose, end the
 * stretch at the first one; in an article, a date alone on its line over
 * a headline comes back once, not item after item. */
static void end_teasers(reader *r)
{
    size_t words = 0;
    for (size_t i = r->body; i < r->stop; i++) {
        const line *l = &r->l[i];
        if (l->meta && l->words <= 4 && words >= STRONG_RUN) {
            size_t items = 0;
            for (size_t k = i; k < r->stop && r->l[k].meta && r->l[k].words <= 4;) {
                size_t next = teaser_end(r, k);
                if (!next)
                    break;
                items++, k = next;
            }
            if (items >= 3) {
                stop_before(r, i);
                return;
            }
        }
        words += l->cls == GOOD ? l->words : 0;
    }
}

/* Excerpts cut short in a run to the end of the stretch, at least, for
 * the run to end the article; lines over the first that are its headline
 * or the list's label, at most; words of one. */
#define CUT_TEASER_RUN 3
#define CUT_TEASER_HEAD_LINES 2
#define CUT_TEASER_HEAD_WORDS 12

/* Other stories listed under the article, each a headline and an
 * excerpt cut where its link was ("… produit d'une collaboration entre
 * (...)"), three or more (two under their dates) and half the prose
 * under the first of them or more: the stretch ends over the first, its
 * headline and the list's label ("Plus d'informations sur :"). */
static void end_cut_teasers(reader *r)
{
    size_t first = r->stop, cut = 0, dated = 0, good = 0, prose = 0; /* prose: the words above i */
    for (size_t i = r->body; i < r->stop; i++) {
        const line *l = &r->l[i];
        bool is_cut = l->cls == GOOD && ends_on_cut_mark(l->s, l->len);
        if (is_cut && first == r->stop && prose >= MIN_ARTICLE_WORDS)
            first = i; /* an article's worth of prose above it */
        if (first < r->stop) {
            cut += is_cut;
            dated += is_cut && r->l[i - 1].meta; /* "30 déc 2016" over "Avec les fêtes… (...)" */
            good += l->cls == GOOD;
        }
        prose += l->cls == GOOD ? l->words : 0;
    }
    /* two will do when each sits under its date, as no paragraph does */
    bool run = cut >= CUT_TEASER_RUN || (cut >= 2 && dated == cut);
    if (!run || cut * 2 < good)
        return;
    for (size_t k = 0; k < CUT_TEASER_HEAD_LINES && first > r->body + 1; k++) {
        const line *h = &r->l[first - 1];
        if (h->full_stop || h->words > CUT_TEASER_HEAD_WORDS)
            break;
        first--;
    }
    stop_before(r, first);
}

/* Pairs of a headline and its excerpt in a row at the stretch's end, at
 * least; words of an excerpt and of a headline, at most; excerpts whose
 * headline the copy lost, over the pairs, at most; lines of the box of
 * other teasers over the list's label, at most. */
#define TEASER_PAIRS 3
#define TEASER_EXCERPT_WORDS 45
#define TEASER_HEADLINE_WORDS 15
#define TEASER_LOST_HEADLINES 2
#define TEASER_BOX_LINES 5

/* A teaser's headline: a phrase, no full stop nor question (an
 * interview's question or a heading over its short answer is the
 * article's), no label's colon at its end. */
static bool teaser_headline(const line *l)
{
    char last = l->len ? l->s[l->len - 1] : '\0';
    return l->words >= 2 && l->words <= TEASER_HEADLINE_WORDS && last != '.' && last != '?' && last != ':' &&
           !l->meta && !l->drop && !l->bullet && !l->credit_in;
}

static bool teaser_excerpt(const line *l)
{
    return l->cls == GOOD && l->own >= NEAR && l->words <= TEASER_EXCERPT_WORDS && !l->bullet;
}

/* A list's label over teasers: "Articles de la catégorie Féminisme", a
 * dropped line, a few words with no full stop. */
static bool teaser_label(const line *l)
{
    return l->drop || (l->words <= RELATED_LABEL_WORDS && !l->full_stop && !l->meta);
}

/* "Articles de la catégorie Féminisme" over five teasers (a headline, an
 * excerpt of two sentences), the last one perhaps the article's own: a
 * list of other articles the stretch took in, whose excerpts read as
 * prose. Three pairs or more at the end, under a label, where the prose
 * above is twice as long, end the article over the label, and
 * over a box of teasers right above it ("Vidéos de la catégorie…"). */
static void end_teaser_pairs(reader *r)
{
    size_t k = r->stop, pairs = 0, teased = 0;
    while (k >= r->body + 2 && teaser_excerpt(&r->l[k - 1]) && teaser_headline(&r->l[k - 2]))
        teased += r->l[k - 1].words + r->l[k - 2].words, pairs++, k -= 2;
    for (size_t lost = 0; lost < TEASER_LOST_HEADLINES && k > r->body && teaser_excerpt(&r->l[k - 1]); lost++)
        teased += r->l[--k].words;
    if (pairs < TEASER_PAIRS || k <= r->body + 1 || !teaser_label(&r->l[k - 1]))
        return;
    size_t above = 0;
    for (size_t i = r->body; i + 1 < k; i++)
        above += r->l[i].cls == GOOD ? r->l[i].words : 0;
    if (above < 2 * teased)
        return;
    size_t label = k - 1;
    for (size_t i = label; i > r->body && label - i < TEASER_BOX_LINES; i--) {
        const line *l = &r->l[i - 1];
        if (l->drop && !l->full_stop) {
            label = i - 1; /* "Vidéos de la catégorie Féminisme" over two clips */
            break;
        }
        if (l->words > TEASER_HEADLINE_WORDS + 5 || (l->full_stop && l->words > TEASER_HEADLINE_WORDS))
            break; /* a paragraph: the box's headlines are short, an exclamation maybe */
    }
    stop_before(r, label);
}

/* Items of a list of other posts, at least. */
#define DATED_LINKS 2

/* Whether line l is an item of such a list: a headline with a bullet,
 * ending on its date ("• Ne passons pas à côté des choses simples 2
 * octobre 2016"). */
static bool dated_link(const reader *r, const line *l)
{
    return l->bullet && !l->full_stop && l->words <= TEASER_HEADLINE_WORDS + 4 && text_ends_on_date(r, l);
}

/* "Articles récents" over a list of headlines, each ending on its date:
 * a blog's list of its other posts that the stretch took in, in part or
 * whole, under a strong run of prose. The article ends over the label; a
 * chronology in an article opens its items on their dates. */
static void end_at_dated_links(reader *r)
{
    size_t k = r->stop, items = 0;
    while (k > r->body + 1 && dated_link(r, &r->l[k - 1]))
        k--, items++;
    for (size_t j = r->stop; j < r->n && dated_link(r, &r->l[j]); j++)
        items++;
    if (items < DATED_LINKS || k == r->stop || !teaser_label(&r->l[k - 1]) || r->l[k - 1].bullet ||
        text_prose_words(r, r->body, k - 1) < STRONG_RUN)
        return;
    stop_before(r, k - 1);
}

/* Words of an author's biography under the article, at most. */
#define AUTHOR_BIO_WORDS 100

/* "Publié par" / "Franck" / "Développeur frontend, je travaille…": the
 * author box under a blog's post, a byline with no date over a name alone
 * and a short biography, the last of the stretch under much more prose.
 * The article ends over it. */
static void end_at_author_box(reader *r)
{
    size_t k = r->stop, bio = 0;
    while (k > r->body && r->l[k - 1].cls == GOOD && bio + r->l[k - 1].words <= AUTHOR_BIO_WORDS)
        bio += r->l[--k].words;
    if (!bio || k < r->body + 3)
        return;
    const line *name = &r->l[k - 1], *by = &r->l[k - 2];
    if (!by->meta || by->words > 3 || strpbrk(by->s, "0123456789") || name->words > 3 || name->full_stop ||
        name->meta || !latin_capital_at(name->s))
        return; /* "Publié par" over "Franck": a name, perhaps a first name alone */
    size_t above = 0;
    for (size_t i = r->body; i < k - 2; i++)
        above += r->l[i].cls == GOOD ? r->l[i].words : 0;
    if (above >= 3 * bio)
        stop_before(r, k - 2);
}

/* Lines of a post's text, of buttons under it and of its name and labels
 * over it, at most; lines looked at around a button for its repeats. */
#define POST_LINES 3
#define POST_BUTTONS 3
#define POST_NAME_LINES 3
#define POSTS_SPAN 80

/* Words of a post's name line at most ("Lisa @ Healthy Nibbles & Bits
 * says:": a name and a blog's); 40 characters. */
#define POST_NAME_WORDS 7

/* The name over a post: a short line, a name or a handle ("Jean-Pierre
 * D.", "marie_l"), perhaps an item of the list of posts ("1. Kathleen
 * says:", "• Maggie says:": a copy numbers an <ol>'s items and bullets a
 * reply's). */
static bool post_name(const line *l)
{
    if (l->own == GOOD || l->meta || l->drop || l->end || !l->words || l->words > POST_NAME_WORDS ||
        l->len > 40)
        return false;
    /* "Bernard K." ends on an initial; "X contributed reporting." is a sentence */
    return !l->full_stop || (l->len >= 3 && l->s[l->len - 3] == ' ' && isupper((unsigned char)l->s[l->len - 2]));
}

/* A name and a date on one line: "Bernard K. - 13/12/2016 18:02". */
static bool name_and_date(const line *l)
{
    return l->named && l->meta && l->words <= 8; /* an embedded post's signature loses meta */
}

/* When a post was written: a date ("14 mars 2022 à 10h12", "il y a 2
 * heures"), or a few words around a number ("2 hours ago"; a handle,
 * "adam40", is a name). */
static bool post_time(const line *l)
{
    if (l->meta && l->words <= 8)
        return true;
    if (l->words < 2 || l->words > 4 || l->full_stop)
        return false;
    for (const char *p = l->s; *p;) { /* a number standing alone: not "adam40" */
        size_t n = strcspn(p, " ");
        /* not an identifier either ("Réf. : 972331", "ID: 9724233") */
        if (n && strspn(p, "0123456789:.h") == n && isdigit((unsigned char)*p) && (n <= 4 || strspn(p, "0123456789") < n))
            return true;
        p += n;
        p += *p == ' ';
    }
    return false;
}

/* A button under posts ("Répondre", "J'aime", "Signaler"): a word or two
 * that the list of posts repeats ("12 commentaires" over them is no
 * button: it comes once). */
static bool post_button(const reader *r, size_t k, size_t to)
{
    const line *l = &r->l[k];
    if (l->own == GOOD || l->meta || l->words > 2 || l->len > 20)
        return false;
    /* a repeated line over text is a post's name ("Maggie says:", who
     * answers each reader), not a button */
    if (k + 1 < to && r->l[k + 1].own == GOOD)
        return false;
    for (size_t j = k + 1; j < to && j < k + POSTS_SPAN; j++)
        if (strcmp(r->l[j].s, l->s) == 0)
            return true;
    for (size_t j = k; j > 0 && j + POSTS_SPAN > k; j--)
        if (strcmp(r->l[j - 1].s, l->s) == 0)
            return true;
    return false;
}

/* The post that opens at line i (its name, perhaps its time, its text,
 * perhaps buttons): returns the line after it, 0 when none opens there.
 * *signed_ says that something besides the name marks it as a post. */
static size_t read_post(const reader *r, size_t i, size_t to, bool *signed_)
{
    if (i + 1 >= to || !(post_name(&r->l[i]) || name_and_date(&r->l[i])) || post_button(r, i, to))
        return 0;
    size_t k = i;
    /* the name, perhaps with labels around it ("Nick / adam40 / Data dodania") */
    while (k + 1 < to && k < i + POST_NAME_LINES && post_name(&r->l[k]) && !post_time(&r->l[k]) &&
           post_name(&r->l[k + 1]) && !post_time(&r->l[k + 1]))
        k++;
    bool timed = name_and_date(&r->l[k]);
    k++;
    if (!timed && k < to && post_time(&r->l[k]))
        timed = true, k++;
    size_t text = 0, buttons = 0;
    /* smoothing may have made a button under the text ("Reply") good */
    for (; k < to && text < POST_LINES && !r->l[k].meta && !r->l[k].drop && !r->l[k].end &&
           (r->l[k].cls == GOOD || r->l[k].words >= 5) && !(text && post_button(r, k, to));
         k++)
        text++;
    for (; text && k < to && buttons < POST_BUTTONS && post_button(r, k, to); k++)
        buttons++;
    *signed_ = timed || buttons;
    return text ? k : 0;
}

/* Reader comments that no cue announces ("Réactions", "12 Comments"):
 * two posts or more under a strong run of prose (or, ending the stretch,
 * under half as much), each a name over its
 * text, each signed by a time or by buttons the posts repeat. The article
 * ended above the first name. Sub-headings over paragraphs have no time
 * nor buttons. Under comments, the stretch may still hold a form's note
 * or a disclaimer, but little: embedded posts have the article's prose
 * after them, a paragraph or more. */
static void end_posts(reader *r)
{
    size_t words = 0;
    for (size_t i = r->body; i < r->stop; i++) {
        if (words >= STRONG_RUN / 2 && (post_name(&r->l[i]) || name_and_date(&r->l[i]))) {
            size_t k = i, posts = 0, e;
            bool one;
            while ((e = read_post(r, k, r->n, &one)) != 0 && one) /* the list ends on an unsigned one */
                posts++, k = e;
            size_t in_posts = text_prose_words(r, i, k), after = k < r->stop ? text_prose_words(r, k, r->stop) : 0;
            /* under a short piece, the posts must end the stretch */
            if (posts >= 2 && after * 3 < in_posts && after < STRONG_RUN / 2 && (words >= STRONG_RUN || !after)) {
#ifdef TEXT_DEBUG
                fprintf(stderr, "posts from %zu: %zu\n", i, posts);
#endif
                stop_before(r, i);
                return;
            }
        }
        words += r->l[i].cls == GOOD ? r->l[i].words : 0;
    }
}

/* Prose words after a "Lire aussi" heading beyond which it is no box of
 * teasers: the article goes on under it. */
#define SEE_ALSO_TAIL 80

/* "À lire aussi" alone on its line under a strong run of prose, and
 * nothing under it but teasers (headlines, and sentences of 40 words at
 * most, 80 in all, no two in a row): the article ended above it. Inside
 * an article, the box holds a link or two and the prose goes on. */
static void end_at_see_also(reader *r)
{
    size_t words = 0;
    for (size_t i = r->body; i < r->stop; i++) {
        const line *l = &r->l[i];
        if (words >= STRONG_RUN && l->len <= 40 && l->own != GOOD &&
            (cue_word_nocase(&r->cues.post_nav, l->s, l->len) /* "Précédent" */ || text_announces_link(r, l->s))) {
            size_t tail = 0, longest = 0;
            bool in_row = false; /* two paragraphs in a row: prose, where teasers alternate with headlines */
            for (size_t k = i + 1; k < r->stop; k++)
                if (r->l[k].cls == GOOD && r->l[k].full_stop) { /* headlines aside */
                    tail += r->l[k].words;
                    longest = r->l[k].words > longest ? r->l[k].words : longest;
                    in_row |= r->l[k - 1].cls == GOOD && r->l[k - 1].full_stop && k > i + 1;
                }
            if (tail <= SEE_ALSO_TAIL && longest <= 40 && !in_row) {
                stop_before(r, i);
                return;
            }
        }
        words += l->cls == GOOD ? l->words : 0;
    }
}

/* A blurb glued under the article ("…Profitez de nos offres…") talks
 * like the furniture under it, not like the article: its long words come
 * back in the lines below and nowhere in the prose above. */
static void drop_last_blurb(reader *r)
{
    size_t i = r->stop ? r->stop - 1 : 0;
    if (r->stop < r->body + 4 || r->l[i].words > 30 || r->l[i].cls != GOOD)
        return;
    size_t below = r->stop + 8 < r->n ? r->stop + 8 : r->n;
    if (text_stems_in(r, i, r->stop, below, 7, NULL) >= 3 && text_stems_in(r, i, r->body, i, 7, NULL) == 0)
        r->stop = i;
}

/* Bytes of a site's name in its copyright notice at most. */
#define SITE_NAME_MAX 60

/* The site's name as its copyright notice gives it ("© 2026 L'Écho des
 * Vallées", "Copyright 2025 Le Courrier"), in *len, or NULL: the notice
 * is a short line under the stretch. */
static const char *noticed_name(const reader *r, size_t *len)
{
    for (size_t i = r->stop; i < r->n; i++) {
        const char *s = r->l[i].s, *p = strstr(s, "\xC2\xA9");
        p = p ? p + 2 : strncasecmp(s, "copyright", 9) == 0 ? s + 9 : NULL;
        if (!p || r->l[i].len > 120)
            continue;
        while (*p == ' ' || isdigit((unsigned char)*p) || *p == '-')
            p++;
        size_t n = strcspn(p, ".|,\xC2");
        while (n && p[n - 1] == ' ')
            n--;
        if (n >= 4 && n <= SITE_NAME_MAX && latin_capital_at(p)) {
            *len = n;
            return p;
        }
    }
    return NULL;
}

/* "L'Écho des Vallées, quotidien régional fondé en 1946…", "Le Courrier
 * est un journal…": a paragraph near the article's end that opens on the
 * site's name, as its copyright notice gives it, then a comma or "est",
 * tells of the site, not of the story; so does all under it
 * ("Abonnez-vous pour soutenir…"). An article names its own paper so
 * rarely, and not after a strong run, with more than it has left to say. */
static void end_at_site_blurb(reader *r)
{
    size_t n, words = 0;
    const char *name = noticed_name(r, &n);
    for (size_t i = r->body; name && i < r->stop; i++) {
        const line *l = &r->l[i];
        /* "Mashable: Unlike with Twitter…" is the interviewer's label */
        if (words >= STRONG_RUN && l->cls == GOOD && l->len > n + 4 && strncmp(l->s, name, n) == 0 &&
            (l->s[n] == ',' || str_starts_with(l->s + n, " est ") || str_starts_with(l->s + n, " is ")) &&
            text_prose_words(r, i, r->stop) < words) {
            stop_before(r, i);
            return;
        }
        words += l->cls == GOOD ? l->words : 0;
    }
}

/* Words of a call to action's button, at most, and of its pitch. */
#define ACTION_BUTTON_WORDS 7
#define ACTION_PITCH_WORDS 40
#define ACTION_HEADING_WORDS 10

/* Whether the n bytes at w are a French verb as a button gives it: an
 * infinitive ("Découvrir", "Voir", "Vérifier") or an imperative
 * ("Essayez"). */
static bool button_verb(const char *w, size_t n)
{
    if (n < 4)
        return false;
    const char *e = w + n - 2;
    return !strncmp(e, "er", 2) || !strncmp(e, "ir", 2) || !strncmp(e, "re", 2) || !strncmp(e, "ez", 2);
}

/* "Voir les dates des ateliers", "Découvrir Au-delà des Dys": a button's
 * label, a verb and a few words, no stop; a share button is dropped
 * before this. */
static bool action_button(const line *l)
{
    return l->cls != GOOD && !l->drop && !l->end && l->words >= 2 && l->words <= ACTION_BUTTON_WORDS &&
           !l->full_stop && button_verb(l->s, strcspn(l->s, " "));
}

/* Whether the words of line l speak to the reader ("vous", "votre") or
 * name the site as its copyright notice does. */
static bool speaks_for_site(const reader *r, const line *l)
{
    size_t n;
    const char *name = noticed_name(r, &n);
    if (name && n >= 4 && memmem(l->s, l->len, name, n))
        return true;
    for (const char *p = l->s; *p; p += strcspn(p, " ") + (p[strcspn(p, " ")] != '\0')) {
        size_t k = strcspn(p, " ,.;:!?");
        if ((k == 4 && !strncasecmp(p, "vous", 4)) || (k == 5 && !strncasecmp(p, "votre", 5)) ||
            (k == 3 && !strncasecmp(p, "vos", 3)))
            return true;
    }
    return false;
}

/* "Envie d'essayer avec nous ?" / "Venez réparer votre vélo avec les
 * bénévoles des Rayons du quartier…" / "Voir les dates des ateliers": the
 * site's call to act, a heading, a short pitch that speaks to the reader
 * or names the site, and a button under it, the last of the stretch
 * after a strong run of prose. The article ends over its heading; an
 * article's last section has no button under it. */
static void end_at_call_to_action(reader *r)
{
    size_t k = r->stop;
    while (k > r->body && r->l[k - 1].cls != GOOD)
        k--;
    if (k < r->body + 3 || k >= r->n || !action_button(&r->l[k]))
        return;
    const line *pitch = &r->l[k - 1], *head = &r->l[k - 2];
    char last = head->len ? head->s[head->len - 1] : '\0';
    if (!pitch->full_stop || pitch->words > ACTION_PITCH_WORDS || !speaks_for_site(r, pitch) ||
        head->words > ACTION_HEADING_WORDS || last == '.' || head->bullet || head->meta ||
        text_prose_words(r, r->body, k - 2) < STRONG_RUN)
        return;
    stop_before(r, k - 2);
}

/* "Ville de Saint-Aubin-sur-Loire" alone under the article's last
 * paragraph: the heading of the site's footer, its name as the copyright
 * notice gives it; the article never ends on its publisher's name. */
static void drop_site_name(reader *r)
{
    size_t n, last = r->stop;
    const char *name = noticed_name(r, &n);
    while (last > r->body && r->l[last - 1].cls != GOOD)
        last--;
    if (name && last > r->body + 1 && r->l[last - 1].len == n && strncmp(r->l[last - 1].s, name, n) == 0)
        stop_before(r, last - 1);
}

/* A box after the article's end (opening hours, an address, a contact
 * under a share bar) can outscore the furniture that parts it from the
 * article, so the stretch takes it in. What gives it away: a run of
 * furniture with a real piece of furniture in it (a share bar, a link
 * list) ends on a box heading, and what follows is little and not all
 * prose (an address, a line of hours), where an article's last
 * paragraphs are sentences. */
static void drop_box(reader *r)
{
    size_t tail = r->stop;
    while (tail > r->body && text_line_score(&r->l[tail - 1]) >= 0)
        tail--;
    size_t gap = tail;
    while (gap > r->body && text_line_score(&r->l[gap - 1]) < 0)
        gap--;
    if (gap <= r->body || tail - gap < 2 || tail == r->stop)
        return;
    const line *head = &r->l[tail - 1];
    if (head->own == BAD || head->full_stop || head->len >= 80 || head->bullet || head->pitch)
        return; /* no heading over it: an ad line, a share bar or a sign-up box's button inside the body */
    if (text_announces_list(r, tail - 1))
        return; /* "The plan includes:" over its items: the body's list */
    bool furniture = false;
    for (size_t i = gap; i + 1 < tail; i++)
        furniture |= r->l[i].own == BAD && !r->l[i].meta && !r->l[i].picture; /* a screenshot's file name is the article's picture */
    size_t above = 0, words = 0;
    bool prose_only = true;
    for (size_t i = r->body; i < gap; i++)
        above += r->l[i].cls == GOOD ? r->l[i].words : 0;
    for (size_t i = tail; i < r->stop; i++) {
        const line *l = &r->l[i];
        if (l->cls != GOOD)
            continue;
        words += l->words;
        prose_only &= l->own >= NEAR && l->full_stop && l->words <= 30; /* "À très bientôt !" too */
        if (l->words > 30)
            return; /* a paragraph of its own: the article goes on */
    }
    /* the box may go on past the stretch: an address, a phone number;
     * not past an end marker ("2 commentaires"), under which is the page's */
    for (size_t i = r->stop; i < r->n && i < r->stop + 2 && r->l[i].own != GOOD && !r->l[i].end; i++)
        prose_only &= r->l[i].own == BAD || r->l[i].full_stop || r->l[i].drop;
    if (furniture && !prose_only && words <= 40 && words * 3 < above)
        r->stop = gap;
}

/* Lines of a run of tags at least ("histoire", "physique", "lumière"),
 * and prose words under them that are still the page's, at most. */
#define TAG_LINES 4
#define UNDER_TAGS_WORDS 80

/* Whether line i is a tag: a word or two, no sign; one word alone
 * with a bullet (Firefox gives a tag list its bullets; a list of the
 * article names things in more words). */
static bool tag_line(const line *l)
{
    return l->words >= 1 && l->words <= (l->bullet ? 1u : 2u) && !l->meta && !l->sentence && l->own != GOOD &&
           !strpbrk(l->s, ":,;!?()|0123456789");
}

/* A page lists its tags under the article ("histoire", "physique",
 * "lumière", "épistémologie", a line each): a box the stretch took in
 * below them ("Notre audience", two sentences) is the page's, when it is
 * little beside the prose above. */
static void end_at_tags(reader *r)
{
    size_t above = 0;
    for (size_t i = r->body; i + TAG_LINES <= r->stop; i++) {
        above += r->l[i].cls == GOOD ? r->l[i].words : 0;
        size_t run = 0;
        while (i + run < r->stop && tag_line(&r->l[i + run]))
            run++;
        if (run < TAG_LINES || !above)
            continue;
        size_t below = 0;
        for (size_t k = i + run; k < r->stop; k++)
            below += r->l[k].cls == GOOD ? r->l[k].words : 0;
        if (below <= UNDER_TAGS_WORDS && below * 3 < above)
            stop_before(r, i);
        return;
    }
}

/* Lines of [from, to), not page furniture, that the page shows again
 * under the stretch. A bulleted list of links inside the part ("Related")
 * may come back in a "most read" list: that is the box's, not the part's;
 * teasers are headlines set as paragraphs. A line the stretch gives twice
 * up to the part's end is a button under each of its pictures ("View
 * this image ›") or the footer of each of its cards ("Did you make this
 * recipe?"), not a headline. */
static size_t shown_below(const reader *r, const seen_set *below, size_t from, size_t to, size_t *first)
{
    seen_set part = {0}, twice = {0};
    for (size_t k = r->body; k < to; k++) {
        uint64_t h = text_hash_block(r->l[k].s);
        if (seen_set_add(&part, h))
            seen_set_add(&twice, h);
    }
    size_t again = 0;
    *first = to;
    for (size_t k = from; k < to; k++) {
        const line *l = &r->l[k];
        uint64_t h = text_hash_block(l->s);
        bool shown = !l->bullet && l->words >= 4 && !l->drop && !l->meta && !l->credit_in && !l->end &&
                     !(l->full_stop && l->words > TEASER_SENTENCE_WORDS) &&
                     seen_set_has(below, h) && !seen_set_has(&twice, h);
        if (shown && !again)
            *first = k;
        again += shown;
    }
    seen_set_free(&part);
    seen_set_free(&twice);
    return again;
}

/* Words of prose a part gives before its teasers to be the article's. */
#define OWN_PROSE_WORDS 50

/* Lines of a part for each headline in it, at least, for the part to be
 * prose: a box of teasers alternates a picture's text and a headline. */
#define LINES_A_HEADLINE 4

/* Is [from, to) prose of its own: sentences, and few headlines among
 * them? A guide's sections ("Les principaux risques…" over its points)
 * have one now and then; a box of teasers one line in two. */
static bool own_prose(const reader *r, size_t from, size_t to)
{
    size_t headlines = 0;
    for (size_t k = from; k < to; k++)
        headlines += r->l[k].cls == GOOD && !r->l[k].full_stop && r->l[k].words >= 4 && text_title_like(&r->l[k]);
    return headlines * LINES_A_HEADLINE < to - from && text_prose_words(r, from, to) >= OWN_PROSE_WORDS;
}

/* A box of teasers under the article ("À la une": a picture's text, a
 * headline, again and again) reads like prose line by line, but its
 * headlines come back further down the page (a "most read" list), where
 * an article's own lines do not. After a strong run of prose, a part set
 * off by a gap of furniture, with two lines or more that the page shows
 * again under the stretch, ends the article before the gap. */
static void end_before_repeated(reader *r)
{
    seen_set below = {0};
    for (size_t i = r->stop; i < r->n; i++)
        if (r->l[i].words >= 4)
            seen_set_add(&below, text_hash_block(r->l[i].s));
    size_t words = 0, gap = 0, gap_at = 0;
    for (size_t i = r->body; i < r->stop; i++) {
        /* a list amid the prose (ingredients) parts the story from the
         * method as furniture would */
        if (r->l[i].cls != GOOD || r->l[i].amid) {
            if (!gap++)
                gap_at = i;
            continue;
        }
        if (gap >= BOX_GAP && words >= STRONG_RUN) {
            size_t end = i, run = 0; /* the part: up to the next gap */
            for (; end < r->stop && run < BOX_GAP; end++)
                run = r->l[end].cls == GOOD ? 0 : run + 1;
            size_t first;
            if (shown_below(r, &below, i, end, &first) >= 2) {
                /* a part that opens on prose of its own (a recipe's method)
                 * before its teasers ("If you liked this post…") is the
                 * article's up to them */
                stop_before(r, own_prose(r, i, first) ? first : gap_at);
                break;
            }
        }
        gap = 0;
        words += r->l[i].words;
    }
    seen_set_free(&below);
}

/* Words at most of a last line that ends on a colon and is dropped. */
#define DANGLING_COLON_WORDS 8

/* "Stéphanie MANSUY :", "Pour en savoir plus :" as the article's last
 * line: a colon announces what the page gave elsewhere (a signature's
 * contact, a list of links), never the end of an article. */
static void drop_dangling_colon(reader *r)
{
    if (r->stop <= r->body + 1)
        return;
    const line *l = &r->l[r->stop - 1]; /* its ends trimmed (squash_into) */
    if (l->len && l->s[l->len - 1] == ':' && l->words <= DANGLING_COLON_WORDS)
        stop_before(r, r->stop - 1);
}

/* Each cut may shorten the stretch the next one sees: the order is the
 * one the copies were tuned with. */
void text_cut_tail(reader *r)
{
    drop_box(r);
    end_at_tags(r);
    end_at_signature(r);
    end_live(r);
    end_teasers(r);
    end_cut_teasers(r);
    end_teaser_pairs(r);
    end_at_dated_links(r);
    end_at_author_box(r);
    end_posts(r);
    end_at_see_also(r);
    end_before_repeated(r);
    end_at_site_blurb(r);
    end_at_call_to_action(r);
    drop_site_name(r);
    drop_last_blurb(r);
    drop_dangling_colon(r);
}
