/* The command line's conventions, as a user meets them: exit status 2 for
 * every kind of usage error and 1 for a failed input; the closest option
 * named after an unknown one; audio refused on a terminal, on a real
 * pseudo-terminal; progress redrawn only on a capable terminal (TERM=dumb
 * and pipes get one line per step); summaries in words; --print=chapters
 * with the times the audio has. */
#include "testutil.h"

#include "cli.h"

#include <json.h>
#include <math.h>
#include <pty.h>
#include <regex.h>

static const char *const sample = "samples/lemonde-atacms.txt";

/* ── Exit status ──────────────────────────────────────────────────────── */

/* One line on stderr, the status expected, nothing on stdout or in dir. */
static void assert_status(int status, const char *dir, const char *expect, const char *fmt, ...)
{
    char args[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(args, sizeof args, fmt, ap);
    va_end(ap);
    tu_result r = tu_run("%s", args);
    if (r.status != status)
        fail_msg("oralise %s: status %d, expected %d: %s", args, r.status, status, r.err);
    if (tu_count_lines(r.err) != 1 || !strstr(r.err, expect))
        fail_msg("oralise %s: expected one line with \"%s\": %s", args, expect, r.err);
    assert_string_equal(r.out, "");
    assert_int_equal(tu_count_entries(dir), 0);
    tu_result_free(&r);
}

static void usage_errors_exit_2(void **state)
{
    (void)state;
    char *d = tu_tmpdir();
    /* unknown option */
    assert_status(2, d, "unknown option --frobnicate", "--frobnicate %s -o %s/x.ogg", sample, d);
    assert_status(2, d, "unknown option -Z", "-Z %s -o %s/x.ogg", sample, d);
    /* bad option value */
    assert_status(2, d, "--rate", "--rate fast %s -o %s/x.ogg", sample, d);
    assert_status(2, d, "out of range", "--loudness 100 %s -o %s/x.ogg", sample, d);
    assert_status(2, d, "unknown voice", "--voice klingon %s -o %s/x.ogg", sample, d);
    assert_status(2, d, "audio format", "%s -o %s/x.xyz", sample, d);
    assert_status(2, d, "--print takes", "--print=everything %s", sample);
    assert_status(2, d, "--format", "--outdir %s/out --format aiff %s", d, sample);
    assert_status(2, d, "takes no value", "--resume=yes --outdir %s/out %s", d, sample);
    /* missing argument */
    assert_status(2, d, "needs a value", "%s -o %s/x.ogg --rate", sample, d);
    assert_status(2, d, "no INPUT", "-o %s/x.ogg", d);
    assert_status(2, d, "no output", "%s", sample);
    /* conflicting options */
    assert_status(2, d, "the same file", "%s -o %s/x.ogg --report=%s/x.ogg", sample, d, d);
    assert_status(2, d, "--raw", "--raw %s -o %s/x.wav", sample, d);
    assert_status(2, d, "--outdir", "%s %s -o %s/x.ogg", sample, sample, d);
    assert_status(2, d, "--outdir", "--shard 1/2 %s -o %s/x.ogg", sample, d);
    assert_status(2, d, "beside", "%s -o - --vtt", sample);
    assert_status(2, d, "takes no INPUT", "--normalize %s", sample);
    /* failed inputs */
    assert_status(1, d, "No such file", "%s/missing.html -o %s/x.ogg", d, d);
    assert_status(1, d, "no article", "tests/fixtures/html/non-article-une.html -o %s/x.ogg", d);
    assert_status(1, d, "No such file", "--print=chapters %s/missing.html", d);
    tu_rmdir(d);
}

/* ── The closest option ───────────────────────────────────────────────── */

static void assert_suggests(const char *typed, const char *expect)
{
    tu_result r = tu_run("%s %s -o /nonexistent/x.ogg", typed, sample);
    assert_int_equal(r.status, 2);
    assert_int_equal(tu_count_lines(r.err), 1);
    if (!strstr(r.err, expect))
        fail_msg("%s: expected \"%s\": %s", typed, expect, r.err);
    tu_result_free(&r);
}

static void unknown_options_name_the_closest(void **state)
{
    (void)state;
    assert_suggests("--speed 200", "unknown option --speed: did you mean --rate?");
    assert_suggests("--speed=200", "did you mean --rate?");
    assert_suggests("--spped 200", "did you mean --rate?"); /* a slip in a synonym */
    assert_suggests("--qualty 0.5", "did you mean --quality?");
    assert_suggests("--vocie fr", "did you mean --voice?");
    assert_suggests("--volume -16", "did you mean --loudness?");
    assert_suggests("--chapters", "did you mean --print=chapters?");
    assert_suggests("-rate 200", "long options take two dashes: --rate");
    assert_suggests("--out x", "ambiguous: --output, --outro or --outdir?");
    tu_result r = tu_run("--zzzzzzzz %s", sample); /* nothing near: no guess */
    assert_non_null(strstr(r.err, "unknown option --zzzzzzzz."));
    assert_null(strstr(r.err, "did you mean"));
    tu_result_free(&r);
}

/* ── Words ────────────────────────────────────────────────────────────── */

static void durations_and_counts_in_words(void **state)
{
    (void)state;
    char b[80];
    assert_string_equal(cli_duration_words(103, b, sizeof b), "1 minute 43 seconds");
    assert_string_equal(cli_duration_words(102.6, b, sizeof b), "1 minute 43 seconds");
    assert_string_equal(cli_duration_words(17, b, sizeof b), "17 seconds");
    assert_string_equal(cli_duration_words(1, b, sizeof b), "1 second");
    assert_string_equal(cli_duration_words(60, b, sizeof b), "1 minute");
    assert_string_equal(cli_duration_words(61, b, sizeof b), "1 minute 1 second");
    assert_string_equal(cli_duration_words(120, b, sizeof b), "2 minutes");
    assert_string_equal(cli_duration_words(3725, b, sizeof b), "1 hour 2 minutes 5 seconds");
    assert_string_equal(cli_duration_words(7200, b, sizeof b), "2 hours");
    assert_string_equal(cli_duration_words(0.2, b, sizeof b), "0 seconds");
    assert_string_equal(cli_count_words(1, "part", b, sizeof b), "1 part");
    assert_string_equal(cli_count_words(6, "part", b, sizeof b), "6 parts");
    assert_string_equal(cli_count_words(0, "part", b, sizeof b), "0 parts");
    assert_string_equal(cli_clock(3723250, b, sizeof b), "01:02:03.250");
    assert_string_equal(cli_clock(0, b, sizeof b), "00:00:00.000");
}

static void summary_in_words(void **state)
{
    (void)state;
    char *d = tu_tmpdir();
    tu_result r = tu_run("%s -o %s/a.wav", sample, d);
    assert_int_equal(r.status, 0);
    regex_t re;
    assert_int_equal(regcomp(&re, "^oralise: wrote [^:]*a\\.wav: 1 minute [0-9]+ seconds?, "
                                  "[0-9]+ parts?, ending with the paywall notice\\.$",
                             REG_EXTENDED | REG_NEWLINE), 0);
    if (regexec(&re, r.err, 0, NULL, 0) != 0)
        fail_msg("summary not in words: %s", r.err);
    regfree(&re);
    assert_null(strstr(r.err, " min "));
    assert_null(strstr(r.err, " s "));
    tu_result_free(&r);
    /* One sentence: "1 part", never "1 parts". */
    char *one = tu_write_in(d, "one.txt", "Le conseil municipal a voté hier soir le budget de la "
                                           "ville pour l’année prochaine, après un long débat.\n");
    r = tu_run("%s -o %s/b.wav", one, d);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.err, " seconds, 1 part.\n"));
    tu_result_free(&r);
    free(one);
    tu_rmdir(d);
}

