/* Helpers shared by the stages; not part of the public API. */
#ifndef ORA_INTERNAL_H
#define ORA_INTERNAL_H

#include "oralise.h"

#include <stdarg.h>
#include <stdio.h>

/* A growable byte string, always NUL-terminated. */
typedef struct {
    char *s;
    size_t len;
    size_t cap;
} strbuf;

void sb_init(strbuf *b);
void sb_free(strbuf *b);
int sb_add(strbuf *b, const char *s, size_t n);
int sb_adds(strbuf *b, const char *s);
int sb_addc(strbuf *b, char c);
int sb_printf(strbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Hands the string over to the caller and leaves b empty. */
char *sb_take(strbuf *b);

void ora_set_error(ora_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

char *ora_strdup(const char *s);
char *ora_strndup(const char *s, size_t n);

/* UTF-8 */
bool utf8_valid(const char *s, size_t n);
/* Decodes one code point at s (n bytes left); returns its length in bytes, 0
 * on a bad sequence. */
int utf8_decode(const char *s, size_t n, uint32_t *cp);
int utf8_encode(uint32_t cp, char out[4]);
bool utf8_is_space(uint32_t cp);

/* Collapses runs of white space (ASCII, U+00A0 NBSP kept as meaningful is
 * the normalizer's job, so here every Unicode space folds to one ' '), and
 * trims both ends. Returns a new string. */
char *text_squash(const char *s, size_t n);
bool str_starts_with(const char *s, const char *prefix);
bool str_blank(const char *s);

/* ".NAME.XXXXXX" beside path, for mkstemp; and the mode a finished file
 * gets (mkstemp makes 0600). Both from outfile.c. */
char *temp_name_for(const char *path);
#include <sys/types.h>
mode_t default_mode(void);

/* All n bytes through write() / read(), across EINTR and short transfers. */
bool write_all(int fd, const void *p, size_t n);
bool read_all(int fd, void *p, size_t n);

/* A whole file into memory. */
int read_whole_file(const char *path, char **data, size_t *len,
                    ora_error *err);

/* Path of a data file under ora_data_dir(); the caller frees it. */
char *data_path(const char *rel);

/* A list of phrases from a data file: one a line, '#' starts a comment. */
typedef struct {
    char **items;
    size_t n;
} phrase_list;

int phrase_list_load(const char *rel, phrase_list *pl, ora_error *err);
void phrase_list_free(phrase_list *pl);

/* Boilerplate phrases shared by the readers (rules/fr/boilerplate-*.txt). */
typedef struct {
    phrase_list drop;  /* a block equal to, or starting with, one: dropped */
    phrase_list cut;   /* a block starting with one: the paywall cut */
    phrase_list end;   /* a block starting with one: the article is over */
    phrase_list credit; /* a photo credit line ("Getty Images", "Photo …") */
} boilerplate;

int boilerplate_load(boilerplate *bp, ora_error *err);
void boilerplate_free(boilerplate *bp);
bool boilerplate_is_drop(const boilerplate *bp, const char *text);
bool boilerplate_is_cut(const boilerplate *bp, const char *text);
bool boilerplate_is_end(const boilerplate *bp, const char *text);
bool boilerplate_is_credit(const boilerplate *bp, const char *text);
/* "Il vous reste 73.51% de cet article à lire" → 73.51; -1 when absent. */
double paywall_percent(const char *text);

/* French dates written out: "Publié le 18 novembre 2024 à 01h58" →
 * "2024-11-18T01:58". Returns the number of bytes consumed, 0 if none. */
size_t parse_french_datetime(const char *s, char iso[32]);
int french_month(const char *word, size_t n);

#endif
