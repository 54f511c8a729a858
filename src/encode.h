/* Encoders behind ora_encode_memory; private to the encode stage. */
#ifndef ORA_ENCODE_H
#define ORA_ENCODE_H

#include "internal.h"

/* "KEY=value" comments for Vorbis and Opus headers: the tags, then
 * CHAPTERnnn / CHAPTERnnnNAME pairs (the Vorbis chapter extension). */
typedef struct {
    char **items;
    size_t n;
} comment_list;

int comments_build(const ora_encode_options *eo, comment_list *c);
void comments_free(comment_list *c);

int encode_vorbis(const ora_audio *au, const ora_encode_options *eo,
                  strbuf *out, ora_error *err);
/* au must be at 8, 12, 16, 24 or 48 kHz. */
int encode_opus(const ora_audio *au, const ora_encode_options *eo,
                strbuf *out, ora_error *err);
/* An ID3v2.4 tag in UTF-8 with CHAP/CTOC chapter frames. */
int id3v2_build(const ora_encode_options *eo, strbuf *out);

#endif
