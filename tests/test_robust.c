/* Nothing lost, nothing silent: every write is checked, two outputs never
 * share a file, and numbers in options are checked whole (issue 12). */
#include "testutil.h"

#include <iconv.h>
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

/* Input size is a documented limit, enforced while reading: an endless
 * input stops at it instead of eating memory. */
static void input_size_is_limited(void **state)
{
    (void)state;
    char *dir = tu_tmpdir();
    char out[600];
    snprintf(out, sizeof out, "%s/z.ogg", dir);
    tu_result r = tu_run("/dev/zero -o %s", out);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "larger than the limit of 5 MB"));
    assert_int_equal(tu_count_lines(r.err), 1);
    tu_result_free(&r);
    r = tu_run("--max-input 1 --print=article - </dev/zero");
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "standard input is larger than the limit of 1 MB"));
    tu_result_free(&r);
    /* Just past a 1 MB limit: refused; the same file with 2 MB allowed. */
    char big[600];
    snprintf(big, sizeof big, "%s/big.txt", dir);
    FILE *f = fopen(big, "w");
    fputs("Un titre pour un long texte\n\n", f);
    for (int k = 0; k < 15000; k++) /* 1.2 MB of distinct paragraphs */
        fprintf(f, "La phrase ordinaire numéro %d revient, assez longue pour compter, et finit ici.\n\n", k);
    fclose(f);
    r = tu_run("--max-input 1 --print=article %s", big);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "--max-input"));
    tu_result_free(&r);
    r = tu_run("--max-input 2 --print=article %s", big);
    assert_int_equal(r.status, 0);
    tu_result_free(&r);
    assert_false(tu_exists(out));
    tu_rmdir(dir);
}

/* The script of a page written to a file, as --print=script gives it. */
static char *script_of(const char *dir, const char *name, const char *bytes, size_t n)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    tu_write(path, bytes, n);
    tu_result r = tu_run("--print=script %s", path);
    if (r.status != 0)
        fail_msg("%s: status %d: %s", name, r.status, r.err);
    free(r.err);
    return r.out;
}

#define PAGE_HEAD(meta) "<html><head>" meta "<title>Le budget vot\xc3\xa9</title></head><body><article>" \
    "<h1>Le budget vot\xc3\xa9</h1><p>Le conseil municipal a vot\xc3\xa9 mardi un budget "
#define PAGE_TAIL " attendu par les habitants, apr\xc3\xa8s un long d\xc3\xa9" "bat.</p><p>Les " \
    "\xc3\xa9lus de l'opposition ont d\xc3\xa9nonc\xc3\xa9 une hausse des imp\xc3\xb4ts qui " \
    "p\xc3\xa8sera sur les familles du quartier.</p></article></body></html>"

/* Charsets as browsers decide them: a stray byte leaves a UTF-8 page
 * UTF-8, a UTF-16 label on ASCII-compatible bytes is ignored, and UTF-16
 * with a byte order mark is read, not refused as binary. */
static void charsets_as_browsers_read_them(void **state)
{
    (void)state;
    char *dir = tu_tmpdir();
    static const char stray_declared[] = PAGE_HEAD("<meta charset=\"utf-8\">") "tr\xe8s" PAGE_TAIL;
    static const char stray_undeclared[] = PAGE_HEAD("") "tr\xe8s" PAGE_TAIL;
    static const char false_utf16[] = PAGE_HEAD("<meta charset=\"utf-16\">") "tr\xc3\xa8s" PAGE_TAIL;
    const char *pages[] = {stray_declared, stray_undeclared, false_utf16};
    size_t sizes[] = {sizeof stray_declared - 1, sizeof stray_undeclared - 1, sizeof false_utf16 - 1};
    for (int k = 0; k < 3; k++) {
        char *s = script_of(dir, "page.html", pages[k], sizes[k]);
        if (!strstr(s, "Les élus de l'opposition ont dénoncé") || strstr(s, "Ã"))
            fail_msg("page %d read with the wrong charset: %s", k, s);
        free(s);
    }
    /* The same page as UTF-16, little- and big-endian, with its BOM. */
    static const char *const codes[] = {"UTF-16LE", "UTF-16BE"};
    static const char *const boms[] = {"\xFF\xFE", "\xFE\xFF"};
    for (int k = 0; k < 2; k++) {
        char wide[8192], *in = (char *)false_utf16, *out = wide + 2;
        size_t in_left = sizeof false_utf16 - 1, out_left = sizeof wide - 2;
        memcpy(wide, boms[k], 2);
        iconv_t cd = iconv_open(codes[k], "UTF-8");
        assert_int_not_equal(iconv(cd, &in, &in_left, &out, &out_left), (size_t)-1);
        iconv_close(cd);
        char *s = script_of(dir, "wide.html", wide, (size_t)(out - wide));
        if (!strstr(s, "Les élus de l'opposition ont dénoncé"))
            fail_msg("%s with a BOM: %s", codes[k], s);
        free(s);
    }
    tu_rmdir(dir);
}

