#if defined(__linux__)
#define _GNU_SOURCE 1
#endif
#include "lotse_signals.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <termios.h>
#include <unistd.h>

/* ---- Signals the main loop handles ---- */

static const int loop_signals[] = {SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP};
enum { loop_signal_count = sizeof loop_signals / sizeof loop_signals[0] };
static struct sigaction loop_previous[loop_signal_count];
static int loop_installed = 0;

static volatile sig_atomic_t pending_termination = 0;
static volatile sig_atomic_t pending_suspension = 0;

static void loop_handler(int sig) {
    if (sig == SIGTSTP) {
        pending_suspension = 1;
    } else if (pending_termination == 0) {
        pending_termination = sig;
    }
}

void lotse_signals_begin(void) {
    if (loop_installed) return;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = loop_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; /* no SA_RESTART: a blocking read is interrupted */
    sigset_t set;
    sigemptyset(&set);
    for (int i = 0; i < loop_signal_count; i++) {
        sigaction(loop_signals[i], &action, &loop_previous[i]);
        sigaddset(&set, loop_signals[i]);
    }
    /* A parent may have blocked them (the mask is inherited across exec). */
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    loop_installed = 1;
}

void lotse_signals_end(void) {
    if (!loop_installed) return;
    for (int i = 0; i < loop_signal_count; i++) {
        sigaction(loop_signals[i], &loop_previous[i], NULL);
    }
    loop_installed = 0;
}

int lotse_signals_take(void) {
    int sig = pending_termination;
    if (sig != 0) {
        pending_termination = 0;
        return sig;
    }
    if (pending_suspension) {
        pending_suspension = 0;
        return SIGTSTP;
    }
    return 0;
}

int lotse_signals_pending(void) { return pending_termination != 0 || pending_suspension != 0; }

void lotse_signals_suspend(void) {
    struct sigaction standard, ours;
    memset(&standard, 0, sizeof standard);
    standard.sa_handler = SIG_DFL;
    sigemptyset(&standard.sa_mask);
    sigaction(SIGTSTP, &standard, &ours);
    sigset_t tstp, previous_mask;
    sigemptyset(&tstp);
    sigaddset(&tstp, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &tstp, &previous_mask);
    /* The whole process group, as Ctrl-Z in the terminal would: a script that started the
       program stops with it, so the shell sees its job stop. */
    kill(0, SIGTSTP);
    sigprocmask(SIG_SETMASK, &previous_mask, NULL);
    sigaction(SIGTSTP, &ours, NULL);
    /* A SIGTSTP that arrived while stopped is the same request, already served. */
    pending_suspension = 0;
}

void lotse_signals_exit(int sig) {
    fflush(NULL);
    if (sig == SIGQUIT) exit(128 + SIGQUIT);
    struct sigaction standard;
    memset(&standard, 0, sizeof standard);
    standard.sa_handler = SIG_DFL;
    sigemptyset(&standard.sa_mask);
    sigaction(sig, &standard, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
    exit(128 + sig);
}

/* ---- Standard error while the screen is drawn ---- */

static volatile sig_atomic_t capture_fd = -1;
static volatile sig_atomic_t saved_stderr = -1;
enum { replay_limit = 64 * 1024 };

static void write_all(int fd, const char *bytes, size_t length) {
    while (length > 0) {
        ssize_t n = write(fd, bytes, length);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        bytes += n;
        length -= (size_t)n;
    }
}

static int open_capture_file(void) {
#if defined(__linux__)
    int fd = memfd_create("lotse-stderr", MFD_CLOEXEC);
    if (fd >= 0) return fd;
#endif
    char path[] = "/tmp/lotse-stderr-XXXXXX";
    int file = mkstemp(path);
    if (file < 0) return -1;
    unlink(path);
    fcntl(file, F_SETFD, FD_CLOEXEC);
    return file;
}

int lotse_stderr_capture_begin(void) {
    if (capture_fd >= 0) return 0;
    int file = open_capture_file();
    if (file < 0) return -1;
    int original = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 10);
    if (original < 0) {
        close(file);
        return -1;
    }
    fflush(stderr);
    if (dup2(file, STDERR_FILENO) < 0) {
        close(file);
        close(original);
        return -1;
    }
    saved_stderr = original;
    capture_fd = file;
    return 0;
}

