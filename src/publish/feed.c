/* The podcast feed of a batch folder (--feed BASE_URL): DIR/feed.xml, RSS
 * 2.0 with the Apple Podcasts (itunes:) and Podcasting 2.0 (podcast:)
 * tags, one item per episode: title, lede, date, the article's address as
 * guid, the audio as enclosure with its exact length and type, its
 * duration, its transcript (NAME.vtt) and its chapters (NAME.chapters.json).
 *
 * Later batches add to it. The items already there are kept as they are,
 * except one whose guid comes again: the new episode replaces it, so a
 * second run over the same article does not list it twice. The folder is
 * locked while the feed is read, merged and renamed into place, so shards
 * writing the same folder (--shard) lose no episode. The channel's title,
 * description, language, author and image come from DIR/feed.conf. */
#include "publish.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define FEED_NAME "feed.xml"
#define CONF_NAME "feed.conf"
#define ITUNES_NS "http://www.itunes.com/dtds/podcast-1.0.dtd"
#define PODCAST_NS "https://podcastindex.org/namespace/1.0"
#define ATOM_NS "http://www.w3.org/2005/Atom"

static const char *const conf_keys[] = {"title", "description", "language", "author",
                                        "email", "image", "link", "category", NULL};

static char *in_dir(const char *dir, const char *name)
{
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "%s/%s", dir, name);
    return sb_take(&b);
}

static int load_conf(const char *dir, keyvals *conf, ora_error *err)
{
    char *path = in_dir(dir, CONF_NAME);
    int rc = keyvals_load(path, conf_keys, true, conf, err);
    free(path);
    return rc;
}

/* http(s)://host…, without the slash at the end; NULL if it is none. */
static char *clean_base(const char *base, ora_error *err)
{
    bool web = strncmp(base, "http://", 7) == 0 || strncmp(base, "https://", 8) == 0;
    if (!web || strlen(base) < 10 || strpbrk(base, " \t\n\"<>")) {
        ora_set_error(err, "--feed takes the web address the folder is served at, such as "
                      "https://example.org/podcast, not \"%s\".", base);
        return NULL;
    }
    char *b = ora_strdup(base);
    for (size_t n = strlen(b); n > 8 && b[n - 1] == '/'; n--)
        b[n - 1] = '\0';
    return b;
}

/* ── Reading the feed there ───────────────────────────────────────────── */

static xmlNodePtr child(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !c->ns && strcmp((const char *)c->name, name) == 0)
            return c;
    return NULL;
}

static bool is_rss2(xmlDocPtr doc)
{
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    xmlChar *version = root ? xmlGetProp(root, BAD_CAST "version") : NULL;
    bool ok = root && !doc->intSubset && !root->ns && strcmp((const char *)root->name, "rss") == 0 &&
              version && strcmp((const char *)version, "2.0") == 0 && child(root, "channel");
    xmlFree(version);
    return ok;
}

/* The feed at path into *doc (NULL when there is none yet). A file that
 * is not an RSS 2.0 feed is not ours to replace. A DOCTYPE is refused: its
 * entities could pull in other files or grow without end. */
static int read_feed(const char *path, xmlDocPtr *doc, ora_error *err)
{
    struct stat st;
    *doc = NULL;
    if (stat(path, &st) < 0) {
        if (errno == ENOENT)
            return 0;
        ora_set_error(err, "cannot read the feed %s: %s", path, strerror(errno));
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        ora_set_error(err, "cannot write the feed %s: it is not a regular file.", path);
        return -1;
    }
    *doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (is_rss2(*doc))
        return 0;
    xmlFreeDoc(*doc);
    *doc = NULL;
    ora_set_error(err, "%s is not an RSS 2.0 feed: oralise leaves it as it is; move it away "
                  "or give another --outdir.", path);
    return -1;
}

int feed_url_check(const char *base_url, ora_error *err)
{
    char *base = clean_base(base_url, err);
    free(base);
    return base ? 0 : -1;
}

int feed_check(const char *dir, const char *base_url, ora_error *err)
{
    if (feed_url_check(base_url, err) < 0)
        return -1;
    struct stat st;
    if (stat(dir, &st) < 0)
        return 0; /* a new folder: nothing there to refuse */
    if (access(dir, W_OK) < 0) {
        ora_set_error(err, "cannot write the feed in %s: %s", dir, strerror(errno));
        return -1;
    }
    keyvals conf;
    if (load_conf(dir, &conf, err) < 0)
        return -1;
    keyvals_free(&conf);
    char *path = in_dir(dir, FEED_NAME);
    xmlDocPtr doc;
    int rc = read_feed(path, &doc, err);
    xmlFreeDoc(doc);
    free(path);
    return rc;
}

