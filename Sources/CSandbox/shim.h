#ifndef CRUCIBLE_CSANDBOX_SHIM_H
#define CRUCIBLE_CSANDBOX_SHIM_H
// System calls the sandbox needs that Swift cannot call directly (variadic, macros, or hidden behind
// _GNU_SOURCE, which must not be defined here: it would give these headers other definitions than Glibc's module).
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern int unshare(int flags);

static inline int crucible_set_child_subreaper(void) { return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0); }
static inline int crucible_set_parent_death_signal(int signal) { return prctl(PR_SET_PDEATHSIG, signal, 0, 0, 0); }
static inline int crucible_close_from(unsigned int first) {
    return (int)syscall(SYS_close_range, first, ~0U, 0);
}
static inline int crucible_pidfd_open(pid_t pid) { return (int)syscall(SYS_pidfd_open, pid, 0); }
// CLONE_NEWNET from <sched.h>, which only declares it under _GNU_SOURCE.
static inline int crucible_unshare_network(void) { return unshare(0x40000000); }

static inline int crucible_set_limit(int resource, unsigned long long value) {
    struct rlimit limit = { (rlim_t)value, (rlim_t)value };
    return setrlimit(resource, &limit);
}
static inline int crucible_limit_memory(unsigned long long bytes) { return crucible_set_limit(RLIMIT_AS, bytes); }
static inline int crucible_limit_cpu(unsigned long long seconds) { return crucible_set_limit(RLIMIT_CPU, seconds); }
static inline int crucible_limit_file_size(unsigned long long bytes) { return crucible_set_limit(RLIMIT_FSIZE, bytes); }
static inline int crucible_limit_open_files(unsigned long long count) { return crucible_set_limit(RLIMIT_NOFILE, count); }
static inline int crucible_limit_processes(unsigned long long count) { return crucible_set_limit(RLIMIT_NPROC, count); }
static inline int crucible_limit_core(unsigned long long bytes) { return crucible_set_limit(RLIMIT_CORE, bytes); }

static inline int crucible_wifexited(int status) { return WIFEXITED(status); }
static inline int crucible_wexitstatus(int status) { return WEXITSTATUS(status); }
static inline int crucible_wifsignaled(int status) { return WIFSIGNALED(status); }
static inline int crucible_wtermsig(int status) { return WTERMSIG(status); }
#endif
