/* What both readers drop or stop at: the boilerplate phrases of
 * rules/fr/boilerplate-*.txt and the paywall cue.
 *
 * Matching folds case (ASCII), typographic apostrophes and spacing, because
 * the same prompt reaches us as "n'êtes" from one copy and "n’êtes" from
 * another. */
#include "internal.h"
#include "squash.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Bytes of a block folded before deciding whether to fold it all. */
#define FOLD_HEAD 64


/* '*' matches any run of characters; everything else matches itself.
 * Linear: the literal head and tail must stand at the ends, and the pieces
 * between stars are found leftmost, in order (memmem), which is enough for
 * a pattern with no other wildcard. Phrases such as "*utilise des cookies*"
 * are tried on every paragraph of a page, so this is a hot path. */
static bool glob_match(const char *pat, const char *s, size_t left)
{
    size_t head = strcspn(pat, "*");
    if (!pat[head])
        return head == left && memcmp(pat, s, head) == 0;
    if (head > left || memcmp(pat, s, head) != 0)
        return false;
    const char *last_star = strrchr(pat, '*'), *end = s + left;
    size_t tail = strlen(last_star + 1);
    s += head;
    if ((size_t)(end - s) < tail || memcmp(end - tail, last_star + 1, tail) != 0)
        return false;
    end -= tail;
    for (const char *p = pat + head + 1; p < last_star;) {
        size_t n = strcspn(p, "*");
        const char *found = n ? memmem(s, (size_t)(end - s), p, n) : s;
        if (!found)
            return false;
        s = found + n, p += n + 1;
    }
    return true;
}

/* Drops the closing punctuation that a rule should not have to spell. */
static void strip_final_punct(char *s)
{
    size_t n = strlen(s);
    while (n && strchr(" .:!?;,", s[n - 1]))
        s[--n] = '\0';
    if (n >= 3 && strcmp(s + n - 3, "\xe2\x80\xa6") == 0) /* … */
        s[n - 3] = '\0';
}

/* How many phrases open on byte c (an indexed list). */
static size_t opening_count(const phrase_list *pl, unsigned char c)
{
    return pl->opening[c + 1] - pl->opening[c];
}

/* Does one of the phrases that open on byte c have a literal start (up
 * to its first '*') that agrees with head? */
static bool bucket_prefix_agrees(const phrase_list *pl, unsigned char c, const char *head, size_t hl)
{
    for (size_t k = pl->opening[c]; k < pl->opening[c + 1]; k++) {
        const char *ph = pl->items[pl->by_open[k]];
        size_t lit = strcspn(ph, "*");
        if (strncmp(head, ph, lit < hl ? lit : hl) == 0)
            return true;
    }
    return false;
}

/* Can a phrase match text that begins with head (folded)? Only when the
 * phrase's literal start (up to its first '*') agrees with head: those
 * that open as head does, and those that open on '*' unless skipped. */
static bool prefix_may_match(const phrase_list *pl, const char *head, bool skip_star)
{
    if (!pl->opening)
        return true;
    size_t hl = strlen(head);
    unsigned char c = (unsigned char)head[0];
    if (c == '*')
        return !skip_star && bucket_prefix_agrees(pl, '*', head, hl);
    return bucket_prefix_agrees(pl, c, head, hl) || (!skip_star && bucket_prefix_agrees(pl, '*', head, hl));
}

/* Whether text's first byte, folded, can open one of the phrases: most
 * paragraphs open on an ASCII letter that no phrase of a list opens on,
 * and are let through before any folding. Text that opens beyond ASCII
 * is left to the fold. */
static bool opening_may_match(const phrase_list *pl, const char *text, bool skip_star)
{
    if (!pl->opening || (opening_count(pl, '*') && !skip_star))
        return true;
    const unsigned char *p = (const unsigned char *)text;
    while (*p && (*p <= ' ' || *p == 0x7F))
        p++; /* what the fold drops */
    unsigned char c = *p >= 'A' && *p <= 'Z' ? (unsigned char)(*p + ('a' - 'A')) : *p;
    return c == 0 || c >= 0x80 || opening_count(pl, c);
}

/* A phrase that starts with '*' ("* commentaires", "* réflexions sur *")
 * names a short line such as a comment header. Inside a paragraph of prose
 * ("ses réflexions sur la guerre…") it would end the article, so for page
 * furniture it only applies to lines up to this many bytes, and as an end
 * marker not to a sentence (boilerplate_is_end). */
#define STAR_PHRASE_MAX_LINE 160

