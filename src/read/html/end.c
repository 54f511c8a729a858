/* Where the article ends: an end marker ("Sur le même sujet") between the
 * containers that scoring joined, and a heading (with a line or two) left
 * at the end, which titles a box beside the text; teasers of other
 * stories and grids of figures, which are no article either; a paywall
 * set beside the text. */
#include "html.h"
#include "read/dateline.h"
#include "read/squash.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* A label that announces what follows: a few words ending on a colon
 * ("Sujets liés :", "Partager :"). */
#define LABEL_MAX_WORDS 4

static bool label_block(const char *t)
{
    size_t n = strlen(t);
    while (n && t[n - 1] == ' ')
        n--;
    return n > 1 && t[n - 1] == ':' && word_count(t) <= LABEL_MAX_WORDS + 1;
}

#define BOX_TAIL_WORDS 15
/* An article that ends on a heading, or on a heading with a line or two
 * under it ("Horaires et accès" / "2 rue du Port. Entrée libre."), ends on
 * a box beside the text, not on a part of it; unless that heading stands
 * among the article's paragraphs (a <p> before it in its element): then
 * it opens the text's last section ("What happens next" and a sentence). */
void trim_trailing_box(ora_article *a, bool last_heading_amid_prose)
{
    /* a heading or a label over nothing: the title of a box whose content
     * went (a "J'aime ça :" over its buttons, "Sujets liés :" over its tag
     * links); either announces what follows */
    while (a->n_blocks > 1 && (a->blocks[a->n_blocks - 1].kind == ORA_BLOCK_HEADING ||
                               label_block(a->blocks[a->n_blocks - 1].text)))
        free(a->blocks[--a->n_blocks].text);
    size_t words = 0, h = a->n_blocks;
    while (h > 0 && a->blocks[h - 1].kind != ORA_BLOCK_HEADING) {
        words += word_count(a->blocks[h - 1].text);
        h--;
    }
    if (h == 0 || h == 1 || words > BOX_TAIL_WORDS || h == a->n_blocks || last_heading_amid_prose)
        return;
    for (size_t i = h - 1; i < a->n_blocks; i++)
        free(a->blocks[i].text);
    a->n_blocks = h - 1;
}

/* Blocks an article has at least for its last line to be a signature. */
#define SIGNED_BLOCKS 3

/* "admin_geco", "redaction2": an account's login, which a page's meta
 * author may give, no person's name: one word, in small letters or with
 * a sign or a digit. */
static bool login_name(const char *s)
{
    if (strchr(s, ' '))
        return false;
    bool capital = false;
    for (const char *p = s; *p; p++) {
        if (*p == '_' || *p == '@' || isdigit((unsigned char)*p))
            return true;
        capital |= isupper((unsigned char)*p) || (unsigned char)*p == 0xC3; /* É…: the lead byte of most Latin capitals */
    }
    return !capital;
}

/* "Matthieu Gounelle" alone under the last paragraph (a museum's page
 * sets it in <small>), perhaps over the title it signs with: a byline's
 * bare name (dateline_bare_name) of two or three words and no sign ends
 * the article as its author's signature. It is the byline when the page
 * gave none or only an account's login, and is not read. */
static bool signature_name(const read_cues *c, const ora_article *a, const ora_block *b)
{
    const char *t = b->text;
    bool login = a->byline && login_name(a->byline);
    /* in bold, it was made a heading ("<p><strong>Philippe Oberlé</strong>") */
    return (b->kind == ORA_BLOCK_PARAGRAPH || b->kind == ORA_BLOCK_HEADING) && word_count(t) <= 3 &&
           !strpbrk(t, ".,:;!?()|\"0123456789") && dateline_bare_name(c, t, strlen(t)) &&
           (!a->byline || login || strcmp(a->byline, t) == 0);
}

/* Words of the title under a signature's name at most ("Président de
 * Debout la République"). */
#define SIGNED_ROLE_WORDS 7

/* The name's title on its own line under it: short, no sentence. */
static bool signature_role(const ora_block *b)
{
    return (b->kind == ORA_BLOCK_PARAGRAPH || b->kind == ORA_BLOCK_HEADING) &&
           word_count(b->text) <= SIGNED_ROLE_WORDS && !strpbrk(b->text, ".:;!?()|\"0123456789");
}

