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
#include <dirent.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static struct {
    bool started; /* espeak_ng_Initialize done: never undone, see start_engine */
    bool ready;   /* a voice is set: ora_speak_init succeeded */
    int pitch;    /* set by ora_speak_set_pitch; 0: the default */
    int rate;
    ora_audio *target; /* where the callback appends samples */
    ora_marks *marks;  /* where sentence starts go; may be NULL */
    size_t base;       /* target->n when this espeak_Synthesize began */
    size_t stop_at;    /* stop speaking once target->n reaches it; 0: never */
    bool stopped;      /* stop_at was reached: eSpeak NG's error is ours */
    bool failed;
    char voice[40];    /* the main voice, set by ora_speak_init */
    size_t char_off;   /* code points of the text before this call's piece */
    bool drop_first;   /* the piece starts inside a sentence: no mark there */
    size_t words_from; /* marks->n_words when this text began */
} engine;

static int add_mark(ora_mark **v, size_t *n, size_t *cap, size_t char_pos, size_t sample)
{
    if (*n == *cap) {
        size_t grown = *cap ? *cap * 2 : 16;
        ora_mark *w = realloc(*v, grown * sizeof *w);
        if (!w)
            return -1;
        *v = w, *cap = grown;
    }
    (*v)[(*n)++] = (ora_mark){char_pos, sample};
    return 0;
}

/* A word event: eSpeak NG also sends some of length 0, out of order, at
 * clause marks (checked on 1.51: "parti ; ensuite" gives one at ";" after
 * "ensuite"); they start no word. */
static int record_word(const espeak_EVENT *e, size_t pos, size_t sample)
{
    ora_marks *m = engine.marks;
    if (e->length <= 0 || (m->n_words > engine.words_from &&
                           m->words[m->n_words - 1].char_pos >= engine.char_off + pos))
        return 0;
    return add_mark(&m->words, &m->n_words, &m->cap_words, engine.char_off + pos, sample);
}

/* Sentence and word events: text_position counts characters from 1, and
 * sample restarts at 0 on every espeak_Synthesize call, hence engine.base. */
static int record_events(const espeak_EVENT *e)
{
    for (; e && engine.marks && e->type != espeakEVENT_LIST_TERMINATED; e++) {
        size_t pos = e->text_position > 0 ? (size_t)e->text_position - 1 : 0;
        size_t sample = engine.base + (size_t)(e->sample > 0 ? e->sample : 0);
        if (e->type == espeakEVENT_WORD && record_word(e, pos, sample) < 0)
            return -1;
        if (e->type != espeakEVENT_SENTENCE)
            continue;
        if (engine.drop_first) { /* every call starts with a sentence event */
            engine.drop_first = false;
            if (pos == 0)
                continue;
        }
        ora_marks *m = engine.marks;
        if (add_mark(&m->v, &m->n, &m->cap, engine.char_off + pos, sample) < 0)
            return -1;
    }
    return 0;
}

static int on_samples(short *wav, int n, espeak_EVENT *events)
{
    if (!engine.target)
        return 0;
    if (record_events(events) < 0 ||
        (wav && n > 0 && ora_audio_append(engine.target, wav, (size_t)n) < 0)) {
        engine.failed = true;
        return 1; /* stop synthesis */
    }
    engine.stopped = engine.stop_at && engine.target->n >= engine.stop_at;
    return engine.stopped; /* 1 stops synthesis */
}

void speak_stop_at(size_t samples) { engine.stop_at = samples; }

void ora_marks_free(ora_marks *m)
{
    free(m->v);
    free(m->words);
    memset(m, 0, sizeof *m);
}

static void status_error(ora_error *err, espeak_ng_STATUS st, const char *what)
{
    char buf[256];
    espeak_ng_GetStatusCodeMessage(st, buf, sizeof buf);
    ora_set_error(err, "%s: %s", what, buf);
}

/* "fr+f3" → language "fr", variant "f3". eSpeak accepts an unknown variant
 * silently and speaks with the default, so the variant file is checked. */
static const char *data_path_of_espeak(void)
{
    const char *data = NULL;
    espeak_ng_InitializePath(NULL); /* harmless when already set */
    espeak_Info(&data);
    return data;
}

