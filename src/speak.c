/* Speech with eSpeak NG: the only file that includes its headers.
 *
 * eSpeak NG keeps one engine in global state and is not thread-safe, so this
 * module owns that engine for the whole process (the one global the project
 * allows). It is started with espeak_ng_InitializeOutput in synchronous mode:
 * the legacy espeak_Initialize calls exit() when its data is missing, which
 * would take a library user's process down with it. */
#include "internal.h"

#include <espeak-ng/speak_lib.h>
#include <espeak-ng/espeak_ng.h>
#include <stdlib.h>
#include <string.h>

static struct {
    bool ready;
    int rate;
    ora_audio *target; /* where the callback appends samples */
    bool failed;
} engine;

static int on_samples(short *wav, int n, espeak_EVENT *events)
{
    (void)events;
    if (wav && n > 0 && engine.target &&
        ora_audio_append(engine.target, wav, (size_t)n) < 0) {
        engine.failed = true;
        return 1; /* stop synthesis */
    }
    return 0;
}

static void status_error(ora_error *err, espeak_ng_STATUS st, const char *what)
{
    char buf[256];
    espeak_ng_GetStatusCodeMessage(st, buf, sizeof buf);
    ora_set_error(err, "%s: %s", what, buf);
}

/* "fr+f3" → language "fr", variant "f3". eSpeak accepts an unknown variant
 * silently and speaks with the default, so the variant file is checked. */
static bool variant_exists(const char *variant)
{
    const char *data = NULL;
    espeak_Info(&data);
    if (!data || strchr(variant, '/') || strstr(variant, ".."))
        return false;
    strbuf p;
    sb_init(&p);
    sb_printf(&p, "%s/voices/!v/%s", data, variant);
    FILE *f = fopen(p.s, "r");
    bool ok = f != NULL;
    if (f)
        fclose(f);
    sb_free(&p);
    return ok;
}

static bool language_known(const char *lang)
{
    static const char *const french[] = {"fr", "fr-be", "fr-ch", NULL};
    for (const char *const *f = french; *f; f++)
        if (strcmp(lang, *f) == 0)
            return true;
    return false;
}

static int select_voice(const char *voice, ora_error *err)
{
    char lang[32];
    const char *plus = strchr(voice, '+');
    size_t ll = plus ? (size_t)(plus - voice) : strlen(voice);
    if (ll == 0 || ll >= sizeof lang) {
        ora_set_error(err, "unknown voice \"%s\": use fr, fr-be or fr-ch, optionally with +variant (for example fr+f3).", voice);
        return -1;
    }
    memcpy(lang, voice, ll), lang[ll] = '\0';
    if (!language_known(lang)) {
        ora_set_error(err, "unknown voice \"%s\": oralise speaks French; use fr, fr-be or fr-ch.", voice);
        return -1;
    }
    if (plus && !variant_exists(plus + 1)) {
        ora_set_error(err, "unknown voice variant \"%s\" in \"%s\" (try f1…f5, m1…m7).", plus + 1, voice);
        return -1;
    }
    espeak_ng_STATUS st = espeak_ng_SetVoiceByName(voice);
    if (st != ENS_OK) {
        status_error(err, st, voice);
        return -1;
    }
    return 0;
}

int ora_speak_init(const ora_voice_options *v, ora_error *err)
{
    if (engine.ready)
        ora_speak_shutdown();
    espeak_ng_InitializePath(NULL);
    espeak_ng_STATUS st = espeak_ng_Initialize(NULL);
    if (st != ENS_OK) {
        status_error(err, st, "cannot start eSpeak NG");
        return -1;
    }
    st = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, NULL);
    if (st != ENS_OK) {
        status_error(err, st, "cannot start eSpeak NG output");
        espeak_ng_Terminate();
        return -1;
    }
    engine.rate = espeak_ng_GetSampleRate();
    espeak_SetSynthCallback(on_samples);
    engine.ready = true;
    if (select_voice(v->voice ? v->voice : "fr", err) < 0) {
        ora_speak_shutdown();
        return -1;
    }
    if (v->rate_wpm) {
        if (v->rate_wpm < 80 || v->rate_wpm > 450) {
            ora_set_error(err, "speech rate %d is out of range: use 80 to 450 words a minute.", v->rate_wpm);
            ora_speak_shutdown();
            return -1;
        }
        espeak_ng_SetParameter(espeakRATE, v->rate_wpm, 0);
    }
    return 0;
}

void ora_speak_shutdown(void)
{
    if (engine.ready)
        espeak_ng_Terminate();
    engine.ready = false;
}

int ora_speak_sample_rate(void) { return engine.rate; }

int ora_speak_text(const char *text, ora_audio *au, ora_error *err)
{
    if (!engine.ready) {
        ora_set_error(err, "the speech engine is not started.");
        return -1;
    }
    engine.target = au;
    engine.failed = false;
    espeak_ng_STATUS st = espeak_ng_Synthesize(
        text, strlen(text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, NULL);
    if (st == ENS_OK)
        st = espeak_ng_Synchronize();
    engine.target = NULL;
    if (st != ENS_OK) {
        status_error(err, st, "speech synthesis failed");
        return -1;
    }
    if (engine.failed) {
        ora_set_error(err, "out of memory while synthesizing speech.");
        return -1;
    }
    return 0;
}

int ora_speak_script(const ora_script *s, ora_audio *au, ora_timing *timings,
                     ora_error *err)
{
    for (size_t i = 0; i < s->n; i++) {
        const ora_segment *g = &s->segs[i];
        long start = (long)(au->n * 1000 / (size_t)au->rate);
        if (ora_speak_text(g->spoken ? g->spoken : g->written, au, err) < 0)
            return -1;
        if (timings) {
            timings[i].start_ms = start;
            timings[i].end_ms = (long)(au->n * 1000 / (size_t)au->rate);
        }
        if (ora_audio_silence(au, g->pause_ms) < 0) {
            ora_set_error(err, "out of memory while adding pauses.");
            return -1;
        }
    }
    return 0;
}
