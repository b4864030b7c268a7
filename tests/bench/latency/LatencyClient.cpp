#include "LatencyClient.h"
#include "../ProcessCpu.h"

#include "LatencyStats.h"
#include "core/Clock.h"
#include "core/StreamStatus.h"
#include "models/EventLogModel.h"
#include "models/StreamTableModel.h"
#include "services/CallService.h"
#include "services/History.h"
#include "services/JournalEntry.h"
#include "services/SessionMonitor.h"
#include "services/StreamMonitor.h"
#include "services/WcsBinding.h"
#include "wcs/Session.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <functional>
#include <memory>

namespace bench {

namespace {

/// Parses "probe <seq>" (the probe's info text); -1 when it is something else.
qint64 probeSeq(const QString& info) {
    if (!info.startsWith(u"probe ")) {
        return -1;
    }
    bool ok = false;
    const qint64 seq = QStringView(info).mid(6).toLongLong(&ok);
    return ok ? seq : -1;
}

/// The status probe `seq` sets (ServeDriver: odd PAUSED, even PLAYING).
core::StreamStatus probeStatus(qint64 seq) {
    return seq % 2 != 0 ? core::StreamStatus::Paused : core::StreamStatus::Playing;
}

/// Runs the event loop until `done()` or `timeoutMs`; false on timeout. done() is checked every
/// 20 ms (the loop sleeps in between: no polling that would load the client's thread).
bool waitUntil(const std::function<bool()>& done, int timeoutMs) {
    if (done()) {
        return true;
    }
    QEventLoop loop;
    QTimer check;
    QElapsedTimer elapsed;
    elapsed.start();
    bool ok = false;
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        ok = done();
        if (ok || elapsed.elapsed() > timeoutMs) {
            loop.quit();
        }
    });
    check.start(20);
    loop.exec();
    return ok;
}

/// The 1, 5 and 15 minute load averages from /proc/loadavg.
QByteArray loadAverage() {
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().split(' ').mid(0, 3).join(' ')
                                       : QByteArray("?");
}

} // namespace

LatencyClient::LatencyClient(Options options)
    : m_o(options) {}

void LatencyClient::readEmulator() {
    while (m_emulator.canReadLine()) {
        const QList<QByteArray> f = m_emulator.readLine().trimmed().split(' ');
        if (f.size() == 2 && f[0] == "port") {
            m_port = f[1].toInt();
        } else if (f.size() == 3 && f[0] == "sent") {
            m_probes[f[1].toLongLong()].sentNs = f[2].toLongLong();
        } else if (f.size() == 4 && f[0] == "done" && m_current && f[1] == m_current->name) {
            m_current->loadSent = f[2].toLongLong();
            m_current->loadSeconds = f[3].toDouble();
            m_current->done = true;
        } else if (!f.isEmpty() && f[0] == "error") {
            ++m_errors;
            std::fprintf(stderr, "emulator: %s\n", f.join(' ').constData());
        }
    }
}

void LatencyClient::shown(qint64 seq, bool statusMatches, qint64 ns) {
    if (seq <= m_lastShown) {
        return; // the row was covered by a range but still shows an older probe
    }
    // Probes between the last one shown and this one never reached the badge on their own: a
    // later one overwrote them before the model's frame tick. They are shown now.
    for (qint64 s = m_lastShown + 1; s < seq; ++s) {
        Probe& p = m_probes[s];
        p.shownNs = ns;
        p.superseded = true;
    }
    m_probes[seq].shownNs = ns;
    m_lastShown = seq;
    if (!statusMatches) {
        ++m_statusMismatches;
    }
}

