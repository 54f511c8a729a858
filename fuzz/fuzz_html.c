/* libFuzzer harness for the page reader: any bytes in, an article (or a
 * clean error) out, its JSON built, everything freed. Run with
 * `make fuzz-html` (clang, -fsanitize=fuzzer,address,undefined). */
#include "oralise.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ora_article a;
    ora_error err;
    ora_article_init(&a);
    if (ora_read_html((const char *)data, size, &a, &err) == 0)
        free(ora_article_to_json(&a));
    ora_article_free(&a);
    return 0;
}
