/* Measures of text the HTML reader's judgments share: words, sentences,
 * folded comparisons and hashes, the prose an article holds. */
#include "html.h"
#include "read/squash.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

/* Whether c is ASCII white space, as isspace() says in the C locale,
 * without its call per byte (the counts run over every block). */
static bool ascii_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Words between spaces; in Chinese and Japanese, which part no words,
 * each character counts as one (a word is one or two of them), in Thai,
 * Lao, Myanmar and Khmer every three letters count as one, so that an
 * article in those scripts is not a page "without text". */
size_t word_count(const char *s)
{
    size_t n = 0, syllabic = 0;
    bool in = false;
    for (; s && *s; s++) {
        if ((unsigned char)*s >= 0xE3 && unspaced_letter_at(s)) {
            n++, in = false, s += 2;
            continue;
        }
        if (((unsigned char)*s == 0xE0 || (unsigned char)*s == 0xE1) && unspaced_syllabic_at(s)) {
            syllabic++, in = false, s += 2; /* Thai: a word every few letters */
            continue;
        }
        bool sp = ascii_space((unsigned char)*s);
        n += !sp && !in;
        in = !sp;
    }
    return n + syllabic / SYLLABIC_WORD_LETTERS;
}

/* Does the text end as a sentence, a quotation or an announce (".", "!",
 * "?", ":", "»", '"', or another script's mark: "。", "।")? A label or a
 * link's words do not. */
bool ends_sentence(const char *t)
{
    size_t n = strlen(t);
    if (!n)
        return false;
    return strchr(".!?:»\"", t[n - 1]) || ends_on_script_stop(t, n);
}

char *blocks_text(const ora_article *a)
{
    strbuf all = {0};
    for (size_t i = 0; i < a->n_blocks; i++)
        sb_adds(&all, " "), sb_adds(&all, a->blocks[i].text);
    return all.s;
}

/* A hash of the text folded (case, apostrophes, spaces, punctuation), so
 * that a print or AMP copy of the article, or a paragraph repeated by a
 * pull quote, matches what was read. */
uint64_t folded_hash(const char *text)
{
    /* letters and digits only, ASCII lower-cased: spaces, apostrophes and
     * punctuation, where copies differ, do not count. The kept bytes are
     * gathered eight at a time into a word, each word mixed in with one
     * multiplication: a multiplication a byte cost a tenth of reading a
     * page. */
    uint64_t h = 1469598103934665603ULL, word = 0;
    unsigned kept = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        unsigned char c = alnum_folds[*p];
        if (!c)
            continue;
        word = word << 8 | c;
        if (++kept % 8 == 0) {
            h = (h ^ word) * 0x9E3779B97F4A7C15ULL;
            h ^= h >> 29;
            word = 0;
        }
    }
    h = (h ^ word ^ kept) * 0x9E3779B97F4A7C15ULL;
    return h ^ h >> 32;
}

bool same_folded(const char *a, const char *b)
{
    if (!a || !b)
        return false;
    size_t na = strlen(a), nb = strlen(b);
    if (na > 2 * nb + 8 || nb > 2 * na + 8)
        return false; /* folding does not halve a text */
    char *fa = malloc(na + 1), *fb = malloc(nb + 1);
    bool same = false;
    if (fa && fb) {
        squash_into(a, na, fa, true);
        squash_into(b, nb, fb, true);
        same = strcmp(fa, fb) == 0;
    }
    free(fa), free(fb);
    return same;
}

/* Sentences end on a stop before a space or the end; an initial's dot
 * ("J. Martin") ends none, a word's last capital ("ghoS.") does. */
size_t sentence_count(const char *s)
{
    size_t n = 0;
    for (const char *p = s; *p; p++) {
        if (!strchr(".!?", *p) || (p[1] != ' ' && p[1]) || p == s)
            continue;
        bool initial = isupper((unsigned char)p[-1]) && (p - 1 == s || p[-2] == ' ' || p[-2] == '.');
        n += !initial;
    }
    return n;
}

/* Letters of Thai (or Lao, Myanmar, Khmer) that make a paragraph prose
 * though no mark ends its sentences. */
#define SYLLABIC_PROSE_LETTERS 60

/* Does the text end a sentence somewhere: ".", "!", "?", or another
 * script's mark ("。" in Chinese, "।" in Hindi: Unicode's
 * Sentence_Terminal)? */
