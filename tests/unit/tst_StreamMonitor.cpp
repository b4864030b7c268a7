// services::StreamMonitor: lifecycle through the service, keep-alive staleness with a fake
// clock, and coalesced change reporting.
#include "support/FakeClock.h"

#include "services/StreamMonitor.h"

#include <QSignalSpy>
#include <QTest>

using core::StreamStatus;
using namespace Qt::Literals::StringLiterals;

namespace {

core::StreamStatusEvent statusEvent(const QString& id, const QString& status,
                                    const QString& info = {}) {
    core::StreamStatusEvent e;
    e.mediaSessionId = id;
    e.name = QStringLiteral("cam-") + id;
    e.status = core::fromWire<StreamStatus>(QStringView(status));
    e.info = info;
    return e;
}

} // namespace

class tst_StreamMonitor : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<testsupport::FakeClock> clock = std::make_shared<testsupport::FakeClock>();

private Q_SLOTS:
    void transitions_data() {
        QTest::addColumn<QStringList>("statuses");
        QTest::addColumn<QString>("final");
        QTest::addColumn<int>("illegal");
        // seed statuses (spec §11) and the extra ones of §12.2
        QTest::newRow("publish") << QStringList{u"PENDING"_s, u"PUBLISHING"_s, u"UNPUBLISHED"_s}
                                 << u"UNPUBLISHED"_s << 0;
        QTest::newRow("play") << QStringList{u"PENDING"_s, u"PLAYING"_s, u"STOPPED"_s}
                              << u"STOPPED"_s << 0;
        QTest::newRow("fail") << QStringList{u"PENDING"_s, u"FAILED"_s} << u"FAILED"_s << 0;
        QTest::newRow("pause") << QStringList{u"PLAYING"_s, u"PAUSED"_s, u"PLAYING"_s}
                               << u"PLAYING"_s << 0;
        QTest::newRow("playback problem")
            << QStringList{u"PLAYING"_s, u"PLAYBACK_PROBLEM"_s, u"PLAYING"_s} << u"PLAYING"_s << 0;
        QTest::newRow("pseudo-statuses keep state")
            << QStringList{u"PLAYING"_s, u"RESIZE"_s, u"SNAPSHOT_COMPLETE"_s,
                           u"NOT_ENOUGH_BANDWIDTH"_s}
            << u"PLAYING"_s << 0;
        QTest::newRow("late event after end")
            << QStringList{u"PUBLISHING"_s, u"UNPUBLISHED"_s, u"PUBLISHING"_s} << u"UNPUBLISHED"_s
            << 0;
        QTest::newRow("illegal publisher to player")
            << QStringList{u"PUBLISHING"_s, u"PLAYING"_s} << u"PUBLISHING"_s << 1;
        QTest::newRow("illegal back to pending")
            << QStringList{u"PLAYING"_s, u"PENDING"_s} << u"PLAYING"_s << 1;
        QTest::newRow("unknown status ignored")
            << QStringList{u"PLAYING"_s, u"WARMING_UP"_s} << u"PLAYING"_s << 0;
        QTest::newRow("first sighting mid-life") << QStringList{u"PAUSED"_s} << u"PAUSED"_s << 0;
    }

    void transitions() {
        QFETCH(QStringList, statuses);
        QFETCH(QString, final);
        QFETCH(int, illegal);
        services::StreamMonitor m(clock);
        for (const QString& s : statuses) {
            m.apply(statusEvent(u"s1"_s, s), services::SourceOwnSession);
        }
        QCOMPARE(m.size(), 1);
        QCOMPARE(m.at(0).statusText(), final);
        QCOMPARE(m.illegalTransitions(), quint64(illegal));
    }

    void fieldsMergeAndInfoIsKept() {
        services::StreamMonitor m(clock);
        auto e = statusEvent(u"s1"_s, u"PUBLISHING"_s);
        e.width = 1280;
        e.height = 720;
        e.record = true;
        e.nodeId = u"node-a"_s;
        m.apply(e, services::SourceRestHook);
        auto end = statusEvent(u"s1"_s, u"FAILED"_s, u"Failed by ICE timeout"_s);
        m.apply(end, services::SourceOwnSession);
        const auto& r = m.at(0);
        QCOMPARE(r.width, 1280);
        QCOMPARE(r.record, services::StreamRecord::Tri::True);
        QCOMPARE(r.nodeId, u"node-a"_s);
        QCOMPARE(r.info, u"Failed by ICE timeout"_s);
        QCOMPARE(r.sources, std::uint8_t(services::SourceRestHook | services::SourceOwnSession));
    }

    void keyedByMediaSessionId() {
        services::StreamMonitor m(clock);
        m.apply(statusEvent(u"a"_s, u"PLAYING"_s), services::SourceOwnSession);
        m.apply(statusEvent(u"b"_s, u"PLAYING"_s), services::SourceOwnSession);
        m.apply(statusEvent(u"a"_s, u"STOPPED"_s), services::SourceOwnSession);
        QCOMPARE(m.size(), 2);
        QCOMPARE(m.rowOf(u"b"_s), 1);
        QCOMPARE(m.at(m.rowOf(u"a"_s)).status, StreamStatus::Stopped);
    }

    void ownerIsLearntAfterAServerWideFeed() {
        services::StreamMonitor m(clock);
        m.apply(statusEvent(u"a"_s, u"PLAYING"_s), services::SourceRestApi);
        QCOMPARE(m.at(0).accountId, QString());
        m.apply(statusEvent(u"a"_s, u"PLAYING"_s), services::SourceOwnSession, u"acc"_s);
        QCOMPARE(m.at(0).accountId, u"acc"_s);
        QCOMPARE(m.at(0).sources,
                 std::uint8_t(services::SourceRestApi | services::SourceOwnSession));
        // a later server-wide event does not take the owner away
        m.apply(statusEvent(u"a"_s, u"PLAYING"_s), services::SourceRestHook);
        QCOMPARE(m.at(0).accountId, u"acc"_s);
    }

    void changesAreCoalescedPerEventLoopPass() {
        services::StreamMonitor m(clock);
        QSignalSpy appended(&m, &services::StreamMonitor::rowsAppended);
        QSignalSpy dirty(&m, &services::StreamMonitor::rowsDirty);
        for (int i = 0; i < 1000; ++i) {
            m.apply(statusEvent(QString::number(i % 100), u"PLAYING"_s), services::SourceRestHook);
        }
        QCOMPARE(appended.size(), 0); // nothing until the event loop runs
        QTRY_COMPARE(appended.size(), 1);
        QCOMPARE(appended.first().at(0).toInt(), 0);
        QCOMPARE(appended.first().at(1).toInt(), 99);
        QCOMPARE(dirty.size(), 1);
        const std::vector<int> rows = m.takeDirtyRows();
        QCOMPARE(rows.size(), size_t(100));
        QVERIFY(std::is_sorted(rows.begin(), rows.end()));
        QVERIFY(m.takeDirtyRows().empty());
        m.apply(statusEvent(u"5"_s, u"PAUSED"_s), services::SourceRestHook);
        QTRY_COMPARE(dirty.size(), 2);
        QCOMPARE(m.takeDirtyRows(), std::vector<int>{5});
    }

    void staleWhenKeepAlivesStop() {
        services::StreamMonitor m(clock);
        m.setStaleAfterMs(30000);
        core::StreamKeepAliveEvent k;
        k.mediaSessionId = u"k1"_s;
        k.name = u"hook-cam"_s;
        k.status = core::StreamKeepAliveStatus::Publishing;
        m.applyKeepAlive(k); // first sighting through a keep-alive
        QCOMPARE(m.size(), 1);
        QCOMPARE(m.at(0).status, StreamStatus::Publishing);
        clock->advance(29000);
        m.checkStale();
        QVERIFY(!m.at(0).stale);
        clock->advance(2000);
        m.checkStale();
        QVERIFY(m.at(0).stale);
        m.applyKeepAlive(k);
        QVERIFY(!m.at(0).stale);
        m.apply(statusEvent(u"k1"_s, u"UNPUBLISHED"_s), services::SourceRestHook);
        clock->advance(60000);
        m.checkStale();
        QVERIFY(!m.at(0).stale); // ended streams are not stale
    }

    void ownStreamsWithoutKeepAlivesNeverGoStale() {
        services::StreamMonitor m(clock);
        m.setStaleAfterMs(1000);
        m.apply(statusEvent(u"own"_s, u"PUBLISHING"_s), services::SourceOwnSession);
        clock->advance(10000);
        m.checkStale();
        QVERIFY(!m.at(0).stale);
    }

    void staleAfterMultipleOfKeepAliveInterval() {
        services::StreamMonitor m(clock);
        m.setKeepAliveInterval(5000, 2); // stale after 2 missed 5 s keep-alives
        QCOMPARE(m.staleAfterMs(), 10000);
        m.apply(statusEvent(u"ka"_s, u"PUBLISHING"_s), services::SourceOwnSession);
        core::StreamKeepAliveEvent k;
        k.mediaSessionId = u"ka"_s;
        k.status = core::StreamKeepAliveStatus::Publishing;
        k.nodeId = u"node-7"_s;
        k.appKey = u"defaultApp"_s;
        k.sessionId = u"/10.0.0.1:5000/10.0.0.2:8443"_s;
        m.applyKeepAlive(k); // a known stream: node, app and session filled in from the hook
        QCOMPARE(m.at(0).nodeId, u"node-7"_s);
        QCOMPARE(m.at(0).appKey, u"defaultApp"_s);
        QCOMPARE(m.at(0).sessionId, u"/10.0.0.1:5000/10.0.0.2:8443"_s);
        QCOMPARE(m.at(0).sources,
                 std::uint8_t(services::SourceOwnSession | services::SourceRestHook));
        clock->advance(9000);
        m.checkStale();
        QVERIFY(!m.at(0).stale);
        clock->advance(1500);
        m.checkStale();
        QVERIFY(m.at(0).stale);
        m.setKeepAliveInterval(0, 3);
        QCOMPARE(m.staleAfterMs(), 0);
    }

    void pruneEndedKeepsLiveStreams() {
        services::StreamMonitor m(clock);
        QSignalSpy reset(&m, &services::StreamMonitor::reset);
        m.apply(statusEvent(u"old"_s, u"STOPPED"_s), services::SourceRestHook);
        m.apply(statusEvent(u"live"_s, u"PLAYING"_s), services::SourceRestHook);
        clock->advance(5000);
        m.apply(statusEvent(u"recent"_s, u"FAILED"_s), services::SourceRestHook);
        QCOMPARE(m.pruneEnded(1000), 1);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(m.size(), 2);
        QCOMPARE(m.rowOf(u"live"_s), 0);
        QCOMPARE(m.rowOf(u"recent"_s), 1);
        QCOMPARE(m.rowOf(u"old"_s), -1);
    }

    // Ended streams leave by themselves after the retention (a flapping server adds a row per
    // play: without this the monitor grows without bound); live ones and recent ends stay.
    void endedStreamsArePrunedAutomatically() {
        services::StreamMonitor m(clock);
        QCOMPARE(m.endedRetentionMs(), services::StreamMonitor::kDefaultEndedRetentionMs);
        m.setEndedRetentionMs(60000);
        m.setPruneIntervalMs(10);
        QSignalSpy reset(&m, &services::StreamMonitor::reset);
        m.apply(statusEvent(u"ended"_s, u"UNPUBLISHED"_s), services::SourceRestHook);
        m.apply(statusEvent(u"live"_s, u"PUBLISHING"_s), services::SourceRestHook);
        QTest::qWait(50);
        QCOMPARE(m.size(), 2); // not old enough yet
        QCOMPARE(reset.size(), 0);
        clock->advance(60001);
        QTRY_COMPARE(m.size(), 1);
        QCOMPARE(m.at(0).mediaSessionId, u"live"_s);
        QCOMPARE(m.rowOf(u"live"_s), 0);
        QCOMPARE(reset.size(), 1);
        m.setEndedRetentionMs(0); // kept for ever
        m.apply(statusEvent(u"ended2"_s, u"FAILED"_s), services::SourceRestHook);
        clock->advance(10 * 60000);
        QTest::qWait(50);
        QCOMPARE(m.size(), 2);
    }
};

QTEST_GUILESS_MAIN(tst_StreamMonitor)
#include "tst_StreamMonitor.moc"
