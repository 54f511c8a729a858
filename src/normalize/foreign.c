/* Runs of other languages inside French: "le système Army Tactical Missile
 * Systems", "la série Game of Thrones". eSpeak NG's French voice reads them
 * with French letters; the speak stage gives each run to the voice of its
 * language instead.
 *
 * A word is foreign when the other language's word list has it and the
 * French list does not; a word both lists have ("missile", "premier") is
 * French unless it sits inside a run of clearly foreign words. A run needs
 * two foreign words, or one in a name of capitalized words (Premier
 * League). Do no harm: a single word ("parking", "email") stays French,
 * acronyms are left alone, and a name of a person (Donald Trump, two
 * capitalized words that the list knows as names) is said the French way,
 * as French readers do.
 *
 * The lists are Debian's (wfrench, wamerican), named in
 * lexicons/fr/word-lists.tsv. Only the other language's words are kept, in
 * an open-addressing hash of offsets into the list's own bytes; the French
 * list is read once to flag the words it shares, and then let go (a
 * normalizer holds about 2 MB for English and loads it in a few
 * milliseconds). */
#include "normalize.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

enum {
    W_LOWER = 1,  /* the list has it in lower case: a common word */
    W_PROPER = 2, /* the list has it capitalized: a name (Gates, York) */
    W_FRENCH = 4  /* the French list has it */
};

#define MAX_WORD 64

/* FNV-1a, 64 bits, of the word folded to lower case. The table keeps
 * only hashes: two words of the lists sharing 56 bits of hash is a chance
 * of about one in 10^11, which spares keeping and comparing the words. */
static uint64_t hash_folded(const char *s, size_t n)
{
    uint64_t h = 14695981039346656037u;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        h = (h ^ (c >= 'A' && c <= 'Z' ? c | 0x20 : c)) * 1099511628211u;
    }
    return h;
}

/* ASCII letters folded to lower case; other bytes as they are. */
static size_t fold(const char *s, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++)
        out[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] | 0x20) : s[i];
    return n;
}

#define KEY_MASK (~(uint64_t)0xFF) /* a slot: the hash's high bits, flags below */

static uint64_t key_of(uint64_t h)
{
    uint64_t k = h & KEY_MASK;
    return k ? k : 0x100; /* 0 marks an empty slot */
}

/* A bit per hash in a table small enough for the cache: most words a
 * list does not have are turned away without a look at the slots. */
#define SEEN_BITS (1u << 20)

static uint32_t seen_bit(uint64_t h)
{
    return (uint32_t)(h >> 40) & (SEEN_BITS - 1);
}

/* The slot of hash h, or of where it would go. */
static size_t slot_of(const foreign_list *l, uint64_t h)
{
    uint64_t k = key_of(h);
    size_t i = (size_t)(h >> 8) & l->mask;
    while (l->slots[i] && (l->slots[i] & KEY_MASK) != k)
        i = (i + 1) & l->mask;
    return i;
}

static unsigned flags_of(const foreign_list *l, uint64_t h)
{
    uint32_t b = seen_bit(h);
    if (!(l->seen[b / 64] >> (b % 64) & 1))
        return 0;
    return l->slots[slot_of(l, h)] & 0xFF;
}

static unsigned lookup(const foreign_list *l, const char *s, size_t n)
{
    return l->slots && n && n < MAX_WORD ? flags_of(l, hash_folded(s, n)) : 0;
}

static void insert(foreign_list *l, uint64_t h, unsigned flag)
{
    if (l->n_words >= l->mask - l->mask / 4) /* full: the list is larger than counted */
        return;
    size_t i = slot_of(l, h);
    if (!l->slots[i]) {
        uint32_t b = seen_bit(h);
        l->slots[i] = key_of(h), l->n_words++;
        l->seen[b / 64] |= (uint64_t)1 << (b % 64);
    }
    l->slots[i] |= flag;
}

/* A file read whole with one read(): the lists are megabytes. */
static int read_list(const char *path, char **data, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0)
        return -1;
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
        st.st_size > (64 << 20) || !(*data = malloc((size_t)st.st_size + 1))) {
        close(fd);
        return -1;
    }
    *len = (size_t)st.st_size;
    bool ok = read_all(fd, *data, *len);
    close(fd);
    if (!ok) {
        free(*data);
        return -1;
    }
    (*data)[*len] = '\0';
    return 0;
}

