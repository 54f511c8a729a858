/* Batches: many inputs, `jobs` worker processes, one input at a time each.
 *
 * Processes, not threads: eSpeak NG keeps one engine in global state and
 * crashes when two threads synthesize at once. A worker is sent input
 * numbers over a pipe and reports each result on another, so eSpeak NG
 * starts once per worker, and a crash in one article costs only that
 * article (the slot gets a new worker). Outputs appear by rename, so "the file exists" means "the file
 * is complete", which is what --resume relies on. */
#include "cli.h"
#include "internal.h"
#include "publish/publish.h"

#include <ctype.h>
#include <dirent.h>
#include <search.h>
#include <stdint.h>
#include <errno.h>
#include <json.h>
#include <poll.h>
#include <signal.h>
#include <sndfile.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* A worker process converts the inputs it is sent, one at a time, so that
 * eSpeak NG starts once per worker rather than once per article. */
typedef struct {
    pid_t pid;     /* 0: no process in this slot */
    int task_fd;   /* parent → worker: item numbers */
    int report_fd; /* worker → parent: one line per item */
    bool busy;
    size_t item; /* the input being converted, when busy */
    double started;
} worker;

typedef struct {
    const char *const *inputs;
    char **outputs;
    size_t *items; /* this shard's inputs, in order */
    size_t n_items;
    const ora_options *opt;
    const ora_batch_options *b;
    FILE *log;
    bool bar;
    size_t finished;
    double t0;
    ora_batch_summary *sum;
} batch;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void ora_batch_options_default(ora_batch_options *b)
{
    memset(b, 0, sizeof *b);
    b->format = "ogg";
    b->shard = 1, b->shards = 1;
    b->progress = ORA_PROGRESS_AUTO;
}