/* ── Terminals ────────────────────────────────────────────────────────── */

typedef struct {
    int status;
    char *out; /* all the terminal showed: stdout and stderr */
} pty_result;

/* Runs "oralise ARGS" with its standard output and error on a new
 * pseudo-terminal, with TERM set to term (NULL: unset) and NO_COLOR set. */
static pty_result run_on_pty(const char *term, const char *args)
{
    int master;
    struct winsize ws = {24, 80, 0, 0};
    fflush(NULL);
    pid_t pid = forkpty(&master, NULL, NULL, &ws);
    assert_true(pid >= 0);
    if (pid == 0) {
        if (term)
            setenv("TERM", term, 1);
        else
            unsetenv("TERM");
        setenv("NO_COLOR", "1", 1);
        char cmd[2048];
        snprintf(cmd, sizeof cmd, "exec %s %s </dev/null", tu_oralise(), args);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    size_t len = 0, cap = 4096;
    char *out = malloc(cap);
    for (;;) {
        if (len + 1024 > cap)
            out = realloc(out, cap *= 2);
        ssize_t k = read(master, out + len, cap - len - 1);
        if (k <= 0)
            break; /* EIO once the child has closed the terminal */
        len += (size_t)k;
    }
    out[len] = '\0';
    close(master);
    int st;
    waitpid(pid, &st, 0);
    return (pty_result){WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st), out};
}