static bool variant_exists(const char *variant)
{
    const char *data = data_path_of_espeak();
    if (!data || !*variant || strchr(variant, '/') || strstr(variant, ".."))
        return false;
    strbuf p;
    sb_init(&p);
    sb_printf(&p, "%s/voices/!v/%s", data, variant);
    struct stat st; /* a regular file: "fr+" would name the folder itself */
    bool ok = stat(p.s, &st) == 0 && S_ISREG(st.st_mode);
    sb_free(&p);
    return ok;
}

/* Does eSpeak NG's data hold a voice file named lang ("lang/gmq/nb":
 * Norwegian's voice, whose dictionary is no_dict)? */
static bool voice_file_known(const char *data, const char *lang)
{
    strbuf p;
    sb_init(&p);
    sb_printf(&p, "%s/lang/*/%s", data, lang);
    glob_t g = {0};
    bool ok = glob(p.s, GLOB_NOSORT, NULL, &g) == 0 && g.gl_pathc > 0;
    globfree(&g);
    sb_free(&p);
    return ok;
}

/* French voices by name; any other language eSpeak NG has a dictionary
 * for ("en" has en_dict in its data folder) or a voice file of that name. */
static bool language_known(const char *lang)
{
    static const char *const french[] = {"fr", "fr-be", "fr-ch", NULL};
    for (const char *const *f = french; *f; f++)
        if (strcmp(lang, *f) == 0)
            return true;
    const char *data = data_path_of_espeak();
    if (!data || !*lang || strchr(lang, '/') || strchr(lang, '.') || strlen(lang) > 8)
        return false;
    strbuf p;
    sb_init(&p);
    sb_printf(&p, "%s/%s_dict", data, lang);
    bool ok = access(p.s, R_OK) == 0 || voice_file_known(data, lang);
    sb_free(&p);
    return ok;
}

bool speak_language_known(const char *lang) { return language_known(lang); }

int ora_voice_check(const char *voice, ora_error *err)
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
        ora_set_error(err, "unknown voice \"%s\": eSpeak NG has no such language; the French voices are fr, fr-be and fr-ch.", voice);
        return -1;
    }
    if (plus && !variant_exists(plus + 1)) {
        ora_set_error(err, "unknown voice variant \"%s\" in \"%s\" (oralise --list-voices shows them).", plus + 1, voice);
        return -1;
    }
    return 0;
}

static int select_voice(const char *voice, ora_error *err)
{
    if (ora_voice_check(voice, err) < 0)
        return -1;
    espeak_ng_STATUS st = espeak_ng_SetVoiceByName(voice);
    if (st != ENS_OK) {
        status_error(err, st, voice);
        return -1;
    }
    snprintf(engine.voice, sizeof engine.voice, "%s", voice);
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int ora_speak_set_pitch(int pitch, ora_error *err)
{
    if (pitch < 0 || pitch > 99) {
        ora_set_error(err, "pitch %d is out of range: use 1 to 99 (50 is the default).", pitch);
        return -1;
    }
    engine.pitch = pitch;
    if (engine.started) /* 0 keeps the default */
        espeak_ng_SetParameter(espeakPITCH, pitch ? pitch : 50, 0);
    return 0;
}

/* eSpeak NG 1.51 opens an audio device in every output mode, synchronous
 * included: PulseAudio's client then connects to $PULSE_SERVER, creates
 * $HOME/.config/pulse and pulse-* folders in $TMPDIR, and prints its own
 * errors ("ftruncate() failed") when it cannot. oralise never plays
 * sound. eSpeak NG asks pcaudiolib for the device through this function;
 * defined here, in the program, it is found before the library's (the
 * executable's symbols come first), and "no device" is all that synthesis
 * into memory needs: eSpeak NG leaves a null device alone. */
struct audio_object;
struct audio_object *create_audio_device_object(const char *device, const char *application,
                                                const char *description);
struct audio_object *create_audio_device_object(const char *device, const char *application,
                                                const char *description)
{
    (void)device, (void)application, (void)description;
    return NULL;
}

/* Starts eSpeak NG once per process. espeak_ng_Terminate followed by a new
 * Initialize leaves the engine's queue thread stopped: the next Terminate
 * (and Synchronize) then wait forever. So the engine, once up, stays up,
 * and each ora_speak_init only sets the voice and parameters again. */
static int start_engine(ora_error *err)
{
    if (engine.started)
        return 0;
    espeak_ng_InitializePath(NULL);
    espeak_ng_STATUS st = espeak_ng_Initialize(NULL);
    if (st != ENS_OK) {
        status_error(err, st, "cannot start eSpeak NG");
        return -1;
    }
    st = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, NULL);
    if (st != ENS_OK) {
        status_error(err, st, "cannot start eSpeak NG output");
        return -1;
    }
    engine.rate = espeak_ng_GetSampleRate();
    espeak_SetSynthCallback(on_samples);
    engine.started = true;
    return 0;
}

