/* The title: the <h1> when a declaration vouches for it, else the first
 * declared one; the site's name and a rubric cut from it. */
#include "html.h"
#include "read/squash.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Words of a rubric at most: "Pétition", "info", "Monde - Europe". */
#define RUBRIC_WORDS 3

/* Words of a declared title that is only a name at most ("MEDEF"). */
#define NAME_TITLE_WORDS 2

/* Separators of a title's parts: "Titre | Le Site", "Le Site : Titre",
 * "Titre ‹ Le Site" (a WordPress theme's). */
static const char *const title_seps[] = {" | ", " - ", " — ", " – ", " \xe2\x80\xb9 ", " \xe2\x80\xba ", " : ", ": ", NULL};

/* "Titre | Le Site" or "Titre - Le Site" → "Titre" (not at ": ", which
 * parts a title's own words more often than a site's name). */
static char *strip_site_suffix(const char *title)
{
    if (!title)
        return NULL;
    /* "Tim Laser Net » Blog Archive » Le chevalet…": a path to the post,
     * whose last step is its title */
    const char *step = NULL;
    for (const char *p = strstr(title, " \xC2\xBB "); p; p = strstr(p + 1, " \xC2\xBB "))
        step = p + 4;
    if (step && breadcrumb_shape(title) && word_count(step) >= 3)
        return ora_strdup(step);
    for (const char *const *s = title_seps; *s && strcmp(*s, ": ") != 0; s++) {
        const char *last = NULL;
        for (const char *p = strstr(title, *s); p; p = strstr(p + 1, *s))
            last = p;
        if (last && strlen(last) < 40 && last - title > 15)
            return ora_strndup(title, (size_t)(last - title));
    }
    return ora_strdup(title);
}

/* Does a separator of a title's parts open (end 0) or end (end 1) the n
 * bytes at s? */
static bool parted_at(const char *s, size_t n, bool end)
{
    for (const char *const *sep = title_seps; *sep; sep++) {
        size_t k = strlen(*sep);
        if (n >= k && strncmp(end ? s + n - k : s, *sep, k) == 0)
            return true;
    }
    return false;
}

/* Words from which a shown title parted from the rest of the declared one
 * is that title, however long the rest: a logo's <h1> is a name of one to
 * three words. */
#define PARTED_TITLE_WORDS 4

/* Words a declared title may set before the shown one ("Receita de",
 * "Recette :") when a separator parts a site's or an author's name after
 * it. */
#define FRAME_LEAD_WORDS 3

/* Is the folded shown title h inside the folded declared one d, after a
 * few words and before a separator ("receita de strogonoff de frango -
 * leticia | cybercook" around "strogonoff de frango")? */
static bool framed(const char *d, const char *h)
{
    size_t hl = strlen(h);
    if (spaced_words(h) < 2)
        return false;
    for (const char *p = strstr(d, h); p; p = strstr(p + 1, h)) {
        if (p == d || p[-1] != ' ' || !p[hl] || !parted_at(p + hl, strlen(p + hl), false))
            continue;
        char *lead = ora_strndup(d, (size_t)(p - d));
        size_t words = lead ? spaced_words(lead) : FRAME_LEAD_WORDS + 1;
        free(lead);
        if (words <= FRAME_LEAD_WORDS)
            return true;
    }
    return false;
}

/* Does a declared title say the shown one, give or take a site name
 * after it or a rubric before it ("Pétition : …", "VIDÉO. …"), or both
 * ("Receita de X - Leticia | CyberCook")? */