/* An entry of the other language's list: all capitals (ACT, NeWS) are
 * acronyms and possessives (Aaron's) come from their noun, so both are
 * left out. */
static unsigned entry_flag(const char *w, size_t n)
{
    size_t upper = 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i] == '\'')
            return 0;
        upper += w[i] >= 'A' && w[i] <= 'Z';
    }
    if (upper == 0)
        return W_LOWER;
    return upper == 1 && w[0] >= 'A' && w[0] <= 'Z' ? W_PROPER : 0;
}

/* Reads the other language's list, counts the entries kept to size the
 * table (two thirds full at most, room for the French compounds), and
 * keeps their hashes. */
static int load_other(foreign_list *l, const char *path)
{
    size_t len, kept = 0;
    char *words;
    if (read_list(path, &words, &len) < 0)
        return -1;
    for (const char *w = words, *end = words + len; w < end;) {
        const char *nl = memchr(w, '\n', (size_t)(end - w));
        size_t n = nl ? (size_t)(nl - w) : (size_t)(end - w);
        kept += n && n < MAX_WORD && entry_flag(w, n);
        w += n + 1;
    }
    size_t n_slots = 1024;
    while (n_slots < (kept + 8192) * 3 / 2)
        n_slots *= 2;
    l->mask = n_slots - 1;
    if (!(l->slots = calloc(n_slots, sizeof *l->slots)) ||
        !(l->seen = calloc(SEEN_BITS / 64, sizeof *l->seen))) {
        free(words);
        return -1;
    }
    for (const char *w = words, *end = words + len; w < end;) {
        const char *nl = memchr(w, '\n', (size_t)(end - w));
        size_t n = nl ? (size_t)(nl - w) : (size_t)(end - w);
        unsigned flag = n && n < MAX_WORD ? entry_flag(w, n) : 0;
        if (flag)
            insert(l, hash_folded(w, n), flag);
        w += n + 1;
    }
    free(words);
    return 0;
}

/* Flags the words the French list shares with each other list. French
 * words with a hyphen or an apostrophe ("week-end", "aujourd'hui") are
 * added: their parts could pass for foreign words. */
/* The French list is only read through once: mapped, not copied. */
static char *map_list(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0)
        return NULL;
    void *p = MAP_FAILED;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
        p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    close(fd);
    if (p == MAP_FAILED)
        return NULL;
    *len = (size_t)st.st_size;
    return p;
}

static void mark_french(foreign_lists *fl, const char *fr, size_t len)
{
    for (size_t k = 0; k < fl->n; k++) {
        foreign_list *l = &fl->v[k];
        for (size_t i = 0; i < len;) {
            const char *nl = memchr(fr + i, '\n', len - i);
            size_t e = nl ? (size_t)(nl - fr) : len, n = e - i;
            /* Words with accents are never looked up (classify): skipping
             * them here spares four French words in ten. */
            if (n && n < MAX_WORD && ascii_only(fr + i, n)) {
                uint64_t h = hash_folded(fr + i, n);
                if (flags_of(l, h) || memchr(fr + i, '-', n) || memchr(fr + i, '\'', n))
                    insert(l, h, W_FRENCH);
            }
            i = e + 1;
        }
    }
}

static void list_free(foreign_list *l)
{
    free(l->slots);
    free(l->seen);
    free(l->only);
    memset(l, 0, sizeof *l);
}

/* A filter of the words only the other language has in lower case, the
 * words every run needs (may_be_foreign): two bits a word, from parts of
 * the hash a slot keeps, in a megabyte, so that a paragraph of French
 * meets no false one most of the time (a bit a word in the seen table
 * gave one in fifteen words). */
#define ONLY_BITS (1u << 23)

static uint32_t only_bit_a(uint64_t h) { return (uint32_t)(h >> 41) & (ONLY_BITS - 1); }
static uint32_t only_bit_b(uint64_t h) { return (uint32_t)(h >> 8) & (ONLY_BITS - 1); }

static int mark_only(foreign_list *l)
{
    if (!(l->only = calloc(ONLY_BITS / 64, sizeof *l->only)))
        return -1;
    for (size_t i = 0; i <= l->mask; i++) {
        uint64_t v = l->slots[i];
        if ((v & W_LOWER) && !(v & W_FRENCH)) {
            uint32_t a = only_bit_a(v), b = only_bit_b(v);
            l->only[a / 64] |= (uint64_t)1 << (a % 64);
            l->only[b / 64] |= (uint64_t)1 << (b % 64);
        }
    }
    return 0;
}

