/* Title candidates and their score. */
#include "text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A sentence's full stop right against a capitalized word ("… depuis deux
 * ans.Éric Fontaine": a lede and its author's name, which a copy ran
 * together); initials ("U.S.") are no such stop. */
static bool glued_stop(const char *s)
{
    for (const char *p = s + 2; *p; p++)
        if (p[-1] == '.' && latin_lower_at(p - 2) && latin_capital_at(p) &&
            latin_lower_at(p + ((unsigned char)*p < 0x80 ? 1 : 2)))
            return true;
    return false;
}

/* Words at most of a line of labels run together ("franceinfoGérald
 * RouxRadio France"): a longer line with two joins is prose with a typo. */
#define GLUED_BOX_WORDS 6

/* How many times a small letter or a digit stands right against a
 * capital, inside a word (the labels of buttons and links that a copy ran
 * together), a glued full stop counting once; two at most. */
static int glued_words(const char *s)
{
    int joins = glued_stop(s);
    for (const char *p = s + 1; *p && joins < 2; p++) {
        unsigned char c = (unsigned char)p[-1];
        joins += (islower(c) || isdigit(c)) && latin_capital_at(p);
    }
    return joins;
}

/* "Préparation : 20 min Cuisson : 45 min": fields and their values, two
 * labels or more each followed by a number; a headline has one colon. */
static bool fields_line(const char *s)
{
    int fields = 0;
    for (const char *p = s; (p = strchr(p, ':')); p++) /* "de 12:00 à 14:00" are times */
        fields += (p == s || !isdigit((unsigned char)p[-1])) &&
                  (isdigit((unsigned char)p[1]) || (p[1] == ' ' && isdigit((unsigned char)p[2])));
    return fields >= 2;
}

/* "U.N.", "U.S.": initials, each a capital and its dot; a headline may
 * end on them, its dot no full stop. */
bool text_ends_on_initials(const char *s, size_t n)
{
    size_t k = 0;
    while (n >= 2 && s[n - 1] == '.' && s[n - 2] >= 'A' && s[n - 2] <= 'Z')
        n -= 2, k++;
    return k >= 2 && (n == 0 || s[n - 1] == ' ');
}

/* Two to thirty words, no full stop at the end, not a list item. */
/* "VIDÉO. Le conseil adopte…", "EXCLUSIF - …": a rubric in capitals, a
 * stop or a dash, then a headline of five words or more. The rubric alone
 * ("VIDÉO - Revoir le débat" is a box's label) is dropped as furniture;
 * with a whole headline after it, the line may be the title. */
#define RUBRIC_HEADLINE_WORDS 5
static bool rubric_over_headline(const line *l)
{
    const char *p = l->s;
    size_t caps = 0;
    while (*p && *p != ' ' && *p != '.' && *p != ':') {
        if (latin_lower_at(p))
            return false;
        caps += latin_capital_at(p);
        uint32_t cp;
        int k = utf8_decode(p, l->len - (size_t)(p - l->s), &cp);
        p += k > 0 ? k : 1;
    }
    if (caps < 4)
        return false;
    if (str_starts_with(p, ". ") || str_starts_with(p, ": "))
        p += 2;
    else if (str_starts_with(p, " - ") || str_starts_with(p, " : "))
        p += 3;
    else
        return false;
    return latin_capital_at(p) && l->words >= RUBRIC_HEADLINE_WORDS + 1;
}

/* Words of a rubric's part at most. */
#define RUBRIC_PART_WORDS 3

/* "Analyse et réflexion · Répression - prisons": rubrics parted by a
 * middle dot (and dashes), each of a few words; a path, not a headline. */
bool text_rubric_path(const line *l)
{
    if (!strstr(l->s, " \xC2\xB7 "))
        return false;
    size_t words = 0;
    for (const char *p = l->s; *p;) {
        if (strncmp(p, " \xC2\xB7 ", 4) == 0 || strncmp(p, " - ", 3) == 0) {
            if (words > RUBRIC_PART_WORDS)
                return false;
            words = 0;
            p += p[1] == '-' ? 3 : 4;
            continue;
        }
        words += (p == l->s || p[-1] == ' ') && *p != ' ';
        p++;
    }
    return words <= RUBRIC_PART_WORDS;
}

bool text_title_like(const line *l)
{
    if (l->len < 12 || l->len > 250 || l->words < 2 || l->words > 30 || l->bullet ||
        (l->drop && !rubric_over_headline(l)) || l->credit || l->meta || l->end || l->cut)
        return false;
    char c = l->s[l->len - 1];
    return (c != '.' || text_ends_on_initials(l->s, l->len)) && c != ':' && c != ',' && c != ';' &&
           !strchr(l->s, '|') && !text_slash_names(l) &&
           !l->credit_in && !breadcrumb_shape(l->s) && !fields_line(l->s) && !text_rubric_path(l);
}

