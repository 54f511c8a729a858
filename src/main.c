/* oralise: the command line. Options in, library calls out. */
#include "oralise.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define MAX_LEXICONS 32

static const char usage_text[] =
    "Usage: oralise [OPTIONS] INPUT -o OUTPUT\n"
    "       oralise --print=article|script|ssml [OPTIONS] INPUT\n"
    "       oralise --normalize < LINES\n"
    "\n"
    "Reads a French news article aloud into an audio file. INPUT is a web\n"
    "page (HTML) or the text a browser copy gives; \"-\" reads standard input.\n"
    "Only the article is spoken. When a paywall cuts it, a closing notice\n"
    "says so.\n"
    "\n"
    "Output:\n"
    "  -o, --output FILE     write audio to FILE; the extension chooses the\n"
    "                        format: .wav .flac .ogg .opus .mp3; \"-\" writes\n"
    "                        WAV to standard output as it is spoken; .epub\n"
    "                        writes a talking book: the text and the voice\n"
    "                        (MP3), each sentence highlighted as it is said\n"
    "  --raw                 with -o -: raw PCM (16-bit little-endian mono,\n"
    "                        22,050 Hz) instead of WAV\n"
    "  --quality Q           0 (smallest) to 1 (best) for .ogg .opus .mp3;\n"
    "                        compression effort for .flac\n"
    "  --loudness LUFS|off   integrated loudness target (default -19 for .ogg\n"
    "                        .opus .mp3, eSpeak's level for .wav .flac); true\n"
    "                        peaks held under -1 dBTP by a limiter\n"
    "  --vtt FILE, --srt FILE  captions, as written: cues of at most 2 lines of\n"
    "                        42 characters and 7 seconds, cut at clause marks\n"
    "  --cues short|sentence  short cues (default), or one cue per sentence\n"
    "  --report FILE         JSON: metadata, duration, parts, chapters, loudness,\n"
    "                        each word with its start and end\n"
    "  --pad SECONDS         silence before and after the speech (default 0.5\n"
    "                        for .ogg .opus .mp3, none for .wav .flac)\n"
    "  --max-duration SECONDS  stop after the last whole sentence that fits,\n"
    "                        still ending with the notice or a closing line\n"
    "  --intro TEXT, --outro TEXT  say TEXT first, or last\n"
    "  --print=article       print the extracted article as JSON, speak nothing\n"
    "  --print=script        print what would be said, one segment a line\n"
    "  --print=ssml          the same as SSML, as it goes to eSpeak NG: runs of\n"
    "                        English in <voice xml:lang=\"en\">\n"
    "  --normalize           turn each line of standard input into words\n"
    "\n"
    "Reading:\n"
    "  --text, --html        read INPUT as a browser copy or as a page\n"
    "                        (default: guessed from the content)\n"
    "  --max-input MB        refuse inputs larger than MB megabytes (default 5)\n"
    "  --captions            also read photo captions (skipped by default)\n"
    "  --tables              read tables row by row, each figure with its\n"
    "                        headers (by default a table is only announced)\n"
    "  --notice TEXT         say TEXT at a paywall cut instead of the default\n"
    "  --no-notice           say nothing at a paywall cut\n"
    "  --lexicon FILE        add a W3C PLS pronunciation lexicon (repeatable;\n"
    "                        it wins over the built-in ones)\n"
    "\n"
    "Voice:\n"
    "  --voice NAME          fr (default), fr-be or fr-ch, optionally with a\n"
    "                        variant: fr+f3. Without it, an article in another\n"
    "                        language is read, as written, by that language's voice\n"
    "  --no-lang-switch      read runs of English words (Army Tactical Missile\n"
    "                        Systems) with the French voice too; by default\n"
    "                        the English voice says them\n"
    "  --rate WPM            speaking rate, 80 to 450 words a minute\n"
    "  --pitch N             1 to 99 (default 50)\n"
    "  --list-voices         show the voices and variants, then stop\n"
    "  --pause-title MS, --pause-paragraph MS, --pause-notice MS\n"
    "                        silences after the title, between paragraphs and\n"
    "                        before the notice (default 900, 600, 1200)\n"
    "\n"
    "Batches:\n"
    "  --outdir DIR          convert every INPUT into DIR (created if needed);\n"
    "                        names come from the inputs' names\n"
    "  --from-list FILE      read input paths from FILE, one a line (\"-\": stdin)\n"
    "  --format EXT          format of batch outputs: ogg (default), wav, flac,\n"
    "                        opus, mp3, epub\n"
    "  --feed BASE_URL       also write DIR/feed.xml, a podcast feed of the\n"
    "                        episodes in DIR as served at BASE_URL, updated by\n"
    "                        later batches; channel details in DIR/feed.conf\n"
    "  -j, --jobs N          worker processes (default: one per core); also\n"
    "                        splits one long article across N processes\n"
    "  --resume              skip inputs whose output is already complete\n"
    "  --log FILE            append one JSON line per input to FILE\n"
    "  --shard K/N           take only the K-th of N slices of the inputs, to\n"
    "                        spread one list over several machines\n"
    "\n"
    "Other:\n"
    "  -q, --quiet           print nothing but errors\n"
    "  -h, --help            show this help\n"
    "  --version             show the version\n"
    "\n"
    "Examples:\n"
    "  oralise article.html -o article.ogg\n"
    "  oralise --voice fr+f3 --captions copie.txt -o copie.mp3\n"
    "  oralise page.html -o - | aplay\n"
    "  oralise --outdir audio/ -j 2 pages/*.html\n"
    "  oralise article.html -o article.epub\n"
    "  oralise --outdir site/podcast --format mp3 --feed https://example.org/podcast pages/*.html\n";