static char *list_path(const char *p)
{
    return p[0] == '/' ? ora_strdup(p) : data_path(p);
}

char *french_word_list_path(void)
{
    phrase_list lines;
    ora_error err;
    char *found = NULL;
    if (phrase_list_load("lexicons/fr/word-lists.tsv", &lines, &err) < 0)
        return NULL;
    for (size_t i = 0; !found && i < lines.n; i++) {
        const char *line = lines.items[i], *path = strpbrk(line, " \t");
        if (path && path - line == 2 && strncmp(line, "fr", 2) == 0)
            found = list_path(path + strspn(path, " \t"));
    }
    phrase_list_free(&lines);
    return found;
}

/* Reads lexicons/fr/word-lists.tsv and the lists it names. A list that
 * cannot be read turns its language off: switching is an improvement,
 * never a reason to fail. */
int foreign_lists_load(foreign_lists *fl, ora_error *err)
{
    memset(fl, 0, sizeof *fl);
    phrase_list lines;
    if (script_voices_load(&fl->scripts, err) < 0)
        return -1;
    if (word_set_load("lexicons/fr/name-titles.txt", &fl->titles, err) < 0) {
        script_voices_free(&fl->scripts);
        return -1;
    }
    if (phrase_list_load("lexicons/fr/word-lists.tsv", &lines, err) < 0) {
        word_set_free(&fl->titles);
        script_voices_free(&fl->scripts);
        return -1;
    }
    char *french = NULL;
    size_t fr_len = 0;
    fl->v = calloc(lines.n ? lines.n : 1, sizeof *fl->v);
    for (size_t i = 0; fl->v && i < lines.n; i++) {
        char *line = lines.items[i], *path = strpbrk(line, " \t");
        if (!path || path - line >= (long)sizeof fl->v->lang)
            continue;
        *path++ = '\0';
        path += strspn(path, " \t");
        char *full = list_path(path);
        if (strcmp(line, "fr") == 0) {
            if (!french)
                french = map_list(full, &fr_len);
        } else {
            foreign_list *l = &fl->v[fl->n];
            snprintf(l->lang, sizeof l->lang, "%s", line);
            if (load_other(l, full) == 0)
                fl->n++;
            else
                list_free(l);
        }
        free(full);
    }
    phrase_list_free(&lines);
    if (french)
        mark_french(fl, french, fr_len);
    bool marked = french != NULL; /* nothing can be decided without the French list */
    for (size_t k = 0; marked && k < fl->n; k++)
        marked = mark_only(&fl->v[k]) == 0;
    if (!marked) /* nor without memory for the bits */
        foreign_lists_free(fl);
    if (french)
        munmap(french, fr_len);
    return 0;
}

void foreign_lists_free(foreign_lists *fl)
{
    for (size_t k = 0; k < fl->n; k++)
        list_free(&fl->v[k]);
    word_set_free(&fl->titles);
    free(fl->v);
    script_voices_free(&fl->scripts);
    memset(fl, 0, sizeof *fl);
}

/* Whether one of the lists has the word with one of the flags. */
static bool any_list_has(const foreign_lists *fl, const char *s, size_t n, unsigned flags)
{
    for (size_t k = 0; k < fl->n; k++)
        if (lookup(&fl->v[k], s, n) & flags)
            return true;
    return false;
}

bool foreign_has_word(const foreign_lists *fl, const char *s, size_t n)
{
    return any_list_has(fl, s, n, W_LOWER | W_PROPER);
}

bool foreign_common_word(const foreign_lists *fl, const char *s, size_t n)
{
    return any_list_has(fl, s, n, W_LOWER);
}

bool foreign_proper_name(const foreign_lists *fl, const char *s, size_t n)
{
    return any_list_has(fl, s, n, W_PROPER);
}

bool foreign_only_word(const foreign_lists *fl, const char *s, size_t n)
{
    for (size_t k = 0; k < fl->n; k++) {
        unsigned f = lookup(&fl->v[k], s, n);
        if ((f & W_LOWER) && !(f & W_FRENCH))
            return true;
    }
    return false;
}