/* Words of a menu that a copy runs together on one line, at least. */
#define GLUED_MENU_WORDS 3

/* "Accueil À propos Institutions Actualités Contact": a menu's links that
 * a copy ran together, opening on the home link (furniture.txt's
 * breadcrumb cues), its words capitalized but one in four at most. A
 * headline that opens so goes on in small letters ("Accueil des
 * réfugiés : la mairie…"). */
bool text_glued_menu(const reader *r, const line *l)
{
    if (l->words < GLUED_MENU_WORDS || !cue_prefix(&r->cues.breadcrumb, l->s))
        return false;
    size_t small = 0;
    for (const char *p = l->s; *p; p++)
        if ((p == l->s || p[-1] == ' ') && *p != ' ')
            small += !latin_capital_at(p);
    return small * 4 <= l->words;
}

/* A short link, unpunctuated, that is neither a dateline nor a name, nor
 * a sign-up promo that a head may set over its title. */
static bool link_like(const reader *r, size_t i)
{
    const line *l = &r->l[i];
    return l->len < 40 && !l->sentence && !l->meta && !l->credit && !l->pitch &&
           !cue_counter_line(&r->cues, l->s) && !text_author_again(r, i);
}

/* A line with a blank line over and under it: a copy sets a page's
 * headings and paragraphs so, a list's items (a menu's links) line under
 * line, or with bullets. */
static bool block_alone(const reader *r, size_t i)
{
    return !r->l[i].tight && !(i + 1 < r->n && r->l[i + 1].tight);
}

/* In a menu: a short link among short links, or a block of its own among
 * blocks of their own, alike bulleted or not; a comment counter ("12
 * Comments") and the author's name over the dateline are the head's. */
bool text_in_menu(const reader *r, size_t i)
{
    int links = 0;
    bool alone = block_alone(r, i);
    for (size_t j = i > 2 ? i - 2 : 0; j < r->n && j <= i + 2; j++)
        links += j != i && link_like(r, j) && (!alone || (block_alone(r, j) && r->l[j].bullet == r->l[i].bullet));
    return link_like(r, i) && links >= 3;
}

bool text_same_line(const char *a, const char *b)
{
    size_t n = strlen(a);
    return strncmp(a, b, n) == 0 && (b[n] == '\0' || (b[n] == '.' && !b[n + 1]));
}

/* Does the copy show line i again: the same line, or (opening) a longer
 * one that opens with it (a picture's alt text or legend that repeats the
 * title and adds the credit, "X Ayn Rand (Credit: …)")? */
static bool shows_line_at(const reader *r, size_t i, size_t j, bool opening)
{
    const line *l = &r->l[i];
    return j != i && r->l[j].len >= l->len && strncmp(r->l[j].s, l->s, l->len) == 0 &&
           (r->l[j].len == l->len || (opening && r->l[j].s[l->len] == ' '));
}

bool text_shown_again(const reader *r, size_t i, bool opening)
{
    for (size_t j = 0; j < r->n; j++)
        if (shows_line_at(r, i, j, opening))
            return true;
    return false;
}

/* Whether the copy shows line i again, other than as an entry of a
 * table of contents above body. */
bool text_shown_again_outside_contents(const reader *r, size_t i, size_t body)
{
    for (size_t j = 0; j < r->n; j++)
        if (shows_line_at(r, i, j, false) && !(j < body && text_contents_entry(r, j, body)))
            return true;
    return false;
}

/* Under "Sur le même sujet" or "À lire aussi" (an end marker or a
 * see-also cue) within six lines, with no prose between: a box of links to
 * other articles (their labels, headlines, bylines). A list of two links
 * or more that the copy sets line under line ends at a blank line: the
 * headline under it is the page's own (a kicker and its headline, under
 * the label, may be set so inside the box). */
static bool in_box_under(const reader *r, size_t i, bool end_markers)
{
    for (size_t j = i; j-- > 0 && i - j <= 6;) {
        if (r->l[j].cls == GOOD)
            return false;
        if (r->l[j].len <= 40 && ((end_markers && r->l[j].end) || text_announces_link(r, r->l[j].s)))
            return !text_parted_from_list(r, j + 1, i);
    }
    return false;
}

static bool in_see_also_box(const reader *r, size_t i)
{
    return in_box_under(r, i, true);
}

/* A label of three words at most that the copy shows three times or
 * more ("Recommendation image", a picture's alt text under each teaser;
 * a button): no headline. */
bool text_repeated_label(const reader *r, size_t i)
{
    return r->l[i].words <= 3 && text_copies_of(r, i, 0, r->n, 3) >= 3;
}

/* The same headline again within two lines (over and under its rubric,
 * or twice in a row as a copy gives a title and its hidden repeat): a
 * list of links to other articles does not name one twice. */
