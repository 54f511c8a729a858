/* Pronunciation lexicons (W3C PLS 1.0): grapheme → alias. */
#ifndef ORA_LEXICON_H
#define ORA_LEXICON_H

#include "internal.h"

typedef struct {
    char *grapheme, *alias;
} lexeme;

typedef struct {
    lexeme *items; /* sorted by grapheme */
    size_t n, cap;
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

#endif
