/* One-pass white-space squashing (and folding for comparisons), for the
 * readers' hot paths: a 1 MB page runs every block through it. */
#ifndef ORA_SQUASH_H
#define ORA_SQUASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Writes s[0..n) to out (room for n + 1 bytes) as text_squash would: runs
 * of white space (any Unicode space, and control bytes such as the page
 * reader's <br> mark) become one ' ', both ends trimmed, invisible
 * characters (U+200B, U+FEFF, soft hyphen) and bad bytes dropped. With
 * fold, also lower-cases ASCII and Latin-1 capitals and turns typographic
 * apostrophes into ' and typographic double quotes into ", and drops a
 * space after an apostrophe ("L' auteur" is "l'auteur"). Returns the
 * length written. */
size_t squash_into(const char *s, size_t n, char *out, bool fold);

/* s squashed and folded into a new string, for comparisons and matching;
 * NULL when out of memory. */
char *squash_folded(const char *s);

/* How many words of `words` with min_letters bytes or more `text` says
 * as whole words (no letter or digit beside them), both squashed and
 * folded here; *counted gets how many such words there are. Words part at
 * spaces and a title's punctuation ("Pic:", "l'ex"). */
size_t words_said(const char *words, const char *text, size_t min_letters, size_t *counted);

/* The words of a squashed text: runs of characters between ' ' (however
 * many spaces part them); in Chinese and Japanese, each character. */
size_t spaced_words(const char *s);
/* The same, counting no further than limit + 1 words (the line is long
 * then, whatever its length): the tests of short lines run on every one. */
size_t spaced_words_upto(const char *s, size_t limit);

/* What a hash of words keeps of an ASCII byte: a letter in lower case, a
 * digit, or 0 for the rest (spaces, signs, apostrophes), by arithmetic:
 * no locale call. */
static inline unsigned char ascii_alnum_lower(unsigned char c)
{
    return c >= '0' && c <= '9' ? c : (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? (unsigned char)(c | 0x20) : 0;
}

/* What the folded hashes of blocks keep of each byte (html/measures.c,
 * text/repeats.c): ASCII letters in lower case, digits, every byte of a
 * character beyond ASCII; 0 for the rest (spaces, signs, apostrophes). */
extern const unsigned char alnum_folds[256];

/* How many bytes of m have their high bit set, m holding no other bit
 * (the masks of the eight-bytes-a-step counts): one multiplication, where
 * __builtin_popcountll is a library call without -mpopcnt. */
static inline size_t high_bits_count(uint64_t m)
{
    return (size_t)(((m >> 7) * 0x0101010101010101ull) >> 56);
}

/* Does s open on a letter of a script written without spaces between
 * words (kana, Han)? Each counts as a word: Chinese and Japanese text is
 * not one long "word" a line. */
bool unspaced_letter_at(const char *s);
/* A letter of Thai, Lao, Myanmar or Khmer, whose words are several
 * letters long and part no words with spaces. */
bool unspaced_syllabic_at(const char *s);
/* Letters a word of those scripts has, about. */
#define SYLLABIC_WORD_LETTERS 3
/* Can the byte open such a letter (or Thai's, Khmer's)? A fast test, asked
 * of every byte: the first byte of a letter of U+0800–U+1FFF (Thai,
 * Myanmar, Khmer…) or U+3000 and above (kana, Han); not the general
 * punctuation of U+2000–U+2FFF (’, …, €) French is full of. */
static inline bool unspaced_lead(unsigned char c)
{
    return c == 0xE0 || c == 0xE1 || c >= 0xE3;
}

/* The words of one token (n bytes, no space): one, or in Chinese and
 * Japanese one a character, in Thai, Lao, Khmer and Myanmar one every
 * three letters. */
size_t token_words(const char *p, size_t n);

/* Does s open on a capital (A-Z, À-Þ) or a small letter (a-z, à-ÿ) of
 * ASCII or Latin-1? Other scripts' letters are neither: the readers ask
 * only what French and English words open on. */
bool latin_capital_at(const char *s);
bool latin_lower_at(const char *s);

/* Do the n bytes of s end on another script's sentence mark ("。", "।",
 * "።", "։", "؟": Unicode's Sentence_Terminal beyond ASCII)? */
bool ends_on_script_stop(const char *s, size_t n);

/* Do the n bytes of s end a sentence: ".", "!", "?", "…" or another
 * script's mark, perhaps inside closing quotes or a bracket ('.»', '.")')?
 * A headline may end on a quote; a sentence ends on its stop. */
bool ends_full_stop(const char *s, size_t n);

/* Does a paragraph hold more than one sentence: a stop after a small
 * letter or a digit (not "J. Dupont"), then a space and a capital? */
bool several_sentences(const char *s);

/* "Accueil » Société » Trafic", "Accueil du site > Emissions > X": a
 * breadcrumb's arrows (more closing chevrons than opening ones, a single
 * angle quote, two " > " or " / " or more). */
bool breadcrumb_shape(const char *s);
/* "À Gaza, des doutes… / 12h45 / 2 min. / le 19 octobre 2023": a video or
 * audio card, its fields parted by " / ", one of them the clip's
 * duration. */
bool media_card_shape(const char *s);
/* Capitalized words on both sides of a slash, eight words at most
 * ("Jean Dupont / Le Courrier"): a photographer and an agency. A verse
 * quoted in prose ("Demain, dès l'aube / à l'heure…") has small words. */
bool names_around_slash(const char *s);
/* Such names around two slashes or more: a wire's dateline ("AA / Paris
 * / Ümit Dönmez"), a rubric's path ("Monde / Europe / Allemagne"). */
bool names_path(const char *s);

/* The bytes of s[0, n) before its closing marks: spaces, quotes ('"',
 * "'", ”, ’, », a no-break space before it) and a closing bracket, as a
 * quotation ends ("…sur la tête.\"", "…encore. »"). */
size_t before_closing_marks(const char *s, size_t n);

/* A byte of a word: an ASCII letter or digit, or any byte of a UTF-8
 * sequence (a letter of another alphabet, most likely). */
bool word_byte(unsigned char c);

/* Does s[0, n) end on an ellipsis, "..." or "…"? */
bool ends_on_ellipsis(const char *s, size_t n);
/* Does s[0, n) end where an excerpt was cut for its link: "(...)",
 * "(…)", "[...]", "[…]"? */
bool ends_on_cut_mark(const char *s, size_t n);

/* The letters and digits of a text, without accents and lower-cased
 * ("L'Écho du Périgord" → "lechoduperigord"): to compare with a host or
 * another text, whatever its quotes, dashes and accents. */
char *bare_letters(const char *s, size_t n);

/* A pull quote of several sentences that its paragraph, further on, cuts
 * with who says them ("…appelait Mamadou", renchérit Maître Chenu. "Peu
 * importe…"): whether s holds two sentences or more of four words or
 * more, and the letters of each stand in one of the n texts others[]
 * (bare_letters; NULL ones are skipped). */
bool sentences_said_in(const char *s, const char *const *others, size_t n);

/* Whether a line of `words` words has the shape of who speaks under a
 * pull quote ("Maître Aline Chenu, l'une des avocates…", "— Jean
 * Dupont"): sixteen words at most, a name and a role parted by a comma,
 * or opened by an em or en dash (or by a hyphen, with ascii_dash). Each
 * reader tests for itself that it ends no sentence. */
bool speaker_shape(const char *t, size_t words, bool ascii_dash);

#endif