static bool doubled(const reader *r, size_t i)
{
    for (size_t j = i > 2 ? i - 2 : 0; j < r->n && j <= i + 2; j++)
        if (j != i && r->l[j].len == r->l[i].len && r->l[i].words >= 4 && strcmp(r->l[j].s, r->l[i].s) == 0)
            return true;
    return false;
}

/* A headline or a link: no full stop, no dateline, no credit. */
static bool unpunctuated_item(const line *l)
{
    return !l->full_stop && !l->meta && !l->credit && !l->credit_in && l->words >= 1 && l->words <= 20;
}

/* How many lines of the block around i (lines no blank line parts) are
 * headlines or links. A copy sets a page's headings and paragraphs
 * between blank lines and the items of a list or a box without: two such
 * lines around i make it an item of a list ("Trending" over four
 * headlines, a menu), not the article's heading. */
static int block_items(const reader *r, size_t i)
{
    int n = 0;
    for (size_t j = i; j > 0 && i - j < 8 && r->l[j].tight; j--)
        n += unpunctuated_item(&r->l[j - 1]);
    for (size_t j = i + 1; j < r->n && j - i <= 8 && r->l[j].tight; j++)
        n += unpunctuated_item(&r->l[j]);
    return n;
}

/* Lines of prose under a title candidate whose words are sought, words of
 * that many letters or more, and what the candidate's share of them found
 * there is worth (all of them, or three of three words or fewer): a
 * share, so that a long dek does not outscore its title by its length. */
#define TITLE_ECHO_LINES 12
#define TITLE_ECHO_LETTERS 6
#define TITLE_ECHO_SCORE 18

/* "Mardi 13 décembre 2016" alone under a site's name, a headline between
 * it and the prose: the date of the day a masthead shows (or a blog's date
 * over its post's title), with its weekday and without a time. It dates
 * the page, it does not mark the line over it as the title. A headline,
 * not a dek: four to thirteen words. An article's own date under its title
 * rarely names the day ("24 July 2015" / "From the section US & Canada"). */
#define MASTHEAD_HEADLINE_WORDS 14
#define MASTHEAD_REACH 4
#define MENU_LINK_WORDS 3
static bool masthead_date(const reader *r, size_t j)
{
    char iso[32];
    const line *d = &r->l[j];
    size_t day = strcspn(d->s, " ,");
    if (!d->meta || !cue_word_nocase(&r->cues.weekday, d->s, day) ||
        dateline_date(&r->cues, d->s, iso) != d->len || strchr(iso, 'T'))
        return false;
    /* the headline may open the stretch, which smoothing joined to it; a
     * menu's short links may stand between (they do not count) */
    for (size_t k = j + 1, seen = 0;
         k < r->n && seen < MASTHEAD_REACH && (!r->l[k].full_stop || text_headline_question(&r->l[k])); k++) {
        if (!r->l[k].meta && r->l[k].words >= 4 && r->l[k].words < MASTHEAD_HEADLINE_WORDS &&
            text_title_like(&r->l[k]))
            return true;
        seen += r->l[k].words > MENU_LINK_WORDS;
    }
    return false;
}

/* Lines around a date where its copies are counted, each way: a list's
 * teasers share a date a few lines apart ("News" / headline / "14
 * octobre 2020", a dozen times); an article shows its own once or twice. */
#define LIST_DATE_REACH 60

static bool list_date(const reader *r, size_t j)
{
    size_t from = j > LIST_DATE_REACH ? j - LIST_DATE_REACH : 0;
    size_t to = j + LIST_DATE_REACH < r->n ? j + LIST_DATE_REACH : r->n;
    char iso[32];
    /* a date alone: "By Jack Mirkinson" may come back three times in a head */
    return r->l[j].words <= 4 && text_copies_of(r, j, from, to, 3) >= 3 &&
           dateline_date(&r->cues, r->l[j].s, iso) == r->l[j].len;
}

/* Each candidate looks at the lines under it, so each date line is
 * judged once, here. */
void text_mark_mastheads(reader *r)
{
    for (size_t j = 0; j < r->n; j++) {
        r->l[j].masthead = r->l[j].meta && masthead_date(r, j);
        r->l[j].list_date = r->l[j].meta && list_date(r, j);
    }
}

/* "3–4 minutes" alone, a reading time as Firefox's Reader View sets it
 * under the title and the author. */
static bool reader_view_time(const reader *r, size_t j)
{
    return r->l[j].len < 20 && isdigit((unsigned char)r->l[j].s[0]) && cue_reading_time(&r->cues, r->l[j].s);
}

/* A dateline under a title candidate: a meta line, not a masthead's date
 * nor a list's. */
static bool dateline_below(const reader *r, size_t j)
{
    return r->l[j].meta && !r->l[j].masthead && !r->l[j].list_date;
}

/* Does the copy show line i again other than as a link under "Related"
 * or in a box of links? A teaser comes back in another list of links
 * ("Most Popular", then "Related"); a title comes back in a breadcrumb, a
 * share box, a picture's legend. */
