/* The walk of the article's containers: blocks (paragraphs, headings,
 * quotes, list items, captions, tables) built from the elements met, text
 * loose between blocks gathered into runs, each block judged (furniture,
 * the header again, a repeat) before it is added; reading stops at the
 * paywall or an end phrase. */
#include "html.h"
#include "read/dateline.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static bool at_paywall(body_walk *w, xmlNodePtr n)
{
    if (!selector_list_matches(n, w->rules->cut_list) &&
        !selector_matches(n, w->paid_selector))
        return false;
    char *pct = node_prop(n, "data-percentage");
    if (pct && atof(pct) > 0 && atof(pct) <= 100)
        w->a->remaining_percent = atof(pct);
    else {
        char *t = element_text(n, w->rules);
        if (t && w->a->remaining_percent < 0)
            w->a->remaining_percent = paywall_percent(w->cues, t);
        free(t);
    }
    free(pct);
    return true;
}

static bool after_paragraph(xmlNodePtr n);
static void drop_pitch_box(body_walk *w);

/* Whether the piece's first line, up to a single "<br>", is an end
 * phrase under the article's prose in the same element: a columnist's
 * "<br><br><strong>CV express</strong><br>" over the career. The prose
 * after it is the author box's, so it ends the reading even where a
 * heading over unlinked prose would not. */
static bool piece_opens_on_end(body_walk *w, const char *s, size_t n)
{
    const char *br = memchr(s, BR_MARK, n);
    if (!br || w->a->n_blocks == 0)
        return false;
    char *line = squash_piece(s, (size_t)(br - s));
    bool end = line && boilerplate_is_end(w->bp, line);
    free(line);
    return end;
}

static void add_piece(body_walk *w, ora_block_kind kind, const char *s, size_t n, bool after_prose)
{
    if (after_prose && piece_opens_on_end(w, s, n)) {
        w->stopped = true;
        return;
    }
    char *t = squash_piece(s, n);
    if (t)
        walk_add_block(w, kind, t);
}

/* Adds the paragraphs of gathered text: "<br><br>" separates two. */
static void add_split_paragraphs(body_walk *w, ora_block_kind kind, const char *s, size_t n)
{
    size_t start = 0;
    for (size_t i = 0; i < n && !w->stopped; i++) {
        const char *mark = memchr(s + i, BR_MARK, n - i); /* most blocks have none */
        if (!mark)
            break;
        i = (size_t)(mark - s);
        size_t j = i + 1;
        while (j < n && (isspace((unsigned char)s[j])))
            j++;
        if (j < n && s[j] == BR_MARK) {
            add_piece(w, kind, s + start, i - start, start > 0);
            start = j + 1;
            i = j;
        }
    }
    if (start < n && !w->stopped)
        add_piece(w, kind, s + start, n - start, start > 0);
}

/* Words of prose over a counter of comments ("10 réactions") that make
 * it the comments' heading, not a share bar's link under the lede. */
#define COMMENTS_AFTER_WORDS 100

/* A counter of comments under some prose, as a block or as text loose
 * between blocks, stops the reading: where class names do not say
 * "comments", nothing else does. */
static bool opens_comments(body_walk *w, const char *text)
{
    if (cue_comments_counter(w->cues, text) && prose_words(w->a) >= COMMENTS_AFTER_WORDS)
        return w->stopped = true;
    return false;
}

/* Text loose between blocks (not in a <p>) that is only a link ("Voir
 * les résultats dans votre commune") or a label of a few words without a
 * sentence ("EN DIRECT", "Épinglé") is page furniture. */
static bool run_is_furniture(body_walk *w)
{
    char *t = squash_piece(w->run.s, w->run.len);
    if (!t)
        return true;
    size_t n = strlen(t);
    if (opens_comments(w, t)) {
        free(t);
        return true;
    }
    bool sentence = ends_sentence(t);
    bool link_only = w->run_links * 10 >= n * 9 && n < 100;
    bool label = !sentence && n <= 25 && word_count(t) <= 3;
    free(t);
    return (link_only && !sentence) || label;
}

static void flush_run(body_walk *w)
{
    if (w->run.len && !run_is_furniture(w))
        add_split_paragraphs(w, ORA_BLOCK_PARAGRAPH, w->run.s, w->run.len);
    sb_free(&w->run);
    w->run_links = 0;
}

static void walk_body(body_walk *w, xmlNodePtr n, bool in_quote);

