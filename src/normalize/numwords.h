/* French numbers in words, in the traditional spelling DESIGN.md asks for. */
#ifndef ORA_NUMWORDS_H
#define ORA_NUMWORDS_H

#include "internal.h"

typedef enum { NUM_FR, NUM_BE, NUM_CH } num_dialect;

typedef struct {
    num_dialect dialect;
    bool feminine;   /* "une" for a final 1: vingt et une heures */
    bool invariable; /* years, pages: "mille neuf cent quatre-vingt" */
} num_style;

/* Largest number read as words; above it digits are read one by one. */
#define NUM_MAX 999999999999999ULL

int num_cardinal(strbuf *out, unsigned long long v, const num_style *st);
/* 1 → premier/première, 2 → deuxième, 21 → vingt et unième. */
int num_ordinal(strbuf *out, unsigned long long v, bool feminine, bool plural,
                const num_style *st);
/* Digits after a decimal comma: "51" → cinquante et un, "08" → zéro huit. */
int num_decimal_digits(strbuf *out, const char *digits, size_t n,
                       const num_style *st);

#endif
