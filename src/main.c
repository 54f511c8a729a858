/* oralise: the command line. Options in, library calls out. */
#include "oralise.h"
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_LEXICONS 32

static const char usage_text[] =
    "Usage: oralise [OPTIONS] INPUT -o OUTPUT\n"
    "       oralise --print=article|script|ssml|chapters [OPTIONS] INPUT\n"
    "       oralise --normalize < LINES\n"
    "\n"
    "Reads a French news article aloud into an audio file. INPUT is a web\n"
    "address (http:// or https://), a saved page (HTML) or the text a browser\n"
    "copy gives; \"-\" reads standard input.\n"
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
    "  --vtt [FILE], --srt [FILE]  captions, as written: cues of at most 2 lines\n"
    "                        of 42 characters and 7 seconds, cut at clause marks\n"
    "  --cues short|sentence  short cues (default), or one cue per sentence\n"
    "  --report [FILE]       JSON: metadata, duration, parts, chapters, loudness,\n"
    "                        each word with its start and end\n"
    "                        Without FILE (last, or before another option),\n"
    "                        these go beside the audio as NAME.vtt, NAME.srt,\n"
    "                        NAME.json; in a batch, beside each output, and a\n"
    "                        FILE after a space must end in .vtt, .srt, .json\n"
    "                        (--vtt=FILE takes any name)\n"
    "  --pad SECONDS         silence before and after the speech (default 0.5\n"
    "                        for .ogg .opus .mp3, none for .wav .flac)\n"
    "  --max-duration SECONDS  stop after the last whole sentence that fits,\n"
    "                        still ending with the notice or a closing line\n"
    "  --intro TEXT, --outro TEXT  say TEXT first, or last\n"
    "  --print=article       print the extracted article as JSON, speak nothing\n"
    "  --print=script        print what would be said, one segment a line\n"
    "  --print=ssml          the same as SSML, as it goes to eSpeak NG: runs of\n"
    "                        English in <voice xml:lang=\"en\">\n"
    "  --print=chapters      the chapters and when each starts, one a line\n"
    "                        (\"00:01:37.250 Title\"): the article is spoken,\n"
    "                        nothing is written\n"
    "  --normalize           turn each line of standard input into words\n"
    "\n"
    "Reading:\n"
    "  --text, --html        read INPUT as a browser copy or as a page\n"
    "                        (default: guessed from the content)\n"
    "  --max-input MB        refuse inputs larger than MB megabytes (default 5)\n"
    "  --timeout SECONDS     give up on a web address after SECONDS (default 30)\n"
    "  --save-page FILE      keep the page fetched from a web address in FILE\n"
    "  --charset NAME        read INPUT in charset NAME (windows-1252,\n"
    "                        ISO-8859-15...) instead of the one found\n"
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
    "  --resume              skip outputs already complete whose input has not\n"
    "                        changed since (its size and a hash of its bytes)\n"
    "  --log FILE            append one JSON line per input to FILE\n"
    "  --shard K/N           take only the K-th of N slices of the inputs, to\n"
    "                        spread one list over several machines\n"
    "\n"
    "Other:\n"
    "  -q, --quiet           print nothing but errors\n"
    "  -h, --help            show this help\n"
    "  --version             show the version\n"
    "\n"
    "Exit status: 0 done, 1 an input or output failed (in a batch: any one),\n"
    "2 a usage error (an unknown option, a bad value, options that conflict).\n"
    "\n"
    "Examples:\n"
    "  oralise https://www.example.fr/article.html -o article.ogg\n"
    "  oralise article.html -o article.ogg\n"
    "  oralise --voice fr+f3 --captions copie.txt -o copie.mp3\n"
    "  oralise page.html -o - | aplay\n"
    "  oralise --outdir audio/ -j 2 pages/*.html\n"
    "  oralise article.html -o article.epub\n"
    "  oralise --outdir site/podcast --format mp3 --feed https://example.org/podcast pages/*.html\n";