int ora_read_list(const char *path, char ***inputs, size_t *n, ora_error *err)
{
    char *data;
    size_t len, cap = 0;
    *inputs = NULL, *n = 0;
    if (read_whole_file(path, &data, &len, err) < 0)
        return -1;
    /* One path a line, as written: spaces inside are part of the name
     * (only those at either end, and a CR, are dropped); blank lines and
     * lines starting with "#" are skipped, as the manual says. */
    char *save = NULL; /* strtok_r: a caller may be inside its own strtok loop */
    for (char *line = strtok_r(data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        size_t a = 0, b = strlen(line);
        while (a < b && isspace((unsigned char)line[a]))
            a++;
        while (b > a && isspace((unsigned char)line[b - 1]))
            b--;
        if (a == b || line[a] == '#')
            continue;
        char *t = strndup(line + a, b - a);
        if (*n == cap) {
            cap = cap ? cap * 2 : 64;
            *inputs = realloc(*inputs, cap * sizeof **inputs);
        }
        (*inputs)[(*n)++] = t;
    }
    free(data);
    return 0;
}

void ora_free_list(char **inputs, size_t n)
{
    for (size_t i = 0; inputs && i < n; i++)
        free(inputs[i]);
    free(inputs);
}

/* The name a web address gives its output: the last part of its path
 * ("https://site.fr/a/la-une.html?x=1" → "la-une.html"), or its host when
 * the path has none ("https://site.fr/" → "site.fr"). */
static char *address_name(const char *url, bool *is_host)
{
    const char *host = strstr(url, "://") + 3;
    size_t host_len = strcspn(host, "/?#");
    const char *path = host + host_len;
    size_t path_len = *path == '/' ? strcspn(path, "?#") : 0;
    while (path_len > 1 && path[path_len - 1] == '/')
        path_len--;
    const char *last = path + path_len;
    while (last > path && last[-1] != '/')
        last--;
    *is_host = last == path + path_len;
    if (*is_host)
        return ora_strndup(host, strcspn(host, ":/?#")); /* without the port */
    return ora_strndup(last, (size_t)(path + path_len - last));
}

/* "a/b/Article.html" → "Article": the last path component (of a web
 * address: see address_name) without its extension, with characters that
 * could hide a file or break a shell (leading dots, control characters)
 * replaced. Never contains '/'. */
static char *output_stem(const char *input)
{
    bool is_host = false;
    char *own = is_web_address(input) ? address_name(input, &is_host) : NULL;
    const char *base = own ? own : base_name(input);
    const char *dot = is_host ? NULL : strrchr(base, '.');
    size_t n = dot && dot > base ? (size_t)(dot - base) : strlen(base);
    char *s = ora_strndup(base, n);
    free(own);
    for (char *p = s; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == '\\')
            *p = '_';
    for (char *p = s; *p == '.'; p++)
        *p = '_';
    if (!*s || strcmp(input, "-") == 0) {
        free(s);
        s = ora_strdup("article");
    }
    return s;
}

/* The names taken so far, each with the next suffix to try after it, in a
 * hash table (glibc's hsearch_r): a million inputs cost a million lookups,
 * not a million squared comparisons. */
typedef struct {
    struct hsearch_data table;
    char **keys; /* the table does not own its keys */
    size_t n;
} name_set;

static ENTRY *name_find(name_set *ns, char *name)
{
    ENTRY e = {name, NULL}, *found = NULL;
    hsearch_r(e, FIND, &found, &ns->table);
    return found;
}

static void name_take(name_set *ns, char *name)
{
    ENTRY e = {name, (void *)(uintptr_t)2}, *found;
    ns->keys[ns->n++] = name;
    hsearch_r(e, ENTER, &found, &ns->table);
}

/* stem, or stem-K with the smallest free K from 2 on: unique by
 * construction, even when another input's own name is "x-2". */
static char *unique_name(name_set *ns, const char *stem)
{
    ENTRY *base = name_find(ns, (char *)stem);
    if (!base) {
        char *name = ora_strdup(stem);
        name_take(ns, name);
        return name;
    }
    for (uintptr_t k = (uintptr_t)base->data;; k++) {
        strbuf b;
        sb_init(&b);
        sb_printf(&b, "%s-%lu", stem, (unsigned long)k);
        char *name = sb_take(&b);
        if (!name_find(ns, name)) {
            base->data = (void *)(k + 1);
            name_take(ns, name);
            return name;
        }
        free(name);
    }
}

char **ora_batch_outputs(const char *const *inputs, size_t n,
                         const ora_batch_options *b)
{
    char **out = calloc(n ? n : 1, sizeof *out);
    name_set ns = {.keys = calloc(n + 1, sizeof(char *))}; /* one name an input */
    if (!out || !ns.keys || !hcreate_r(4 * n + 16, &ns.table)) {
        free(out), free(ns.keys);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        char *stem = output_stem(inputs[i]);
        const char *name = unique_name(&ns, stem);
        strbuf file;
        sb_init(&file);
        sb_printf(&file, "%s.%s", name, b->format);
        out[i] = path_join(b->outdir, file.s);
        sb_free(&file);
        free(stem);
    }
    hdestroy_r(&ns.table);
    for (size_t i = 0; i < ns.n; i++)
        free(ns.keys[i]);
    free(ns.keys);
    return out;
}

static bool audio_complete(const char *path)
{
    if (epub_path(path))
        return epub_complete(path);
    SF_INFO info = {0};
    SNDFILE *sf = sf_open(path, SFM_READ, &info);
    if (!sf)
        return false;
    sf_close(sf);
    return info.frames > 0;
}

/* The audio and every transcript or report asked for are there: a resume
 * that adds --vtt makes the transcripts that are missing. */
static bool outputs_complete(const batch *bt, size_t item)
{
    const char *output = bt->outputs[item];
    const char *asked[3] = {bt->opt->vtt_path, bt->opt->srt_path, bt->opt->report_path};
    static const char *const exts[3] = {".vtt", ".srt", ".json"};
    bool ok = audio_complete(output);
    for (int k = 0; ok && k < 3; k++) {
        if (!asked[k])
            continue;
        char *path = *asked[k] ? ora_strdup(asked[k]) : sidecar_beside(output, exts[k]);
        ok = access(path, F_OK) == 0;
        free(path);
    }
    return ok;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void remove_stale_temps_of_items(const batch *bt)
{
    const char **names = malloc((bt->n_items ? bt->n_items : 1) * sizeof *names);
    for (size_t i = 0; i < bt->n_items; i++)
        names[i] = base_name(bt->outputs[bt->items[i]]);
    qsort(names, bt->n_items, sizeof *names, compare_names); /* as remove_stale_temps wants */
    remove_stale_temps(bt->b->outdir, names, bt->n_items);
    char *records = records_dir(bt->b->outdir);
    remove_stale_temps(records, names, bt->n_items);
    free(records);
    free(names);
}

/* Milliseconds are enough, and "0.369" reads better than 0.36916006899. */
static json_object *rounded(double v)
{
    char text[32];
    snprintf(text, sizeof text, "%.3f", v);
    return json_object_new_double_s(v, text);
}

static void log_entry(batch *bt, size_t item, const char *status, double audio,
                      double secs, const char *error)
{
    if (!bt->log)
        return;
    json_object *o = json_object_new_object();
    json_object_object_add(o, "input", json_object_new_string(bt->inputs[item]));
    json_object_object_add(o, "output", json_object_new_string(bt->outputs[item]));
    json_object_object_add(o, "status", json_object_new_string(status));
    json_object_object_add(o, "duration", error ? NULL : rounded(audio));
    json_object_object_add(o, "seconds", rounded(secs));
    json_object_object_add(o, "error", error ? json_object_new_string(error) : NULL);
    fprintf(bt->log, "%s\n", json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
                                                                 JSON_C_TO_STRING_NOSLASHESCAPE));
    fflush(bt->log);
    json_object_put(o);
}

static void report_progress(batch *bt, size_t item, const char *error, double audio,
                            bool skipped)
{
    if (bt->b->progress == ORA_PROGRESS_NONE)
        return;
    size_t total = bt->n_items, k = bt->finished;
    double elapsed = now() - bt->t0, rate = elapsed > 0 ? k / elapsed : 0;
    char words[80];
    if (bt->bar) {
        double left = rate > 0 ? (total - k) / rate : 0;
        fprintf(stderr, "\r%zu of %zu article%s, %.1f a second, about %s left, %zu failed ",
                k, total, total == 1 ? "" : "s", rate,
                cli_duration_words(left, words, sizeof words), bt->sum->failed);
        if (k == total)
            fputc('\n', stderr);
    } else if (error) {
        fprintf(stderr, "oralise: %zu of %zu: %s failed: %s\n", k, total, bt->inputs[item], error);
    } else if (!skipped) {
        fprintf(stderr, "oralise: %zu of %zu: %s: %s of speech.\n", k, total,
                bt->outputs[item], cli_duration_words(audio, words, sizeof words));
    }
}

/* One item in the worker: "seconds\n", "=\n" (already done) or
 * "!message\n" goes back. The input is fingerprinted before it is read:
 * should it change while it is converted, the record tells the older
 * bytes, and the next --resume redoes it. */
static void convert_item(batch *bt, size_t item, const ora_normalizer *nz, int fd)
{
    ora_error err;
    ora_result r;
    char line[600];
    ora_options one = *bt->opt;
    one.jobs = 1; /* the batch already keeps every core busy */
    one.batch_item = true;
    one.normalizer = nz;
    source_print print;
    bool printed = source_print_of(bt->inputs[item], &print);
    char *record = record_path(bt->outputs[item]);
    if (bt->b->resume && printed && record_matches(record, &print) &&
        outputs_complete(bt, item)) {
        snprintf(line, sizeof line, "=\n");
    } else {
        unlink(record); /* no record while its output is being redone */
        if (ora_convert(bt->inputs[item], bt->outputs[item], &one, &r, &err) == 0) {
            snprintf(line, sizeof line, "%.3f\n", r.seconds);
            /* A record that cannot be written costs only a redo on --resume. */
            if (printed)
                record_write(record, bt->inputs[item], &print, &err);
        } else {
            snprintf(line, sizeof line, "!%s\n", err.msg);
        }
    }
    free(record);
    ssize_t w = write(fd, line, strlen(line)); /* under PIPE_BUF: one piece */
    (void)w;
}

static void worker_loop(batch *bt, int task_fd, int report_fd)
{
    size_t item;
    ora_error err;
    /* one normalizer for all the worker's articles; if it cannot be made,
     * each conversion tries again and reports why */
    ora_normalizer *nz = ora_normalizer_for(bt->opt, &err);
    while (read(task_fd, &item, sizeof item) == (ssize_t)sizeof item)
        convert_item(bt, item, nz, report_fd);
    ora_normalizer_free(nz);
    _exit(0);
}

static int start_worker(batch *bt, worker *ws, int slot, int jobs, ora_error *err)
{
    int task[2], report[2];
    if (pipe(task) < 0) {
        ora_set_error(err, "cannot start a worker: %s", strerror(errno));
        return -1;
    }
    if (pipe(report) < 0) {
        close(task[0]), close(task[1]);
        ora_set_error(err, "cannot start a worker: %s", strerror(errno));
        return -1;
    }
    fflush(NULL); /* or the child would write the parent's buffers again */
    pid_t parent = getpid(), pid = fork();
    if (pid == 0) {
        die_with_parent(parent);
        for (int k = 0; k < jobs; k++) /* the other workers' pipes */
            if (ws[k].pid)
                close(ws[k].task_fd), close(ws[k].report_fd);
        close(task[1]), close(report[0]);
        if (bt->log)
            fclose(bt->log);
        bt->log = NULL;
        worker_loop(bt, task[0], report[1]);
    }
    close(task[0]), close(report[1]);
    if (pid < 0) {
        close(task[1]), close(report[0]);
        ora_set_error(err, "cannot start a worker: %s", strerror(errno));
        return -1;
    }
    ws[slot] = (worker){pid, task[1], report[0], false, 0, 0};
    return 0;
}

static void stop_worker(worker *w)
{
    close(w->task_fd), close(w->report_fd);
    waitpid(w->pid, NULL, 0);
    w->pid = 0;
}

static void record_item(batch *bt, size_t item, double started, const char *error,
                        double audio, bool skipped)
{
    bt->finished++;
    if (error)
        bt->sum->failed++;
    else if (skipped)
        bt->sum->skipped++;
    else
        bt->sum->done++, bt->sum->audio_seconds += audio;
    log_entry(bt, item, error ? "failed" : skipped ? "skipped" : "done", audio,
              skipped ? 0 : now() - started, error);
    report_progress(bt, item, error, audio, skipped);
}

/* Reads a busy worker's report; a worker that died mid-item fails that
 * item (its temporary file removed) and leaves its slot free. */
static void finish_item(batch *bt, worker *w)
{
    char buf[700] = {0};
    ssize_t k = read(w->report_fd, buf, sizeof buf - 1);
    w->busy = false;
    if (k <= 0) {
        int status = 0;
        close(w->task_fd), close(w->report_fd);
        waitpid(w->pid, &status, 0);
        w->pid = 0;
        char why[80];
        snprintf(why, sizeof why, WIFSIGNALED(status) ? "the worker stopped on signal %d."
                                                     : "the worker ended (status %d).",
                 WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
        const char *name = base_name(bt->outputs[w->item]);
        remove_stale_temps(bt->b->outdir, &name, 1);
        record_item(bt, w->item, w->started, why, 0, false);
        return;
    }
    buf[strcspn(buf, "\n")] = '\0';
    bool failed = buf[0] == '!', skipped = buf[0] == '=';
    record_item(bt, w->item, w->started, failed ? buf + 1 : NULL,
                failed || skipped ? 0 : atof(buf), skipped);
}

static int make_dirs(const char *dir, ora_error *err)
{
    char *p = ora_strdup(dir);
    for (char *s = p + 1; ; s++) {
        char c = *s;
        if (c == '/' || c == '\0') {
            *s = '\0';
            if (mkdir(p, 0777) < 0 && errno != EEXIST) {
                ora_set_error(err, "cannot create folder %s: %s", p, strerror(errno));
                free(p);
                return -1;
            }
            *s = c;
        }
        if (!c)
            break;
    }
    free(p);
    return 0;
}

/* Sends item to an idle worker, starting one in a free slot if needed. */
static int dispatch(batch *bt, worker *ws, int jobs, size_t item, ora_error *err)
{
    int slot = 0;
    while (slot < jobs && (ws[slot].busy || !ws[slot].pid))
        slot++;
    if (slot == jobs) { /* no idle worker: start one in a free slot */
        slot = 0;
        while (ws[slot].pid)
            slot++;
        if (start_worker(bt, ws, slot, jobs, err) < 0)
            return -1;
    }
    worker *w = &ws[slot];
    if (write(w->task_fd, &item, sizeof item) != (ssize_t)sizeof item) {
        stop_worker(w); /* it died while idle: one new try */
        if (start_worker(bt, ws, slot, jobs, err) < 0)
            return -1;
        if (write(w->task_fd, &item, sizeof item) != (ssize_t)sizeof item) {
            ora_set_error(err, "cannot reach a worker: %s", strerror(errno));
            return -1;
        }
    }
    w->busy = true, w->item = item, w->started = now();
    return 0;
}

/* Waits for the first busy worker to report, and finishes its item. */
static void wait_for_report(batch *bt, worker *ws, int jobs)
{
    struct pollfd fds[jobs];
    int map[jobs], n = 0;
    for (int k = 0; k < jobs; k++)
        if (ws[k].busy) {
            fds[n] = (struct pollfd){ws[k].report_fd, POLLIN, 0};
            map[n++] = k;
        }
    if (poll(fds, (nfds_t)n, -1) <= 0)
        return; /* interrupted: the caller waits again */
    for (int i = 0; i < n; i++)
        if (fds[i].revents)
            finish_item(bt, &ws[map[i]]);
}

static int run_workers(batch *bt, ora_error *err)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int jobs = bt->b->jobs > 0 ? bt->b->jobs : cores > 0 ? (int)cores : 1;
    worker *ws = calloc((size_t)jobs, sizeof *ws);
    int rc = 0, busy = 0;
    /* A worker gone while idle must give EPIPE, not end the batch. */
    void (*old_pipe)(int) = signal(SIGPIPE, SIG_IGN);
    size_t next = 0;
    while (rc == 0 && (next < bt->n_items || busy > 0)) {
        while (rc == 0 && busy < jobs && next < bt->n_items) {
            size_t item = bt->items[next++];
            if ((rc = dispatch(bt, ws, jobs, item, err)) == 0)
                busy++;
        }
        if (busy > 0)
            wait_for_report(bt, ws, jobs);
        busy = 0;
        for (int k = 0; k < jobs; k++)
            busy += ws[k].busy;
    }
    for (int k = 0; k < jobs; k++)
        if (ws[k].pid)
            stop_worker(&ws[k]); /* EOF on its task pipe ends its loop */
    signal(SIGPIPE, old_pipe);
    free(ws);
    return rc;
}

/* This shard's episodes into the feed of the folder. */
static int update_feed(const batch *bt, ora_error *err)
{
    char **outs = malloc((bt->n_items + 1) * sizeof *outs);
    if (!outs) {
        ora_set_error(err, "out of memory while writing the feed.");
        return -1;
    }
    for (size_t i = 0; i < bt->n_items; i++)
        outs[i] = bt->outputs[bt->items[i]];
    int rc = feed_update(bt->b->outdir, bt->b->feed, outs, bt->n_items, err);
    free(outs);
    return rc;
}

/* A transcript or report with one name, for several inputs, would be
 * overwritten by each in turn: only the last article's would be left. */
static int check_shared_names(size_t n, const ora_options *o, ora_error *err)
{
    const char *paths[3] = {o->vtt_path, o->srt_path, o->report_path};
    static const char *const opts[3] = {"--vtt", "--srt", "--report"};
    static const char *const exts[3] = {"vtt", "srt", "json"};
    for (int k = 0; n > 1 && k < 3; k++)
        if (paths[k] && *paths[k]) {
            ora_set_error(err, "%s %s names one file for %zu inputs, which would each overwrite "
                          "it: give %s alone to write NAME.%s beside each output.",
                          opts[k], paths[k], n, opts[k], exts[k]);
            return -1;
        }
    return 0;
}

/* A feed lists audio episodes at web addresses. */
static int feed_options_check(const ora_batch_options *b, ora_error *err)
{
    if (strcasecmp(b->format, "epub") == 0) {
        ora_set_error(err, "--feed lists audio episodes: give --format mp3 (or ogg, opus), not epub.");
        return -1;
    }
    return feed_url_check(b->feed, err);
}

int ora_batch_check(size_t n, const ora_options *o, const ora_batch_options *b,
                    ora_error *err)
{
    ora_format fmt;
    char *probe = NULL;
    if (o->save_page) { /* every article would write the same file */
        ora_set_error(err, "--save-page keeps one fetched page: it cannot be used with a batch.");
        return -1;
    }
    if (b->shards < 1 || b->shard < 1 || b->shard > b->shards) {
        ora_set_error(err, "shard %d/%d does not exist: use K/N with K from 1 to N.", b->shard, b->shards);
        return -1;
    }
    if (!b->outdir || !*b->outdir) {
        ora_set_error(err, "a batch needs a folder for its outputs: --outdir DIR.");
        return -1;
    }
    strbuf name;
    sb_init(&name);
    sb_printf(&name, "x.%s", b->format ? b->format : "");
    int rc = strcasecmp(b->format ? b->format : "", "epub") == 0
                 ? 0 : ora_format_from_path(name.s, &fmt, err);
    if (rc < 0)
        ora_set_error(err, "--format takes ogg, wav, flac, opus, mp3 or epub.");
    if (rc == 0 && b->feed)
        rc = feed_options_check(b, err);
    if (rc == 0)
        rc = check_shared_names(n, o, err);
    if (rc == 0) {
        probe = path_join(b->outdir, name.s);
        rc = ora_check_options(probe, o, err);
    }
    free(probe);
    sb_free(&name);
    return rc;
}

int ora_batch_run(const char *const *inputs, size_t n, const ora_options *o,
                  const ora_batch_options *b, ora_batch_summary *sum, ora_error *err)
{
    memset(sum, 0, sizeof *sum);
    /* A feed wants each episode's transcript and report beside it; a
     * folder whose feed cannot be updated is refused before anything is
     * converted, so a refusal changes nothing. */
    ora_options own = *o;
    if (b->feed) {
        own.vtt_path = own.vtt_path ? own.vtt_path : "";
        own.report_path = own.report_path ? own.report_path : "";
        o = &own;
    }
    if (ora_batch_check(n, o, b, err) < 0 || (b->feed && feed_check(b->outdir, b->feed, err) < 0))
        return -1;
    char *records = records_dir(b->outdir);
    int made = make_dirs(b->outdir, err) == 0 && make_dirs(records, err) == 0 ? 0 : -1;
    free(records);
    if (made < 0)
        return -1;
    batch bt = {inputs, ora_batch_outputs(inputs, n, b), calloc(n ? n : 1, sizeof(size_t)),
                0, o, b, NULL, false, 0, now(), sum};
    if (!bt.outputs || !bt.items) {
        ora_free_list(bt.outputs, bt.outputs ? n : 0);
        free(bt.items);
        ora_set_error(err, "out of memory for a list of %zu inputs.", n);
        return -1;
    }
    for (size_t i = 0; i < n; i++) /* round-robin slices balance long lists */
        if ((int)(i % (size_t)b->shards) == b->shard - 1)
            bt.items[bt.n_items++] = i;
    bt.bar = b->progress == ORA_PROGRESS_AUTO && cli_can_redraw(2);
    int rc = 0;
    if (b->log && !(bt.log = fopen(b->log, "a"))) {
        ora_set_error(err, "cannot write the log %s: %s", b->log, strerror(errno));
        rc = -1;
    }
    if (rc == 0) {
        remove_stale_temps_of_items(&bt);
        rc = run_workers(&bt, err);
    }
    if (rc == 0 && b->feed)
        rc = update_feed(&bt, err);
    /* A log that lost lines would make --resume and the user trust work
     * that is not recorded: any failed write fails the run. */
    if (bt.log && (ferror(bt.log) | fclose(bt.log)) && rc >= 0) {
        ora_set_error(err, "cannot write the log %s: %s", b->log,
                      errno ? strerror(errno) : "the disk may be full");
        rc = -1;
    }
    ora_free_list(bt.outputs, n);
    free(bt.items);
    return rc < 0 ? -1 : sum->failed ? 1 : 0;
}