typedef struct {
    const char *input, *output, *print;
    const char *current; /* the argument being parsed, for messages */
    bool normalize, quiet, list_voices;
    const char *lexicons[MAX_LEXICONS];
    ora_options opt;
    ora_batch_options batch;
    const char *from_list;
} cli;

static int fail(const char *msg)
{
    fprintf(stderr, "oralise: %s\n", msg);
    return 1;
}

static int usage_error(const char *msg)
{
    fprintf(stderr, "oralise: %s Try \"oralise --help\".\n", msg);
    return 2;
}

enum { OPT_PRINT = 256, OPT_NORMALIZE, OPT_TEXT, OPT_HTML, OPT_CAPTIONS, OPT_TABLES,
       OPT_NOTICE, OPT_NO_NOTICE, OPT_LEXICON, OPT_VOICE, OPT_RATE,
       OPT_VERSION, OPT_OUTDIR, OPT_FROM_LIST, OPT_FORMAT, OPT_RESUME, OPT_LOG,
       OPT_SHARD, OPT_RAW, OPT_QUALITY, OPT_LOUDNESS, OPT_VTT, OPT_SRT,
       OPT_REPORT, OPT_MAX_DURATION, OPT_INTRO, OPT_OUTRO, OPT_PITCH,
       OPT_LIST_VOICES, OPT_PAUSE_TITLE, OPT_PAUSE_PARAGRAPH, OPT_PAUSE_NOTICE,
       OPT_MAX_INPUT, OPT_NO_LANG_SWITCH, OPT_CUES, OPT_PAD, OPT_FEED };

