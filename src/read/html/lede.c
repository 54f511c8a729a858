/* The lede: the rule's chapo, a description that is not cut nor a
 * tagline, or the chapo the page shows; and, once the body is read, a lede
 * that repeats or opens it, or is too long to be one, gives way. */
#include "html.h"

#include <libxml/xpath.h>
#include "read/squash.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* The first paragraph-like element whose text begins with prefix and is
 * longer than it: where a shortened description comes from. */
static char *find_longer(xmlNodePtr n, const char *prefix, size_t plen,
                         const site_rules *r)
{
    static const char *const tags[] = {"p", "h2", "div", "span", NULL};
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || never_text(n))
            continue;
        if (node_is_one_of(n, tags) && !has_block_inside(n)) {
            char *t = element_text(n, r);
            if (t && strlen(t) > plen && strncmp(t, prefix, plen) == 0)
                return t;
            free(t);
        } else {
            char *hit = find_longer(n->children, prefix, plen, r);
            if (hit)
                return hit;
        }
    }
    return NULL;
}

/* Descriptions are often cut for search engines ("…", "..."): the page
 * shows the whole lede somewhere; use that when it is found. */
static void complete_lede(ora_article *a, xmlNodePtr root, const site_rules *r)
{
    if (!a->lede || strlen(a->lede) < 40)
        return;
    size_t plen = strlen(a->lede) * 3 / 4;
    while (plen && ((unsigned char)a->lede[plen] & 0xC0) == 0x80)
        plen--; /* not inside a UTF-8 sequence */
    char *full = find_longer(root, a->lede, plen, r);
    if (full && strlen(full) < 1000) {
        free(a->lede);
        a->lede = full;
    } else {
        free(full);
    }
}

/* Bytes of a headline's subtitle, at least, to be read: shorter, it is
 * a label ("Tribune", "Entretien"). */
#define SUBTITLE_MIN 20

/* Shorter, a description is a tagline ("Le blog de Marie", "X's
 * homepage"), not a chapo. */
#define CHAPO_MIN 40
static bool chapo_sized(const char *t)
{
    return t && strlen(t) >= CHAPO_MIN && strlen(t) < 700 && sentence_count(t) <= 4;
}

/* <p> elements below n, counted up to enough. */
static size_t paragraphs_below(xmlNodePtr n, size_t enough)
{
    size_t count = 0;
    for (xmlNodePtr c = n->children; c && count < enough; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            count += node_is(c, "p") ? 1 : paragraphs_below(c, enough - count);
    return count;
}

/* Whether n holds one paragraph at most: a chapo of many sentences, not
 * a wrapper of the body ("field-type-text-with-summary"). */
static bool one_paragraph(xmlNodePtr n)
{
    return paragraphs_below(n, 2) < 2;
}

/* The first element named by one of the words after the page's <h1> (a
 * tagline above it, "site-description", is the site's, not the article's;
 * one in reader comments, "forum-chapo", "comment-author", a reader's),
 * with min to max bytes of text. */
char *find_named(xmlNodePtr n, const site_rules *g, const phrase_list *words,
                 bool *after_h1, size_t min, size_t max)
{
    static const char *const tags[] = {"p", "div", "h2", "span", "section", NULL};
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || never_text(n) || node_is(n, "nav") ||
            node_is(n, "footer") || names_comments(n))
            continue;
        if (node_is(n, "h1")) {
            *after_h1 = true;
            continue;
        }
        if (*after_h1 && node_is_one_of(n, tags) && readability_named(n, words)) {
            char *t = element_text(n, g);
            if (t && strlen(t) >= min && strlen(t) < max && (min < CHAPO_MIN || chapo_sized(t) || one_paragraph(n)))
                return t;
            free(t);
        }
        char *hit = find_named(n->children, g, words, after_h1, min, max);
        if (hit)
            return hit;
    }
    return NULL;
}

/* A description cut for search engines ("…", "(...)") is not the lede. */
static bool looks_truncated(const char *s)
{
    size_t n = strlen(s);
    static const char *const marks[] = {"(...)", "[...]", "(\xe2\x80\xa6)", "[\xe2\x80\xa6]", NULL};
    for (const char *const *m = marks; *m; m++)
        if (strstr(s, *m))
            return true;
    if (strstr(s, "...,") || strstr(s, " ... "))
        return true; /* "hier soir à ..., lisez plus sur …" */
    return ends_on_ellipsis(s, n);
}

