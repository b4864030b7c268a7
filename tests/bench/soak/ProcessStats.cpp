#include "ProcessStats.h"

#include <QDir>
#include <QFile>
#include <QString>

namespace soak {

namespace {

/// The number after `key` ("VmRSS:") in a /proc status text, -1 when absent.
qint64 statusField(const QByteArray& status, const QByteArray& key) {
    const qsizetype at = status.indexOf("\n" + key);
    if (at < 0) {
        return -1;
    }
    const qsizetype from = at + key.size() + 1;
    const qsizetype end = status.indexOf('\n', from);
    bool ok = false;
    const qint64 v =
        status.mid(from, end < 0 ? -1 : end - from).trimmed().split(' ').value(0).toLongLong(&ok);
    return ok ? v : -1;
}

ProcessStats read(const QString& proc) {
    ProcessStats s;
    QFile status(proc + QStringLiteral("/status"));
    if (status.open(QIODevice::ReadOnly)) {
        // "\n" first so that the first line matches the same way as the others.
        const QByteArray text = "\n" + status.readAll();
        s.rssKiB = statusField(text, "VmRSS:");
        s.rssPeakKiB = statusField(text, "VmHWM:");
        s.threads = int(statusField(text, "Threads:"));
    }
    const QDir fd(proc + QStringLiteral("/fd"));
    if (fd.exists()) {
        s.fds = int(fd.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot).size());
    }
    return s;
}

} // namespace

ProcessStats ProcessStats::self() {
    return read(QStringLiteral("/proc/self"));
}

ProcessStats ProcessStats::of(qint64 pid) {
    return read(QStringLiteral("/proc/%1").arg(pid));
}

} // namespace soak