static bool shown_again_outside_links(const reader *r, size_t i)
{
    for (size_t j = 0; j < r->n; j++)
        if (shows_line_at(r, i, j, true) && !r->l[j].listed && !in_see_also_box(r, j))
            return true;
    return false;
}

/* A link of a menu as a copy gives it: a word or three, no sentence, no
 * date, no button the boilerplate knows ("Partager"). */
static bool menu_link_shape(const line *l)
{
    return l->words >= 1 && l->words <= 3 && !l->full_stop && !l->meta && !l->drop;
}

/* Lines under a banner where its menu's links are looked for. */
#define BANNER_MENU_REACH 3

/* Whether two of the lines right under line i are a menu's links, one of
 * them the same as one under line j (when j is not i). */
static bool over_menu_links(const reader *r, size_t i, size_t j)
{
    size_t links = 0;
    bool shared = j == i;
    for (size_t k = i + 1; k < r->n && k <= i + BANNER_MENU_REACH; k++) {
        if (!menu_link_shape(&r->l[k]))
            continue;
        links++;
        for (size_t m = j + 1; !shared && m < r->n && m <= j + BANNER_MENU_REACH; m++)
            shared = strcmp(r->l[m].s, r->l[k].s) == 0;
    }
    return links >= 2 && shared;
}

/* "Maison des Jeunes et de la Culture Morlaix" over "La MJC",
 * "Activités"…, the same again further down: a site's banner over its
 * menu, which the layout gives twice (for a phone and for a desk). A
 * title that comes back (a breadcrumb, a share box) comes back alone, or
 * with its dateline and lede, not over a menu's links. */
static bool banner_shown_twice(const reader *r, size_t i)
{
    if (!over_menu_links(r, i, i))
        return false;
    for (size_t j = 0; j < r->n; j++)
        if (j != i && strcmp(r->l[j].s, r->l[i].s) == 0 && over_menu_links(r, j, i))
            return true;
    return false;
}

/* Words of a call to act at most ("Subscribe for all the latest recipes!"). */
#define BUTTON_WORDS 12

/* How far from a title candidate other lines are searched for its name,
 * how long they are at most, and how many count. */
#define NAMED_REACH_UP 200
#define NAMED_REACH_DOWN 300
#define NAMED_LINE_LEN 300
#define NAMED_MAX 3
#define NAMED_SCORE 10
#define NAMED_HEAD 10

bool text_holds_words(const char *s, const char *name, size_t n, bool nocase)
{
    for (const char *p = s; (p = nocase ? strcasestr(p, name) : strstr(p, name)); p++)
        if ((p == s || !isalnum((unsigned char)p[-1])) && !isalnum((unsigned char)p[n]))
            return true;
    return false;
}

/* How many longer lines near line i hold it whole ("Beautiful Burger Buns
 * - select to zoom", "Home Recipes Breakfast Apple Cider Doughnuts",
 * "preview for This Baileys Cheesecake…"): the pictures' alt texts, the
 * breadcrumb, a video's label name the page's subject; a section's
 * heading ("Cook the Pasta") or a button is named nowhere else. */
static size_t named_again(const reader *r, size_t i)
{
    const line *l = &r->l[i];
    if (l->words < 2 || l->len < 10)
        return 0;
    size_t n = 0, from = i > NAMED_REACH_UP ? i - NAMED_REACH_UP : 0;
    for (size_t j = from; j < r->n && j <= i + NAMED_REACH_DOWN && n < NAMED_MAX; j++) {
        const line *o = &r->l[j];
        /* a headline just over it holds its kicker or a part of it ("THE
         * ADDRESS: Merry Christmas…" over "Weekly Address") */
        if (o->len <= l->len || o->len > NAMED_LINE_LEN || o->listed || (j < i && j + NAMED_HEAD >= i))
            continue;
        if (text_holds_words(o->s, l->s, l->len, true))
            n += !text_in_menu(r, j); /* "Your Weekly Address": a menu's link */
    }
    return n;
}

/* Words of a headline over the dateline that makes the line under the
 * dateline no title. */
#define HEADLINE_OVER_WORDS 4

/* Does a headline stand right over the dateline that ends at line d (a
 * byline and a date, line under line)? Then the dateline is the title's,
 * and the line under it, unpunctuated, is a dek ("La piscine fermera…",
 * "Par Jean Dupont", "Le 3 mars 2025", "Les nageurs devront…"). A menu's
 * link over a date is no headline. */
static bool headline_over_dateline(const reader *r, size_t d, size_t min_words)
{
    while (d > 0 && r->l[d - 1].meta)
        d--;
    if (d == 0)
        return false;
    const line *h = &r->l[d - 1];
    return h->words >= min_words && text_title_like(h) && !text_in_menu(r, d - 1);
}

/* Words of a short headline at most: a longer line right over the
 * dateline may be the dek under the title ("Après deux votes ratés, la
 * majorité a trouvé…"). */