const foreign_lists *lazy_lists_get(lazy_lists *l)
{
    if (!l->tried) {
        l->tried = true;
        ora_error err;
        if (foreign_lists_load(&l->lists, &err) < 0)
            memset(&l->lists, 0, sizeof l->lists);
    }
    return &l->lists;
}

/* ── Finding runs ──────────────────────────────────────────────────────── */

typedef enum {
    C_OTHER,   /* French, unknown, an acronym: ends a run */
    C_FOREIGN, /* only the other list has it */
    C_BOTH,    /* both lists have it */
    C_NAME     /* the other list has it as a name only (York, Washington) */
} word_class;

typedef struct {
    size_t start, end;
    word_class cls;
    bool capital;   /* starts with a capital */
    bool proper;    /* the list knows it as a name too */
    bool joined;    /* only spaces since the previous word */
    bool weak;      /* one or two letters: part of a run, no evidence of one */
    bool ascii;     /* only ASCII letters: the lists can have it */
    /* what the one pass over the word's bytes learnt, so that classify
     * reads them no more (most words are looked up once, as they are) */
    bool apostrophe, hyphen, small; /* has ', -, a lower-case letter */
    unsigned capitals;              /* A to Z, counted when no letter is small */
    uint64_t hash;                  /* hash_folded of the whole word */
} token;

static bool is_space_at(const char *s, size_t len, size_t i, size_t *n)
{
    if (s[i] == ' ' || s[i] == '\t')
        return *n = 1, true;
    if (i + 1 < len && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0)
        return *n = 2, true;
    return false;
}

static bool is_ascii_letter(unsigned char c)
{
    return (unsigned)((c | 0x20) - 'a') < 26;
}

/* The length of the letter at i, 0 if none. The search runs over every
 * word of every text, so it looks at bytes only: a lead byte of U+0080 to
 * U+00BF (NBSP, guillemets) or of U+2000 to U+2FFF (dashes, quotes) is
 * punctuation, every other non-ASCII character a letter. */
static size_t letter_len(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80)
        return is_ascii_letter(c);
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC3 ? 2 : 0;
    return c == 0xE2 || i + n > len ? 0 : n;
}

/* A word from i: letters, with hyphens and apostrophes between letters.
 * Fills t with the word's end and what its bytes tell, in one pass: the
 * letters' bytes ORed together have 0x20 when one is small, and with none
 * small, every letter is a capital. */
static void scan_word(const char *s, size_t len, size_t i, token *t)
{
    uint64_t h = 14695981039346656037u; /* as hash_folded */
    unsigned char letters_or = 0;
    size_t j = i, n, marks = 0;
    t->ascii = true, t->apostrophe = t->hyphen = false;
    while (j < len) {
        unsigned char c = (unsigned char)s[j];
        if (is_ascii_letter(c)) {
            letters_or |= c;
            h = (h ^ (c | 0x20)) * 1099511628211u;
            j++;
        } else if (c >= 0x80 && (n = letter_len(s, len, j))) {
            t->ascii = false; /* the hash is of no use then */
            j += n;
        } else if ((c == '-' || c == '\'') && j + 1 < len && letter_len(s, len, j + 1)) {
            t->hyphen |= c == '-';
            t->apostrophe |= c == '\'';
            h = (h ^ c) * 1099511628211u;
            j++, marks++;
        } else {
            break;
        }
    }
    t->small = letters_or & 0x20;
    t->capitals = t->small ? 0 : (unsigned)(j - i - marks); /* an ASCII word's letters */
    t->end = j, t->hash = h;
}

static bool all_capitals(const char *s, size_t n)
{
    size_t letters = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= 'a' && s[i] <= 'z')
            return false;
        letters += s[i] >= 'A' && s[i] <= 'Z';
    }
    return letters >= 2;
}

static word_class class_of(unsigned f, bool capital)
{
    if (f & W_FRENCH)
        return f & W_LOWER ? C_BOTH : C_OTHER;
    if (f & W_LOWER)
        return C_FOREIGN;
    return f & W_PROPER && capital ? C_NAME : C_OTHER;
}

/* lookup() of the whole token, from the hash its scan made. */
static unsigned lookup_token(const foreign_list *l, const token *t)
{
    size_t n = t->end - t->start;
    return l->slots && n && n < MAX_WORD ? flags_of(l, t->hash) : 0;
}