typedef struct {
    const char *input, *output, *print;
    const char *current; /* the argument being parsed, for messages */
    int argc;            /* for options whose file name may be left out */
    char **argv;
    const char *batch_only; /* a batch option given, for the message */
    bool batch_mode;        /* --outdir or --from-list anywhere */
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
       OPT_MAX_INPUT, OPT_NO_LANG_SWITCH, OPT_CUES, OPT_PAD, OPT_TIMEOUT, OPT_SAVE_PAGE,
       OPT_CHARSET, OPT_FEED };

static const char short_options[] = ":o:qhj:";

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
    {"vtt", optional_argument, 0, OPT_VTT},
    {"srt", optional_argument, 0, OPT_SRT},
    {"report", optional_argument, 0, OPT_REPORT},
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
    {"timeout", required_argument, 0, OPT_TIMEOUT},
    {"save-page", required_argument, 0, OPT_SAVE_PAGE},
    {"charset", required_argument, 0, OPT_CHARSET},
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

static const char *optional_file(cli *c, const char *ext)
{
    return cli_optional_file(optarg, c->argc, c->argv, &optind, ext, c->batch_mode);
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
    case OPT_VTT: o->vtt_path = optional_file(c, ".vtt"); break;
    case OPT_SRT: o->srt_path = optional_file(c, ".srt"); break;
    case OPT_REPORT: o->report_path = optional_file(c, ".json"); break;
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
            strcmp(optarg, "ssml") != 0 && strcmp(optarg, "chapters") != 0)
            return usage_error("--print takes \"article\", \"script\", \"ssml\" or \"chapters\".");
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
    case OPT_FORMAT: c->batch.format = optarg, c->batch_only = "--format"; break;
    case 'j':
        if (!int_in(optarg, 1, 1024, &c->opt.jobs))
            return usage_error("-j takes a number of worker processes, 1 to 1024.");
        c->batch.jobs = c->opt.jobs;
        break;
    case OPT_RESUME: c->batch.resume = true, c->batch_only = "--resume"; break;
    case OPT_LOG: c->batch.log = optarg, c->batch_only = "--log"; break;
    case OPT_FEED: c->batch.feed = optarg, c->batch_only = "--feed"; break;
    case OPT_MAX_INPUT: {
        int mb;
        if (!int_in(optarg, 1, 4096, &mb))
            return usage_error("--max-input takes megabytes, 1 to 4096.");
        c->opt.max_input = (size_t)mb << 20;
        break;
    }
    case OPT_TIMEOUT:
        if (!number_arg(&c->opt.timeout) || c->opt.timeout <= 0 || c->opt.timeout > 86400)
            return usage_error("--timeout takes seconds, above 0 and at most 86400.");
        break;
    case OPT_SAVE_PAGE: c->opt.save_page = optarg; break;
    case OPT_CHARSET:
        if (!ora_charset_known(optarg))
            return usage_error("--charset takes a charset name iconv knows, such as "
                               "windows-1252 or ISO-8859-15.");
        c->opt.charset = optarg;
        break;
    case OPT_SHARD:
        if (!shard_arg(optarg, &c->batch.shard, &c->batch.shards))
            return usage_error("--shard takes K/N with K from 1 to N, for example 1/4.");
        c->batch_only = "--shard";
        break;
    case 'h': fputs(usage_text, stdout); return 0;
    case OPT_VERSION: printf("oralise %s\n", ORA_VERSION); return 0;
    case ':':
        fprintf(stderr, "oralise: option %s needs a value. Try \"oralise --help\".\n", c->current);
        return 2;
    default: {
        char msg[480];
        cli_bad_option(c->argc, c->argv, optind, optopt, long_options, msg, sizeof msg);
        return usage_error(msg);
    }
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

/* Chapters as "HH:MM:SS.mmm Title", one a line. */
static int run_print_chapters(const cli *c)
{
    ora_error err;
    ora_chapter *ch;
    size_t n;
    if (ora_chapters_of(c->input, &c->opt, &ch, &n, &err) < 0)
        return fail(err.msg);
    for (size_t i = 0; i < n; i++) {
        char clock[32];
        printf("%s %s\n", cli_clock(ch[i].start_ms, clock, sizeof clock), ch[i].title);
    }
    ora_chapters_free(ch, n);
    return 0;
}

