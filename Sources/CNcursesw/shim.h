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

/* ---- Signals ----
   SIGTERM, SIGHUP and SIGINT set a flag instead of killing the process, so the program
   can restore the terminal. No SA_RESTART: a blocking read in get_wch is interrupted and
   returns, and the loop sees the flag at once. Static state is fine here: only the
   NcursesBackend Swift module calls these functions, so there is one copy of it. */

/* The state lives in function-local statics: Swift's importer emits static inline
   functions into the module that calls them, but not file-scope static variables they
   use (an undefined reference at link time). */
static inline volatile sig_atomic_t *lotse_pending_signal_slot(void) {
    static volatile sig_atomic_t pending = 0;
    return &pending;
}

static inline struct sigaction *lotse_previous_actions(void) {
    static struct sigaction previous[3];
    return previous;
}

static inline int *lotse_handlers_installed(void) {
    static int installed = 0;
    return &installed;
}

static inline int lotse_trapped_signal(int i) {
    return i == 0 ? SIGTERM : (i == 1 ? SIGHUP : SIGINT);
}

static inline void lotse_signal_handler(int sig) { *lotse_pending_signal_slot() = sig; }

/* Installs the handlers (once; again only after lotse_restore_signal_handlers). */
static inline void lotse_install_signal_handlers(void) {
    if (*lotse_handlers_installed()) return;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = lotse_signal_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    for (int i = 0; i < 3; i++) {
        sigaction(lotse_trapped_signal(i), &action, &lotse_previous_actions()[i]);
    }
    *lotse_handlers_installed() = 1;
}

/* Puts back whatever handled these signals before lotse_install_signal_handlers. */
static inline void lotse_restore_signal_handlers(void) {
    if (!*lotse_handlers_installed()) return;
    for (int i = 0; i < 3; i++) {
        sigaction(lotse_trapped_signal(i), &lotse_previous_actions()[i], NULL);
    }
    *lotse_handlers_installed() = 0;
}

/* The number of the signal that arrived since the last call, or 0; clears it. */
static inline int lotse_take_signal(void) {
    volatile sig_atomic_t *slot = lotse_pending_signal_slot();
    int sig = *slot;
    *slot = 0;
    return sig;
}

#endif
