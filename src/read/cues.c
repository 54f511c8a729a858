/* The cue words of the read stage, loaded from their data files.
 *
 * The files are phrase lists (util.c's loader: one entry a line, '#'
 * comments, white space squashed) whose entries are "section|cue", the
 * convention of not-article.txt. The sections a file may hold are named
 * here, and an unknown one is an error: a cue put under a misspelt
 * section would otherwise be ignored without a word. */
#include "cues.h"
#include "squash.h"

#include <ctype.h>
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
    const char *file;
    const char *name;
    size_t offset; /* of its cue_list in read_cues */
} section;

#define DATELINE_FILE "rules/fr/dateline.txt"
#define FURNITURE_FILE "rules/fr/furniture.txt"
#define SECTION(file, name, member) {file, name, offsetof(read_cues, member)}

static const section sections[] = {
    SECTION(DATELINE_FILE, "byline", byline),
    SECTION(DATELINE_FILE, "stamp", stamp),
    SECTION(DATELINE_FILE, "update", update),
    SECTION(DATELINE_FILE, "meta", meta),
    SECTION(DATELINE_FILE, "on", on),
    SECTION(DATELINE_FILE, "at", at),
    SECTION(DATELINE_FILE, "ordinal", ordinal),
    SECTION(DATELINE_FILE, "weekday", weekday),
    SECTION(DATELINE_FILE, "name", name),
    SECTION(DATELINE_FILE, "article", article),
    SECTION(DATELINE_FILE, "idle", idle),
    SECTION(DATELINE_FILE, "desk", desk),
    SECTION(FURNITURE_FILE, "counter", counter),
    SECTION(FURNITURE_FILE, "comments", comments),
    SECTION(FURNITURE_FILE, "caption", caption),
    SECTION(FURNITURE_FILE, "caption-word", caption_word),
    SECTION(FURNITURE_FILE, "figure", figure),
    SECTION(FURNITURE_FILE, "credit", credit),
    SECTION(FURNITURE_FILE, "see-also", see_also),
    SECTION(FURNITURE_FILE, "with", with),
    SECTION(FURNITURE_FILE, "paywall-left", paywall_left),
    SECTION(FURNITURE_FILE, "author-box", author_box),
    SECTION(FURNITURE_FILE, "author-bio", author_bio),
    SECTION(FURNITURE_FILE, "pitch", pitch),
    SECTION(FURNITURE_FILE, "wall-meter", wall_meter),
    SECTION(FURNITURE_FILE, "wall-account", wall_account),
    SECTION(FURNITURE_FILE, "reader", reader),
    SECTION(FURNITURE_FILE, "reading-time", reading_time),
    SECTION(FURNITURE_FILE, "minutes", minutes),
    SECTION(FURNITURE_FILE, "tensed", tensed),
    SECTION(FURNITURE_FILE, "dangling", dangling),
    SECTION(FURNITURE_FILE, "button", button),
    SECTION(FURNITURE_FILE, "poll", poll),
    SECTION(FURNITURE_FILE, "banner", banner),
    SECTION(FURNITURE_FILE, "under-picture", under_picture),
    SECTION(FURNITURE_FILE, "sign-up", sign_up),
    SECTION(FURNITURE_FILE, "badge", badge),
    SECTION(FURNITURE_FILE, "summary-label", summary_label),
    SECTION(FURNITURE_FILE, "link-arrow", link_arrow),
    SECTION(FURNITURE_FILE, "ad-label", ad_label),
    SECTION(FURNITURE_FILE, "link-arrow-last", link_arrow_last),
    SECTION(FURNITURE_FILE, "arrow-see-also", arrow_see_also),
    SECTION(FURNITURE_FILE, "also", also),
    SECTION(FURNITURE_FILE, "our-piece", our_piece),
    SECTION(FURNITURE_FILE, "video-label", video_label),
    SECTION(FURNITURE_FILE, "practical", practical),
    SECTION(FURNITURE_FILE, "post-nav", post_nav),
    SECTION(FURNITURE_FILE, "breadcrumb", breadcrumb),
};