#define SHORT_HEADLINE_MAX_WORDS 5

/* A short headline on line k, right over a dateline: two to five words,
 * no full stop. */
static bool headline_right_over(const reader *r, size_t k)
{
    const line *h = &r->l[k];
    return k + 1 < r->n && r->l[k + 1].meta && h->words >= 2 && h->words <= SHORT_HEADLINE_MAX_WORDS &&
           !h->full_stop && !h->meta && !h->drop && !h->credit && text_title_like(h);
}

/* Words of a sub-heading at most, and of a headline over the dateline at
 * least when the line under the dateline is one of the article's
 * sub-headings. */
#define SECTION_HEADING_WORDS 10
#define SHORT_HEADLINE_WORDS 2

/* Whether the stretch under line i has a sub-heading of its shape: a
 * short line with no full stop between two paragraphs. Then a short line
 * under the dateline that opens the prose ("Un tournage sous la pluie")
 * is the first of them, and the headline over the dateline may be short
 * ("Le montage commence"). */
static bool sections_below(const reader *r, size_t i)
{
    for (size_t k = i + 2; k + 1 < r->stop; k++) {
        const line *l = &r->l[k];
        if (l->words >= 1 && l->words <= SECTION_HEADING_WORDS && !l->full_stop && !l->meta && !l->bullet &&
            !l->drop && text_title_like(l) && r->l[k - 1].cls == GOOD && r->l[k - 1].full_stop &&
            r->l[k + 1].cls == GOOD && r->l[k + 1].own == GOOD)
            return true;
    }
    return false;
}

/* "News", a headline, "14 octobre 2020", "News", the next headline: a
 * ticker, each headline under the label it shares with the others and
 * over its date, the label again under that (or over the item before,
 * for the last). A rubric over the title
 * ("Santé" as in the menu) has no such pattern. */
static bool ticker_item(const reader *r, size_t i)
{
    if (i == 0 || i + 1 >= r->n || !r->l[i + 1].meta || r->l[i - 1].meta)
        return false;
    bool next = i + 2 < r->n && text_same_line(r->l[i + 2].s, r->l[i - 1].s);
    bool last = i >= 4 && r->l[i - 2].meta && text_same_line(r->l[i - 4].s, r->l[i - 1].s); /* the list's last */
    return (next || last) && text_repeated_label(r, i - 1);
}

/* "Victorine : l'homme passé aux aveux vivait dans le même quartier que
 * ...": the headline over it again, cut to fit a teaser's box. It is no
 * lede of that headline. */
static bool cut_repeat(const line *headline, const line *l)
{
    size_t n = l->len;
    if (!ends_on_ellipsis(l->s, n))
        return false;
    while (n > 0 && (l->s[n - 1] == '.' || l->s[n - 1] == ' ' || (unsigned char)l->s[n - 1] >= 0x80))
        n--; /* "que ...", "que…" */
    return n >= 20 && n < headline->len && strncmp(l->s, headline->s, n) == 0;
}

/* Words of a headline that exclaims, at most. */
#define EXCLAIMING_WORDS 12

/* "MeToo, dans les organisations politiques aussi !": a headline may
 * exclaim, a phrase of a few words with no sentence before it. */
bool text_headline_exclamation(const line *l)
{
    return l->len >= 12 && l->words <= EXCLAIMING_WORDS && l->s[l->len - 1] == '!' && !strstr(l->s, ". ") &&
           latin_capital_at(l->s);
}

/* Words of a paywall meter's line at most ("Encore 2/5 articles gratuits
 * à lire S'abonner pour en lire plus"). */
#define WALL_COUNTER_WORDS 15

/* "1:18", "12:05": a line without a letter (a player's length). */
static bool letterless(const char *s)
{
    for (; *s; s++)
        if (isalpha((unsigned char)*s) || (unsigned char)*s >= 0x80)
            return false;
    return true;
}

/* The title's score as a candidate at i, the prose starting at body: near
 * the prose, with a dateline or a lede under it (or a dateline over it),
 * not in a menu. */