void take_closing_signature(const read_cues *c, ora_article *a)
{
    if (a->n_blocks < SIGNED_BLOCKS)
        return;
    size_t name = a->n_blocks - 1;
    if (!signature_name(c, a, &a->blocks[name])) {
        /* "Nicolas Dupont-Aignan" then "Président de Debout la République" */
        if (a->n_blocks <= SIGNED_BLOCKS || !signature_role(&a->blocks[name]) ||
            !signature_name(c, a, &a->blocks[name - 1]))
            return;
        name--;
    }
    if (!a->byline || login_name(a->byline)) {
        free(a->byline);
        a->byline = ora_strdup(a->blocks[name].text);
    }
    while (a->n_blocks > name)
        free(a->blocks[--a->n_blocks].text);
}

/* An end marker ("Sur le même sujet", "Commentaires") as a short block
 * or a heading in n, the way the walk would meet it. */
#define END_MARKER_MAX 100
static bool holds_end_marker(const body_walk *w, xmlNodePtr n)
{
    if (n->type != XML_ELEMENT_NODE || never_text(n))
        return false;
    if (is_subheading(n) || visible_text(n) < END_MARKER_MAX) {
        char *t = element_text(n, w->rules);
        bool end = t && boilerplate_is_end(w->bp, t);
        free(t);
        return end;
    }
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (holds_end_marker(w, c))
            return true;
    return false;
}

/* Words of prose read before the end marker may count as one: above it,
 * the end of an article, not a link in its header. */
#define END_AFTER_WORDS 100

/* The siblings that scoring joined to the article's container are read in
 * turn; what lies between them is not. An end marker there, after the
 * article's own container, ends the article as it does inside one: a box
 * after it (an inset story that the related links point to) is a piece of
 * its own. Before it, the marker is a header's ("Réagir" under a chapo). */
bool ends_before(const body_walk *w, xmlNodePtr prev, xmlNodePtr next)
{
    if (!prev || prev->parent != next->parent || prose_words(w->a) < END_AFTER_WORDS)
        return false;
    for (xmlNodePtr s = prev->next; s && s != next; s = s->next)
        if (holds_end_marker(w, s))
            return true;
    return false;
}

/* Words of the link after a teaser's ellipsis: "Read…", "Lire la suite". */
#define TEASER_LINK_WORDS 3

/* "… the company has… Read more": a teaser, its text cut by an ellipsis
 * and a link to the rest after it. An article's paragraph may end on an
 * ellipsis, never on one and then a link. */
static bool teaser(const char *t)
{
    /* "… produit d'une collaboration entre (...)": an excerpt cut where
     * the link to the rest was */
    size_t n = strlen(t);
    if (n > 5 && ends_on_cut_mark(t, n))
        return true;
    const char *cut = NULL;
    for (const char *p = strstr(t, "\xE2\x80\xA6 "); p; p = strstr(p + 1, "\xE2\x80\xA6 "))
        cut = p + 4;
    for (const char *p = strstr(t, "... "); p; p = strstr(p + 1, "... "))
        if (!cut || p + 4 > cut)
            cut = p + 4;
    return cut && *cut && word_count(cut) <= TEASER_LINK_WORDS;
}

/* Teasers in a run to the end of the blocks, at least, for the run to
 * end the article. */
#define TEASER_RUN 3
/* Words of the list's label over the run ("Plus d'informations sur :"). */
#define TEASER_LABEL_WORDS 8

/* Where a run of teasers that goes on to the end starts (its label line
 * included), half its blocks teasers or more: the other stories the page
 * lists under the article, their headlines between their excerpts. The
 * article's blocks when none. */
static size_t teaser_run_start(const ora_article *a)
{
    size_t first = a->n_blocks, teasers = 0;
    for (size_t i = 0; i < a->n_blocks; i++)
        if (teaser(a->blocks[i].text))
            first = first == a->n_blocks ? i : first, teasers++;
    if (teasers < TEASER_RUN || first == 0 || teasers * 2 < a->n_blocks - first)
        return a->n_blocks;
    const char *label = a->blocks[first - 1].text;
    if (word_count(label) <= TEASER_LABEL_WORDS && !ends_sentence(label))
        first--; /* the list's label, or the first story's headline */
    return first;
}

/* Teasers, two or more (a box of other stories that the page's markup
 * did not set apart), are not read; a run of them under the article ends
 * it. */
