/* Nothing lost, nothing silent: every write is checked, two outputs never
 * share a file, and numbers in options are checked whole (issue 12). */
#include "testutil.h"

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(standard_output_errors_fail),
        cmocka_unit_test(log_write_errors_fail),
        cmocka_unit_test(outputs_on_one_file_are_refused),
        cmocka_unit_test(numbers_in_options_are_checked_whole),
        cmocka_unit_test(batch_names_are_unique),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