static bool declares(const char *declared, const char *shown)
{
    char *d = squash_folded(declared), *h = squash_folded(shown);
    bool yes = false;
    if (d && h && strlen(h) > 10) {
        size_t dl = strlen(d), hl = strlen(h);
        bool opens = strncmp(d, h, hl < dl ? hl : dl) == 0, ends = dl > hl && strcmp(d + dl - hl, h) == 0;
        /* the shown title is most of the declared one: a site's name in
         * an <h1> logo is not the title; or a separator parts it from a
         * long rest ("A Light Filled LA Loft — House Call | Apartment
         * Therapy", "McSweeney's Internet Tendency: The Middle Manager's
         * Oath.") */
        bool parted = spaced_words(h) >= PARTED_TITLE_WORDS &&
                      ((opens && dl > hl && parted_at(d + hl, dl - hl, false)) ||
                       (ends && parted_at(d, dl - hl, true)));
        /* a declared name the shown line only opens with ("FPEV" over
         * "FPEV Contactez-nous") vouches for no headline */
        bool name_opens = dl < hl && spaced_words(d) == 1; /* not "Le budget" over "Le budget voté" */
        yes = (hl * 2 >= dl && (opens || ends) && !name_opens) || parted || framed(d, h);
    }
    free(d), free(h);
    return yes;
}

bool title_matches_declared(const char *h1, const jsonld_info *j, const page_meta *m)
{
    const char *declared[] = {j->headline, m->og_title, m->meta_title, m->doc_title};
    for (size_t i = 0; i < 4; i++)
        if (h1 && declared[i] && declares(declared[i], h1))
            return true;
    return false;
}

/* Does a part of a title name the page's host ("Le Courrier" or
 * "lecourrier.fr" on www.lecourrier.fr)? The site's name, when the page
 * declares none. A few letters may open it (an article: "L'Écho du
 * Périgord" on echoduperigord.fr). */
#define HOST_NAME_MIN 4
#define HOST_LEAD_MAX 3
static bool names_host(const char *part, size_t n, const char *host)
{
    if (!host || n > 60)
        return false;
    char *bare = bare_letters(part, n);
    size_t bl = bare ? strlen(bare) : 0;
    bool hit = false;
    for (const char *label = host; bare && *label && !hit;) {
        size_t ll = strcspn(label, ".");
        const char *tld = label[ll] ? label + ll + 1 : NULL;
        if (tld && ll >= HOST_NAME_MIN && strncmp(label, "www", ll) != 0) {
            size_t tl = strcspn(tld, ".");
            hit = (bl >= ll && bl - ll <= HOST_LEAD_MAX && memcmp(bare + bl - ll, label, ll) == 0) ||
                  (bl == ll + tl && memcmp(bare, label, ll) == 0 && memcmp(bare + ll, tld, tl) == 0);
        }
        label += ll + (label[ll] == '.');
    }
    free(bare);
    return hit;
}

/* "tsr.ch", "lesoir.be": a part that is a host name in small letters
 * names a site, whatever the page declares ("Node.js" is no host). */
#define TLD_MIN 2
#define TLD_MAX 6
static bool host_shaped(const char *part, size_t n)
{
    size_t dot = n;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)part[i];
        if (c == '.')
            dot = i;
        else if (!islower(c) && !isdigit(c) && c != '-')
            return false;
    }
    if (dot == n || dot < 2)
        return false;
    size_t tld = n - dot - 1;
    for (size_t i = dot + 1; i < n; i++)
        if (!isalpha((unsigned char)part[i]))
            return false;
    return tld >= TLD_MIN && tld <= TLD_MAX;
}

static bool names_site(const char *part, size_t n, const char *const *sites, size_t ns,
                       const char *host)
{
    if (host_shaped(part, n))
        return true;
    char *p = ora_strndup(part, n);
    bool same = false;
    for (size_t i = 0; i < ns && !same; i++)
        same = sites[i] && *sites[i] && same_folded(p, sites[i]);
    free(p);
    return same || names_host(part, n, host);
}

/* "Titre - tsr.ch - info - suisse": the site's name, then the rubrics
 * of its menu (a few words each) to the end. The title is what comes
 * before the name; NULL when the title is not so made. */
