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
#include <fcntl.h>

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

// Landlock (kernel ABI from 1 on), by system call number: glibc has no wrappers. Structures as in
// <linux/landlock.h>; the kernel accepts the smaller, older attribute size.
struct crucible_landlock_ruleset_attr {
    unsigned long long handled_access_fs;
};
struct crucible_landlock_path_beneath_attr {
    unsigned long long allowed_access;
    int parent_fd;
} __attribute__((packed));

// Execute, read a file, read a directory.
static inline unsigned long long crucible_landlock_read_access(void) { return (1ULL << 0) | (1ULL << 2) | (1ULL << 3); }
// Read and write a file (for /dev/null).
static inline unsigned long long crucible_landlock_file_access(void) { return (1ULL << 1) | (1ULL << 2); }

/// The Landlock ABI version, or a negative value when the kernel has no Landlock.
static inline int crucible_landlock_abi(void) { return (int)syscall(444, (void *)0, 0, 1U); }

/// Every filesystem right the ABI knows: what the ruleset handles, and what a writable directory is given.
static inline unsigned long long crucible_landlock_all_access(int abi) {
    unsigned long long access = (1ULL << 13) - 1;
    if (abi >= 2) access |= 1ULL << 13;
    if (abi >= 3) access |= 1ULL << 14;
    if (abi >= 5) access |= 1ULL << 15;
    return access;
}

static inline int crucible_landlock_create(int abi) {
    struct crucible_landlock_ruleset_attr attr = { crucible_landlock_all_access(abi) };
    return (int)syscall(444, &attr, sizeof(attr), 0U);
}

/// Grants `access` beneath `path` (a missing path is skipped: returns 1).
static inline int crucible_landlock_allow(int ruleset, const char *path, unsigned long long access) {
    int fd = open(path, 010000000 /* O_PATH */ | 02000000 /* O_CLOEXEC */);
    if (fd < 0) return 1;
    struct crucible_landlock_path_beneath_attr rule = { access, fd };
    int result = (int)syscall(445, ruleset, 1 /* LANDLOCK_RULE_PATH_BENEATH */, &rule, 0U);
    close(fd);
    return result;
}

static inline int crucible_landlock_enforce(int ruleset) {
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return -1;
    int result = (int)syscall(446, ruleset, 0U);
    close(ruleset);
    return result;
}

/// SIG_DFL for the signals a crash raises (Swift's runtime catches them to print a backtrace, which would turn a
/// crash into a clean exit) and for those a limit raises; a plain loop over a C array allocates nothing.
static inline void crucible_default_signal_dispositions(void) {
    static const int signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGPIPE, SIGXCPU, SIGXFSZ };
    for (unsigned i = 0; i < sizeof(signals) / sizeof(signals[0]); i++) signal(signals[i], SIG_DFL);
}

static inline int crucible_wifexited(int status) { return WIFEXITED(status); }
static inline int crucible_wexitstatus(int status) { return WEXITSTATUS(status); }
static inline int crucible_wifsignaled(int status) { return WIFSIGNALED(status); }
static inline int crucible_wtermsig(int status) { return WTERMSIG(status); }
#endif
