/*
 * oralise.h — turn a French news article into speech.
 *
 * The pipeline, one stage a source file:
 *
 *   bytes ─► ora_read_text / ora_read_html ─► ora_article
 *         ─► ora_script_build ─► ora_script (segments, in the written form)
 *         ─► ora_normalize (each segment, written form → words to say)
 *         ─► ora_speak ─► ora_audio (PCM, 16-bit mono)
 *         ─► ora_loudness_normalize ─► ora_encode (WAV, FLAC, Ogg Vorbis,
 *            Ogg Opus, MP3)
 *
 * The calls on an ora_audio hold it whole, which suits clips. ora_convert
 * does the whole job with flat memory, whatever the length: the speech goes
 * straight to its file, or waits in an unnamed file in $TMPDIR while the
 * loudness passes and the encoder read it back block by block.
 *
 * Every call that can fail takes an ora_error * and returns 0 on success or
 * -1 on failure, with one plain-French-or-English sentence in err->msg that
 * the CLI prints as it is. Strings are UTF-8 and owned by the structure that
 * holds them; each structure has its own _free().
 */
#ifndef ORALISE_H
#define ORALISE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ORA_VERSION "0.1.0"

/* ── Errors ─────────────────────────────────────────────────────────────── */

typedef struct {
    char msg[512];
} ora_error;

/* ── Data files ─────────────────────────────────────────────────────────── */

/* The folder holding lexicons/ and rules/. ORALISE_DATA in the environment
 * wins over the folder compiled in, so a user can point at edited copies. */
const char *ora_data_dir(void);

/* ── Article ────────────────────────────────────────────────────────────── */

typedef enum {
    ORA_BLOCK_PARAGRAPH,
    ORA_BLOCK_HEADING,
    ORA_BLOCK_QUOTE,
    ORA_BLOCK_CAPTION,
    ORA_BLOCK_LIST_ITEM,
    /* A data table: the caption on the first line (empty when it has
     * none), then one line per row, its cells as "header : value" joined
     * by ", ". */
    ORA_BLOCK_TABLE
} ora_block_kind;

typedef struct {
    ora_block_kind kind;
    char *text;
} ora_block;

typedef struct {
    char *title;
    char *lede;
    char *byline;
    char *site;
    char *url;
    char *published; /* ISO 8601 as the source gives it: "2024-11-18T01:58" */
    char *modified;
    char *lang;
    ora_block *blocks;
    size_t n_blocks;
    size_t cap_blocks;
    bool truncated;           /* a paywall cuts the article */
    double remaining_percent; /* share left behind the paywall; < 0 unknown */
    /* NULL when the reader found an article. Otherwise what the input is
     * instead, as a short phrase that completes "this looks like ...":
     * "a front page of headlines", "a consent wall", "an error page",
     * "a login form", "a page of links". The reader still fills in what it
     * found, for --print=article; ora_read_file then fails. */
    char *not_article;
} ora_article;

void ora_article_init(ora_article *a);
void ora_article_free(ora_article *a);
/* Appends a block; the text is copied. */
int ora_article_add_block(ora_article *a, ora_block_kind kind, const char *text);
const char *ora_block_kind_name(ora_block_kind kind);
/* The article as the JSON of DESIGN.md; the caller frees the string. */
char *ora_article_to_json(const ora_article *a);

/* ── Readers ────────────────────────────────────────────────────────────── */

typedef enum { ORA_INPUT_AUTO, ORA_INPUT_TEXT, ORA_INPUT_HTML } ora_input_kind;

/* The largest input read by default, in bytes: far above any article
 * (a 5,000-word page is about 300 KB), and the largest page whose reading
 * stays under 64 MiB (libxml2's tree takes about ten times a page's size;
 * make bench-memory). ora_options.max_input raises it. */
#define ORA_MAX_INPUT ((size_t)5 << 20)

/* Inputs are files, "-" for standard input, or web addresses (http:// and
 * https://, fetched with libcurl: see ora_read_input). */

/* Reads a whole input and checks that it is text: not empty, not binary;
 * text in another charset than UTF-8 is converted to UTF-8 (the charset
 * guessed as ora_read_input does, silently; a BOM is dropped). */
