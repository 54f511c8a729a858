/* libFuzzer harness for the normalizer: any bytes in, and the alignment it
 * returns must stay consistent (spans in order, inside both texts, covering
 * the output), besides no crash, leak or undefined behaviour.
 *
 *   make fuzz-normalize FUZZ_TIME=600 */
#include "oralise.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* libFuzzer calls the test function with no context pointer, so the
 * normalizer (loaded once: it reads data files) lives here. */
static ora_normalizer *normalizer[2];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    ora_error err;
    normalizer[0] = ora_normalizer_new("fr", &err);
    normalizer[1] = ora_normalizer_new("fr-ch", &err);
    /* The first finds runs of English too (when the word lists are
     * installed), as a conversion does. */
    if (!normalizer[0] || !normalizer[1] ||
        ora_normalizer_set_lang_switch(normalizer[0], true, &err) < 0) {
        fprintf(stderr, "fuzz_normalize: %s\n", err.msg);
        abort();
    }
    return 0;
}

/* Runs in order, inside the text, not empty, not overlapping. */
static void check_runs(const ora_normalized *r)
{
    size_t at = 0;
    for (size_t k = 0; k < r->n_runs; k++) {
        const ora_lang_run *g = &r->runs[k];
        if (g->start < at || g->end <= g->start || g->end > r->len || !g->lang[0])
            __builtin_trap();
        at = g->end;
    }
}

static void check_spans(const ora_normalized *r, size_t src_len)
{
    size_t out = 0;
    for (size_t k = 0; k < r->n_spans; k++) {
        const ora_span *s = &r->spans[k];
        if (s->out_start != out || s->out_end < s->out_start || s->out_end > r->len ||
            s->src_end < s->src_start || s->src_end > src_len ||
            (k && s->src_start < r->spans[k - 1].src_end))
            __builtin_trap();
        out = s->out_end;
    }
    if (out != r->len || strlen(r->text) != r->len)
        __builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    ora_normalizer *n = normalizer[data[0] & 1];
    ora_normalized r;
    ora_error err;
    if (ora_normalize(n, (const char *)data, size, &r, &err) == 0) {
        check_spans(&r, size);
        check_runs(&r);
        ora_normalized_free(&r);
    }
    return 0;
}