static int cue_add(cue_list *l, const char *s, size_t n)
{
    char **grown = realloc(l->s, (l->n + 1) * sizeof *grown);
    if (!grown)
        return -1;
    l->s = grown;
    size_t *lens = realloc(l->len, (l->n + 1) * sizeof *lens);
    if (!lens)
        return -1;
    l->len = lens;
    if (!(l->s[l->n] = ora_strndup(s, n)))
        return -1;
    l->len[l->n++] = n;
    return 0;
}

static void cue_list_free(cue_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->s[i]);
    free(l->s);
    free(l->len);
    memset(l, 0, sizeof *l);
}

/* "month|décembre déc": the next month, its name and abbreviations. */
static int add_month(read_cues *c, size_t *months, const char *words)
{
    if (*months >= 12)
        return -1;
    cue_list *m = &c->month[(*months)++];
    for (const char *p = words; *p;) {
        size_t n = strcspn(p, " ");
        if (n && cue_add(m, p, n) < 0)
            return -1;
        p += n + (p[n] == ' ');
    }
    return m->n ? 0 : -1;
}

static int load_file(read_cues *c, const char *file, size_t *months, ora_error *err)
{
    phrase_list pl;
    if (phrase_list_load(file, &pl, err) < 0)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < pl.n && rc == 0; i++) {
        const char *item = pl.items[i], *bar = strchr(item, '|');
        size_t name = bar ? (size_t)(bar - item) : 0;
        const section *sec = NULL;
        for (size_t k = 0; bar && k < sizeof sections / sizeof *sections && !sec; k++)
            if (strcmp(sections[k].file, file) == 0 && strlen(sections[k].name) == name &&
                strncmp(sections[k].name, item, name) == 0)
                sec = &sections[k];
        if (bar && !bar[1])
            rc = -1;
        else if (bar && name == 5 && strncmp(item, "month", 5) == 0 &&
                 strcmp(file, DATELINE_FILE) == 0)
            rc = add_month(c, months, bar + 1);
        else if (sec)
            rc = cue_add((cue_list *)((char *)c + sec->offset), bar + 1, strlen(bar + 1));
        else
            rc = -1;
        if (rc < 0)
            ora_set_error(err, "%s: \"%s\" is not \"section|cue\" with a section of this file.",
                          file, item);
    }
    phrase_list_free(&pl);
    return rc;
}

/* A stamp marks a meta line inside it in either case ("X | publié le
 * 3 mai"): each one as written and with a small first letter. */
static int derive_stamp_markers(read_cues *c)
{
    for (size_t i = 0; i < c->stamp.n; i++) {
        const char *s = c->stamp.s[i];
        if (cue_add(&c->stamp_marker, s, c->stamp.len[i]) < 0)
            return -1;
        if (s[0] >= 'A' && s[0] <= 'Z') {
            if (cue_add(&c->stamp_marker, s, c->stamp.len[i]) < 0)
                return -1;
            c->stamp_marker.s[c->stamp_marker.n - 1][0] = (char)(s[0] - 'A' + 'a');
        }
    }
    return 0;
}

int read_cues_load(read_cues *c, ora_error *err)
{
    memset(c, 0, sizeof *c);
    size_t months = 0;
    if (load_file(c, DATELINE_FILE, &months, err) < 0 ||
        load_file(c, FURNITURE_FILE, &months, err) < 0)
        goto fail;
    if (months != 12) {
        ora_set_error(err, "%s names %zu months, not 12.", DATELINE_FILE, months);
        goto fail;
    }
    if (derive_stamp_markers(c) < 0) {
        ora_set_error(err, "out of memory while loading %s.", DATELINE_FILE);
        goto fail;
    }
    return 0;
fail:
    read_cues_free(c);
    return -1;
}