/* Classifies s[t->start, t->end). A word with an apostrophe that the lists
 * do not know is a French elision (l'Army) or a possessive (Children's):
 * the word is what follows the elision, or what the 's follows. */
static void classify(const foreign_list *l, const word_set *titles, const char *s,
                     token *t, bool after_foreign)
{
    size_t n = t->end - t->start;
    const char *w = s + t->start;
    /* One or two letters are no evidence ("fr", "of"), only a part of a
     * run; they are looked up only where they could end one (never give
     * up), which spares the look-up of most "de", "la", "le". A capital
     * alone is a spelled acronym (U S Navy), but for "I". */
    t->weak = n <= 2;
    if (t->weak && !after_foreign && !is_upper_ascii(w[0])) {
        t->cls = C_BOTH;
        return;
    }
    unsigned f = !t->small && t->capitals >= 2 ? 0 : lookup_token(l, t);
    bool hyphen = t->hyphen;
    if (!f && t->apostrophe) {
        const char *apo = memchr(w, '\'', n);
        if (apo + 2 == w + n && (w[n - 1] == 's' || w[n - 1] == 'S')) {
            f = lookup(l, w, n - 2);
        } else {
            const char *last = apo;
            while ((apo = memchr(last + 1, '\'', (size_t)(w + n - last - 1))))
                last = apo;
            t->start += (size_t)(last + 1 - w), t->joined = false;
            w = s + t->start, n = t->end - t->start;
            f = all_capitals(w, n) ? 0 : lookup(l, w, n);
            hyphen = memchr(w, '-', n) != NULL;
        }
    }
    if (!f && hyphen) { /* parts: well-known words, all foreign */
        f = W_LOWER;
        for (size_t i = 0; i < n && f;) {
            const char *h = memchr(w + i, '-', n - i);
            size_t e = h ? (size_t)(h - w) : n;
            unsigned part = lookup(l, w + i, e - i);
            f = part & W_LOWER ? f | (part & W_FRENCH) : 0;
            i = e + 1;
        }
    }
    t->capital = is_upper_ascii(w[0]);
    t->proper = f & W_PROPER;
    t->cls = class_of(f, t->capital);
    if (n == 1 && t->capital && w[0] != 'I')
        t->cls = C_OTHER;
    char key[MAX_WORD];
    if (t->capital && t->cls != C_OTHER && n < MAX_WORD &&
        word_set_has(titles, key, fold(w, n, key)))
        t->cls = C_OTHER;
}

/* Most paragraphs have fewer words: their tokens stay on the stack. */
#define STACK_TOKENS 256

typedef struct {
    token *v;
    size_t n, cap;
    bool on_heap;
} token_list;

static token *new_token(token_list *tl)
{
    if (tl->n == tl->cap) {
        size_t cap = tl->cap * 2;
        token *v = tl->on_heap ? realloc(tl->v, cap * sizeof *v) : malloc(cap * sizeof *v);
        if (!v)
            return NULL;
        if (!tl->on_heap)
            memcpy(v, tl->v, tl->n * sizeof *v);
        tl->v = v, tl->cap = cap, tl->on_heap = true;
    }
    return &tl->v[tl->n++];
}

static bool only_bit(const foreign_list *l, uint64_t h)
{
    uint64_t k = key_of(h);
    uint32_t a = only_bit_a(k), b = only_bit_b(k);
    return (l->only[a / 64] >> (a % 64) & 1) && (l->only[b / 64] >> (b % 64) & 1);
}

/* Whether the token t may be a word only the other language has, which
 * every run holds (confident, quoted_run): by its hash, or, for a word
 * with an apostrophe or a hyphen, by the hashes of its parts and of what
 * follows its last apostrophe, which classify may look up instead. */
static bool may_be_foreign(const foreign_list *l, const char *s, const token *t)
{
    if (!t->ascii)
        return false;
    if (only_bit(l, t->hash))
        return true;
    if (!t->apostrophe && !t->hyphen)
        return false;
    const char *w = s + t->start, *end = s + t->end, *after = w;
    for (const char *a = w; a < end; a++)
        after = *a == '\'' ? a + 1 : after;
    if (after > w && after < end && only_bit(l, hash_folded(after, (size_t)(end - after))))
        return true;
    for (const char *part = w; part < end;) {
        const char *q = part;
        while (q < end && *q != '\'' && *q != '-')
            q++;
        if (q > part && only_bit(l, hash_folded(part, (size_t)(q - part))))
            return true;
        part = q + 1;
    }
    return false;
}

