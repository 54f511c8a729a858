/* Captions and snippets as a producer gets them from the CLI: cues of the
 * sample articles that fit a screen (2 lines of 42 characters, 7 seconds),
 * in order, that give back every word spoken; one cue per sentence with
 * --cues sentence; the report's word times; --pad; the notice of a clip
 * cut by --max-duration; and "-o - > file.wav" read back whole. */
#include "audioutil.h"

#include <json-c/json.h>

#define TXT "samples/lemonde-atacms.txt"
#define HTML "samples/lemonde-atacms.html"

typedef struct {
    long start, end; /* ms */
    int lines;
    char text[400]; /* the lines joined by a space, entities decoded */
} cue;

typedef struct {
    cue *v;
    size_t n;
} cue_list;

static long vtt_ms(const char *s)
{
    int h, m, sec, ms;
    assert_int_equal(sscanf(s, "%d:%d:%d.%d", &h, &m, &sec, &ms), 4);
    return ((h * 60L + m) * 60 + sec) * 1000 + ms;
}

static void add_text(cue *c, const char *line)
{
    size_t n = strlen(c->text);
    if (n)
        c->text[n++] = ' ';
    for (const char *p = line; *p && n + 1 < sizeof c->text;) {
        const char *ent[] = {"&amp;", "&lt;", "&gt;"}, *ch = "&<>";
        int k = 0;
        while (k < 3 && strncmp(p, ent[k], strlen(ent[k])) != 0)
            k++;
        c->text[n++] = k < 3 ? ch[k] : *p;
        p += k < 3 ? strlen(ent[k]) : 1;
    }
    c->text[n] = '\0';
}

/* The cues of a WebVTT file: blocks apart by a blank line, each a number,
 * a timing line and the text lines. */