/* Bytes of the longest text a chapo's class names: longer, it is the
 * article's wrapper ("chapo-et-texte"), not its opening. */
#define LONG_CHAPO 2500

/* The text of the element right after the page's <h1> when a chapo's
 * word names it ("<h2 class=post-subtitle>"), NULL otherwise. */
static char *h1_subtitle(xmlNodePtr root, const site_rules *g, const readability_words *words)
{
    xmlNodePtr s = selector_find_first_of(root, "h1");
    for (s = s ? s->next : NULL; s && s->type != XML_ELEMENT_NODE; s = s->next)
        ;
    return s && readability_named(s, &words->lede) ? element_text(s, g) : NULL;
}

/* Whether t is the text of the element right after the page's <h1> that
 * a chapo's word names ("<h2 class=post-subtitle>"): the headline's own
 * subtitle, even when it trails off ("CE QUI NOUS ABÎME..."), unlike a
 * teaser cut short in a list further down. */
static bool subtitle_of_h1(xmlNodePtr root, const site_rules *g, const readability_words *words, const char *t)
{
    char *shown = h1_subtitle(root, g, words);
    bool same = shown && strcmp(shown, t) == 0;
    free(shown);
    return same;
}

/* The chapo a page shows: by the common selectors of default.txt, else
 * by a class or id that names one ("story-standfirst", "article__chapo").
 * The first element so named after the <h1> is the chapo, however long:
 * one of many sentences is the article's opening, which give_way makes
 * the body's first paragraph; a later one is a box's ("intro" of a
 * book's note in the sidebar). */
static char *shown_chapo(xmlNodePtr root, const site_rules *g, const readability_words *words)
{
    char *t = rule_text(root, g->lede, g);
    if (!chapo_sized(t)) {
        free(t);
        bool after_h1 = false;
        t = find_named(root, g, &words->lede, &after_h1, CHAPO_MIN, LONG_CHAPO);
    }
    if (t && looks_truncated(t) && !subtitle_of_h1(root, g, words, t)) {
        /* "…, qui (...)": another story's, in a list under the article */
        free(t);
        t = NULL;
    }
    return t;
}

/* Some pages put markup in their description ("<P>Ce…"): tags go. */
static void strip_tags(char *s)
{
    char *o = s;
    for (const char *p = s; *p; p++) {
        const char *close = *p == '<' && (isalpha((unsigned char)p[1]) || p[1] == '/')
                                ? strchr(p, '>') : NULL;
        if (close)
            p = close;
        else
            *o++ = *p;
    }
    *o = '\0';
}

/* Words of a signature after a description's last sentence, at most. */
#define SIGNED_DESCRIPTION_WORDS 4

/* "- Se voulant ferme…, selon le ministre. - Agence Anadolu": a
 * description framed as a feed item, a dash before it and the site's
 * name after its last sentence; the lede is the sentence. */
static void strip_description_frame(char *s)
{
    if (strncmp(s, "- ", 2) == 0)
        memmove(s, s + 2, strlen(s + 2) + 1);
    char *sign = strstr(s, ". - ");
    if (!sign)
        return;
    for (char *next; (next = strstr(sign + 1, ". - "));)
        sign = next;
    const char *name = sign + 4;
    if (!latin_capital_at(name) || strpbrk(name, ".!?") || word_count(name) > SIGNED_DESCRIPTION_WORDS)
        return;
    for (const char *p = name; *p; p++)
        if (p[0] == ' ' && p[1] && !latin_capital_at(p + 1))
            return; /* a name's words, each capitalized */
    sign[1] = '\0';
}

/* Puts the text as the body's block at (0: before the first). */
static void add_paragraph_at(ora_article *a, size_t at, const char *text)
{
    if (ora_article_add_block(a, ORA_BLOCK_PARAGRAPH, text) == 0) {
        ora_block added = a->blocks[a->n_blocks - 1];
        if (at > a->n_blocks - 1)
            at = a->n_blocks - 1;
        memmove(a->blocks + at + 1, a->blocks + at, (a->n_blocks - 1 - at) * sizeof *a->blocks);
        a->blocks[at] = added;
    }
}