/* The marks a sub-head set as a paragraph is written in. */
static const char *const emphasis[] = {"strong", "b", "em", "i", NULL};

/* Whether some text under n stands outside the emphasis marks. */
static bool text_outside_emphasis(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content && ((const char *)c->content)[strspn((const char *)c->content, " \t\r\n")])
            return true;
        if (c->type == XML_ELEMENT_NODE && !node_is_one_of(c, emphasis) && text_outside_emphasis(c))
            return true;
    }
    return false;
}

/* A heading set as a paragraph all in bold or italics, as older templates
 * and SPIP write sub-heads ("<p><strong>CURE D'AUSTÉRITÉ</strong></p>",
 * "<p><i>Les inégalités de genre</i></p>"): short, with no full stop at
 * its end. A question is an interview's, in bold too, and a colon opens
 * what follows. */
#define BOLD_HEADING_WORDS 12

static bool bold_heading(xmlNodePtr n, const char *text)
{
    size_t len = strlen(text);
    while (len && strchr(" \t\r\n", text[len - 1]))
        len--;
    return len && strchr(".,;:?", text[len - 1]) == NULL && word_count(text) <= BOLD_HEADING_WORDS &&
           !text_outside_emphasis(n) && holds_one_of(n, emphasis);
}

/* A heading element that holds prose is a paragraph: the lede some
 * templates set in an <h2>, several sentences long. */
#define HEADING_MAX_WORDS 30

static bool prose_heading(const char *text)
{
    return word_count(text) > HEADING_MAX_WORDS;
}

/* One block element: its text, split at "<br><br>", or its parts when it
 * holds other blocks (a quote of several paragraphs, a list in an item). */
static bool blank_text(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0)
            i++; /* a no-break space is blank too, not "«" (C2 AB) */
        else if (!isspace((unsigned char)s[i]))
            return false;
    }
    return true;
}

static void note_picture(body_walk *w, xmlNodePtr img);

static void read_block(body_walk *w, xmlNodePtr n, ora_block_kind kind, bool in_quote)
{
    if (kind == ORA_BLOCK_PARAGRAPH && in_quote)
        kind = ORA_BLOCK_QUOTE;
    /* a heading around paragraphs, lists or headings (a recipe's card
     * wrapped in an <h3> by mistake) is a container, not one heading */
    static const char *const text_blocks[] = {"p", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", NULL};
    if (((kind == ORA_BLOCK_QUOTE || kind == ORA_BLOCK_LIST_ITEM) && has_block_inside(n)) ||
        (kind == ORA_BLOCK_HEADING && holds_one_of(n, text_blocks))) {
        walk_body(w, n->children, kind == ORA_BLOCK_QUOTE);
        flush_run(w);
        return;
    }
    strbuf b;
    sb_init(&b);
    gather_text(n->children, w->rules, &b);
    if (blank_text(b.s, b.len)) { /* "<p><img …></p>": a picture set as a paragraph */
        xmlNodePtr img = selector_find(n->children, "img");
        if (img)
            note_picture(w, img);
    }
    if (is_link_block(w, n, kind, b.s ? b.s : "", b.len)) {
        char *t = b.s ? squash_piece(b.s, b.len) : NULL;
        if (t && is_pitch_line(w->cues, t)) { /* "<a>Faites un don…</a>": a pitch all link */
            w->block = n;
            drop_pitch_box(w);
            w->block = NULL;
        }
        free(t);
        sb_free(&b);
        return;
    }
    if (kind == ORA_BLOCK_HEADING && prose_heading(b.s ? b.s : ""))
        kind = ORA_BLOCK_PARAGRAPH;
    else if (kind == ORA_BLOCK_PARAGRAPH && bold_heading(n, b.s ? b.s : ""))
        kind = ORA_BLOCK_HEADING;
    size_t before = w->a->n_blocks;
    w->block = n;
    add_split_paragraphs(w, kind, b.s ? b.s : "", b.len);
    w->block = NULL;
    sb_free(&b);
    if (kind == ORA_BLOCK_HEADING && w->a->n_blocks > before)
        w->last_heading_amid_prose = after_paragraph(n);
}

/* Whether a paragraph of text comes before element n among its siblings:
 * a sub-heading of the article's own text, not a box's title. */
static bool after_paragraph(xmlNodePtr n)
{
    for (xmlNodePtr s = n->prev; s; s = s->prev)
        if (s->type == XML_ELEMENT_NODE && node_is(s, "p") && visible_text(s) > 0)
            return true;
    return false;
}

static void read_figcaptions(body_walk *w, xmlNodePtr n)
{
    for (; n && !w->stopped; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || skip_element(w, n))
            continue;
        if (node_is(n, "figcaption"))
            read_block(w, n, ORA_BLOCK_CAPTION, false);
        else
            read_figcaptions(w, n->children);
    }
}