static cue_list read_vtt(const char *path)
{
    char *text = tu_read(path);
    assert_non_null(text);
    assert_true(strncmp(text, "WEBVTT\n\n", 8) == 0);
    cue_list l = {calloc(4096, sizeof(cue)), 0};
    for (char *block = text + 8; block && *block;) {
        char *next = strstr(block, "\n\n");
        if (next)
            *next = '\0', next += 2;
        assert_true(l.n < 4096);
        cue *c = &l.v[l.n++];
        char *save, *number = strtok_r(block, "\n", &save), *timing = strtok_r(NULL, "\n", &save);
        assert_non_null(number);
        assert_non_null(timing);
        char *arrow = strstr(timing, " --> ");
        assert_non_null(arrow);
        *arrow = '\0';
        c->start = vtt_ms(timing), c->end = vtt_ms(arrow + 5);
        for (char *line = strtok_r(NULL, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
            add_text(c, line), c->lines++;
        block = next;
    }
    free(text);
    return l;
}

/* Characters on a screen: code points (the samples are French text). */
static size_t chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static json_object *get(json_object *o, const char *key)
{
    json_object *v = NULL;
    if (!json_object_object_get_ex(o, key, &v))
        fail_msg("no \"%s\" in the report", key);
    return v;
}

static double num(json_object *o, const char *key)
{
    return json_object_get_double(get(o, key));
}

static const char *str(json_object *o, const char *key)
{
    return json_object_get_string(get(o, key));
}

/* The words of a text, one after another, split at white space. */
typedef struct {
    char **v;
    size_t n;
} word_list;

static void add_words(word_list *w, const char *text)
{
    char *copy = strdup(text), *save;
    for (char *t = strtok_r(copy, " \n\t", &save); t; t = strtok_r(NULL, " \n\t", &save)) {
        w->v = realloc(w->v, (w->n + 1) * sizeof *w->v);
        w->v[w->n++] = strdup(t);
    }
    free(copy);
}

static void free_words(word_list *w)
{
    for (size_t i = 0; i < w->n; i++)
        free(w->v[i]);
    free(w->v);
}

static void assert_same_words(const word_list *a, const word_list *b, const char *what)
{
    for (size_t i = 0; i < a->n && i < b->n; i++)
        if (strcmp(a->v[i], b->v[i]) != 0)
            fail_msg("%s: word %zu is \"%s\", the script says \"%s\"", what, i, a->v[i], b->v[i]);
    if (a->n != b->n)
        fail_msg("%s: %zu words, the script has %zu", what, a->n, b->n);
}

/* The words spoken, as written: the text of every part of the report. */
static word_list spoken_words(json_object *report)
{
    word_list w = {0};
    json_object *segs = get(report, "segments");
    for (size_t i = 0; i < json_object_array_length(segs); i++)
        add_words(&w, str(json_object_array_get_idx(segs, i), "text"));
    return w;
}

typedef struct {
    char *dir, audio[300], vtt[300], srt[300], report[300];
    cue_list cues;
    json_object *json;
} run;

static void run_cli(run *r, const char *input, const char *ext, const char *extra)
{
    r->dir = tu_tmpdir();
    snprintf(r->audio, sizeof r->audio, "%s/a.%s", r->dir, ext);
    snprintf(r->vtt, sizeof r->vtt, "%s/a.vtt", r->dir);
    snprintf(r->srt, sizeof r->srt, "%s/a.srt", r->dir);
    snprintf(r->report, sizeof r->report, "%s/a.json", r->dir);
    tu_result res = tu_run("-q %s %s -o %s --vtt %s --srt %s --report %s", extra, input,
                           r->audio, r->vtt, r->srt, r->report);
    if (res.status != 0)
        fail_msg("oralise %s %s failed: %s", extra, input, res.err);
    tu_result_free(&res);
    r->cues = read_vtt(r->vtt);
    r->json = json_object_from_file(r->report);
    assert_non_null(r->json);
}

static void run_free(run *r)
{
    free(r->cues.v);
    json_object_put(r->json);
    tu_rmdir(r->dir);
}

/* Every cue fits a screen and its time; they come in order, apart. */
static void check_short_cues(const run *r)
{
    long duration = lround(num(r->json, "duration") * 1000), last_end = 0;
    assert_true(r->cues.n > 0);
    for (size_t i = 0; i < r->cues.n; i++) {
        const cue *c = &r->cues.v[i];
        if (chars(c->text) > ORA_CUE_LINES * ORA_CUE_LINE_WIDTH || c->lines > ORA_CUE_LINES ||
            c->lines < 1)
            fail_msg("cue %zu: %zu characters on %d lines: %s", i + 1, chars(c->text), c->lines, c->text);
        if (c->end - c->start > ORA_CUE_MAX_MS || c->end <= c->start)
            fail_msg("cue %zu lasts %ld ms: %s", i + 1, c->end - c->start, c->text);
        if (c->start < last_end || c->end > duration)
            fail_msg("cue %zu (%ld–%ld ms) overlaps the one before (ending %ld) or the end",
                     i + 1, c->start, c->end, last_end);
        last_end = c->end;
    }
    /* Each line on its own: read the file again, line by line. */
    char *text = tu_read(r->vtt), *save;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
        if (chars(line) > ORA_CUE_LINE_WIDTH)
            fail_msg("a line of %zu characters: %s", chars(line), line);
    free(text);
}

/* The cues, joined, give back the words spoken: none lost, none twice. */
static void check_cue_words(const run *r)
{
    word_list said = spoken_words(r->json), shown = {0};
    for (size_t i = 0; i < r->cues.n; i++)
        add_words(&shown, r->cues.v[i].text);
    assert_same_words(&shown, &said, r->vtt);
    free_words(&said);
    free_words(&shown);
    char *srt = tu_read(r->srt);
    size_t srt_cues = 0;
    for (char *p = strstr(srt, " --> "); p; p = strstr(p + 5, " --> "))
        srt_cues++;
    assert_int_equal(srt_cues, r->cues.n);
    free(srt);
}

static void short_cues_of_the_samples(void **state)
{
    (void)state;
    const char *inputs[] = {TXT, HTML};
    for (int k = 0; k < 2; k++) {
        run r;
        run_cli(&r, inputs[k], "wav", "");
        assert_true(r.cues.n > 30);
        check_short_cues(&r);
        check_cue_words(&r);
        run_free(&r);
    }
    run slow; /* at 80 words a minute, cues are cut by time too */
    run_cli(&slow, TXT, "wav", "--rate 80");
    check_short_cues(&slow);
    check_cue_words(&slow);
    run_free(&slow);
}

/* --cues sentence: one cue per sentence, the very sentences the report
 * lists whatever the cues. */
static void one_cue_per_sentence(void **state)
{
    (void)state;
    run s, r;
    run_cli(&s, TXT, "wav", "--cues sentence");
    run_cli(&r, TXT, "wav", "");
    json_object *sents = get(r.json, "sentences");
    size_t n = json_object_array_length(sents);
    assert_int_equal(s.cues.n, n);
    assert_true(r.cues.n > n + 10); /* the short cues cut most sentences */
    for (size_t i = 0; i < n; i++) {
        json_object *o = json_object_array_get_idx(sents, i);
        assert_int_equal(s.cues.v[i].lines, 1);
        assert_string_equal(s.cues.v[i].text, str(o, "text"));
        if (labs(s.cues.v[i].start - lround(num(o, "start") * 1000)) > 30)
            fail_msg("sentence %zu starts at %ld ms as a cue, %.3f s in the report", i + 1,
                     s.cues.v[i].start, num(o, "start"));
    }
    check_cue_words(&s);
    run_free(&s);
    run_free(&r);
}

/* A word as the report gives it: the written word without its
 * punctuation ("mois :" → "mois", "«" → nothing). */
static bool is_punct_at(const char *s, size_t *len)
{
    static const char *const marks[] = {"«", "»", "–", "—", "…", "’", "‘", "“", "”", NULL};
    for (int k = 0; marks[k]; k++)
        if (strncmp(s, marks[k], strlen(marks[k])) == 0)
            return *len = strlen(marks[k]), true;
    *len = 1;
    return *s && strchr("!\"#%&'()*,-./:;?@[\\]_{}", *s);
}

static char *bare(const char *w)
{
    size_t len, n = strlen(w);
    while (*w && is_punct_at(w, &len))
        w += len, n -= len;
    while (n) { /* from the end: find the last character's start */
        size_t b = n - 1;
        while (b && ((unsigned char)w[b] & 0xC0) == 0x80)
            b--;
        if (!is_punct_at(w + b, &len) || b + len != n)
            break;
        n = b;
    }
    return strndup(w, n);
}

static void report_words(void **state)
{
    (void)state;
    run r;
    run_cli(&r, HTML, "ogg", "");
    json_object *words = get(r.json, "words"), *segs = get(r.json, "segments");
    double duration = num(r.json, "duration"), last_end = 0;
    size_t n = json_object_array_length(words), seg = 0;
    word_list said = spoken_words(r.json), want = {0}, got = {0};
    for (size_t i = 0; i < said.n; i++) {
        char *b = bare(said.v[i]);
        if (*b)
            add_words(&want, b);
        free(b);
    }
    assert_true(n > 300);
    for (size_t i = 0; i < n; i++) {
        json_object *w = json_object_array_get_idx(words, i);
        double start = num(w, "start"), end = num(w, "end");
        add_words(&got, str(w, "text"));
        if (start < last_end - 0.0005 || end <= start || end > duration)
            fail_msg("word %zu \"%s\" at %.3f–%.3f s (the one before ended at %.3f)", i,
                     str(w, "text"), start, end, last_end);
        last_end = end;
        /* Said within a part of the audio, not in a pause between two. */
        while (seg < json_object_array_length(segs) &&
               num(json_object_array_get_idx(segs, seg), "end") < end - 0.0005)
            seg++;
        assert_true(seg < json_object_array_length(segs));
        assert_true(start >= num(json_object_array_get_idx(segs, seg), "start") - 0.0005);
    }
    assert_same_words(&got, &want, "report words");
    free_words(&said);
    free_words(&want);
    free_words(&got);
    run_free(&r);
}

/* --pad 1: a second of silence at each end; everything timed moves by
 * one second. Lossy formats get half a second unless told. */
static void pad_moves_everything(void **state)
{
    (void)state;
    run plain, padded, ogg;
    run_cli(&plain, TXT, "wav", "");
    run_cli(&padded, TXT, "wav", "--pad 1");
    run_cli(&ogg, TXT, "ogg", "");
    tu_audio a, b;
    assert_true(tu_audio_read(plain.audio, &a));
    assert_true(tu_audio_read(padded.audio, &b));
    if (fabs(b.seconds - a.seconds - 2) > 0.05)
        fail_msg("--pad 1 made %.3f s of %.3f s", b.seconds, a.seconds);
    assert_int_equal(padded.cues.v[0].start - plain.cues.v[0].start, 1000);
    assert_int_equal(padded.cues.n, plain.cues.n);
    json_object *w0 = json_object_array_get_idx(get(padded.json, "words"), 0);
    assert_true(fabs(num(w0, "start") - 1 - plain.cues.v[0].start / 1000.0) < 0.002);
    json_object *ch = get(padded.json, "chapters");
    json_object *last = json_object_array_get_idx(ch, (int)json_object_array_length(ch) - 1);
    assert_true(fabs(num(last, "end") - b.seconds) < 0.01);
    assert_true(fabs(num(padded.json, "pad") - 1) < 0.001);
    /* The first second is silence, and the speech starts right after. */
    SF_INFO info = {0};
    SNDFILE *sf = sf_open(padded.audio, SFM_READ, &info);
    assert_non_null(sf);
    short head[23000];
    assert_int_equal(sf_readf_short(sf, head, 23000), 23000);
    sf_close(sf);
    size_t first = 0;
    while (first < 23000 && head[first] == 0)
        first++;
    assert_true(first >= (size_t)info.samplerate && first < 23000);
    assert_true(fabs(num(ogg.json, "pad") - 0.5) < 0.001);
    assert_int_equal(ogg.cues.v[0].start - plain.cues.v[0].start, 500);
    tu_audio_free(&a);
    tu_audio_free(&b);
    run_free(&plain);
    run_free(&padded);
    run_free(&ogg);
}

/* A clip cut by --max-duration says that the excerpt ends; the share of
 * the article behind the paywall, a figure about the whole article, is
 * not said. An article with no paywall ends with the same words. */
static void clip_ends_with_the_excerpt_notice(void **state)
{
    (void)state;
    run r;
    run_cli(&r, TXT, "ogg", "--max-duration 30");
    tu_audio a;
    assert_true(tu_audio_read(r.audio, &a));
    assert_true(a.seconds <= 30.05 && a.seconds > 15);
    assert_true(json_object_get_boolean(get(r.json, "shortened")));
    json_object *segs = get(r.json, "segments");
    json_object *last = json_object_array_get_idx(segs, (int)json_object_array_length(segs) - 1);
    assert_string_equal(str(last, "role"), "notice");
    assert_true(strncmp(str(last, "text"), "Fin de l'extrait.", 17) == 0);
    char *vtt = tu_read(r.vtt);
    assert_null(strchr(vtt, '%'));
    assert_null(strstr(vtt, "reste"));
    assert_non_null(strstr(vtt, "Fin de l'extrait."));
    assert_non_null(strstr(vtt, "abonnés"));
    free(vtt);
    check_short_cues(&r);
    check_cue_words(&r);
    /* The words said before the cut, and the notice's: no word of what
     * was cut off. */
    json_object *words = get(r.json, "words");
    json_object *lw = json_object_array_get_idx(words, (int)json_object_array_length(words) - 1);
    assert_string_equal(str(lw, "text"), "abonnés");
    tu_audio_free(&a);
    run_free(&r);

    run_cli(&r, "tests/data/audio-sections.html", "wav", "--max-duration 9");
    assert_true(r.cues.n >= 2);
    assert_string_equal(r.cues.v[r.cues.n - 1].text, "Fin de l'extrait.");
    run_free(&r);
}

static unsigned long le32(const unsigned char *p)
{
    return p[0] | (unsigned long)p[1] << 8 | (unsigned long)p[2] << 16 | (unsigned long)p[3] << 24;
}

/* "-o - > file.wav": the header, written first for a stream of unknown
 * length, is written again at the end with the real one. Into a pipe it
 * stays open-ended, and libsndfile still reads it. */
static void stdout_into_a_file(void **state)
{
    (void)state;
    char *dir = tu_tmpdir(), cmd[1200], streamed[300], piped[300], file[300];
    snprintf(streamed, sizeof streamed, "%s/s.wav", dir);
    snprintf(piped, sizeof piped, "%s/p.wav", dir);
    snprintf(file, sizeof file, "%s/f.wav", dir);
    snprintf(cmd, sizeof cmd, "%s -q --pad 0.3 " TXT " -o - > %s && %s -q --pad 0.3 " TXT
             " -o - | cat > %s && %s -q --pad 0.3 " TXT " -o %s",
             tu_oralise(), streamed, tu_oralise(), piped, tu_oralise(), file);
    assert_int_equal(system(cmd), 0);
    tu_audio s, p, f;
    assert_true(tu_audio_read(streamed, &s));
    assert_true(tu_audio_read(piped, &p));
    assert_true(tu_audio_read(file, &f));
    if (fabs(s.seconds - f.seconds) > 0.1 || fabs(p.seconds - f.seconds) > 0.1)
        fail_msg("-o - gave %.3f s into a file, %.3f s into a pipe; -o FILE %.3f s",
                 s.seconds, p.seconds, f.seconds);
    struct stat st;
    assert_int_equal(stat(streamed, &st), 0);
    unsigned char hdr[44];
    FILE *in = fopen(streamed, "rb");
    assert_non_null(in);
    assert_int_equal(fread(hdr, 1, 44, in), 44);
    fclose(in);
    assert_int_equal(le32(hdr + 4), (unsigned long)st.st_size - 8);
    assert_int_equal(le32(hdr + 40), (unsigned long)st.st_size - 44);
    tu_audio_free(&s);
    tu_audio_free(&p);
    tu_audio_free(&f);
    tu_rmdir(dir);
}

/* A bad --pad or --cues is a usage error: one line, status 2, nothing
 * written. */
static void bad_values_refused(void **state)
{
    (void)state;
    const char *bad[] = {"--pad -1", "--pad 61", "--pad x", "--cues long", "--cues"};
    char *dir = tu_tmpdir();
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        tu_result r = tu_run("%s " TXT " -o %s/a.ogg", bad[i], dir);
        if (r.status != 2 || tu_count_lines(r.err) != 1)
            fail_msg("%s: status %d, %s", bad[i], r.status, r.err);
        tu_result_free(&r);
    }
    assert_int_equal(tu_count_entries(dir), 0);
    tu_rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(short_cues_of_the_samples),
        cmocka_unit_test(one_cue_per_sentence),
        cmocka_unit_test(report_words),
        cmocka_unit_test(pad_moves_everything),
        cmocka_unit_test(clip_ends_with_the_excerpt_notice),
        cmocka_unit_test(stdout_into_a_file),
        cmocka_unit_test(bad_values_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