static int set_rate(int wpm, ora_error *err)
{
    if (wpm && (wpm < 80 || wpm > 450)) {
        ora_set_error(err, "speech rate %d is out of range: use 80 to 450 words a minute.", wpm);
        return -1;
    }
    espeak_ng_SetParameter(espeakRATE, wpm ? wpm : espeakRATE_NORMAL, 0);
    return 0;
}

int ora_speak_init(const ora_voice_options *v, ora_error *err)
{
    engine.ready = false;
    if (start_engine(err) < 0 || select_voice(v->voice ? v->voice : "fr", err) < 0 ||
        set_rate(v->rate_wpm, err) < 0 || ora_speak_set_pitch(engine.pitch, err) < 0)
        return -1;
    engine.ready = true;
    return 0;
}

/* Lists the languages and the variant files of espeak-ng-data/voices/!v,
 * which are what ora_voice_check accepts. */
int ora_list_voices(FILE *out, ora_error *err)
{
    const char *data = data_path_of_espeak();
    strbuf p;
    sb_init(&p);
    sb_printf(&p, "%s/voices/!v", data ? data : ".");
    DIR *d = opendir(p.s);
    sb_free(&p);
    if (!d) {
        ora_set_error(err, "cannot find eSpeak NG's voice variants (is espeak-ng-data installed?).");
        return -1;
    }
    fputs("fr\tFrench (France)\nfr-be\tFrench (Belgium): septante, nonante\n"
          "fr-ch\tFrench (Switzerland): septante, huitante, nonante\n", out);
    char **names = NULL;
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d));) {
        char **grown = e->d_name[0] == '.' ? NULL : realloc(names, (n + 1) * sizeof *names);
        if (grown)
            names = grown, names[n++] = ora_strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        fprintf(out, "fr+%s\tvariant %s (also with fr-be, fr-ch)\n", names[i], names[i]);
        free(names[i]);
    }
    free(names);
    return 0;
}

/* Ends a use of the engine; the engine itself stays (see start_engine). */
void ora_speak_shutdown(void)
{
    engine.ready = false;
}

int ora_speak_sample_rate(void) { return engine.rate; }

int ora_speak_text(const char *text, ora_audio *au, ora_error *err)
{
    return ora_speak_text_marks(text, au, NULL, err);
}

