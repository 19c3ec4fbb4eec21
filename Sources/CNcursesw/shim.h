#ifndef LOTSE_CNCURSESW_SHIM_H
#define LOTSE_CNCURSESW_SHIM_H

/* The wide-character API (get_wch, setcchar, mvadd_wch, cchar_t) is only declared with
   this defined before <curses.h>. */
#define _XOPEN_SOURCE_EXTENDED 1

#include <ncursesw/curses.h>
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

/* newterm on the process's own terminal (stdout and stdin are globals Swift 6 rejects).
   Unlike initscr it returns NULL for an unknown TERM instead of printing and exiting. */
static inline SCREEN *lotse_newterm(const char *term) { return newterm(term, stdout, stdin); }

/* Whether the terminal can move the cursor to any cell (terminfo "cup"); a "dumb"
   terminal cannot show a full-screen program. */
static inline int lotse_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

/* ---- Globals and macros Swift 6 rejects ("not concurrency-safe") or cannot import ---- */

static inline WINDOW *lotse_stdscr(void) { return stdscr; }
static inline int lotse_lines(void) { return LINES; }
static inline int lotse_cols(void) { return COLS; }
static inline int lotse_colors(void) { return COLORS; }
static inline int lotse_color_pairs(void) { return COLOR_PAIRS; }
static inline int lotse_err(void) { return ERR; }
static inline int lotse_ok(void) { return OK; }

/* Height and width of a window (getmaxyx is a macro). */
static inline int lotse_max_y(WINDOW *win) { int y, x; getmaxyx(win, y, x); (void)x; return y; }
static inline int lotse_max_x(WINDOW *win) { int y, x; getmaxyx(win, y, x); (void)y; return x; }

/* Key codes; KEY_F(n) is a function-like macro. */
static inline int lotse_key_code_yes(void) { return KEY_CODE_YES; }
static inline int lotse_key_f(int n) { return KEY_F(n); }

/* Video attributes (NCURSES_BITS macros). */
static inline attr_t lotse_a_normal(void) { return A_NORMAL; }
static inline attr_t lotse_a_bold(void) { return A_BOLD; }
static inline attr_t lotse_a_underline(void) { return A_UNDERLINE; }
static inline attr_t lotse_a_reverse(void) { return A_REVERSE; }
static inline attr_t lotse_a_dim(void) { return A_DIM; }

/* ---- Mouse ---- */

static inline mmask_t lotse_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t lotse_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t lotse_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }

/* Reads the pending mouse event. Returns OK and fills x, y, bstate, or ERR. */
static inline int lotse_get_mouse(int *x, int *y, mmask_t *bstate) {
    MEVENT event;
    memset(&event, 0, sizeof event);
    if (getmouse(&event) != OK) return ERR;
    *x = event.x;
    *y = event.y;
    *bstate = event.bstate;
    return OK;
}

/* ---- Locale ---- */

/* The codeset of the current locale ("UTF-8", "ANSI_X3.4-1968", ...). Call after setlocale. */
static inline const char *lotse_codeset(void) { return nl_langinfo(CODESET); }

/* Columns the locale's C library gives a character: 0 combining, 1, 2 wide, -1 unprintable. */
static inline int lotse_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }

static inline int lotse_is_a_tty(int fd) { return isatty(fd); }

/* ---- Giving the terminal back after a crash ----
   A terminfo string capability, or "" when the terminal has none. */
static inline const char *lotse_string_capability(const char *name) {
    char *value = tigetstr(name);
    return value == NULL || value == (char *)-1 ? "" : value;
}

/* The sequence that turns mouse reporting off: xterm's extended "XM" capability with 0,
   else, for a terminal that reports mouse events at all (kmous), the X10/normal mode off. */
static inline const char *lotse_mouse_off_sequence(void) {
    char *xm = tigetstr("XM");
    if (xm != NULL && xm != (char *)-1) {
        char *off = tiparm(xm, 0);
        if (off != NULL) return off;
    }
    char *kmous = tigetstr("kmous");
    return kmous != NULL && kmous != (char *)-1 && kmous[0] != '\0' ? "\033[?1000l" : "";
}

#endif