void read_cues_free(read_cues *c)
{
    for (size_t k = 0; k < sizeof sections / sizeof *sections; k++)
        cue_list_free((cue_list *)((char *)c + sections[k].offset));
    for (size_t m = 0; m < 12; m++)
        cue_list_free(&c->month[m]);
    cue_list_free(&c->stamp_marker);
}

static bool ends_in_apostrophe(const char *s, size_t n)
{
    return (n >= 1 && s[n - 1] == '\'') ||
           (n >= 3 && memcmp(s + n - 3, "\xE2\x80\x99", 3) == 0); /* ’ */
}

size_t cue_prefix(const cue_list *l, const char *s)
{
    size_t best = 0;
    for (size_t i = 0; i < l->n; i++) {
        size_t k = l->len[i];
        if (s[0] != l->s[i][0] || strncmp(s, l->s[i], k) != 0)
            continue; /* most cues are out after one byte */
        size_t used = s[k] == ' ' ? k + 1 : ends_in_apostrophe(l->s[i], k) ? k : 0;
        if (used > best)
            best = used;
    }
    return best;
}

bool cue_closes(const cue_list *l, const char *s, size_t n)
{
    for (size_t i = 0; i < l->n; i++) {
        size_t k = l->len[i];
        if (n > k && s[n - k - 1] == ' ' && memcmp(s + n - k, l->s[i], k) == 0)
            return true;
    }
    return false;
}

/* Bytes of a numbered legend at most. */
#define NUMBERED_LEGEND_MAX 300

bool cue_numbered_legend(const read_cues *c, const char *s)
{
    size_t k = cue_opens(&c->figure, s);
    if (!k || strlen(s) > NUMBERED_LEGEND_MAX)
        return false;
    s += k;
    s += *s == ' ';
    size_t d = strspn(s, "0123456789");
    if (!d || d > 3)
        return false;
    s += d;
    s += *s == ' ';
    if (*s == ':' || *s == '.' || *s == '-')
        s++;
    else if (strncmp(s, "\xE2\x80\x93", 3) == 0 || strncmp(s, "\xE2\x80\x94", 3) == 0)
        s += 3; /* – — */
    else
        return false;
    return *s == ' ';
}

size_t cue_opens(const cue_list *l, const char *s)
{
    size_t best = 0;
    for (size_t i = 0; i < l->n; i++)
        if (l->len[i] > best && s[0] == l->s[i][0] && strncmp(s, l->s[i], l->len[i]) == 0)
            best = l->len[i];
    return best;
}

bool cue_word(const cue_list *l, const char *w, size_t n)
{
    for (size_t i = 0; i < l->n; i++) {
        size_t k = l->len[i];
        const char *s = l->s[i];
        if (k == n ? memcmp(w, s, n) == 0
                   : s[k - 1] == '*' && n > k - 1 && memcmp(w, s, k - 1) == 0)
            return true;
    }
    return false;
}

bool cue_word_nocase(const cue_list *l, const char *w, size_t n)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->len[i] == n && strncasecmp(w, l->s[i], n) == 0)
            return true;
    return false;
}

bool cue_starts_nocase(const cue_list *l, const char *s, size_t n)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->len[i] <= n && strncasecmp(s, l->s[i], l->len[i]) == 0)
            return true;
    return false;
}

bool cue_pitch_sentence(const read_cues *c, const char *s, size_t n, size_t words)
{
    return words <= PITCH_WORDS && cue_find(&c->pitch, s, n) != NULL;
}

bool cue_pitch_closing(const read_cues *c, const char *s, size_t n, size_t words)
{
    if (words > PITCH_CLOSING_WORDS || words <= PITCH_WORDS)
        return false;
    size_t end = n;
    while (end > 0 && strchr(" .!?", s[end - 1]))
        end--;
    size_t from = end;
    while (from > 1 && !(s[from - 1] == ' ' && strchr(".!?", s[from - 2])))
        from--;
    if (from <= 1)
        return false; /* one sentence: cue_pitch_sentence's */
    return cue_pitch_sentence(c, s + from, n - from, spaced_words_upto(s + from, PITCH_WORDS));
}