static char *site_before_rubrics(const char *title, const char *sep, const char *const *sites,
                                 size_t n, const char *host)
{
    size_t k = strlen(sep);
    for (const char *p = strstr(title, sep); p; p = strstr(p + k, sep)) {
        const char *part = p + k, *next = strstr(part, sep);
        if (!next || !names_site(part, (size_t)(next - part), sites, n, host))
            continue;
        bool rubrics = true;
        for (const char *r = next; r && rubrics; r = strstr(r + k, sep)) {
            const char *end = strstr(r + k, sep);
            char *rubric = ora_strndup(r + k, end ? (size_t)(end - r - k) : strlen(r + k));
            rubrics = rubric && word_count(rubric) <= RUBRIC_WORDS;
            free(rubric);
        }
        if (rubrics && p > title)
            return ora_strndup(title, (size_t)(p - title));
    }
    return NULL;
}

/* "Titre | Le Site", "Le Site - Titre" → "Titre", when the part cut is
 * the site's name (declared, or the host's, compared folded). A title the
 * <h1> shows as it is keeps a name after its colon: "Profil du mois :
 * L'AIRE VISUELLE" is about the site itself. */
static char *strip_site_name(char *title, const char *const *sites, size_t n,
                             const char *host, bool shown)
{
    static const char *const seps[] = {" | ", " - ", " \xe2\x80\x94 ", " \xe2\x80\x93 ",
                                       " \xe2\x80\xb9 ", " \xe2\x80\xba ",
                                       " : ", " \xc2\xb7 ", " \xe2\x80\xa2 ", NULL};
    if (!title)
        return NULL;
    for (const char *const *sep = seps; *sep; sep++) {
        if (shown && strcmp(*sep, " : ") == 0)
            continue;
        const char *last = NULL, *first = strstr(title, *sep);
        for (const char *p = first; p; p = strstr(p + 1, *sep))
            last = p;
        if (!last)
            continue;
        char *cut = NULL;
        const char *after = last + strlen(*sep);
        if (names_site(after, strlen(after), sites, n, host))
            cut = ora_strndup(title, (size_t)(last - title));
        else if (names_site(title, (size_t)(first - title), sites, n,
                            strcmp(*sep, " : ") ? host : NULL)) /* "Marseille : …" */
            cut = ora_strdup(first + strlen(*sep));
        if (!cut)
            cut = site_before_rubrics(title, *sep, sites, n, host);
        if (cut && *cut) {
            free(title);
            return cut;
        }
        free(cut);
    }
    return title;
}

/* A rubric before a declared title ("Pétition : X", "VIDÉO. X") that
 * another declaration, or the <h1>, gives without it: the rest is the
 * title. */
static char *drop_rubric(char *title, const char *const *others, size_t n)
{
    static const char *const ends[] = {" : ", ". ", NULL};
    for (const char *const *e = ends; title && *e; e++) {
        const char *at = strstr(title, *e);
        if (!at || at == title)
            continue;
        char *rubric = ora_strndup(title, (size_t)(at - title));
        size_t words = word_count(rubric);
        free(rubric);
        const char *rest = at + strlen(*e);
        for (size_t i = 0; words <= RUBRIC_WORDS && i < n; i++) {
            if (others[i] && same_folded(rest, others[i])) {
                char *t = ora_strdup(others[i]); /* its own capitals */
                free(title);
                return t;
            }
        }
    }
    return title;
}

/* A candidate for the title that is not the site's name alone (a <title>
 * that says only "Le Courrier"); the first that is, is kept aside: the
 * title of a page whose every candidate names the site (a front page). */
typedef struct {
    const char *sites[3];
    const char *host;
    char *site_named;
} title_offers;

static void offer_title(ora_article *a, char *t, title_offers *o)
{
    if (t && names_site(t, strlen(t), o->sites, 3, o->host)) {
        set_once(&o->site_named, t);
        return;
    }
    set_once(&a->title, t);
}

/* Does the shown title say half or more of the declared one's words, in
 * other words or an order of its own ("Lady Gaga Shares Pic of Ex Taylor
 * Kinney With Her Mom" declared, "Lady Gaga Shares Photo of Ex Taylor
 * Kinney Hanging With Her Mom and Now We're Confused" shown)? Then it is
 * the same headline, as the page shows it; a social card's shortened one
 * is declared. Short words ("de", "la", "the") count for nothing: any two
 * titles share them. */
