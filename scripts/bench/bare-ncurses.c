/*
 * bare-ncurses: the floor for a terminal program's first frame.
 *
 * Initialises ncursesw the way a full-screen program does (locale, cbreak, noecho,
 * keypad, no cursor), fills the whole screen (120x40 in the benchmark) with text,
 * draws it with one refresh and waits for `q`. scripts/compare-tui measures its
 * first frame beside Lotse's demo, so the ratio shows what Lotse adds on top of
 * starting curses and painting a screen.
 *
 * Build: cc -O2 -o bare-ncurses bare-ncurses.c -lncursesw
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

static const char *words =
    "Smart City Portfolio Projekt Ampel Budget Foerderende Bericht Phase Kommune "
    "Experimentieren Transferieren Etablieren Risiko Kennzahl Verstetigung ";

int main(void) {
    setlocale(LC_ALL, "");
    initscr();
    cbreak();
    noecho();
    keypad(stdscr, TRUE);
    curs_set(0);

    size_t n = strlen(words);
    char line[1024];
    int width = COLS < (int)sizeof line - 1 ? COLS : (int)sizeof line - 1;
    for (int y = 0; y < LINES - 1; y++) {
        for (int x = 0; x < width; x++)
            line[x] = words[((size_t)y * 7 + (size_t)x) % n];
        line[width] = '\0';
        mvaddstr(y, 0, line);
    }
    /* The last line is the marker the benchmark waits for. */
    mvaddstr(LINES - 1, 0, " bare ncurses ready  q quits");
    refresh();

    int ch;
    while ((ch = getch()) != 'q' && ch != ERR) {
    }
    endwin();
    return 0;
}