int ora_load_input(const char *path, char **data, size_t *len, ora_error *err);
/* Guesses whether loaded text is a page or a browser copy. */
ora_input_kind ora_sniff_input(const char *data, size_t len);

int ora_read_text(const char *data, size_t len, ora_article *a, ora_error *err);
int ora_read_html(const char *data, size_t len, ora_article *a, ora_error *err);
/* Loads, sniffs and reads: the usual entry point. It fails, with the article
 * still filled in for inspection, when the reader says the input holds no
 * article (a->not_article). ora_read_input does the same with every
 * reading option. ora_read_html keeps a->url when the caller set it (the
 * address the page came from) and takes the site from it when the page
 * names no address of its own. */
int ora_read_file(const char *path, ora_input_kind kind, ora_article *a,
                  ora_error *err);
/* The same with another input size limit in bytes (0: ORA_MAX_INPUT); an
 * input past it fails without being read whole. */
int ora_read_file_max(const char *path, ora_input_kind kind, size_t max_input,
                      ora_article *a, ora_error *err);

/* ── Script: what will be said, in order ────────────────────────────────── */

/* A stretch of the spoken text in another language than French ("Army
 * Tactical Missile Systems"): bytes [start, end) of the text, said by
 * eSpeak NG's voice for lang ("en"). */
typedef struct {
    size_t start, end;
    char lang[8];
} ora_lang_run;

typedef enum {
    ORA_SEG_TITLE,
    ORA_SEG_LEDE,
    ORA_SEG_BYLINE,
    ORA_SEG_DATE,
    ORA_SEG_HEADING,
    ORA_SEG_PARAGRAPH,
    ORA_SEG_QUOTE,
    ORA_SEG_LIST_ITEM,
    ORA_SEG_CAPTION,
    ORA_SEG_NOTICE,
    ORA_SEG_INTRO, /* --intro: said before the title */
    ORA_SEG_OUTRO, /* --outro: said last, after the notice */
    ORA_SEG_TABLE  /* a table announced, or one of its rows (--tables) */
} ora_segment_role;

typedef struct {
    ora_segment_role role;
    char *written; /* as in the article */
    char *spoken;  /* after normalization; NULL until ora_script_normalize */
    int pause_ms;  /* silence after the segment */
    ora_lang_run *runs; /* parts of spoken said by another voice */
    size_t n_runs;
} ora_segment;

typedef struct {
    ora_segment *segs;
    size_t n;
    size_t cap;
} ora_script;

typedef struct {
    bool captions;      /* read photo captions */
    bool tables;        /* read tables row by row, not only announce them */
    bool notice;        /* end a truncated article with the notice */
    const char *notice_text; /* overrides the template when not NULL */
    int pause_title_ms;
    int pause_paragraph_ms;
    int pause_notice_ms;
    const char *intro_text;  /* said first when not NULL */
    const char *outro_text;  /* said last when not NULL */
} ora_script_options;

void ora_script_options_default(ora_script_options *o);
int ora_script_build(const ora_article *a, const ora_script_options *o,
                     ora_script *s, ora_error *err);
void ora_script_free(ora_script *s);
const char *ora_segment_role_name(ora_segment_role role);
/* A segment as eSpeak NG is given it, written as SSML on one line:
 * <speak xml:lang="LANG"> with each run of another language in
 * <voice xml:lang="en">. lang is the voice's language ("fr"). The caller
 * frees the string. */
char *ora_segment_ssml(const ora_segment *g, const char *lang);

/* ── Normalizer: written French → words a voice reads right ─────────────── */

typedef struct ora_normalizer ora_normalizer;

/* One piece of output and the input bytes it came from. */
typedef struct {
    size_t out_start, out_end;
    size_t src_start, src_end;
} ora_span;

typedef struct {
    char *text;
    size_t len;
    ora_span *spans;
    size_t n_spans;
    size_t cap_spans;
    ora_lang_run *runs; /* in order, not overlapping; only with lang switch */
    size_t n_runs;
} ora_normalized;

/* voice decides septante/huitante/nonante ("fr-be", "fr-ch"); may be NULL. */
ora_normalizer *ora_normalizer_new(const char *voice, ora_error *err);
/* Adds a W3C PLS lexicon; later lexicons win over earlier ones. */
int ora_normalizer_add_lexicon(ora_normalizer *n, const char *path,
                               ora_error *err);