/* Words of the paragraph after a summary's label, at least: a label over
 * a short line may be that line's own first word. */
#define LABELLED_WORDS 8

size_t cue_summary_label(const read_cues *c, const char *s)
{
    for (size_t i = 0; i < c->summary_label.n; i++) {
        size_t n = c->summary_label.len[i];
        if (strncasecmp(s, c->summary_label.s[i], n) != 0 || s[n] != ' ')
            continue;
        size_t k = n + strspn(s + n, " ");
        if (!latin_capital_at(s + k) || !latin_lower_at(s + k + ((unsigned char)s[k] < 0x80 ? 1 : 2)))
            return 0;
        return spaced_words(s + k) >= LABELLED_WORDS ? k : 0;
    }
    return 0;
}

const char *cue_find(const cue_list *l, const char *s, size_t n)
{
    const char *first = NULL;
    for (size_t i = 0; i < l->n; i++) {
        const char *hit = memmem(s, n, l->s[i], l->len[i]);
        if (hit && (!first || hit < first))
            first = hit, n = (size_t)(hit - s) + l->len[i]; /* only earlier ones now */
    }
    return first;
}

int cue_month(const read_cues *c, const char *w, size_t n)
{
    size_t bare = n && w[n - 1] == '.' ? n - 1 : n; /* "déc." */
    for (int m = 0; m < 12; m++)
        for (size_t i = 0; i < c->month[m].n; i++) {
            size_t k = c->month[m].len[i];
            if ((k == n || k == bare) && strncasecmp(w, c->month[m].s[i], k) == 0)
                return m + 1;
        }
    return 0;
}

double paywall_percent(const read_cues *c, const char *text)
{
    const char *p = NULL;
    for (size_t i = 0; i < c->paywall_left.n && !p; i++)
        if ((p = strstr(text, c->paywall_left.s[i])))
            p += c->paywall_left.len[i];
    if (!p)
        return -1;
    while (*p == ' ')
        p++;
    char *end;
    double v = strtod(p, &end); /* Le Monde writes a dot: "73.51%" */
    if (end == p)
        return -1;
    if (*end == ',') { /* a French decimal comma */
        char *end2;
        double frac = strtod(end + 1, &end2);
        for (const char *q = end + 1; q < end2; q++)
            frac /= 10;
        v += frac, end = end2;
    }
    while (*end == ' ' || (unsigned char)*end == 0xC2 ||
           (unsigned char)*end == 0xA0)
        end++;
    return *end == '%' ? v : -1;
}

bool cue_wire_signature(const read_cues *c, const boilerplate *bp, const char *t)
{
    if (strnlen(t, 60) >= 60) /* most blocks: before counting their words */
        return false;
    size_t words = 1;
    for (const char *p = t; *p; p++)
        words += *p == ' ';
    if (words > 6)
        return false;
    for (const char *p = strchr(t, ' '); p; p = strchr(p + 1, ' ')) {
        size_t k = cue_prefix(&c->with, p + 1);
        if (k && boilerplate_is_credit(bp, p + 1 + k))
            return true;
    }
    return false;
}

/* Letters of one desk's initials at most, and words of the names that a
 * desk's initials may credit after them. */
#define DESK_INITIALS_LETTERS 5
#define DESK_CREDIT_WORDS 4

/* Is [p, …) a name's few words, and nothing else (no sentence's sign)? */
static bool few_words(const char *p, size_t most)
{
    size_t words = spaced_words_upto(p, most);
    return !strpbrk(p, ",.:;") && words >= 1 && words <= most;
}

