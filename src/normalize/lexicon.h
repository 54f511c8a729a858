/* Pronunciation lexicons (W3C PLS 1.0): grapheme → alias. */
#ifndef ORA_LEXICON_H
#define ORA_LEXICON_H

#include "internal.h"

typedef struct {
    char *grapheme, *alias;
} lexeme;

typedef struct {
    lexeme *items; /* in the order first loaded */
    size_t n, cap;
    size_t *slots;     /* hash of graphemes: index + 1, 0 when empty */
    uint64_t *heads;   /* hash set of each grapheme's first word */
    size_t n_slots;    /* a power of two, at least twice n */
    unsigned char first[32]; /* bit set: some grapheme starts with this byte */
} lexicon;

void lexicon_init(lexicon *lx);
void lexicon_free(lexicon *lx);
/* Adds every <lexeme> with an <alias>; an entry already present is replaced,
 * so later files win. */
int lexicon_load_pls(lexicon *lx, const char *path, ora_error *err);
int lexicon_load_pls_memory(lexicon *lx, const char *xml, size_t len,
                            const char *name, ora_error *err);
const char *lexicon_lookup(const lexicon *lx, const char *word, size_t n);
/* Whether some grapheme starts with byte c: a cheap test before a look-up. */
bool lexicon_may_start(const lexicon *lx, unsigned char c);
/* Length of the first word of s: letters and digits up to punctuation or
 * a space ("av" in "av. J.-C."). */
size_t lexicon_head_len(const char *s, size_t n);
/* Whether some grapheme starts with the word s[0..n) (as lexicon_head_len
 * cuts it): a cheap test that rules out most words of a text. */
bool lexicon_has_head(const lexicon *lx, const char *s, size_t n);

#endif
