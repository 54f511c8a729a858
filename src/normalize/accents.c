/* Accents of words written without them. French typesetting long left
 * capitals unaccented ("ETAT", "RESULTATS TECHNIQUES", "SECURITE SOCIALE"),
 * pages typed in haste drop them in lower case too ("brievement",
 * "redacteur"), and eSpeak NG reads the letters as written: "securite" is
 * /s@kyrit/, not sécurité. The French word list (wfrench, named in
 * lexicons/fr/word-lists.tsv) gives an unaccented spelling its accented
 * word when there is exactly one and the spelling is no word itself:
 * "des" stays (dès is another word), "cote" stays (côte, coté, côté).
 *
 * Each table of the index is built the first time a rule asks for it, so
 * a text that asks nothing pays nothing: the accents keep the accented
 * words only (some 120,000: 1.7 MB, a table of 1 MB and 256 kB of seen
 * bits), and reading the list for them costs some 15 ms once per
 * normalizer; the plain words' table (2 MB) is read apart. */
#include "normalize.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#define MAX_WORD 40

static uint64_t key_hash(const char *s, size_t n);

/* Words kept in one buffer, each ended by a NUL, found by an open-
 * addressing table of their offsets (1 + offset; 0: empty). How a slot's
 * key is compared is each table's own. A slot also keeps 9 bits of its
 * key's hash above the offset, so that a probe compares words only when
 * they agree: building the index (350,000 words) then costs half as much.
 * The two high bits mark a slot's word (accents.c's AMBIGUOUS, SHARED). */
#define OFFSET_MASK 0x3FFFFFu /* 4 MB of words */
#define TAG_MASK (0xFFu << 22)

static uint32_t tag_of(uint64_t h)
{
    return (uint32_t)(h >> 32 & 0xFF) << 22;
}

typedef struct {
    char *words;
    size_t used, cap, count;
    uint32_t *slot;
    size_t mask;
} word_table;

/* The index: the accented words, each slot found by the word's spelling
 * without accents (AMBIGUOUS added when two words share it); and the
 * plain words of three letters or more (no accent, lower case), the set
 * that tells a French word in capitals ("COMMERCES", "AFFAIRES") from an
 * acronym said as a word ("NUPES", "ANSES"), whose E the capitals rule
 * marks, and a headline's short word ("FIN") from initials (words.c). */
struct accent_index {
    bool tried_acc, tried_plain; /* built, or impossible: never tried again */
    word_table acc, plain;
    uint64_t *seen; /* a bit per spelling's hash: a cheap "surely not" */
};

/* 2^21 bits (256 kB) for some 140,000 spellings: a word in lower case
 * with no accented form, most of a text, is turned away by one bit about
 * 94 times in 100, without the table's probes. */
#define SEEN_BITS 21

/* The seen bit of a spelling, from its ends hash in lower case; *ascii
 * tells whether the bytes the hash read were all ASCII. */
static inline size_t seen_bit(const char *s, size_t n, bool *ascii)
{
    uint64_t high, h = ends_hash(s, n, 0x2020202020202020ull, &high);
    *ascii = !high;
    return (size_t)(h >> (64 - SEEN_BITS));
}

/* Twice the slots (the first ones when none), all empty: the old slots
 * are returned for the caller to place again, and *old_n their number.
 * NULL with the table unchanged when memory runs out. */
static uint32_t *table_double(word_table *t, size_t first, size_t *old_n, bool *ok)
{
    size_t old_slots = t->slot ? t->mask + 1 : 0, slots = old_slots ? old_slots * 2 : first;
    uint32_t *old = t->slot, *fresh = calloc(slots, sizeof *fresh);
    *ok = fresh != NULL;
    if (!fresh)
        return NULL;
    t->slot = fresh;
    t->mask = slots - 1;
    *old_n = old_slots;
    return old;
}

/* Appends a word to the buffer: 1 + its offset, 0 when memory runs out
 * or the offset would not fit its bits. */
static uint32_t table_store(word_table *t, const char *w, size_t n, size_t first_cap)
{
    if (t->used + n + 1 >= OFFSET_MASK)
        return 0;
    if (t->used + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : first_cap;
        char *grown = realloc(t->words, cap);
        if (!grown)
            return 0;
        t->words = grown, t->cap = cap;
    }
    memcpy(t->words + t->used, w, n);
    t->words[t->used + n] = '\0';
    uint32_t at = (uint32_t)t->used + 1;
    t->used += n + 1;
    t->count++;
    return at;
}

static void table_free(word_table *t)
{
    free(t->slot);
    free(t->words);
    memset(t, 0, sizeof *t);
}

static bool plain_kept(size_t n)
{
    return n >= 3 && n < MAX_WORD;
}