/* Bytes of a chart's note under it ("Source : …"), at most. */
#define CHART_NOTE_MAX 300

/* Words of a legend's label ("Graphique 1 :", "Carte :") at most, and
 * of the lines a legend may have between it and its picture ("(Indice
 * 100 en 2019)"). */
#define LEGEND_LABEL_WORDS 3
#define LEGEND_NOTE_WORDS 15

/* Does the block say the words of the picture (alt or title), perhaps
 * after a label? */
static bool says_picture(const char *text, uint64_t alt, uint64_t title)
{
    const char *colon = strstr(text, ": ");
    if (colon && (size_t)(colon - text) < 40) {
        size_t words = 0;
        for (const char *p = text; p < colon; p++)
            words += p[0] != ' ' && (p + 1 == colon || p[1] == ' ');
        if (words <= LEGEND_LABEL_WORDS)
            text = colon + 2;
    }
    uint64_t h = folded_hash(text);
    return h && (h == alt || h == title);
}

/* "Graphique 1 : le circuit normal de l'argent dans l'économie" over a
 * chart whose alt text says "le circuit normal de l'argent dans
 * l'économie": a paragraph right over a picture (a short note or two
 * between) that says its words is its legend, not a paragraph. */
static void legend_over_picture(body_walk *w, uint64_t alt, uint64_t title)
{
    size_t n = w->a->n_blocks;
    for (size_t k = n; k-- > 0 && n - k <= 2;) {
        ora_block *b = &w->a->blocks[k];
        if (b->kind != ORA_BLOCK_PARAGRAPH && b->kind != ORA_BLOCK_HEADING)
            return; /* a chart's title in bold is taken for a heading */
        if (says_picture(b->text, alt, title)) {
            for (size_t j = k; j < n; j++)
                w->a->blocks[j].kind = ORA_BLOCK_CAPTION;
            return;
        }
        if (word_count(b->text) > LEGEND_NOTE_WORDS)
            return;
    }
}

/* A picture's own words (alt, title): a block right after it that says
 * them again is its legend, not a paragraph; so is one right over it. */
static void note_picture(body_walk *w, xmlNodePtr img)
{
    char *alt = node_prop(img, "alt"), *title = node_prop(img, "title");
    w->alt_hash = alt && word_count(alt) >= 3 ? folded_hash(alt) : 0;
    w->alt_hash2 = title && word_count(title) >= 3 ? folded_hash(title) : 0;
    if (w->alt_hash || w->alt_hash2)
        legend_over_picture(w, w->alt_hash, w->alt_hash2);
    w->under_picture = true;
    free(alt), free(title);
}

/* Is the run blank from its start to byte n? */
static bool run_blank_to(const body_walk *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isspace((unsigned char)w->run.s[i]) && w->run.s[i] != BR_MARK)
            return false;
    return true;
}

/* Inline text joins the run: a <br> as a mark, a link's bytes counted.
 * The title in an inline element opening the run ("<span class=title>…
 * </span>Le texte…", set as a block by the site's style) is a block of
 * its own, which the header check then drops: glued to the text, it would
 * be read as the paragraph's first words. */
static void add_inline(body_walk *w, xmlNodePtr n)
{
    if (node_is(n, "br")) {
        sb_addc(&w->run, BR_MARK);
        return;
    }
    size_t before = w->run.len;
    gather_text(n->children, w->rules, &w->run);
    if (node_is(n, "a"))
        w->run_links += w->run.len - before;
    else if (w->a->title && w->run.len > before && run_blank_to(w, before)) {
        char *piece = ora_strndup(w->run.s + before, w->run.len - before);
        if (piece && same_folded(piece, w->a->title))
            sb_addc(&w->run, BR_MARK), sb_addc(&w->run, BR_MARK);
        free(piece);
    }
}

/* A descendant of n that a class names a caption or a legend and that
 * holds at least `most` of the text, or NULL. */
static xmlNodePtr legend_holding(xmlNodePtr n, size_t most)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || visible_text(c) < most)
            continue;
        if (names_caption(c))
            return c;
        xmlNodePtr hit = legend_holding(c, most);
        if (hit)
            return hit;
    }
    return NULL;
}

