/* Time to the first audio byte of a command writing WAV (or raw PCM) to
 * its standard output: runs the command with its output on a pipe and
 * times the first read that goes past the header. Prints milliseconds.
 * Usage: audio_ttfb HEADER_BYTES COMMAND [ARGS…] */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: audio_ttfb HEADER_BYTES COMMAND [ARGS...]\n");
        return 2;
    }
    long header = atol(argv[1]);
    int p[2];
    if (pipe(p) < 0)
        return 1;
    double start = now_ms();
    pid_t pid = fork();
    if (pid == 0) {
        dup2(p[1], 1);
        close(p[0]);
        execvp(argv[2], argv + 2);
        _exit(127);
    }
    close(p[1]);
    char buf[65536];
    long total = 0;
    double first = -1;
    ssize_t n;
    while ((n = read(p[0], buf, sizeof buf)) > 0) {
        total += n;
        if (first < 0 && total > header)
            first = now_ms() - start;
    }
    int st;
    waitpid(pid, &st, 0);
    double all = now_ms() - start;
    if (first < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        fprintf(stderr, "audio_ttfb: the command failed or wrote no audio\n");
        return 1;
    }
    printf("first audio byte after %.1f ms; %ld bytes in %.1f ms\n", first, total, all);
    return 0;
}