bool cue_desk_initials(const read_cues *c, const char *t, const char **names)
{
    if (names)
        *names = NULL;
    const char *p = t + (*t == '(');
    size_t tokens = 0;
    bool lower = islower((unsigned char)*p);
    for (;;) {
        size_t n = 0;
        while (isalpha((unsigned char)p[n]) && (islower((unsigned char)p[n]) != 0) == lower)
            n++;
        if (n < 2 || n > DESK_INITIALS_LETTERS)
            return false;
        tokens++, p += n;
        if (*p != '/')
            break;
        p++;
    }
    if (*t == '(' && *p++ != ')')
        return false;
    p += *p == '.';
    if (tokens < 2)
        return false;
    if (*p == '\0')
        return true;
    /* "ats/hof, avec Darius Rochebin": the journalists who took part */
    if (p[0] != ',' || p[1] != ' ')
        return false;
    size_t k = cue_prefix(&c->with, p + 2);
    if (!k || !few_words(p + 2 + k, DESK_CREDIT_WORDS))
        return false;
    if (names)
        *names = p + 2 + k;
    return true;
}

/* Words before the colon of "Lire l'entretien : …", "Voir notre dossier : …".
 * A see-also cue whole and a capital after it ("Lire aussi Martine
 * Bulard, « … »") is the link's own line; "Lire aussi les chiffres…" in
 * small letters may be prose. */
#define ANNOUNCER_WORDS 4

/* "Vous devriez regarder aussi ça :", "À écouter également :": a short line
 * that ends on a colon, with a verb of arrow-see-also and a word of "also"
 * after it, whatever is around them, announces a link. A list under "On
 * trouve aussi :" has no such verb. So does such a start before the
 * link's headline on the same line ("À voir également sur Le HuffPost:
 * Cette “Pixel War”…"), which ends on no sentence's stop; or a verb and
 * a piece of the site's own ("Pour approfondir ce point, consultez notre
 * article : …"), the headline ending as it may. */
#define ALSO_LINE_WORDS 8
#define ALSO_HEADLINE_BYTES 200
/* Words before the colon of a line that names the site's own piece, at
 * most ("Pour aller plus loin sur ce point, consultez notre article :") */
#define OUR_PIECE_LINE_WORDS 12

/* Words of a box's label that names the site's own piece, no colon
 * after it, at most ("Lire notre dossier complet"). */
#define OUR_PIECE_LABEL_WORDS 5

/* Does the short line at s open on a verb of arrow-see-also and the
 * site's own piece right after it? */
static bool verb_then_our_piece(const read_cues *c, const char *s, size_t len)
{
    size_t n = strcspn(s, " ");
    if (n >= len || !cue_word_nocase(&c->arrow_see_also, s, n))
        return false;
    return cue_starts_nocase(&c->our_piece, s + n + 1, len - n - 1);
}

static bool verb_then_also(const read_cues *c, const char *s)
{
    size_t len = strlen(s);
    while (len && s[len - 1] == ' ')
        len--;
    const char *colon = memchr(s, ':', len);
    if (!colon && spaced_words_upto(s, OUR_PIECE_LABEL_WORDS + 1) <= OUR_PIECE_LABEL_WORDS)
        return verb_then_our_piece(c, s, len); /* "Lire notre dossier complet", a box's label */
    if (!colon || colon == s)
        return false;
    bool stop_after = false; /* the headline after the colon ends on a stop */
    if ((size_t)(colon - s) + 1 < len) { /* the headline after the colon */
        char last = s[len - 1];
        if (len - (size_t)(colon - s) > ALSO_HEADLINE_BYTES || colon[1] == '/')
            return false;
        stop_after = last == '.' || last == '!';
        len = (size_t)(colon - s) + 1;
    }
    bool verb = false;
    size_t words = 0;
    for (const char *p = s; p < s + len && words <= OUR_PIECE_LINE_WORDS;) {
        size_t n = strcspn(p, " :");
        if (n) {
            words++;
            if (verb && cue_word_nocase(&c->also, p, n))
                return words <= ALSO_LINE_WORDS && !stop_after;
            /* "consultez notre article : <its headline>.": the site's own
             * piece, named so, is a link whatever ends its headline */
            if (verb && cue_starts_nocase(&c->our_piece, p, (size_t)(s + len - p)))
                return true;
            verb |= cue_word_nocase(&c->arrow_see_also, p, n);
        }
        p += n + (p[n] != '\0');
    }
    return false;
}