/* Classifies the words t[0, n), which only spaces part: those with an
 * ASCII word beside them. A run never leaves such a chain, and holds a
 * word only the other list has; most chains have none, and then nothing
 * is looked up (the look-ups of the words both lists have cost the most). */
static void classify_chain(const foreign_list *l, const word_set *titles, const char *s,
                           token *t, size_t n)
{
    bool possible = false;
    for (size_t k = 0; k < n && !possible; k++)
        possible = may_be_foreign(l, s, &t[k]);
    for (size_t k = 0; possible && k < n; k++) {
        bool beside = (k > 0 && t[k - 1].ascii) || (k + 1 < n && t[k + 1].ascii);
        if (t[k].ascii && beside)
            classify(l, titles, s, &t[k], k > 0 && t[k - 1].cls == C_FOREIGN);
    }
}

/* Cuts s into words, then looks up those that have an ASCII word beside
 * them: a word with an accent is French or unknown, and a word alone
 * between such words or signs makes no run. */
static int tokenize(const foreign_list *l, const word_set *titles, const char *s,
                    size_t len, token_list *tl)
{
    bool joined = false;
    for (size_t i = 0; i < len;) {
        size_t sp;
        if (is_space_at(s, len, i, &sp)) {
            i += sp;
            continue;
        }
        if (!letter_len(s, len, i)) {
            joined = false;
            i++;
            while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
                i++;
            continue;
        }
        token *t = new_token(tl);
        if (!t)
            return -1;
        *t = (token){.start = i, .cls = C_OTHER, .joined = joined};
        scan_word(s, len, i, t);
        joined = true;
        i = t->end;
    }
    for (size_t a = 0, b; a < tl->n; a = b) {
        b = a + 1;
        while (b < tl->n && tl->v[b].joined)
            b++;
        classify_chain(l, titles, s, tl->v + a, b - a);
    }
    return 0;
}

static bool is_word_of_run(const token *t)
{
    return t->cls != C_OTHER;
}

/* Two or three capitalized words that begin and end with names the list
 * knows (Bill Gates, Martin Luther King): a person, said the French way. */
static bool person_name(const token *t, size_t n)
{
    if (n < 2 || n > 3 || !t[0].proper || !t[n - 1].proper)
        return false;
    for (size_t k = 0; k < n; k++)
        if (!t[k].capital)
            return false;
    return true;
}

/* Whether the words t[0, n) are said in the other language: two foreign
 * words, or one in a name of capitalized words the list knows. */
static bool confident(const token *t, size_t n)
{
    size_t foreign = 0, capitals = 0, names = 0;
    for (size_t k = 0; k < n; k++) {
        foreign += t[k].cls == C_FOREIGN && !t[k].weak;
        capitals += t[k].capital;
        names += t[k].cls == C_NAME;
    }
    if (person_name(t, n))
        return false;
    return foreign >= 2 || (foreign == 1 && n >= 2 && capitals == n && names == 0);
}

static int add_run(ora_normalized *out, const char *lang, size_t start, size_t end)
{
    size_t n = out->n_runs;
    if (n == 0 || (n >= 4 && (n & (n - 1)) == 0)) { /* full at 0, 4, 8, 16… */
        ora_lang_run *v = realloc(out->runs, (n ? 2 * n : 4) * sizeof *v);
        if (!v)
            return -1;
        out->runs = v;
    }
    ora_lang_run *v = out->runs;
    v[out->n_runs] = (ora_lang_run){start, end, ""};
    snprintf(v[out->n_runs].lang, sizeof v->lang, "%s", lang);
    out->n_runs++;
    return 0;
}

/* A core runs from a foreign word to a foreign word; two words in a row
 * that French could own end it (short ones do not count). It grows over capitalized neighbours when
 * it is itself a name (Pirates of the Caribbean). */