static bool has_sentence_stop(const char *t)
{
    if (strpbrk(t, ".!?"))
        return true;
    const uint8_t *p = (const uint8_t *)t, *end = p + strlen(t);
    size_t syllabic = 0;
    while (p < end) {
        ucs4_t c;
        int l = u8_mbtouc(&c, p, (size_t)(end - p));
        if (c >= 0x80 && uc_is_property_sentence_terminal(c))
            return true;
        syllabic += unspaced_syllabic_at((const char *)p);
        p += l > 0 ? l : 1;
    }
    return syllabic >= SYLLABIC_PROSE_LETTERS; /* Thai sets no stop: a space ends its sentences */
}

/* Paragraphs of prose: sentences, not a line of a menu. */
size_t prose_paragraphs(const ora_article *a)
{
    size_t n = 0;
    for (size_t i = 0; i < a->n_blocks; i++)
        if (a->blocks[i].kind == ORA_BLOCK_PARAGRAPH && word_count(a->blocks[i].text) >= 20 &&
            has_sentence_stop(a->blocks[i].text))
            n++;
    return n;
}

/* Items of a list that read as sentences ("Salez, poivrez et laissez
 * mijoter 45 minutes."): a method given as steps, with no paragraph. A
 * list of headlines or links gives none. Adds their words to *words. */
#define PROSE_ITEM_WORDS 5

size_t prose_items(const ora_article *a, size_t *words)
{
    size_t n = 0;
    for (size_t i = 0; i < a->n_blocks; i++) {
        const char *t = a->blocks[i].text;
        size_t w = word_count(t), len = strlen(t);
        if (a->blocks[i].kind == ORA_BLOCK_LIST_ITEM && w >= PROSE_ITEM_WORDS && len &&
            strchr(".!?", t[len - 1]))
            n++, *words += w;
    }
    return n;
}

/* A measure summed over the lede and the paragraphs and quotes: the
 * prose a listener would hear as the article. */
static size_t prose_sum(const ora_article *a, size_t (*measure)(const char *))
{
    size_t n = a->lede ? measure(a->lede) : 0;
    for (size_t i = 0; i < a->n_blocks; i++)
        if (a->blocks[i].kind == ORA_BLOCK_PARAGRAPH || a->blocks[i].kind == ORA_BLOCK_QUOTE)
            n += measure(a->blocks[i].text);
    return n;
}

size_t prose_words(const ora_article *a)
{
    return prose_sum(a, word_count);
}

size_t prose_sentences(const ora_article *a)
{
    return prose_sum(a, sentence_count);
}

/* Compared by letters and digits alone (dashes and quotes differ between
 * a description and the text, "--" and "—"), does the body (from its lede,
 * when with_lede) open with this text: said again after a dateline
 * ("ST. LOUIS, MO (KTVI) – …"), or as its first paragraphs joined (a
 * description of two paragraphs)? */
#define OPENING_LEAD_MAX 40
#define OPENING_MIN 30

bool opens_paragraphs(const ora_article *a, const char *text, bool with_lede)
{
    char *l = text ? bare_letters(text, strlen(text)) : NULL;
    size_t ll = l ? strlen(l) : 0;
    strbuf open;
    sb_init(&open);
    char *lede = with_lede && a->lede ? bare_letters(a->lede, strlen(a->lede)) : NULL;
    if (lede)
        sb_adds(&open, lede);
    free(lede);
    /* headings and list items too (a summary box, "Key points" over its
     * items, taken whole as the lede opens the body as blocks), past the
     * captions, which are not read */
    for (size_t i = 0; ll >= OPENING_MIN && i < a->n_blocks && open.len < ll + OPENING_LEAD_MAX; i++) {
        ora_block_kind k = a->blocks[i].kind;
        if (k == ORA_BLOCK_CAPTION)
            continue;
        if (k != ORA_BLOCK_PARAGRAPH && k != ORA_BLOCK_HEADING && k != ORA_BLOCK_LIST_ITEM)
            break;
        char *b = bare_letters(a->blocks[i].text, strlen(a->blocks[i].text));
        if (b)
            sb_adds(&open, b);
        free(b);
    }
    const char *at = open.s && ll >= OPENING_MIN ? strstr(open.s, l) : NULL;
    bool opens = at && at - open.s <= OPENING_LEAD_MAX;
    sb_free(&open);
    free(l);
    return opens;
}

size_t all_words(const ora_article *a)
{
    size_t n = word_count(a->lede);
    for (size_t i = 0; i < a->n_blocks; i++)
        n += word_count(a->blocks[i].text);
    return n;
}
