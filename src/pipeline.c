/* The whole job, from input path to audio file, for the CLI and for
 * programs that link the library: read, script, normalize (keeping the
 * alignment for the transcript), speak (recording where each sentence
 * starts), shorten to --max-duration, bring to the loudness target, encode,
 * and write every output file at once. With "-o -" the samples go to
 * standard output as eSpeak NG makes them. */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Said after a shortened article that has no notice and no --outro, so a
 * snippet never stops in the air. */
#define CLOSING_LINE "Fin de l'extrait."
/* Lossy coders move peaks by a few tenths of a dB: their ceiling leaves
 * room so the decoded file still stays under -1 dBTP. */
#define CEILING_LOSSLESS -1.0
#define CEILING_LOSSY -1.5
#define CEILING_OPUS -2.3 /* Opus overshoots most: about 0.9 dB at 32 kbit/s */
#define DEFAULT_LUFS -19.0 /* mono speech; the -16 LUFS stereo podcast norm */

void ora_options_default(ora_options *o)
{
    memset(o, 0, sizeof *o);
    o->input_kind = ORA_INPUT_AUTO;
    ora_script_options_default(&o->script);
    o->voice.voice = "fr";
    o->loudness_lufs = NAN;
    o->quality = -1;
}

ora_normalizer *ora_normalizer_for(const ora_options *o, ora_error *err)
{
    ora_normalizer *n = ora_normalizer_new(o->voice.voice, err);
    for (size_t i = 0; n && i < o->n_lexicons; i++)
        if (ora_normalizer_add_lexicon(n, o->lexicons[i], err) < 0) {
            ora_normalizer_free(n);
            n = NULL;
        }
    return n;
}

/* Like ora_script_normalize, but keeps each segment's alignment in nz. */
static int normalize_aligned(ora_script *s, const ora_normalizer *n,
                             ora_normalized *nz, ora_error *err)
{
    for (size_t i = 0; i < s->n; i++) {
        const char *w = s->segs[i].written;
        if (ora_normalize(n, w, strlen(w), &nz[i], err) < 0)
            return -1;
        free(s->segs[i].spoken);
        s->segs[i].spoken = ora_strdup(nz[i].text);
    }
    return 0;
}

/* Reads and builds the normalized script; nz (may be NULL) receives one
 * alignment per segment, to be freed with the script's count. */
static int prepare(const char *input, const ora_options *o, ora_article *a,
                   ora_script *s, ora_normalized **nz, ora_error *err)
{
    ora_article_init(a);
    memset(s, 0, sizeof *s);
    if (ora_read_file(input, o->input_kind, a, err) < 0 ||
        ora_script_build(a, &o->script, s, err) < 0)
        return -1;
    ora_normalizer *n = ora_normalizer_for(o, err);
    int rc = -1;
    if (n && nz) {
        *nz = calloc(s->n, sizeof **nz);
        rc = *nz ? normalize_aligned(s, n, *nz, err) : -1;
    } else if (n) {
        rc = ora_script_normalize(s, n, err);
    }
    ora_normalizer_free(n);
    return rc;
}

int ora_prepare(const char *input, const ora_options *o, ora_article *a,
                ora_script *s, ora_error *err)
{
    return prepare(input, o, a, s, NULL, err);
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
    /* WAV or FLAC at eSpeak's level goes to its file as it is spoken, so
     * that a long article never sits whole in memory. */
    bool file_stream;
    ora_file_stream fs;
    ora_tags tags;
    ora_encode_options eo;
} job;

static void job_free(job *j)
{
    for (size_t i = 0; j->nz && i < j->s.n; i++)
        ora_normalized_free(&j->nz[i]);
    free(j->nz);
    free(j->said);
    free(j->chap);
    ora_transcript_free(&j->tr);
    ora_audio_free(&j->au);
    ora_file_stream_free(&j->fs);
    ora_script_free(&j->s);
    ora_article_free(&j->a);
}