bool cue_link_announcer(const read_cues *c, const char *s)
{
    /* ">> Revoir le sujet du 12h45 sur l'explosion :": after an arrow, a
     * verb of arrow-see-also announces a link, whatever it says before
     * the link */
    size_t arrow = cue_prefix(&c->link_arrow, s);
    if (arrow && cue_word_nocase(&c->arrow_see_also, s + arrow, strcspn(s + arrow, " :")))
        return true;
    while (*s == '>' || *s == ' ' || *s == '-')
        s++;
    if (verb_then_also(c, s))
        return true;
    for (size_t i = 0; i < c->see_also.n; i++) {
        const char *cue = c->see_also.s[i], *sp = strchr(cue, ' ');
        size_t verb = sp ? (size_t)(sp - cue) : strlen(cue), whole = strlen(cue);
        if (strncasecmp(s, cue, verb) != 0 || s[verb] != ' ')
            continue;
        if (strncasecmp(s, cue, whole) == 0 && s[whole] == ' ' && s[whole + 1] != ' ' &&
            !islower((unsigned char)s[whole + 1]))
            return true; /* "Lire aussi Martine Bulard, « En Corée… »": the link itself */
        size_t words = 0;
        for (const char *p = s + verb; *p && words <= ANNOUNCER_WORDS; p++) {
            if (*p == ':')
                return words >= 1 && p[1] != '/'; /* not "Lire: https://…" */
            if (*p == ' ' && p[1] && p[1] != ' ' && p[1] != ':')
                words++;
        }
    }
    return false;
}

size_t cue_count_inside(const cue_list *l, const char *s)
{
    size_t found = 0;
    for (size_t i = 0; i < l->n; i++)
        found += strcasestr(s, l->s[i]) != NULL;
    return found;
}

/* Cues looked for at once by cue_count_at_words, at most. */
#define WORD_CUES_MAX 64

static unsigned char ascii_lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

size_t cue_count_at_words(const cue_list *l, const char *s, size_t enough)
{
    /* one pass over s: the cues are chained by their first byte, and only
     * those a word opens on are compared with it (a paragraph is long,
     * the cues many) */
    int head[256], next[WORD_CUES_MAX];
    size_t n = l->n < WORD_CUES_MAX ? l->n : WORD_CUES_MAX;
    for (size_t c = 0; c < 256; c++)
        head[c] = -1;
    for (size_t i = n; i-- > 0;) {
        unsigned char c = ascii_lower((unsigned char)l->s[i][0]);
        next[i] = head[c], head[c] = (int)i;
    }
    size_t found = 0;
    uint64_t seen = 0; /* each cue counted once */
    for (const char *p = s; *p && found < enough; p++) {
        if (p != s && isalnum((unsigned char)p[-1]))
            continue;
        for (int i = head[ascii_lower((unsigned char)*p)]; i >= 0 && found < enough; i = next[i]) {
            if (!(seen >> i & 1) && ascii_lower((unsigned char)p[1]) == ascii_lower((unsigned char)l->s[i][1]) &&
                strncasecmp(p, l->s[i], l->len[i]) == 0)
                seen |= (uint64_t)1 << i, found++;
        }
    }
    return found;
}

bool cue_any_word(const cue_list *l, const char *s)
{
    static const char punct[] = ",.;:!?()\"";
    for (const char *p = s; *p;) {
        while (*p == ' ' || (*p && strchr(punct, *p)))
            p++;
        const char *w = p;
        p += strcspn(p, " ");
        const char *e = p;
        while (e > w && strchr(punct, e[-1]))
            e--;
        if (e > w && cue_word_nocase(l, w, (size_t)(e - w)))
            return true;
    }
    return false;
}

/* Does the line [s, s+n) end on a word that cannot end a heading, with no
 * stop after it ("You are signed in as")? */
