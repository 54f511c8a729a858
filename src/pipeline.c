/* The whole job, from input path to audio file, for the CLI and for
 * programs that link the library: read, script, normalize (keeping the
 * alignment for the transcript), speak (recording where each sentence
 * starts), shorten to --max-duration, bring to the loudness target, encode,
 * and write every output file at once. With "-o -" the samples go to
 * standard output as eSpeak NG makes them.
 *
 * Memory stays flat however long the article: the speech goes straight to
 * its file (WAV, FLAC at eSpeak NG's level) or to a spool on disk, from
 * which the loudness passes and the encoder read it block by block. */
#include "internal.h"
#include "publish/publish.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <threads.h>
#include <unistd.h>

/* Lossy coders move peaks by a few tenths of a dB: their ceiling leaves
 * room so the decoded file still stays under -1 dBTP. */
#define CEILING_LOSSLESS -1.0
#define CEILING_LOSSY -1.5 /* Opus too: its encoder mends its own bursts (enc_opus_guard) */
/* Vorbis at oggenc's default quality overshoots the limiter's ceiling by
 * up to 1.3 dB on eSpeak NG's speech (measured on two 7,000-word
 * articles): with 0.5 dB less than the other lossy formats, the first
 * encoding holds -1 dBTP and none is made again. */
#define CEILING_VORBIS -2.0
/* The limiter aims this far under its ceiling: its estimate of the true
 * peak is not the measured one (level_plan). */
#define LIMITER_ROOM 0.3
#define DEFAULT_LUFS -19.0 /* mono speech; the -16 LUFS stereo podcast norm */
/* Silence around the speech in lossy files: their decoders and players
 * may lose the first milliseconds, and a clip that starts on a word
 * sounds cut. */
#define DEFAULT_PAD 0.5

void ora_options_default(ora_options *o)
{
    memset(o, 0, sizeof *o);
    o->input_kind = ORA_INPUT_AUTO;
    ora_script_options_default(&o->script);
    o->voice.voice = "fr";
    o->loudness_lufs = NAN;
    o->quality = -1;
    o->cues = ORA_CUES_SHORT;
    o->pad_seconds = NAN;
}

ora_normalizer *ora_normalizer_for(const ora_options *o, ora_error *err)
{
    ora_normalizer *n = ora_normalizer_new(o->voice.voice, err);
    if (n && !o->no_lang_switch && ora_normalizer_set_lang_switch(n, true, err) < 0) {
        ora_normalizer_free(n);
        return NULL;
    }
    for (size_t i = 0; n && i < o->n_lexicons; i++)
        if (ora_normalizer_add_lexicon(n, o->lexicons[i], err) < 0) {
            ora_normalizer_free(n);
            n = NULL;
        }
    return n;
}

/* Like ora_script_normalize, but keeps each segment's alignment in nz. */
/* A sentence longer than this is no sentence a reader could follow (a
 * table flattened into one line, a page without full stops): it is ended
 * at its next clause mark, so that snippets and transcripts, which cut and
 * time by sentence, still have places to do so. */
#define RUNAWAY_SENTENCE 1000

/* In place, one byte for one, so the alignment's spans stay right. The
 * next word gets a capital: eSpeak NG ends no sentence before a small
 * letter. */
static void end_runaway_sentences(char *t)
{
    size_t run = 0;
    for (char *p = t; *p; p++, run++) {
        if (strchr(".!?", *p))
            run = 0;
        else if (run > RUNAWAY_SENTENCE && strchr(",;:", *p) && p[1] == ' ' &&
                 p[2] >= 'a' && p[2] <= 'z')
            *p = '.', p[2] = (char)(p[2] - 'a' + 'A'), run = 0;
    }
}

static int normalize_aligned(ora_script *s, const ora_normalizer *n,
                             ora_normalized *nz, ora_error *err)
{
    for (size_t i = 0; i < s->n; i++) {
        const char *w = s->segs[i].written;
        if (ora_normalize(n, w, strlen(w), &nz[i], err) < 0)
            return -1;
        end_runaway_sentences(nz[i].text);
        if (segment_set_spoken(&s->segs[i], &nz[i]) < 0) {
            ora_set_error(err, "out of memory.");
            return -1;
        }
    }
    return 0;
}

/* The voice for an article: the options' own, unless none was chosen and
 * the article is in another language that eSpeak NG speaks. */
static int article_voice(const ora_options *o, const ora_article *a,
                         char *voice, size_t size, ora_error *err)
{
    const char *own = o->voice.voice ? o->voice.voice : "fr";
    char lang[16] = "";
    if (a->lang && strlen(a->lang) < sizeof lang)
        memcpy(lang, a->lang, strcspn(a->lang, "-_")), lang[strcspn(a->lang, "-_")] = '\0';
    if (o->keep_voice || !*lang || strcmp(lang, "fr") == 0) {
        snprintf(voice, size, "%s", own);
        return 0;
    }
    if (!speak_language_known(lang)) {
        ora_set_error(err, "the article is in the language \"%s\", which eSpeak NG cannot "
                      "speak; give --voice fr to read it with the French voice anyway.", lang);
        return -1;
    }
    snprintf(voice, size, "%s", lang);
    return 0;
}

static bool voice_is_french(const char *voice)
{
    return strncmp(voice, "fr", 2) == 0 && (!voice[2] || voice[2] == '-' || voice[2] == '+');
}

/* The written text as it is, for a voice of another language: the
 * normalizer's French words would be wrong there. */
static int keep_verbatim(ora_script *s, ora_normalized *nz)
{
    for (size_t i = 0; i < s->n; i++) {
        const char *w = s->segs[i].written;
        free(s->segs[i].spoken);
        s->segs[i].spoken = ora_strdup(w);
        if (!nz)
            continue;
        size_t len = strlen(w);
        nz[i].text = ora_strdup(w), nz[i].len = len;
        nz[i].spans = malloc(sizeof *nz[i].spans);
        if (!nz[i].spans)
            return -1;
        nz[i].spans[0] = (ora_span){0, len, 0, len};
        nz[i].n_spans = nz[i].cap_spans = 1;
    }
    return 0;
}

/* Reads and builds the normalized script; nz (may be NULL) receives one
 * alignment per segment, to be freed with the script's count. voice
 * receives the voice that will speak it. */
static int prepare(const char *input, const ora_options *o, ora_article *a,
                   ora_script *s, ora_normalized **nz, char *voice, size_t size,
                   ora_error *err)
{
    ora_article_init(a);
    memset(s, 0, sizeof *s);
    if (ora_read_input(input, o, a, err) < 0 ||
        article_voice(o, a, voice, size, err) < 0 ||
        ora_script_build(a, &o->script, s, err) < 0)
        return -1;
    if (nz && !(*nz = calloc(s->n ? s->n : 1, sizeof **nz))) {
        ora_set_error(err, "out of memory.");
        return -1;
    }
    if (!voice_is_french(voice))
        return keep_verbatim(s, nz ? *nz : NULL) < 0 ? -1 : 0;
    ora_normalizer *own = o->normalizer ? NULL : ora_normalizer_for(o, err);
    const ora_normalizer *n = o->normalizer ? o->normalizer : own;
    int rc = -1;
    if (n && nz)
        rc = normalize_aligned(s, n, *nz, err);
    else if (n)
        rc = ora_script_normalize(s, n, err);
    ora_normalizer_free(own);
    return rc;
}

int ora_prepare(const char *input, const ora_options *o, ora_article *a,
                ora_script *s, ora_error *err)
{
    char voice[40];
    return prepare(input, o, a, s, NULL, voice, sizeof voice, err);
}

int ora_prepare_voice(const char *input, const ora_options *o, ora_article *a,
                      ora_script *s, char *voice, size_t size, ora_error *err)
{
    return prepare(input, o, a, s, NULL, voice, size, err);
}

/* ── The job ──────────────────────────────────────────────────────────── */

/* One part as heard: its place in the audio, in samples. */
typedef struct {
    ora_segment_role role;
    const char *written;
    size_t start, end;
    bool spoken; /* false when --max-duration left it out */
} said;