/* A carriage return that only ends a line (the terminal writes "\r\n"
 * for "\n") is not a redraw. */
static bool redraws(const char *s)
{
    for (const char *p = s; (p = strchr(p, '\r')); p++)
        if (p[1] != '\n')
            return true;
    return false;
}

static void audio_is_not_poured_on_a_terminal(void **state)
{
    (void)state;
    pty_result r = run_on_pty("xterm", "samples/lemonde-atacms.txt -o -");
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.out, "standard output is a terminal"));
    assert_non_null(strstr(r.out, "| aplay"));
    assert_null(strstr(r.out, "RIFF"));
    assert_int_equal(tu_count_lines(r.out), 1);
    free(r.out);
    /* Into a pipe it flows as before. */
    tu_result p = tu_run("-q %s -o - | head -c 4", sample);
    assert_string_equal(p.out, "RIFF");
    tu_result_free(&p);
}

static void progress_redraws_only_on_capable_terminals(void **state)
{
    (void)state;
    char *d = tu_tmpdir(), args[1024];
    snprintf(args, sizeof args, "--outdir %s/%%s -j 1 %s tests/data/audio-sections.html", d, sample);
    char run[1100];
    snprintf(run, sizeof run, args, "xterm");
    pty_result r = run_on_pty("xterm", run);
    assert_int_equal(r.status, 0);
    assert_true(redraws(r.out));
    assert_non_null(strstr(r.out, "\r2 of 2 articles"));
    assert_null(strchr(r.out, '\033')); /* never a colour, NO_COLOR or not */
    free(r.out);
    const char *plain[] = {"dumb", NULL};
    for (int i = 0; i < 2; i++) {
        snprintf(run, sizeof run, args, plain[i] ? plain[i] : "unset");
        r = run_on_pty(plain[i], run);
        assert_int_equal(r.status, 0);
        if (redraws(r.out))
            fail_msg("TERM=%s: a redrawn line: %s", plain[i] ? plain[i] : "(unset)", r.out);
        assert_null(strchr(r.out, '\033'));
        assert_non_null(strstr(r.out, "oralise: 1 of 2: "));
        assert_non_null(strstr(r.out, "oralise: 2 of 2: "));
        assert_non_null(strstr(r.out, " of speech.\r\n"));
        free(r.out);
    }
    /* A pipe: lines, no carriage return at all. */
    tu_result p = tu_run("--outdir %s/pipe -j 1 %s tests/data/audio-sections.html", d, sample);
    assert_int_equal(p.status, 0);
    assert_null(strchr(p.err, '\r'));
    assert_int_equal(tu_count_lines(p.err), 3);
    tu_result_free(&p);
    tu_rmdir(d);
}

/* ── --print=chapters ─────────────────────────────────────────────────── */

static long clock_ms(const char *line)
{
    int h, m, s, ms;
    assert_int_equal(sscanf(line, "%d:%d:%d.%d", &h, &m, &s, &ms), 4);
    return ((h * 60L + m) * 60 + s) * 1000 + ms;
}

/* The report's chapter starts, in milliseconds. */
static size_t report_starts(const char *path, long *starts, size_t cap)
{
    char *text = tu_read(path);
    json_object *o = json_tokener_parse(text), *chapters;
    free(text);
    assert_non_null(o);
    assert_true(json_object_object_get_ex(o, "chapters", &chapters));
    size_t n = json_object_array_length(chapters);
    for (size_t i = 0; i < n && i < cap; i++) {
        json_object *c = json_object_array_get_idx(chapters, i), *start;
        assert_true(json_object_object_get_ex(c, "start", &start));
        starts[i] = lround(json_object_get_double(start) * 1000);
    }
    json_object_put(o);
    return n;
}