/* Is n's text all a legend's, beside a picture: "<p><span><div
 * class="media"><img …> <span class="legend">…</span></div></span></p>",
 * a picture's box that holds no other text? */
static bool legend_inside(xmlNodePtr n)
{
    size_t all = visible_text(n);
    return all && legend_holding(n, all - all / 10) && selector_find(n->children, "img, picture");
}

/* The block an element is read as, if any: its tag's, or a caption for
 * WordPress's <p class="wp-caption-text">, a picture's box, and a legend
 * whatever its tag ("<div class="image-legende">"). */
static bool element_kind(xmlNodePtr n, ora_block_kind *kind)
{
    if (!block_kind(n, kind)) {
        *kind = ORA_BLOCK_CAPTION;
        return names_caption(n) && !has_block_inside(n);
    }
    if (*kind == ORA_BLOCK_PARAGRAPH && (names_caption(n) || legend_inside(n)))
        *kind = ORA_BLOCK_CAPTION;
    return true;
}

static void walk_node(body_walk *w, xmlNodePtr n, bool in_quote)
{
    w->declared_walked |= n == w->declared;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
            sb_adds(&w->run, (const char *)n->content);
        return;
    }
    if (n->type == XML_ELEMENT_NODE && node_is(n, "img"))
        note_picture(w, n);
    if (n->type != XML_ELEMENT_NODE || n == w->avoid || skip_element(w, n))
        return;
    if (at_paywall(w, n)) {
        flush_run(w);
        w->stopped = true;
        w->a->truncated = true;
        return;
    }
    if (readability_inline(n) && !has_block_inside(n)) {
        /* "<span class=author>X</span> <time>…</time>Le texte…": the
         * byline and its date loose before a run's first words are the
         * header's (header.c reads them), not the paragraph's */
        bool opens_run = run_blank_to(w, w->run.len);
        if (opens_run && names_author(n)) {
            w->after_byline = true;
            return;
        }
        if (opens_run && w->after_byline && node_is(n, "time"))
            return;
        w->after_byline = false;
        add_inline(w, n);
        return;
    }
    flush_run(w);
    if ((node_is(n, "table") && take_table(w, n)) || (node_is(n, "dl") && take_definitions(w, n)))
        return;
    if (node_is(n, "figure") && !selector_find(n->children, "blockquote, table")) {
        /* a picture: its legend, not its buttons ("Agrandir") or credit */
        read_figcaptions(w, n->children);
        return;
    }
    ora_block_kind kind;
    if (element_kind(n, &kind))
        read_block(w, n, kind, in_quote);
    else
        walk_body(w, n->children, in_quote || node_is(n, "blockquote"));
    flush_run(w);
}

static void walk_body(body_walk *w, xmlNodePtr n, bool in_quote)
{
    for (; n && !w->stopped; n = n->next)
        walk_node(w, n, in_quote);
}

/* Has this text been read already? Remembers it if not. Short blocks
 * (a "Oui" in a list, a one-word heading) may repeat, and so may a list
 * item as a heading (SEEN_AS_ITEM). */
static bool read_before(body_walk *w, ora_block_kind kind, const char *text, uint64_t h)
{
    if (strlen(text) < 40)
        return false;
    return seen_set_add(&w->seen, kind == ORA_BLOCK_LIST_ITEM ? SEEN_AS_ITEM(h) : h);
}

/* Words of prose, and elements at most, that the siblings after an end
 * marker must hold, little of it link text, for the marker to be a
 * heading of the article's: "À découvrir aussi" over a documentary's
 * credits and a paragraph, "L'auteur" over an essay's section on the
 * author of the book it reviews, whose prose cites a site or two. What a
 * related box lists are links: its headlines are most of its text. */
#define UNLINKED_AFTER_WORDS 40
#define UNLINKED_AFTER_ELEMENTS 12
#define UNLINKED_AFTER_DENSITY 0.2

static bool unlinked_prose_after(xmlNodePtr n)
{
    size_t words = 0, elements = 0;
    for (xmlNodePtr s = n->next; s && elements < UNLINKED_AFTER_ELEMENTS; s = s->next) {
        if (s->type != XML_ELEMENT_NODE || never_text(s))
            continue;
        if (node_is(s, "a") || link_density(s) > UNLINKED_AFTER_DENSITY)
            return false;
        elements++;
        xmlChar *t = xmlNodeGetContent(s);
        words += word_count((const char *)t);
        xmlFree(t);
        if (words >= UNLINKED_AFTER_WORDS)
            return true;
    }
    return false;
}