long text_title_score(const reader *r, size_t i, size_t body)
{
    const line *l = &r->l[i];
    long s = 100 - (long)(i < body ? body - i : i - body);
    if (i >= body)
        body = i + 4; /* in the stretch: the lines under it may be its lede */
    bool under = false, over = false, lede = false, right_under = false;
    for (size_t j = i + 1; j < r->n && j <= i + 5; j++) {
        under |= dateline_below(r, j);
        lede |= j <= i + 3 && j < body && r->l[j].full_stop && r->l[j].own >= NEAR &&
                r->l[j].len >= 40 && r->l[j].s[r->l[j].len - 1] != '?' && !cut_repeat(l, &r->l[j]);
    }
    /* a title over its lede may stand far above the dateline, past a
     * photo's credit and a share bar: furniture does not count */
    for (size_t j = i + 1, seen = 0; lede && !under && j < r->n && seen < 5; j++) {
        under |= dateline_below(r, j);
        seen += r->l[j].cls != BAD && !r->l[j].credit;
    }
    for (size_t j = i > 2 ? i - 2 : 0; j < i; j++)
        over |= r->l[j].meta && !r->l[j].list_date;
    /* a dateline within two lines under it, not counting photo credits,
     * the title shown again (a layout's second headline) nor, under a
     * headline of four words or more, the buttons a head sets between
     * ("Listen to this article", a reading time); a menu's link between
     * them says the line is a link of that menu */
    for (size_t j = i + 1, steps = 0, counted = i; j < r->n && j <= i + 6 && !right_under; j++) {
        /* Reader View's head: the title, the author, "3–4 minutes" */
        right_under = steps < 2 && l->words >= 4 && reader_view_time(r, j);
        if (r->l[j].credit || strcmp(r->l[j].s, l->s) == 0 || text_author_again(r, j) ||
            (r->l[j].drop && l->words >= 4 && !text_announces_link(r, r->l[j].s)) ||
            (l->words >= 4 && r->l[j].words == 1 && (cue_opens(&r->cues.button, r->l[j].s) == r->l[j].len || letterless(r->l[j].s))))
            continue; /* ... nor a player's length or a button's word ("1:18", "Copié") */
        if (++steps > 2 || (!r->l[j].meta && text_in_menu(r, j)))
            break;
        /* a headline of its own right over the dateline ("Bilan de
         * saison" under the menu's "Le club L'école Actualités") is the
         * dateline's: the line over it is a menu's or a kicker's */
        if (steps == 2 && counted == j - 1 && headline_right_over(r, counted))
            break;
        counted = j;
        right_under = dateline_below(r, j);
    }
    /* right under a dateline, as some layouts set the date over the title;
     * a sentence there ("Les terrains de tennis ferment à 18h !") is the
     * article's first */
    bool right_over = i > 0 && r->l[i - 1].meta && !r->l[i - 1].drop && !r->l[i - 1].list_date &&
                      (!l->full_stop || text_headline_question(l) || text_headline_exclamation(l));
    bool first_section = right_over && i + 1 < r->n && r->l[i + 1].own == GOOD && sections_below(r, i);
    if (right_over && headline_over_dateline(r, i - 1, first_section ? SHORT_HEADLINE_WORDS : HEADLINE_OVER_WORDS))
        over = right_over = false; /* the title, its byline and date, then the dek or the first sub-heading */
    /* the last link of a box that "À lire aussi" announces may stand right
     * over the article's dateline, a ticker's headline over its date: no
     * dateline of theirs (an end marker such as "Up next:" may be a
     * player's label over the title) */
    bool linked = in_see_also_box(r, i), ticker = ticker_item(r, i);
    if (ticker || (linked && in_box_under(r, i, false)))
        under = right_under = false;
    s += under ? 40 : over ? 25 : 0;
    s += right_under || right_over ? 30 : 0;
    if (latin_lower_at(l->s) || l->s[0] == '.')
        s -= 40; /* a title opens on a capital, not on "… mais" */
    int glued = glued_words(l->s);
    if (glued || text_glued_label(l->s))
        s -= 30; /* "Écouter4 minAjouter à ma liste": buttons a copy ran together */
    if (glued >= 2 && l->words <= GLUED_BOX_WORDS)
        s -= 30; /* "franceinfoGérald RouxRadio France": a box's labels, little else */
    if (l->words > 20)
        s -= 40;
    if ((l->full_stop || glued_stop(l->s)) && l->words > 12)
        s -= 20; /* a long sentence is a lede or a teaser, rarely a title */
    s += lede ? 25 : 0;
    if (banner_shown_twice(r, i))
        s -= 40; /* the site's name over its menu, given twice */
    else if (l->words >= 4 && shown_again_outside_links(r, i))
        s += 15; /* a title comes back (in a breadcrumb, a share box) */
    s += NAMED_SCORE * (long)named_again(r, i);
    if ((text_in_menu(r, i) || l->listed || (i > 0 && text_announces_link(r, r->l[i - 1].s))) &&
        !right_under && !right_over && !doubled(r, i))
        s -= 60;
    if (block_items(r, i) >= 2)
        s -= 40; /* an item of a list the copy gives as one block */
    if (ticker)
        s -= 60; /* a teaser of a list */
    if (l->pitch || (l->words <= WALL_COUNTER_WORDS && cue_wall_counter(&r->cues, l->s)))
        s -= 60; /* "Get the morning briefing in your inbox": a sign-up promo; a wall's meter */
    if (l->words <= BUTTON_WORDS && cue_prefix(&r->cues.button, l->s))
        s -= 60; /* "Add to meal planner", "Ajouter à ma liste": a control of the page */
    if (l->stamped || cue_banner(&r->cues, l->s))
        s -= 40; /* "5:02 PM Storm…", "BREAKING: Storm…": a ticker's, a banner's or a live post's headline */
    if (linked)
        s -= 60; /* a linked article's headline and byline, under "Sur le même sujet" */
    s += 3 * (long)(l->words < 12 ? l->words : 12); /* a title says something */
    /* and the article speaks of it: the words of a title come back in the
     * prose under it, a teaser's or a menu's mostly do not */
    size_t from = body > i ? body : i + 1, to = from + TITLE_ECHO_LINES < r->stop ? from + TITLE_ECHO_LINES : r->stop;
    size_t sought, echoes = text_stems_in(r, i, from, to, TITLE_ECHO_LETTERS, &sought);
    s += (long)(TITLE_ECHO_SCORE * echoes / (sought > 3 ? sought : 3));
    return s;
}