/* A page a server padded with a few NUL bytes (31 after "</header>", on a
 * real site) is read as browsers read it; a file with more is binary. */
static void stray_nuls_are_read_past(void **state)
{
    (void)state;
    char *dir = tu_tmpdir();
    static const char head[] = PAGE_HEAD("<meta charset=\"utf-8\">");
    static const char tail[] = "tr\xc3\xa8s" PAGE_TAIL;
    char page[4096];
    size_t n = sizeof head - 1;
    memcpy(page, head, n);
    memset(page + n, 0, 2);
    memcpy(page + n + 2, tail, sizeof tail - 1);
    char *s = script_of(dir, "padded.html", page, n + 2 + sizeof tail - 1);
    if (!strstr(s, "Les élus de l'opposition ont dénoncé"))
        fail_msg("a page with two NUL bytes: %s", s);
    free(s);
    tu_rmdir(dir);
}

/* Workers die with the process that started them: killing only the main
 * process of a long article spoken on two cores leaves nobody speaking. */
static void workers_die_with_their_parent(void **state)
{
    (void)state;
    char *dir = tu_tmpdir(), path[600], out[600], cmd[2048];
    snprintf(path, sizeof path, "%s/long.txt", dir);
    snprintf(out, sizeof out, "%s/long.ogg", dir);
    FILE *f = fopen(path, "w");
    fputs("Une longue chronique municipale\n\n", f);
    for (int k = 1; k <= 400; k++)
        fprintf(f, "Au conseil numéro %d, les élus ont débattu pendant des heures du budget des "
                   "écoles, de la piscine et des routes, sans jamais trouver d'accord sur le "
                   "calendrier des travaux promis aux habitants depuis %d ans.\n\n", k, k % 40 + 2);
    fclose(f);
    snprintf(cmd, sizeof cmd, "%s -q -j 2 '%s' -o '%s' & echo $! > '%s/pid'; sleep 1; "
             "kill -9 $(cat '%s/pid'); sleep 0.5; "
             "for p in $(pgrep -x oralise); do grep -qs '%s' /proc/$p/cmdline && echo $p; done "
             "| wc -l > '%s/left'",
             tu_oralise(), path, out, dir, dir, path, dir);
    assert_int_equal(system(cmd), 0);
    char left_path[600];
    snprintf(left_path, sizeof left_path, "%s/left", dir);
    char *left = tu_read(left_path);
    assert_int_equal(atoi(left), 0);
    free(left);
    assert_false(tu_exists(out));
    tu_rmdir(dir);
}

/* An output that exists and is no plain file is refused, not replaced by
 * the rename that puts a finished file in place. */
static void special_files_are_not_replaced(void **state)
{
    (void)state;
    char *dir = tu_tmpdir();
    char fifo[600];
    snprintf(fifo, sizeof fifo, "%s/pipe.wav", dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    tu_result r = tu_run(SAMPLE " -o %s", fifo);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "named pipe"));
    tu_result_free(&r);
    struct stat st;
    assert_int_equal(stat(fifo, &st), 0);
    assert_true(S_ISFIFO(st.st_mode));
    char out[600];
    snprintf(out, sizeof out, "%s/a.wav", dir);
    r = tu_run(SAMPLE " -o %s --vtt /dev/null", out);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "a device"));
    tu_result_free(&r);
    assert_int_equal(stat("/dev/null", &st), 0);
    assert_true(S_ISCHR(st.st_mode));
    assert_false(tu_exists(out));
    tu_rmdir(dir);
}

/* SIGTERM in the middle of a long conversion: the process and its workers
 * end, and neither the output folder nor TMPDIR keeps anything. */