typedef struct {
    const ora_options *o;
    ora_options own; /* the caller's options with the article's voice */
    char voice[40];
    const char *output;
    ora_format fmt;
    bool stream;
    ora_article a;
    ora_script s;
    ora_normalized *nz;
    ora_audio au;
    said *said;
    size_t n_said;
    ora_transcript tr;
    ora_chapter *chap;
    size_t n_chap;
    ora_loudness loud;
    bool measured, shortened;
    bool stdout_wav; /* "-" with --max-duration: whole, then out */
    double target;
    /* WAV or FLAC at eSpeak's level goes to its file as it is spoken. */
    bool file_stream;
    file_stream fs;
    ora_tags tags;
    ora_encode_options eo;
    /* Anything else waits in the spool, measured (raw) on its way in, and
     * for Opus resampled on its way in, so that the loudness is set on
     * what is coded. */
    bool spooled;
    pcm_spool spool;
    resampler *rs;
    meter *raw;
    ora_error capture_err;
    level_settings stdout_level;
    peak_list cuts; /* where the limiter must hold lower (encode_spooled) */
    struct ahead *ahead; /* an encoding begun while the speech is made */
    bool overlap;        /* so it will be (see ahead_wanted) */
    ora_chapter *plan;   /* its chapters, untimed: the header's first form */
    char **plan_names;
    /* --pad: silence before and after the speech, added on the way out
     * (padded_sink), so that every time is first taken on the speech
     * alone and then moved by pad_ms. */
    double pad_s;
    bool led;              /* the silence before has gone out */
    ora_audio_sink out;    /* where padded_sink sends the samples */
    void *out_user;
    off_t header_at;       /* -o - into a file: where its WAV header is; -1 */
    char *excerpt;         /* what a snippet says last, in place of the notice */
    /* ora_chapters_of: no file at all; the samples are counted and
     * dropped, and the chapters are handed over here. */
    bool discard;
    ora_chapter **chapters_out;
    size_t *n_chapters_out;
    bool epub;          /* a talking book: MP3 and text, packaged (publish/) */
    sentence_list sent; /* for the book: each sentence's text and time */
} job;

static void ahead_stop(job *j);
static int ahead_join(job *j, bool finish);
static void free_names(char **names);

static void job_free(job *j)
{
    ahead_stop(j);
    free(j->plan);
    free_names(j->plan_names);
    for (size_t i = 0; j->nz && i < j->s.n; i++)
        ora_normalized_free(&j->nz[i]);
    free(j->nz);
    free(j->said);
    free(j->chap);
    ora_transcript_free(&j->tr);
    ora_audio_free(&j->au);
    file_stream_free(&j->fs);
    spool_close(&j->spool);
    resampler_free(j->rs);
    meter_free(j->raw);
    peak_list_free(&j->cuts);
    free(j->excerpt);
    sentence_list_free(&j->sent);
    ora_script_free(&j->s);
    ora_article_free(&j->a);
}

/* ── --pad ────────────────────────────────────────────────────────────── */

static size_t pad_samples(const job *j)
{
    return (size_t)llround(j->pad_s * j->au.rate);
}

static long pad_ms(const job *j)
{
    return ora_audio_ms(&j->au, pad_samples(j));
}

/* The audio as written: the speech and the silences around it. */
static double total_seconds(const job *j)
{
    return j->au.rate ? (double)(j->au.n + 2 * pad_samples(j)) / j->au.rate : 0;
}

static int silence_out(job *j, size_t n)
{
    static const int16_t zeros[1024];
    for (size_t k; n > 0; n -= k)
        if (j->out(j->out_user, zeros, (k = n < 1024 ? n : 1024)) < 0)
            return -1;
    return 0;
}

/* The sink of the speech: the silence before it, then its samples. */
static int padded_sink(void *user, const int16_t *s, size_t n)
{
    job *j = user;
    if (!j->led) {
        j->led = true;
        if (silence_out(j, pad_samples(j)) < 0)
            return -1;
    }
    return n ? j->out(j->out_user, s, n) : 0;
}

/* The silence after the speech (and the one before, if no sample came). */
static int pad_end(job *j)
{
    if (!j->out || padded_sink(j, NULL, 0) < 0)
        return j->out ? -1 : 0;
    return silence_out(j, pad_samples(j));
}

/* Adds the cues and words of a part spoken over [start, end) to the
 * transcript. */
static int transcribe(job *j, size_t index, const char *written, const ora_normalized *nz,
                      const ora_marks *m, size_t start, size_t end, ora_error *err)
{
    ora_mark first = {0, start};
    if (ora_transcript_add_timed(&j->tr, index, written, nz, m, start, end, j->au.rate,
                                 j->o->cues) == 0 &&
        (!j->epub || sentences_add_segment(&j->sent, index, written, nz, m->n ? m->v : &first,
                                           m->n ? m->n : 1, end) == 0))
        return 0;
    ora_set_error(err, "out of memory while timing the transcript.");
    return -1;
}

/* Speaks one text, adding its sentences to the transcript. */
static int speak_part(job *j, size_t index, const char *written,
                      const ora_normalized *nz, ora_error *err)
{
    ora_marks m = {0};
    size_t start = j->au.n;
    int rc = ora_speak_runs_marks(nz->text, nz->runs, nz->n_runs, &j->au, &m, err);
    if (rc == 0)
        rc = transcribe(j, index, written, nz, &m, start, j->au.n, err);
    ora_marks_free(&m);
    return rc;
}

/* Where the end that a cut keeps whole starts: the trailing notice and
 * --outro (never more than four parts). */
static size_t tail_start(const ora_script *s)
{
    size_t from = s->n;
    while (from > 0 && (s->segs[from - 1].role == ORA_SEG_NOTICE ||
                        s->segs[from - 1].role == ORA_SEG_OUTRO))
        from--;
    return s->n - from > 4 ? s->n - 4 : from;
}

/* The samples of speech a snippet may hold: --max-duration less the
 * silences of --pad around it; SIZE_MAX without a limit. */
static size_t max_samples(const job *j)
{
    if (j->o->max_seconds <= 0)
        return SIZE_MAX;
    double speech = j->o->max_seconds - 2 * j->pad_s;
    return speech > 0 ? (size_t)(speech * j->au.rate) : 0;
}

static int speak_all(job *j, ora_error *err)
{
    size_t tail = tail_start(&j->s), max = max_samples(j);
    j->said = calloc(j->s.n + 1, sizeof *j->said); /* + a closing line */
    if (!j->said) {
        ora_set_error(err, "out of memory.");
        return -1;
    }
    for (size_t i = 0; i < j->s.n; i++) {
        const ora_segment *g = &j->s.segs[i];
        said *p = &j->said[j->n_said++];
        /* Past --max-duration the body would be cut anyway: a snippet of
         * a long article speaks only what it can keep; its end is spoken
         * again by shorten, saying that the excerpt ends. */
        if (j->au.n > max) {
            *p = (said){g->role, g->written, j->au.n, j->au.n, false};
            continue;
        }
        *p = (said){g->role, g->written, j->au.n, 0, true};
        *err->msg = '\0';
        /* A body part stops once the snippet is full (a 232 KB sentence
         * took 400 MB); the end (notice, --outro) is spoken whole. */
        speak_stop_at(i < tail && max != SIZE_MAX ? max + (size_t)j->au.rate : 0);
        int rc = speak_part(j, i, g->written, &j->nz[i], err);
        speak_stop_at(0);
        if (rc < 0)
            return -1;
        p->end = j->au.n;
        if (ora_audio_silence(&j->au, g->pause_ms) < 0) {
            ora_set_error(err, "cannot add pauses to the audio.");
            return -1;
        }
    }
    return 0;
}

/* ── --max-duration ───────────────────────────────────────────────────── */

/* Forgets the cues and words of the parts from `from` on: the last ones. */
static void forget_from(ora_transcript *t, size_t from)
{
    while (t->n && t->cues[t->n - 1].segment >= from)
        free(t->cues[--t->n].text);
    while (t->n_words && t->words[t->n_words - 1].segment >= from)
        free(t->words[--t->n_words].text);
}

/* Says that the excerpt ends (and with paywall, that the rest is for
 * subscribers), as part index. The notice's share of the article left is
 * not said: it was about the whole article, and the snippet leaves out
 * more than that. */
static int speak_excerpt(job *j, size_t index, bool paywall, ora_error *err)
{
    free(j->excerpt);
    if (!(j->excerpt = script_excerpt_line(paywall, err)))
        return -1;
    size_t len = strlen(j->excerpt);
    ora_span span = {0, len, 0, len};
    ora_normalized nz = {j->excerpt, len, &span, 1, 1, NULL, 0};
    return len ? speak_part(j, index, j->excerpt, &nz, err) : 0;
}

/* The end of the snippet, spoken again into tail, its parts into ts and
 * its cues and words at the end of j->tr (from *c0 and *w0 on), timed
 * from 0: the notice and --outro, the notice saying now that the excerpt
 * ends (unless --notice gave its own words); or, when nothing ends the
 * article, a closing line, so a snippet never stops in the air. */