/* Does the body's first paragraph begin with the lede? */
static bool opens_first_paragraph(const ora_article *a)
{
    if (!a->n_blocks || a->blocks[0].kind != ORA_BLOCK_PARAGRAPH)
        return false;
    char *l = squash_folded(a->lede), *p = squash_folded(a->blocks[0].text);
    size_t ll = l ? strlen(l) : 0;
    while (ll && strchr(". ", l[ll - 1]))
        ll--;
    bool opens = l && p && ll > 20 && strncmp(l, p, ll) == 0;
    free(l), free(p);
    return opens;
}

/* Blocks at the top of the body where a lede said again is sought. */
#define LEDE_AGAIN_BLOCKS 10

/* Does the top of the body say these letters (bare_letters), across
 * blocks (a summary box taken as the chapo: its heading and items), past
 * a dek or a paragraph over them? */
static bool top_says(const ora_article *a, const char *letters)
{
    strbuf top;
    sb_init(&top);
    for (size_t i = 0, n = 0; i < a->n_blocks && n < LEDE_AGAIN_BLOCKS; i++) {
        if (a->blocks[i].kind == ORA_BLOCK_CAPTION || a->blocks[i].kind == ORA_BLOCK_TABLE)
            continue;
        char *b = bare_letters(a->blocks[i].text, strlen(a->blocks[i].text));
        if (b)
            sb_adds(&top, b);
        free(b);
        n++;
    }
    bool says = top.s && strstr(top.s, letters);
    sb_free(&top);
    return says;
}

/* Words of a rubric's label over a description, at most. */
#define DESCRIPTION_LABEL_WORDS 3

/* Does the top of the body say the lede again, perhaps without the
 * label a description opens on ("Actualités Politique: FAMILLE – Dans un
 * entretien…", where the body's first paragraph is "FAMILLE – Dans…")? */
static bool said_again_on_top(const ora_article *a)
{
    const char *colon = strstr(a->lede, ": "), *from[2] = {a->lede, NULL};
    size_t spaces = 0;
    for (const char *p = a->lede; colon && p < colon; p++)
        spaces += *p == ' ';
    if (colon && spaces < DESCRIPTION_LABEL_WORDS)
        from[1] = colon + 2;
    bool again = false;
    for (size_t k = 0; k < 2 && from[k] && !again; k++) {
        char *l = bare_letters(from[k], strlen(from[k]));
        again = l && strlen(l) >= 30 && top_says(a, l);
        free(l);
    }
    return again;
}

static bool opens_body(const ora_article *a)
{
    return opens_first_paragraph(a) || opens_paragraphs(a, a->lede, false) || said_again_on_top(a);
}

/* A heading over the body that says the lede ("- Les producteurs…" in
 * an <h4> under the title, the description without its frame): the lede,
 * set as a heading; read once, as the lede. */
static void drop_heading_as_lede(ora_article *a)
{
    if (!a->n_blocks || a->blocks[0].kind != ORA_BLOCK_HEADING)
        return;
    char *l = bare_letters(a->lede, strlen(a->lede));
    char *h = bare_letters(a->blocks[0].text, strlen(a->blocks[0].text));
    if (l && h && strlen(l) >= 30 && strcmp(l, h) == 0) {
        free(a->blocks[0].text);
        memmove(a->blocks, a->blocks + 1, (a->n_blocks - 1) * sizeof *a->blocks);
        a->n_blocks--;
    }
    free(l), free(h);
}

/* Letters of a word that a lede and its article share, at least: short
 * words are function words. */
#define SHARED_WORD_LETTERS 5

/* Does the lede share a word of five letters or more with the body? A
 * lede sums up its article. */
static bool speaks_of_body(const ora_article *a, const char *lede)
{
    char *body = blocks_text(a);
    size_t words = 0, said = body ? words_said(lede, body, SHARED_WORD_LETTERS, &words) : 0;
    free(body);
    return said || !words;
}

/* Letters of a site's name, at least, to be sought in a description. */
#define SITE_NAME_LETTERS 4

static bool says_name(const char *folded, const char *name, size_t n)
{
    while (n && strchr(" |-:", name[n - 1]))
        n--;
    while (n && strchr(" |-:", *name))
        name++, n--;
    if (n < SITE_NAME_LETTERS)
        return false;
    char *cut = ora_strndup(name, n), *f = cut ? squash_folded(cut) : NULL;
    bool says = f && *f && strstr(folded, f);
    free(cut), free(f);
    return says;
}

