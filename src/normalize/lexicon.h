/* Pronunciation lexicons (W3C PLS 1.0): grapheme → alias. */
#ifndef ORA_LEXICON_H
#define ORA_LEXICON_H

#include "internal.h"

#include <string.h>

typedef struct {
    char *grapheme, *alias;
} lexeme;

#define LEXICON_BITS (1u << 15)

typedef struct {
    lexeme *items; /* in the order first loaded */
    size_t n, cap;
    size_t *slots;     /* hash of graphemes: index + 1, 0 when empty */
    uint64_t *heads;   /* hash set of each grapheme's first word */
    size_t n_slots;    /* a power of two, at least twice n */
    unsigned char first[32]; /* bit set: some grapheme starts with this byte */
    /* a bit per hash of each grapheme, and of each head: small enough to
     * stay in the cache, they turn most words away before the tables */
    uint64_t grapheme_bits[LEXICON_BITS / 64], head_bits[LEXICON_BITS / 64];
} lexicon;

/* FNV-1a of n bytes: words are short, and this is all a look-up costs. */
static inline uint64_t fnv1a(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

/* A bit per hash in a filter of nbits (a power of two), taken from bits
 * a table's index (the low ones) does not use: small enough to stay in
 * the cache, it turns most words away before the table is probed. */
static inline size_t hash_bit(uint64_t h, size_t nbits)
{
    return (size_t)(h >> 40) & (nbits - 1);
}

static inline void hash_bit_set(uint64_t *bits, size_t nbits, uint64_t h)
{
    size_t b = hash_bit(h, nbits);
    bits[b / 64] |= (uint64_t)1 << (b % 64);
}

static inline bool hash_bit_is_set(const uint64_t *bits, size_t nbits, uint64_t h)
{
    size_t b = hash_bit(h, nbits);
    return bits[b / 64] >> (b % 64) & 1;
}

/* A quick hash of a word for the "surely not" tests that every word of a
 * text goes through, made from its length and its first and last eight
 * bytes (four when shorter, each byte when shorter still): two loads and
 * three products, where a byte-by-byte hash costs a product per letter.
 * Each byte is ORed with fold's (0x20 in each folds ASCII capitals);
 * *high keeps the high bits of the bytes read, before folding. */
static inline uint64_t ends_hash(const char *s, size_t n, uint64_t fold, uint64_t *high)
{
    uint64_t a = 0, b = 0;
    if (n >= 8) {
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
    } else if (n >= 4) { /* the first and the last four, maybe overlapping */
        uint32_t lo, hi;
        memcpy(&lo, s, 4);
        memcpy(&hi, s + n - 4, 4);
        a = lo | (uint64_t)hi << 32;
    } else {
        for (size_t k = 0; k < n; k++)
            a |= (uint64_t)(unsigned char)s[k] << 8 * k;
    }
    *high = (a | b) & 0x8080808080808080ull;
    a |= fold, b |= fold;
    uint64_t h = a * 0x9E3779B97F4A7C15ull ^ b * 0xC2B2AE3D27D4EB4Full ^ n * 0x165667B19E3779F9ull;
    return h ^ h >> 31;
}

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