static void print_chapters_with_their_times(void **state)
{
    (void)state;
    char *d = tu_tmpdir(), report[600];
    const char *inputs[2] = {sample, "tests/data/audio-sections.html"};
    for (int k = 0; k < 2; k++) {
        tu_result r = tu_run("--print=chapters %s", inputs[k]);
        assert_int_equal(r.status, 0);
        assert_int_equal(tu_count_entries(d), 0); /* no audio anywhere */
        regex_t re;
        assert_int_equal(regcomp(&re, "^[0-9]{2}:[0-5][0-9]:[0-5][0-9]\\.[0-9]{3} [^ ].*$",
                                 REG_EXTENDED), 0);
        snprintf(report, sizeof report, "%s/r%d.json", d, k);
        tu_result w = tu_run("-q %s -o %s/a%d.wav --report %s", inputs[k], d, k, report);
        assert_int_equal(w.status, 0);
        tu_result_free(&w);
        long starts[32];
        size_t n = report_starts(report, starts, 32), i = 0;
        long last = -1;
        for (char *line = strtok(r.out, "\n"); line; line = strtok(NULL, "\n"), i++) {
            if (regexec(&re, line, 0, NULL, 0) != 0)
                fail_msg("not \"HH:MM:SS.mmm Title\": %s", line);
            long at = clock_ms(line);
            assert_true(at > last);
            assert_true(i < n);
            /* As in the audio: eSpeak NG drifts a few ms between runs. */
            if (labs(at - starts[i]) > 100)
                fail_msg("chapter %zu at %ld ms, the audio has it at %ld ms", i, at, starts[i]);
            last = at;
        }
        assert_int_equal(i, n);
        assert_true(n >= 2);
        regfree(&re);
        tu_result_free(&r);
        snprintf(report, sizeof report, "rm -f %s/*", d);
        assert_int_equal(system(report), 0);
    }
    tu_result r = tu_run("--print=chapters %s", sample);
    assert_int_equal(strncmp(r.out, "00:00:00.000 Joe Biden autorise", 31), 0);
    assert_non_null(strstr(r.out, " Fin de la partie gratuite de cet article.\n"));
    /* --pad moves every chapter but the first (which starts the file) by
     * its silence, as in the file. */
    tu_result p = tu_run("--print=chapters --pad 1.5 %s", sample);
    assert_int_equal(p.status, 0);
    assert_int_equal(tu_count_lines(p.out), tu_count_lines(r.out));
    assert_int_equal(strncmp(p.out, "00:00:00.000 Joe Biden autorise", 31), 0);
    for (char *a = strchr(r.out, '\n'), *b = strchr(p.out, '\n'); a && b && a[1] && b[1];
         a = strchr(a + 1, '\n'), b = strchr(b + 1, '\n')) {
        long shift = clock_ms(b + 1) - clock_ms(a + 1);
        if (labs(shift - 1500) > 100)
            fail_msg("with --pad 1.5 a chapter moved by %ld ms", shift);
    }
    tu_result_free(&p);
    tu_result_free(&r);
    tu_rmdir(d);
}

/* ── Transcripts and report without a name ───────────────────────────── */

static void sidecars_beside_the_audio(void **state)
{
    (void)state;
    char *d = tu_tmpdir(), p[600];
    tu_result r = tu_run("-q %s -o %s/a.wav --vtt --srt=%s/sous-titres.txt --report", sample, d, d);
    assert_int_equal(r.status, 0);
    tu_result_free(&r);
    const char *names[] = {"a.wav", "a.vtt", "sous-titres.txt", "a.json"};
    for (int i = 0; i < 4; i++) {
        snprintf(p, sizeof p, "%s/%s", d, names[i]);
        if (!tu_exists(p))
            fail_msg("%s is missing", p);
    }
    assert_int_equal(tu_count_entries(d), 4);
    /* "--vtt FILE.vtt" after a space, as before. */
    r = tu_run("-q %s -o %s/b.wav --vtt %s/b-copy.vtt", sample, d, d);
    assert_int_equal(r.status, 0);
    snprintf(p, sizeof p, "%s/b-copy.vtt", d);
    assert_true(tu_exists(p));
    tu_result_free(&r);
    tu_rmdir(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(usage_errors_exit_2),
        cmocka_unit_test(unknown_options_name_the_closest),
        cmocka_unit_test(durations_and_counts_in_words),
        cmocka_unit_test(summary_in_words),
        cmocka_unit_test(audio_is_not_poured_on_a_terminal),
        cmocka_unit_test(progress_redraws_only_on_capable_terminals),
        cmocka_unit_test(print_chapters_with_their_times),
        cmocka_unit_test(sidecars_beside_the_audio),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