bool LatencyClient::runPhase(Phase& phase) {
    m_current = &phase;
    phase.firstSeq = m_nextSeq;
    const qint64 lastSeq = phase.firstSeq + m_o.probes - 1;
    m_nextSeq = lastSeq + 1;
    const qint64 appliedBefore = m_applied;
    m_statusMismatches = 0;
    const double selfBefore = selfCpuSeconds();
    const double emuBefore = processCpuSeconds(m_emulator.processId());
    const QByteArray loadBefore = loadAverage();
    const qint64 startNs = monoNs();
    m_emulator.write(QByteArray("run ") + phase.name + ' ' + QByteArray::number(m_o.probes) + ' ' +
                     QByteArray::number(m_o.intervalMs) + ' ' + QByteArray::number(phase.rate) +
                     ' ' + QByteArray::number(m_o.warmupMs) + '\n');
    const int budgetMs = m_o.warmupMs + m_o.probes * m_o.intervalMs * 3 + 30000;
    const bool finished =
        waitUntil([&] { return phase.done && m_lastShown >= lastSeq; }, budgetMs) ||
        waitUntil([&] { return phase.done; }, 1000); // the badge missed the last probe(s)
    // Every event sent must be applied (probes + load); they come in order, so once the last
    // probe is shown little can be missing.
    const qint64 expected = m_o.probes + phase.loadSent;
    waitUntil([&] { return m_applied - appliedBefore >= expected; }, 5000);
    const double seconds = double(monoNs() - startNs) / 1e9;
    const double selfCpu = (selfCpuSeconds() - selfBefore) / seconds * 100.0;
    const double emuCpu = (processCpuSeconds(m_emulator.processId()) - emuBefore) / seconds * 100.0;
    m_current = nullptr;

    std::vector<double> total;
    std::vector<double> transport;
    std::vector<double> tick;
    int superseded = 0;
    int lost = 0;
    int unsent = 0;
    for (qint64 s = phase.firstSeq; s <= lastSeq; ++s) {
        const Probe& p = m_probes[s];
        if (p.sentNs == 0) {
            ++unsent;
            continue;
        }
        if (p.shownNs == 0) {
            ++lost;
            continue;
        }
        total.push_back(double(p.shownNs - p.sentNs) / 1e6);
        superseded += p.superseded ? 1 : 0;
        if (p.appliedNs != 0) {
            transport.push_back(double(p.appliedNs - p.sentNs) / 1e6);
            tick.push_back(double(p.shownNs - p.appliedNs) / 1e6);
        }
    }
    std::printf("phase %s: %d probes every %d ms, %.1f s, load average %s -> %s\n",
                phase.name.constData(), m_o.probes, m_o.intervalMs, seconds, loadBefore.constData(),
                loadAverage().constData());
    if (phase.rate > 0) {
        std::printf("  load: %lld status events over %d streams in %.2f s = %.0f events/s "
                    "(target %.0f); applied by the client: %lld of %lld\n",
                    phase.loadSent, m_o.streams, phase.loadSeconds,
                    phase.loadSeconds > 0 ? double(phase.loadSent) / phase.loadSeconds : 0.0,
                    phase.rate, m_applied - appliedBefore - m_o.probes, phase.loadSent);
    }
    std::printf("  CPU: client %.1f%% of one core, emulator %.1f%% of one core\n", selfCpu, emuCpu);
    printLatency("frame sent -> badge dataChanged", total);
    printLatency("  frame sent -> StreamMonitor", transport);
    printLatency("  StreamMonitor -> dataChanged", tick);
    std::printf("  probes: %zu shown (%d of them superseded within one tick), %d lost, %d never "
                "sent, %d with a wrong status\n",
                total.size(), superseded, lost, unsent, m_statusMismatches);
    const bool ok = finished && lost == 0 && unsent == 0 && !total.empty() &&
                    m_statusMismatches == 0 && m_applied - appliedBefore == expected;
    if (!ok) {
        std::fprintf(stderr,
                     "phase %s FAILED: finished %d, lost %d, unsent %d, wrong status %d, "
                     "events applied %lld of %lld\n",
                     phase.name.constData(), int(finished), lost, unsent, m_statusMismatches,
                     m_applied - appliedBefore, expected);
    }
    return ok;
}