static void sigterm_leaves_nothing(void **state)
{
    (void)state;
    char *dir = tu_tmpdir(), *tmp = tu_tmpdir(), path[600], cmd[2048];
    snprintf(path, sizeof path, "%s/long.txt", tmp);
    FILE *f = fopen(path, "w");
    fputs("Une longue chronique\n\n", f);
    for (int k = 1; k <= 400; k++)
        fprintf(f, "Au conseil numéro %d, les élus ont débattu pendant des heures du budget "
                   "des écoles et des routes, sans accord sur les travaux.\n\n", k);
    fclose(f);
    snprintf(cmd, sizeof cmd, "TMPDIR='%s' %s -q '%s' -o '%s/long.mp3' & p=$!; sleep 1; kill -TERM $p; "
             "wait $p; sleep 0.3; for q in $(pgrep -x oralise); do grep -qs '%s' /proc/$q/cmdline "
             "&& echo $q; done | wc -l > '%s/left'", tmp, tu_oralise(), path, dir, path, tmp);
    assert_int_equal(system(cmd), 0);
    char left[600];
    snprintf(left, sizeof left, "%s/left", tmp);
    char *n = tu_read(left);
    assert_int_equal(atoi(n), 0);
    free(n);
    assert_int_equal(tu_count_entries(dir), 0);
    assert_int_equal(tu_count_entries(tmp), 2); /* the input and the count: no spool */
    tu_rmdir(dir), tu_rmdir(tmp);
}

/* --from-list keeps a path as written; # lines and blanks are skipped. */
static void list_paths_are_kept_as_written(void **state)
{
    (void)state;
    char *dir = tu_tmpdir(), path[600];
    snprintf(path, sizeof path, "%s/list.txt", dir);
    const char *list = "# a comment\n\n  a  b/mon  article.html \r\nc.txt\n   \n#x.txt\n";
    tu_write(path, list, strlen(list));
    char **inputs;
    size_t n;
    ora_error err;
    assert_int_equal(ora_read_list(path, &inputs, &n, &err), 0);
    assert_int_equal(n, 2);
    assert_string_equal(inputs[0], "a  b/mon  article.html");
    assert_string_equal(inputs[1], "c.txt");
    ora_free_list(inputs, n);
    tu_rmdir(dir);
}

/* A page nested d elements deep around ten paragraphs, or one paragraph
 * of a text node of about big bytes when big > 0. */
static char *write_page(const char *dir, const char *name, int d, size_t big)
{
    char *path = malloc(strlen(dir) + strlen(name) + 2);
    sprintf(path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    fputs("<html><head><title>Profond</title></head><body>", f);
    for (int k = 0; k < d; k++)
        fputs("<div>", f);
    fputs("<h1>Un titre au fond de la page</h1>", f);
    if (big) {
        fputs("<p>", f);
        for (size_t n = 0; n < big; n += 60)
            fputs("Une phrase assez longue pour la prose, avec des mots, fin. ", f);
        fputs("</p>", f);
    }
    for (int k = 0; !big && k < 10; k++)
        fprintf(f, "<p>Le paragraphe numéro %d raconte une histoire assez longue pour être "
                   "lue comme de la prose, avec des virgules, des mots et une fin.</p>", k);
    for (int k = 0; k < d; k++)
        fputs("</div>", f);
    fputs("</body></html>", f);
    fclose(f);
    return path;
}

/* Past libxml2's default limits (256 levels, 10 MB text nodes) a page was
 * cut to its title with exit 0; now it is read whole, or refused. */
static void deep_and_huge_pages(void **state)
{
    (void)state;
    char *dir = tu_tmpdir();
    char *deep = write_page(dir, "deep.html", 400, 0);
    tu_result r = tu_run("--print=script %s", deep);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "Le paragraphe numéro neuf"));
    tu_result_free(&r);
    char *deeper = write_page(dir, "deeper.html", 50000, 0);
    r = tu_run("--print=article %s", deeper);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "cannot be read whole"));
    assert_int_equal(tu_count_lines(r.err), 1);
    tu_result_free(&r);
    char *huge = write_page(dir, "huge.html", 3, (size_t)11 << 20);
    r = tu_run("--max-input 16 --print=article %s", huge);
    assert_int_equal(r.status, 0);
    assert_true(strlen(r.out) > ((size_t)10 << 20)); /* the whole paragraph */
    tu_result_free(&r);
    free(deep), free(deeper), free(huge);
    tu_rmdir(dir);
}

/* One sentence of 230 KB and a one-minute snippet: it is ended at a
 * clause mark, and the snippet keeps what fits (the whole sentence was
 * once spoken into 400 MB of memory, then refused as too long). */