static int take_tail(job *j, size_t from, ora_audio *tail, said *ts, size_t *n_ts,
                     size_t *c0, size_t *w0, ora_error *err)
{
    forget_from(&j->tr, from);
    *c0 = j->tr.n, *w0 = j->tr.n_words, *n_ts = 0;
    ora_audio body = j->au;
    ora_audio_init(&j->au, body.rate);
    bool closing = from == j->n_said;
    int rc = 0;
    for (size_t i = from; rc == 0 && i < (closing ? from + 1 : j->n_said); i++) {
        const ora_segment *g = closing ? NULL : &j->s.segs[i];
        bool excerpt = closing || (g->role == ORA_SEG_NOTICE && !j->o->script.notice_text);
        size_t start = j->au.n;
        *err->msg = '\0';
        rc = excerpt ? speak_excerpt(j, i, !closing, err)
                     : speak_part(j, i, g->written, &j->nz[i], err);
        const char *text = excerpt ? j->excerpt : g->written;
        if (rc == 0 && text && *text)
            ts[(*n_ts)++] = (said){closing ? ORA_SEG_OUTRO : g->role, text, start, j->au.n, true};
        if (rc == 0 && !closing && ora_audio_silence(&j->au, g->pause_ms) < 0) {
            ora_set_error(err, "out of memory.");
            rc = -1;
        }
    }
    *tail = j->au;
    j->au = body;
    return rc;
}

/* The last cue before c0 that ends a sentence by limit_ms; -1 if none. */
static long last_fitting_cue(const ora_transcript *t, size_t c0, long limit_ms)
{
    long k = -1;
    for (size_t i = 0; i < c0; i++)
        if (t->cues[i].ends_sentence && t->cues[i].end_ms <= limit_ms)
            k = (long)i;
    return k;
}

/* Keeps the cues up to k and the words said by then, then the tail's,
 * moved by shift. */
static void splice_transcript(ora_transcript *t, size_t k, size_t c0, size_t w0, long shift)
{
    long cut_ms = t->cues[k].end_ms;
    for (size_t i = k + 1; i < c0; i++)
        free(t->cues[i].text);
    size_t n = k + 1;
    for (size_t i = c0; i < t->n; i++, n++) {
        t->cues[n] = t->cues[i];
        t->cues[n].start_ms += shift, t->cues[n].end_ms += shift;
    }
    t->n = n;
    n = 0;
    for (size_t i = 0; i < t->n_words; i++) {
        ora_word w = t->words[i];
        if (i < w0 && w.end_ms > cut_ms) {
            free(w.text);
            continue;
        }
        if (i >= w0)
            w.start_ms += shift, w.end_ms += shift;
        t->words[n++] = w;
    }
    t->n_words = n;
}

/* Keeps the sentences up to cue k, a pause, then the tail. */
static int splice_tail(job *j, size_t from, size_t k, size_t c0, size_t w0, const ora_audio *tail,
                  const said *ts, size_t n_ts, size_t pause, ora_error *err)
{
    size_t cut = (size_t)llround(j->tr.cues[k].end_ms * (double)j->au.rate / 1000);
    if (cut > j->au.n)
        cut = j->au.n;
    j->au.n = cut;
    if (ora_audio_silence(&j->au, (int)(pause * 1000 / (size_t)j->au.rate)) < 0 ||
        ora_audio_append(&j->au, tail->samples, tail->n) < 0) {
        ora_set_error(err, "out of memory.");
        return -1;
    }
    size_t at = j->au.n - tail->n; /* the silence may round a sample off */
    splice_transcript(&j->tr, k, c0, w0, ora_audio_ms(&j->au, at));
    for (size_t i = 0; i < from; i++) {
        j->said[i].spoken = j->said[i].start < cut;
        if (j->said[i].end > cut)
            j->said[i].end = cut;
    }
    for (size_t i = 0; i < n_ts; i++) {
        j->said[from + i] = ts[i];
        j->said[from + i].start += at, j->said[from + i].end += at;
    }
    j->n_said = from + n_ts;
    j->shortened = true;
    return 0;
}

static int shorten(job *j, ora_error *err)
{
    size_t max = max_samples(j);
    if (j->o->max_seconds <= 0 || j->au.n <= max)
        return 0;
    size_t from = tail_start(&j->s); /* one part said per segment so far */
    ora_audio tail;
    said ts[5];
    size_t n_ts = 0, c0 = 0, w0 = 0;
    size_t pause = (size_t)j->au.rate * (size_t)j->o->script.pause_notice_ms / 1000;
    int rc = take_tail(j, from, &tail, ts, &n_ts, &c0, &w0, err);
    long limit = tail.n + pause < max ? ora_audio_ms(&j->au, max - tail.n - pause) : -1;
    long k = rc == 0 ? last_fitting_cue(&j->tr, c0, limit) : -1;
    if (rc == 0 && k < 0) {
        ora_set_error(err, "--max-duration %g s is too short for the first sentence and the closing words.", j->o->max_seconds);
        rc = -1;
    }
    if (rc == 0)
        rc = splice_tail(j, from, (size_t)k, c0, w0, &tail, ts, n_ts, pause, err);
    ora_audio_free(&tail);
    return rc;
}

/* ── Chapters: the title block, each sub-heading, the notice ─────────── */

/* A notice names its chapter by its first sentence ("Fin de la partie
 * gratuite de cet article."), not the whole text. */
static char *chapter_title(const said *p)
{
    const char *w = p->written;
    const char *stop = p->role == ORA_SEG_NOTICE ? strstr(w, ". ") : NULL;
    return stop ? ora_strndup(w, (size_t)(stop - w) + 1) : ora_strdup(w);
}

static int build_chapters(job *j, char ***names)
{
    j->chap = calloc(j->n_said + 1, sizeof *j->chap);
    *names = calloc(j->n_said + 1, sizeof **names);
    if (!j->chap || !*names)
        return -1;
    (*names)[0] = ora_strdup(j->a.title && *j->a.title ? j->a.title : "Début");
    j->chap[j->n_chap++] = (ora_chapter){0, 0, (*names)[0]};
    for (size_t i = 0; i < j->n_said; i++) {
        const said *p = &j->said[i];
        if (!p->spoken || (p->role != ORA_SEG_HEADING && p->role != ORA_SEG_NOTICE) || p->start == 0)
            continue;
        (*names)[j->n_chap] = chapter_title(p);
        j->chap[j->n_chap] = (ora_chapter){ora_audio_ms(&j->au, p->start) + pad_ms(j), 0,
                                           (*names)[j->n_chap]};
        j->n_chap++;
    }
    for (size_t i = 0; i < j->n_chap; i++)
        j->chap[i].end_ms = i + 1 < j->n_chap ? j->chap[i + 1].start_ms
                                              : llround(total_seconds(j) * 1000);
    return 0;
}

static void free_names(char **names)
{
    for (size_t i = 0; names && names[i]; i++)
        free(names[i]);
    free(names);
}

/* ── Loudness ─────────────────────────────────────────────────────────── */

static bool lossy(ora_format f)
{
    return f == ORA_FMT_OGG || f == ORA_FMT_OPUS || f == ORA_FMT_MP3;
}

/* The target in LUFS, NAN to keep eSpeak NG's level. */
static double loudness_target(const ora_options *o, ora_format f)
{
    if (o->loudness_off)
        return NAN;
    if (!isnan(o->loudness_lufs))
        return o->loudness_lufs;
    return lossy(f) ? DEFAULT_LUFS : NAN;
}

/* The silence around the speech, in seconds: as asked, else DEFAULT_PAD
 * in lossy files only. */
static double pad_for(const ora_options *o, ora_format f)
{
    return !isnan(o->pad_seconds) ? o->pad_seconds : lossy(f) ? DEFAULT_PAD : 0;
}

/* Opus takes loudness away, the more so at low bitrates (measured on
 * eSpeak NG speech, application "audio": 0.62 LU at quality 0, 0.29 at
 * 0.4, 0.15 at 1): aiming that much higher spares second encodings. */
static double opus_loss(ora_format f, double quality)
{
    double q = quality >= 0 ? quality : 0.4;
    return f == ORA_FMT_OPUS ? 0.15 + 0.47 * (1 - q) * (1 - q) : 0;
}

static double ceiling_for(ora_format f)
{
    return f == ORA_FMT_OGG ? CEILING_VORBIS : lossy(f) ? CEILING_LOSSY : CEILING_LOSSLESS;
}

/* Where the decoded file passes the ceiling, that stretch is turned down
 * by the excess and a margin, with some room around: lossy coders spread a
 * transient over a frame, and MP3 decoders may shift it by up to 50 ms.
 * Opus at 24 kHz makes a few bursts near full scale out of quiet onsets
 * after silence, in any mode: a ceiling lower everywhere would cost
 * loudness and still miss them, while turning the stretch down by a few dB
 * makes the coder take another path there. */
