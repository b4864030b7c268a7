#include "ServeDriver.h"

#include "LatencyStats.h"
#include "emulator/EmulatorServer.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace bench {

ServeDriver::ServeDriver(emulator::EmulatorServer& server, QObject* parent)
    : QObject(parent)
    , m_server(server)
    , m_stdin(STDIN_FILENO, QSocketNotifier::Read) {
    connect(&m_stdin, &QSocketNotifier::activated, this, &ServeDriver::readStdin);
    connect(&server, &emulator::EmulatorServer::frameSent, this, &ServeDriver::frameSent);
    m_probeTimer.setTimerType(Qt::PreciseTimer);
    m_loadTimer.setTimerType(Qt::PreciseTimer);
    m_loadTimer.setInterval(1);
    connect(&m_probeTimer, &QTimer::timeout, this, &ServeDriver::probe);
    connect(&m_loadTimer, &QTimer::timeout, this, &ServeDriver::load);
}

void ServeDriver::readStdin() {
    char buf[4096];
    const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
    if (n <= 0) {
        m_stdin.setEnabled(false);
        QCoreApplication::quit(); // the bench closed the pipe or is gone
        return;
    }
    m_in.append(buf, n);
    qsizetype nl = 0;
    while ((nl = m_in.indexOf('\n')) >= 0) {
        const QList<QByteArray> f = m_in.left(nl).trimmed().split(' ');
        m_in.remove(0, nl + 1);
        if (f.size() == 6 && f[0] == "run") {
            run(f[1], f[2].toInt(), f[3].toInt(), f[4].toDouble(), f[5].toInt());
        }
    }
}

bool ServeDriver::resolve() {
    const QJsonArray streams =
        m_server.execute(QJsonObject{{QStringLiteral("action"), QStringLiteral("streams")}})
            .value(QStringLiteral("streams"))
            .toArray();
    m_loadIds.clear();
    for (const auto& v : streams) {
        const QJsonObject s = v.toObject();
        if (s.value(QStringLiteral("background")).toBool()) {
            continue; // a background publisher: the client plays it, we toggle the player
        }
        const QString name = s.value(QStringLiteral("name")).toString();
        const QString id = s.value(QStringLiteral("mediaSessionId")).toString();
        if (name == u"probe") {
            m_probeId = id;
        } else if (name.startsWith(u"load-")) {
            m_loadIds.append(id);
        }
    }
    m_loadPaused.assign(size_t(m_loadIds.size()), false);
    m_probeKey = m_probeId.toUtf8();
    return !m_probeId.isEmpty();
}

void ServeDriver::run(const QByteArray& phase, int probes, int intervalMs, double rate,
                      int warmupMs) {
    if (m_probeId.isEmpty() && !resolve()) {
        std::printf("error the client plays no 'probe' stream\n");
        std::fflush(stdout);
        return;
    }
    if (m_noDelay) {
        disableNagle();
    }
    m_phase = phase;
    m_probesLeft = std::max(1, probes);
    m_rate = m_loadIds.isEmpty() ? 0.0 : rate;
    m_loadSent = 0;
    m_loadStartNs = monoNs();
    if (m_rate > 0) {
        m_loadTimer.start();
    }
    m_probeTimer.setInterval(std::max(1, intervalMs));
    QTimer::singleShot(std::max(0, warmupMs), Qt::PreciseTimer, this,
                       [this] { m_probeTimer.start(); });
}

void ServeDriver::disableNagle() {
    int done = 0;
    const QStringList fds = QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files);
    for (const QString& name : fds) {
        const int fd = name.toInt();
        struct stat st {};
        int one = 1;
        if (fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode) &&
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) == 0) {
            ++done;
        }
    }
    std::fprintf(stderr, "emulator: TCP_NODELAY set on %d TCP sockets\n", done);
}

void ServeDriver::setStatus(const QString& mediaSessionId, const char* status,
                            const QString& info) {
    const QJsonObject reply =
        m_server.execute({{QStringLiteral("action"), QStringLiteral("streamStatus")},
                          {QStringLiteral("mediaSessionId"), mediaSessionId},
                          {QStringLiteral("status"), QLatin1StringView(status)},
                          {QStringLiteral("info"), info}});
    if (!reply.value(QStringLiteral("ok")).toBool()) {
        std::printf("error %s\n", qPrintable(reply.value(QStringLiteral("error")).toString()));
        std::fflush(stdout);
    }
}

void ServeDriver::probe() {
    ++m_seq;
    setStatus(m_probeId, m_seq % 2 != 0 ? "PAUSED" : "PLAYING",
              QStringLiteral("probe %1").arg(m_seq));
    if (--m_probesLeft > 0) {
        return;
    }
    m_probeTimer.stop();
    m_loadTimer.stop();
    const double seconds = double(monoNs() - m_loadStartNs) / 1e9;
    std::printf("done %s %lld %.3f\n", m_phase.constData(), m_loadSent, seconds);
    std::fflush(stdout);
}

void ServeDriver::load() {
    const double elapsed = double(monoNs() - m_loadStartNs) / 1e9;
    const qint64 due =
        std::min(qint64(m_rate * elapsed) - m_loadSent, std::max<qint64>(1, qint64(m_rate / 20)));
    for (qint64 i = 0; i < due; ++i) {
        const auto k = size_t(m_loadSent % m_loadIds.size());
        m_loadPaused[k] = !m_loadPaused[k];
        setStatus(m_loadIds[qsizetype(k)], m_loadPaused[k] ? "PAUSED" : "PLAYING", {});
        ++m_loadSent;
    }
}

void ServeDriver::frameSent(int, const QByteArray& frame) {
    if (m_probeKey.isEmpty() || !frame.contains(m_probeKey)) {
        return;
    }
    const qint64 ns = monoNs();
    static const QByteArray kInfo = QByteArrayLiteral("\"info\":\"probe ");
    const qsizetype at = frame.indexOf(kInfo);
    if (at < 0) {
        return;
    }
    const long long seq = std::atoll(frame.constData() + at + kInfo.size());
    std::printf("sent %lld %lld\n", seq, static_cast<long long>(ns));
    std::fflush(stdout);
}

} // namespace bench
