/* One podcast episode, as the feed lists it: read from the JSON report
 * written beside its audio (NAME.json, the --report format), with its
 * address under the feed's base URL, its date in RFC 822, and its
 * chapters in the Podcasting 2.0 JSON format (NAME.chapters.json). */
#include "publish.h"

#include <ctype.h>
#include <json-c/json.h>
#include <libxml/uri.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

char *url_of(const char *base, const char *name)
{
    xmlChar *escaped = xmlURIEscapeStr(BAD_CAST name, BAD_CAST "");
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "%s/%s", base, escaped ? (const char *)escaped : "");
    xmlFree(escaped);
    return sb_take(&b);
}

/* ── Dates ────────────────────────────────────────────────────────────── */

static const char *const day_names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char *const month_names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* RFC 822 with English names whatever the locale, as RSS wants. */
void rfc822_format(time_t utc, int offset_min, char out[40])
{
    time_t local = utc + offset_min * 60;
    struct tm t;
    gmtime_r(&local, &t);
    int off = offset_min < 0 ? -offset_min : offset_min;
    snprintf(out, 40, "%s, %02d %s %04d %02d:%02d:%02d %c%02d%02d", day_names[t.tm_wday % 7],
             t.tm_mday, month_names[t.tm_mon % 12], t.tm_year + 1900, t.tm_hour, t.tm_min,
             t.tm_sec, offset_min < 0 ? '-' : '+', off / 60 % 100, off % 60);
}

static int month_number(const char *name)
{
    for (int m = 0; m < 12; m++)
        if (strncasecmp(name, month_names[m], 3) == 0)
            return m;
    return -1;
}

/* A zone as "+0100", "-05:00", "Z", "GMT"; minutes east of UTC. */
static bool zone_minutes(const char *z, int *minutes)
{
    if (*z == 'Z' || strncmp(z, "GMT", 3) == 0 || strncmp(z, "UT", 2) == 0) {
        *minutes = 0;
        return true;
    }
    int h, m;
    if ((*z != '+' && *z != '-') || !isdigit((unsigned char)z[1]) ||
        (sscanf(z + 1, "%2d:%2d", &h, &m) != 2 && sscanf(z + 1, "%2d%2d", &h, &m) != 2) ||
        h > 14 || m > 59)
        return false;
    *minutes = (*z == '-' ? -1 : 1) * (h * 60 + m);
    return true;
}

bool rfc822_parse(const char *s, time_t *utc)
{
    const char *comma = strchr(s, ',');
    int d, y, h, mi, sec = 0, n = 0, off = 0;
    char mon[4];
    if (sscanf(comma ? comma + 1 : s, " %d %3s %d %d:%d%n", &d, mon, &y, &h, &mi, &n) != 5)
        return false;
    const char *p = (comma ? comma + 1 : s) + n;
    if (*p == ':' && sscanf(p + 1, "%d%n", &sec, &n) == 1)
        p += 1 + n;
    while (*p == ' ')
        p++;
    int m = month_number(mon);
    if (m < 0 || (*p && !zone_minutes(p, &off)))
        return false;
    struct tm t = {.tm_year = y - 1900, .tm_mon = m, .tm_mday = d, .tm_hour = h,
                   .tm_min = mi, .tm_sec = sec};
    *utc = timegm(&t) - off * 60;
    return true;
}

/* 01:00 UTC on the last Sunday of a 31-day month: when Europe changes
 * its clocks (March, October). */
static time_t last_sunday(int year, int month)
{
    struct tm t = {.tm_year = year - 1900, .tm_mon = month, .tm_mday = 31, .tm_hour = 1};
    time_t at = timegm(&t);
    struct tm g;
    gmtime_r(&at, &g);
    return at - g.tm_wday * 86400;
}

/* A French news site gives its times in Paris time when it gives no zone:
 * UTC+2 in summer time, UTC+1 otherwise. */
static int paris_offset(time_t local)
{
    struct tm g;
    gmtime_r(&local, &g);
    time_t utc = local - 3600;
    return utc >= last_sunday(g.tm_year + 1900, 2) && utc < last_sunday(g.tm_year + 1900, 9)
               ? 120 : 60;
}

/* "2024-11-18T01:58:00+01:00", "2024-11-18T01:58", "2024-11-18". */
static bool iso_when(const char *iso, time_t *utc, int *offset_min)
{
    int y, mo, d, h = 0, mi = 0, s = 0, n = 0;
    char date[11];
    if (!iso_date_part(iso, date) || sscanf(date, "%d-%d-%d", &y, &mo, &d) != 3)
        return false;
    const char *p = iso + 10;
    if ((*p == 'T' || *p == ' ') && sscanf(p + 1, "%2d:%2d%n", &h, &mi, &n) == 2) {
        p += 1 + n;
        if (*p == ':' && sscanf(p + 1, "%2d%n", &s, &n) == 1)
            p += 1 + n;
        while (*p == '.' || isdigit((unsigned char)*p))
            p++;
    }
    if (h > 23 || mi > 59 || s > 60)
        return false;
    struct tm t = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h,
                   .tm_min = mi, .tm_sec = s};
    time_t local = timegm(&t);
    if (!*p || !zone_minutes(p, offset_min))
        *offset_min = paris_offset(local);
    *utc = local - *offset_min * 60;
    return true;
}

/* ── The report ───────────────────────────────────────────────────────── */

static const char *json_str(json_object *o, const char *key)
{
    json_object *v;
    return o && json_object_object_get_ex(o, key, &v) && json_object_is_type(v, json_type_string)
               ? json_object_get_string(v) : NULL;
}

static char *dup_or_null(const char *s)
{
    return s && *s ? ora_strdup(s) : NULL;
}

