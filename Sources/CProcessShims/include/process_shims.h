// Internal to vfm: the few process-control calls Swift cannot make itself (variadic
// prctl, the wait loop of a supervisor). No stable API; used by PipelineRunner only.
#ifndef VFM_PROCESS_SHIMS_H
#define VFM_PROCESS_SHIMS_H

#include <sys/types.h>

/// Asks the kernel to send `signal` to this process when its parent exits
/// (prctl PR_SET_PDEATHSIG). Returns 0 or -1 with errno.
int vfm_set_parent_death_signal(int signal);

/// Starts `path` with `argv` and `envp` (default signal mask and dispositions), then waits
/// for it, forwarding SIGTERM, SIGINT, SIGHUP and SIGQUIT to it. Stores its wait status in
/// `status`, the child's pid in `child`. Returns 0; an errno value if it could not start;
/// minus an errno value if it started but could not be waited for.
int vfm_spawn_and_wait(const char *path, char *const argv[], char *const envp[], pid_t *child, int *status);

/// Runs `work(context)` in a supervised child: a fork of this process, made only when it
/// has one thread. The child asks for SIGKILL on the parent's death (exiting at once if the
/// parent is already gone), has every caught signal back at its default action (unless
/// `keep_caught_handlers`), SIGTERM, SIGINT, SIGHUP, SIGQUIT and SIGCHLD too, and none
/// blocked — what exec would leave —, runs `work` on a new thread and exits with its
/// result: it never returns. The parent waits for the child, forwarding those four signals
/// to it, stores its wait status in `status` and pid in `child`, and returns 1 (2 if it
/// could not be waited for). Returns -EBUSY when the process has another thread, minus an
/// errno value when fork fails: then no child was made and nothing ran.
int vfm_fork_and_wait(pid_t *child, int *status, int keep_caught_handlers, int (*work)(void *), void *context);

/// The soft address-space limit (ulimit -v) in bytes, or -1 when unlimited.
long long vfm_address_space_limit(void);

/// Makes every thread allocate from one malloc arena (glibc mallopt M_ARENA_MAX = 1), so
/// that new threads do not each reserve an arena's address space. Returns 1 on success.
int vfm_use_one_malloc_arena(void);

#endif
