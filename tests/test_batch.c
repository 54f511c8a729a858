/* Batch mode with real worker processes: names inside --outdir, failures
 * skipped and reported, the JSON-lines log, --resume after SIGKILL, and
 * --shard slices (also under GNU parallel) that cover the list exactly. */
#include "testutil.h"

#include <json.h>
#include <signal.h>
#include <time.h>

/* A folder of inputs: n copies of the text sample named a1.txt … */
static char *make_inputs(int n)
{
    char *d = tu_tmpdir(), cmd[512];
    snprintf(cmd, sizeof cmd, "mkdir -p %s/in && for i in $(seq 1 %d); do "
                              "cp samples/lemonde-atacms.txt %s/in/a$i.txt; done", d, n, d);
    assert_int_equal(system(cmd), 0);
    return d;
}

static void assert_complete_audio(const char *path)
{
    tu_audio a;
    if (!tu_audio_read(path, &a))
        fail_msg("%s is not a readable audio file", path);
    if (a.seconds < 90 || a.seconds > 120)
        fail_msg("%s lasts %.1f s, expected about 103 s", path, a.seconds);
    tu_audio_free(&a);
}

static int count_json_lines(const char *path, const char *status)
{
    char *log = tu_read(path);
    assert_non_null(log);
    int n = 0;
    for (char *line = strtok(log, "\n"); line; line = strtok(NULL, "\n")) {
        json_object *o = json_tokener_parse(line);
        assert_non_null(o);
        json_object *st, *v;
        assert_true(json_object_object_get_ex(o, "input", &v));
        assert_true(json_object_object_get_ex(o, "output", &v));
        assert_true(json_object_object_get_ex(o, "seconds", &v));
        assert_true(json_object_object_get_ex(o, "duration", &v));
        assert_true(json_object_object_get_ex(o, "error", &v));
        assert_true(json_object_object_get_ex(o, "status", &st));
        n += strcmp(json_object_get_string(st), status) == 0;
        json_object_put(o);
    }
    free(log);
    return n;
}

static void converts_all_and_skips_failures(void **state)
{
    (void)state;
    char *d = make_inputs(3), p[600];
    snprintf(p, sizeof p, "%s/in/broken.html", d);
    tu_write(p, "\x89PNG\r\n\x1a\n\0\0", 10);
    tu_result r = tu_run("--outdir %s/out --log %s/log.jsonl -j 2 %s/in/a1.txt %s/in/broken.html "
                         "%s/in/a2.txt %s/in/a3.txt", d, d, d, d, d, d);
    assert_int_equal(r.status, 1); /* one input failed */
    assert_non_null(strstr(r.err, "broken.html failed"));
    assert_non_null(strstr(r.err, "3 converted, 0 already done, 1 failed."));
    for (int i = 1; i <= 3; i++) {
        snprintf(p, sizeof p, "%s/out/a%d.ogg", d, i);
        assert_complete_audio(p);
    }
    snprintf(p, sizeof p, "%s/out", d);
    assert_int_equal(tu_count_entries(p), 3);
    snprintf(p, sizeof p, "%s/log.jsonl", d);
    assert_int_equal(count_json_lines(p, "done"), 3);
    assert_int_equal(count_json_lines(p, "failed"), 1);
    tu_result_free(&r);
    tu_rmdir(d);
}

static void names_stay_inside_outdir(void **state)
{
    (void)state;
    char *d = make_inputs(1), cmd[1024], p[600];
    snprintf(cmd, sizeof cmd, "mkdir -p %s/in/sub && cp samples/lemonde-atacms.txt %s/in/sub/a1.txt && "
                              "cp samples/lemonde-atacms.txt '%s/in/..hidden'", d, d, d);
    assert_int_equal(system(cmd), 0);
    tu_result r = tu_run("-q --format wav --outdir %s/out %s/in/a1.txt %s/in/sub/../sub/a1.txt "
                         "'%s/in/..hidden'", d, d, d, d);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.err, "");
    snprintf(p, sizeof p, "%s/out/a1.wav", d);
    assert_complete_audio(p);
    snprintf(p, sizeof p, "%s/out/a1-2.wav", d); /* same name, another folder */
    assert_complete_audio(p);
    snprintf(p, sizeof p, "%s/out/_.wav", d); /* no hidden file, no "..": */
    assert_complete_audio(p);
    snprintf(p, sizeof p, "%s/out", d);
    assert_int_equal(tu_count_entries(p), 3);
    snprintf(p, sizeof p, "%s", d);
    assert_int_equal(tu_count_entries(p), 2); /* in/ and out/ only */
    tu_result_free(&r);
    tu_rmdir(d);
}

/* Finished outputs only: temporary files start with a dot. */
static int count_outputs(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)))
        n += e->d_name[0] != '.';
    if (d)
        closedir(d);
    return n;
}

static pid_t start_in_group(const char *args)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        setpgid(0, 0);
        char cmd[2048];
        snprintf(cmd, sizeof cmd, "exec %s %s 2>/dev/null", tu_oralise(), args);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    setpgid(pid, pid);
    return pid;
}

