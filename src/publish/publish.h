/* What oralise publishes beyond an audio file (src/publish/): EPUB 3
 * talking books whose text and voice go together (Media Overlays), and an
 * RSS podcast feed for a folder of episodes. Not part of the public API. */
#ifndef ORA_PUBLISH_H
#define ORA_PUBLISH_H

#include "internal.h"

#include <libxml/xmlwriter.h>
#include <time.h>

/* ── Sentences as spoken (sentences.c) ───────────────────────────────────
 * A talking book highlights whole sentences, as eSpeak NG starts them:
 * these come straight from its sentence events, whatever the captions of
 * the transcript make of them. */

/* One sentence: bytes [from, to) of its segment's written text, heard
 * over samples [start, end) of the audio. */
typedef struct {
    size_t segment;
    size_t from, to;
    size_t start, end;
} spoken_sentence;

typedef struct {
    spoken_sentence *v;
    size_t n, cap;
} sentence_list;

/* Adds the sentences of one segment, spoken over samples up to end, whose
 * starts eSpeak NG gave as marks. Every byte of written lands in one
 * sentence, so the text shown is the whole text. */
int sentences_add_segment(sentence_list *l, size_t segment, const char *written,
                          const ora_normalized *nz, const ora_mark *marks,
                          size_t n_marks, size_t end);
void sentence_list_free(sentence_list *l);

/* ── Small shared pieces (common.c) ─────────────────────────────────── */

/* "key = value" lines, '#' comments, as in rules/fr/script.txt. */
typedef struct {
    char **keys, **values;
    size_t n;
} keyvals;

/* Reads path; a key outside known (NULL-terminated; NULL: any) fails
 * with the line's number. A missing file is an error unless optional. */
int keyvals_load(const char *path, const char *const *known, bool optional,
                 keyvals *kv, ora_error *err);
/* The value of key, or fallback. */
const char *keyvals_get(const keyvals *kv, const char *key, const char *fallback);
void keyvals_free(keyvals *kv);

/* "urn:uuid:…": a name-based (SHA-1, RFC 9562 version 5) UUID of the
 * article's address, or of its title, date and lede when it has none: the
 * same article always gets the same one. */
void article_uuid(const ora_article *a, char out[46]);

/* The text with what XML 1.0 cannot hold (C0 controls other than tab and
 * line feed) turned into spaces; NULL stays NULL. */
char *xml_safe(const char *s, size_t n);

/* "2024-11-18" of "2024-11-18T01:58…"; false when it is not a date. */
bool iso_date_part(const char *iso, char out[11]);

/* Now, or SOURCE_DATE_EPOCH when set (reproducible builds). */
time_t publish_time(void);

/* An XML document written through libxml2's xmlTextWriter into memory.
 * The calls remember a failure instead of returning it, so a document
 * reads as a list of elements; xo_close says whether all went well. */
typedef struct {
    xmlBufferPtr buf;
    xmlTextWriterPtr w;
    bool failed;
} xml_out;

int xo_open(xml_out *x, bool indent, ora_error *err);
void xo_start(xml_out *x, const char *name);
/* A value of NULL writes no attribute. */
void xo_attr(xml_out *x, const char *name, const char *value);
void xo_text(xml_out *x, const char *text, size_t n);
void xo_end(xml_out *x);
/* <name>text</name> */
void xo_element(xml_out *x, const char *name, const char *text);
/* <meta property="property">text</meta>, the package's metadata. */
void xo_meta(xml_out *x, const char *property, const char *text);
/* Ends the document; its text goes to *out (the caller frees it). */
int xo_close(xml_out *x, char **out, size_t *len, const char *what, ora_error *err);
/* Frees what a failed document left. */
void xo_free(xml_out *x);

/* ── EPUB 3 with Media Overlays (epub.c, overlay.c) ─────────────────── */

/* The files of the package, under EPUB/, and the class a reading system
 * gives the sentence being spoken (the CSS highlights it). */
#define EPUB_CONTENT "article.xhtml"
#define EPUB_OVERLAY "article.smil"
#define EPUB_NAV "nav.xhtml"
#define EPUB_AUDIO "audio.mp3"
#define EPUB_CSS "style.css"
#define EPUB_ACTIVE_CLASS "-epub-media-overlay-active"

/* Whether path names an EPUB (".epub", any case); whether the one there
 * is a whole book (for --resume). */
bool epub_path(const char *path);
bool epub_complete(const char *path);

typedef struct {
    const ora_article *article;
    const ora_script *script;
    const sentence_list *sentences;
    int rate;             /* of the sample counts above */
    size_t lead;          /* silence before the speech (--pad), in samples:
                           * the sentences are timed on the speech alone */
    size_t n_samples;     /* the whole audio, silences included */
    int audio_fd;         /* the finished MP3 */
    const char *narrator; /* the voice that speaks */
    const char *lang;     /* of every document */
} epub_book;

/* The content document and its Media Overlay (overlay.c); the caller
 * frees both buffers. */
int epub_content_xhtml(const epub_book *b, char **xhtml, size_t *len, ora_error *err);
int epub_overlay_smil(const epub_book *b, char **smil, size_t *len, ora_error *err);
/* The clips tile the audio from its start to its end: their sum, what
 * media:duration says, is the audio's length, in milliseconds. */
long epub_overlay_ms(const epub_book *b);
/* "0:01:02.345", as SMIL clock values and media:duration want. */
void clock_value(long ms, char out[32]);

/* Writes the EPUB (libzip) to a temporary file beside path, whose name
 * goes to *tmp, for ora_write_files to rename with the other outputs. */
int epub_write(const epub_book *b, const char *path, char **tmp, ora_error *err);

/* ── Podcast feed (episode.c, feed.c) ───────────────────────────────── */

/* One episode as the feed lists it. */
typedef struct {
    char *guid;    /* the article's address, or a UUID of its text */
    char *title, *description, *link, *author, *lang;
    char pub_date[40]; /* RFC 822 */
    time_t when;       /* the same, for the order of the items */
    bool dated;        /* from the article; false: the file's time */
    long seconds;
    long long length;  /* of the audio file, in bytes */
    const char *type;  /* its MIME type */
    char *enclosure, *transcript, *chapters_url; /* addresses */
    char *chapters_path, *chapters_json;         /* written beside it */
} episode;

/* Reads the episode whose audio is output (1), or finds none there (0:
 * no audio, or no report beside it); -1 when its report is broken. */
int episode_load(const char *output, const char *base_url, episode *e, ora_error *err);
void episode_free(episode *e);
/* base_url + "/" + name, escaped as a URL path segment; caller frees. */
char *url_of(const char *base_url, const char *name);
void rfc822_format(time_t utc, int offset_min, char out[40]);
bool rfc822_parse(const char *s, time_t *utc);

/* BASE_URL is a web address (http or https). */
int feed_url_check(const char *base_url, ora_error *err);
/* Before a batch: the feed of dir can be written (its file, if any, is an
 * RSS 2.0 feed; dir/feed.conf reads). Nothing is written. */
int feed_check(const char *dir, const char *base_url, ora_error *err);
/* After it: adds to dir/feed.xml every episode among outputs whose
 * report (NAME.json) is there, replacing an item with the same guid, and
 * writes each one's Podcasting 2.0 chapters (NAME.chapters.json); under a
 * lock, so that shards writing the same folder lose nothing. */
int feed_update(const char *dir, const char *base_url, char *const *outputs,
                size_t n, ora_error *err);

#endif