bool cue_dangling(const read_cues *c, const char *s, size_t n)
{
    size_t w = n;
    while (w > 0 && s[w - 1] != ' ')
        w--;
    return w > 0 && w < n && (isalpha((unsigned char)s[n - 1]) || (unsigned char)s[n - 1] >= 0x80) &&
           cue_word(&c->dangling, s + w, n - w); /* as typed: "livret A" ends on a name */
}

bool cue_speaks_to_reader(const read_cues *c, const char *s)
{
    for (const char *p = s; *p;) {
        while (*p && !isalpha((unsigned char)*p))
            p++;
        const char *w = p;
        while (*p && (isalpha((unsigned char)*p) || *p == '\''))
            p++;
        if (p > w && cue_word_nocase(&c->reader, w, (size_t)(p - w)))
            return true;
    }
    return false;
}

/* Words of a metered wall's line: a paragraph of an article is longer. */
#define WALL_WORDS 40

/* A copy keeps the text a page's markup hides, under the last free
 * paragraph, and a page may set it in the article's own container; the
 * phrases of boilerplate-cut.txt name one site's wall at a time, where
 * these cues name what every meter says. */
bool cue_metered_wall(const read_cues *c, const char *s)
{
    if (spaced_words_upto(s, WALL_WORDS) > WALL_WORDS || !cue_speaks_to_reader(c, s))
        return false; /* most lines: no word to the reader */
    return cue_wall_counter(c, s);
}

/* "Encore 2/5 articles gratuits à lire S'abonner pour en lire plus": a
 * meter's count and the account it asks for, to the reader or not. Over
 * the article it cuts nothing, but it is never the title. */
bool cue_wall_counter(const read_cues *c, const char *s)
{
    size_t counted = cue_count_inside(&c->wall_meter, s);
    return counted && counted + cue_count_inside(&c->wall_account, s) >= 2;
}

/* Words of a line that gives a reading time and nothing else. */
#define READING_TIME_WORDS 6

/* "4–5 minutes", "7 min": a number or a range of them and a unit of the
 * minutes cues, the whole line. Firefox's Reader View sets such a
 * reading time over the text; nothing else stands alone so. */
static bool minutes_alone(const read_cues *c, const char *s)
{
    const char *p = s + strspn(s, "0123456789");
    if (p == s)
        return false;
    if (str_starts_with(p, "\xE2\x80\x93") || *p == '-') { /* – or - */
        p += *p == '-' ? 1 : 3;
        const char *q = p + strspn(p, "0123456789");
        if (q == p)
            return false;
        p = q;
    }
    if (*p++ != ' ')
        return false;
    return cue_word_nocase(&c->minutes, p, strlen(p));
}

/* Otherwise it opens on its number or its words: "By Jane Smith5 min
 * read" is a byline glued to one, which the byline's reader takes apart. */
bool cue_reading_time(const read_cues *c, const char *s)
{
    if (minutes_alone(c, s))
        return true;
    bool opens = isdigit((unsigned char)s[0]) || cue_starts_nocase(&c->reading_time, s, strlen(s));
    return opens && strpbrk(s, "0123456789") && strcasestr(s, "min") && spaced_words(s) <= READING_TIME_WORDS &&
           cue_count_inside(&c->reading_time, s) > 0;
}

/* Does s open on a label of l, case aside, then a colon (or, when
 * dashes, a dash), spaces between or not? */
static bool opens_on_label(const cue_list *l, const char *s, bool dashes)
{
    for (size_t i = 0; i < l->n; i++) {
        size_t n = l->len[i];
        if (strncasecmp(s, l->s[i], n) != 0)
            continue;
        const char *p = s + n;
        while (*p == ' ' || (unsigned char)*p == 0xC2 || (unsigned char)*p == 0xA0)
            p++; /* spaces, no-break ones too */
        if (*p == ':' || (dashes && (*p == '-' || str_starts_with(p, "\xE2\x80\x93") ||
                                     str_starts_with(p, "\xE2\x80\x94"))))
            return true;
    }
    return false;
}

bool cue_banner(const read_cues *c, const char *s)
{
    return opens_on_label(&c->banner, s, true);
}