/* Whether ora_normalize finds runs of other languages (English, with
 * Debian's wamerican and wfrench word lists; lexicons/fr/word-lists.tsv)
 * and lists them in ora_normalized.runs. Off in a new normalizer; turning
 * it on reads the word lists (a few milliseconds). Missing lists leave it
 * off without an error. */
int ora_normalizer_set_lang_switch(ora_normalizer *n, bool on, ora_error *err);
void ora_normalizer_free(ora_normalizer *n);
int ora_normalize(const ora_normalizer *n, const char *text, size_t len,
                  ora_normalized *out, ora_error *err);
void ora_normalized_free(ora_normalized *r);
/* Convenience: normalizes into a new string. */
char *ora_normalize_string(const ora_normalizer *n, const char *text,
                           ora_error *err);
int ora_script_normalize(ora_script *s, const ora_normalizer *n,
                         ora_error *err);
/* Whether n bytes are valid UTF-8. The normalizer copes with any bytes,
 * but a filter should refuse what is not text rather than guess. */
bool ora_utf8_valid(const char *s, size_t n);

/* ── Audio ──────────────────────────────────────────────────────────────── */

/* A sink receives samples as they are made instead of keeping them: the
 * streaming path (-o -). n still counts every sample, so times stay right. */
typedef int (*ora_audio_sink)(void *user, const int16_t *s, size_t n);

typedef struct {
    int16_t *samples; /* mono; NULL when a sink takes the samples */
    size_t n;
    size_t cap;
    int rate;
    ora_audio_sink sink;
    void *sink_user;
} ora_audio;

void ora_audio_init(ora_audio *au, int rate);
void ora_audio_free(ora_audio *au);
int ora_audio_append(ora_audio *au, const int16_t *s, size_t n);
int ora_audio_silence(ora_audio *au, int ms);
double ora_audio_seconds(const ora_audio *au);
/* Milliseconds at sample index i. */
long ora_audio_ms(const ora_audio *au, size_t i);
/* A copy of au at another rate (libsamplerate, fastest sinc). */
int ora_audio_resample(const ora_audio *au, int rate, ora_audio *out,
                       ora_error *err);

/* ── Loudness (EBU R 128, libebur128) ───────────────────────────────────── */

typedef struct {
    double integrated_lufs; /* -HUGE_VAL for silence */
    double true_peak_dbtp;
    double gain_db;         /* gain applied to reach the target; 0 if none */
} ora_loudness;

int ora_loudness_measure(const ora_audio *au, ora_loudness *l, ora_error *err);
/* Brings au to target_lufs (integrated, within 0.5 LU) with a look-ahead
 * true-peak limiter holding peaks at or under ceiling_dbtp: no clipping. */
int ora_loudness_normalize(ora_audio *au, double target_lufs,
                           double ceiling_dbtp, ora_loudness *after,
                           ora_error *err);

/* ── Speech ─────────────────────────────────────────────────────────────── */

typedef struct {
    const char *voice; /* "fr", "fr-be", "fr-ch", optionally "+variant" */
    int rate_wpm;      /* 80–450; 0 keeps eSpeak NG's default */
} ora_voice_options;

/* Where eSpeak NG starts each sentence of a text: the character offset
 * (0-based, in code points of the text spoken) and the sample index in the
 * ora_audio it was spoken into. */
typedef struct {
    size_t char_pos;
    size_t sample;
} ora_mark;

/* v: where each sentence starts. words: where each word starts, from
 * eSpeak NG's word events, in the same units; several may fall in one
 * written word ("2024" said "deux mille vingt-quatre"). */
typedef struct {
    ora_mark *v;
    size_t n, cap;
    ora_mark *words;
    size_t n_words, cap_words;
} ora_marks;

/* Time span of each spoken segment in the audio, in milliseconds. */
typedef struct {
    long start_ms, end_ms;
    size_t start, end; /* the same in samples of the audio */
} ora_timing;

/* Starts the one eSpeak NG engine of this process. */
int ora_speak_init(const ora_voice_options *v, ora_error *err);
void ora_speak_shutdown(void);
int ora_speak_sample_rate(void);
/* Speaks each segment's spoken text into au; timings (may be NULL) gets one
 * entry per segment. */