/* The paywall cue stops the reading and marks the article cut; an end
 * phrase ("Commentaires", an author box) ends it once a block was read
 * (before any, it is a header's link: "Réagir"), and so does a counter of
 * comments under some prose. Says whether text was any of these. */
static bool stops_reading(body_walk *w, const char *text)
{
    ora_article *a = w->a;
    if (boilerplate_is_cut(w->bp, text) || cue_metered_wall(w->cues, text)) {
        w->stopped = true;
        a->truncated = true;
        if (a->remaining_percent < 0)
            a->remaining_percent = paywall_percent(w->cues, text);
        return true;
    }
    if (boilerplate_is_end(w->bp, text)) {
        bool heading = a->n_blocks > 0 && w->block && unlinked_prose_after(w->block);
        w->stopped = a->n_blocks > 0 && !heading;
        /* "L'auteur" over such prose is a section of the essay's, read as
         * its heading; "À découvrir aussi" there labels nothing said */
        return !(heading && cue_word_nocase(&w->cues->author_box, text, strlen(text)));
    }
    return opens_comments(w, text);
}

/* "Titre - tsr.ch - info - suisse" in the body, where the title was cut
 * from it: the title again, with the site's name and rubrics. */
#define TITLE_SUFFIX_BYTES 60
static bool title_with_suffix(const char *title, const char *text)
{
    static const char *const seps[] = {" - ", " | ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", NULL};
    size_t n = title ? strlen(title) : 0;
    if (!n || strncmp(text, title, n) != 0 || strlen(text + n) > TITLE_SUFFIX_BYTES)
        return false;
    for (const char *const *sep = seps; *sep; sep++)
        if (str_starts_with(text + n, *sep))
            return true;
    return false;
}

/* The header said again in the body: the title, its kicker, a label over
 * the first paragraph, the lede (then the page shows it), a signature (the
 * byline when there is none yet), the byline. */
static bool repeats_header(body_walk *w, ora_block_kind kind, const char *text, uint64_t h)
{
    ora_article *a = w->a;
    if ((h == w->title_hash && same_folded(text, a->title)) || is_kicker(a, text) ||
        is_header_label(a, kind, text) || title_with_suffix(a->title, text))
        return true;
    if (h == w->lede_hash && same_folded(text, a->lede)) {
        if (!w->lede_shown)
            w->lede_at = a->n_blocks;
        return w->lede_shown = true;
    }
    return take_signature(w->cues, a, text) ||
           (a->byline && strncmp(text, a->byline, strlen(a->byline)) == 0 &&
            strlen(text) < strlen(a->byline) + 40);
}

/* A dateline over the body's first block ("Par Léa Morvan · 4 février
 * 2026" in an element no class names) is not read, but its byline and
 * its date are the article's when the page declared none (the date is
 * kept until the page's markup was searched: a <time datetime> says more). */
static void take_head_dateline(body_walk *w, const char *text)
{
    ora_article *a = w->a;
    dateline d;
    if (a->n_blocks || (a->byline && a->published) || strlen(text) > 200 ||
        !dateline_parse(w->cues, text, &d))
        return;
    if (!a->byline && d.byline[0])
        a->byline = byline_name(w->cues, d.byline);
    if (!w->head_date[0] && d.published[0] && !d.update_only)
        memcpy(w->head_date, d.published, sizeof w->head_date);
}

/* Bytes of a box around a pitch at most, and of the blocks of it read
 * before the pitch: a heading and an appeal. */
#define PITCH_BOX_BYTES 600
#define PITCH_BOX_BLOCKS 2

/* "AIDEZ CONTRE ATTAQUE" / "Depuis 2012, nous vous offrons une
 * information… nous avons besoin de votre aide" / "Faites un don…": the
 * pitch is furniture, and so are the blocks its box gave before it, its
 * heading and its appeal. The box is the largest element around the
 * pitch's with little text, not the article's own; a block of it is one
 * its text holds. */