/* Lines of a copyright notice are short. */
#define NOTICE_MAX_LEN 200

/* Bytes of a one-word title at least ("Ratatouille"; not "Vidéo"). */
#define ONE_WORD_TITLE_LEN 6

/* Does a breadcrumb of the copy end on line i ("Accueil > Recettes >
 * ratatouille > Ratatouille")? Its last step is the page itself: a title
 * of one word may be taken then, where a rubric stands mid-path. */
static bool ends_a_breadcrumb(const reader *r, size_t i)
{
    const line *l = &r->l[i];
    for (size_t j = 0; j < r->n; j++) {
        const line *b = &r->l[j];
        if (j == i || b->len <= l->len + 3 || !breadcrumb_shape(b->s))
            continue;
        const char *tail = b->s + b->len - l->len;
        if (strcmp(tail, l->s) == 0 && tail[-1] == ' ')
            return true;
    }
    return false;
}

/* A title of one word: capitalized, long enough, a breadcrumb's last step. */
bool text_one_word_title(const reader *r, size_t i)
{
    const line *l = &r->l[i];
    return l->words == 1 && l->len >= ONE_WORD_TITLE_LEN && latin_capital_at(l->s) && !l->drop && !l->meta &&
           !l->bullet && !l->end && !l->credit_in && ends_a_breadcrumb(r, i);
}

/* The site's name: a short line that comes back in the copyright notice
 * ("© 2020 · Lively Table", "Copyright Cuisine du Jura"), where a site
 * signs its pages and no article its title. */
bool text_site_name(const reader *r, size_t i)
{
    const line *l = &r->l[i];
    if (l->words > 6)
        return false;
    for (size_t j = i + 1; j < r->n; j++) {
        const char *s = r->l[j].s;
        if (r->l[j].len < NOTICE_MAX_LEN && (strstr(s, "\xC2\xA9") || strcasestr(s, "copyright")) &&
            text_holds_words(s, l->s, l->len, false))
            return true;
    }
    return false;
}

/* An author box: a name alone on its line, then a sentence that opens
 * with it ("Jane Doe" / "Jane Doe is an editor at …") or presents the
 * author (furniture.txt's author-bio: "Le signataire est travailleur
 * communautaire."): the name is no title, the sentence no lede. */
bool text_author_bio(const reader *r, size_t i)
{
    const line *name = i > 0 ? &r->l[i - 1] : NULL;
    return name && text_name_like(r, name) &&
           ((strncmp(r->l[i].s, name->s, name->len) == 0 && r->l[i].s[name->len] == ' ') ||
            cue_prefix(&r->cues.author_bio, r->l[i].s));
}

/* "Éditorial", "Chronique", "Enquête": a heading of one to three words on
 * the first line, over the prose, is its title, not furniture (a menu's
 * word is in the furniture lists). */
bool text_heading_word(const line *l)
{
    char last = l->len ? l->s[l->len - 1] : 0;
    return l->words >= 1 && l->words <= 3 && l->len <= 60 && latin_capital_at(l->s) && !l->bullet &&
           !l->drop && !l->meta && !l->credit_in && !l->end && !l->cut && !strchr(".:,;|", last);
}

/* "Harbour Bridge Reopens After Two-Year Repair" : three in four of its
 * words of four letters or more open on a capital, as English sets its
 * titles (and a French kicker may, "Ligue des Champions"). */
bool text_title_case(const line *l)
{
    size_t long_words = 0, capitals = 0;
    for (const char *p = l->s; *p; p++) {
        if (p > l->s && p[-1] != ' ')
            continue;
        size_t n = strcspn(p, " ");
        if (n < 4 || !(latin_capital_at(p) || latin_lower_at(p)))
            continue;
        long_words++;
        capitals += latin_capital_at(p);
    }
    return long_words >= 3 && capitals * 4 >= long_words * 3;
}

/* "Trump Has Shown Receptiveness To Obama's Agenda. Does He Actually
 * Mean It?": a headline may ask, in title case; or in one short
 * question ("Le nouveau budget va-t-il sauver les routes ?"), where a
 * paragraph that asks says more or asks after a sentence. */