static const struct option long_options[] = {
    {"output", required_argument, 0, 'o'},
    {"print", required_argument, 0, OPT_PRINT},
    {"normalize", no_argument, 0, OPT_NORMALIZE},
    {"no-lang-switch", no_argument, 0, OPT_NO_LANG_SWITCH},
    {"text", no_argument, 0, OPT_TEXT},
    {"html", no_argument, 0, OPT_HTML},
    {"captions", no_argument, 0, OPT_CAPTIONS},
    {"tables", no_argument, 0, OPT_TABLES},
    {"notice", required_argument, 0, OPT_NOTICE},
    {"no-notice", no_argument, 0, OPT_NO_NOTICE},
    {"lexicon", required_argument, 0, OPT_LEXICON},
    {"voice", required_argument, 0, OPT_VOICE},
    {"rate", required_argument, 0, OPT_RATE},
    {"raw", no_argument, 0, OPT_RAW},
    {"quality", required_argument, 0, OPT_QUALITY},
    {"loudness", required_argument, 0, OPT_LOUDNESS},
    {"vtt", required_argument, 0, OPT_VTT},
    {"srt", required_argument, 0, OPT_SRT},
    {"report", required_argument, 0, OPT_REPORT},
    {"max-duration", required_argument, 0, OPT_MAX_DURATION},
    {"cues", required_argument, 0, OPT_CUES},
    {"pad", required_argument, 0, OPT_PAD},
    {"intro", required_argument, 0, OPT_INTRO},
    {"outro", required_argument, 0, OPT_OUTRO},
    {"pitch", required_argument, 0, OPT_PITCH},
    {"list-voices", no_argument, 0, OPT_LIST_VOICES},
    {"pause-title", required_argument, 0, OPT_PAUSE_TITLE},
    {"pause-paragraph", required_argument, 0, OPT_PAUSE_PARAGRAPH},
    {"pause-notice", required_argument, 0, OPT_PAUSE_NOTICE},
    {"quiet", no_argument, 0, 'q'},
    {"help", no_argument, 0, 'h'},
    {"version", no_argument, 0, OPT_VERSION},
    {"outdir", required_argument, 0, OPT_OUTDIR},
    {"from-list", required_argument, 0, OPT_FROM_LIST},
    {"format", required_argument, 0, OPT_FORMAT},
    {"jobs", required_argument, 0, 'j'},
    {"resume", no_argument, 0, OPT_RESUME},
    {"log", required_argument, 0, OPT_LOG},
    {"max-input", required_argument, 0, OPT_MAX_INPUT},
    {"shard", required_argument, 0, OPT_SHARD},
    {"feed", required_argument, 0, OPT_FEED},
    {0, 0, 0, 0}};

/* A whole number or a decimal in optarg; false when it is not one. */
static bool number_arg(double *v)
{
    char *end;
    *v = strtod(optarg, &end);
    return end != optarg && !*end && isfinite(*v);
}

/* A whole number from lo to hi in s, all of it: no sign tricks, no
 * wrap-around ("4294967376" is not 80), no trailing letters. */
static bool int_in(const char *s, long lo, long hi, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (end == s || *end || errno || v < lo || v > hi)
        return false;
    *out = (int)v;
    return true;
}

/* "K/N", 1 <= K <= N, and nothing else. */
static bool shard_arg(const char *s, int *k, int *n)
{
    const char *slash = strchr(s, '/');
    if (!slash || slash == s || slash - s > 15)
        return false;
    char left[16];
    memcpy(left, s, (size_t)(slash - s)), left[slash - s] = '\0';
    return int_in(left, 1, 1000000, k) && int_in(slash + 1, 1, 1000000, n) && *k <= *n;
}

static bool pause_arg(int *ms)
{
    double v;
    if (!number_arg(&v) || v < 0 || v > 60000)
        return false;
    *ms = (int)v;
    return true;
}