static void drop_pitch_box(body_walk *w)
{
    xmlNodePtr box = NULL;
    for (xmlNodePtr n = w->block ? w->block->parent : NULL;
         n && n->type == XML_ELEMENT_NODE && n != w->declared && visible_text(n) <= PITCH_BOX_BYTES; n = n->parent)
        box = n;
    char *t = box ? element_text(box, w->rules) : NULL;
    size_t keep = w->a->n_blocks;
    while (t && keep > 0 && w->a->n_blocks - keep < PITCH_BOX_BLOCKS && strstr(t, w->a->blocks[keep - 1].text))
        keep--;
    if (keep < w->a->n_blocks && keep > 0)
        article_drop_blocks(w->a, keep); /* never the article's every block */
    free(t);
}

/* A block is read unless it stops the reading, is furniture, says the
 * header again or was read already; a paragraph that is a picture's
 * legend (a credit in it, or the alt text of the picture just before) is
 * a caption. */
void walk_add_block(body_walk *w, ora_block_kind kind, char *text)
{
    drop_glued_counter(text);
    size_t label = cue_summary_label(w->cues, text);
    if (label)
        memmove(text, text + label, strlen(text + label) + 1);
    /* one cheap hash decides whether the slower comparisons are needed */
    uint64_t h = folded_hash(text);
    bool furniture = false;
    if (!stops_reading(w, text) && !(furniture = is_furniture_line(w->bp, w->cues, text)) &&
        !repeats_header(w, kind, text, h) && !read_before(w, kind, text, h)) {
        bool note = kind == ORA_BLOCK_PARAGRAPH && w->under_picture && strlen(text) < CHART_NOTE_MAX &&
                    cue_under_picture(w->cues, text); /* "Source : Insee…" under a chart */
        if (kind == ORA_BLOCK_PARAGRAPH &&
            (note || looks_like_caption(w->cues, text) || (h && (h == w->alt_hash || h == w->alt_hash2))))
            kind = ORA_BLOCK_CAPTION;
        ora_article_add_block(w->a, kind, text);
        w->under_picture = note;
    }
    if (furniture)
        take_head_dateline(w, text);
    if (furniture && is_pitch_line(w->cues, text))
        drop_pitch_box(w);
    w->alt_hash = w->alt_hash2 = 0;
    free(text);
}

/* The article's own container, the longest, not a sibling joined to it;
 * the containers' text is summed too, with which a joined sibling and, on
 * pages read without a site rule, an unlikely-named element are compared
 * (skip_container, skip_element). Several containers come from the scoring
 * on any page: on a site with rules too, when its rule's container is not
 * on the page (a new layout, a page of another kind). */
static size_t own_container(body_walk *w, const node_list *containers)
{
    size_t largest = 0, most = 0;
    for (size_t i = 0; (w->words || containers->n > 1) && i < containers->n; i++) {
        size_t len = visible_text(containers->nodes[i]);
        w->container_len += len;
        if (len > most)
            most = len, largest = i;
    }
    return largest;
}

/* A joined sibling that is only an embed's label, a shop, or furniture. */
static bool skip_container(const body_walk *w, const node_list *containers, xmlNodePtr c)
{
    return is_embed_box(c) || is_shop_box(w, c) ||
           (containers->n > 1 && visible_text(c) * 2 < w->container_len && skip_element(w, c));
}

void walk_containers(body_walk *w, xmlNodePtr root, const node_list *containers)
{
    size_t largest = own_container(w, containers);
    if (!containers->n)
        walk_body(w, root->children, false);
    bool ended = false;
    for (size_t i = 0; i < containers->n; i++) {
        xmlNodePtr c = containers->nodes[i];
        /* an end ("Tags:") ends the other containers, not the declared
         * text's; a paywall's cut ends them all */
        if (c == w->declared && !w->a->truncated)
            w->stopped = false;
        else
            ended |= w->stopped || (i > largest && ends_before(w, containers->nodes[i - 1], c));
        if (w->stopped || (ended && c != w->declared))
            continue;
        if (skip_container(w, containers, c))
            continue;
        if (c->type == XML_ELEMENT_NODE &&
            (block_kind(c, &(ora_block_kind){0}) || readability_inline(c) || node_is(c, "figure")))
            walk_node(w, c, false); /* a sibling paragraph */
        else
            walk_body(w, c->children, false);
    }
    flush_run(w);
    /* a recipe's declared steps inside a container, under the post's
     * signature that ended the walk there: the card is the article too */
    if (w->declared && !w->declared_walked && !w->a->truncated) {
        sb_free(&w->run); /* what the stopped walk gathered is not the card's */
        w->run_links = 0;
        w->stopped = false;
        walk_node(w, w->declared, false);
        flush_run(w);
    }
}
