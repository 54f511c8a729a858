/* Vorbis comments (used by Ogg Vorbis and Ogg Opus alike), with chapters
 * in the form podcast players read: CHAPTER000=00:00:00.000 and
 * CHAPTER000NAME=Title. libsndfile writes only its ten fixed fields, so
 * oralise writes these Ogg streams itself. */
#include "encode.h"

#include <stdlib.h>
#include <string.h>

static int add(comment_list *c, const char *key, const char *val)
{
    if (!val || !*val)
        return 0;
    char **grown = realloc(c->items, (c->n + 1) * sizeof *grown);
    if (!grown)
        return -1;
    c->items = grown;
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "%s=%s", key, val);
    c->items[c->n++] = sb_take(&b);
    return 0;
}

static void clock_text(long ms, char out[32])
{
    if (ms < 0)
        ms = 0;
    snprintf(out, 32, "%02ld:%02ld:%02ld.%03ld", ms / 3600000, ms / 60000 % 60,
             ms / 1000 % 60, ms % 1000);
}

int comments_build(const ora_encode_options *eo, comment_list *c)
{
    memset(c, 0, sizeof *c);
    const ora_tags *t = eo ? eo->tags : NULL;
    int rc = 0;
    if (t)
        rc |= add(c, "TITLE", t->title) | add(c, "ARTIST", t->artist) |
              add(c, "ALBUM", t->album) | add(c, "DATE", t->date) |
              add(c, "COMMENT", t->comment) | add(c, "GENRE", t->genre);
    rc |= add(c, "ENCODER", "oralise " ORA_VERSION);
    for (size_t i = 0; eo && i < eo->n_chapters && i < 1000; i++) {
        char key[32], when[32];
        clock_text(eo->chapters[i].start_ms, when);
        snprintf(key, sizeof key, "CHAPTER%03zu", i);
        rc |= add(c, key, when);
        snprintf(key, sizeof key, "CHAPTER%03zuNAME", i);
        rc |= add(c, key, eo->chapters[i].title);
    }
    return rc ? -1 : 0;
}

void comments_free(comment_list *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->items[i]);
    free(c->items);
    memset(c, 0, sizeof *c);
}