/* Speaks text (NUL-terminated) into engine.target with the voice set. */
static int synthesize(const char *text, ora_error *err)
{
    engine.base = engine.target->n;
    espeak_ng_STATUS st = espeak_ng_Synthesize(
        text, strlen(text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, NULL);
    /* No espeak_ng_Synchronize: in synchronous mode the text is spoken when
     * Synthesize returns, and after a Terminate and a new Initialize in the
     * same process Synchronize waits forever on the stopped queue thread. */
    if (st != ENS_OK && !engine.stopped) {
        status_error(err, st, "speech synthesis failed");
        return -1;
    }
    if (engine.failed) {
        ora_set_error(err, "out of memory while synthesizing speech.");
        return -1;
    }
    return 0;
}

int ora_speak_text_marks(const char *text, ora_audio *au, ora_marks *marks,
                         ora_error *err)
{
    return ora_speak_runs_marks(text, NULL, 0, au, marks, err);
}

static size_t code_points(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* Whether text[0, at) ends a sentence: eSpeak NG then starts one at at
 * anyway, and its mark is kept. */
static bool ends_sentence(const char *text, size_t at)
{
    while (at > 0 && strchr(" \t\n\"')]\xC2\xA0\xBB", text[at - 1]))
        at--;
    return at == 0 || strchr(".!?", text[at - 1]) ||
           (at >= 3 && memcmp(text + at - 3, "\xE2\x80\xA6", 3) == 0);
}

static bool is_wordy(char c)
{
    return (unsigned char)c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
           (c >= '0' && c <= '9');
}

static bool has_word(const char *text, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (is_wordy(text[i]))
            return true;
    return false;
}

/* The voice of lang with the main voice's variant: "en+f3" for "fr+f3". */
static void voice_for(const char *lang, char *out, size_t size)
{
    const char *plus = strchr(engine.voice, '+');
    snprintf(out, size, "%s%s", lang, plus ? plus : "");
}

/* Says piece, which stands at text[from…], with voice (NULL: the main
 * one); frees it. */
static int speak_string(char *piece, const char *text, size_t from, const char *voice,
                        ora_error *err)
{
    if (!piece) {
        ora_set_error(err, "out of memory while synthesizing speech.");
        return -1;
    }
    engine.char_off = code_points(text, from);
    engine.drop_first = !ends_sentence(text, from);
    if (voice && espeak_ng_SetVoiceByName(voice) != ENS_OK)
        voice = NULL; /* said by the main voice rather than not at all */
    int rc = synthesize(piece, err);
    if (voice)
        espeak_ng_SetVoiceByName(engine.voice);
    free(piece);
    return rc;
}

/* Whether eSpeak NG's rules hand the word at s (its n bytes) to another
 * language: its phonemes then open on the switch, "(en)". */
static bool switched_word(const char *s, size_t n)
{
    char word[64];
    if (n >= sizeof word)
        return false;
    memcpy(word, s, n);
    word[n] = '\0';
    const void *p = word;
    const char *ph = espeak_TextToPhonemes(&p, espeakCHARS_UTF8, 0);
    return ph && ph[0] == '(';
}

/* Whether c is the letter of an elided article or pronoun: l', d', n',
 * s', c', j', m', t' ("qu'" is said right alone). */
static bool elided_letter(char c)
{
    return c && strchr("lLdDnNsScCjJmMtT", c);
}

/* Writes U+00AD, two bytes, in place of the apostrophe of apo bytes at p
 * (the rest of the string moves; the character count stays, and the
 * marks with it), and makes the word's capital small when a small letter
 * follows it ("Army": "larmy" is /l'A@mi/, where "lArmy" is spelled
 * apart). Returns the word's start. */
static char *join_elision(char *p, size_t apo)
{
    memmove(p + 2, p + apo, strlen(p + apo) + 1);
    memcpy(p, "\xC2\xAD", 2);
    char *w = p + 2;
    if (*w >= 'A' && *w <= 'Z' && w[1] >= 'a' && w[1] <= 'z')
        *w = (char)(*w | 0x20);
    return w;
}

/* "de l'Hudson", "sur l'oued": eSpeak NG's French rules hand some words
 * to the English voice, the elided article with them, which that voice
 * spells: /'Elh'Vds@n/. Such a word is joined to its article
 * (join_elision): "l­hudson" is /l'Vds@n/. Words that stay French are
 * left as they are. s has a byte of room more for each apostrophe
 * (piece_copy). */
static void unswitch_elisions(char *s)
{
    for (char *p = s; (p = strpbrk(p, "'\xE2"));) {
        size_t apo = *p == '\'' ? 1 : strncmp(p, "\xE2\x80\x99", 3) == 0 ? 3 : 0;
        char *x = p - 1, *w = p + apo;
        if (!apo || p == s || !elided_letter(*x) || (x > s && is_wordy(x[-1])) ||
            !((*w | 0x20) >= 'a' && (*w | 0x20) <= 'z')) {
            p += apo ? apo : 1;
            continue;
        }
        size_t n = (size_t)(w - x);
        while (is_wordy(x[n]) || x[n] == '-')
            n++;
        p = switched_word(x, n) ? join_elision(p, apo) : w;
    }
}

/* text[from, to) in a string with room to join its elisions: twice the
 * bytes, as each apostrophe (one byte) may become a soft hyphen (two). */
static char *piece_copy(const char *text, size_t from, size_t to)
{
    char *piece = malloc(2 * (to - from) + 1);
    if (piece) {
        memcpy(piece, text + from, to - from);
        piece[to - from] = '\0';
    }
    return piece;
}

/* Says text[from, to) with voice (NULL: the main one). */
static int speak_piece(const char *text, size_t from, size_t to, const char *voice,
                       ora_error *err)
{
    if (from >= to || engine.stopped)
        return 0;
    char *piece = piece_copy(text, from, to);
    if (piece && !voice && strncmp(engine.voice, "fr", 2) == 0)
        unswitch_elisions(piece);
    return speak_string(piece, text, from, voice, err);
}

/* The bytes of an elided article or pronoun ("l'", "d’", "qu'" aside)
 * that ends at start, a word of one letter after no letter: 0 if none. */
static size_t elision_before(const char *text, size_t at, size_t start)
{
    size_t apo = start >= at + 4 && memcmp(text + start - 3, "\xE2\x80\x99", 3) == 0 ? 3
                 : start >= at + 2 && text[start - 1] == '\'' ? 1 : 0;
    if (!apo || !elided_letter(text[start - apo - 1]))
        return 0;
    size_t x = start - apo - 1;
    return x == at || !is_wordy(text[x - 1]) ? apo + 1 : 0;
}

/* "de l'<voice en>Army Corps</voice>": said alone, the French piece's
 * "l'" is the letter L (/El/), "d'" the letter D. The other voice says
 * the article with its word instead, joined into one (join_elision): the
 * piece from the article's letter at from, the word at start, to end. */
static char *elided_run(const char *text, size_t from, size_t start, size_t end)
{
    char *piece = piece_copy(text, from, end);
    if (piece)
        join_elision(piece + 1, start - from - 1);
    return piece;
}

/* Each run is its own espeak_ng_Synthesize call with its voice, from the
 * start of its first word to the start of the next word after it, so
 * that its punctuation keeps its pause. eSpeak NG's own SSML would count
 * the markup in its event positions. */
int ora_speak_runs_marks(const char *text, const ora_lang_run *runs,
                         size_t n_runs, ora_audio *au, ora_marks *marks,
                         ora_error *err)
{
    if (!engine.ready) {
        ora_set_error(err, "the speech engine is not started.");
        return -1;
    }
    engine.target = au;
    engine.marks = marks;
    engine.words_from = marks ? marks->n_words : 0;
    engine.failed = engine.stopped = false;
    size_t len = strlen(text), at = 0;
    int rc = 0;
    for (size_t k = 0; rc == 0 && k < n_runs; k++) {
        const ora_lang_run *r = &runs[k];
        if (r->start < at || r->end > len || r->start >= r->end)
            continue;
        size_t end = r->end, start = r->start;
        while (end < len && !is_wordy(text[end]))
            end++;
        /* Nothing but signs before it («): they go with the run. */
        if (!has_word(text, at, start))
            start = at;
        char voice[48];
        voice_for(r->lang, voice, sizeof voice);
        const char *v = language_known(r->lang) ? voice : NULL;
        size_t el = v ? elision_before(text, at, start) : 0;
        rc = speak_piece(text, at, start - el, NULL, err);
        if (rc == 0 && el && !engine.stopped)
            rc = speak_string(elided_run(text, start - el, start, end), text, start - el, v, err);
        else if (rc == 0)
            rc = speak_piece(text, start, end, v, err);
        at = end;
    }
    if (rc == 0)
        rc = speak_piece(text, at, len, NULL, err);
    engine.target = NULL;
    engine.marks = NULL;
    engine.char_off = 0;
    engine.drop_first = false;
    return rc;
}

int ora_speak_script(const ora_script *s, ora_audio *au, ora_timing *timings,
                     ora_error *err)
{
    return ora_speak_script_marks(s, au, timings, NULL, err);
}

int ora_speak_script_marks(const ora_script *s, ora_audio *au, ora_timing *timings,
                           ora_marks *marks, ora_error *err)
{
    for (size_t i = 0; i < s->n; i++) {
        const ora_segment *g = &s->segs[i];
        size_t start = au->n;
        if (ora_speak_runs_marks(g->spoken ? g->spoken : g->written,
                                 g->spoken ? g->runs : NULL, g->spoken ? g->n_runs : 0,
                                 au, marks ? &marks[i] : NULL, err) < 0)
            return -1;
        if (timings)
            timings[i] = (ora_timing){ora_audio_ms(au, start), ora_audio_ms(au, au->n),
                                      start, au->n};
        if (ora_audio_silence(au, g->pause_ms) < 0) {
            ora_set_error(err, "out of memory while adding pauses.");
            return -1;
        }
    }
    return 0;
}