#define LONG_WORD 4
#define SHARED_WORDS_MIN 3
static bool says_most_words(const char *declared, const char *shown)
{
    size_t words = 0, found = words_said(declared, shown, LONG_WORD, &words);
    return words >= SHARED_WORDS_MIN && found * 2 >= words;
}

static bool says_declared_words(const char *shown, const jsonld_info *j, const page_meta *m)
{
    const char *declared[] = {j->headline, m->og_title, m->meta_title, m->doc_title};
    for (size_t i = 0; i < 4; i++)
        if (declared[i] && says_most_words(declared[i], shown))
            return true;
    return false;
}

/* A badge in a headline: an element a class names a label, a badge or
 * a flag ("<span class="label abo">Abonnés</span>"), or NULL. */
static xmlNodePtr badge_in(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (names_badge(c))
            return c;
        xmlNodePtr hit = badge_in(c);
        if (hit)
            return hit;
    }
    return NULL;
}

/* A headline's last words that are its badge ("Didier Porte souhaite la
 * Santé à Balkany Abonnés") are cut from its text, in place. */
static void drop_badge(xmlNodePtr h, const site_rules *r, char *shown)
{
    xmlNodePtr badge = badge_in(h);
    char *t = badge ? element_text(badge, r) : NULL;
    size_t sl = strlen(shown), tl = t ? strlen(t) : 0;
    if (t && sl > tl + 1 && shown[sl - tl - 1] == ' ' && strcmp(shown + sl - tl, t) == 0)
        shown[sl - tl - 1] = '\0';
    free(t);
}

/* A headline's text without its badge; NULL when blank. */
static char *headline_text(xmlNodePtr h, const site_rules *r)
{
    char *t = element_text(h, r);
    if (t)
        drop_badge(h, r, t);
    return t;
}

/* How strongly a page vouches for one of its <h1>s as the title: a
 * declaration repeats it, or it declares itself (microdata "headline"),
 * or it says most of a declared title's words. */
enum { NOT_VOUCHED, SAYS_WORDS, DECLARED };

static int vouched(xmlNodePtr h, const char *text, const jsonld_info *j, const page_meta *m)
{
    char *prop = node_prop(h, "itemprop");
    bool self = prop && strcmp(prop, "headline") == 0;
    free(prop);
    if (self || title_matches_declared(text, j, m))
        return DECLARED;
    return word_count(text) >= SHARED_WORDS_MIN && says_declared_words(text, j, m)
               ? SAYS_WORDS : NOT_VOUCHED;
}

/* On a page without a rule, the first <h1> is often not the title (a
 * "Trending" box, a logo): the one the page vouches for the most strongly
 * is, the longest of those; never the site's name nor a link to another
 * page. */
static void find_vouched(xmlNodePtr n, const site_rules *r, const jsonld_info *j,
                         const page_meta *m, const title_offers *o, xmlNodePtr *best,
                         int *strength, size_t *best_len)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || never_text(n))
            continue;
        if (!selector_matches(n, r->title)) {
            find_vouched(n->children, r, j, m, o, best, strength, best_len);
            continue;
        }
        char *t = headline_text(n, r);
        int v = t && !names_site(t, strlen(t), o->sites, 3, o->host) &&
                        !is_linked_headline(n)
                    ? vouched(n, t, j, m) : NOT_VOUCHED;
        /* two the declarations vouch for alike: the one that says more of
         * them ("La Voix d'en bas", a logo's <h1>, is the end of "Titre |
         * Chroniques | La Voix d'en bas", the headline its start) */
        size_t len = t ? strlen(t) : 0;
        if (v > *strength || (v == *strength && v != NOT_VOUCHED && len > *best_len))
            *best = n, *strength = v, *best_len = len;
        free(t);
    }
}