static int runs_of_chain(const foreign_list *l, const token *t, size_t n,
                         ora_normalized *out)
{
    for (size_t floor = 0, a = 0; a < n;) {
        while (a < n && t[a].cls != C_FOREIGN)
            a++;
        if (a == n)
            break;
        size_t last = a, gap = 0; /* "of", "at" leave no gap (Hall of Fame) */
        for (size_t b = a + 1; b < n; b++) {
            if (t[b].cls == C_FOREIGN)
                last = b, gap = 0;
            else if (t[b].end - t[b].start > 2 && ++gap == 2)
                break;
        }
        size_t from = a, to = last + 1;
        bool named = false;
        for (size_t k = from; k < to; k++)
            named |= t[k].capital;
        while (named && from > floor && t[from - 1].capital)
            from--;
        while (named && to < n && t[to].capital)
            to++;
        while (named && to - from > 1 && t[to - 1].weak && !t[to - 1].capital)
            to--; /* a name ends on no "of" (The Sands of) */
        if (confident(t + from, to - from) &&
            add_run(out, l->lang, t[from].start, t[to - 1].end) < 0)
            return -1;
        a = floor = to;
    }
    return 0;
}

/* The length of the space that ends just before i (" ", U+00A0, U+202F),
 * 0 if none. */
static size_t space_before(const char *s, size_t i)
{
    const unsigned char *u = (const unsigned char *)s;
    if (i >= 1 && u[i - 1] == ' ')
        return 1;
    if (i >= 2 && u[i - 2] == 0xC2 && u[i - 1] == 0xA0)
        return 2;
    if (i >= 3 && u[i - 3] == 0xE2 && u[i - 2] == 0x80 && u[i - 1] == 0xAF)
        return 3;
    return 0;
}

/* The same after i. */
static size_t space_after(const char *s, size_t len, size_t i)
{
    const unsigned char *u = (const unsigned char *)s;
    if (i < len && u[i] == ' ')
        return 1;
    if (i + 1 < len && u[i] == 0xC2 && u[i + 1] == 0xA0)
        return 2;
    if (i + 2 < len && u[i] == 0xE2 && u[i + 1] == 0x80 && u[i + 2] == 0xAF)
        return 3;
    return 0;
}

/* Whether a quotation mark (« » “ ” ") stands just before start or just
 * after end, spaces aside. */
static bool quote_before(const char *s, size_t start)
{
    size_t sp;
    while ((sp = space_before(s, start)) > 0)
        start -= sp;
    const unsigned char *u = (const unsigned char *)s;
    return (start >= 1 && u[start - 1] == '"') ||
           (start >= 2 && u[start - 2] == 0xC2 && u[start - 1] == 0xAB) ||
           (start >= 3 && u[start - 3] == 0xE2 && u[start - 2] == 0x80 && u[start - 1] == 0x9C);
}

static bool quote_after(const char *s, size_t len, size_t end)
{
    size_t sp;
    while ((sp = space_after(s, len, end)) > 0)
        end += sp;
    const unsigned char *u = (const unsigned char *)s;
    return (end < len && u[end] == '"') || (end + 1 < len && u[end] == 0xC2 && u[end + 1] == 0xBB) ||
           (end + 2 < len && u[end] == 0xE2 && u[end + 1] == 0x80 && u[end + 2] == 0x9D);
}

/* « I have a dream », « We are the champions »: a whole quotation whose
 * words the other list all has is said in it, though "have" and "are"
 * are French words too. Its short words are looked up here (elsewhere
 * they are no evidence): "we", "I" and "the" count for the other
 * language, "le" or "de" (French only) keep it French, and so does one
 * word of the other language with no other long word (« la start-up »). */
static bool quoted_run(const foreign_list *l, const char *s, size_t len, const token *t, size_t n)
{
    if (n < 2 || !quote_before(s, t[0].start) || !quote_after(s, len, t[n - 1].end))
        return false;
    size_t foreign = 0, strong = 0;
    for (size_t k = 0; k < n; k++) {
        word_class c = t[k].cls;
        if (t[k].weak)
            c = class_of(lookup(l, s + t[k].start, t[k].end - t[k].start), t[k].capital);
        if (c != C_FOREIGN && c != C_BOTH)
            return false;
        foreign += c == C_FOREIGN;
        strong += !t[k].weak;
    }
    return foreign >= 2 || (foreign == 1 && strong >= 2);
}

