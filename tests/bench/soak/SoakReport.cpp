#include "SoakReport.h"

#include "CallDriver.h"
#include "EventKinds.h"
#include "FrameTally.h"
#include "JournalCount.h"
#include "ReconnectWatch.h"
#include "RecordingTally.h"
#include "StreamDriver.h"

#include <QMap>

#include <algorithm>
#include <cstdio>

namespace soak {

namespace {

void line(const QString& text) {
    std::printf("%s\n", qPrintable(text));
}

/// Frames lost in a drop must have been written this close to the abort (ms): they were still
/// in the socket's write buffer, which QAbstractSocket::abort() discards.
constexpr qint64 kAbortWindowMs = 100;

QString mib(qint64 kib) {
    return kib < 0 ? QStringLiteral("?") : QString::number(double(kib) / 1024.0, 'f', 1);
}

} // namespace

SoakReport::SoakReport(const Inputs& in, const RecordingTally& written, const FrameTally& delivered,
                       const JournalCount& journal, const CallDriver& calls,
                       const StreamDriver& streams, const ReconnectWatch& reconnects)
    : m_in(in)
    , m_written(written)
    , m_delivered(delivered)
    , m_journal(journal)
    , m_calls(calls)
    , m_streams(streams)
    , m_reconnects(reconnects) {}

QStringList SoakReport::print() {
    line(QStringLiteral("\n## callboard-soak summary: %1 s, %2 streams, drop every %3 s\n")
             .arg(m_in.durationS, 0, 'f', 0)
             .arg(m_in.streams)
             .arg(m_in.reconnectEveryS));
    printResources();
    printEvents();
    printTransport();
    printActivity();
    line(m_failures.isEmpty()
             ? QStringLiteral("\nRESULT: PASS")
             : QStringLiteral("\nRESULT: FAIL\n- ") + m_failures.join(QStringLiteral("\n- ")));
    return m_failures;
}

void SoakReport::printResources() {
    const ProcessStats& s = m_in.atStart;
    const ProcessStats& w = m_in.afterWarmUp;
    const ProcessStats& e = m_in.atEnd;
    line(QStringLiteral("| Client process | start (before connecting) | after warm-up | end | "
                        "end - warm-up |"));
    line(QStringLiteral("|---|---|---|---|---|"));
    line(QStringLiteral("| RSS (MiB) | %1 | %2 | %3 | %4 |")
             .arg(mib(s.rssKiB), mib(w.rssKiB), mib(e.rssKiB), mib(e.rssKiB - w.rssKiB)));
    line(QStringLiteral("| Peak RSS, VmHWM (MiB) | %1 | %2 | %3 | |")
             .arg(mib(s.rssPeakKiB), mib(w.rssPeakKiB), mib(e.rssPeakKiB)));
    line(QStringLiteral("| Open fds | %1 | %2 | %3 | %4 |")
             .arg(s.fds)
             .arg(w.fds)
             .arg(e.fds)
             .arg(e.fds - w.fds));
    line(QStringLiteral("| Threads | %1 | %2 | %3 | %4 |")
             .arg(s.threads)
             .arg(w.threads)
             .arg(e.threads)
             .arg(e.threads - w.threads));
    line(QStringLiteral("\nEmulator process at the end: RSS %1 MiB, %2 threads. Client tables at "
                        "the end: %3 stream rows, %4 call rows.\n")
             .arg(mib(m_in.emulatorAtEnd.rssKiB))
             .arg(m_in.emulatorAtEnd.threads)
             .arg(m_in.streamTableRows)
             .arg(m_in.callTableRows));
    const double growth = double(e.rssKiB - w.rssKiB) / 1024.0;
    if (e.rssKiB < 0 || growth > m_in.maxRssGrowthMiB) {
        m_failures << QStringLiteral("RSS grew by %1 MiB after warm-up (bound %2 MiB)")
                          .arg(growth, 0, 'f', 1)
                          .arg(m_in.maxRssGrowthMiB);
    }
    if (e.fds - w.fds > m_in.maxFdGrowth) {
        m_failures << QStringLiteral("open fds grew by %1 after warm-up (bound %2)")
                          .arg(e.fds - w.fds)
                          .arg(m_in.maxFdGrowth);
    }
    if (e.threads - w.threads > m_in.maxThreadGrowth) {
        m_failures << QStringLiteral("threads grew by %1 after warm-up (bound %2)")
                          .arg(e.threads - w.threads)
                          .arg(m_in.maxThreadGrowth);
    }
}

void SoakReport::printEvents() {
    line(QStringLiteral("| Journal type | written by the emulator | delivered (sent) | journal "
                        "rows for them | rows made up by Callboard |"));
    line(QStringLiteral("|---|---|---|---|---|"));
    for (const QString& type : EventKinds::journalTypes()) {
        const qint64 w = m_written.byType().value(type);
        const qint64 d = m_delivered.byType().value(type);
        const qint64 r = m_journal.serverByType().value(type);
        const qint64 l = m_journal.localByType().value(type);
        if (w == 0 && d == 0 && r == 0 && l == 0) {
            continue;
        }
        line(QStringLiteral("| %1 | %2 | %3 | %4 | %5 |").arg(type).arg(w).arg(d).arg(r).arg(l));
        if (r != d) {
            m_failures << QStringLiteral("%1: %2 journal rows for %3 delivered events")
                              .arg(type)
                              .arg(r)
                              .arg(d);
        }
    }
    line(QStringLiteral("| **all** | **%1** | **%2** | **%3** | %4 |")
             .arg(m_written.events())
             .arg(m_delivered.events())
             .arg(m_journal.serverRows())
             .arg(m_journal.localRows()));
    line(QStringLiteral("\nJournal: %1 rows in all (%2 entries appended, %3 dropped by History); "
                        "%4 call history rows. Frames that are no event: %5 written, %6 "
                        "delivered. Frames still queued by the emulator at the end: %7.\n")
             .arg(m_journal.rows())
             .arg(m_in.journalAppended)
             .arg(m_in.historyDropped)
             .arg(m_journal.callRows())
             .arg(m_written.otherFrames())
             .arg(m_delivered.otherFrames())
             .arg(m_in.queuedAtEnd));
    if (m_journal.rows() != m_in.journalAppended) {
        m_failures << QStringLiteral("%1 entries appended to the journal, %2 rows in SQLite")
                          .arg(m_in.journalAppended)
                          .arg(m_journal.rows());
    }
}

void SoakReport::printTransport() {
    const auto& conns = m_written.connections();
    if (conns.size() != m_delivered.sockets()) {
        m_failures << QStringLiteral("the emulator saw %1 connections, the client opened %2")
                          .arg(conns.size())
                          .arg(m_delivered.sockets());
    }
    qint64 destroyed = 0;
    qint64 oldestMs = 0;
    int hit = 0;
    for (qsizetype i = 0; i < conns.size() && i < m_delivered.sockets(); ++i) {
        const RecordingTally::Connection& c = conns.at(i);
        const qint64 d = m_delivered.eventsOnSocket(int(i));
        const qint64 lost = c.events - d;
        if (lost == 0) {
            continue;
        }
        if (lost < 0 || c.closeCode != 1006) {
            m_failures << QStringLiteral("connection %1 (close code %2): %3 event frames written, "
                                         "%4 delivered")
                              .arg(c.conn)
                              .arg(c.closeCode)
                              .arg(c.events)
                              .arg(d);
            continue;
        }
        // Discarded by the abort: the last `lost` frames written on it.
        ++hit;
        destroyed += lost;
        QMap<QString, int> types;
        qint64 newest = -1;
        qint64 oldest = 0;
        const qsizetype n = qsizetype(c.tail.size());
        for (qsizetype k = std::max<qsizetype>(0, n - lost); k < n; ++k) {
            const auto& [atMs, type] = c.tail[size_t(k)];
            ++types[type];
            oldest = std::max(oldest, c.closedAtMs - atMs);
            newest = newest < 0 ? c.closedAtMs - atMs : std::min(newest, c.closedAtMs - atMs);
        }
        oldestMs = std::max(oldestMs, oldest);
        QStringList what;
        for (auto t = types.cbegin(); t != types.cend(); ++t) {
            what << QStringLiteral("%1 x%2").arg(t.key()).arg(t.value());
        }
        line(QStringLiteral("Connection %1 (dropped): %2 event frames written %3-%4 ms before the "
                            "abort and not delivered (%5)")
                 .arg(c.conn)
                 .arg(lost)
                 .arg(newest)
                 .arg(oldest)
                 .arg(what.join(QStringLiteral(", "))));
        if (lost > RecordingTally::kTail || oldest > kAbortWindowMs) {
            m_failures << QStringLiteral("connection %1: %2 event frames lost, written up to %3 ms "
                                         "before the drop (more than the %4 ms of one event-loop "
                                         "pass)")
                              .arg(c.conn)
                              .arg(lost)
                              .arg(oldest)
                              .arg(kAbortWindowMs);
        }
    }
    line(QStringLiteral("Connections: %1 opened, %2 dropped (1006); event frames destroyed by "
                        "drops: %3 on %4 connections (written at most %5 ms before the abort).\n")
             .arg(conns.size())
             .arg(m_written.dropped())
             .arg(destroyed)
             .arg(hit)
             .arg(oldestMs));
}

void SoakReport::printActivity() {
    const ReconnectWatch& r = m_reconnects;
    line(QStringLiteral("| Activity | count |"));
    line(QStringLiteral("|---|---|"));
    line(QStringLiteral("| Calls placed / established / hung up by the client | %1 / %2 / %3 |")
             .arg(m_calls.placed())
             .arg(m_calls.established())
             .arg(m_calls.hungUp()));
    line(QStringLiteral("| Calls ended / of them not FINISH / stuck / dial refused | %1 / %2 / %3 "
                        "/ %4 |")
             .arg(m_calls.ended())
             .arg(m_calls.failed())
             .arg(m_calls.stuck())
             .arg(m_calls.refused()));
    line(QStringLiteral("| Stream plays sent / refused (session down) | %1 / %2 |")
             .arg(m_streams.plays())
             .arg(m_streams.refusedPlays()));
    line(QStringLiteral("| Players failed by Callboard at a socket loss / server events for them "
                        "afterwards | %1 / %2 |")
             .arg(m_streams.failedAtSocketLoss())
             .arg(m_streams.eventsAfterLocalFailure()));
    line(QStringLiteral("| Drops by the emulator / connection lost / restored | %1 / %2 / %3 |")
             .arg(m_written.dropped())
             .arg(r.lost())
             .arg(r.restored()));
    line(QStringLiteral("| Outage: longest / mean (ms) | %1 / %2 |")
             .arg(r.longestOutageMs())
             .arg(r.meanOutageMs(), 0, 'f', 0));
    if (m_written.dropped() < m_in.expectedDrops) {
        m_failures << QStringLiteral("%1 drops by the emulator, expected at least %2")
                          .arg(m_written.dropped())
                          .arg(m_in.expectedDrops);
    }
    if (r.restored() < r.lost() || !m_in.upAtEnd) {
        m_failures << QStringLiteral("the client did not reconnect: %1 losses, %2 recoveries, "
                                     "%3 at the end (last reason: %4)")
                          .arg(r.lost())
                          .arg(r.restored())
                          .arg(m_in.upAtEnd ? QStringLiteral("up") : QStringLiteral("down"))
                          .arg(r.lastReason());
    }
    if (r.lost() < m_written.dropped()) {
        m_failures << QStringLiteral("%1 drops but the client noticed %2")
                          .arg(m_written.dropped())
                          .arg(r.lost());
    }
    if (double(r.longestOutageMs()) > m_in.reconnectDeadlineS * 1000.0) {
        m_failures << QStringLiteral("an outage lasted %1 ms (bound %2 s)")
                          .arg(r.longestOutageMs())
                          .arg(m_in.reconnectDeadlineS);
    }
    if (m_calls.placed() == 0 || m_calls.established() == 0) {
        m_failures << QStringLiteral("no call was placed or established");
    }
}

} // namespace soak