/* ── Copying an item already there ────────────────────────────────────── */

/* The prefixes the feed's root declares. */
static bool declared(const xmlNs *ns)
{
    static const char *const known[][2] = {
        {"itunes", ITUNES_NS}, {"podcast", PODCAST_NS}, {"atom", ATOM_NS}, {"xml", NULL}};
    for (size_t i = 0; ns && ns->prefix && i < sizeof known / sizeof *known; i++)
        if (strcmp((const char *)ns->prefix, known[i][0]) == 0 &&
            (!known[i][1] || strcmp((const char *)ns->href, known[i][1]) == 0))
            return true;
    return false;
}

static const xmlChar *ns_uri(const xmlNs *ns)
{
    return ns && !declared(ns) ? ns->href : NULL;
}

static bool has_element_child(xmlNodePtr n)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            return true;
    return false;
}

/* Writes a parsed node again, whatever its tags: an item another tool
 * added, or a later oralise, keeps all it had. */
static void copy_node(xml_out *x, xmlNodePtr n)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (!(xmlIsBlankNode(n) && has_element_child(n->parent))) /* layout only */
            xo_text(x, (const char *)n->content, strlen((const char *)n->content));
        return;
    }
    if (n->type != XML_ELEMENT_NODE)
        return; /* comments, processing instructions */
    x->failed |= xmlTextWriterStartElementNS(x->w, n->ns ? n->ns->prefix : NULL, n->name,
                                             ns_uri(n->ns)) < 0;
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
        x->failed |= xmlTextWriterWriteAttributeNS(x->w, a->ns ? a->ns->prefix : NULL, a->name,
                                                   ns_uri(a->ns), v ? v : BAD_CAST "") < 0;
        xmlFree(v);
    }
    for (xmlNodePtr c = n->children; c; c = c->next)
        copy_node(x, c);
    xo_end(x);
}

/* ── The items, old and new, newest first ─────────────────────────────── */

typedef struct {
    time_t when;
    size_t order; /* ties keep the order they came in */
    const episode *ep;
    xmlNodePtr old;
} entry;

static int newest_first(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->when != y->when)
        return x->when > y->when ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

static char *guid_of(xmlNodePtr item)
{
    xmlNodePtr g = child(item, "guid");
    xmlChar *t = g ? xmlNodeGetContent(g) : NULL;
    char *s = t ? text_squash((const char *)t, strlen((const char *)t)) : NULL;
    xmlFree(t);
    return s;
}

static time_t date_of(xmlNodePtr item)
{
    xmlNodePtr d = child(item, "pubDate");
    xmlChar *t = d ? xmlNodeGetContent(d) : NULL;
    time_t when = 0;
    if (t && !rfc822_parse((const char *)t, &when))
        when = 0;
    xmlFree(t);
    return when;
}

/* An old item whose guid a new episode has: the new one replaces it, and
 * keeps its date when the article gave none. Returns whether it did. */
static bool replaced(xmlNodePtr item, episode *eps, size_t n)
{
    char *guid = guid_of(item);
    bool hit = false;
    for (size_t i = 0; guid && !hit && i < n; i++)
        if (strcmp(eps[i].guid, guid) == 0) {
            hit = true;
            xmlNodePtr d = eps[i].dated ? NULL : child(item, "pubDate");
            xmlChar *t = d ? xmlNodeGetContent(d) : NULL;
            if (t && rfc822_parse((const char *)t, &eps[i].when))
                snprintf(eps[i].pub_date, sizeof eps[i].pub_date, "%s", (const char *)t);
            xmlFree(t);
        }
    free(guid);
    return hit;
}

/* New episodes, then the old items they do not replace. */
static entry *merge(xmlDocPtr old, episode *eps, size_t n, size_t *count)
{
    xmlNodePtr channel = old ? child(xmlDocGetRootElement(old), "channel") : NULL;
    size_t cap = n + 1;
    for (xmlNodePtr c = channel ? channel->children : NULL; c; c = c->next)
        cap++;
    entry *v = calloc(cap, sizeof *v);
    if (!v)
        return NULL;
    *count = 0;
    for (xmlNodePtr c = channel ? channel->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !c->ns && strcmp((const char *)c->name, "item") == 0 &&
            !replaced(c, eps, n))
            v[(*count)++] = (entry){date_of(c), 0, NULL, c};
    for (size_t i = 0; i < n; i++)
        v[(*count)++] = (entry){eps[i].when, 0, &eps[i], NULL};
    for (size_t i = 0; i < *count; i++) /* the new ones first on a tie */
        v[i].order = v[i].ep ? i : i + n + 1;
    qsort(v, *count, sizeof *v, newest_first);
    return v;
}

