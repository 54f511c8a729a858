/* What each batch output was made from, so that --resume redoes an output
 * whose input changed since, and only those.
 *
 * One small record per output, DIR/.oralise-inputs/NAME.EXT, holding the
 * input's size, modification time and a hash of its bytes (64-bit
 * FNV-1a), rather than one manifest for the folder or tags in the audio:
 * - Shards on several machines write into one DIR at once (README, "Beyond
 *   one machine"): one shared manifest rewritten by each would lose the
 *   others' lines, and rewriting it whole after every article costs the
 *   square of the batch. A record has one writer, the worker converting
 *   that output, and costs one small file.
 * - Tags would need a reader per format (libsndfile reads only ten fields,
 *   and not from every format) and would be lost by any retagging.
 * - A record is written whole through a temporary file and a rename, after
 *   its output is in place, and removed before the output is redone: a run
 *   killed anywhere leaves either a record that tells the truth or none,
 *   and no record means "redo".
 * The hash decides, not the time: an input edited and its time set back
 * (touch -d, a copy that keeps times, a checkout) is still redone, and one
 * only touched is not. Inputs that are not regular files (standard input,
 * a pipe) get no record, so they are always redone.
 *
 * A web address is recorded as itself, and its output is kept while the
 * record names the same address: --resume is for finishing a batch that
 * was stopped, and fetching every page again only to hash it would cost
 * the batch's whole download again (and a page's bytes change with every
 * visit: counters, tokens, advertising), so it would never be skipped. */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <json.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define RECORDS_DIR ".oralise-inputs"
#define FNV_OFFSET 14695981039346656037ULL
#define FNV_PRIME 1099511628211ULL

static uint64_t fnv1a(uint64_t h, const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * FNV_PRIME;
    return h;
}

bool source_print_of(const char *path, source_print *p)
{
    if (is_web_address(path)) {
        *p = (source_print){.address = path};
        return true;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st = {0};
    if (fd < 0)
        return false;
    bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    uint64_t h = FNV_OFFSET, total = 0;
    unsigned char buf[65536];
    ssize_t k;
    while (ok && (k = read(fd, buf, sizeof buf)) != 0) {
        if (k < 0 && errno == EINTR)
            continue;
        ok = k > 0;
        if (ok)
            h = fnv1a(h, buf, (size_t)k), total += (uint64_t)k;
    }
    close(fd);
    *p = (source_print){total, (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec, h,
                        NULL};
    return ok;
}

char *records_dir(const char *outdir)
{
    return path_join(outdir, RECORDS_DIR);
}

char *record_path(const char *output)
{
    char *dir = folder_of(output), *records = records_dir(dir);
    char *path = path_join(records, base_name(output));
    free(dir), free(records);
    return path;
}

static bool same_string(json_object *o, const char *key, const char *want)
{
    json_object *v;
    return json_object_object_get_ex(o, key, &v) && strcmp(json_object_get_string(v), want) == 0;
}

bool record_matches(const char *record, const source_print *p)
{
    char *data;
    size_t len;
    ora_error err;
    if (read_file_at_most(record, 1 << 16, &data, &len, &err) < 0)
        return false;
    json_object *o = json_tokener_parse(data), *size;
    free(data);
    char hash[17];
    snprintf(hash, sizeof hash, "%016" PRIx64, p->hash);
    bool same = o && (p->address ? same_string(o, "address", p->address)
                                 : json_object_object_get_ex(o, "size", &size) &&
                                       (uint64_t)json_object_get_int64(size) == p->size &&
                                       same_string(o, "fnv1a64", hash));
    json_object_put(o);
    return same;
}

int record_write(const char *record, const char *input, const source_print *p,
                 ora_error *err)
{
    char hash[17];
    snprintf(hash, sizeof hash, "%016" PRIx64, p->hash);
    json_object *o = json_object_new_object();
    json_object_object_add(o, "input", json_object_new_string(input));
    if (p->address) {
        json_object_object_add(o, "address", json_object_new_string(p->address));
    } else {
        json_object_object_add(o, "size", json_object_new_int64((int64_t)p->size));
        json_object_object_add(o, "mtime_ns", json_object_new_int64(p->mtime_ns));
        json_object_object_add(o, "fnv1a64", json_object_new_string(hash));
    }
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "%s\n", json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
                                                              JSON_C_TO_STRING_NOSLASHESCAPE));
    json_object_put(o);
    ora_out_file f = {record, b.s, b.len, NULL};
    int rc = ora_write_files(&f, 1, err);
    sb_free(&b);
    return rc;
}
