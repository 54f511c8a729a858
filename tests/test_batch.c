/* Batch mode with real worker processes: names inside --outdir, failures
 * skipped and reported, the JSON-lines log, --resume after SIGKILL, and
 * --shard slices (also under GNU parallel) that cover the list exactly. */
#include "testutil.h"

#include <fcntl.h>
#include <json.h>
#include <signal.h>
#include <sys/stat.h>
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
    assert_int_equal(tu_count_entries(p), 4); /* and .oralise-inputs, no temporary */
    assert_int_equal(count_outputs(p), 3);
    snprintf(p, sizeof p, "%s/out/.oralise-inputs", d);
    assert_int_equal(tu_count_entries(p), 3); /* what each was made from */
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
    assert_int_equal(tu_count_entries(p), 4); /* and the records of their inputs */
    assert_int_equal(count_outputs(p), 3);
    snprintf(p, sizeof p, "%s", d);
    assert_int_equal(tu_count_entries(p), 2); /* in/ and out/ only */
    tu_result_free(&r);
    tu_rmdir(d);
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
    char records[600];
    snprintf(p, sizeof p, "%s/out", d);
    snprintf(records, sizeof records, "%s/out/.oralise-inputs", d);
    /* Until the batch is under way: outputs, and one recorded (a record
     * follows its output by a rename; an output without one is redone). */
    for (int waited = 0; (count_outputs(p) < 2 || count_outputs(records) < 1) && waited < 60000;
         waited += 5)
        usleep(5000);
    kill(-pid, SIGKILL);
    waitpid(pid, NULL, 0);
    int before = count_outputs(p);
    assert_true(before >= 2 && before < n);

    char resume[1100];
    snprintf(resume, sizeof resume, "%s --resume --log %s/log.jsonl", args, d);
    tu_result r = tu_run("%s", resume);
    assert_int_equal(r.status, 0);
    assert_int_equal(tu_count_entries(p), n + 1); /* every output and the records, no temporary */
    assert_int_equal(tu_count_entries(records), n);
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
    snprintf(cmd, sizeof cmd, "TERM=xterm script -qec '%s --outdir %s/tty -j 1 %s/in/a1.txt %s/in/a2.txt "
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


/* Transcripts and report asked for without a name: NAME.vtt, NAME.srt and
 * NAME.json beside each output, each the transcript of its own article;
 * "out//" given, "out/NAME" logged. */
static void sidecars_beside_each_output(void **state)
{
    (void)state;
    char *d = tu_tmpdir(), p[600];
    /* --outdir after --report: the batch is known before the word that
     * follows --report, an input, is looked at. */
    tu_result r = tu_run("--log %s/log.jsonl -j 2 --vtt --srt --report samples/lemonde-atacms.txt "
                         "--outdir %s/out// tests/data/audio-sections.html", d, d);
    assert_int_equal(r.status, 0);
    assert_null(strstr(r.err, "//"));
    snprintf(p, sizeof p, "%s/out/lemonde-atacms.ogg: ", d);
    assert_non_null(strstr(r.err, p));
    snprintf(p, sizeof p, "%s/log.jsonl", d);
    char *log = tu_read(p);
    assert_null(strstr(log, "//"));
    free(log);
    const char *names[2] = {"lemonde-atacms", "audio-sections"};
    const char *words[2] = {"ATACMS", "Une deuxième partie"};
    for (int i = 0; i < 2; i++) {
        snprintf(p, sizeof p, "%s/out/%s.vtt", d, names[i]);
        char *vtt = tu_read(p);
        assert_non_null(vtt);
        assert_int_equal(strncmp(vtt, "WEBVTT", 6), 0);
        assert_non_null(strstr(vtt, words[i]));
        assert_null(strstr(vtt, words[1 - i])); /* not the other article's */
        free(vtt);
        snprintf(p, sizeof p, "%s/out/%s.srt", d, names[i]);
        char *srt = tu_read(p);
        assert_non_null(srt);
        assert_non_null(strstr(srt, " --> "));
        free(srt);
        snprintf(p, sizeof p, "%s/out/%s.json", d, names[i]);
        char *json = tu_read(p);
        json_object *o = json_tokener_parse(json), *v;
        assert_non_null(o);
        assert_true(json_object_object_get_ex(o, "chapters", &v));
        json_object_put(o);
        free(json);
    }
    snprintf(p, sizeof p, "%s/out", d);
    assert_int_equal(count_outputs(p), 8);
    tu_result_free(&r);
    tu_rmdir(d);
}

/* One usage error line, status 2, nothing written. */
static void assert_usage_error(const char *dir, const char *expect, tu_result r)
{
    if (r.status != 2 || tu_count_lines(r.err) != 1 || !strstr(r.err, expect))
        fail_msg("status %d, expected 2 and one line with \"%s\": %s", r.status, expect, r.err);
    assert_int_equal(tu_count_entries(dir), 0);
    tu_result_free(&r);
}

/* One name for several outputs is refused before any work: each article
 * would overwrite the last one's file. */
static void one_name_for_many_is_refused(void **state)
{
    (void)state;
    char *d = tu_tmpdir();
    const char *two = "samples/lemonde-atacms.txt tests/data/audio-sections.html";
    assert_usage_error(d, "--vtt alone", tu_run("--vtt %s/all.vtt --outdir %s/out %s", d, d, two));
    assert_usage_error(d, "--report alone",
                       tu_run("--outdir %s/out --report=%s/all.json %s", d, d, two));
    assert_usage_error(d, "--outdir DIR", tu_run("%s -o %s/both.ogg", two, d));
    assert_usage_error(d, "drop -o", tu_run("--outdir %s/out -o %s/x.ogg %s", d, d, two));
    assert_usage_error(d, "--outdir", tu_run("--resume samples/lemonde-atacms.txt -o %s/x.ogg", d));
    tu_rmdir(d);
}

/* Changes the byte at offset in path, keeping its size and its times. */
static void change_keeping_time(const char *path, long offset)
{
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    FILE *f = fopen(path, "r+b");
    assert_non_null(f);
    fseek(f, offset, SEEK_SET);
    int c = fgetc(f);
    assert_true(c >= 'a' && c <= 'y');
    fseek(f, offset, SEEK_SET);
    fputc(c + 1, f);
    fclose(f);
    struct timespec times[2] = {st.st_atim, st.st_mtim};
    assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
    struct stat after;
    assert_int_equal(stat(path, &after), 0);
    assert_int_equal(after.st_size, st.st_size);
    assert_int_equal(after.st_mtim.tv_nsec, st.st_mtim.tv_nsec);
}

static const char *status_of(const char *log, const char *name)
{
    static char status[16];
    char key[64];
    snprintf(key, sizeof key, "/%s\",", name);
    const char *line = strstr(log, key), *st = line ? strstr(line, "\"status\":\"") : NULL;
    if (!st)
        return "";
    snprintf(status, sizeof status, "%.*s", (int)strcspn(st + 10, "\""), st + 10);
    return status;
}

/* --resume skips an output whose input is the same bytes (even touched),
 * and redoes one whose input changed, even with its size and time kept. */
static void resume_redoes_changed_inputs(void **state)
{
    (void)state;
    char *d = make_inputs(3), p[600];
    tu_result r = tu_run("-q --outdir %s/out -j 2 %s/in/a1.txt %s/in/a2.txt %s/in/a3.txt", d, d, d, d);
    assert_int_equal(r.status, 0);
    tu_result_free(&r);
    snprintf(p, sizeof p, "%s/in/a2.txt", d);
    char *text = tu_read(p);
    long at = strstr(text, "Washington a finalement") - text + 1; /* the "a" of Washington */
    free(text);
    change_keeping_time(p, at);
    snprintf(p, sizeof p, "touch %s/in/a3.txt", d); /* a new time, the same bytes */
    assert_int_equal(system(p), 0);
    r = tu_run("-q --outdir %s/out --resume --log %s/log.jsonl -j 2 %s/in/a1.txt %s/in/a2.txt "
               "%s/in/a3.txt", d, d, d, d, d);
    assert_int_equal(r.status, 0);
    tu_result_free(&r);
    snprintf(p, sizeof p, "%s/log.jsonl", d);
    char *log = tu_read(p);
    assert_string_equal(status_of(log, "a1.txt"), "skipped");
    assert_string_equal(status_of(log, "a2.txt"), "done");
    assert_string_equal(status_of(log, "a3.txt"), "skipped");
    free(log);
    /* Asking for a transcript now: outputs without one are not complete. */
    r = tu_run("-q --outdir %s/out --resume --vtt --log %s/log2.jsonl %s/in/a1.txt", d, d, d);
    assert_int_equal(r.status, 0);
    tu_result_free(&r);
    snprintf(p, sizeof p, "%s/log2.jsonl", d);
    log = tu_read(p);
    assert_string_equal(status_of(log, "a1.txt"), "done");
    free(log);
    snprintf(p, sizeof p, "%s/out/a1.vtt", d);
    assert_true(tu_exists(p));
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
        cmocka_unit_test(sidecars_beside_each_output),
        cmocka_unit_test(one_name_for_many_is_refused),
        cmocka_unit_test(resume_redoes_changed_inputs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
