/* Nothing lost, nothing silent: every write is checked, two outputs never
 * share a file, and numbers in options are checked whole (issue 12). */
#include "testutil.h"

#include <math.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define SAMPLE "samples/lemonde-atacms.txt"

/* Prints to a full device: the run must fail, saying so in one line. */
static void assert_full_device_fails(const char *args)
{
    char *dir = tu_tmpdir(), cmd[2048], path[600];
    snprintf(path, sizeof path, "%s/err", dir);
    snprintf(cmd, sizeof cmd, "%s %s >/dev/full 2>'%s'", tu_oralise(), args, path);
    int st = system(cmd);
    int status = WIFEXITED(st) ? WEXITSTATUS(st) : 128;
    char *err = tu_read(path);
    if (status != 1 || !strstr(err, "cannot write"))
        fail_msg("oralise %s >/dev/full: status %d, stderr \"%s\"", args, status, err);
    assert_int_equal(tu_count_lines(err), 1);
    free(err);
    tu_rmdir(dir);
}

static void standard_output_errors_fail(void **state)
{
    (void)state;
    assert_full_device_fails("--print=article " SAMPLE);
    assert_full_device_fails("--print=script " SAMPLE);
    assert_full_device_fails("--normalize <" SAMPLE);
    assert_full_device_fails("--list-voices");
    assert_full_device_fails("--help");
}

static void log_write_errors_fail(void **state)
{
    (void)state;
    char *dir = tu_tmpdir();
    tu_result r = tu_run("-q --outdir %s --format wav --log /dev/full " SAMPLE, dir);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "cannot write the log /dev/full"));
    tu_result_free(&r);
    tu_rmdir(dir);
}

static void outputs_on_one_file_are_refused(void **state)
{
    (void)state;
    char *dir = tu_tmpdir();
    char out[600], out2[600];
    snprintf(out, sizeof out, "%s/a.wav", dir);
    snprintf(out2, sizeof out2, "%s/./a.wav", dir);
    tu_result r = tu_run(SAMPLE " -o %s --vtt %s", out, out2);
    assert_int_not_equal(r.status, 0);
    assert_non_null(strstr(r.err, "same file"));
    assert_int_equal(tu_count_lines(r.err), 1);
    assert_false(tu_exists(out));
    tu_result_free(&r);
    snprintf(out2, sizeof out2, "%s/a.json", dir);
    r = tu_run(SAMPLE " -o %s --report %s --srt %s", out, out2, out2);
    assert_int_not_equal(r.status, 0);
    assert_non_null(strstr(r.err, "--srt and --report"));
    tu_result_free(&r);
    tu_rmdir(dir);
}

static void numbers_in_options_are_checked_whole(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "--rate 0", "--rate 79", "--rate 451", "--rate 4294967376", "--rate 200x",
        "--pitch 0", "--pitch 100", "--pitch 50.5", "-j 0", "-j 4294967297",
        "--shard 1/2x", "--shard 0/2", "--shard 3/2", "--shard /2", "--shard 1/",
        "--shard 1/-2", NULL};
    for (const char *const *a = bad; *a; a++) {
        tu_result r = tu_run("%s --print=script " SAMPLE, *a);
        if (r.status != 2)
            fail_msg("oralise %s: status %d, expected the usage error 2", *a, r.status);
        assert_int_equal(tu_count_lines(r.err), 1);
        tu_result_free(&r);
    }
    tu_result r = tu_run("--rate 80 --pitch 99 --print=script " SAMPLE);
    assert_int_equal(r.status, 0);
    tu_result_free(&r);
}

/* a/x.txt, b/x.txt and c/x-2.html: three inputs, three names, whatever
 * the order; and a long list is named in linear time. */
static void batch_names_are_unique(void **state)
{
    (void)state;
    ora_batch_options b;
    ora_batch_options_default(&b);
    b.outdir = "out", b.format = "ogg";
    const char *orders[2][3] = {{"a/x.txt", "b/x.txt", "c/x-2.html"},
                                {"c/x-2.html", "a/x.txt", "b/x.txt"}};
    for (int o = 0; o < 2; o++) {
        char **names = ora_batch_outputs(orders[o], 3, &b);
        assert_non_null(names);
        for (int i = 0; i < 3; i++)
            for (int k = i + 1; k < 3; k++)
                if (strcmp(names[i], names[k]) == 0)
                    fail_msg("%s and %s both go to %s", orders[o][i], orders[o][k], names[i]);
        ora_free_list(names, 3);
    }
    const char *same[] = {"p/x.txt", "q/x.txt", "r/x.txt"};
    char **names = ora_batch_outputs(same, 3, &b);
    assert_string_equal(names[0], "out/x.ogg");
    assert_string_equal(names[1], "out/x-2.ogg");
    assert_string_equal(names[2], "out/x-3.ogg");
    ora_free_list(names, 3);

    /* 200,000 inputs, half of them with one name (80,000 took 9 s when
     * each name was compared with all before it; now a fraction of a
     * second, and the suffixes still count up in list order). */
    size_t n = 200000;
    char **inputs = malloc(n * sizeof *inputs);
    for (size_t i = 0; i < n; i++) {
        inputs[i] = malloc(32);
        snprintf(inputs[i], 32, i % 2 ? "d%zu/same.txt" : "page-%zu.html", i);
    }
    names = ora_batch_outputs((const char *const *)inputs, n, &b);
    assert_non_null(names);
    assert_string_equal(names[n - 1], "out/same-100000.ogg");
    ora_free_list(names, n);
    ora_free_list(inputs, n);
}

