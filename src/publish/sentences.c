/* Sentences as eSpeak NG spoke them, for the talking book: where each one
 * starts in the audio (its sentence events) and which bytes of the written
 * text it shows (the normalizer's alignment). Captions may be cut shorter
 * for the screen; a talking book highlights whole sentences, so it keeps
 * its own list, straight from the events. */
#include "publish.h"

#include <stdlib.h>
#include <string.h>

static bool blank_bytes(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\n\r", s[i]))
            return false;
    return true;
}

static int push(sentence_list *l, spoken_sentence s)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        spoken_sentence *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return -1;
        l->v = v, l->cap = cap;
    }
    l->v[l->n++] = s;
    return 0;
}

int sentences_add_segment(sentence_list *l, size_t segment, const char *written,
                          const ora_normalized *nz, const ora_mark *marks,
                          size_t n_marks, size_t end)
{
    size_t wlen = strlen(written), from = 0, start = n_marks ? marks[0].sample : end;
    bool open = false; /* the last sentence of l is this segment's */
    for (size_t k = 0; k < n_marks; k++) {
        bool last = k + 1 == n_marks;
        size_t to = last ? wlen : normalized_source_of(nz, utf8_byte_of_char(nz->text, nz->len, marks[k + 1].char_pos), wlen, NULL);
        size_t stop = last ? end : marks[k + 1].sample;
        to = to < from ? from : to;
        stop = stop < start ? start : stop;
        if (!blank_bytes(written + from, to - from) && stop > start) {
            if (push(l, (spoken_sentence){segment, from, to, start, stop}) < 0)
                return -1;
            open = true;
        } else if (open) { /* nothing to show alone: the one before goes on */
            l->v[l->n - 1].to = to, l->v[l->n - 1].end = stop;
        } else {
            continue; /* nothing yet: the next sentence starts here */
        }
        from = to, start = stop;
    }
    return 0;
}

void sentence_list_free(sentence_list *l)
{
    free(l->v);
    memset(l, 0, sizeof *l);
}
