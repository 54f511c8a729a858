/* measure CMD ARGS...: runs a command and prints "WALL_SECONDS MAX_RSS_KIB
 * CPU_SECONDS" on stderr, with the command's peak resident memory taken from
 * wait4 (children included: the largest of them). Used by bench/*.sh. */
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: measure CMD [ARGS...]\n");
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid == 0) {
        execvp(argv[1], argv + 1);
        perror(argv[1]);
        _exit(127);
    }
    int status;
    struct rusage self;
    wait4(pid, &status, 0, &self);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    struct rusage kids;
    getrusage(RUSAGE_CHILDREN, &kids); /* includes the grandchildren reaped */
    double wall = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    double cpu = (double)kids.ru_utime.tv_sec + kids.ru_utime.tv_usec / 1e6 +
                 (double)kids.ru_stime.tv_sec + kids.ru_stime.tv_usec / 1e6;
    fprintf(stderr, "%.3f %ld %.3f\n", wall, kids.ru_maxrss, cpu);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