bool cue_under_picture(const read_cues *c, const char *s)
{
    return opens_on_label(&c->under_picture, s, false);
}

/* Whether the n bytes at w are one of units, perhaps in the plural. */
static bool unit_word(const cue_list *units, const char *w, size_t n)
{
    return cue_word_nocase(units, w, n) ||
           (n > 1 && (w[n - 1] == 's' || w[n - 1] == 'S') && cue_word_nocase(units, w, n - 1));
}

/* "Commentaires : 12", "Comments (3)", "Reader Comments 3 Total": the
 * unit first (perhaps after one word), then the count, alone or in
 * parentheses, perhaps with "total" after it. */
static bool unit_then_count(const cue_list *units, const char *t)
{
    size_t n = strcspn(t, " :(");
    if (!unit_word(units, t, n)) {
        if (t[n] != ' ')
            return false;
        t += n + 1; /* "Reader Comments", "Vos commentaires" */
        n = strcspn(t, " :(");
        if (!unit_word(units, t, n))
            return false;
    }
    t += n;
    t += strspn(t, " :");
    bool paren = *t == '(';
    t += paren;
    size_t d = strspn(t, "0123456789");
    if (!d)
        return false;
    t += d;
    if (paren && *t++ != ')')
        return false;
    return !*t || strcasecmp(t, " total") == 0 || strcasecmp(t, " au total") == 0;
}

/* The length of s up to a button's label glued to it ("Commentaires"
 * before "Ajouter un commentaire", which a copy glues: a small letter,
 * then a capital and a small letter), or all of it. */
static size_t glued_label_start(const char *s)
{
    for (size_t k = 1; s[k - 1] && s[k] && s[k + 1]; k++)
        if (islower((unsigned char)s[k - 1]) && isupper((unsigned char)s[k]) && islower((unsigned char)s[k + 1]))
            return k;
    return strlen(s);
}

/* Is t a number and a unit of the list ("10 réactions"), perhaps after
 * a one-word label ("New, 154 comments"), or the unit and its count
 * ("Commentaires : 3")? */
static bool counted_in(const cue_list *units, const char *t)
{
    if (unit_then_count(units, t))
        return true;
    size_t label = strcspn(t, " ,");
    if (label && t[label] == ',' && t[label + 1] == ' ' && isdigit((unsigned char)t[label + 2]))
        t += label + 2;
    size_t d = strspn(t, "0123456789");
    if (!d || t[d] != ' ')
        return false;
    const char *unit = t + d + 1;
    return unit_word(units, unit, glued_label_start(unit));
}

bool cue_counter_line(const read_cues *c, const char *t)
{
    return counted_in(&c->counter, t);
}

bool cue_comments_counter(const read_cues *c, const char *t)
{
    return counted_in(&c->comments, t);
}

bool cue_names_comments(const read_cues *c, const char *t)
{
    for (const char *w = t; *w;) {
        size_t n = strcspn(w, " &,:;()*");
        if (n && (cue_word_nocase(&c->comments, w, n) ||
                  (n > 1 && (w[n - 1] == 's' || w[n - 1] == 'S') && cue_word_nocase(&c->comments, w, n - 1))))
            return true;
        w += n;
        w += strspn(w, " &,:;()*");
    }
    return false;
}

/* Bytes of an embedded post's signature, at most. */
#define POST_SIGNATURE_MAX 200

bool cue_post_signature(const char *s)
{
    return (str_starts_with(s, "\xE2\x80\x94 ") || str_starts_with(s, "\xE2\x80\x93 ") ||
            str_starts_with(s, "- ")) &&
           strstr(s, "(@") && strlen(s) < POST_SIGNATURE_MAX;
}

bool cue_media_length(const char *s, size_t n)
{
    if (n < 4 || n > 8 || !isdigit((unsigned char)s[0]) || s[n - 3] != ':')
        return false;
    size_t colons = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ':')
            colons++;
        else if (!isdigit((unsigned char)s[i]))
            return false;
    }
    return colons >= 1 && colons <= 2;
}