/* The lede; or else the first paragraph said. */
static const char *description_of(json_object *report, json_object *meta)
{
    const char *lede = json_str(meta, "lede");
    json_object *segs;
    if (lede && *lede)
        return lede;
    if (json_object_object_get_ex(report, "segments", &segs))
        for (size_t i = 0; i < json_object_array_length(segs); i++) {
            json_object *g = json_object_array_get_idx(segs, i);
            const char *role = json_str(g, "role");
            if (role && strcmp(role, "paragraph") == 0)
                return json_str(g, "text");
        }
    return json_str(meta, "title");
}

static json_object *seconds_value(json_object *chapter, const char *key)
{
    json_object *v;
    double s = json_object_object_get_ex(chapter, key, &v) ? json_object_get_double(v) : 0;
    char text[32];
    snprintf(text, sizeof text, "%.3f", s);
    return json_object_new_double_s(s, text);
}

/* The report's chapters as Podcasting 2.0 JSON chapters. */
static char *chapters_json(json_object *report)
{
    json_object *root = json_object_new_object(), *list = json_object_new_array(), *chaps;
    json_object_object_add(root, "version", json_object_new_string("1.2.0"));
    if (json_object_object_get_ex(report, "chapters", &chaps))
        for (size_t i = 0; i < json_object_array_length(chaps); i++) {
            json_object *c = json_object_array_get_idx(chaps, i), *o = json_object_new_object();
            const char *title = json_str(c, "title");
            json_object_object_add(o, "startTime", seconds_value(c, "start"));
            json_object_object_add(o, "endTime", seconds_value(c, "end"));
            json_object_object_add(o, "title", json_object_new_string(title ? title : ""));
            json_object_array_add(list, o);
        }
    json_object_object_add(root, "chapters", list);
    strbuf b;
    sb_init(&b);
    sb_adds(&b, json_object_to_json_string_ext(root, JSON_C_TO_STRING_PRETTY |
                                                         JSON_C_TO_STRING_NOSLASHESCAPE));
    sb_addc(&b, '\n');
    json_object_put(root);
    return sb_take(&b);
}

static const char *mime_type(const char *output)
{
    ora_format f;
    ora_error ignored;
    if (ora_format_from_path(output, &f, &ignored) < 0)
        return "application/octet-stream";
    switch (f) {
    case ORA_FMT_MP3: return "audio/mpeg";
    case ORA_FMT_FLAC: return "audio/flac";
    case ORA_FMT_WAV: return "audio/wav";
    default: return "audio/ogg"; /* Vorbis and Opus */
    }
}

static void identity(episode *e, json_object *meta)
{
    e->title = dup_or_null(json_str(meta, "title"));
    e->link = dup_or_null(json_str(meta, "url"));
    e->author = dup_or_null(json_str(meta, "byline"));
    e->lang = dup_or_null(json_str(meta, "lang"));
    if (e->link) {
        e->guid = ora_strdup(e->link);
    } else { /* the same UUID as the article's talking book would get */
        ora_article a;
        ora_article_init(&a);
        a.title = (char *)json_str(meta, "title");
        a.published = (char *)json_str(meta, "published");
        a.lede = (char *)json_str(meta, "lede");
        char uuid[46];
        article_uuid(&a, uuid);
        e->guid = ora_strdup(uuid);
    }
}

static void dates(episode *e, json_object *meta, const struct stat *st)
{
    int offset;
    e->dated = iso_when(json_str(meta, "published"), &e->when, &offset);
    if (!e->dated) /* no date in the article: when the episode was made */
        e->when = st->st_mtime, offset = 0;
    rfc822_format(e->when, offset, e->pub_date);
}

static void addresses(episode *e, const char *output, const char *base_url)
{
    char *vtt = sidecar_beside(output, ".vtt");
    struct stat st;
    e->enclosure = url_of(base_url, base_name(output));
    if (stat(vtt, &st) == 0)
        e->transcript = url_of(base_url, base_name(vtt));
    e->chapters_path = sidecar_beside(output, ".chapters.json");
    e->chapters_url = url_of(base_url, base_name(e->chapters_path));
    free(vtt);
}

int episode_load(const char *output, const char *base_url, episode *e, ora_error *err)
{
    memset(e, 0, sizeof *e);
    struct stat st, rs;
    char *path = sidecar_beside(output, ".json");
    json_object *report = NULL, *meta = NULL, *dur;
    if (stat(output, &st) == 0 && S_ISREG(st.st_mode) && stat(path, &rs) == 0)
        report = json_object_from_file(path);
    free(path);
    if (!report)
        return 0; /* not converted with its report: not an episode */
    if (!json_object_object_get_ex(report, "metadata", &meta) ||
        !json_object_is_type(meta, json_type_object)) {
        ora_set_error(err, "the report beside %s holds no metadata: convert it again.", output);
        json_object_put(report);
        return -1;
    }
    identity(e, meta);
    e->description = dup_or_null(description_of(report, meta));
    dates(e, meta, &st);
    e->length = (long long)st.st_size;
    e->seconds = json_object_object_get_ex(report, "duration", &dur)
                     ? llround(json_object_get_double(dur)) : 0;
    e->type = mime_type(output);
    addresses(e, output, base_url);
    e->chapters_json = chapters_json(report);
    json_object_put(report);
    return 1;
}

void episode_free(episode *e)
{
    free(e->guid), free(e->title), free(e->description), free(e->link), free(e->author);
    free(e->lang), free(e->enclosure), free(e->transcript), free(e->chapters_url);
    free(e->chapters_path), free(e->chapters_json);
    memset(e, 0, sizeof *e);
}
