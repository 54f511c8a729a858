/* libFuzzer harness for the JSON-LD reader: one <script type=ld+json> body
 * of any bytes, read into jsonld_info and freed. Run with `make fuzz-jsonld`. */
#include "read/jsonld.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    jsonld_info j;
    jsonld_init(&j);
    jsonld_read((const char *)data, size, &j);
    jsonld_free(&j);
    return 0;
}