/* Words of a sentence of prose that a phrase opening on one or two
 * words does not take. */
#define PROSE_SENTENCE_WORDS 15

/* A phrase that opens a block on one or two words ("Partager *",
 * "Crédit*", "À découvrir*"): a button, a credit, a label. */
static bool short_prefix_phrase(const char *ph)
{
    size_t lit = strcspn(ph, "*"), spaces = 0;
    if (lit == 0 || ph[lit] != '*' || ph[lit + 1] != '\0')
        return false;
    for (size_t i = 0; i + 1 < lit; i++)
        spaces += ph[i] == ' ';
    return spaces <= 1;
}

/* Words of a folded text, by its spaces. */
static size_t words_of(const char *t)
{
    size_t words = 1;
    for (; *t; t++)
        words += *t == ' ';
    return words;
}

/* A long sentence ending on a full stop ("Partager les fruits de la
 * croissance, voilà ce que réclament les syndicats…", "Crédit Agricole
 * a annoncé mardi…"): prose that only opens on a button's or a credit's
 * word, which such a phrase must leave alone. t is folded. */
static bool prose_sentence(const char *t)
{
    /* words by spaces: a line of Chinese is no sentence of many words here */
    return ends_full_stop(t, strlen(t)) && words_of(t) >= PROSE_SENTENCE_WORDS;
}

/* Whether t ends on "..." or "…", perhaps inside brackets: a label
 * ("Loading comments...") or a teaser cut short, not a sentence. */
static bool ellipsis_ends(const char *t)
{
    size_t n = strlen(t);
    while (n && (t[n - 1] == ' ' || t[n - 1] == ')' || t[n - 1] == ']'))
        n--;
    return ends_on_ellipsis(t, n);
}

/* Words a marker's sentence may hold past its phrase: "Soyez le premier
 * à réagir.", "Tags : économie, emploi." */
#define MARKER_SENTENCE_EXTRA_WORDS 3

/* Whether a sentence of that many words says more than the phrase that
 * opens it ("Toute l'actualité*", "Réagissez*"): prose ("Toute
 * l'actualité de la région est à retrouver chaque matin dans notre
 * édition."), not a marker. */
static bool sentence_past_phrase(const char *ph, size_t words)
{
    size_t lit = strcspn(ph, "*"), phrase_words = 1;
    if (lit == 0 || ph[lit] != '*' || ph[lit + 1] != '\0')
        return false;
    for (size_t i = 0; i < lit; i++)
        phrase_words += ph[i] == ' ' && i + 1 < lit;
    return words > phrase_words + MARKER_SENTENCE_EXTRA_WORDS;
}

/* Bytes of a '*' phrase from which it is no comment header's but a
 * syndication's whole line ("*was originally published in*where people
 * are continuing the conversation…"), that no prose says: it takes lines
 * as long as itself and star_max more, sentences too. */
#define LONG_STAR_PHRASE 60

static bool long_star_takes(const char *ph, size_t line_len, size_t star_max)
{
    size_t n = strlen(ph);
    return n >= LONG_STAR_PHRASE && star_max < SIZE_MAX / 2 && line_len <= n + star_max;
}

/* How many of the list's phrases text holds, counting up to `enough`. */
static size_t list_hits_within(const phrase_list *pl, const char *text, size_t star_max,
                               size_t enough, bool marker_list)
{
    /* Paragraphs are long and phrases short: fold a head first and the
     * whole text only when some phrase could match it (most paragraphs are
     * let through after a few dozen bytes, not a fold of the whole). */
    size_t n = strlen(text);
    if (n > FOLD_HEAD) {
        /* twice the bound in raw bytes is past it folded, white space and all */
        bool skip_star = star_max < SIZE_MAX / 2 && n > 2 * star_max;
        if (!opening_may_match(pl, text, skip_star))
            return 0;
        size_t cut = FOLD_HEAD;
        while (cut && ((unsigned char)text[cut] & 0xC0) == 0x80)
            cut--; /* not inside a UTF-8 sequence */
        char head[FOLD_HEAD + 1];
        squash_into(text, cut, head, true);
        bool maybe = prefix_may_match(pl, head, skip_star);
        if (!maybe)
            return 0;
    }
    char *t = squash_folded(text);
    if (!t)
        return 0;
    bool sentence = prose_sentence(t);
    bool stop = marker_list && ends_full_stop(t, strlen(t)) && !ellipsis_ends(t);
    bool star_off = strlen(t) > star_max || stop;
    size_t words = stop ? words_of(t) : 0; /* only a sentence's are needed */
    strip_final_punct(t);
    size_t hits = 0, tl = strlen(t);
    for (size_t i = 0; i < pl->n && hits < enough; i++) {
        const char *ph = pl->items[i];
        if (ph[0] == '*' ? star_off && !long_star_takes(ph, tl, star_max) : ph[0] != t[0])
            continue; /* most phrases, on one byte */
        hits += !(sentence && short_prefix_phrase(ph)) && !(stop && sentence_past_phrase(ph, words)) &&
                glob_match(ph, t, tl);
    }
    free(t);
    return hits;
}

