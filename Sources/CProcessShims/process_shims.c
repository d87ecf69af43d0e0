#define _GNU_SOURCE
#include "process_shims.h"

#include <dirent.h>
#include <errno.h>
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int vfm_set_parent_death_signal(int signal) {
    return prctl(PR_SET_PDEATHSIG, (unsigned long)signal, 0UL, 0UL, 0UL);
}

/* The supervised child, for the forwarding handler; 0 until it is started. */
static volatile sig_atomic_t supervised_child = 0;
/* A signal that arrived before the child existed, forwarded once it does. */
static volatile sig_atomic_t early_signal = 0;

static const int forwarded_signals[] = { SIGTERM, SIGINT, SIGHUP, SIGQUIT };
enum { forwarded_count = sizeof forwarded_signals / sizeof forwarded_signals[0] };

/* Runs in whichever thread the kernel picks (the process may have OpenBLAS's threads,
   started by its constructor before main): a handler is process-wide, so the signal
   reaches the child whichever thread takes it. Only async-signal-safe calls here. */
static void forward_signal(int signal) {
    int saved = errno;
    pid_t child = (pid_t)supervised_child;
    if (child > 0) kill(child, signal); else early_signal = signal;
    errno = saved;
}

/* Installs the handler that forwards the four signals to the supervised child, and
   SIGCHLD's default action: a SIGCHLD ignored by whoever started us (some daemons do)
   would reap the child itself and leave waitpid nothing but ECHILD. What was there is
   kept in `previous` and `child_previous`, for restore_handlers. */
static void install_forwarding(struct sigaction previous[], struct sigaction *child_previous) {
    struct sigaction action, child_default;
    memset(&action, 0, sizeof action);
    action.sa_handler = forward_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int i = 0; i < forwarded_count; i++) sigaction(forwarded_signals[i], &action, &previous[i]);
    memset(&child_default, 0, sizeof child_default);
    child_default.sa_handler = SIG_DFL;
    sigemptyset(&child_default.sa_mask);
    sigaction(SIGCHLD, &child_default, child_previous);
}

static void restore_handlers(const struct sigaction previous[], const struct sigaction *child_previous) {
    for (int i = 0; i < forwarded_count; i++) sigaction(forwarded_signals[i], &previous[i], NULL);
    sigaction(SIGCHLD, child_previous, NULL);
}

/* Waits for `child`, forwarding signals to it (install_forwarding), and restores the
   handlers saved in `previous` and `child_previous`. */
static int wait_forwarding(pid_t child, int *status, struct sigaction previous[], struct sigaction *child_previous) {
    supervised_child = child;
    if (early_signal != 0) kill(child, early_signal);
    int result = 0;
    for (;;) {
        pid_t done = waitpid(child, status, 0);
        if (done == child) break;
        if (done < 0 && errno != EINTR) { result = -errno; break; }
    }
    supervised_child = 0;
    restore_handlers(previous, child_previous);
    return result;
}

/* The number of this process's threads (entries of /proc/self/task), or -1. */
static int thread_count(void) {
    DIR *tasks = opendir("/proc/self/task");
    if (tasks == NULL) return -1;
    int count = 0;
    struct dirent *entry;
    while ((entry = readdir(tasks)) != NULL) {
        if (entry->d_name[0] != '.') count++;
    }
    closedir(tasks);
    return count;
}

struct work_call {
    int (*work)(void *);
    void *context;
    int result;
};

static void *run_work(void *argument) {
    struct work_call *call = argument;
    call->result = call->work(call->context);
    return NULL;
}

/* In the forked child: asks for SIGKILL when the parent dies (and exits at once if it
   already has), runs `work` on a new thread, and exits with its result. The fork's own
   thread runs no Swift code: the Swift runtime keeps each thread's kernel id, for its
   locks, and this thread's is still the parent's, so a lock it held and another thread
   waited for would never be seen released (a worker hung in `swift_once` so). */
__attribute__((noreturn)) static void run_child(pid_t parent, int (*work)(void *), void *context) {
    prctl(PR_SET_PDEATHSIG, (unsigned long)SIGKILL, 0UL, 0UL, 0UL);
    if (getppid() != parent) _exit(128 + SIGKILL);
    struct work_call call = { work, context, 0 };
    /* The stack the fork's own thread had (ulimit -s), not the 2 MiB glibc gives a thread
       when that limit is unlimited; 8 MiB then, the usual default. */
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    struct rlimit stack;
    size_t size = 8u << 20;
    if (getrlimit(RLIMIT_STACK, &stack) == 0 && stack.rlim_cur != RLIM_INFINITY && stack.rlim_cur > size) {
        size = (size_t)stack.rlim_cur;
    }
    pthread_attr_setstacksize(&attributes, size);
    pthread_t thread;
    int created = pthread_create(&thread, &attributes, run_work, &call);
    pthread_attr_destroy(&attributes);
    if (created != 0) {
        static const char message[] = "error: cannot start the worker thread (out of memory?)\n";
        (void)!write(2, message, sizeof message - 1);
        _exit(71);
    }
    pthread_join(thread, NULL);
    fflush(NULL);
    exit(call.result);
}