static int runs_of_language(const foreign_lists *fl, const foreign_list *l,
                            const char *s, size_t len, ora_normalized *out)
{
    token on_stack[STACK_TOKENS];
    token_list tl = {on_stack, 0, STACK_TOKENS, false};
    int rc = tokenize(l, &fl->titles, s, len, &tl);
    for (size_t i = 0; rc == 0 && i < tl.n;) {
        if (!is_word_of_run(&tl.v[i])) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < tl.n && tl.v[j].joined && is_word_of_run(&tl.v[j]))
            j++;
        if (quoted_run(l, s, len, tl.v + i, j - i))
            rc = add_run(out, l->lang, tl.v[i].start, tl.v[j - 1].end);
        else
            rc = runs_of_chain(l, tl.v + i, j - i, out);
        i = j;
    }
    if (tl.on_heap)
        free(tl.v);
    return rc;
}

static int cmp_runs(const void *a, const void *b)
{
    const ora_lang_run *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

static const script_voice *script_of(const foreign_lists *fl, const char *s, size_t len,
                                     size_t i, size_t *n)
{
    *n = 1;
    if ((unsigned char)s[i] < 0xCD)
        return NULL; /* below U+0340, Latin: most of a text, without decoding */
    uint32_t cp;
    int l = utf8_decode(s + i, len - i, &cp);
    *n = l > 0 ? (size_t)l : 1;
    return script_voice_of(&fl->scripts, cp);
}

/* Whether one of the eight bytes of x is 0xCD or more: a byte's low
 * seven bits plus 0x33 reach 0x80 when they are 0x4D or more (no carry
 * leaves the byte), and its own high bit must be set too. */
static bool has_byte_from_cd(uint64_t x)
{
    const uint64_t high = 0x8080808080808080ull;
    return (((x & ~high) + 0x3333333333333333ull) & x & high) != 0;
}

/* The first byte from i that may start a letter of another script:
 * U+0340 on (lead bytes from CD); eight Latin bytes a step. */
static size_t skip_latin(const char *s, size_t len, size_t i)
{
    uint64_t x;
    while (i + 8 <= len && (memcpy(&x, s + i, 8), !has_byte_from_cd(x)))
        i += 8;
    while (i < len && (unsigned char)s[i] < 0xCD)
        i++;
    return i;
}

/* "née Екатерина Андреева": words of one script, with the spaces, hyphens
 * and apostrophes between them, make a run of that script's language. */
static int runs_of_scripts(const foreign_lists *fl, const char *s, size_t len,
                           ora_normalized *out)
{
    for (size_t i = 0, n; i < len; i += n) {
        i = skip_latin(s, len, i); /* below U+0340: Latin */
        if (i == len)
            break;
        const script_voice *v = script_of(fl, s, len, i, &n);
        if (!v)
            continue;
        size_t end = i + n;
        for (size_t j = end, m; j < len; j += m) {
            const script_voice *w = script_of(fl, s, len, j, &m);
            if (w == v)
                end = j + m;
            else if (!strchr(" -'", s[j]))
                break;
        }
        if (add_run(out, v->lang, i, end) < 0)
            return -1;
        n = end - i;
    }
    return 0;
}

/* Runs of every language, in order; where two overlap, the list named
 * first in word-lists.tsv keeps its run. Scripts come first: their
 * letters belong to no word list. */
int foreign_find_runs(const foreign_lists *fl, const char *s, size_t len,
                      ora_normalized *out)
{
    if (runs_of_scripts(fl, s, len, out) < 0)
        return -1;
    for (size_t k = 0; k < fl->n; k++) {
        /* the runs kept so far part no text and are in text order, and a
         * language's runs come in text order: one walk through both finds
         * each new run's overlap (a run per run was quadratic on a long
         * text of many runs) */
        if (out->n_runs > 1)
            qsort(out->runs, out->n_runs, sizeof *out->runs, cmp_runs);
        size_t before = out->n_runs;
        if (runs_of_language(fl, &fl->v[k], s, len, out) < 0)
            return -1;
        size_t kept = before, q = 0;
        for (size_t r = before; r < out->n_runs; r++) {
            while (q < before && out->runs[q].end <= out->runs[r].start)
                q++;
            if (q == before || out->runs[r].end <= out->runs[q].start)
                out->runs[kept++] = out->runs[r];
        }
        out->n_runs = kept;
    }
    if (out->n_runs > 1)
        qsort(out->runs, out->n_runs, sizeof *out->runs, cmp_runs);
    return 0;
}