/* In a child whose files may not pass limit bytes (a full disk, without
 * a mount): encoding 20 s of sound must fail, and leave the old file. */
static int encode_with_size_limit(const char *path, ora_format fmt, rlim_t limit)
{
    pid_t pid = fork();
    if (pid == 0) {
        signal(SIGXFSZ, SIG_IGN); /* the write fails with EFBIG instead */
        struct rlimit rl = {limit, limit};
        setrlimit(RLIMIT_FSIZE, &rl);
        ora_audio au;
        ora_audio_init(&au, 22050);
        for (int i = 0; i < 22050 * 20; i++) {
            int16_t v = (int16_t)(8000 * sin(i * 0.05) * sin(i * 0.0003));
            ora_audio_append(&au, &v, 1);
        }
        ora_encode_options eo;
        memset(&eo, 0, sizeof eo);
        eo.quality = -1;
        ora_error err = {{0}};
        int rc = ora_encode(&au, path, fmt, &eo, &err);
        _exit(rc < 0 && strstr(err.msg, path) ? 0 : 1);
    }
    int st;
    waitpid(pid, &st, 0);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 2;
}

static void full_disk_fails_every_format(void **state)
{
    (void)state;
    static const char *const ext[] = {"mp3", "ogg", "opus", "flac", "wav"};
    static const ora_format fmt[] = {ORA_FMT_MP3, ORA_FMT_OGG, ORA_FMT_OPUS, ORA_FMT_FLAC, ORA_FMT_WAV};
    char *dir = tu_tmpdir();
    for (int f = 0; f < 5; f++) {
        char path[600];
        snprintf(path, sizeof path, "%s/full.%s", dir, ext[f]);
        tu_write(path, "old", 3);
        if (encode_with_size_limit(path, fmt[f], 16 * 1024) != 0)
            fail_msg("%s: a write past the size limit was not reported", ext[f]);
        char *kept = tu_read(path);
        assert_string_equal(kept, "old");
        free(kept);
    }
    assert_int_equal(tu_count_entries(dir), 5); /* no temporary left */
    tu_rmdir(dir);
}

/* eSpeak NG is started for synthesis only: no sound server is asked for,
 * so nothing lands in HOME or TMPDIR and nothing else is printed. */
static void no_audio_device_is_opened(void **state)
{
    (void)state;
    char *home = tu_tmpdir(), *tmp = tu_tmpdir(), *out = tu_tmpdir();
    chmod(home, 0555);
    static const char *const ext[] = {"ogg", "mp3"};
    for (int k = 0; k < 2; k++) {
        char cmd[2048], errpath[600];
        snprintf(errpath, sizeof errpath, "%s/err", out);
        snprintf(cmd, sizeof cmd, "HOME='%s' TMPDIR='%s' %s -q " SAMPLE " -o '%s/a.%s' 2>'%s'",
                 home, tmp, tu_oralise(), out, ext[k], errpath);
        assert_int_equal(system(cmd), 0);
        char *err = tu_read(errpath);
        assert_string_equal(err, ""); /* no "ftruncate() failed" from a sound client */
        free(err);
    }
    assert_int_equal(tu_count_entries(home), 0);
    assert_int_equal(tu_count_entries(tmp), 0);
    chmod(home, 0755);
    tu_rmdir(home), tu_rmdir(tmp), tu_rmdir(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(standard_output_errors_fail),
        cmocka_unit_test(log_write_errors_fail),
        cmocka_unit_test(outputs_on_one_file_are_refused),
        cmocka_unit_test(numbers_in_options_are_checked_whole),
        cmocka_unit_test(batch_names_are_unique),
        cmocka_unit_test(full_disk_fails_every_format),
        cmocka_unit_test(no_audio_device_is_opened),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
