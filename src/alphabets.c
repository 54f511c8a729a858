/* The scripts French is never written in, and the eSpeak NG voice of each
 * (lexicons/fr/scripts.tsv): the normalizer says a run of their letters
 * inside French with that voice, and the language vote names a text
 * written in one of them, which has no list of function words to count. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>

/* "0400<TAB>04FF<TAB>ru" a line, perhaps with the voice whose text this
 * script's letters mark as this one's ("3040<TAB>30FF<TAB>ja<TAB>cmn":
 * kana in a text of Han make it Japanese). */
int script_voices_load(script_voices *sv, ora_error *err)
{
    phrase_list lines;
    sv->v = NULL, sv->n = 0;
    if (phrase_list_load("lexicons/fr/scripts.tsv", &lines, err) < 0)
        return -1;
    sv->v = calloc(lines.n ? lines.n : 1, sizeof *sv->v);
    for (size_t i = 0; sv->v && i < lines.n; i++) {
        script_voice *v = &sv->v[sv->n];
        unsigned first, last;
        char lang[8], over[8] = "";
        if (sscanf(lines.items[i], "%x %x %7s %7s", &first, &last, lang, over) >= 3 && first <= last) {
            v->first = first, v->last = last;
            snprintf(v->lang, sizeof v->lang, "%s", lang);
            snprintf(v->over, sizeof v->over, "%s", over);
            sv->n++;
        }
    }
    phrase_list_free(&lines);
    if (!sv->v) {
        ora_set_error(err, "out of memory.");
        return -1;
    }
    return 0;
}

void script_voices_free(script_voices *sv)
{
    free(sv->v);
    sv->v = NULL, sv->n = 0;
}

const script_voice *script_voice_of(const script_voices *sv, uint32_t cp)
{
    for (size_t k = 0; cp >= 0x370 && k < sv->n; k++)
        if (cp >= sv->v[k].first && cp <= sv->v[k].last)
            return &sv->v[k];
    return NULL;
}
