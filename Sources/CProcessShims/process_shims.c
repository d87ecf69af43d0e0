#define _GNU_SOURCE
#include "process_shims.h"

#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>

int vfm_set_parent_death_signal(int signal) {
    return prctl(PR_SET_PDEATHSIG, (unsigned long)signal, 0UL, 0UL, 0UL);
}

int vfm_spawn_and_wait(const char *path, char *const argv[], char *const envp[], pid_t *child, int *status) {
    sigset_t forwarded, previous, empty;
    sigemptyset(&forwarded);
    sigaddset(&forwarded, SIGTERM);
    sigaddset(&forwarded, SIGINT);
    sigaddset(&forwarded, SIGHUP);
    sigaddset(&forwarded, SIGQUIT);
    sigaddset(&forwarded, SIGCHLD);
    sigemptyset(&empty);
    // Blocked before the spawn, so no signal is lost between the spawn and the wait.
    if (sigprocmask(SIG_BLOCK, &forwarded, &previous) != 0) return errno;

    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setsigmask(&attributes, &empty);
    posix_spawnattr_setsigdefault(&attributes, &forwarded);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    int started = posix_spawn(child, path, NULL, &attributes, argv, envp);
    posix_spawnattr_destroy(&attributes);
    if (started != 0) {
        sigprocmask(SIG_SETMASK, &previous, NULL);
        return started;
    }
    for (;;) {
        pid_t done = waitpid(*child, status, WNOHANG);
        if (done == *child) break;
        if (done < 0 && errno != EINTR) { sigprocmask(SIG_SETMASK, &previous, NULL); return errno; }
        int signal = 0;
        if (sigwait(&forwarded, &signal) != 0) continue;
        if (signal != SIGCHLD) kill(*child, signal);
    }
    sigprocmask(SIG_SETMASK, &previous, NULL);
    return 0;
}

long long vfm_address_space_limit(void) {
    struct rlimit limit;
    if (getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return -1;
    return (long long)limit.rlim_cur;
}