static bool list_matches_within(const phrase_list *pl, const char *text, size_t star_max)
{
    return list_hits_within(pl, text, star_max, 1, false) > 0;
}

static bool list_matches(const phrase_list *pl, const char *text)
{
    return list_matches_within(pl, text, STAR_PHRASE_MAX_LINE);
}

/* Fills the index of a folded list by the byte each phrase opens on: a
 * paragraph is tried only against the phrases that open as it does. */
static void index_openings(phrase_list *pl)
{
    pl->opening = calloc(257, sizeof *pl->opening);
    pl->by_open = malloc((pl->n ? pl->n : 1) * sizeof *pl->by_open);
    if (!pl->opening || !pl->by_open) { /* unindexed: every phrase is tried */
        free(pl->opening), free(pl->by_open);
        pl->opening = pl->by_open = NULL;
        return;
    }
    for (size_t i = 0; i < pl->n; i++)
        pl->opening[(unsigned char)pl->items[i][0] + 1]++;
    for (unsigned c = 1; c <= 256; c++)
        pl->opening[c] += pl->opening[c - 1];
    size_t next[256];
    memcpy(next, pl->opening, sizeof next);
    for (size_t i = 0; i < pl->n; i++)
        pl->by_open[next[(unsigned char)pl->items[i][0]]++] = i;
}

static int load_folded(const char *rel, phrase_list *pl, ora_error *err)
{
    if (phrase_list_load(rel, pl, err) < 0)
        return -1;
    for (size_t i = 0; i < pl->n; i++) {
        char *f = squash_folded(pl->items[i]);
        if (f[0] && f[strlen(f) - 1] != '*')
            strip_final_punct(f);
        free(pl->items[i]);
        pl->items[i] = f;
    }
    index_openings(pl);
    return 0;
}

int phrase_list_load_folded(const char *rel, phrase_list *pl, ora_error *err)
{
    return load_folded(rel, pl, err);
}

bool phrase_list_matches(const phrase_list *pl, const char *text)
{
    return list_matches_within(pl, text, SIZE_MAX); /* cue lines may be long */
}

size_t phrase_list_count(const phrase_list *pl, const char *text)
{
    return list_hits_within(pl, text, SIZE_MAX, SIZE_MAX, false);
}

int boilerplate_load(boilerplate *bp, ora_error *err)
{
    static const char *const files[] = {
        "rules/fr/boilerplate-drop.txt", "rules/fr/boilerplate-cut.txt",
        "rules/fr/boilerplate-end.txt", "rules/fr/boilerplate-credit.txt"};
    phrase_list *lists[] = {&bp->drop, &bp->cut, &bp->end, &bp->credit};
    memset(bp, 0, sizeof *bp);
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        if (load_folded(files[i], lists[i], err) < 0) {
            boilerplate_free(bp);
            return -1;
        }
    }
    return 0;
}

void boilerplate_free(boilerplate *bp)
{
    phrase_list_free(&bp->drop);
    phrase_list_free(&bp->cut);
    phrase_list_free(&bp->end);
    phrase_list_free(&bp->credit);
}

bool boilerplate_is_drop(const boilerplate *bp, const char *text)
{
    return list_matches(&bp->drop, text);
}

bool boilerplate_is_cut(const boilerplate *bp, const char *text)
{
    return list_matches(&bp->cut, text);
}

bool boilerplate_is_end(const boilerplate *bp, const char *text)
{
    /* a marker is a label, no sentence: one ending on a full stop is
     * prose ("Ses réflexions sur la guerre ont marqué une génération.",
     * "Toute l'actualité de la région est à retrouver…"), which must not
     * end the article, unless it is the phrase itself and a few words
     * ("Soyez le premier à réagir.") */
    return list_hits_within(&bp->end, text, STAR_PHRASE_MAX_LINE, 1, true) > 0;
}

bool boilerplate_is_credit(const boilerplate *bp, const char *text)
{
    return list_matches(&bp->credit, text);
}