int ora_speak_script(const ora_script *s, ora_audio *au, ora_timing *timings,
                     ora_error *err);
/* The same; marks (may be NULL) gets one ora_marks per segment: where each
 * of its sentences starts, in samples of au. */
int ora_speak_script_marks(const ora_script *s, ora_audio *au, ora_timing *timings,
                           ora_marks *marks, ora_error *err);
int ora_speak_text(const char *text, ora_audio *au, ora_error *err);
/* Like ora_speak_text; marks (may be NULL) gets the sentence starts. */
int ora_speak_text_marks(const char *text, ora_audio *au, ora_marks *marks,
                         ora_error *err);
/* Like ora_speak_text_marks, each run of text in runs said by the voice of
 * its language (the same variant as the main voice), the rest by the main
 * voice. The marks stay in code points of the whole text, one per
 * sentence: a run inside a sentence starts none. */
int ora_speak_runs_marks(const char *text, const ora_lang_run *runs,
                         size_t n_runs, ora_audio *au, ora_marks *marks,
                         ora_error *err);
void ora_marks_free(ora_marks *m);
/* The pitch, 1–99 (0: eSpeak NG's default, 50), for this and every later
 * ora_speak_init of the process, worker processes forked after it too. */
int ora_speak_set_pitch(int pitch, ora_error *err);
/* Checks a voice name ("fr", "fr-be+f3", or any language eSpeak NG speaks,
 * such as "en") without starting the engine. */
int ora_voice_check(const char *voice, ora_error *err);
/* Prints the voices and variants oralise accepts, one a line. */
int ora_list_voices(FILE *out, ora_error *err);
/* ora_speak_script_marks with up to jobs processes, each speaking a
 * contiguous run of segments with its own engine; the audio, the timings
 * and the marks are joined in order. Needs no engine in the calling
 * process. */
int ora_speak_script_parallel(const ora_script *s, const ora_voice_options *v,
                              int jobs, ora_audio *au, ora_timing *timings,
                              ora_marks *marks, ora_error *err);

/* ── Encoding ───────────────────────────────────────────────────────────── */

typedef enum {
    ORA_FMT_WAV,
    ORA_FMT_FLAC,
    ORA_FMT_OGG,
    ORA_FMT_OPUS,
    ORA_FMT_MP3
} ora_format;

/* Ogg Opus is written at 24 kHz: enough for speech, half the bitrate of
 * 48 kHz. eSpeak NG's 22,050 Hz is resampled to it. */
#define ORA_OPUS_RATE 24000

typedef struct {
    const char *title, *artist, *album, *date, *comment, *genre;
} ora_tags;

/* A chapter: where a section starts and ends, and its name. */
typedef struct {
    long start_ms, end_ms;
    const char *title;
} ora_chapter;

typedef struct {
    const ora_tags *tags;        /* may be NULL */
    const ora_chapter *chapters; /* Vorbis CHAPTERxxx comments, ID3 CHAP */
    size_t n_chapters;
    double quality;              /* 0 (smallest) to 1 (best); < 0 default */
    bool raw;                    /* "-": raw PCM (s16le) instead of WAV */
} ora_encode_options;

/* The format named by a path's extension; -1 with a message if unknown. */
int ora_format_from_path(const char *path, ora_format *fmt, ora_error *err);
/* Writes au to path ("-" streams WAV to standard output) through a temporary
 * file in the same folder, renamed at the end: a failure leaves nothing. */
int ora_encode_file(const ora_audio *au, const char *path, ora_format fmt,
                    const ora_tags *tags, ora_error *err);
/* The encoded file in memory (not "-"), for ora_write_files. */
int ora_encode_memory(const ora_audio *au, ora_format fmt,
                      const ora_encode_options *eo, char **data, size_t *len,
                      ora_error *err);
/* Decodes an encoded file held in memory and measures its loudness. */
int ora_loudness_of_encoded(const char *data, size_t len, ora_loudness *l,
                            ora_error *err);
int ora_encode(const ora_audio *au, const char *path, ora_format fmt,
               const ora_encode_options *eo, ora_error *err);