int LatencyClient::run() {
    m_emulator.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QObject::connect(&m_emulator, &QProcess::readyReadStandardOutput, [this] { readEmulator(); });
    QStringList args{QStringLiteral("--serve"), QStringLiteral("--streams"),
                     QString::number(m_o.streams)};
    if (m_o.noDelay) {
        args << QStringLiteral("--nodelay");
    }
    m_emulator.start(QCoreApplication::applicationFilePath(), args);
    const auto stopEmulator = [this] {
        m_emulator.closeWriteChannel(); // ServeDriver quits at the end of its stdin
        if (!m_emulator.waitForFinished(5000)) {
            m_emulator.kill();
            m_emulator.waitForFinished(2000);
        }
    };
    if (!waitUntil([this] { return m_port != 0; }, 20000)) {
        std::fprintf(stderr, "the emulator process did not start\n");
        stopEmulator();
        return 1;
    }

    // The app's stream path for one WCS account (app/callboard: AppServices, AccountConnector,
    // AppComposition).
    auto clock = std::make_shared<core::SystemClock>();
    services::CallService calls(clock);
    services::StreamMonitor monitor(clock);
    services::SessionMonitor sessions(clock);
    wcs::SessionOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_port));
    options.autoReconnect = false;
    wcs::Session session(options);
    services::WcsBinding binding(QStringLiteral("bench"), session, calls, monitor, sessions, clock);
    QTemporaryDir dir;
    services::History history(dir.filePath(QStringLiteral("history.sqlite")), clock.get());
    models::EventLogModel events;
    if (m_o.journal) {
        if (!dir.isValid() || !history.open()) {
            std::fprintf(stderr, "cannot open the journal in %s\n", qPrintable(dir.path()));
            stopEmulator();
            return 1;
        }
        binding.setJournal([&](const services::JournalEntry& e) {
            history.append(e);
            events.append(e);
        });
    }
    models::StreamTableModel model(&monitor, clock);

    session.open();
    if (!waitUntil([&] { return session.status() == core::SessionStatus::Established; }, 10000)) {
        std::fprintf(stderr, "no session with the emulator\n");
        stopEmulator();
        return 1;
    }
    // Plays every background stream; the probe sits in the middle of the load rows, so merged
    // dataChanged ranges of the loaded phase cover it as they would in a busy table.
    QString probeId;
    const auto play = [&](const QString& name) {
        wcs::StreamRequest r;
        r.name = name;
        r.published = false;
        r.hasVideo = false;
        return binding.playStream(r);
    };
    for (int i = 0; i < m_o.streams; ++i) {
        if (i == m_o.streams / 2) {
            probeId = play(QStringLiteral("probe"));
        }
        play(QStringLiteral("load-%1").arg(i, 4, 10, QLatin1Char('0')));
    }
    const int rows = m_o.streams + 1;
    const bool playing = waitUntil(
        [&] {
            if (model.rowCount() < rows) {
                return false;
            }
            for (int row = 0; row < rows; ++row) {
                if (monitor.at(row).status != core::StreamStatus::Playing) {
                    return false;
                }
            }
            return true;
        },
        60000);
    const int probeRow = model.rowOf(probeId);
    if (!playing || probeRow < 0) {
        std::fprintf(stderr, "the client's %d players did not all reach PLAYING\n", rows);
        stopEmulator();
        return 1;
    }

    QObject::connect(&binding, &services::WcsBinding::streamStatusApplied,
                     [&](const core::StreamStatusEvent& e) {
                         ++m_applied;
                         if (e.mediaSessionId == probeId) {
                             if (const qint64 seq = probeSeq(e.info); seq > 0) {
                                 Probe& p = m_probes[seq];
                                 p.appliedNs = p.appliedNs != 0 ? p.appliedNs : monoNs();
                             }
                         }
                     });
    QObject::connect(
        &model, &QAbstractItemModel::dataChanged,
        [&](const QModelIndex& topLeft, const QModelIndex& bottomRight) {
            const qint64 now = monoNs();
            if (probeRow < topLeft.row() || probeRow > bottomRight.row()) {
                return;
            }
            // What a view would read for the badge's row: the info text and the status.
            const QString info =
                model.index(probeRow, models::StreamTableModel::InfoColumn).data().toString();
            const int status = model.index(probeRow, models::StreamTableModel::StatusColumn)
                                   .data(models::StreamTableModel::StatusRole)
                                   .toInt();
            if (const qint64 seq = probeSeq(info); seq > 0) {
                shown(seq, status == int(probeStatus(seq)), now);
            }
        });

    std::printf("latency bench: client pid %lld, emulator pid %lld, %d rows (probe at row %d), "
                "model frame tick %d ms, journal %s, emulator sockets %s\n",
                qint64(QCoreApplication::applicationPid()), qint64(m_emulator.processId()), rows,
                probeRow, model.frameInterval(), m_o.journal ? "on" : "off",
                m_o.noDelay ? "TCP_NODELAY" : "Nagle on (Qt default)");
    std::fflush(stdout);
    Phase idle{"idle", 0.0};
    Phase loaded{"loaded", m_o.rate};
    bool ok = runPhase(idle);
    std::fflush(stdout);
    ok = runPhase(loaded) && ok;
    session.close();
    stopEmulator();
    if (m_errors > 0) {
        std::fprintf(stderr, "%d errors from the emulator\n", m_errors);
        ok = false;
    }
    return ok ? 0 : 1;
}

} // namespace bench