/* The audio options; -1 to go on, or an exit status. */
static int parse_audio_option(cli *c, int opt)
{
    ora_options *o = &c->opt;
    switch (opt) {
    case OPT_RAW: o->raw = true; break;
    case OPT_QUALITY:
        if (!number_arg(&o->quality) || o->quality < 0 || o->quality > 1)
            return usage_error("--quality takes a number from 0 (smallest) to 1 (best).");
        break;
    case OPT_LOUDNESS:
        if (strcmp(optarg, "off") == 0)
            o->loudness_off = true;
        else if (!number_arg(&o->loudness_lufs))
            return usage_error("--loudness takes LUFS (for example -19) or \"off\".");
        else
            o->loudness_off = false;
        break;
    case OPT_VTT: o->vtt_path = optarg; break;
    case OPT_SRT: o->srt_path = optarg; break;
    case OPT_REPORT: o->report_path = optarg; break;
    case OPT_MAX_DURATION:
        if (!number_arg(&o->max_seconds) || o->max_seconds <= 0)
            return usage_error("--max-duration takes a number of seconds above 0.");
        break;
    case OPT_CUES:
        if (strcmp(optarg, "short") != 0 && strcmp(optarg, "sentence") != 0)
            return usage_error("--cues takes \"short\" or \"sentence\".");
        o->cues = strcmp(optarg, "short") == 0 ? ORA_CUES_SHORT : ORA_CUES_SENTENCE;
        break;
    case OPT_PAD:
        if (!number_arg(&o->pad_seconds) || o->pad_seconds < 0 || o->pad_seconds > 60)
            return usage_error("--pad takes seconds of silence, 0 to 60.");
        break;
    case OPT_INTRO: o->script.intro_text = optarg; break;
    case OPT_OUTRO: o->script.outro_text = optarg; break;
    case OPT_PITCH:
        if (!int_in(optarg, 1, 99, &o->pitch))
            return usage_error("--pitch takes a whole number from 1 to 99.");
        break;
    case OPT_LIST_VOICES: c->list_voices = true; break;
    case OPT_PAUSE_TITLE:
    case OPT_PAUSE_PARAGRAPH:
    case OPT_PAUSE_NOTICE:
        if (!pause_arg(opt == OPT_PAUSE_TITLE       ? &o->script.pause_title_ms
                       : opt == OPT_PAUSE_PARAGRAPH ? &o->script.pause_paragraph_ms
                                                    : &o->script.pause_notice_ms))
            return usage_error("pauses take milliseconds, 0 to 60000.");
        break;
    default: return -2;
    }
    return -1;
}

/* Returns -1 to go on, or an exit status. */
static int parse_option(cli *c, int opt)
{
    int rc = parse_audio_option(c, opt);
    if (rc != -2)
        return rc;
    switch (opt) {
    case 'o': c->output = optarg; break;
    case OPT_PRINT:
        if (strcmp(optarg, "article") != 0 && strcmp(optarg, "script") != 0 &&
            strcmp(optarg, "ssml") != 0)
            return usage_error("--print takes \"article\", \"script\" or \"ssml\".");
        c->print = optarg;
        break;
    case OPT_NORMALIZE: c->normalize = true; break;
    case OPT_NO_LANG_SWITCH: c->opt.no_lang_switch = true; break;
    case OPT_TEXT: c->opt.input_kind = ORA_INPUT_TEXT; break;
    case OPT_HTML: c->opt.input_kind = ORA_INPUT_HTML; break;
    case OPT_CAPTIONS: c->opt.script.captions = true; break;
    case OPT_TABLES: c->opt.script.tables = true; break;
    case OPT_NOTICE: c->opt.script.notice_text = optarg; break;
    case OPT_NO_NOTICE: c->opt.script.notice = false; break;
    case OPT_LEXICON:
        if (c->opt.n_lexicons == MAX_LEXICONS)
            return usage_error("too many --lexicon files (32 at most).");
        c->lexicons[c->opt.n_lexicons++] = optarg;
        break;
    case OPT_VOICE: c->opt.voice.voice = optarg, c->opt.keep_voice = true; break;
    case OPT_RATE:
        if (!int_in(optarg, 80, 450, &c->opt.voice.rate_wpm))
            return usage_error("--rate takes a number of words a minute, 80 to 450.");
        break;
    case 'q': c->quiet = true; break;
    case OPT_OUTDIR: c->batch.outdir = optarg; break;
    case OPT_FROM_LIST: c->from_list = optarg; break;
    case OPT_FORMAT: c->batch.format = optarg; break;
    case 'j':
        if (!int_in(optarg, 1, 1024, &c->opt.jobs))
            return usage_error("-j takes a number of worker processes, 1 to 1024.");
        c->batch.jobs = c->opt.jobs;
        break;
    case OPT_RESUME: c->batch.resume = true; break;
    case OPT_LOG: c->batch.log = optarg; break;
    case OPT_FEED: c->batch.feed = optarg; break;
    case OPT_MAX_INPUT: {
        int mb;
        if (!int_in(optarg, 1, 4096, &mb))
            return usage_error("--max-input takes megabytes, 1 to 4096.");
        c->opt.max_input = (size_t)mb << 20;
        break;
    }
    case OPT_SHARD:
        if (!shard_arg(optarg, &c->batch.shard, &c->batch.shards))
            return usage_error("--shard takes K/N with K from 1 to N, for example 1/4.");
        break;
    case 'h': fputs(usage_text, stdout); return 0;
    case OPT_VERSION: printf("oralise %s\n", ORA_VERSION); return 0;
    case ':':
        fprintf(stderr, "oralise: option %s needs a value. Try \"oralise --help\".\n", c->current);
        return 2;
    default:
        fprintf(stderr, "oralise: unknown option %s. Try \"oralise --help\".\n", c->current);
        return 2;
    }
    return -1;
}