static void runaway_sentence_snippet(void **state)
{
    (void)state;
    char *dir = tu_tmpdir(), path[600], out[600];
    snprintf(path, sizeof path, "%s/one.txt", dir);
    snprintf(out, sizeof out, "%s/one.wav", dir);
    FILE *f = fopen(path, "w");
    fputs("Un conseil sans fin\n\n", f);
    for (int k = 0; k < 7000; k++)
        fprintf(f, "le conseil a parlé du budget numéro %d, ", k);
    fputs("et puis il a fini.\n", f);
    fclose(f);
    tu_result r = tu_run("-q %s --max-duration 60 -o %s", path, out);
    assert_int_equal(r.status, 0);
    tu_result_free(&r);
    tu_audio a;
    assert_true(tu_audio_read(out, &a));
    assert_true(a.seconds > 30 && a.seconds <= 60.5);
    tu_audio_free(&a);
    tu_rmdir(dir);
}

/* A temporary that a run killed between naming and renaming left beside
 * its output is removed by the next run to that output, and only it. */
static void stale_temporaries_are_removed(void **state)
{
    (void)state;
    char *dir = tu_tmpdir(), p[600];
    static const char *const left[] = {".a.ogg.Xy12Zt", ".a.vtt.Qw34Er"};
    static const char *const kept[] = {".b.ogg.Xy12Zt", ".a.ogg.short", "a.ogg.Xy12Zt"};
    for (int k = 0; k < 2; k++)
        snprintf(p, sizeof p, "%s/%s", dir, left[k]), tu_write(p, "x", 1);
    for (int k = 0; k < 3; k++)
        snprintf(p, sizeof p, "%s/%s", dir, kept[k]), tu_write(p, "x", 1);
    tu_result r = tu_run("-q " SAMPLE " -o %s/a.ogg --vtt %s/a.vtt", dir, dir);
    assert_int_equal(r.status, 0);
    tu_result_free(&r);
    for (int k = 0; k < 2; k++) {
        snprintf(p, sizeof p, "%s/%s", dir, left[k]);
        assert_false(tu_exists(p));
    }
    for (int k = 0; k < 3; k++) {
        snprintf(p, sizeof p, "%s/%s", dir, kept[k]);
        assert_true(tu_exists(p));
    }
    tu_rmdir(dir);
}

/* --normalize refuses invalid UTF-8 with the line it is on, instead of
 * passing it through or guessing. */
static void normalize_refuses_invalid_utf8(void **state)
{
    (void)state;
    char *dir = tu_tmpdir(), path[600];
    snprintf(path, sizeof path, "%s/in.txt", dir);
    tu_write(path, "Ligne une\nLe caf\xe9 co\xfbte 3 euros\n", 31);
    tu_result r = tu_run("--normalize <%s", path);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "line 2"));
    assert_non_null(strstr(r.err, "UTF-8"));
    assert_int_equal(tu_count_lines(r.err), 1);
    tu_result_free(&r);
    tu_rmdir(dir);
}

/* Outputs of one run commit together: a report that cannot be written
 * leaves the old audio and transcript as they were. */
static void failed_sidecar_keeps_every_old_file(void **state)
{
    (void)state;
    char *dir = tu_tmpdir(), audio[600], vtt[600];
    snprintf(audio, sizeof audio, "%s/a.ogg", dir);
    snprintf(vtt, sizeof vtt, "%s/a.vtt", dir);
    tu_write(audio, "old audio", 9);
    tu_write(vtt, "old cues", 8);
    tu_result r = tu_run("-q " SAMPLE " -o %s --vtt %s --report %s/no/such/dir/r.json", audio, vtt, dir);
    assert_int_equal(r.status, 1);
    assert_int_equal(tu_count_lines(r.err), 1);
    tu_result_free(&r);
    char *a = tu_read(audio), *v = tu_read(vtt);
    assert_string_equal(a, "old audio");
    assert_string_equal(v, "old cues");
    free(a), free(v);
    assert_int_equal(tu_count_entries(dir), 2); /* no temporary left */
    tu_rmdir(dir);
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
        cmocka_unit_test(input_size_is_limited),
        cmocka_unit_test(charsets_as_browsers_read_them),
        cmocka_unit_test(stray_nuls_are_read_past),
        cmocka_unit_test(workers_die_with_their_parent),
        cmocka_unit_test(special_files_are_not_replaced),
        cmocka_unit_test(sigterm_leaves_nothing),
        cmocka_unit_test(list_paths_are_kept_as_written),
        cmocka_unit_test(deep_and_huge_pages),
        cmocka_unit_test(runaway_sentence_snippet),
        cmocka_unit_test(stale_temporaries_are_removed),
        cmocka_unit_test(normalize_refuses_invalid_utf8),
        cmocka_unit_test(failed_sidecar_keeps_every_old_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