void drop_teasers(ora_article *a)
{
    size_t run = teaser_run_start(a);
    if (run < a->n_blocks) {
        for (size_t i = run; i < a->n_blocks; i++)
            free(a->blocks[i].text);
        a->n_blocks = run;
    }
    size_t n = 0;
    for (size_t i = 0; i < a->n_blocks; i++)
        n += teaser(a->blocks[i].text);
    if (n < 2)
        return;
    size_t o = 0;
    for (size_t i = 0; i < a->n_blocks; i++) {
        if (teaser(a->blocks[i].text))
            free(a->blocks[i].text);
        else
            a->blocks[o++] = a->blocks[i];
    }
    a->n_blocks = o;
}

/* Bytes of a lone figure at most ("210mg", "1 250 kcal", "29%"). */
#define FIGURE_MAX_LEN 14
/* Lone figures in a row that make a grid of numbers, not prose. */
#define FIGURES_IN_A_ROW 3

/* "180", "10g", "15%", "2,5 kg", "2,50 €": a number and perhaps a short
 * unit or a currency's sign (its bytes count as letters), and nothing
 * else. */
static bool lone_figure(const char *t)
{
    size_t n = strlen(t), digits = 0, letters = 0;
    if (!n || n > FIGURE_MAX_LEN || !isdigit((unsigned char)t[0]))
        return false;
    for (const char *p = t; *p; p++) {
        if (isdigit((unsigned char)*p))
            digits++;
        else if (isalpha((unsigned char)*p) || (unsigned char)*p >= 0x80)
            letters++;
        else if (!strchr(" .,%/", *p))
            return false;
    }
    return digits && letters <= 4;
}

/* A grid of figures set in <div>s, not in a <table> (a recipe's
 * nutrition facts, a results box: "180", "90", "10g", "15%"…): three
 * lone figures in a row or more are not read, as a table's cells are
 * not; their labels went with the spans the walk passed over. */
void drop_lone_figures(ora_article *a)
{
    size_t o = 0;
    for (size_t i = 0; i < a->n_blocks;) {
        size_t j = i;
        while (j < a->n_blocks && a->blocks[j].kind != ORA_BLOCK_HEADING && lone_figure(a->blocks[j].text))
            j++;
        if (j - i >= FIGURES_IN_A_ROW) {
            for (; i < j; i++)
                free(a->blocks[i].text);
            if (o > 0 && a->blocks[o - 1].kind == ORA_BLOCK_HEADING)
                free(a->blocks[--o].text); /* "La recette en chiffres" titled them */
            continue;
        }
        for (j = j > i ? j : i + 1; i < j; i++)
            a->blocks[o++] = a->blocks[i];
    }
    a->n_blocks = o;
}

/* A pull quote: a sentence of a paragraph set apart in large type, next
 * to the paragraph it is taken from ("Alors qu'AlphaZero mémorise juste
 * le coup qu'il va jouer, Athénan, lui, retient…" beside "Autre grand
 * atout…, elle permet un apprentissage plus efficace : « Alors
 * qu'AlphaZero…"). Its words, letters only, stand in a longer block at
 * most PULL_QUOTE_REACH blocks away; it is read there, once. A whole
 * paragraph repeated is the walk's (folded_hash). */
#define PULL_QUOTE_REACH 3
#define PULL_QUOTE_WORDS_MIN 6
#define PULL_QUOTE_WORDS_MAX 40

/* A pull quote of several sentences, each said in a longer block
 * further on in the article (sentences_said_in): a quote is set apart
 * before its paragraph, and the article's summary above says its first
 * one again. */
static bool sentences_said_elsewhere(const ora_article *a, char *const *bare, size_t i)
{
    const char **others = malloc(a->n_blocks * sizeof *others);
    if (!others)
        return false;
    size_t len = strlen(a->blocks[i].text);
    for (size_t j = 0; j < a->n_blocks; j++)
        others[j] = j > i && a->blocks[j].kind != ORA_BLOCK_CAPTION && strlen(a->blocks[j].text) > len
                        ? bare[j] : NULL;
    bool said = sentences_said_in(a->blocks[i].text, others, a->n_blocks);
    free(others);
    return said;
}

/* bare[k]: block k's letters (bare_letters), each made once. */
static bool is_pull_quote(const ora_article *a, char *const *bare, size_t i)
{
    const ora_block *b = &a->blocks[i];
    size_t words = word_count(b->text);
    if ((b->kind != ORA_BLOCK_PARAGRAPH && b->kind != ORA_BLOCK_QUOTE) || words < PULL_QUOTE_WORDS_MIN ||
        words > PULL_QUOTE_WORDS_MAX || !bare[i] || !*bare[i])
        return false;
    size_t from = i > PULL_QUOTE_REACH ? i - PULL_QUOTE_REACH : 0;
    for (size_t j = from; j < a->n_blocks && j <= i + PULL_QUOTE_REACH; j++) {
        const ora_block *o = &a->blocks[j];
        if (j != i && o->kind != ORA_BLOCK_CAPTION && strlen(o->text) > strlen(b->text) && bare[j] &&
            strstr(bare[j], bare[i]))
            return true;
    }
    return sentences_said_elsewhere(a, bare, i);
}