/* ── Writing the feed ─────────────────────────────────────────────────── */

static void element_if(xml_out *x, const char *name, const char *text)
{
    if (text && *text)
        xo_element(x, name, text);
}

static void empty_element(xml_out *x, const char *name, const char *const *attrs)
{
    xo_start(x, name);
    for (; attrs[0]; attrs += 2)
        xo_attr(x, attrs[0], attrs[1]);
    xo_end(x);
}

static void write_item(xml_out *x, const episode *e, const char *lang)
{
    char length[32], duration[32];
    snprintf(length, sizeof length, "%lld", e->length);
    snprintf(duration, sizeof duration, "%02ld:%02ld:%02ld", e->seconds / 3600,
             e->seconds / 60 % 60, e->seconds % 60);
    xo_start(x, "item");
    element_if(x, "title", e->title ? e->title : base_name(e->enclosure));
    element_if(x, "description", e->description);
    element_if(x, "link", e->link);
    xo_start(x, "guid");
    xo_attr(x, "isPermaLink", "false"); /* an identifier, whatever it looks like */
    xo_text(x, e->guid, strlen(e->guid));
    xo_end(x);
    xo_element(x, "pubDate", e->pub_date);
    empty_element(x, "enclosure", (const char *const[]){"url", e->enclosure, "length", length,
                                                        "type", e->type, NULL});
    element_if(x, "itunes:author", e->author);
    xo_element(x, "itunes:duration", duration);
    if (e->transcript)
        empty_element(x, "podcast:transcript",
                      (const char *const[]){"url", e->transcript, "type", "text/vtt", "language",
                                            e->lang ? e->lang : lang, "rel", "captions", NULL});
    empty_element(x, "podcast:chapters", (const char *const[]){
                                             "url", e->chapters_url, "type",
                                             "application/json+chapters", NULL});
    xo_end(x);
}

/* An image given as a name is a file served beside the feed. */
static char *image_url(const keyvals *conf, const char *base)
{
    const char *img = keyvals_get(conf, "image", NULL);
    if (!img)
        return NULL;
    bool web = strncmp(img, "http://", 7) == 0 || strncmp(img, "https://", 8) == 0;
    return web ? ora_strdup(img) : url_of(base, img);
}

static void write_image(xml_out *x, const char *url, const char *title, const char *link)
{
    if (!url)
        return;
    xo_start(x, "image");
    xo_element(x, "url", url);
    xo_element(x, "title", title);
    xo_element(x, "link", link);
    xo_end(x);
    empty_element(x, "itunes:image", (const char *const[]){"href", url, NULL});
}

static void write_owner(xml_out *x, const keyvals *conf, const char *author)
{
    const char *email = keyvals_get(conf, "email", NULL);
    if (!email)
        return;
    xo_start(x, "itunes:owner");
    element_if(x, "itunes:name", author);
    xo_element(x, "itunes:email", email);
    xo_end(x);
}

static void write_channel_head(xml_out *x, const keyvals *conf, const char *dir,
                               const char *base)
{
    char *self = url_of(base, FEED_NAME), *image = image_url(conf, base), built[40];
    char *folder = ora_strdup(dir);
    for (size_t n = strlen(folder); n > 1 && folder[n - 1] == '/'; n--)
        folder[n - 1] = '\0';
    const char *title = keyvals_get(conf, "title", base_name(folder));
    const char *link = keyvals_get(conf, "link", base);
    const char *author = keyvals_get(conf, "author", NULL);
    xo_element(x, "title", title);
    xo_element(x, "link", link);
    xo_element(x, "description", keyvals_get(conf, "description", title));
    xo_element(x, "language", keyvals_get(conf, "language", "fr"));
    empty_element(x, "atom:link", (const char *const[]){"href", self, "rel", "self", "type",
                                                        "application/rss+xml", NULL});
    rfc822_format(publish_time(), 0, built);
    xo_element(x, "lastBuildDate", built);
    xo_element(x, "generator", "oralise " ORA_VERSION);
    write_image(x, image, title, link);
    element_if(x, "itunes:author", author);
    write_owner(x, conf, author);
    empty_element(x, "itunes:category",
                  (const char *const[]){"text", keyvals_get(conf, "category", "News"), NULL});
    xo_element(x, "itunes:explicit", "false");
    free(self), free(image), free(folder);
}