static size_t plain_slot(const word_table *ps, const char *w, size_t n, uint32_t *tag)
{
    uint64_t h = key_hash(w, n);
    size_t k = (size_t)h & ps->mask;
    *tag = tag_of(h);
    for (uint32_t v; (v = ps->slot[k]); k = (k + 1) & ps->mask) {
        const char *o = ps->words + (v & OFFSET_MASK) - 1;
        if ((v & TAG_MASK) == *tag && strncmp(o, w, n) == 0 && o[n] == '\0')
            break;
    }
    return k;
}

static bool plain_grow(word_table *ps)
{
    size_t old_slots = 0;
    bool ok;
    uint32_t *old = table_double(ps, 1 << 19, &old_slots, &ok), tag;
    for (size_t k = 0; k < old_slots; k++)
        if (old[k]) {
            const char *w = ps->words + (old[k] & OFFSET_MASK) - 1;
            ps->slot[plain_slot(ps, w, strlen(w), &tag)] = old[k];
        }
    free(old);
    return ok;
}

static bool plain_add(word_table *ps, const char *w, size_t n)
{
    if ((ps->count + 1) * 2 > (ps->mask + 1) && !plain_grow(ps))
        return false;
    uint32_t tag;
    size_t k = plain_slot(ps, w, n, &tag);
    if (ps->slot[k])
        return true;
    uint32_t at = table_store(ps, w, n, 1 << 22);
    ps->slot[k] = at | tag;
    return at != 0;
}

#define AMBIGUOUS 0x80000000u
/* A spelling of several accented words ("securise": sécurise, sécurisé)
 * keeps the accents they all have ("sécurise"): right in each of them. */
#define SHARED 0x40000000u

/* The ASCII letter a Latin-1 letter with an accent stands on (U+00C0 to
 * U+00FF, either case), 0 for the others. */
static char base_letter(uint32_t cp)
{
    static const char latin1[] = "aaaaaaaceeeeiiiidnooooo/ouuuuy/saaaaaaaceeeeiiiidnooooo/ouuuuy/y";
    if (cp < 0xC0 || cp > 0xFF)
        return 0;
    char c = latin1[cp - 0xC0];
    return c == '/' || c == 'd' || c == 's' ? 0 : c;
}

/* The word without its accents, in lower case: "Sécurité" → securite.
 * 0 when it holds a letter that has no such spelling, or is too long. */
static size_t unaccented(const char *s, size_t n, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o + 2 < MAX_WORD;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            out[o++] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
            i++;
            continue;
        }
        uint32_t cp = 0;
        int l = utf8_decode(s + i, n - i, &cp);
        char b = l ? base_letter(cp) : 0;
        if (cp == 0x153 || cp == 0x152 || cp == 0xE6 || cp == 0xC6) { /* œ, æ */
            out[o++] = cp == 0xE6 || cp == 0xC6 ? 'a' : 'o';
            b = 'e';
        }
        if (!b)
            return 0;
        out[o++] = b;
        i += (size_t)l;
    }
    return o < MAX_WORD - 2 ? o : 0;
}

