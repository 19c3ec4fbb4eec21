/*
 * replay: a terminal program that does no work. It writes the answers a real program
 * gave (recorded by scripts/bench/record-pty): the first one at once, then one for each
 * read of keys, each in one write, and exits after the last. scripts/compare-tui drives
 * it through tuiprobe with the same keys as Lotse, so its latencies are what the
 * emulator and the pseudo-terminal cost for exactly Lotse's bytes; Lotse's own share of
 * a latency is what it takes beyond that.
 *
 * LOG: the answers one after the other, each a 4-byte big-endian length and its bytes.
 *
 * Build: cc -O2 -o replay replay.c
 */
#include <stdio.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

static int write_all(const unsigned char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(STDOUT_FILENO, p, n);
        if (w < 0) return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: replay LOG\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    rewind(f);
    unsigned char *log = malloc(size > 0 ? (size_t)size : 1);
    if (!log || fread(log, 1, (size_t)size, f) != (size_t)size) {
        fprintf(stderr, "replay: cannot read %s\n", argv[1]);
        return 2;
    }
    fclose(f);

    struct termios saved, raw;
    int tty = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (tty) {
        raw = saved;
        cfmakeraw(&raw);
        tcsetattr(STDIN_FILENO, TCSANOW, &raw);
    }
    long at = 0;
    int first = 1;
    char keys[1024];
    while (at + 4 <= size) {
        size_t n = ((size_t)log[at] << 24) | ((size_t)log[at + 1] << 16) | ((size_t)log[at + 2] << 8) | log[at + 3];
        at += 4;
        if (n > (size_t)(size - at)) break;
        if (!first && read(STDIN_FILENO, keys, sizeof keys) <= 0) break;
        first = 0;
        if (write_all(log + at, n) < 0) break;
        at += (long)n;
    }
    if (tty) tcsetattr(STDIN_FILENO, TCSADRAIN, &saved);
    free(log);
    return 0;
}