/* Words only: the runs of other languages would not show, so their word
 * lists are not read. */
static int run_normalize(const cli *c)
{
    ora_error err;
    ora_options o = c->opt;
    o.no_lang_switch = true;
    ora_normalizer *n = ora_normalizer_for(&o, &err);
    if (!n)
        return fail(err.msg);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int rc = 0;
    for (long number = 1; (len = getline(&line, &cap, stdin)) >= 0; number++) {
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        bool text = ora_utf8_valid(line, (size_t)len);
        char *out = text ? ora_normalize_string(n, line, &err) : NULL;
        if (!out) {
            char msg[600];
            snprintf(msg, sizeof msg, "standard input, line %ld: %s", number,
                     text ? err.msg : "the text is not valid UTF-8.");
            rc = fail(msg);
            break;
        }
        printf("%s\n", out);
        free(out);
    }
    free(line);
    ora_normalizer_free(n);
    return rc;
}

static int run_print(const cli *c)
{
    ora_error err;
    ora_article a;
    ora_script s;
    int rc = 0;
    if (strcmp(c->print, "article") == 0) {
        ora_article_init(&a);
        /* What was found is printed even when it is not an article, so
         * that the reader's decision can be inspected; the exit says no. */
        if (ora_read_file_max(c->input, c->opt.input_kind, c->opt.max_input, &a, &err) < 0)
            rc = fail(err.msg);
        if (rc == 0 || a.not_article) {
            char *json = ora_article_to_json(&a);
            printf("%s\n", json);
            free(json);
        }
        ora_article_free(&a);
        return rc;
    }
    char voice[40] = "fr";
    if (ora_prepare_voice(c->input, &c->opt, &a, &s, voice, sizeof voice, &err) < 0)
        rc = fail(err.msg);
    voice[strcspn(voice, "+")] = '\0'; /* the language, without the variant */
    for (size_t i = 0; rc == 0 && i < s.n; i++) {
        char *ssml = strcmp(c->print, "ssml") == 0 ? ora_segment_ssml(&s.segs[i], voice) : NULL;
        printf("%s\n", ssml ? ssml : s.segs[i].spoken);
        free(ssml);
    }
    ora_script_free(&s);
    ora_article_free(&a);
    return rc;
}

static int run_convert(const cli *c)
{
    ora_error err;
    ora_result r;
    bool to_stdout = strcmp(c->output, "-") == 0;
    if (ora_convert(c->input, c->output, &c->opt, &r, &err) < 0)
        return fail(err.msg);
    if (!c->quiet)
        fprintf(stderr, "oralise: wrote %s: %d min %02d s of speech in %zu parts%s%s.\n",
                to_stdout ? "standard output" : c->output, (int)r.seconds / 60,
                (int)r.seconds % 60, r.segments,
                r.shortened ? ", shortened to fit" : "",
                r.truncated ? ", ending with the paywall notice" : "");
    if (!c->quiet && strncmp(r.voice, "fr", 2) != 0)
        fprintf(stderr, "oralise: the article is not in French: it was spoken with eSpeak NG's "
                "\"%s\" voice, as written; numbers, dates and abbreviations are normalized "
                "for French only (--voice fr reads it with the French voice).\n", r.voice);
    if (!c->quiet && !isnan(r.loudness.integrated_lufs))
        fprintf(stderr, "oralise: loudness %.1f LUFS, true peak %.1f dBTP.\n",
                r.loudness.integrated_lufs, r.loudness.true_peak_dbtp);
    return 0;
}