static int write_feed(const keyvals *conf, const char *dir, const char *base,
                      const entry *v, size_t n, char **out, size_t *len, ora_error *err)
{
    xml_out x;
    if (xo_open(&x, true, err) < 0)
        return -1;
    xo_start(&x, "rss");
    xo_attr(&x, "version", "2.0");
    xo_attr(&x, "xmlns:itunes", ITUNES_NS);
    xo_attr(&x, "xmlns:podcast", PODCAST_NS);
    xo_attr(&x, "xmlns:atom", ATOM_NS);
    xo_start(&x, "channel");
    write_channel_head(&x, conf, dir, base);
    const char *lang = keyvals_get(conf, "language", "fr");
    for (size_t i = 0; i < n; i++) {
        if (v[i].ep)
            write_item(&x, v[i].ep, lang);
        else
            copy_node(&x, v[i].old);
    }
    xo_end(&x);
    xo_end(&x);
    return xo_close(&x, out, len, "podcast feed", err);
}

/* ── The update ───────────────────────────────────────────────────────── */

static int load_episodes(char *const *outputs, size_t n, const char *base,
                         episode *eps, size_t *count, ora_error *err)
{
    *count = 0;
    for (size_t i = 0; i < n; i++) {
        int got = episode_load(outputs[i], base, &eps[*count], err);
        if (got < 0)
            return -1;
        /* The same article twice in one batch: one item, the later one. */
        for (size_t k = 0; got && k < *count; k++)
            if (strcmp(eps[k].guid, eps[*count].guid) == 0) {
                episode_free(&eps[k]);
                eps[k] = eps[*count];
                memset(&eps[*count], 0, sizeof eps[*count]);
                got = 0;
            }
        *count += (size_t)got;
    }
    return 0;
}

/* The feed and every episode's chapters, renamed into place together. */
static int write_all_files(const char *dir, const char *base, const keyvals *conf,
                           xmlDocPtr old, episode *eps, size_t n, ora_error *err)
{
    size_t count = 0;
    entry *v = merge(old, eps, n, &count);
    ora_out_file *f = calloc(n + 1, sizeof *f);
    char *feed = NULL, *path = in_dir(dir, FEED_NAME);
    size_t len = 0;
    int rc = v && f ? write_feed(conf, dir, base, v, count, &feed, &len, err) : -1;
    if (rc == 0) {
        f[0] = (ora_out_file){path, feed, len, NULL};
        for (size_t i = 0; i < n; i++)
            f[i + 1] = (ora_out_file){eps[i].chapters_path, eps[i].chapters_json,
                                      strlen(eps[i].chapters_json), NULL};
        rc = ora_write_files(f, n + 1, err);
    } else if (!v || !f) {
        ora_set_error(err, "out of memory while writing the feed.");
    }
    free(v), free(f), free(feed), free(path);
    return rc;
}

/* The folder itself is the lock (flock on its descriptor): no lock file
 * to leave behind. Closing the descriptor lets it go. */
static int lock_folder(const char *dir, ora_error *err)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0 && flock(fd, LOCK_EX) == 0)
        return fd;
    ora_set_error(err, "cannot lock %s to update its feed: %s", dir, strerror(errno));
    if (fd >= 0)
        close(fd);
    return -1;
}

int feed_update(const char *dir, const char *base_url, char *const *outputs, size_t n,
                ora_error *err)
{
    char *base = clean_base(base_url, err), *path = in_dir(dir, FEED_NAME);
    int lock = base ? lock_folder(dir, err) : -1;
    keyvals conf = {0};
    xmlDocPtr old = NULL;
    episode *eps = calloc(n + 1, sizeof *eps);
    size_t count = 0;
    int rc = lock >= 0 && eps ? 0 : -1;
    if (!eps)
        ora_set_error(err, "out of memory while writing the feed.");
    if (rc == 0) {
        const char *name = FEED_NAME;
        remove_stale_temps(dir, &name, 1); /* a killed update's; we hold the lock */
        rc = load_conf(dir, &conf, err) < 0 || read_feed(path, &old, err) < 0 ||
                     load_episodes(outputs, n, base, eps, &count, err) < 0
                 ? -1
                 : write_all_files(dir, base, &conf, old, eps, count, err);
    }
    for (size_t i = 0; eps && i < n; i++)
        episode_free(&eps[i]);
    free(eps);
    xmlFreeDoc(old);
    keyvals_free(&conf);
    if (lock >= 0)
        close(lock); /* and the lock with it */
    free(base), free(path);
    return rc;
}
