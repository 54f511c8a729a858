/* Output files written whole or not at all: each goes to ".NAME.XXXXXX"
 * beside its destination, and the renames happen only once every file of
 * the run is written and closed. A failure (disk full, bad folder) removes
 * the temporaries and leaves what was there before untouched. */
#include "internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? ora_strndup(path, slash == path ? 1 : (size_t)(slash - path)) : ora_strdup(".");
}

const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* "audio/" and "x.ogg" give "audio/x.ogg", not "audio//x.ogg": the
 * folder's runs of slashes become one and its trailing ones go, as the
 * paths are shown to people (log, progress) and compared. */
char *path_join(const char *dir, const char *name)
{
    strbuf b;
    sb_init(&b);
    for (const char *p = dir; *p; p++)
        if (*p != '/' || p[1] != '/')
            sb_addc(&b, *p);
    if (b.len > 1 && b.s[b.len - 1] == '/')
        b.s[--b.len] = '\0';
    if (b.len && b.s[b.len - 1] != '/')
        sb_addc(&b, '/');
    sb_adds(&b, name);
    return sb_take(&b);
}

char *temp_name_for(const char *path)
{
    const char *slash = strrchr(path, '/');
    strbuf b;
    sb_init(&b);
    if (slash)
        sb_add(&b, path, (size_t)(slash - path) + 1);
    sb_printf(&b, ".%s.XXXXXX", slash ? slash + 1 : path);
    return sb_take(&b);
}

/* mkstemp makes 0600 files; a finished file gets the usual umask mode. */
mode_t default_mode(void)
{
    mode_t mask = umask(0);
    umask(mask);
    return 0666 & ~mask;
}

static char *write_temp(const ora_out_file *f, ora_error *err)
{
    char *tmp = temp_name_for(f->path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        ora_set_error(err, "cannot write %s: %s", f->path, strerror(errno));
        free(tmp);
        return NULL;
    }
    int rc = write_all(fd, f->data, f->len) ? 0 : -1;
    if (rc == 0 && fchmod(fd, default_mode()) < 0)
        rc = -1;
    if (close(fd) < 0)
        rc = -1;
    if (rc < 0) {
        ora_set_error(err, "cannot write %s: %s", f->path,
                      errno ? strerror(errno) : "the disk may be full");
        unlink(tmp);
        free(tmp);
        return NULL;
    }
    return tmp;
}

int ora_write_files(const ora_out_file *f, size_t n, ora_error *err)
{
    char **tmp = calloc(n + 1, sizeof *tmp);
    if (!tmp) {
        ora_set_error(err, "out of memory.");
        return -1;
    }
    size_t done = 0;
    while (done < n && (tmp[done] = f[done].written ? ora_strdup(f[done].written)
                                                     : write_temp(&f[done], err)))
        done++;
    int rc = done == n ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < n; i++)
        if (rename(tmp[i], f[i].path) < 0) {
            ora_set_error(err, "cannot write %s: %s", f[i].path, strerror(errno));
            rc = -1;
        }
    for (size_t i = 0; i < done; i++) {
        if (rc < 0)
            unlink(tmp[i]); /* fails harmlessly for those already renamed */
        free(tmp[i]);
    }
    free(tmp);
    return rc;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Removes the ".NAME.XXXXXX" files that a killed run left in dir, for the
 * NAMEs given (sorted): one pass over the folder, however many names, so a
 * batch of a million articles does not read its folder a million times.
 * Only this run's own outputs: another shard may be writing beside them. */
void remove_stale_temps(const char *dir, const char **names, size_t n)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] != '.' || len < 9 || e->d_name[len - 7] != '.')
            continue;
        char *name = ora_strndup(e->d_name + 1, len - 8);
        if (bsearch(&name, names, n, sizeof *names, compare_strings)) {
            strbuf p;
            sb_init(&p);
            sb_printf(&p, "%s/%s", dir, e->d_name);
            unlink(p.s);
            sb_free(&p);
        }
        free(name);
    }
    if (d)
        closedir(d);
}

/* Before any work: what a killed run of these items left behind. */