static int run_batch(cli *c, char **args, size_t n_args)
{
    ora_error err;
    char **list = NULL;
    size_t n = 0;
    if (c->from_list && ora_read_list(c->from_list, &list, &n, &err) < 0)
        return fail(err.msg);
    const char **inputs = malloc((n + n_args + 1) * sizeof *inputs);
    for (size_t i = 0; i < n; i++)
        inputs[i] = list[i];
    for (size_t i = 0; i < n_args; i++)
        inputs[n + i] = args[i];
    ora_format fmt;
    char probe[64];
    snprintf(probe, sizeof probe, "x.%s", c->batch.format);
    int rc;
    if (n + n_args == 0)
        rc = usage_error("no INPUT given: name files, or use --from-list FILE.");
    else if (strcasecmp(c->batch.format, "epub") != 0 && ora_format_from_path(probe, &fmt, &err) < 0)
        rc = usage_error("--format takes ogg, wav, flac, opus, mp3 or epub.");
    else {
        if (c->quiet)
            c->batch.progress = ORA_PROGRESS_NONE;
        ora_batch_summary sum;
        rc = ora_batch_run(inputs, n + n_args, &c->opt, &c->batch, &sum, &err);
        if (rc < 0)
            rc = fail(err.msg);
        else if (!c->quiet || rc)
            fprintf(stderr, "oralise: %zu converted, %zu already done, %zu failed.\n",
                    sum.done, sum.skipped, sum.failed);
    }
    free(inputs);
    ora_free_list(list, n);
    return rc;
}

static int run_cli(int argc, char **argv)
{
    cli c = {0};
    ora_options_default(&c.opt);
    ora_batch_options_default(&c.batch);
    c.opt.lexicons = c.lexicons;
    int opt;
    opterr = 0; /* our own one-line messages instead of getopt's */
    while ((opt = getopt_long(argc, argv, ":o:qhj:", long_options, NULL)) != -1) {
        c.current = argv[optind - 1];
        int rc = parse_option(&c, opt);
        if (rc >= 0)
            return rc;
    }
    if (c.list_voices) {
        ora_error err = {{0}};
        return ora_list_voices(stdout, &err) < 0 ? fail(err.msg) : 0;
    }
    if (c.normalize)
        return optind < argc ? usage_error("--normalize reads standard input and takes no INPUT.")
                             : run_normalize(&c);
    if (c.batch.feed && !c.batch.outdir)
        return usage_error("--feed writes the feed of a batch folder: give --outdir DIR too.");
    if (c.batch.outdir || c.from_list)
        return c.batch.outdir ? run_batch(&c, argv + optind, (size_t)(argc - optind))
                              : usage_error("--from-list needs --outdir DIR.");
    if (optind != argc - 1)
        return usage_error(optind < argc ? "give one INPUT at a time." : "no INPUT given.");
    c.input = argv[optind];
    if (c.print)
        return run_print(&c);
    if (!c.output)
        return usage_error("no output given: use -o FILE (for example -o article.ogg) or --print=script.");
    return run_convert(&c);
}

/* Whatever was printed (JSON, a script, normalized lines, voices, help)
 * must have reached standard output: a full disk or a closed pipe is a
 * failure, not a silent success. */
int main(int argc, char **argv)
{
    int rc = run_cli(argc, argv);
    errno = 0;
    if ((ferror(stdout) | fclose(stdout)) && rc == 0) {
        fprintf(stderr, "oralise: cannot write to standard output: %s.\n",
                errno ? strerror(errno) : "the device may be full");
        rc = 1;
    }
    return rc;
}
