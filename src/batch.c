/* Batches: many inputs, `jobs` worker processes, one input at a time each.
 *
 * Processes, not threads: eSpeak NG keeps one engine in global state and
 * crashes when two threads synthesize at once. A worker is sent input
 * numbers over a pipe and reports each result on another, so eSpeak NG
 * starts once per worker, and a crash in one article costs only that
 * article (the slot gets a new worker). Outputs appear by rename, so "the file exists" means "the file
 * is complete", which is what --resume relies on. */
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
    for (char *line = strtok(data, "\n"); line; line = strtok(NULL, "\n")) {
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

/* "a/b/Article.html" → "Article": the last path component without its
 * extension, with characters that could hide a file or break a shell
 * (leading dots, control characters) replaced. Never contains '/'. */
static char *output_stem(const char *input)
{
    const char *base = base_name(input);
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot > base ? (size_t)(dot - base) : strlen(base);
    char *s = ora_strndup(base, n);
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
        strbuf p;
        sb_init(&p);
        sb_printf(&p, "%s/%s.%s", b->outdir, name, b->format);
        out[i] = sb_take(&p);
        free(stem);
    }
    hdestroy_r(&ns.table);
    for (size_t i = 0; i < ns.n; i++)
        free(ns.keys[i]);
    free(ns.keys);
    return out;
}

static bool output_complete(const char *path)
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

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The files a feed wants beside each episode (feed.c). */
static const char *const feed_files[] = {".vtt", ".json"};

static void remove_stale_temps_of_items(const batch *bt)
{
    size_t per = bt->b->feed ? 3 : 1, n = 0;
    const char **names = malloc((bt->n_items * per + 1) * sizeof *names);
    char **own = calloc(bt->n_items * per + 1, sizeof *own);
    for (size_t i = 0; names && own && i < bt->n_items; i++) {
        names[n++] = base_name(bt->outputs[bt->items[i]]);
        for (size_t k = 0; k + 1 < per; k++) {
            own[n] = episode_file(bt->outputs[bt->items[i]], feed_files[k]);
            names[n] = base_name(own[n]);
            n++;
        }
    }
    qsort(names, n, sizeof *names, compare_names); /* as remove_stale_temps wants */
    remove_stale_temps(bt->b->outdir, names, n);
    for (size_t i = 0; own && i < n; i++)
        free(own[i]);
    free(own);
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

static void report_progress(batch *bt, size_t item, const char *error, double audio)
{
    if (bt->b->progress == ORA_PROGRESS_NONE)
        return;
    size_t total = bt->n_items, k = bt->finished;
    double elapsed = now() - bt->t0, rate = elapsed > 0 ? k / elapsed : 0;
    if (bt->bar) {
        double left = rate > 0 ? (total - k) / rate : 0;
        fprintf(stderr, "\r%zu of %zu articles, %.1f a second, about %.0f s left, %zu failed ",
                k, total, rate, left, bt->sum->failed);
        if (k == total)
            fputc('\n', stderr);
    } else if (error) {
        fprintf(stderr, "oralise: %zu of %zu: %s failed: %s\n", k, total, bt->inputs[item], error);
    } else {
        fprintf(stderr, "oralise: %zu of %zu: %s: %d min %02d s of speech.\n", k, total,
                bt->outputs[item], (int)audio / 60, (int)audio % 60);
    }
}

/* One item in the worker: "seconds\n" or "!message\n" goes back. */
static void convert_item(batch *bt, size_t item, const ora_normalizer *nz, int fd)
{
    ora_error err;
    ora_result r;
    char line[600];
    ora_options one = *bt->opt;
    one.jobs = 1; /* the batch already keeps every core busy */
    one.batch_item = true;
    one.normalizer = nz;
    char *vtt = NULL, *report = NULL;
    if (bt->b->feed) { /* what the feed's item points at, and reads */
        one.vtt_path = vtt = episode_file(bt->outputs[item], feed_files[0]);
        one.report_path = report = episode_file(bt->outputs[item], feed_files[1]);
    }
    if (ora_convert(bt->inputs[item], bt->outputs[item], &one, &r, &err) == 0)
        snprintf(line, sizeof line, "%.3f\n", r.seconds);
    else
        snprintf(line, sizeof line, "!%s\n", err.msg);
    free(vtt), free(report);
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
                        double audio)
{
    bt->finished++;
    if (error)
        bt->sum->failed++;
    else
        bt->sum->done++, bt->sum->audio_seconds += audio;
    log_entry(bt, item, error ? "failed" : "done", audio, now() - started, error);
    report_progress(bt, item, error, audio);
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
        record_item(bt, w->item, w->started, why, 0);
        return;
    }
    buf[strcspn(buf, "\n")] = '\0';
    bool failed = buf[0] == '!';
    record_item(bt, w->item, w->started, failed ? buf + 1 : NULL, failed ? 0 : atof(buf));
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

/* With a feed, an episode is done only with its report, which the feed
 * reads. */
static bool report_there(const batch *bt, size_t item)
{
    if (!bt->b->feed)
        return true;
    char *report = episode_file(bt->outputs[item], feed_files[1]);
    bool there = access(report, F_OK) == 0;
    free(report);
    return there;
}

/* Skips inputs already converted; returns true when item needs a worker. */
static bool needs_work(batch *bt, size_t item)
{
    if (!bt->b->resume || !output_complete(bt->outputs[item]) || !report_there(bt, item))
        return true;
    bt->sum->skipped++;
    bt->finished++;
    log_entry(bt, item, "skipped", 0, 0, NULL);
    return false;
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
            if (needs_work(bt, item) && (rc = dispatch(bt, ws, jobs, item, err)) == 0)
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

/* A feed lists audio, and the folder must hold one that oralise may
 * update: checked before anything is converted, so a refusal changes
 * nothing. */
static int check_feed(const ora_batch_options *b, ora_error *err)
{
    if (!b->feed)
        return 0;
    if (strcasecmp(b->format, "epub") == 0) {
        ora_set_error(err, "--feed lists audio episodes: give --format mp3 (or ogg, opus), not epub.");
        return -1;
    }
    return feed_check(b->outdir, b->feed, err);
}

int ora_batch_run(const char *const *inputs, size_t n, const ora_options *o,
                  const ora_batch_options *b, ora_batch_summary *sum, ora_error *err)
{
    memset(sum, 0, sizeof *sum);
    if (b->shards < 1 || b->shard < 1 || b->shard > b->shards) {
        ora_set_error(err, "shard %d/%d does not exist: use K/N with K from 1 to N.", b->shard, b->shards);
        return -1;
    }
    if (check_feed(b, err) < 0 || make_dirs(b->outdir, err) < 0)
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
    bt.bar = b->progress == ORA_PROGRESS_AUTO && isatty(2);
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
