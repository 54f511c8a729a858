/* Helpers shared by the stages; not part of the public API. */
#ifndef ORA_INTERNAL_H
#define ORA_INTERNAL_H

#include "oralise.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* A growable byte string, always NUL-terminated. */
typedef struct {
    char *s;
    size_t len;
    size_t cap;
} strbuf;

void sb_init(strbuf *b);
void sb_free(strbuf *b);
int sb_add(strbuf *b, const char *s, size_t n);
int sb_adds(strbuf *b, const char *s);
int sb_addc(strbuf *b, char c);
/* Room for extra more bytes (and the NUL) without another realloc. */
int sb_reserve(strbuf *b, size_t extra);
int sb_printf(strbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Hands the string over to the caller and leaves b empty. */
char *sb_take(strbuf *b);

void ora_set_error(ora_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* "janvier".."décembre" for m = 1..12 (util.c): the script's dates and
 * the normalizer's say the month the same way. */
const char *french_month(int m);
/* The character of the HTML entity at s ("&#039;", "&#xE9;", "&eacute;"),
 * read within n bytes, and the entity's length in *len; 0 when there is
 * none (libxml2's table names them; util.c). */
uint32_t html_entity_at(const char *s, size_t n, size_t *len);
/* An entity's name or number has 10 characters at most ("thetasym",
 * "#x10FFFF"). */
#define HTML_ENTITY_BODY_MAX 10

/* A body shorter than this, in words, is no article in either reader,
 * unless a byline signs it (a podcast's summary), a paywall cut it, or
 * the input is bare prose that the user wrote. */
#define MIN_ARTICLE_WORDS 60
#define ORA_STRINGIFY_(x) #x
#define ORA_STRINGIFY(x) ORA_STRINGIFY_(x)
#define TOO_SHORT_FOR_AN_ARTICLE \
    "a scrap of text, too short for an article (under " ORA_STRINGIFY(MIN_ARTICLE_WORDS) " words)"

/* Both readers end the body on no heading: one over nothing titles a
 * box whose content went. Drops the headings at the end while more than
 * keep blocks are left (article.c). */
void article_drop_blocks(ora_article *a, size_t keep); /* the blocks from keep on */
void article_drop_trailing_headings(ora_article *a, size_t keep);

/* ora_read_html on bytes it takes (malloc'd): they are freed once the
 * page's tree is built, before the tree is read. */
int html_read_taken(char *data, size_t len, ora_article *a, ora_error *err);

char *ora_strdup(const char *s);
char *ora_strndup(const char *s, size_t n);

/* UTF-8 */
bool utf8_valid(const char *s, size_t n);
/* Whether the eight bytes at s are all ASCII: the scans of whole texts
 * (validity, the charset's count) step over most of a French text so. */
static inline bool eight_ascii(const char *s)
{
    uint64_t x;
    memcpy(&x, s, 8);
    return !(x & 0x8080808080808080ull);
}
/* Decodes one code point at s (n bytes left); returns its length in bytes, 0
 * on a bad sequence. */
int utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Byte offset of code point number char_pos in s (eSpeak NG counts its
 * text positions in code points). */
size_t utf8_byte_of_char(const char *s, size_t len, size_t char_pos);
/* The written offset that byte off of the normalized text comes from:
 * exact inside a stretch copied unchanged, the start of what they replace
 * inside rewritten words; at most written_len. cursor, if not NULL, is
 * the span to start looking from (offsets mostly grow), kept for the next
 * call (normalize.c). */
size_t normalized_source_of(const ora_normalized *nz, size_t off, size_t written_len,
                            size_t *cursor);
int utf8_encode(uint32_t cp, char out[4]);
bool utf8_is_space(uint32_t cp);

/* Collapses runs of white space (ASCII, U+00A0 NBSP kept as meaningful is
 * the normalizer's job, so here every Unicode space folds to one ' '), and
 * trims both ends. Returns a new string. */
char *text_squash(const char *s, size_t n);
bool str_starts_with(const char *s, const char *prefix);
bool str_blank(const char *s);

/* ".NAME.XXXXXX" beside path, for mkstemp; and the mode a finished file
 * gets (mkstemp makes 0600). Both from outfile.c. */
char *temp_name_for(const char *path);
#include <sys/types.h>
mode_t default_mode(void);

/* The folder of a path ("." for a bare name; the caller frees it) and its
 * last component; outfile.c. */
char *folder_of(const char *path);
const char *base_name(const char *path);
/* dir and name joined by one slash, the folder's doubled and trailing
 * slashes dropped ("audio//" + "x.ogg" → "audio/x.ogg"); outfile.c. */
char *path_join(const char *dir, const char *name);

/* "dir/a.ogg" with ".vtt" → "dir/a.vtt": a transcript or report named
 * after its audio (pipeline.c); the caller frees it. */
char *sidecar_beside(const char *output, const char *ext);

/* What a batch output was made from (resume.c): its input's size,
 * modification time and a hash of its bytes, or its web address. */
typedef struct {
    uint64_t size;
    int64_t mtime_ns;
    uint64_t hash;       /* 64-bit FNV-1a */
    const char *address; /* a web address is its own print */
} source_print;
/* Reads a regular file whole to fingerprint it, or takes a web address as
 * it is; false for anything else. */
bool source_print_of(const char *path, source_print *p);
/* DIR/.oralise-inputs, where the records of DIR's outputs are kept, and
 * the record of one output; the caller frees them. */
char *records_dir(const char *outdir);
char *record_path(const char *output);
/* Whether the record says its output was made from bytes with p's size
 * and hash, or from p's address (false when there is no record). */
bool record_matches(const char *record, const source_print *p);
/* Writes the record whole, through a temporary file and a rename. */
int record_write(const char *record, const char *input, const source_print *p,
                 ora_error *err);

/* Letters of a script French is never written in (Cyrillic, Arabic…) and
 * the voice of that script's language; alphabets.c. */
typedef struct {
    uint32_t first, last;
    char lang[8];
    char over[8]; /* the voice of a script whose text these letters mark as lang's, or "" */
} script_voice;
typedef struct {
    script_voice *v;
    size_t n;
} script_voices;
int script_voices_load(script_voices *sv, ora_error *err);
void script_voices_free(script_voices *sv);
/* The script of code point cp, or NULL (Latin, or a script not listed). */
const script_voice *script_voice_of(const script_voices *sv, uint32_t cp);

/* Removes the ".NAME.XXXXXX" temporaries that a run killed between naming
 * and renaming left in dir, for the NAMEs given (sorted); outfile.c. */
void remove_stale_temps(const char *dir, const char **names, size_t n);

/* A set of 64-bit hashes, open addressing (util.c): both readers keep the
 * blocks read in one, so that none is read twice. Zero it to start. */
typedef struct {
    uint64_t *slots;
    size_t n, cap;
} seen_set;
/* Adds h; true when it was there already (false also when out of memory:
 * reading a block twice is better than losing it). */
bool seen_set_add(seen_set *set, uint64_t h);
bool seen_set_has(const seen_set *set, uint64_t h);
/* A list item's hash apart from the same words as a paragraph or a
 * heading: a post that lists its points, then gives each its section
 * ("5 principes : … / Un cadre exceptionnel…"), reads both. */
#define SEEN_AS_ITEM(h) ((h) ^ 0x9E3779B97F4A7C15ULL)
void seen_set_free(seen_set *set);

/* Called first in a forked worker: it dies with parent (util.c). */
void die_with_parent(pid_t parent);

/* All n bytes through write() / read(), across EINTR and short transfers. */
bool write_all(int fd, const void *p, size_t n);
bool read_all(int fd, void *p, size_t n);

/* Whether an input names a web address (http:// or https://, any case):
 * src/read/fetch.c fetches it. */
bool is_web_address(const char *input);

/* A whole file into memory ("-": standard input), failing once it passes
 * max bytes rather than growing without end (/dev/zero); read_whole_file
 * is for data files, up to 64 MiB. */
int read_file_at_most(const char *path, size_t max, char **data, size_t *len,
                      ora_error *err);
int read_whole_file(const char *path, char **data, size_t *len,
                    ora_error *err);


/* What a snippet cut by --max-duration says last (rules/fr/script.txt):
 * that the excerpt ends, and with paywall that the rest is for
 * subscribers; "" when the line was emptied. The caller frees it. */
char *script_excerpt_line(bool paywall, ora_error *err);

/* Gives g the spoken text and the runs of other languages of nz, as
 * copies (script.c). */
int segment_set_spoken(ora_segment *g, const ora_normalized *nz);

/* Path of a data file under ora_data_dir(); the caller frees it. */
char *data_path(const char *rel);

/* A list of phrases from a data file: one a line, '#' starts a comment. */
typedef struct {
    char **items;
    size_t n;
    /* for folded lists (phrase_list_load_folded): the phrases by the byte
     * they open on, those opening on byte c being
     * items[by_open[opening[c]]] .. items[by_open[opening[c + 1] - 1]];
     * NULL for other lists */
    size_t *by_open, *opening;
} phrase_list;

int phrase_list_load(const char *rel, phrase_list *pl, ora_error *err);
void phrase_list_free(phrase_list *pl);

/* The language of an article's own words ("fr", "en", "de"...) into code,
 * or NULL when no language clearly leads (too little text, a mix). */
const char *lang_guess(const ora_article *a, char *code, size_t size);
/* The function words of every language the data knows (rules/LANG/
 * stopwords.txt), in one list: prose in any of them has many. */
int lang_all_stopwords(phrase_list *pl, ora_error *err);

/* Stops each later ora_speak_text_marks once its audio holds this many
 * samples (0: never): a snippet needs no more than it keeps, however long
 * the sentence being spoken. */
void speak_stop_at(size_t samples);

/* Whether eSpeak NG speaks a language ("en", "de"; the French voices). */
bool speak_language_known(const char *lang);

/* Boilerplate phrases shared by the readers (rules/fr/boilerplate-*.txt). */
typedef struct {
    phrase_list drop;  /* a block equal to, or starting with, one: dropped */
    phrase_list cut;   /* a block starting with one: the paywall cut */
    phrase_list end;   /* a block starting with one: the article is over */
    phrase_list credit; /* a photo credit line ("Getty Images", "Photo …") */
} boilerplate;

int boilerplate_load(boilerplate *bp, ora_error *err);
void boilerplate_free(boilerplate *bp);
bool boilerplate_is_drop(const boilerplate *bp, const char *text);
bool boilerplate_is_cut(const boilerplate *bp, const char *text);
bool boilerplate_is_end(const boilerplate *bp, const char *text);
bool boilerplate_is_credit(const boilerplate *bp, const char *text);
/* A phrase list folded for matching the way the boilerplate lists are
 * ('*' any run, case and apostrophes folded), and a match of one text. */
int phrase_list_load_folded(const char *rel, phrase_list *pl, ora_error *err);
bool phrase_list_matches(const phrase_list *pl, const char *text);
/* How many of the list's phrases the text holds (the text folded once). */
size_t phrase_list_count(const phrase_list *pl, const char *text);

/* ── Audio as a stream (spool.c, resample.c, loudness.c, encode.c) ──────
 * A long article is about 80 MB of PCM: every stage after synthesis works
 * block by block, from a source that can be read at any offset to a sink
 * (ora_audio_sink), so memory stays flat whatever the length. */

/* $TMPDIR, or /tmp when unset or empty. */
const char *temp_dir(void);
/* An unnamed file there, gone when closed or killed. */
int temp_file_unnamed(void);

/* Samples that can be read at any offset: a spool or a memory buffer. */
typedef struct {
    size_t n;
    int rate;
    bool (*read)(void *user, size_t at, int16_t *dst, size_t n);
    void *user;
} pcm_source;

typedef struct {
    int fd;
    size_t n; /* samples written */
    int rate;
    int16_t *buf;
    size_t fill;
    bool failed;
} pcm_spool;

int spool_open(pcm_spool *sp, int rate, ora_error *err);
int spool_sink(void *user, const int16_t *s, size_t n);
/* Writes out what is buffered: the spool can then be read. */
int spool_finish(pcm_spool *sp, ora_error *err);
void spool_close(pcm_spool *sp);
pcm_source spool_source(pcm_spool *sp);
/* Its first n samples, while another thread still writes on: reads only
 * the file descriptor, never the fields that writing changes. */
pcm_source spool_source_upto(pcm_spool *sp, size_t n, int rate);
pcm_source memory_source(const int16_t *s, size_t n, int rate);

/* A sink that copies into an array with room enough, from pos on. */
typedef struct {
    int16_t *dst;
    size_t pos;
} array_out;
int array_sink(void *user, const int16_t *s, size_t n);

/* Rate conversion pushed block by block to a sink; finish flushes the
 * converter's tail. */
typedef struct resampler resampler;
resampler *resampler_new(int from, int to, ora_audio_sink sink, void *user);
int resampler_sink(void *user, const int16_t *s, size_t n);
int resampler_finish(resampler *r);
void resampler_free(resampler *r);

/* K-weighted energies of the 400 ms gating blocks (every 100 ms; block i
 * starts at 100 ms step i), kept so that parts measured apart (speech workers) make
 * the loudness of the whole: loudness_of_blocks gates them together. */
typedef struct kblocks kblocks;
kblocks *kblocks_new(int rate);
int kblocks_add(kblocks *k, const int16_t *s, size_t n);
const double *kblocks_energies(const kblocks *k, size_t *n);
size_t kblocks_step(const kblocks *k); /* samples in 100 ms */
void kblocks_free(kblocks *k);
/* Integrated loudness (LUFS; -inf for silence) of the blocks of n_parts
 * parts in a row. */
double loudness_of_blocks(const double *const *parts, const size_t *counts, size_t n_parts);

/* The largest |s[i]| of s[0, n) (0 when n is 0), in a loop the
 * compiler turns into vector instructions. */
int s16_peak(const int16_t *s, size_t n);

/* True peak as libebur128 works it out (4x oversampled), of s[0, n) with
 * before[0, 12) the samples just before: exact when it passes floor
 * (linear), possibly lower otherwise, which costs far less. */
typedef struct true_peak true_peak;
true_peak *true_peak_new(void);
double true_peak_of(true_peak *tp, const int16_t *before, const int16_t *s, size_t n,
                    double floor);
void true_peak_free(true_peak *tp);
#define TRUE_PEAK_HISTORY 12

/* EBU R 128 measurement fed block by block (as libebur128 measures). */
typedef struct meter meter;
meter *meter_new(int rate, bool true_peak);
int meter_sink(void *user, const int16_t *s, size_t n);
int meter_result(meter *m, ora_loudness *l, ora_error *err);
const kblocks *meter_blocks(const meter *m);
void meter_free(meter *m);

/* A stretch of samples [start, end) turned down by cut_db (ramped in and
 * out): where a lossy coder overshot the ceiling. */
typedef struct {
    size_t start, end;
    double cut_db;
} peak_region;

typedef struct {
    peak_region *v;
    size_t n, cap;
} peak_list;

int peak_list_add(peak_list *pl, size_t start, size_t end, double cut_db);
/* The gain of each sample of [a, b) from the cuts that fall in it, into
 * out; NULL where none does. */
const float *cut_gains(const peak_list *cuts, size_t a, size_t b, int rate, float *out);
void peak_list_free(peak_list *pl);

/* The loudness and true peak of decoded audio fed block by block, and
 * the stretches (in samples) whose true peak passes limit_dbtp, each with
 * its excess in dB, into over (may be NULL). */
typedef struct peak_check peak_check;
peak_check *peak_check_new(int rate, double limit_dbtp, peak_list *over);
int peak_check_sink(void *user, const int16_t *s, size_t n);
int peak_check_result(peak_check *c, ora_loudness *l, ora_error *err);
void peak_check_free(peak_check *c);

/* Gain and true-peak limiter settings for level_stream. */
typedef struct {
    double gain_db;
    double ceiling_db; /* limiter ceiling on the estimated true peak */
    bool limit;        /* false: gain only (0 dB: a plain copy) */
    const peak_list *cuts; /* may be NULL; overlapping cuts add up */
} level_settings;

/* src through the gain and limiter into sink (may be NULL), measured on
 * the way by m (may be NULL). */
int level_stream(const pcm_source *src, const level_settings *ls, meter *m,
                 ora_audio_sink sink, void *user, ora_error *err);
/* The same over [from, to) of src only, reading what the limiter needs
 * around it (level_margin samples either side, within src->n). */
int level_range(const pcm_source *src, const level_settings *ls, size_t from, size_t to,
                meter *mt, ora_audio_sink sink, void *user, ora_error *err);
size_t level_margin(int rate);
/* Finds the settings that bring src (measured raw_lufs) to target_lufs
 * within 0.2 LU, with true peaks at or under ceiling_dbtp when check_peak,
 * by measuring passes that write nothing; after gets what the last pass
 * measured. */
int level_plan(const pcm_source *src, double raw_lufs, double target_lufs,
               double ceiling_dbtp, bool check_peak, level_settings *ls,
               ora_loudness *after, ora_error *err);

/* A stage in a thread of its own (stage.c): fn gets each message put, in
 * order, with its tag, and returns -1 on failure. finish waits for the
 * last one, ends the thread and frees: -1 if any failed. */
typedef int (*stage_fn)(void *user, const void *data, size_t len, long tag);
typedef struct stage stage;
stage *stage_new(stage_fn fn, void *user);
int stage_put(stage *st, const void *data, size_t len, long tag);
int stage_finish(stage *st);

/* An encoder writing one format to a file descriptor as samples come
 * (encode.c); file_stream below is how the other stages use it. */
typedef struct encoder encoder;
/* A WAV header for n samples (open-ended past 4 GiB). */
void wav_header(int rate, size_t n, unsigned char hdr[44]);
/* Decodes the encoded file at fd (any format oralise writes) and
 * measures it: what a listener will actually get. over (may be NULL) gets
 * the stretches, in samples at *rate, whose true peak passes limit_dbtp,
 * each with its excess in dB. */
int loudness_of_encoded_fd(int fd, ora_loudness *l, double limit_dbtp,
                           peak_list *over, int *rate, ora_error *err);

/* One output audio file written as samples come to a temporary file in
 * its folder, unnamed where Linux allows it (O_TMPFILE), so that a run
 * killed outright leaves nothing; the encoder opens at the first samples
 * (when the rate is known: rate, or else *rate_from's rate). close ends an
 * encoding, restart empties the file for another try, name gives the
 * finished file its temporary name (.tmp), which the caller renames
 * through ora_write_files. */
typedef struct {
    const char *path;
    ora_format fmt;
    const ora_encode_options *eo;
    int rate;
    const ora_audio *rate_from;
    char *tmp;
    int fd;
    encoder *enc;
    bool failed;
    ora_error error; /* why it failed, for file_stream_close */
    ora_audio_sink monitor; /* set before the first samples: see encoder_monitor */
    void *monitor_user;
    double guard_dbtp; /* Opus or Vorbis with a monitor: see encoder_guard; NAN: none */
    bool monitor_thread; /* the monitor may run in a thread of its own */
    /* The encoding began before the chapters were timed: at close the
     * header is made again from eo (same length, new times). */
    bool reheader;
} file_stream;

void file_stream_init(file_stream *fs, const char *path, ora_format fmt,
                      const ora_encode_options *eo, int rate);
int file_stream_sink(void *user, const int16_t *s, size_t n);
int file_stream_close(file_stream *fs, ora_error *err);
int file_stream_restart(file_stream *fs, ora_error *err);
int file_stream_name(file_stream *fs, ora_error *err);
void file_stream_free(file_stream *fs);

#endif
