/* What a command line needs beyond the library calls: words for people
 * (durations, counts, clock times), whether a terminal can take a redrawn
 * line, and messages for options getopt refused. src/main.c only parses
 * and calls; the batch's progress lines use the same words. Not part of
 * the public API. */
#ifndef ORA_CLI_H
#define ORA_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>

/* "1 minute 43 seconds", "2 hours 5 seconds", "17 seconds", "1 second":
 * seconds rounded to the nearest, units that are zero left out ("0 seconds"
 * only for nothing at all). Returns buf. */
char *cli_duration_words(double seconds, char *buf, size_t size);

/* "1 part", "6 parts": n and the noun, which takes an s unless n is 1.
 * Returns buf. */
char *cli_count_words(size_t n, const char *noun, char *buf, size_t size);

/* "01:43:07.250": hours, minutes, seconds and milliseconds. */
char *cli_clock(long ms, char *buf, size_t size);

/* Whether fd is a terminal on which a line can be redrawn in place with a
 * carriage return: a terminal, and TERM set to something other than
 * "dumb". Elsewhere (a pipe, a log, a screen reader's dumb terminal)
 * progress must come one plain line per step. */
bool cli_can_redraw(int fd);

/* The message for an argument getopt_long refused ('?'): argc and argv as
 * given to it, next its optind, short_opt its optopt, opts the option
 * table. It names the closest
 * option when one is near ("unknown option --speed: did you mean
 * --rate?"), by edit distance or by the synonyms in
 * rules/cli/option-synonyms.txt; says when an option takes no value, or
 * when an abbreviation fits several. One line, no final newline. */
void cli_bad_option(int argc, char **argv, int next, int short_opt,
                    const struct option *opts, char *msg, size_t size);

/* For an option whose file name may be left out (--vtt, --srt, --report):
 * value is getopt's optarg, ext the file's extension (".vtt"), *next
 * getopt's optind, moved past a name taken. "--vtt=FILE" gives FILE;
 * "--vtt FILE" takes the next argument when it does not start with '-' —
 * in a batch only when it ends with ext, as the next word there is often
 * an input ("--outdir d --vtt page.html"); "--vtt" followed by an option
 * or by nothing gives "": beside the audio output (see ora_options). */
const char *cli_optional_file(const char *value, int argc, char **argv, int *next,
                              const char *ext, bool batch);

/* Whether argv holds an option whose getopt value is val1 or val2, found
 * by a first pass that moves nothing and reports nothing; getopt is left
 * ready for the real parse. The batch options change what a bare --vtt
 * followed by a word means, and may come after it. */
bool cli_option_given(int argc, char **argv, const char *shortopts,
                      const struct option *opts, int val1, int val2);

#endif