#define CUT_PAD_MS 100
#define CUT_MARGIN_DB 0.3
#define MAX_ENCODINGS 4

static int add_cuts(job *j, const peak_list *over, int rate)
{
    size_t pad = (size_t)j->spool.rate * CUT_PAD_MS / 1000;
    double scale = (double)j->spool.rate / rate;
    for (size_t i = 0; i < over->n; i++) {
        size_t a = (size_t)(over->v[i].start * scale), b = (size_t)(over->v[i].end * scale);
        if (peak_list_add(&j->cuts, a > pad ? a - pad : 0, b + pad,
                          over->v[i].cut_db + CUT_MARGIN_DB) < 0)
            return -1;
    }
    return 0;
}

/* The peak the decoded file must hold, with a little room for rounding;
 * stretches over it are turned down at the next try. A file whose peak
 * passes it by less than ACCEPT_ROOM still holds -1 dBTP to a hundredth of
 * a dB, a hundred times what decoders differ by (float against 16 bits):
 * it is kept rather than encoded again whole (a single stretch 0.01 dB
 * over cost the 34-minute .ogg a second encoding, 5 s). */
#define CHECK_LIMIT (CEILING_LOSSLESS - 0.05)
#define ACCEPT_LIMIT (CEILING_LOSSLESS - 0.01)

/* Measures what was written: from the monitor that followed the encoding
 * (Ogg), or by decoding the file (MP3). 1: done (on target, or the last
 * try); 0: *miss (the LU to add) or cuts changed for another try; -1:
 * error. */
static int check_encoded(job *j, peak_check *live, peak_list *over, double *miss,
                         bool last, double gain, ora_error *err)
{
    ora_loudness got;
    int rate = j->spool.rate;
    int rc = live ? peak_check_result(live, &got, err)
                  : loudness_of_encoded_fd(j->fs.fd, &got, CHECK_LIMIT, over, &rate, err);
    if (rc < 0)
        return -1;
    bool off = fabs(got.integrated_lufs - j->target) > 0.3;
    *miss = off ? j->target - got.integrated_lufs : 0;
    if (last || (!off && (over->n == 0 || got.true_peak_dbtp <= ACCEPT_LIMIT))) {
        got.gain_db = gain;
        j->loud = got; /* what the file measures */
        return 1;
    }
    if (add_cuts(j, over, rate) < 0) {
        ora_set_error(err, "out of memory.");
        return -1;
    }
    return 0;
}

/* One encoding of the spool with the settings ls, then its check. */
static int encode_try(job *j, const level_settings *ls, double *miss, bool last,
                      ora_error *err)
{
    pcm_source src = spool_source(&j->spool);
    peak_list over = {0};
    /* Lossy formats decode as they encode, which spares reading the file
     * again. */
    bool follows = lossy(j->fmt);
    peak_check *live = follows ? peak_check_new(src.rate, CHECK_LIMIT, &over) : NULL;
    j->fs.monitor = live ? peak_check_sink : NULL;
    j->fs.monitor_user = live;
    j->fs.guard_dbtp = CHECK_LIMIT; /* Opus mends its bursts as it goes */
    /* The check takes the second core, unless the caller keeps to one
     * (-j 1, or an item of a batch, whose other cores are busy). */
    j->fs.monitor_thread = j->o->jobs != 1;
    int rc = level_stream(&src, ls, NULL, file_stream_sink, &j->fs, err);
    if (file_stream_close(&j->fs, err) < 0)
        rc = -1;
    if (rc == 0 && lossy(j->fmt))
        rc = check_encoded(j, live, &over, miss, last, ls->gain_db, err);
    else if (rc == 0)
        rc = 1; /* lossless: what was planned is what was written */
    peak_check_free(live);
    peak_list_free(&over);
    return rc;
}

/* Levels and encodes the spool into j->fs. A lossless file is planned
 * first, by passes that measure without writing, and written once. A
 * lossy one is encoded at once with the gain the raw measurement gives
 * (the limiter takes away a few hundredths of a LU from eSpeak NG's
 * speech), and checked as it is encoded: if the coder moved the loudness
 * off target (Opus at low bitrates loses half a LU) the gain is corrected
 * by what the check measured, and where it pushed peaks over -1 dBTP the
 * limiter is cut there; then it encodes again. */
static int encode_spooled(job *j, ora_error *err)
{
    /* Begun while the speech was made: done, or tried once (its cuts
     * kept), or failed (as when the chapters would not fit the header
     * written first): then from the start, as below. */
    if (j->ahead && ahead_join(j, true) == 1)
        return 0;
    if (j->fs.fd >= 0 && file_stream_restart(&j->fs, err) < 0)
        return -1;
    pcm_source src = spool_source(&j->spool);
    double raw = j->loud.integrated_lufs;
    j->eo.chapters = j->chap, j->eo.n_chapters = j->n_chap;
    j->fs.rate = j->spool.rate;
    if (isnan(j->target) || !isfinite(raw)) { /* as spoken (or silence) */
        level_settings as_is = {0, 0, false, NULL};
        int rc = level_stream(&src, &as_is, NULL, file_stream_sink, &j->fs, err);
        return file_stream_close(&j->fs, err) < 0 ? -1 : rc;
    }
    double aim = j->target + opus_loss(j->fmt, j->o->quality);
    level_settings ls = {aim - raw, ceiling_for(j->fmt) - LIMITER_ROOM, true, &j->cuts};
    if (!lossy(j->fmt) && level_plan(&src, raw, aim, ceiling_for(j->fmt), true, &ls,
                                     &j->loud, err) < 0)
        return -1;
    for (int tries = 1;; tries++) {
        double miss = 0;
        int rc = encode_try(j, &ls, &miss, tries == MAX_ENCODINGS, err);
        if (rc != 0)
            return rc < 0 ? -1 : 0;
        if (file_stream_restart(&j->fs, err) < 0)
            return -1;
        ls.gain_db += miss;
    }
}

/* ── Encoding while the speech is made ─────────────────────────────── */

static int speech_jobs(const ora_script *s, const ora_options *o);

/* For .ogg, .opus and .mp3 of a long article on several cores, the
 * encoder (the largest cost: libvorbis, libopus or LAME) does not wait for the
 * whole speech. A thread starts it once AHEAD_START of speech is spooled,
 * with the gain that first stretch's loudness gives; it follows the spool
 * as it grows, the limiter reading ahead what it needs. When the whole is
 * spoken and measured, the gain of the part not yet encoded is set so that
 * the whole lands on the target (blended in over 3 s, in steps of a
 * fraction of a dB), and the check of the decoded file confirms it as
 * usual. The chapters are timed only once the speech is made: the header
 * is written first with the same chapters untimed, then again, same
 * length, with their times. */
#define AHEAD_START_S 30
#define AHEAD_BLOCK 65536
#define BLEND_STEPS 16

typedef struct ahead {
    mtx_t lock;
    cnd_t changed;
    size_t ready;           /* spool samples that can be read */
    bool done, stop, timed; /* the spool is whole; give up; chapters timed */
    double *energies;       /* the whole's raw block energies, when done */
    size_t n_energies, step;
    thrd_t thread;
    double gain;            /* the gain now in use */
    int rc;                 /* 1: done; 0: another try; -1: failed */
    double miss;
    ora_error err;
} ahead;

static bool ahead_wanted(const job *j)
{
    return j->spooled && !j->stdout_wav && lossy(j->fmt) && !isnan(j->target) &&
           j->o->max_seconds <= 0;
}

/* The untimed chapters: the title, then each heading and notice after the
 * first part (build_chapters gives the same list, timed). */
static int plan_chapters(job *j)
{
    j->plan = calloc(j->s.n + 1, sizeof *j->plan);
    j->plan_names = calloc(j->s.n + 2, sizeof *j->plan_names);
    if (!j->plan || !j->plan_names)
        return -1;
    size_t n = 0;
    j->plan_names[0] = ora_strdup(j->a.title && *j->a.title ? j->a.title : "Début");
    j->plan[n++] = (ora_chapter){0, 0, j->plan_names[0]};
    for (size_t i = 1; i < j->s.n; i++) {
        const ora_segment *g = &j->s.segs[i];
        if (g->role != ORA_SEG_HEADING && g->role != ORA_SEG_NOTICE)
            continue;
        said p = {g->role, g->written, 0, 0, true};
        j->plan_names[n] = chapter_title(&p);
        j->plan[n] = (ora_chapter){0, 0, j->plan_names[n]};
        n++;
    }
    j->eo.chapters = j->plan, j->eo.n_chapters = n;
    return 0;
}