bool text_headline_question(const line *l)
{
    if (l->len < 12 || l->words > 20 || l->s[l->len - 1] != '?')
        return false;
    return text_title_case(l) || (l->words <= 16 && !strstr(l->s, ". ") && !strstr(l->s, "! ") &&
                                  latin_capital_at(l->s));
}

/* Is a dateline (a date, "Par X") right under line dek? */
static bool dated_under(const reader *r, size_t dek)
{
    for (size_t k = dek + 1; k < r->n && k <= dek + 3; k++)
        if (r->l[k].meta)
            return true;
    return false;
}

/* A headline right over a longer line, a title over its dek, which the
 * dateline under the dek pulled the choice to. A kicker over a title is
 * shorter than five words; a title holds a function word or two ("of",
 * "the"), a rubric's names none. A kicker over the title and the dek make
 * a run of three lines without a full stop, which smoothing took for a
 * list: the dateline right under the dek says it is the article's head. */
static bool head_over_dek(const reader *r, size_t head, size_t dek)
{
    const line *h = &r->l[head], *d = &r->l[dek];
    /* the last of a list of headlines ("Trending" over three) right over
     * the title is no title: another headline stands right over it */
    const line *above = head > 0 && h->tight ? &r->l[head - 1] : NULL;
    if (above && above->words >= 4 && text_title_like(above))
        return false;
    return text_title_like(h) && h->words >= 5 && h->stops > 0 && d->words > h->words &&
           !strstr(h->s, " / ") && !strstr(h->s, " & ") && /* a rubric's path, "Risk / Security & X" */
           !text_in_menu(r, head) && (!h->listed || dated_under(r, dek)) &&
           !text_is_caption_at(r, head) && !(head > 0 && text_announces_link(r, r->l[head - 1].s));
}

/* In a language whose titles capitalize their words, the title is in
 * title case and its dek ("City officials say the work came in under
 * budget") is not. Elsewhere both are phrases: the dek is the long one
 * (fourteen words or more, four more than the title) right over the
 * dateline; a teaser's headline over the title is as short as a title.
 * Both lines have passed head_over_dek. */
#define SENTENCE_DEK_WORDS 14
#define SENTENCE_DEK_MORE 4
#define SENTENCE_SCORE_GAP 8
static bool title_over_dek(const reader *r, size_t head, size_t dek, bool title_case)
{
    const line *h = &r->l[head], *d = &r->l[dek];
    if (title_case)
        return text_title_case(h) && !text_title_case(d) && d->words >= 8;
    /* both headlines by the dateline, they score alike: a menu over the
     * title ("Le Fil Info À la une") scores well under it */
    return d->words >= SENTENCE_DEK_WORDS && d->words >= h->words + SENTENCE_DEK_MORE && dated_under(r, dek) &&
           text_title_score(r, head, r->body) + SENTENCE_SCORE_GAP >= text_title_score(r, dek, r->body);
}

/* Whether rules/title-case.txt lists the language. */
static bool title_case_language(const char *code)
{
    phrase_list langs;
    ora_error err;
    if (phrase_list_load("rules/title-case.txt", &langs, &err) < 0)
        return false;
    bool listed = false;
    for (size_t i = 0; i < langs.n; i++)
        listed |= strcmp(langs.items[i], code) == 0;
    phrase_list_free(&langs);
    return listed;
}

/* A dek right under the chosen title, over the body, and no furniture:
 * the lede. */
static bool dek_under(const reader *r, size_t t)
{
    const line *d = &r->l[t + 1];
    return !r->a->lede && t + 1 < r->body && !d->meta && !d->drop && !d->end && !d->cut && !d->credit_in &&
           d->own >= NEAR && !text_is_caption_at(r, t + 1) && head_over_dek(r, t, t + 1);
}

/* A headline right over the chosen title, which is its dek, is the title,
 * and the dek the lede, unless there is one; the dek of a title chosen
 * directly is its lede. The language (and rules/title-case.txt) is looked
 * up only when a title and a dek stand so. */
void text_title_over_its_dek(reader *r)
{
    size_t t = r->title_at;
    if (t == r->n)
        return;
    bool under = dek_under(r, t), over = !under && t > 0 && head_over_dek(r, t - 1, t);
    if (!under && !over)
        return;
    char code[8];
    bool title_case = lang_guess(r->a, code, sizeof code) && title_case_language(code);
    ora_article *a = r->a;
    if (under) {
        if (title_over_dek(r, t, t + 1, title_case)) {
            a->lede = ora_strdup(r->l[t + 1].s);
            r->lede_at = t + 1;
            return;
        }
        if (t == 0 || !head_over_dek(r, t - 1, t))
            return;
    }
    if (!title_over_dek(r, t - 1, t, title_case))
        return;
    if (!a->lede)
        a->lede = a->title, r->lede_at = t;
    else
        free(a->title);
    a->title = ora_strdup(r->l[t - 1].s);
    r->title_at = t - 1;
}
