/* Encoders behind encoder_open; private to the encode stage. */
#ifndef ORA_ENCODE_H
#define ORA_ENCODE_H

#include "internal.h"

/* Bytes on their way to a file: buffered, written in large pieces. */
typedef struct {
    int fd;
    strbuf buf;
    bool failed;
} byte_out;

int bo_add(byte_out *o, const void *p, size_t n);
int bo_flush(byte_out *o);

/* "KEY=value" comments for Vorbis and Opus headers: the tags, then
 * CHAPTERnnn / CHAPTERnnnNAME pairs (the Vorbis chapter extension). */
typedef struct {
    char **items;
    size_t n;
} comment_list;

int comments_build(const ora_encode_options *eo, comment_list *c);
void comments_free(comment_list *c);

/* Ogg Vorbis and Ogg Opus (at 8, 12, 16, 24 or 48 kHz) into out: open
 * writes the headers, close the last pages, and frees. */
typedef struct enc_vorbis enc_vorbis;
enc_vorbis *enc_vorbis_open(int rate, const ora_encode_options *eo, byte_out *out,
                            ora_error *err);
int enc_vorbis_write(enc_vorbis *e, const int16_t *s, size_t n);
int enc_vorbis_close(enc_vorbis *e);
/* The header pages again with eo's comments (chapters known only once
 * the audio is made), into pages: the same length when only times
 * changed, so they can be written over the first ones. */
int enc_vorbis_headers_again(enc_vorbis *e, const ora_encode_options *eo, strbuf *pages);
/* Decodes each packet as it is made and hands the audio to sink, as
 * enc_opus_monitor; threaded: in a thread of its own, sink too. */
int enc_vorbis_monitor(enc_vorbis *e, ora_audio_sink sink, void *user, bool threaded);
/* With a monitor: packets whose input stays far under limit_dbtp are not
 * decoded, their input goes to the sink in their place (see
 * vorbis_follower). */
void enc_vorbis_guard(enc_vorbis *e, double limit_dbtp);

typedef struct enc_opus enc_opus;
enc_opus *enc_opus_open(int rate, const ora_encode_options *eo, byte_out *out,
                        ora_error *err);
int enc_opus_write(enc_opus *e, const int16_t *s, size_t n);
int enc_opus_close(enc_opus *e);
/* Decodes each packet as it is made and hands the audio, trimmed as a
 * player trims it, to sink. */
int enc_opus_monitor(enc_opus *e, ora_audio_sink sink, void *user);
/* Checks each packet's decoded true peak against limit_dbtp as it is
 * made, and encodes a stretch again, turned down, where it passes. */
void enc_opus_guard(enc_opus *e, double limit_dbtp);
/* As enc_vorbis_headers_again. */
int enc_opus_headers_again(enc_opus *e, const ora_encode_options *eo, strbuf *pages);

/* MP3 bytes decoded as they are written (follow_mp3.c), the audio handed
 * to sink; threaded: in a thread of its own, sink too. finish waits for
 * the last and frees: -1 if anything failed. */
typedef struct mp3_follower mp3_follower;
mp3_follower *mp3_follower_new(int rate, ora_audio_sink sink, void *user, bool threaded);
int mp3_follower_put(mp3_follower *f, const void *data, size_t len);
int mp3_follower_finish(mp3_follower *f);

/* An ID3v2.4 tag in UTF-8 with CHAP/CTOC chapter frames. */
int id3v2_build(const ora_encode_options *eo, strbuf *out);

#endif