/* The header that starts a WAV stream of unknown length (44 bytes). */
void ora_wav_stream_header(int rate, unsigned char hdr[44]);
/* Writes each buffer to its path through a temporary file in the same
 * folder; renames them all only when every one is written, so a failure
 * leaves none of them behind. */
typedef struct {
    const char *path;
    const char *data;
    size_t len;
    const char *written; /* or: a temporary file already complete, to rename */
} ora_out_file;
int ora_write_files(const ora_out_file *f, size_t n, ora_error *err);

/* Tags from an article: title, byline or site, site, date, url. */
void ora_tags_from_article(const ora_article *a, ora_tags *t);

/* ── Caption cues (see the transcript below) ──────────────────────────── */

/* How the transcript is cut into cues: short ones that fit a screen (at
 * most ORA_CUE_LINES lines of ORA_CUE_LINE_WIDTH characters, shown at most
 * ORA_CUE_MAX_MS), split where a clause ends (, ; : — ( ), else between
 * words; or one cue per sentence, however long. */
typedef enum { ORA_CUES_SHORT, ORA_CUES_SENTENCE } ora_cue_style;

#define ORA_CUE_LINE_WIDTH 42
#define ORA_CUE_LINES 2
#define ORA_CUE_MAX_MS 7000

/* ── The whole job ──────────────────────────────────────────────────────── */

typedef struct {
    ora_input_kind input_kind;
    ora_script_options script;
    ora_voice_options voice;
    const char *const *lexicons; /* user PLS files, later ones win */
    size_t n_lexicons;
    /* Loudness target in LUFS; NAN: the default (-19 for compressed
     * formats, eSpeak's own level for WAV/FLAC); loudness_off: never. */
    double loudness_lufs;
    bool loudness_off;
    double quality;          /* see ora_encode_options */
    bool raw;                /* "-" writes raw PCM instead of WAV */
    double max_seconds;      /* snippet length; 0: no limit */
    int pitch;               /* 1–99; 0: eSpeak NG's default (50) */
    /* Transcripts and report: NULL for none; "" for one named after the
     * audio output, beside it (a.ogg → a.vtt, a.srt, a.json), which is
     * how a batch gives each output its own. */
    const char *vtt_path, *srt_path, *report_path;
    int jobs; /* speech worker processes for one long article; 0: one per core */
    /* --voice was given: every article is spoken with it. Otherwise an
     * article in another language than French gets that language's eSpeak
     * NG voice, and is not normalized (the normalizer is French only). */
    bool keep_voice;
    size_t max_input; /* bytes; 0: ORA_MAX_INPUT */
    /* Runs of English inside French are read by the French voice like the
     * rest (--no-lang-switch); by default the English voice says them. */
    bool no_lang_switch;
    /* Set by ora_batch_run, which clears its folder of temporaries left by
     * a killed run once for all items; a single conversion does it for its
     * own outputs. */
    bool batch_item;
    /* A normalizer made once by ora_normalizer_for() with these options,
     * for many conversions (a batch worker keeps one): making one reads
     * the word lists, about 20 ms. NULL: each conversion makes its own. */
    const ora_normalizer *normalizer;
    /* Caption cues: short (the default) or one per sentence. */
    ora_cue_style cues;
    /* Silence before and after the speech, in seconds; NAN: the default,
     * 0.5 for Ogg, Opus and MP3 (a player or coder can clip the first and
     * last words), none for WAV and FLAC. Transcript, words and chapters
     * move with the speech. */
    double pad_seconds;
    /* Web addresses: seconds for a whole fetch, connection included
     * (0: ORA_FETCH_TIMEOUT). */
    double timeout;
    /* A web address's body, exactly as fetched, is written to this file
     * (whole or not at all) once the page has given an article. One input
     * only: ora_batch_run refuses it. */
    const char *save_page;
    /* The input's charset (an iconv name: "windows-1252", "ISO-8859-15"),
     * over anything declared or guessed; NULL: found from the input. */
    const char *charset;
    /* Where assumptions are said, one line each ("oralise: note: x.txt is
     * not UTF-8; read as windows-1252."); NULL: nowhere. */
    FILE *notes;
} ora_options;

