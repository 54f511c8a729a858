/* libFuzzer harness for the text reader: any bytes in (a browser copy,
 * prose, or garbage), an article (or a clean error) out, its JSON built,
 * everything freed. The bytes go in as they come, not checked for UTF-8
 * as ora_load_input would: the reader must not trust its input. Run with
 * `make fuzz-text` (clang, -fsanitize=fuzzer,address,undefined). */
#include "oralise.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ora_article a;
    ora_error err;
    ora_article_init(&a);
    if (ora_read_text((const char *)data, size, &a, &err) == 0)
        free(ora_article_to_json(&a));
    ora_article_free(&a);
    return 0;
}