/* The line under a pull quote that says who spoke (speaker_shape), no
 * sentence. */
static bool is_attribution(const ora_block *b)
{
    const char *t = b->text;
    size_t len = strlen(t);
    return (b->kind == ORA_BLOCK_HEADING || b->kind == ORA_BLOCK_PARAGRAPH) && len && t[len - 1] != '.' &&
           speaker_shape(t, word_count(t), true);
}

/* Each block is judged among the blocks as read, all of them: the pull
 * quotes are dropped once every block was judged. */
void drop_pull_quotes(ora_article *a)
{
    char **bare = a->n_blocks ? calloc(a->n_blocks, sizeof *bare) : NULL;
    bool *pulled = a->n_blocks ? calloc(a->n_blocks, sizeof *pulled) : NULL;
    for (size_t i = 0; bare && i < a->n_blocks; i++)
        bare[i] = bare_letters(a->blocks[i].text, strlen(a->blocks[i].text));
    for (size_t i = 0; bare && pulled && i < a->n_blocks; i++)
        pulled[i] = is_pull_quote(a, bare, i);
    for (size_t i = 0; bare && pulled && i + 1 < a->n_blocks; i++)
        if (pulled[i] && !pulled[i + 1] && is_attribution(&a->blocks[i + 1]))
            pulled[++i] = true;
    size_t o = 0;
    for (size_t i = 0; i < a->n_blocks; i++) {
        if (bare)
            free(bare[i]);
        if (pulled && pulled[i])
            free(a->blocks[i].text);
        else
            a->blocks[o++] = a->blocks[i];
    }
    a->n_blocks = o;
    free(bare), free(pulled);
}

/* Elements after a container of the article searched for a paywall's
 * notice, and the length of a notice at most. */
#define CUT_NOTICE_REACH 12
#define CUT_NOTICE_LEN 300

/* Does an element in n (its children first) say a paywall's notice? Only
 * an element with text of its own is read whole: a notice is a line. */
static bool holds_cut_notice(const body_walk *w, xmlNodePtr n)
{
    bool own_text = false;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && holds_cut_notice(w, c))
            return true;
        own_text |= c->type == XML_TEXT_NODE && c->content && c->content[strspn((const char *)c->content, " \t\r\n")];
    }
    if (!own_text)
        return false;
    char *t = element_text(n, w->rules);
    bool cut = t && strlen(t) < CUT_NOTICE_LEN && boilerplate_is_cut(w->bp, t);
    free(t);
    return cut;
}

/* Is there a paywall's notice in the elements after n? */
static bool cut_notice_after(const body_walk *w, xmlNodePtr n)
{
    for (int seen = 0; n && seen < CUT_NOTICE_REACH; seen++) {
        while (n && !xmlNextElementSibling(n))
            n = n->parent && n->parent->type == XML_ELEMENT_NODE ? n->parent : NULL;
        if (!n || !(n = xmlNextElementSibling(n)))
            return false;
        if (holds_cut_notice(w, n))
            return true;
    }
    return false;
}

/* "… et le nombre de personnes admises en réanimation chaque..." and,
 * in or past an element of the article, an aside that says "Ce contenu est
 * réservé à nos abonnés": a paywall set beside the text, not inside it,
 * cut the article. Both are needed: a subscription box stands under free
 * articles too, and an article may end on an ellipsis. */
void find_cut_beside(const body_walk *w, const node_list *containers)
{
    ora_article *a = w->a;
    const ora_block *b = a->n_blocks ? &a->blocks[a->n_blocks - 1] : NULL;
    if (a->truncated || !b || b->kind != ORA_BLOCK_PARAGRAPH || !ends_on_ellipsis(b->text, strlen(b->text)))
        return;
    /* in a container, the notice sat in an element the walk passed over
     * ("extract-menu"): had it been read, the reading would have stopped */
    for (size_t i = 0; i < containers->n && !a->truncated; i++)
        a->truncated = holds_cut_notice(w, containers->nodes[i]) || cut_notice_after(w, containers->nodes[i]);
}