/* Words from which a page's only <h1> is its title when the page declares
 * none but its <title>, which a site often words for search engines
 * ("Dylann Roof Convicted Of Charleston Church Massacre : The Two-Way :
 * NPR" over "Jury Finds Dylann Roof Guilty In S.C. Church Shooting"). */
#define LONE_H1_WORDS 4

/* Words of the one <h1> left, at least, when the page's <title> is the
 * name its logo's <h1> gives. */
#define UNDER_LOGO_H1_WORDS 2

/* The <h1> under n when there is one only (*seen counts them); the
 * logo's, a link that says the page's <title> ("1star"), is not counted
 * (*logo_seen tells it stood there). */
static xmlNodePtr only_h1(xmlNodePtr n, const char *doc_title, int *seen, bool *logo_seen)
{
    xmlNodePtr found = NULL;
    for (; n && *seen < 2; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (node_is(n, "h1") && doc_title && is_linked_headline(n) && element_says(n, doc_title)) {
            *logo_seen = true;
            continue;
        }
        if (node_is(n, "h1") && ++*seen == 1)
            found = n;
        xmlNodePtr inner = only_h1(n->children, doc_title, seen, logo_seen);
        found = found ? found : inner;
    }
    return *seen == 1 ? found : NULL;
}

/* The page's one <h1> when it is the only one, neither a link nor the
 * site's name; NULL otherwise. Under a logo that says the page's <title>,
 * the <title> is the site's name, and a short headline is the title. */
static xmlNodePtr lone_h1(xmlNodePtr root, const site_rules *r, const title_offers *o, const char *doc_title)
{
    int seen = 0;
    bool logo = false;
    xmlNodePtr first = only_h1(root, doc_title, &seen, &logo);
    if (!first || is_linked_headline(first))
        return NULL;
    char *t = element_text(first, r);
    bool ok = t && word_count(t) >= (logo ? UNDER_LOGO_H1_WORDS : LONE_H1_WORDS) &&
              !names_site(t, strlen(t), o->sites, 3, o->host);
    free(t);
    return ok ? first : NULL;
}

/* Is the page's <title> only a name, the site's ("MEDEF", "Le Courrier"),
 * where the page shows a headline of its own words in its <h1>
 * ("Alternative dispute resolution for antitrust damages")? */
static bool doc_title_is_a_name(const char *doc, const char *shown)
{
    if (!doc || word_count(doc) > NAME_TITLE_WORDS || word_count(shown) < LONE_H1_WORDS)
        return false;
    char *d = squash_folded(doc), *h = squash_folded(shown);
    bool inside = d && h && strstr(h, d);
    free(d), free(h);
    return !inside;
}

/* Words of a declared title's part, at least, for a heading of the page
 * that says it to make it the title. */
#define SHOWN_PART_WORDS 3

/* Whether href names a site's home page: "/", "./", "index.html", or an
 * address with no path ("https://exemple.fr/"). */
static bool home_address(const char *href)
{
    if (!strcmp(href, "/") || !strcmp(href, "./") || !strcmp(href, "index.html") || !strcmp(href, "/index.html"))
        return true;
    const char *host = strstr(href, "://");
    if (!host)
        return false;
    const char *path = strchr(host + 3, '/');
    return !path || !strcmp(path, "/") || !strcmp(path, "/index.html");
}

/* Whether the first link in heading h points home: the site's logo, set
 * as a heading, whose words are the site's name. */
static bool links_home(xmlNodePtr h)
{
    for (xmlNodePtr c = h->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (node_is(c, "a")) {
            char *href = node_prop(c, "href");
            bool home = href && home_address(href);
            free(href);
            return home;
        }
        return links_home(c);
    }
    return false;
}

/* Is there an <h1> to <h4> under n that says s, folded, and is no logo
 * linking home? */
static bool shown_as_heading(xmlNodePtr n, const char *s)
{
    static const char *const levels[] = {"h1", "h2", "h3", "h4", NULL};
    xmlNodePtr h = element_saying(n, levels, s);
    return h && !links_home(h);
}