/* Does the description say the site's name: the declared one, or what
 * the page's <title> holds beside the article's title ("Pourquoi… |
 * Chambre régionale d'agriculture")? */
static bool names_own_site(const ora_article *a, const char *doc_title, const char *lede)
{
    char *l = squash_folded(lede);
    bool named = l && a->site && says_name(l, a->site, strlen(a->site));
    if (l && !named && doc_title && a->title) {
        char *d = squash_folded(doc_title), *t = squash_folded(a->title);
        const char *at = d && t && *t ? strstr(d, t) : NULL;
        if (at)
            named = says_name(l, d, (size_t)(at - d)) || says_name(l, at + strlen(t), strlen(at + strlen(t)));
        free(d), free(t);
    }
    free(l);
    return named;
}

/* A site's description ("Site officiel de la Chambre régionale
 * d'agriculture", "Toute l'actualité en continu") tells nothing of the
 * article: it shares no word with the body, and it names the site or the
 * page does not show it. A lede the page shows is the article's own, even
 * one that shares no word with it ("Le Regard de la semaine est signé
 * Odile Marchand."). */
static bool describes_site(const ora_article *a, const char *doc_title, bool shown)
{
    return a->n_blocks && !speaks_of_body(a, a->lede) && (!shown || names_own_site(a, doc_title, a->lede));
}

/* Does the lede say the title again, maybe with a full stop ("Le chèque
 * énergie sera envoyé plus tôt." under "Le chèque énergie sera envoyé
 * plus tôt"): a description that repeats it? */
static bool repeats_title(const ora_article *a)
{
    if (!a->lede || !a->title)
        return false;
    size_t n = strlen(a->lede);
    while (n && strchr(". ", a->lede[n - 1]))
        n--;
    char *bare = ora_strndup(a->lede, n);
    bool same = bare && same_folded(bare, a->title);
    free(bare);
    return same;
}

/* The lede and the first paragraph say the same once. A declared lede (the
 * meta description) gives way to the page's own paragraph; a lede of many
 * sentences is the article's opening, not a lede: when the page shows it
 * above the body, it is the body's first paragraph (dropped, it would be
 * read nowhere). */
static void give_way(ora_article *a, const char *doc_title, bool declared, bool shown, size_t shown_at)
{
    if (!a->lede)
        return;
    drop_heading_as_lede(a);
    /* a short description over a body is the site's tagline; with no body
     * it is all the page says, and the page is judged on it */
    bool drop = declared && (looks_truncated(a->lede) ||
                             (strlen(a->lede) < CHAPO_MIN && prose_paragraphs(a)));
    if (drop && shown) /* the body's own line ("Attention : cet article
                        * dévoile la fin du film."), left out as the lede,
                        * goes back where it stood */
        add_paragraph_at(a, shown_at, a->lede);
    if (!drop && declared && describes_site(a, doc_title, shown))
        drop = true;
    if (!drop && (opens_body(a) || repeats_title(a)))
        drop = true; /* the first paragraph, or the title again (a description that repeats it) */
    if (!drop && (sentence_count(a->lede) > 4 || strlen(a->lede) > 800)) {
        drop = true;
        if (shown)
            add_paragraph_at(a, 0, a->lede);
    }
    if (drop) {
        free(a->lede);
        a->lede = NULL;
    }
}

bool lede_shown_after(xmlNodePtr root, const node_list *containers, const char *lede)
{
    if (!lede || !containers->n)
        return false;
    static const char *const paragraph[] = {"p", NULL};
    xmlNodePtr p = element_saying(root, paragraph, lede);
    bool in_footer = false;
    for (xmlNodePtr up = p; up && up->type == XML_ELEMENT_NODE; up = up->parent) {
        for (size_t i = 0; i < containers->n; i++)
            if (up == containers->nodes[i])
                return false; /* the article's own paragraph */
        in_footer |= names_footer(up);
    }
    return p && in_footer && xmlXPathCmpNodes(containers->nodes[containers->n - 1], p) == 1;
}