/* Speaks one text, adding its sentences to the transcript. */
static int speak_part(job *j, size_t index, const char *written,
                      const ora_normalized *nz, ora_error *err)
{
    ora_marks m = {0};
    size_t start = j->au.n;
    int rc = ora_speak_text_marks(nz->text, &j->au, &m, err);
    ora_mark first = {0, start};
    if (rc == 0)
        rc = ora_transcript_add_segment(&j->tr, index, written, nz,
                                        m.n ? m.v : &first, m.n ? m.n : 1,
                                        j->au.n, j->au.rate);
    ora_marks_free(&m);
    if (rc < 0 && !*err->msg)
        ora_set_error(err, "out of memory while timing the transcript.");
    return rc;
}

static int speak_all(job *j, ora_error *err)
{
    j->said = calloc(j->s.n + 1, sizeof *j->said); /* + a closing line */
    if (!j->said) {
        ora_set_error(err, "out of memory.");
        return -1;
    }
    for (size_t i = 0; i < j->s.n; i++) {
        const ora_segment *g = &j->s.segs[i];
        said *p = &j->said[j->n_said++];
        *p = (said){g->role, g->written, j->au.n, 0, true};
        *err->msg = '\0';
        if (speak_part(j, i, g->written, &j->nz[i], err) < 0)
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

/* The end of the snippet: the notice and --outro as spoken, or else a
 * closing line spoken now. Its samples go to tail, its parts to ts, and
 * its cues stay at the end of j->tr from *c0 on, timed from 0. */
static int take_tail(job *j, size_t from, ora_audio *tail, said *ts,
                     size_t *n_ts, size_t *c0, ora_error *err)
{
    ora_audio_init(tail, j->au.rate);
    if (from == j->n_said) { /* nothing to keep: say the closing line */
        ora_span span = {0, strlen(CLOSING_LINE), 0, strlen(CLOSING_LINE)};
        ora_normalized nz = {(char *)CLOSING_LINE, span.out_end, &span, 1, 1};
        ora_audio body = j->au;
        j->au = *tail;
        *c0 = j->tr.n;
        *err->msg = '\0';
        int rc = speak_part(j, j->n_said, CLOSING_LINE, &nz, err);
        *tail = j->au, j->au = body;
        ts[0] = (said){ORA_SEG_OUTRO, CLOSING_LINE, 0, tail->n, true};
        *n_ts = 1;
        return rc;
    }
    size_t origin = j->said[from].start;
    if (ora_audio_append(tail, j->au.samples + origin, j->au.n - origin) < 0) {
        ora_set_error(err, "out of memory.");
        return -1;
    }
    for (*n_ts = 0; from + *n_ts < j->n_said; (*n_ts)++) {
        ts[*n_ts] = j->said[from + *n_ts];
        ts[*n_ts].start -= origin, ts[*n_ts].end -= origin;
    }
    long shift = ora_audio_ms(&j->au, origin);
    for (*c0 = 0; *c0 < j->tr.n && j->tr.cues[*c0].segment < from;)
        (*c0)++;
    for (size_t i = *c0; i < j->tr.n; i++)
        j->tr.cues[i].start_ms -= shift, j->tr.cues[i].end_ms -= shift;
    return 0;
}

/* The last sentence before cue c0 that ends by limit_ms; -1 if none. */
static long last_fitting_cue(const ora_transcript *t, size_t c0, long limit_ms)
{
    long k = -1;
    for (size_t i = 0; i < c0; i++)
        if (t->cues[i].end_ms <= limit_ms)
            k = (long)i;
    return k;
}

/* Keeps the sentences up to cue k, a pause, then the tail. */
static int splice(job *j, size_t from, size_t k, size_t c0, const ora_audio *tail,
                  const said *ts, size_t n_ts, size_t pause, ora_error *err)
{
    size_t cut = (size_t)llround(j->tr.cues[k].end_ms * (double)j->au.rate / 1000);
    if (cut > j->au.n)
        cut = j->au.n;
    j->au.n = cut;
    size_t at = cut + pause;
    if (ora_audio_silence(&j->au, (int)(pause * 1000 / (size_t)j->au.rate)) < 0 ||
        ora_audio_append(&j->au, tail->samples, tail->n) < 0) {
        ora_set_error(err, "out of memory.");
        return -1;
    }
    at = j->au.n - tail->n; /* the silence may round a sample off */
    long shift = ora_audio_ms(&j->au, at);
    for (size_t i = k + 1; i < c0; i++)
        free(j->tr.cues[i].text);
    size_t n = k + 1;
    for (size_t i = c0; i < j->tr.n; i++, n++) {
        j->tr.cues[n] = j->tr.cues[i];
        j->tr.cues[n].start_ms += shift, j->tr.cues[n].end_ms += shift;
    }
    j->tr.n = n;
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
    size_t max = (size_t)(j->o->max_seconds * j->au.rate);
    if (j->o->max_seconds <= 0 || j->au.n <= max)
        return 0;
    size_t from = j->n_said;
    while (from > 0 && (j->said[from - 1].role == ORA_SEG_NOTICE ||
                        j->said[from - 1].role == ORA_SEG_OUTRO))
        from--;
    if (j->n_said - from > 4) /* a notice and an outro: never more */
        from = j->n_said - 4;
    ora_audio tail;
    said ts[4];
    size_t n_ts = 0, c0 = 0;
    size_t pause = (size_t)j->au.rate * (size_t)j->o->script.pause_notice_ms / 1000;
    int rc = take_tail(j, from, &tail, ts, &n_ts, &c0, err);
    long limit = tail.n + pause < max ? ora_audio_ms(&j->au, max - tail.n - pause) : -1;
    long k = rc == 0 ? last_fitting_cue(&j->tr, c0, limit) : -1;
    if (rc == 0 && k < 0) {
        ora_set_error(err, "--max-duration %g s is too short for the first sentence and the closing words.", j->o->max_seconds);
        rc = -1;
    }
    if (rc == 0)
        rc = splice(j, from, (size_t)k, c0, &tail, ts, n_ts, pause, err);
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
        j->chap[j->n_chap] = (ora_chapter){ora_audio_ms(&j->au, p->start), 0, (*names)[j->n_chap]};
        j->n_chap++;
    }
    for (size_t i = 0; i < j->n_chap; i++)
        j->chap[i].end_ms = i + 1 < j->n_chap ? j->chap[i + 1].start_ms
                                              : ora_audio_ms(&j->au, j->au.n);
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

/* Opus is resampled first so that the loudness is set on what is coded. */
static int level(job *j, ora_error *err)
{
    if (j->fmt == ORA_FMT_OPUS) {
        ora_audio res;
        if (ora_audio_resample(&j->au, ORA_OPUS_RATE, &res, err) < 0)
            return -1;
        ora_audio_free(&j->au);
        j->au = res;
    }
    j->target = loudness_target(j->o, j->fmt);
    if (!isnan(j->target) && j->stdout_wav) { /* WAV: no coder to check */
        j->measured = true;
        return ora_loudness_normalize(&j->au, j->target, CEILING_LOSSLESS, &j->loud, err);
    }
    if (!isnan(j->target) || !j->o->report_path)
        return 0; /* encode_leveled measures */
    j->measured = true;
    return ora_loudness_measure(&j->au, &j->loud, err);
}

/* Whether the decoded file meets the target: within 0.3 LU (the promise
 * is 0.5) and true peak under -1 dBTP. If not, says how to aim again. */
static bool on_target(const ora_loudness *got, double target, double *aim,
                      double *ceiling)
{
    bool loud_ok = fabs(got->integrated_lufs - target) <= 0.3;
    bool peak_ok = got->true_peak_dbtp <= CEILING_LOSSLESS - 0.05;
    if (!loud_ok)
        *aim += target - got->integrated_lufs;
    if (!peak_ok)
        *ceiling -= got->true_peak_dbtp - (CEILING_LOSSLESS - 0.05) + 0.2;
    return loud_ok && peak_ok;
}

/* Opus takes loudness away, the more so at low bitrates (measured on
 * eSpeak NG speech: about 0.7 LU at quality 0, 0.4 at 0.4, 0.2 at 1):
 * aiming that much higher spares most second encodings. */
static double opus_loss(ora_format f, double quality)
{
    double q = quality >= 0 ? quality : 0.4;
    return f == ORA_FMT_OPUS ? 0.7 - 0.5 * q : 0;
}

/* Levels and encodes; for lossy formats, decodes the result and measures
 * it, and if the coder moved it off target (Opus at low bitrates loses half
 * a LU and overshoots peaks), levels again aiming to compensate. */
static int encode_leveled(job *j, const ora_encode_options *eo, char **data,
                          size_t *len, ora_error *err)
{
    if (isnan(j->target))
        return ora_encode_memory(&j->au, j->fmt, eo, data, len, err);
    ora_audio orig;
    ora_audio_init(&orig, j->au.rate);
    if (ora_audio_append(&orig, j->au.samples, j->au.n) < 0) {
        ora_set_error(err, "out of memory.");
        return -1;
    }
    double aim = j->target + opus_loss(j->fmt, eo->quality),
           ceiling = j->fmt == ORA_FMT_OPUS ? CEILING_OPUS
                                      : lossy(j->fmt)        ? CEILING_LOSSY
                                                             : CEILING_LOSSLESS;
    int rc = 0;
    j->measured = true;
    for (int tries = 0; rc == 0 && tries < 4; tries++) {
        ora_loudness got;
        j->au.n = 0;
        rc = ora_audio_append(&j->au, orig.samples, orig.n);
        rc = rc ? rc : ora_loudness_normalize(&j->au, aim, ceiling, &j->loud, err);
        rc = rc ? rc : ora_encode_memory(&j->au, j->fmt, eo, data, len, err);
        if (rc || !lossy(j->fmt))
            break;
        rc = ora_loudness_of_encoded(*data, *len, &got, err);
        double gain = j->loud.gain_db;
        if (rc || on_target(&got, j->target, &aim, &ceiling) || tries == 3) {
            j->loud = got, j->loud.gain_db = gain; /* what the file measures */
            break;
        }
        free(*data), *data = NULL;
    }
    ora_audio_free(&orig);
    return rc;
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
                                             ora_audio_ms(&j->au, j->said[i].start),
                                             ora_audio_ms(&j->au, j->said[i].end)};
    ora_report r = {&j->a, j->stream && j->o->raw ? "raw" : format_name(j->fmt),
                    j->au.rate, ora_audio_seconds(&j->au), segs, n, &j->tr,
                    j->chap, j->n_chap, j->measured ? &j->loud : NULL,
                    j->target, j->shortened};
    char *json = ora_report_json(&r);
    free(segs);
    return json;
}

/* Audio (unless streamed), transcripts and report: all or none. */
static int write_outputs(job *j, ora_error *err)
{
    ora_tags tags;
    ora_tags_from_article(&j->a, &tags);
    ora_encode_options eo = {&tags, j->chap, j->n_chap, j->o->quality, j->o->raw};
    ora_out_file f[4];
    char *bufs[4] = {0};
    size_t n = 0;
    int rc = 0;
    if (j->file_stream) {
        rc = ora_file_stream_close(&j->fs, err);
        f[n++] = (ora_out_file){j->output, NULL, 0, j->fs.tmp};
    } else if (!j->stream && !j->stdout_wav) {
        f[n] = (ora_out_file){j->output, NULL, 0, NULL};
        rc = encode_leveled(j, &eo, &bufs[n], &f[n].len, err);
        f[n].data = bufs[n], n++;
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
    return rc;
}

/* ── Streaming ────────────────────────────────────────────────────────── */

static int stdout_sink(void *user, const int16_t *s, size_t n)
{
    (void)user;
    return fwrite(s, sizeof *s, n, stdout) == n && fflush(stdout) == 0 ? 0 : -1;
}

/* Samples leave as soon as eSpeak NG hands them over (about every 50 ms
 * of audio), behind a WAV header that announces an open-ended stream. */
static int start_stream(job *j, ora_error *err)
{
    if (!isnan(j->o->loudness_lufs) && !j->o->loudness_off) {
        ora_set_error(err, "--loudness needs the whole audio: write a file, not standard output.");
        return -1;
    }
    j->au.sink = stdout_sink;
    unsigned char hdr[44];
    ora_wav_stream_header(j->au.rate, hdr);
    if (!j->o->raw && (fwrite(hdr, 1, 44, stdout) != 44 || fflush(stdout) != 0)) {
        ora_set_error(err, "cannot write audio to standard output.");
        return -1;
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

/* Workers return segment times but no sentence marks: the parallel path
 * serves only jobs that need no transcript, report or snippet cut. */
static bool can_split(const job *j)
{
    const ora_options *o = j->o;
    return !j->stream && !o->vtt_path && !o->srt_path && !o->report_path &&
           o->max_seconds <= 0 && speech_jobs(&j->s, o) > 1;
}

static int synthesize_parallel(job *j, ora_error *err)
{
    ora_timing *t = calloc(j->s.n + 1, sizeof *t);
    j->said = calloc(j->s.n + 1, sizeof *j->said);
    int rc = t && j->said ? ora_speak_script_parallel(&j->s, &j->o->voice,
                                                      speech_jobs(&j->s, j->o),
                                                      &j->au, t, err)
                          : -1;
    for (size_t i = 0; rc == 0 && i < j->s.n; i++) {
        size_t start = (size_t)t[i].start_ms * (size_t)j->au.rate / 1000;
        size_t end = (size_t)t[i].end_ms * (size_t)j->au.rate / 1000;
        j->said[j->n_said++] = (said){j->s.segs[i].role, j->s.segs[i].written, start, end, true};
    }
    if (!t || !j->said)
        ora_set_error(err, "out of memory.");
    free(t);
    return rc;
}

/* Sends the samples to the output file as they come (see job.file_stream). */
static void start_file_stream(job *j)
{
    ora_tags_from_article(&j->a, &j->tags);
    j->eo = (ora_encode_options){&j->tags, NULL, 0, j->o->quality, false};
    j->fs = (ora_file_stream){j->output, j->fmt, &j->eo, &j->au, NULL, NULL, false};
    j->au.sink = ora_file_stream_sink;
    j->au.sink_user = &j->fs;
}

static int synthesize(job *j, ora_error *err)
{
    if (j->file_stream)
        start_file_stream(j);
    if (can_split(j))
        return synthesize_parallel(j, err);
    if (ora_speak_init(&j->o->voice, err) < 0)
        return -1;
    j->au.rate = ora_speak_sample_rate();
    int rc = j->stream ? start_stream(j, err) : 0;
    if (rc == 0)
        rc = speak_all(j, err);
    if (rc == 0 && !j->stream)
        rc = shorten(j, err); /* may speak a closing line */
    ora_speak_shutdown();
    return rc;
}

static int run(job *j, const char *input, ora_error *err)
{
    char **names = NULL;
    int rc = prepare(input, j->o, &j->a, &j->s, &j->nz, err);
    if (rc == 0)
        rc = synthesize(j, err);
    j->target = NAN;
    if (rc == 0 && !j->stream)
        rc = level(j, err);
    if (rc == 0 && build_chapters(j, &names) < 0) {
        ora_set_error(err, "out of memory.");
        rc = -1;
    }
    if (rc == 0)
        rc = write_outputs(j, err);
    if (rc == 0 && j->stdout_wav)
        rc = ora_encode(&j->au, "-", ORA_FMT_WAV, &(ora_encode_options){0, 0, 0, -1, j->o->raw}, err);
    free_names(names);
    return rc;
}

int ora_convert(const char *input, const char *output, const ora_options *o,
                ora_result *r, ora_error *err)
{
    job j;
    memset(&j, 0, sizeof j);
    j.o = o, j.output = output;
    if (ora_format_from_path(output, &j.fmt, err) < 0 || check_options(o, err) < 0)
        return -1;
    bool to_stdout = strcmp(output, "-") == 0;
    if (o->raw && !to_stdout) {
        ora_set_error(err, "--raw is for standard output (-o -); a file's format comes from its name.");
        return -1;
    }
    j.stream = to_stdout && o->max_seconds <= 0;
    j.stdout_wav = to_stdout && !j.stream;
    /* Streaming to the file needs no loudness pass, no cut and no report
     * (whose loudness figures need the whole audio). */
    j.file_stream = !to_stdout && (j.fmt == ORA_FMT_WAV || j.fmt == ORA_FMT_FLAC) &&
                    isnan(loudness_target(o, j.fmt)) && o->max_seconds <= 0 && !o->report_path;
    ora_audio_init(&j.au, 0);
    int rc = run(&j, input, err);
    if (rc == 0 && r) {
        size_t n = 0;
        for (size_t i = 0; i < j.n_said; i++)
            n += j.said[i].spoken;
        *r = (ora_result){ora_audio_seconds(&j.au), n, j.a.truncated, j.shortened, j.loud};
        if (!j.measured)
            r->loudness.integrated_lufs = r->loudness.true_peak_dbtp = NAN;
    }
    job_free(&j);
    return rc;
}