typedef struct {
    double seconds;    /* audio written */
    size_t segments;   /* segments spoken */
    bool truncated;    /* the article was cut by a paywall */
    bool shortened;    /* --max-duration cut the article */
    ora_loudness loudness; /* as written (integrated NAN if not measured) */
    char voice[40];        /* the voice that spoke: the options' own, or the
                            * one of the article's language */
} ora_result;

/* ── Transcript: caption cues and word times, in the written form ──────── */

typedef struct {
    long start_ms, end_ms;
    size_t segment;  /* index in the script */
    char *text;      /* written text; a short cue's two lines are joined
                      * by '\n' */
    bool ends_sentence; /* the last cue of its sentence */
} ora_cue;

/* A word as written ("18", "l'armée", "ATACMS"), punctuation left out,
 * and when it is said. A word ends where the next one starts, so the
 * silence after a comma belongs to the word before it. */
typedef struct {
    long start_ms, end_ms;
    size_t segment;
    char *text;
} ora_word;

typedef struct {
    ora_cue *cues;
    size_t n, cap;
    ora_word *words;
    size_t n_words, cap_words;
    void *glue; /* private: rules/fr/caption-glue.txt, read once */
} ora_transcript;

void ora_transcript_free(ora_transcript *t);
/* Adds the cues of one spoken segment: one per sentence start in marks
 * (char_pos in the spoken text nz->text), showing the written text through
 * nz's alignment. end is the sample where the segment's speech ends. */
int ora_transcript_add_segment(ora_transcript *t, size_t segment,
                               const char *written, const ora_normalized *nz,
                               const ora_mark *marks, size_t n_marks,
                               size_t end, int rate);
/* Adds the cues of one spoken segment in the given style, and the time of
 * each of its written words, from the sentence and word marks of m
 * (char_pos in nz->text, samples at rate; NULL: none, the words share the
 * time by length). The speech of the segment lies in samples [start, end). */
int ora_transcript_add_timed(ora_transcript *t, size_t segment, const char *written,
                             const ora_normalized *nz, const ora_marks *m,
                             size_t start, size_t end, int rate, ora_cue_style style);
/* Moves every cue and word by ms (silence added before the speech). */
void ora_transcript_shift(ora_transcript *t, long ms);
/* WebVTT and SubRip text; the caller frees it. */
char *ora_transcript_vtt(const ora_transcript *t);
char *ora_transcript_srt(const ora_transcript *t);

/* The --report JSON: what was read, where each part and chapter lies. */
typedef struct {
    const char *role, *text;
    long start_ms, end_ms;
} ora_report_segment;

typedef struct {
    const ora_article *article;
    const char *format;
    int sample_rate;
    double seconds;
    const ora_report_segment *segments;
    size_t n_segments;
    const ora_transcript *transcript;
    const ora_chapter *chapters;
    size_t n_chapters;
    const ora_loudness *loudness; /* NULL when not measured */
    double target_lufs;           /* NAN when left at eSpeak's level */
    bool shortened;
    double pad_seconds;           /* silence before and after the speech */
} ora_report;

char *ora_report_json(const ora_report *r);

void ora_options_default(ora_options *o);

/* A web address is fetched with libcurl: HTTPS, at most 5 redirects,
 * gzip and deflate, an honest User-Agent ("oralise/VERSION ..."), the
 * o->max_input limit checked while receiving, o->timeout for the whole
 * exchange. It must answer 2xx with a page or text type; the charset of
 * its Content-Type comes before the page's own <meta>; the address after
 * redirects becomes the article's url. Every failure (DNS, refused
 * connection, TLS, timeout, HTTP status, size, type) is one sentence
 * naming the address. Text that is not UTF-8 is read in the charset
 * uchardet and French usage suggest (o->charset overrides), said on
 * o->notes; bytes with control characters are refused as binary. */
#define ORA_FETCH_TIMEOUT 30
int ora_read_input(const char *input, const ora_options *o, ora_article *a,
                   ora_error *err);
/* Whether iconv knows a charset name (for --charset). */
bool ora_charset_known(const char *name);
/* A normalizer for the options' voice with the user lexicons added. */
ora_normalizer *ora_normalizer_for(const ora_options *o, ora_error *err);
/* Reads input and builds its normalized script. */
int ora_prepare(const char *input, const ora_options *o, ora_article *a,
                ora_script *s, ora_error *err);
