/* The whole job, from input path to audio file, for the CLI and for
 * programs that link the library. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void ora_options_default(ora_options *o)
{
    memset(o, 0, sizeof *o);
    o->input_kind = ORA_INPUT_AUTO;
    ora_script_options_default(&o->script);
    o->voice.voice = "fr";
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

int ora_prepare(const char *input, const ora_options *o, ora_article *a,
                ora_script *s, ora_error *err)
{
    ora_article_init(a);
    memset(s, 0, sizeof *s);
    if (ora_read_file(input, o->input_kind, a, err) < 0 ||
        ora_script_build(a, &o->script, s, err) < 0)
        return -1;
    ora_normalizer *n = ora_normalizer_for(o, err);
    int rc = n ? ora_script_normalize(s, n, err) : -1;
    ora_normalizer_free(n);
    return rc;
}

/* Below this much text, starting a second engine costs more than it saves. */
#define PARALLEL_MIN_CHARS 8000

static int speech_jobs(const ora_script *s, const ora_options *o)
{
    size_t chars = 0;
    for (size_t i = 0; i < s->n; i++)
        chars += strlen(s->segs[i].spoken);
    /* Until audio streams to the encoder, joining workers' audio costs more
     * than the second core saves: parallel speech only on request (-j N). */
    if (o->jobs <= 1 || chars < PARALLEL_MIN_CHARS)
        return 1;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    return o->jobs > 0 ? o->jobs : cores > 1 ? (int)cores : 1;
}

static int speak(const ora_script *s, const ora_options *o, ora_audio *au, ora_error *err)
{
    int jobs = speech_jobs(s, o);
    if (jobs > 1)
        return ora_speak_script_parallel(s, &o->voice, jobs, au, NULL, err);
    if (ora_speak_init(&o->voice, err) < 0)
        return -1;
    au->rate = ora_speak_sample_rate();
    int rc = ora_speak_script(s, au, NULL, err);
    ora_speak_shutdown();
    return rc;
}

int ora_convert(const char *input, const char *output, const ora_options *o,
                ora_result *r, ora_error *err)
{
    ora_format fmt;
    if (ora_format_from_path(output, &fmt, err) < 0)
        return -1;
    ora_article a;
    ora_script s;
    int rc = ora_prepare(input, o, &a, &s, err);
    ora_audio au;
    ora_audio_init(&au, 0);
    if (rc == 0)
        rc = speak(&s, o, &au, err);
    if (rc == 0) {
        ora_tags tags;
        ora_tags_from_article(&a, &tags);
        rc = ora_encode_file(&au, output, fmt, &tags, err);
    }
    if (rc == 0 && r) {
        r->seconds = ora_audio_seconds(&au);
        r->segments = s.n;
        r->truncated = a.truncated;
    }
    ora_audio_free(&au);
    ora_script_free(&s);
    ora_article_free(&a);
    return rc;
}