int vfm_fork_and_wait(pid_t *child, int *status, int keep_caught_handlers, int (*work)(void *), void *context) {
    /* fork copies only the calling thread: with another thread alive (holding a lock, say)
       the child could hang. Then the caller starts a fresh process instead. */
    if (thread_count() != 1) return -EBUSY;
    /* Text buffered but not yet written would otherwise be written twice, once by each. */
    fflush(NULL);
    sigset_t blocked, mask;
    sigemptyset(&blocked);
    for (int i = 0; i < forwarded_count; i++) sigaddset(&blocked, forwarded_signals[i]);
    sigaddset(&blocked, SIGCHLD);
    /* Signals wait until the child's pid is known (parent) or its handlers are reset. */
    sigprocmask(SIG_BLOCK, &blocked, &mask);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        /* As exec would: a caught signal goes back to its default action (the Swift
           runtime's crash handlers would bury the supervisor's one line), an ignored one
           stays ignored; the forwarded ones and SIGCHLD are reset, as posix_spawn resets
           them for vfm_spawn_and_wait's child; no signal is blocked. */
        struct sigaction default_action;
        memset(&default_action, 0, sizeof default_action);
        default_action.sa_handler = SIG_DFL;
        sigemptyset(&default_action.sa_mask);
        for (int signal = 1; signal < NSIG; signal++) {
            if (signal == SIGKILL || signal == SIGSTOP) continue;
            struct sigaction current;
            if (sigaction(signal, NULL, &current) != 0) continue;
            int forwarded = sigismember(&blocked, signal) == 1;
            int caught = (current.sa_flags & SA_SIGINFO) != 0
                         || (current.sa_handler != SIG_DFL && current.sa_handler != SIG_IGN);
            if (forwarded || (caught && !keep_caught_handlers)) sigaction(signal, &default_action, NULL);
        }
        sigset_t empty;
        sigemptyset(&empty);
        sigprocmask(SIG_SETMASK, &empty, NULL);
        run_child(parent, work, context);
    }
    if (pid < 0) {
        int error = errno;
        sigprocmask(SIG_SETMASK, &mask, NULL);
        return -error;
    }
    *child = pid;
    struct sigaction previous[forwarded_count], child_previous;
    install_forwarding(previous, &child_previous);
    supervised_child = pid;
    /* A signal that came while blocked is delivered now, and forwarded. */
    sigprocmask(SIG_SETMASK, &mask, NULL);
    int waited = wait_forwarding(pid, status, previous, &child_previous);
    return waited < 0 ? 2 : 1;
}

int vfm_spawn_and_wait(const char *path, char *const argv[], char *const envp[], pid_t *child, int *status) {
    /* Not sigwait: a process-directed SIGCHLD goes to any thread that does not block it,
       and this path is taken when the process has other threads, so sigwait in this thread
       could wait for ever (that hung every supervised test run, when OpenBLAS's threads were
       there). A blocking waitpid returns when the child ends whatever thread the signal went
       to; forwarding is done by a handler. */
    struct sigaction previous[forwarded_count], child_previous;
    install_forwarding(previous, &child_previous);

    sigset_t empty, defaults;
    sigemptyset(&empty);
    sigemptyset(&defaults);
    for (int i = 0; i < forwarded_count; i++) sigaddset(&defaults, forwarded_signals[i]);
    sigaddset(&defaults, SIGCHLD);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setsigmask(&attributes, &empty);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    int started = posix_spawn(child, path, NULL, &attributes, argv, envp);
    posix_spawnattr_destroy(&attributes);
    if (started != 0) {
        restore_handlers(previous, &child_previous);
        return started;
    }
    return wait_forwarding(*child, status, previous, &child_previous);
}

long long vfm_address_space_limit(void) {
    struct rlimit limit;
    if (getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return -1;
    return (long long)limit.rlim_cur;
}

int vfm_use_one_malloc_arena(void) {
    return mallopt(M_ARENA_MAX, 1);
}
