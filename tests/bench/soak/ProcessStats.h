#pragma once

#include <QtGlobal>

namespace soak {

/// Resource figures of one process from /proc (Linux): resident memory, open file descriptors
/// and threads. A figure that cannot be read is -1.
struct ProcessStats {
    qint64 rssKiB = -1;     ///< VmRSS of /proc/<pid>/status, KiB
    qint64 rssPeakKiB = -1; ///< VmHWM of /proc/<pid>/status (peak resident set), KiB
    int fds = -1;           ///< entries of /proc/<pid>/fd
    int threads = -1;       ///< Threads of /proc/<pid>/status

    /// The figures of this process.
    static ProcessStats self();
    /// The figures of process `pid` (e.g. the emulator); fds needs the same user.
    static ProcessStats of(qint64 pid);

    double rssMiB() const { return rssKiB < 0 ? -1.0 : double(rssKiB) / 1024.0; }
};

} // namespace soak