static void resume_after_sigkill(void **state)
{
    (void)state;
    const int n = 16;
    char *d = make_inputs(n), args[1024], p[600];
    snprintf(args, sizeof args, "--outdir %s/out --from-list %s/list -j 2", d, d);
    snprintf(p, sizeof p, "ls %s/in/*.txt > %s/list", d, d);
    assert_int_equal(system(p), 0);
    pid_t pid = start_in_group(args);
    snprintf(p, sizeof p, "%s/out", d);
    for (int waited = 0; count_outputs(p) < 2 && waited < 60000; waited += 5)
        usleep(5000); /* until the batch is under way */
    kill(-pid, SIGKILL);
    waitpid(pid, NULL, 0);
    int before = count_outputs(p);
    assert_true(before >= 2 && before < n);

    char resume[1100];
    snprintf(resume, sizeof resume, "%s --resume --log %s/log.jsonl", args, d);
    tu_result r = tu_run("%s", resume);
    assert_int_equal(r.status, 0);
    assert_int_equal(tu_count_entries(p), n); /* every output, no temporary file */
    for (int i = 1; i <= n; i++) {
        snprintf(p, sizeof p, "%s/out/a%d.ogg", d, i);
        assert_complete_audio(p);
    }
    snprintf(p, sizeof p, "%s/log.jsonl", d);
    int skipped = count_json_lines(p, "skipped");
    assert_true(skipped >= 1 && skipped < n);
    assert_int_equal(skipped + count_json_lines(p, "done"), n);
    tu_result_free(&r);
    tu_rmdir(d);
}

static void list_outputs(const char *dir, char *names, size_t cap)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "ls %s | sort", dir);
    FILE *f = popen(cmd, "r");
    size_t got = fread(names, 1, cap - 1, f);
    names[got] = '\0';
    pclose(f);
}

static void shards_cover_the_list_exactly(void **state)
{
    (void)state;
    const int n = 5;
    char *d = make_inputs(n), p[600], all[1024], one[1024], two[1024];
    snprintf(p, sizeof p, "ls %s/in/*.txt > %s/list", d, d);
    assert_int_equal(system(p), 0);
    for (int k = 1; k <= 2; k++) {
        tu_result r = tu_run("-q --format flac --outdir %s/s%d --shard %d/2 --from-list %s/list",
                             d, k, k, d);
        assert_int_equal(r.status, 0);
        tu_result_free(&r);
    }
    snprintf(p, sizeof p, "%s/s1", d);
    list_outputs(p, one, sizeof one);
    snprintf(p, sizeof p, "%s/s2", d);
    list_outputs(p, two, sizeof two);
    assert_int_equal(tu_count_lines(one) + tu_count_lines(two), n);
    for (int i = 1; i <= n; i++) {
        char name[32];
        snprintf(name, sizeof name, "a%d.flac\n", i);
        bool in1 = strstr(one, name) != NULL, in2 = strstr(two, name) != NULL;
        assert_true(in1 != in2); /* in exactly one shard */
    }
    /* The same under GNU parallel, as on a cluster: 2 shards, one outdir. */
    snprintf(p, sizeof p, "parallel --will-cite %s -q --format flac --outdir %s/par "
                          "--shard {}/2 --from-list %s/list ::: 1 2", tu_oralise(), d, d);
    assert_int_equal(system(p), 0);
    snprintf(p, sizeof p, "%s/par", d);
    list_outputs(p, all, sizeof all);
    assert_int_equal(tu_count_lines(all), n);
    for (int i = 1; i <= n; i++) {
        snprintf(p, sizeof p, "%s/par/a%d.flac", d, i);
        assert_complete_audio(p);
    }
    tu_rmdir(d);
}

/* On a terminal, one line redrawn in place; elsewhere, plain lines that a
 * screen reader or a log can follow, with no carriage return. */
static void progress_fits_the_output(void **state)
{
    (void)state;
    char *d = make_inputs(3), cmd[1024], p[600];
    snprintf(cmd, sizeof cmd, "script -qec '%s --outdir %s/tty -j 1 %s/in/a1.txt %s/in/a2.txt "
                              "%s/in/a3.txt' /dev/null > %s/tty.log", tu_oralise(), d, d, d, d, d);
    assert_int_equal(system(cmd), 0);
    snprintf(p, sizeof p, "%s/tty.log", d);
    char *tty = tu_read(p);
    assert_non_null(strstr(tty, "\r3 of 3 articles"));
    assert_non_null(strstr(tty, "s left"));
    free(tty);

    tu_result r = tu_run("--outdir %s/plain -j 1 %s/in/a1.txt %s/in/a2.txt %s/in/a3.txt", d, d, d, d);
    assert_int_equal(r.status, 0);
    assert_null(strchr(r.err, '\r'));
    assert_null(strchr(r.err, '\033'));
    assert_int_equal(tu_count_lines(r.err), 4); /* one per article and a summary */
    assert_non_null(strstr(r.err, "oralise: 3 of 3: "));
    tu_result_free(&r);
    tu_rmdir(d);
}

static void batch_usage_errors(void **state)
{
    (void)state;
    char *d = tu_tmpdir();
    tu_result r = tu_run("--outdir %s/out --shard 3/2 samples/lemonde-atacms.txt", d);
    assert_int_equal(r.status, 2);
    assert_int_equal(tu_count_lines(r.err), 1);
    tu_result_free(&r);
    r = tu_run("--outdir %s/out --format aiff samples/lemonde-atacms.txt", d);
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "--format"));
    tu_result_free(&r);
    r = tu_run("--outdir %s/out --from-list %s/missing.txt", d, d);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "missing.txt"));
    tu_result_free(&r);
    assert_int_equal(tu_count_entries(d), 0);
    tu_rmdir(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(converts_all_and_skips_failures),
        cmocka_unit_test(names_stay_inside_outdir),
        cmocka_unit_test(resume_after_sigkill),
        cmocka_unit_test(shards_cover_the_list_exactly),
        cmocka_unit_test(progress_fits_the_output),
        cmocka_unit_test(batch_usage_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