/* The same; voice (size bytes) receives the voice that would speak it. */
int ora_prepare_voice(const char *input, const ora_options *o, ora_article *a,
                      ora_script *s, char *voice, size_t size, ora_error *err);
/* Whether the options make sense, before anything is read: values in
 * range, a voice eSpeak NG has, an output format known from output's
 * extension, no two outputs on one file. output may be NULL (nothing
 * written: --print). A failure here is the caller's mistake, not the
 * input's: the CLI exits 2 on it. ora_convert checks the same. */
int ora_check_options(const char *output, const ora_options *o, ora_error *err);
/* The chapters of input as its audio would have them (the title, each
 * sub-heading, the notice), with their times: the article is read and
 * spoken as ora_convert would, the samples dropped as they come, and
 * nothing written. Free them with ora_chapters_free. */
int ora_chapters_of(const char *input, const ora_options *o, ora_chapter **chapters,
                    size_t *n, ora_error *err);
void ora_chapters_free(ora_chapter *chapters, size_t n);
/* Reads, speaks and encodes input to output; the format comes from the
 * output's extension ("-": WAV on standard output). Memory stays flat
 * (about 15 MB for a 25-minute article); see the top of this file. */
int ora_convert(const char *input, const char *output, const ora_options *o,
                ora_result *r, ora_error *err);

/* ── Batches: many articles, one worker process each ────────────────────── */

typedef enum {
    ORA_PROGRESS_AUTO,  /* a redrawn bar on a terminal, plain lines otherwise */
    ORA_PROGRESS_LINES, /* one plain line per finished article */
    ORA_PROGRESS_NONE
} ora_progress;

typedef struct {
    const char *outdir;  /* every output goes here, whatever the input path */
    const char *format;  /* extension: "ogg", "wav", "flac", "opus", "mp3",
                          * "epub" */
    int jobs;            /* worker processes; 0: one per core */
    bool resume;         /* skip outputs complete and made from the same input */
    const char *log;     /* JSON-lines log path, or NULL */
    int shard, shards;   /* take the shard-th (1-based) of shards slices */
    ora_progress progress;
    /* The web address outdir is served at, or NULL. When set, outdir gets
     * feed.xml, a podcast feed (RSS 2.0) of every episode converted there,
     * updated by each later batch; beside each episode go its report
     * (NAME.json), transcript (NAME.vtt) and chapters (NAME.chapters.json).
     * outdir/feed.conf may name the channel (title, description,
     * language, author, email, image, link, category). */
    const char *feed;
} ora_batch_options;

typedef struct {
    size_t done, skipped, failed;
    double audio_seconds;
} ora_batch_summary;

void ora_batch_options_default(ora_batch_options *b);
/* Reads a list of input paths, one a line ("-": standard input). */
int ora_read_list(const char *path, char ***inputs, size_t *n, ora_error *err);
void ora_free_list(char **inputs, size_t n);
/* Output path in b->outdir for each input: the input's name with the
 * format's extension, made unique within the list. */
char **ora_batch_outputs(const char *const *inputs, size_t n,
                         const ora_batch_options *b);
/* Whether a batch of n inputs with these options makes sense (the shard,
 * the format, the options as ora_check_options sees them, and no
 * transcript or report named once for several inputs). A failure is the
 * caller's mistake: the CLI exits 2 on it. ora_batch_run checks the same. */
int ora_batch_check(size_t n, const ora_options *o, const ora_batch_options *b,
                    ora_error *err);
/* Converts inputs (this shard's slice of them) with up to b->jobs worker
 * processes. Each output's input is recorded (size, time, a hash of its
 * bytes) in DIR/.oralise-inputs/; with b->resume an output is skipped when
 * it, the transcripts and report asked for are there and its input's bytes
 * are those recorded, and redone otherwise. A failing input is reported
 * and skipped; returns 0 when every input succeeded, 1 when some failed,
 * -1 when the batch could not run. */
int ora_batch_run(const char *const *inputs, size_t n, const ora_options *o,
                  const ora_batch_options *b, ora_batch_summary *sum,
                  ora_error *err);

#ifdef __cplusplus
}
#endif
#endif