/* Async-signal-safe: used by the crash handler too. */
static void give_back_stderr(void) {
    int file = capture_fd, original = saved_stderr;
    if (file < 0 || original < 0) return;
    capture_fd = -1;
    saved_stderr = -1;
    dup2(original, STDERR_FILENO);
    close(original);
    off_t size = lseek(file, 0, SEEK_END);
    off_t offset = size > replay_limit ? size - replay_limit : 0;
    static char chunk[4096];
    while (offset < size) {
        ssize_t n = pread(file, chunk, sizeof chunk, offset);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        write_all(STDERR_FILENO, chunk, (size_t)n);
        offset += n;
    }
    close(file);
}

void lotse_stderr_capture_end(void) {
    fflush(stderr);
    give_back_stderr();
}

/* ---- Crash guard ---- */

static const int crash_signals[] = {SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT};
enum { crash_signal_count = sizeof crash_signals / sizeof crash_signals[0] };
static struct sigaction crash_previous[crash_signal_count];
static volatile sig_atomic_t crash_armed = 0;
static int crash_fd = -1;
static char crash_restore[1024];
static size_t crash_restore_length = 0;
static struct termios crash_modes;
static int crash_have_modes = 0;
static void *alternate_stack = NULL;
enum { alternate_stack_size = 256 * 1024 };

static void restore_terminal_once(void) {
    if (!crash_armed) return;
    crash_armed = 0;
    if (crash_have_modes) tcsetattr(crash_fd, TCSANOW, &crash_modes);
    write_all(crash_fd, crash_restore, crash_restore_length);
    give_back_stderr();
}

static void crash_handler(int sig, siginfo_t *info, void *context) {
    (void)info;
    (void)context;
    restore_terminal_once();
    for (int i = 0; i < crash_signal_count; i++) {
        if (crash_signals[i] != sig) continue;
        struct sigaction previous = crash_previous[i];
        if (!(previous.sa_flags & SA_SIGINFO) && previous.sa_handler == SIG_IGN) {
            previous.sa_handler = SIG_DFL;
        }
        sigaction(sig, &previous, NULL);
    }
    /* Blocked while this handler runs: delivered to the previous handler (the Swift
       runtime's backtracer) or the default action as soon as this returns, with the
       registers of the crash. A fault that recurs on return gets the same treatment. */
    raise(sig);
}

static void ensure_alternate_stack(void) {
    stack_t current;
    if (sigaltstack(NULL, &current) == 0 && !(current.ss_flags & SS_DISABLE) &&
        current.ss_size >= alternate_stack_size) {
        return;
    }
    if (alternate_stack == NULL) alternate_stack = malloc(alternate_stack_size);
    if (alternate_stack == NULL) return;
    stack_t stack;
    memset(&stack, 0, sizeof stack);
    stack.ss_sp = alternate_stack;
    stack.ss_size = alternate_stack_size;
    sigaltstack(&stack, NULL);
}

int lotse_crash_guard_arm(int fd, const char *restore, size_t length) {
    if (length >= sizeof crash_restore) return -1;
    if (crash_armed) lotse_crash_guard_disarm();
    memcpy(crash_restore, restore, length);
    crash_restore_length = length;
    crash_fd = fd;
    ensure_alternate_stack();
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = crash_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigset_t set;
    sigemptyset(&set);
    for (int i = 0; i < crash_signal_count; i++) {
        sigaction(crash_signals[i], &action, &crash_previous[i]);
        sigaddset(&set, crash_signals[i]);
    }
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    crash_armed = 1;
    return 0;
}

void lotse_crash_guard_remember_modes(int fd) {
    crash_have_modes = tcgetattr(fd, &crash_modes) == 0;
}

void lotse_crash_guard_disarm(void) {
    if (!crash_armed) return;
    crash_armed = 0;
    for (int i = 0; i < crash_signal_count; i++) {
        sigaction(crash_signals[i], &crash_previous[i], NULL);
    }
}

int lotse_crash_guard_is_armed(void) { return crash_armed; }