/* "OMCI - INHA", "RTBF": a part in capitals only, as a site's initials are. */
static bool capitals_only(const char *s)
{
    size_t letters = 0;
    for (; *s; s++) {
        if (islower((unsigned char)*s) || (unsigned char)*s >= 0x80)
            return false;
        letters += isupper((unsigned char)*s) != 0;
    }
    return letters >= 2;
}

/* "TINKTANK - Les ingrédients magiques de Museomix": a declared title in
 * two parts, one of which the page shows as a heading (a theme's <h3>
 * over the post, which no selector of a title takes), is that part; the
 * other is the site's name, however it is written, which a logo's <h1>
 * linking home may show too. A part of a word or two is the title only
 * when the other names the site's host or is in capitals only. */
static char *part_shown(char *title, xmlNodePtr root, const char *host)
{
    static const char *const seps[] = {" | ", " - ", " \xe2\x80\x94 ", " \xe2\x80\x93 ", " \xc2\xb7 ", NULL};
    for (const char *const *sep = seps; title && *sep; sep++) {
        const char *first = strstr(title, *sep);
        if (!first || strstr(first + 1, *sep))
            continue; /* one separator, two parts */
        const char *after = first + strlen(*sep);
        char *before = ora_strndup(title, (size_t)(first - title));
        char *cut = NULL;
        if (spaced_words(after) >= SHOWN_PART_WORDS && shown_as_heading(root, after))
            cut = ora_strdup(after);
        else if (before && (spaced_words(before) >= SHOWN_PART_WORDS || names_host(after, strlen(after), host) ||
                            capitals_only(after)) &&
                 shown_as_heading(root, before))
            cut = before, before = NULL; /* "Âme · OMCI - INHA" on omci.inha.fr, over its <h2> "Âme" */
        free(before);
        if (cut) {
            free(title);
            return cut;
        }
    }
    return title;
}

void fill_title(ora_article *a, xmlNodePtr root, const site_rules *r,
                const page_meta *m, const jsonld_info *j, bool has_rules,
                const char *host)
{
    title_offers o = {{m->og_site, j->publisher, m->publisher}, host, NULL};
    xmlNodePtr h = selector_find_first_of(root, r->title), lone = NULL;
    if (!has_rules) {
        xmlNodePtr best = NULL;
        int strength = NOT_VOUCHED;
        size_t best_len = 0;
        find_vouched(root, r, j, m, &o, &best, &strength, &best_len);
        if (!best && !j->headline && !m->og_title && !m->meta_title)
            best = lone = lone_h1(root, r, &o, m->doc_title);
        if (best)
            h = best;
    }
    char *shown = h ? headline_text(h, r) : NULL;
    if (shown && (names_site(shown, strlen(shown), o.sites, 3, host) || (!has_rules && links_home(h)))) {
        free(shown); /* an <h1> around the logo */
        shown = NULL;
    }
    if (shown && (has_rules || (lone && h == lone) || vouched(h, shown, j, m) != NOT_VOUCHED))
        set_once(&a->title, ora_strdup(shown));
    offer_title(a, ora_strdup(j->headline), &o);
    offer_title(a, ora_strdup(m->og_title), &o);
    offer_title(a, ora_strdup(m->meta_title), &o);
    if (shown && doc_title_is_a_name(m->doc_title, shown))
        set_once(&o.site_named, ora_strdup(m->doc_title)); /* <title>MEDEF</title> over its <h1> */
    else
        offer_title(a, strip_site_suffix(m->doc_title), &o);
    /* an <h1> that is a link is a teaser's headline (a front page's top
     * story), not the page's title */
    if (h && (has_rules || !is_linked_headline(h)))
        offer_title(a, ora_strdup(shown), &o);
    set_once(&a->title, o.site_named);
    a->title = strip_site_name(a->title, o.sites, 3, host, shown && a->title && strcmp(a->title, shown) == 0);
    a->title = part_shown(a->title, root, host);
    const char *others[] = {j->headline, m->og_title, m->meta_title, shown};
    a->title = drop_rubric(a->title, others, 4);
    free(shown);
}
