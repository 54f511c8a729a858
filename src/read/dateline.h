/* French datelines: the meta line under (or over) a title that says who
 * wrote the article and when ("Le Monde | 18.11.2024 à 01h58 • Mis à jour
 * le 18.11.2024 à 09h10 | Par Jean Dupont", "par Didier Roy, 21 juin 2018",
 * "Le 17/02/2020"). Both readers may use it: it knows nothing of lines or
 * markup, only of one string. Its words ("Par", "Mis à jour", the months)
 * are the cues of rules/fr/dateline.txt, which the caller loaded
 * (read_cues_load) and passes in. */
#ifndef ORA_DATELINE_H
#define ORA_DATELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "cues.h"

typedef struct {
    char published[32]; /* ISO 8601, "" when the line has none */
    char modified[32];  /* the date after "Mis à jour", "Modifié" … */
    char byline[128];   /* the name after "Par", "" when none */
    bool update_only;   /* "Mis à jour le …" alone: published holds that date */
} dateline;

/* One date at s in a common French form: "18 novembre 2024", "1er mai
 * 2020", "mardi 5 juillet 2011", "18.11.2024", "17/02/2020", "2024-11-18",
 * each with an optional time ("à 01h58", "01:58", "- 10h12"). Writes
 * "2024-11-18" or "2024-11-18T01:58" to iso and returns the bytes read, 0
 * when s does not start with a date. */
size_t dateline_date(const read_cues *c, const char *s, char iso[32]);

/* Reads a whole line as a dateline. True when it is one: it holds a date or
 * a "Par …" byline, and what is left besides (a site name, "Accueil") is a
 * few words, not a sentence. d is filled in either way. */
bool dateline_parse(const read_cues *c, const char *line, dateline *d);

/* The name in "Par Jean Dupont" (or "De notre correspondant …"), copied
 * to name; false when the line does not open with a byline prefix followed
 * by a name ("Par ailleurs, …" is prose). */
bool dateline_byline(const read_cues *c, const char *s, char *name, size_t size);

/* Whether [s, s+n) is a name without "Par": two to four capitalized words,
 * not opening on an article ("Le Monde" is a site), no comma or colon; a
 * trailing "(AFP)" is the agency the writer signs with. */
bool dateline_bare_name(const read_cues *c, const char *s, size_t n);

#endif