static uint64_t key_hash(const char *s, size_t n)
{
    uint64_t h = 14695981039346656037u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

/* The slot of an unaccented spelling: the table keeps no keys, only the
 * accented words, so a slot whose tag agrees is compared by taking its
 * word's accents off again; that spares 2 MB of keys. */
static size_t slot_of(const accent_index *x, const char *key, size_t kn, uint32_t *tag)
{
    char other[MAX_WORD];
    uint64_t h = key_hash(key, kn);
    size_t k = (size_t)h & x->acc.mask;
    *tag = tag_of(h);
    for (uint32_t v; (v = x->acc.slot[k]); k = (k + 1) & x->acc.mask) {
        const char *w = x->acc.words + (v & OFFSET_MASK) - 1;
        if ((v & TAG_MASK) == *tag && unaccented(w, strlen(w), other) == kn && memcmp(other, key, kn) == 0)
            break;
    }
    return k;
}

static bool grow(accent_index *x);

static bool keep_word(accent_index *x, const char *key, size_t kn, const char *w, size_t n,
                      uint32_t flags)
{
    if ((x->acc.count + 1) * 3 > (x->acc.mask + 1) * 2 && !grow(x))
        return false;
    uint32_t tag;
    size_t k = slot_of(x, key, kn, &tag);
    if (x->acc.slot[k]) { /* the list is not in French order: two groups */
        x->acc.slot[k] |= AMBIGUOUS;
        return true;
    }
    uint32_t at = table_store(&x->acc, w, n, 1 << 21);
    x->acc.slot[k] = at | tag | flags;
    bool ascii;
    size_t bit = seen_bit(key, kn, &ascii);
    x->seen[bit / 64] |= 1ull << (bit % 64);
    return at != 0;
}

/* Twice the slots, the words placed again (each spelling is taken from
 * its word: the table keeps no keys). */
static bool grow(accent_index *x)
{
    size_t old_slots = 0;
    bool ok;
    uint32_t *old = table_double(&x->acc, 1 << 18, &old_slots, &ok), tag;
    char key[MAX_WORD];
    for (size_t k = 0; k < old_slots; k++) {
        if (!old[k])
            continue;
        const char *w = x->acc.words + (old[k] & OFFSET_MASK) - 1;
        x->acc.slot[slot_of(x, key, unaccented(w, strlen(w), key), &tag)] = old[k];
    }
    free(old);
    return ok;
}

/* The words of one spelling, as the list gives them one after another. */
typedef struct {
    char key[MAX_WORD];
    size_t kn;
    char word[2 * MAX_WORD];
    size_t n;
    int accented; /* distinct accented words: 0, 1, 2 for more */
    bool plain;   /* the spelling is a word itself */
    bool shared;  /* word holds the accents the accented words share */
} spelling;

static bool close_spelling(accent_index *x, const spelling *g)
{
    if (!g->kn || g->plain || !g->accented || (g->accented == 2 && !g->shared))
        return true;
    return keep_word(x, g->key, g->kn, g->word, g->n, g->accented == 2 ? SHARED : 0);
}

/* Keeps in g->word (*n bytes) only the accents it shares with w, letter
 * by letter ("sécurise" and "sécurisé": sécurise). False when the two do
 * not stand letter for letter (œ beside oe) or share no accent. */
static bool share_accents(char *word, size_t *n, const char *w, size_t wn)
{
    char out[2 * MAX_WORD];
    size_t o = 0, i = 0, j = 0;
    bool accent = false;
    while (i < *n && j < wn) {
        uint32_t a, b;
        int la = utf8_decode(word + i, *n - i, &a), lb = utf8_decode(w + j, wn - j, &b);
        if (la <= 0 || lb <= 0)
            return false;
        if (a == b) {
            memcpy(out + o, word + i, (size_t)la);
            o += (size_t)la;
            accent |= a >= 0x80;
        } else {
            char ba = a < 0x80 ? (char)a : base_letter(a), bb = b < 0x80 ? (char)b : base_letter(b);
            if (!ba || ba != bb)
                return false;
            out[o++] = ba;
        }
        i += (size_t)la, j += (size_t)lb;
    }
    if (i != *n || j != wn || !accent)
        return false;
    memcpy(word, out, o);
    *n = o;
    return true;
}

/* Whether a word is ASCII with no capital: its own spelling. */
static bool lower_ascii(const char *w, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if ((unsigned char)w[k] >= 0x80 || (w[k] >= 'A' && w[k] <= 'Z'))
            return false;
    return true;
}

/* One line of the list into the table being built: the plain words, or
 * the spellings and their accented words. */
static bool add_line(accent_index *x, spelling *g, const char *w, size_t n, bool plain)
{
    if (plain)
        return !(ascii_only(w, n) && plain_kept(n) && w[0] >= 'a' && w[0] <= 'z') ||
               plain_add(&x->plain, w, n);
    char buf[MAX_WORD];
    bool ascii = lower_ascii(w, n);
    const char *key = ascii ? w : buf; /* most lines are their own spelling */
    size_t kn = ascii ? (n < MAX_WORD - 2 ? n : 0) : unaccented(w, n, buf);
    if (kn != g->kn || memcmp(key, g->key, kn) != 0) {
        if (!close_spelling(x, g))
            return false;
        memcpy(g->key, key, kn);
        g->kn = kn, g->accented = 0, g->plain = false, g->shared = false;
    }
    if (!kn)
        return true;
    if (ascii || ascii_only(w, n)) {
        g->plain = true;
    } else if (!g->accented) {
        memcpy(g->word, w, n);
        g->n = n, g->accented = 1;
    } else if (g->n != n || memcmp(g->word, w, n) != 0) {
        g->shared = (g->accented == 1 || g->shared) && share_accents(g->word, &g->n, w, n);
        g->accented = 2;
    }
    return true;
}

/* The list is mapped and read a line at a time (it is 4 MB: no copy of
 * it is kept), once for each table, when a rule first asks it: a text in lower case
 * asks only for the accents (every word it has that the list lacks), and
 * is spared the plain words' table, a 2 MB one. wfrench is sorted in
 * French order, where words that differ by their accents or case alone
 * stand together ("cote", "coté", "côte", "côté"), so each spelling is
 * decided when the next one starts. */
/* The French word list, mapped read-only (*size bytes); NULL when there
 * is none, or it is empty or cannot be read. */
static const char *map_word_list(size_t *size)
{
    char *path = french_word_list_path();
    int fd = path ? open(path, O_RDONLY | O_CLOEXEC) : -1;
    free(path);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) < 0 || st.st_size <= 0) {
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    *size = (size_t)st.st_size;
    return map == MAP_FAILED ? NULL : map;
}