/* The gain from block `from` on (blocks before it keep g0) that brings the
 * whole to the target; NAN when too little is left to move it. */
static double gain_for_rest(const ahead *ah, size_t from, double g0, double target)
{
    double t = pow(10.0, (target + 0.691) / 10), G0 = pow(10.0, g0 / 10), Gc = G0;
    double abs_gate = pow(10.0, (-70 + 0.691) / 10);
    for (int pass = 0; pass < 3; pass++) {
        double sum = 0, sb = 0, sa = 0;
        size_t count = 0, gated = 0;
        for (size_t i = 0; i < ah->n_energies; i++) {
            double e = ah->energies[i] * (i < from ? G0 : Gc);
            if (e >= abs_gate)
                sum += e, count++;
        }
        double rel = count ? fmax(sum / (double)count * 0.1, abs_gate) : abs_gate;
        for (size_t i = 0; i < ah->n_energies; i++) {
            double e = ah->energies[i] * (i < from ? G0 : Gc);
            if (e < rel)
                continue;
            gated++;
            if (i < from)
                sb += e;
            else
                sa += ah->energies[i];
        }
        if (sa <= 0 || t * (double)gated <= sb)
            return NAN;
        Gc = (t * (double)gated - sb) / sa;
    }
    double gc = 10 * log10(Gc);
    return fabs(gc - g0) < 3 ? gc : NAN;
}

/* Waits until [a, a + AHEAD_BLOCK) and the limiter's margin can be read,
 * or the spool is whole; *n gets what can be read. false: stopped. */
static bool ahead_wait(job *j, size_t a, size_t *n, bool *done)
{
    ahead *ah = j->ahead;
    size_t need = a + AHEAD_BLOCK + level_margin(j->spool.rate);
    mtx_lock(&ah->lock);
    while (!ah->done && !ah->stop && ah->ready < need)
        cnd_wait(&ah->changed, &ah->lock);
    *n = ah->ready, *done = ah->done;
    bool go = !ah->stop;
    mtx_unlock(&ah->lock);
    return go;
}

/* The encoder runs in a stage of its own: the thread that levels hands
 * it blocks, so that the core that encodes does nothing else. */
static int to_encoder(void *user, const int16_t *s, size_t n)
{
    return stage_put(user, s, n * sizeof *s, 0);
}

static int encode_message(void *user, const void *data, size_t len, long tag)
{
    (void)tag;
    return file_stream_sink(user, data, len / sizeof(int16_t));
}

/* Levels [a, b) with the gain moving from ah->gain to `to` in steps. */
static int blend(stage *enc, level_settings *ls, const pcm_source *src, size_t a, size_t b,
                 double to, ora_error *err)
{
    double from = ls->gain_db;
    size_t step = (b - a) / BLEND_STEPS + 1;
    int rc = 0;
    for (size_t k = 0, x = a; rc == 0 && x < b; k++, x += step) {
        ls->gain_db = from + (to - from) * (double)(k + 1) / BLEND_STEPS;
        rc = level_range(src, ls, x, x + step < b ? x + step : b, NULL, to_encoder, enc, err);
    }
    ls->gain_db = to;
    return rc;
}

static int ahead_encode(job *j, level_settings *ls, stage *enc, ora_error *err)
{
    ahead *ah = j->ahead;
    bool corrected = false, done = false;
    int rc = 0;
    for (size_t a = 0, n = 0; rc == 0;) {
        if (!ahead_wait(j, a, &n, &done)) {
            ora_set_error(err, "the speech stopped.");
            return -1;
        }
        size_t b = done ? n : n - level_margin(j->spool.rate);
        b = b - a > AHEAD_BLOCK ? a + AHEAD_BLOCK : b;
        if (a >= b && done)
            break;
        pcm_source src = spool_source_upto(&j->spool, n, j->spool.rate);
        double to = NAN;
        if (done && !corrected) { /* the whole is measured: the rest aims true */
            corrected = true;
            to = gain_for_rest(ah, a / ah->step, ls->gain_db, j->target + opus_loss(j->fmt, j->o->quality));
        }
        rc = isnan(to) ? level_range(&src, ls, a, b, NULL, to_encoder, enc, err)
                       : blend(enc, ls, &src, a, b, to, err);
        a = b;
    }
    return rc;
}

static int ahead_run(void *arg)
{
    job *j = arg;
    ahead *ah = j->ahead;
    level_settings ls = {ah->gain, ceiling_for(j->fmt) - LIMITER_ROOM, true, &j->cuts};
    peak_list over = {0};
    bool follows = lossy(j->fmt);
    peak_check *live = follows ? peak_check_new(j->spool.rate, CHECK_LIMIT, &over) : NULL;
    j->fs.rate = j->spool.rate;
    j->fs.monitor = live ? peak_check_sink : NULL;
    j->fs.monitor_user = live;
    j->fs.monitor_thread = true;
    j->fs.guard_dbtp = CHECK_LIMIT;
    j->fs.reheader = true;
    stage *enc = stage_new(encode_message, &j->fs);
    int rc = enc ? ahead_encode(j, &ls, enc, &ah->err) : -1;
    if (stage_finish(enc) < 0)
        rc = -1;
    mtx_lock(&ah->lock); /* the header's times */
    while (!ah->timed && !ah->stop)
        cnd_wait(&ah->changed, &ah->lock);
    bool stop = ah->stop;
    mtx_unlock(&ah->lock);
    if (file_stream_close(&j->fs, &ah->err) < 0 || stop)
        rc = -1;
    j->fs.reheader = false;
    ah->gain = ls.gain_db;
    if (rc == 0)
        rc = check_encoded(j, live, &over, &ah->miss, false, ls.gain_db, &ah->err);
    peak_check_free(live);
    peak_list_free(&over);
    ah->rc = rc;
    return 0;
}

/* Called by the capture as the spool grows: starts the thread once the
 * first stretch is there, then tells it how far it may read. */
static void ahead_feed(job *j)
{
    size_t durable = j->spool.n - j->spool.fill;
    if (!j->ahead && durable >= (size_t)AHEAD_START_S * (size_t)j->spool.rate &&
        j->overlap && j->raw && !*j->capture_err.msg) {
        size_t n;
        const double *e = kblocks_energies(meter_blocks(j->raw), &n);
        double lufs = loudness_of_blocks(&e, &n, 1);
        ahead *ah = calloc(1, sizeof *ah);
        if (!ah || !isfinite(lufs) || plan_chapters(j) < 0) {
            free(ah);
            return;
        }
        mtx_init(&ah->lock, mtx_plain);
        cnd_init(&ah->changed);
        ah->gain = j->target + opus_loss(j->fmt, j->o->quality) - lufs;
        ah->ready = durable, ah->rc = -1;
        j->ahead = ah;
        if (thrd_create(&ah->thread, ahead_run, j) != thrd_success) {
            cnd_destroy(&ah->changed);
            mtx_destroy(&ah->lock);
            free(ah);
            j->ahead = NULL;
            j->eo.chapters = NULL, j->eo.n_chapters = 0;
        }
        return;
    }
    if (j->ahead && durable > j->ahead->ready) {
        mtx_lock(&j->ahead->lock);
        j->ahead->ready = durable;
        cnd_broadcast(&j->ahead->changed);
        mtx_unlock(&j->ahead->lock);
    }
}

/* The spool is whole and measured: the thread may read to its end and set
 * the gain of the rest. */
static void ahead_done(job *j)
{
    ahead *ah = j->ahead;
    if (!ah)
        return;
    size_t n;
    const double *e = kblocks_energies(meter_blocks(j->raw), &n);
    double *copy = malloc((n + 1) * sizeof *copy);
    mtx_lock(&ah->lock);
    if (copy)
        memcpy(copy, e, n * sizeof *copy);
    ah->energies = copy, ah->n_energies = copy ? n : 0;
    ah->step = kblocks_step(meter_blocks(j->raw));
    ah->ready = j->spool.n, ah->done = true;
    cnd_broadcast(&ah->changed);
    mtx_unlock(&ah->lock);
}

/* The chapters are timed: the thread may write the header again. */
static void ahead_timed(job *j)
{
    ahead *ah = j->ahead;
    if (!ah)
        return;
    mtx_lock(&ah->lock);
    j->eo.chapters = j->chap, j->eo.n_chapters = j->n_chap;
    ah->timed = true;
    cnd_broadcast(&ah->changed);
    mtx_unlock(&ah->lock);
}

