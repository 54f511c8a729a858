/* libFuzzer harness for the PLS lexicon loader: any bytes are offered as a
 * lexicon; loading must fail cleanly or give entries that can be looked up,
 * and nothing may leak or read out of bounds.
 *
 *   make fuzz-pls FUZZ_TIME=600 */
#include "normalize/lexicon.h"

#include <libxml/parser.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    xmlInitParser();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lexicon lx;
    lexicon_init(&lx);
    ora_error err;
    if (lexicon_load_pls_memory(&lx, (const char *)data, size, "fuzz", &err) == 0) {
        for (size_t k = 0; k < lx.n; k++) {
            const char *g = lx.items[k].grapheme;
            if (lexicon_lookup(&lx, g, strlen(g)) != lx.items[k].alias)
                __builtin_trap(); /* every entry is found again */
        }
    } else if (!err.msg[0]) {
        __builtin_trap(); /* a failure always says why */
    }
    lexicon_free(&lx);
    return 0;
}