void finish_lede(ora_article *a, const char *doc_title, bool declared, bool shown, size_t shown_at)
{
    give_way(a, doc_title, declared, shown, shown_at);
    if (!prose_paragraphs(a) && a->lede && (shown || !declared)) {
        /* a brief whose only paragraph is its chapo: that is the body */
        add_paragraph_at(a, 0, a->lede);
        free(a->lede);
        a->lede = NULL;
    }
}

/* The description (JSON-LD, then Open Graph or the description meta),
 * without tags; on a page without rules, none when it is cut; completed
 * from the page when the page shows it whole. */
static void take_description(ora_article *a, xmlNodePtr root, const site_rules *r,
                             const page_meta *m, const jsonld_info *j, bool has_rules)
{
    /* each source in turn: a page may cut one for search engines and
     * keep another whole (L'Opinion's JSON-LD and Open Graph end on
     * "...", its description meta does not) */
    const char *sources[] = {j->description, m->og_description, m->description};
    for (size_t k = 0; k < sizeof sources / sizeof *sources && !a->lede; k++) {
        if (!sources[k] || !*sources[k])
            continue;
        a->lede = ora_strdup(sources[k]);
        if (a->lede)
            strip_tags(a->lede), strip_description_frame(a->lede);
        if (a->lede && looks_truncated(a->lede) && !has_rules) {
            /* a cut description is no lede; the chapo shown below, if any */
            free(a->lede);
            a->lede = NULL;
        }
    }
    complete_lede(a, root, r);
}

/* Does the description shorten the chapo the page shows: a shorter text
 * that says two thirds of its long words or more ("Les premiers
 * scientifiques testés à ce sujet préfèrent les jugements de ChatGPT…"
 * declared, "L'intelligence artificielle pourrait-elle… Pour l'instant,
 * les premiers scientifiques testés à ce sujet préfèrent…" shown)? The
 * page's chapo is then the lede, whole. */
static bool shortens(const char *description, const char *shown)
{
    if (strlen(description) >= strlen(shown))
        return false;
    size_t words = 0, said = words_said(description, shown, SHARED_WORD_LETTERS, &words);
    return words >= 3 && said * 3 >= words * 2;
}

bool fill_lede(const reader_data *d, ora_article *a, xmlNodePtr root, const page_meta *m,
               const jsonld_info *j)
{
    const site_rules *r = &d->site, *g = &d->generic;
    bool has_rules = has_site_rules(d);
    if (has_rules) /* default.txt's lede is the fallback below */
        set_once(&a->lede, rule_text(root, r->lede, r));
    bool declared = !a->lede;
    if (!a->lede)
        take_description(a, root, r, m, j, has_rules);
    if (a->lede && declared) {
        /* the description the page shows as its chapo is a shown lede;
         * so is the chapo the description shortens */
        char *shown = shown_chapo(root, g, &d->words);
        if (same_folded(shown, a->lede)) {
            declared = false;
        } else if (shown && !has_rules && shortens(a->lede, shown)) {
            free(a->lede);
            a->lede = shown, shown = NULL;
            declared = false;
        }
        free(shown);
    }
    /* a cut description, or one that repeats the title, gives way to the
     * chapo the page shows (found by its class, not by a site's rule) */
    if ((!a->lede || looks_truncated(a->lede) || !chapo_sized(a->lede) || repeats_title(a)) &&
        declared) {
        char *shown = shown_chapo(root, g, &d->words);
        if (shown) {
            free(a->lede);
            a->lede = shown;
            declared = false;
        }
    }
    return declared;
}

/* Is the text said, by its letters, in the lede or the body's top? */
static bool said_on_top(const ora_article *a, const char *t)
{
    char *l = bare_letters(t, strlen(t));
    bool said = !l || !*l || top_says(a, l);
    if (!said && a->lede) {
        char *b = bare_letters(a->lede, strlen(a->lede));
        said = b && (strstr(b, l) || strstr(l, b));
        free(b);
    }
    free(l);
    return said;
}

void keep_h1_subtitle(const reader_data *d, ora_article *a, xmlNodePtr root)
{
    if (!a->n_blocks)
        return;
    char *t = h1_subtitle(root, &d->generic, &d->words);
    if (t && strlen(t) >= SUBTITLE_MIN && !said_on_top(a, t))
        add_paragraph_at(a, 0, t);
    free(t);
}
