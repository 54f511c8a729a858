/* Output files written whole or not at all: each goes to ".NAME.XXXXXX"
 * beside its destination, and the renames happen only once every file of
 * the run is written and closed. A failure (disk full, bad folder) removes
 * the temporaries and leaves what was there before untouched. */
#include "internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
