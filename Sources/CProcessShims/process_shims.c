#define _GNU_SOURCE
#include "process_shims.h"

#include <errno.h>
#include <malloc.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>

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

int vfm_spawn_and_wait(const char *path, char *const argv[], char *const envp[], pid_t *child, int *status) {
    /* Not sigwait: a process-directed SIGCHLD goes to any thread that does not block it,
       and the parent's OpenBLAS threads do not, so sigwait in this thread could wait for
       ever (that hung every supervised test run). A blocking waitpid returns when the child
       ends whatever thread the signal went to; forwarding is done by a handler. */
    struct sigaction action, previous[forwarded_count];
    memset(&action, 0, sizeof action);
    action.sa_handler = forward_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int i = 0; i < forwarded_count; i++) sigaction(forwarded_signals[i], &action, &previous[i]);
    /* A SIGCHLD ignored by whoever started us (some daemons do) would reap the child
       itself and leave waitpid nothing but ECHILD: wait the default way. */
    struct sigaction child_default, child_previous;
    memset(&child_default, 0, sizeof child_default);
    child_default.sa_handler = SIG_DFL;
    sigemptyset(&child_default.sa_mask);
    sigaction(SIGCHLD, &child_default, &child_previous);

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
        for (int i = 0; i < forwarded_count; i++) sigaction(forwarded_signals[i], &previous[i], NULL);
        sigaction(SIGCHLD, &child_previous, NULL);
        return started;
    }
    supervised_child = *child;
    if (early_signal != 0) kill(*child, early_signal);
    int result = 0;
    for (;;) {
        pid_t done = waitpid(*child, status, 0);
        if (done == *child) break;
        if (done < 0 && errno != EINTR) { result = -errno; break; }
    }
    supervised_child = 0;
    for (int i = 0; i < forwarded_count; i++) sigaction(forwarded_signals[i], &previous[i], NULL);
    sigaction(SIGCHLD, &child_previous, NULL);
    return result;
}

long long vfm_address_space_limit(void) {
    struct rlimit limit;
    if (getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return -1;
    return (long long)limit.rlim_cur;
}

int vfm_use_one_malloc_arena(void) {
    return mallopt(M_ARENA_MAX, 1);
}