/* Waits for the thread (stopping it first unless `finish`): its result. */
static int ahead_join(job *j, bool finish)
{
    ahead *ah = j->ahead;
    mtx_lock(&ah->lock);
    ah->stop |= !finish;
    ah->done |= !finish;
    cnd_broadcast(&ah->changed);
    mtx_unlock(&ah->lock);
    thrd_join(ah->thread, NULL);
    int rc = ah->rc;
    j->ahead = NULL;
    cnd_destroy(&ah->changed);
    mtx_destroy(&ah->lock);
    free(ah->energies);
    free(ah);
    return rc;
}

static void ahead_stop(job *j)
{
    if (j->ahead)
        ahead_join(j, false);
}

/* ── Outputs ──────────────────────────────────────────────────────────── */

static const char *format_name(ora_format f)
{
    static const char *const names[] = {"wav", "flac", "ogg", "opus", "mp3"};
    return names[f];
}

static char *report(const job *j)
{
    ora_report_segment *segs = calloc(j->n_said + 1, sizeof *segs);
    if (!segs)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < j->n_said; i++)
        if (j->said[i].spoken)
            segs[n++] = (ora_report_segment){ora_segment_role_name(j->said[i].role),
                                             j->said[i].written,
                                             ora_audio_ms(&j->au, j->said[i].start) + pad_ms(j),
                                             ora_audio_ms(&j->au, j->said[i].end) + pad_ms(j)};
    ora_report r = {&j->a, j->epub ? "epub" : j->stream && j->o->raw ? "raw" : format_name(j->fmt),
                    j->spooled ? j->spool.rate : j->au.rate, total_seconds(j), segs, n, &j->tr,
                    j->chap, j->n_chap, j->measured ? &j->loud : NULL,
                    j->target, j->shortened, (double)pad_ms(j) / 1000};
    char *json = ora_report_json(&r);
    free(segs);
    return json;
}

/* The language of the book's documents: the article's, or else the
 * voice's ("fr-be+f3" → "fr-be"). */
static const char *book_lang(const job *j, char *lang, size_t size)
{
    const char *l = j->a.lang && *j->a.lang ? j->a.lang : j->voice;
    size_t n = strspn(l, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-");
    if (n == 0 || n >= size)
        l = "fr", n = 2;
    snprintf(lang, size, "%.*s", (int)n, l);
    return lang;
}

/* The talking book, around the MP3 just encoded in j->fs. */
static int write_book(job *j, char **tmp, ora_error *err)
{
    char lang[16];
    epub_book b = {&j->a, &j->s, &j->sent, j->au.rate, pad_samples(j),
                   j->au.n + 2 * pad_samples(j), j->fs.fd, j->voice,
                   book_lang(j, lang, sizeof lang)};
    return epub_write(&b, j->output, tmp, err);
}

/* Audio (unless streamed), transcripts and report: all or none. */
static int write_outputs(job *j, ora_error *err)
{
    ora_out_file f[4];
    char *bufs[4] = {0}, *book = NULL;
    size_t n = 0;
    int rc = 0;
    if (j->file_stream || (j->spooled && !j->stdout_wav)) {
        if (j->file_stream)
            pad_end(j); /* a failure is in j->fs, for file_stream_close */
        rc = j->file_stream ? file_stream_close(&j->fs, err) : encode_spooled(j, err);
        if (rc == 0)
            rc = j->epub ? write_book(j, &book, err) : file_stream_name(&j->fs, err);
        f[n++] = (ora_out_file){j->output, NULL, 0, j->epub ? book : j->fs.tmp};
    }
    const char *paths[3] = {j->o->vtt_path, j->o->srt_path, j->o->report_path};
    for (int k = 0; rc == 0 && k < 3; k++) {
        if (!paths[k])
            continue;
        bufs[n] = k == 0 ? ora_transcript_vtt(&j->tr) : k == 1 ? ora_transcript_srt(&j->tr) : report(j);
        f[n] = (ora_out_file){paths[k], bufs[n], bufs[n] ? strlen(bufs[n]) : 0, NULL};
        if (!bufs[n++]) {
            ora_set_error(err, "out of memory while writing %s.", paths[k]);
            rc = -1;
        }
    }
    if (rc == 0)
        rc = ora_write_files(f, n, err);
    for (size_t i = 0; i < n; i++)
        free(bufs[i]);
    if (book && rc < 0)
        unlink(book); /* written, but another output failed */
    free(book);
    return rc;
}

/* ── Streaming ────────────────────────────────────────────────────────── */

static int stdout_sink(void *user, const int16_t *s, size_t n)
{
    (void)user;
    return fwrite(s, sizeof *s, n, stdout) == n && fflush(stdout) == 0 ? 0 : -1;
}

/* Where the WAV header about to be written to standard output will lie,
 * when standard output is a file that it can be written again in: -1 for
 * a pipe, or a file opened to append (where Linux's pwrite appends). */
static off_t rewritable_header_at(void)
{
    struct stat st;
    int flags = fcntl(STDOUT_FILENO, F_GETFL);
    if (fstat(STDOUT_FILENO, &st) < 0 || !S_ISREG(st.st_mode) || flags < 0 ||
        (flags & O_APPEND) || fflush(stdout) != 0)
        return -1;
    return lseek(STDOUT_FILENO, 0, SEEK_CUR);
}

/* Samples leave as soon as eSpeak NG hands them over (about every 50 ms
 * of audio), behind a WAV header that announces an open-ended stream. */
static int start_stream(job *j, ora_error *err)
{
    j->out = stdout_sink;
    j->au.sink = padded_sink;
    j->au.sink_user = j;
    j->header_at = j->o->raw ? -1 : rewritable_header_at();
    unsigned char hdr[44];
    ora_wav_stream_header(j->au.rate, hdr);
    if (!j->o->raw && (fwrite(hdr, 1, 44, stdout) != 44 || fflush(stdout) != 0)) {
        ora_set_error(err, "cannot write audio to standard output.");
        return -1;
    }
    return 0;
}

/* The silence after the stream; then, in a file ("-o - > x.wav"), the
 * header again with the real length, which a pipe could not take. */
static int end_stream(job *j, ora_error *err)
{
    errno = 0;
    bool ok = pad_end(j) == 0 && fflush(stdout) == 0;
    if (ok && j->header_at >= 0) {
        unsigned char hdr[44];
        wav_header(j->au.rate, j->au.n + 2 * pad_samples(j), hdr);
        ok = pwrite(STDOUT_FILENO, hdr, 44, j->header_at) == 44;
    }
    if (!ok)
        ora_set_error(err, "cannot write audio to standard output: %s",
                      errno ? strerror(errno) : "the device may be full");
    return ok ? 0 : -1;
}

/* "-" with --max-duration: the snippet, leveled, behind a WAV header that
 * gives its exact length. */
static int write_stdout(job *j, ora_error *err)
{
    pcm_source src = spool_source(&j->spool);
    unsigned char hdr[44];
    wav_header(src.rate, src.n, hdr);
    if (!j->o->raw && fwrite(hdr, 1, 44, stdout) != 44) {
        ora_set_error(err, "cannot write audio to standard output.");
        return -1;
    }
    return level_stream(&src, &j->stdout_level, NULL, stdout_sink, NULL, err);
}

/* ── The spool ────────────────────────────────────────────────────────── */

static int capture_tail(void *user, const int16_t *s, size_t n)
{
    job *j = user;
    if (j->raw && meter_sink(j->raw, s, n) < 0)
        return -1;
    int rc = spool_sink(&j->spool, s, n);
    ahead_feed(j);
    return rc;
}

/* The sink of j->au on the spooled path; opens all at the first samples,
 * when eSpeak NG has told its rate. */
static int capture_sink(void *user, const int16_t *s, size_t n)
{
    job *j = user;
    if (!j->spool.buf && !*j->capture_err.msg) {
        int rate = j->fmt == ORA_FMT_OPUS ? ORA_OPUS_RATE : j->au.rate;
        bool measure = !isnan(j->target) || j->o->report_path;
        bool peak = isnan(j->target); /* only reported, as spoken */
        if (spool_open(&j->spool, rate, &j->capture_err) == 0 && measure &&
            !(j->raw = meter_new(rate, peak)))
            ora_set_error(&j->capture_err, "cannot measure the loudness of the audio.");
        if (rate != j->au.rate && !*j->capture_err.msg &&
            !(j->rs = resampler_new(j->au.rate, rate, capture_tail, j)))
            ora_set_error(&j->capture_err, "cannot resample the audio to %d Hz.", rate);
    }
    if (*j->capture_err.msg)
        return -1;
    int rc = j->rs ? resampler_sink(j->rs, s, n) : capture_tail(j, s, n);
    if (rc < 0) /* the disk is full, most likely */
        ora_set_error(&j->capture_err, "cannot keep the audio in a temporary file in %s: %s",
                      temp_dir(), errno ? strerror(errno) : "the disk may be full");
    return rc;
}

/* After the speech (and the cut, which needs it in memory): everything
 * into the spool, measured. */
static int finish_capture(job *j, ora_error *err)
{
    if (j->au.samples) /* a failure is in capture_err */
        padded_sink(j, j->au.samples, j->au.n);
    pad_end(j);
    if (!*j->capture_err.msg && !j->spool.buf)
        ora_set_error(&j->capture_err, "there is no audio to write.");
    if (*j->capture_err.msg) {
        *err = j->capture_err;
        return -1;
    }
    if ((j->rs && resampler_finish(j->rs) < 0) || spool_finish(&j->spool, err) < 0) {
        if (!*err->msg)
            ora_set_error(err, "cannot resample the audio.");
        return -1;
    }
    if (j->raw && meter_result(j->raw, &j->loud, err) < 0)
        return -1;
    ahead_done(j);
    j->measured = j->raw != NULL;
    if (j->stdout_wav) { /* planned now: the report tells the loudness */
        j->stdout_level = (level_settings){0, 0, false, NULL};
        pcm_source src = spool_source(&j->spool);
        if (!isnan(j->target) && isfinite(j->loud.integrated_lufs))
            return level_plan(&src, j->loud.integrated_lufs, j->target, CEILING_LOSSLESS,
                              true, &j->stdout_level, &j->loud, err);
    }
    return 0;
}

/* ── The whole job ────────────────────────────────────────────────────── */

static int check_options(const ora_options *o, ora_error *err)
{
    if (o->max_seconds < 0 || isnan(o->max_seconds)) {
        ora_set_error(err, "--max-duration takes a number of seconds above 0.");
        return -1;
    }
    if (!o->loudness_off && !isnan(o->loudness_lufs) &&
        (o->loudness_lufs < -70 || o->loudness_lufs > -5)) {
        ora_set_error(err, "--loudness %g is out of range: use -70 to -5 LUFS, or off.", o->loudness_lufs);
        return -1;
    }
    if (!isnan(o->pad_seconds) && !(o->pad_seconds >= 0 && o->pad_seconds <= 60)) {
        ora_set_error(err, "--pad takes seconds of silence, 0 to 60.");
        return -1;
    }
    if (o->cues != ORA_CUES_SHORT && o->cues != ORA_CUES_SENTENCE) {
        ora_set_error(err, "unknown cue style: use short or sentence.");
        return -1;
    }
    if (o->quality > 1) {
        ora_set_error(err, "--quality takes a number from 0 (smallest) to 1 (best).");
        return -1;
    }
    if (ora_speak_set_pitch(o->pitch, err) < 0)
        return -1;
    return ora_voice_check(o->voice.voice ? o->voice.voice : "fr", err);
}

/* Below this much text, starting a second engine costs more than it saves. */
#define PARALLEL_MIN_CHARS 8000

static int speech_jobs(const ora_script *s, const ora_options *o)
{
    size_t chars = 0;
    for (size_t i = 0; i < s->n; i++)
        chars += strlen(s->segs[i].spoken);
    if (o->jobs == 1 || chars < PARALLEL_MIN_CHARS)
        return 1;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    return o->jobs > 0 ? o->jobs : cores > 1 ? (int)cores : 1;
}

/* Streaming to standard output keeps the order the samples come in, and a
 * snippet speaks only its first minutes: both are spoken here. */
static bool can_split(const job *j)
{
    return !j->stream && j->o->max_seconds <= 0 && speech_jobs(&j->s, j->o) > 1 && !j->overlap;
}

static bool wants_transcript(const job *j)
{
    return j->o->vtt_path || j->o->srt_path || j->o->report_path || j->epub;
}

static int synthesize_parallel(job *j, ora_error *err)
{
    size_t n = j->s.n;
    ora_timing *t = calloc(n + 1, sizeof *t);
    ora_marks *m = wants_transcript(j) ? calloc(n + 1, sizeof *m) : NULL;
    j->said = calloc(n + 1, sizeof *j->said);
    int rc = t && j->said && (m || !wants_transcript(j)) ? 0 : -1;
    if (rc < 0)
        ora_set_error(err, "out of memory.");
    else
        rc = ora_speak_script_parallel(&j->s, &j->o->voice, speech_jobs(&j->s, j->o),
                                       &j->au, t, m, err);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        const ora_segment *g = &j->s.segs[i];
        size_t start = t[i].start, end = t[i].end;
        j->said[j->n_said++] = (said){g->role, g->written, start, end, true};
        if (m)
            rc = transcribe(j, i, g->written, &j->nz[i], &m[i], start, end, err);
    }
    for (size_t i = 0; m && i < n; i++)
        ora_marks_free(&m[i]);
    free(m);
    free(t);
    return rc;
}