static int run_print(const cli *c)
{
    ora_error err;
    ora_article a;
    ora_script s;
    int rc = 0;
    if (strcmp(c->print, "article") != 0 && ora_check_options(NULL, &c->opt, &err) < 0)
        return usage_error(err.msg);
    if (strcmp(c->print, "chapters") == 0)
        return run_print_chapters(c);
    if (strcmp(c->print, "article") == 0) {
        ora_article_init(&a);
        /* What was found is printed even when it is not an article, so
         * that the reader's decision can be inspected; the exit says no. */
        if (ora_read_input(c->input, &c->opt, &a, &err) < 0)
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
    if (ora_check_options(c->output, &c->opt, &err) < 0)
        return usage_error(err.msg);
    if (to_stdout && isatty(STDOUT_FILENO)) {
        fprintf(stderr, "oralise: standard output is a terminal: pipe it to a player, "
                "e.g. `| aplay`, or give -o FILE.\n");
        return 2;
    }
    if (ora_convert(c->input, c->output, &c->opt, &r, &err) < 0)
        return fail(err.msg);
    char length[80], parts[40];
    if (!c->quiet)
        fprintf(stderr, "oralise: wrote %s: %s, %s%s%s.\n",
                to_stdout ? "standard output" : c->output,
                cli_duration_words(r.seconds, length, sizeof length),
                cli_count_words(r.segments, "part", parts, sizeof parts),
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
    int rc;
    if (n + n_args == 0)
        rc = usage_error("no INPUT given: name files, or use --from-list FILE.");
    else if (ora_batch_check(n + n_args, &c->opt, &c->batch, &err) < 0)
        rc = usage_error(err.msg);
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

/* Options that belong to one way of running, given with another: -1 when
 * none, or the usage error's status. */
static int check_modes(const cli *c, int n_inputs)
{
    bool batch = c->batch.outdir || c->from_list;
    if (batch && !c->batch.outdir)
        return usage_error("--from-list needs --outdir DIR.");
    if (batch && c->output)
        return usage_error("-o names one output, and a batch writes each into --outdir DIR: drop -o.");
    if (batch && c->print)
        return usage_error("--print shows one INPUT: drop --outdir for it.");
    if (!batch && c->output && n_inputs > 1)
        return usage_error("-o names one output for several inputs: use --outdir DIR to "
                           "convert each into DIR/NAME.ogg.");
    if (!batch && c->batch_only) {
        char msg[120];
        snprintf(msg, sizeof msg, "%s is for batches: add --outdir DIR.", c->batch_only);
        return usage_error(msg);
    }
    return -1;
}

static int run_cli(int argc, char **argv)
{
    cli c = {0};
    c.argc = argc, c.argv = argv;
    ora_options_default(&c.opt);
    ora_batch_options_default(&c.batch);
    c.opt.lexicons = c.lexicons;
    int opt;
    c.batch_mode = cli_option_given(argc, argv, short_options, long_options, OPT_OUTDIR,
                                    OPT_FROM_LIST);
    opterr = 0; /* our own one-line messages instead of getopt's */
    while ((opt = getopt_long(argc, argv, short_options, long_options, NULL)) != -1) {
        c.current = argv[optind - 1];
        int rc = parse_option(&c, opt);
        if (rc >= 0)
            return rc;
    }
    if (!c.quiet)
        c.opt.notes = stderr; /* a guessed charset is said */
    if (c.list_voices) {
        ora_error err = {{0}};
        return ora_list_voices(stdout, &err) < 0 ? fail(err.msg) : 0;
    }
    if (c.normalize)
        return optind < argc ? usage_error("--normalize reads standard input and takes no INPUT.")
                             : run_normalize(&c);
    int rc = check_modes(&c, argc - optind);
    if (rc >= 0)
        return rc;
    if (c.batch.outdir && c.opt.save_page)
        return usage_error("--save-page keeps one fetched page: it cannot be used with --outdir.");
    if (c.batch.outdir)
        return run_batch(&c, argv + optind, (size_t)(argc - optind));
    if (optind != argc - 1)
        return usage_error(optind < argc ? "give one INPUT at a time, or use --outdir DIR for several."
                                         : "no INPUT given.");
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