static void index_build(accent_index *x, bool plain)
{
    size_t size = 0;
    const char *list = map_word_list(&size);
    if (!list)
        return;
    spelling g = {0};
    if (!plain)
        x->seen = calloc((size_t)1 << (SEEN_BITS - 6), sizeof *x->seen);
    bool ok = plain ? plain_grow(&x->plain) : x->seen && grow(x);
    for (const char *l = list, *end = list + size; ok && l < end;) {
        const char *nl = memchr(l, '\n', (size_t)(end - l));
        size_t n = nl ? (size_t)(nl - l) : (size_t)(end - l);
        ok = add_line(x, &g, l, n, plain);
        l += n + 1;
    }
    ok = ok && (plain || close_spelling(x, &g));
    char *fit = ok && !plain && x->acc.used ? realloc(x->acc.words, x->acc.used) : NULL;
    if (fit)
        x->acc.words = fit, x->acc.cap = x->acc.used;
    munmap((void *)list, size);
    if (!ok && plain)
        table_free(&x->plain);
    if (!ok && !plain) {
        table_free(&x->acc);
        free(x->seen);
        x->seen = NULL;
    }
}

accent_index *accent_index_new(void)
{
    return calloc(1, sizeof(accent_index));
}

void accent_index_free(accent_index *x)
{
    if (!x)
        return;
    table_free(&x->acc);
    table_free(&x->plain);
    free(x->seen);
    free(x);
}

/* Built on first use, like the accents. The answer is unknown (false)
 * without the list: callers must then leave the word alone. */
static bool index_ready(accent_index *x)
{
    if (!x->tried_acc) {
        x->tried_acc = true;
        index_build(x, false);
    }
    return x->acc.slot != NULL;
}

bool french_list_loaded(accent_index *x)
{
    if (x && !x->tried_plain) {
        x->tried_plain = true;
        index_build(x, true);
    }
    return x && x->plain.slot;
}

bool french_plain_word(accent_index *x, const char *lower, size_t n)
{
    if (!french_list_loaded(x) || !plain_kept(n))
        return false;
    uint32_t tag;
    return x->plain.slot[plain_slot(&x->plain, lower, n, &tag)] != 0;
}

bool accent_maybe(accent_index *x, const char *s, size_t n)
{
    if (!x || n < 2 || n >= MAX_WORD - 2 || !index_ready(x))
        return false;
    bool ascii;
    size_t bit = seen_bit(s, n, &ascii);
    for (size_t k = 8; ascii && k + 8 < n; k++) /* the bytes seen_bit skips */
        ascii = !((unsigned char)s[k] & 0x80);
    return !ascii || (x->seen[bit / 64] >> (bit % 64) & 1);
}

/* The word of the slot for s's spelling when none of the flags in skip
 * marks it; *flags gets the slot's flags. */
static const char *slot_word_flags(accent_index *x, const char *s, size_t n, uint32_t skip, uint32_t *flags)
{
    *flags = 0;
    if (!accent_maybe(x, s, n))
        return NULL;
    char key[MAX_WORD];
    size_t kn = unaccented(s, n, key);
    if (!kn)
        return NULL;
    uint32_t tag, v = x->acc.slot[slot_of(x, key, kn, &tag)];
    *flags = v & (AMBIGUOUS | SHARED);
    return v && !(v & skip) ? x->acc.words + (v & OFFSET_MASK) - 1 : NULL;
}

static const char *slot_word(accent_index *x, const char *s, size_t n, uint32_t skip)
{
    uint32_t flags;
    return slot_word_flags(x, s, n, skip, &flags);
}

bool french_word_as_written(accent_index *x, const char *s, size_t n)
{
    if (ascii_only(s, n))
        return french_plain_word(x, s, n);
    const char *w = accent_maybe(x, s, n) ? slot_word(x, s, n, AMBIGUOUS | SHARED) : NULL;
    return w && strlen(w) == n && memcmp(w, s, n) == 0;
}

const char *accent_restore(accent_index *x, const char *s, size_t n)
{
    return slot_word(x, s, n, AMBIGUOUS | SHARED);
}

const char *accent_shared(accent_index *x, const char *s, size_t n)
{
    return slot_word(x, s, n, AMBIGUOUS);
}

const char *accent_restore_or_shared(accent_index *x, const char *s, size_t n, bool *shared)
{
    uint32_t flags;
    const char *w = slot_word_flags(x, s, n, AMBIGUOUS, &flags);
    *shared = w && (flags & SHARED);
    return w;
}