static int discard_sink(void *user, const int16_t *s, size_t n)
{
    (void)user, (void)s, (void)n;
    return 0;
}

/* Where the samples go as they are spoken: the output file, the spool, or
 * (for a cut, which needs them all) memory. */
static void route_speech(job *j)
{
    ora_tags_from_article(&j->a, &j->tags);
    j->eo = (ora_encode_options){&j->tags, NULL, 0, j->o->quality, false};
    j->fs.rate_from = &j->au;
    if (j->file_stream)
        j->out = file_stream_sink, j->out_user = &j->fs;
    else if (j->spooled)
        j->out = capture_sink, j->out_user = j;
    if (j->out && j->o->max_seconds <= 0) {
        j->au.sink = padded_sink;
        j->au.sink_user = j;
    } else if (j->discard && j->o->max_seconds <= 0) {
        j->au.sink = discard_sink;
    }
}

static int synthesize(job *j, ora_error *err)
{
    route_speech(j);
    /* A long article to a lossy format on several cores: one core encodes
     * while this one speaks (eSpeak NG makes speech about 3.5 times as
     * fast as libvorbis codes it), and the check of what is coded takes
     * what is left; a second speaker would only take the encoder's core. */
    j->overlap = ahead_wanted(j) && !j->stream && speech_jobs(&j->s, j->o) > 1;
    if (can_split(j))
        return synthesize_parallel(j, err);
    if (ora_speak_init(&j->o->voice, err) < 0)
        return -1;
    j->au.rate = ora_speak_sample_rate();
    int rc = j->stream ? start_stream(j, err) : 0;
    if (rc == 0)
        rc = speak_all(j, err);
    if (rc == 0 && j->stream)
        rc = end_stream(j, err);
    else if (rc == 0)
        rc = shorten(j, err); /* may speak a closing line */
    ora_speak_shutdown();
    return rc;
}

/* Copies of the chapters, titles included, for ora_chapters_of. */
static int keep_chapters(job *j)
{
    if (!j->chapters_out)
        return 0;
    ora_chapter *c = calloc(j->n_chap + 1, sizeof *c);
    if (!c)
        return -1;
    for (size_t i = 0; i < j->n_chap; i++) {
        c[i] = j->chap[i];
        c[i].title = ora_strdup(j->chap[i].title);
    }
    *j->chapters_out = c, *j->n_chapters_out = j->n_chap;
    return 0;
}

static int run(job *j, const char *input, ora_error *err)
{
    char **names = NULL;
    j->target = j->stream ? NAN : loudness_target(j->o, j->fmt);
    int rc = prepare(input, j->o, &j->a, &j->s, &j->nz, j->voice, sizeof j->voice, err);
    if (rc == 0) {
        j->own = *j->o;
        j->own.voice.voice = j->voice;
        j->o = &j->own;
    }
    if (rc == 0 && (rc = synthesize(j, err)) < 0) {
        /* A sink that failed says why better than eSpeak NG can. */
        if (*j->capture_err.msg)
            *err = j->capture_err;
        else if (*j->fs.error.msg)
            *err = j->fs.error;
    }
    if (rc == 0 && j->spooled)
        rc = finish_capture(j, err);
    if (rc == 0)
        ora_transcript_shift(&j->tr, pad_ms(j)); /* timed on the speech alone */
    if (rc == 0 && (build_chapters(j, &names) < 0 || keep_chapters(j) < 0)) {
        ora_set_error(err, "out of memory.");
        rc = -1;
    }
    if (rc == 0)
        ahead_timed(j);
    if (rc == 0)
        rc = write_outputs(j, err);
    if (rc == 0 && j->stdout_wav)
        rc = write_stdout(j, err);
    free_names(names);
    return rc;
}

/* A path as its folder's real path and its own name, so that "x.wav" and
 * "./x.wav" compare equal before either exists. */
