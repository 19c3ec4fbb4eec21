#ifndef LOTSE_SIGNALS_H
#define LOTSE_SIGNALS_H

#include <stddef.h>

/* Process signals and crashes for a full-screen program. Everything a handler does is
   async-signal-safe: the handlers for SIGTERM, SIGHUP, SIGINT, SIGQUIT and SIGTSTP only set
   a flag that the main loop polls; the crash handlers only call tcsetattr, write, pread,
   dup2, sigaction and raise. */

/* ---- Signals the main loop handles ---- */

/* Installs flag-setting handlers for SIGTERM, SIGHUP, SIGINT, SIGQUIT and SIGTSTP, without
   SA_RESTART (a blocking read returns at once). Call before the curses library starts, so it
   keeps its hands off these signals; unblocks them for the calling thread, since a blocked mask
   is inherited from the parent. Does nothing when already installed. */
void lotse_signals_begin(void);

/* Puts back the handlers that were in place before lotse_signals_begin. */
void lotse_signals_end(void);

/* The pending signal, cleared: a termination signal first (the first that arrived), else
   SIGTSTP for a pending suspension, else 0. */
int lotse_signals_take(void);

/* Whether lotse_signals_take would return a signal (nothing is cleared). */
int lotse_signals_pending(void);

/* Stops the process group as the terminal's Ctrl-Z does (SIGTSTP with its default action) and
   returns once it is continued; the flag handler is back in place afterwards. In a process
   group the kernel considers orphaned, the stop does not happen and this returns at once. */
void lotse_signals_suspend(void);

/* Ends the process after `sig` ended the main loop: SIGQUIT exits with 128 + 3 (no core dump);
   any other signal is raised again with its default action, so the parent sees the process
   killed by it (a shell shows 128 + n). Falls back to exit(128 + sig). Never returns. */
void lotse_signals_exit(int sig) __attribute__((noreturn));

/* ---- Crash guard ---- */

/* Arms the crash guard: `restore` (at most 1023 bytes; the escape sequences that give the
   terminal back) is copied, and handlers for SIGILL,
   SIGTRAP, SIGSEGV, SIGBUS, SIGFPE and SIGABRT are installed on an alternate stack. On a
   crash the handler puts back the remembered modes, writes `restore` to `fd`, replays what was
   written to stderr meanwhile (see lotse_stderr_capture_begin) and hands the signal to the
   handler that was there before (the Swift runtime's backtracer), or raises it again with
   the default action. Returns 0, or -1 when `restore` is too long. */
int lotse_crash_guard_arm(int fd, const char *restore, size_t length);

/* Remembers the terminal modes of `fd` as the ones a crash puts back: call while the
   terminal is still as the shell left it (before the curses library changes it). */
void lotse_crash_guard_remember_modes(int fd);

/* Disarms the guard and puts the previous crash handlers back. */
void lotse_crash_guard_disarm(void);

/* Whether the guard is armed (for tests and assertions). */
int lotse_crash_guard_is_armed(void);

/* ---- Standard error while the screen is drawn ---- */

/* Sends what the process writes to stderr into an unnamed in-memory file, so it neither
   scribbles over the screen nor is lost with the alternate screen. Returns 0, or -1 (stderr
   untouched) when it cannot. */
int lotse_stderr_capture_begin(void);

/* Gives stderr back and writes what was captured to it (the last 64 KiB of it). */
void lotse_stderr_capture_end(void);

#endif