static char *canonical_path(const char *path)
{
    char *dir = folder_of(path);
    char *real = dir ? realpath(dir, NULL) : NULL;
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "%s/%s", real ? real : (dir ? dir : ""), base_name(path));
    free(dir), free(real);
    return sb_take(&b);
}

/* Outputs are renamed into place when whole: that would replace a FIFO,
 * or a device such as /dev/null, with a plain file. */
static int check_regular_outputs(const char *output, const ora_options *o, ora_error *err)
{
    const char *paths[] = {output, o->vtt_path, o->srt_path, o->report_path};
    const char *names[] = {"-o", "--vtt", "--srt", "--report"};
    for (int a = 0; a < 4; a++) {
        struct stat st;
        if (paths[a] && strcmp(paths[a], "-") != 0 && stat(paths[a], &st) == 0 &&
            !S_ISREG(st.st_mode)) {
            ora_set_error(err, "%s %s is not a regular file (%s): oralise writes whole files; "
                          "give a file name, or -o - to stream into a pipe.", names[a], paths[a],
                          S_ISFIFO(st.st_mode) ? "a named pipe" : S_ISDIR(st.st_mode) ? "a folder"
                                                                                   : "a device");
            return -1;
        }
    }
    return 0;
}

/* Two outputs of one run on the same file would leave only the last one
 * written: the audio lost behind its own transcript. */
static int check_distinct_names(const char *output, const ora_options *o, ora_error *err)
{
    const char *paths[] = {output, o->vtt_path, o->srt_path, o->report_path};
    const char *names[] = {"-o", "--vtt", "--srt", "--report"};
    for (int a = 0; a < 4; a++)
        for (int b = a + 1; b < 4; b++) {
            if (!paths[a] || !paths[b] || strcmp(paths[a], "-") == 0)
                continue;
            char *ca = canonical_path(paths[a]), *cb = canonical_path(paths[b]);
            bool same = strcmp(ca, cb) == 0;
            free(ca), free(cb);
            if (same) {
                ora_set_error(err, "%s and %s name the same file (%s): give each output its own name.",
                              names[a], names[b], paths[b]);
                return -1;
            }
        }
    return 0;
}

char *sidecar_beside(const char *output, const char *ext)
{
    const char *base = base_name(output), *dot = strrchr(base, '.');
    size_t stem = dot && dot > base ? (size_t)(dot - output) : strlen(output);
    strbuf b;
    sb_init(&b);
    sb_add(&b, output, stem);
    sb_adds(&b, ext);
    return sb_take(&b);
}

/* own gets o with each transcript or report asked for without a name
 * ("") named after the audio output: "a.ogg" → "a.vtt", "a.srt", "a.json".
 * The names made are in made[3], for the caller to free. */
static int resolve_sidecars(const char *output, const ora_options *o, ora_options *own,
                            char *made[3], ora_error *err)
{
    static const char *const exts[3] = {".vtt", ".srt", ".json"};
    static const char *const opts[3] = {"--vtt", "--srt", "--report"};
    const char **paths[3] = {&own->vtt_path, &own->srt_path, &own->report_path};
    *own = *o;
    made[0] = made[1] = made[2] = NULL;
    for (int k = 0; k < 3; k++) {
        if (!*paths[k] || **paths[k])
            continue;
        if (strcmp(output, "-") == 0) {
            ora_set_error(err, "%s without a file name writes beside the audio file; with -o - "
                          "give it one: %s FILE.", opts[k], opts[k]);
            return -1;
        }
        *paths[k] = made[k] = sidecar_beside(output, exts[k]);
    }
    return 0;
}

static void free_made(char *made[3])
{
    for (int k = 0; k < 3; k++)
        free(made[k]);
}

/* The audio format of an output: its extension's; MP3 in a talking book,
 * the audio every reading system plays. */
static int output_format(const char *output, const ora_options *o, ora_format *fmt,
                         ora_error *err)
{
    if (!epub_path(output))
        return ora_format_from_path(output, fmt, err);
    *fmt = ORA_FMT_MP3;
    if (o->max_seconds > 0) {
        ora_set_error(err, "--max-duration makes a snippet; a talking book (.epub) holds the "
                      "whole article: write .mp3 or .ogg for a snippet.");
        return -1;
    }
    return 0;
}

int ora_check_options(const char *output, const ora_options *o, ora_error *err)
{
    ora_format fmt;
    if (check_options(o, err) < 0 || (output && output_format(output, o, &fmt, err) < 0))
        return -1;
    if (!output)
        return 0;
    if (o->raw && strcmp(output, "-") != 0) {
        ora_set_error(err, "--raw is for standard output (-o -); a file's format comes from its name.");
        return -1;
    }
    ora_options own;
    char *made[3];
    int rc = resolve_sidecars(output, o, &own, made, err);
    if (rc == 0)
        rc = check_distinct_names(output, &own, err);
    free_made(made);
    return rc;
}

/* A run killed in the few milliseconds between naming its output and
 * renaming it into place leaves ".NAME.XXXXXX" beside it: the next run to
 * the same outputs removes it. */
static void remove_stale_temps_of(const char *output, const ora_options *o)
{
    const char *paths[] = {output, o->vtt_path, o->srt_path, o->report_path};
    for (int k = 0; k < 4; k++) {
        if (!paths[k] || strcmp(paths[k], "-") == 0)
            continue;
        char *dir = folder_of(paths[k]);
        const char *name = base_name(paths[k]);
        remove_stale_temps(dir, &name, 1);
        free(dir);
    }
}

int ora_convert(const char *input, const char *output, const ora_options *given,
                ora_result *r, ora_error *err)
{
    job j;
    memset(&j, 0, sizeof j);
    ora_options own;
    char *made[3] = {0};
    if (ora_check_options(output, given, err) < 0 ||
        resolve_sidecars(output, given, &own, made, err) < 0 ||
        check_regular_outputs(output, &own, err) < 0) {
        free_made(made);
        return -1;
    }
    const ora_options *o = &own;
    j.o = o, j.output = output;
    j.epub = epub_path(output);
    output_format(output, o, &j.fmt, err);
    if (!o->batch_item)
        remove_stale_temps_of(output, o);
    bool to_stdout = strcmp(output, "-") == 0;
    /* A cut or a loudness target needs the whole audio first: it is
     * spooled, then sent. */
    j.stream = to_stdout && o->max_seconds <= 0 && isnan(loudness_target(o, j.fmt));
    j.stdout_wav = to_stdout && !j.stream;
    /* Streaming to the file needs no loudness pass, no cut and no report
     * (whose loudness figures need the whole audio). */
    j.file_stream = !to_stdout && (j.fmt == ORA_FMT_WAV || j.fmt == ORA_FMT_FLAC) &&
                    isnan(loudness_target(o, j.fmt)) && o->max_seconds <= 0 && !o->report_path;
    j.spooled = !j.stream && !j.file_stream;
    j.pad_s = pad_for(o, j.fmt);
    j.header_at = -1;
    file_stream_init(&j.fs, output, j.fmt, &j.eo, 0);
    ora_audio_init(&j.au, 0);
    int rc = run(&j, input, err);
    if (rc == 0 && r) {
        size_t n = 0;
        for (size_t i = 0; i < j.n_said; i++)
            n += j.said[i].spoken;
        *r = (ora_result){total_seconds(&j), n, j.a.truncated, j.shortened, j.loud, ""};
        snprintf(r->voice, sizeof r->voice, "%s", j.voice);
        if (!j.measured)
            r->loudness.integrated_lufs = r->loudness.true_peak_dbtp = NAN;
    }
    job_free(&j);
    free_made(made);
    return rc;
}

int ora_chapters_of(const char *input, const ora_options *given, ora_chapter **chapters,
                    size_t *n, ora_error *err)
{
    *chapters = NULL, *n = 0;
    if (check_options(given, err) < 0)
        return -1;
    ora_options o = *given;
    o.vtt_path = o.srt_path = o.report_path = NULL; /* nothing is written */
    job j;
    memset(&j, 0, sizeof j);
    j.o = &o, j.fmt = ORA_FMT_WAV, j.discard = true;
    j.pad_s = pad_for(&o, j.fmt); /* the times a WAV of the same run would have */
    j.chapters_out = chapters, j.n_chapters_out = n;
    file_stream_init(&j.fs, NULL, j.fmt, &j.eo, 0);
    ora_audio_init(&j.au, 0);
    int rc = run(&j, input, err);
    job_free(&j);
    if (rc < 0) {
        ora_chapters_free(*chapters, *n);
        *chapters = NULL, *n = 0;
    }
    return rc;
}

void ora_chapters_free(ora_chapter *chapters, size_t n)
{
    for (size_t i = 0; chapters && i < n; i++)
        free((char *)chapters[i].title);
    free(chapters);
}
