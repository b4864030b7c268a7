// services::CallHistoryRecorder: how an ended call is classified, and that it lands in History.
#include "support/FakeClock.h"

#include "services/CallHistoryRecorder.h"
#include "services/CallService.h"
#include "services/History.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Outcome = services::CallHistoryEntry::Outcome;
using Direction = services::CallRecord::Direction;

Q_DECLARE_METATYPE(Outcome)
Q_DECLARE_METATYPE(Direction)

class tst_CallHistoryRecorder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void outcomes_data() {
        QTest::addColumn<Direction>("direction");
        QTest::addColumn<bool>("answered");
        QTest::addColumn<bool>("hungUpHere");
        QTest::addColumn<QString>("endStatus");
        QTest::addColumn<int>("sipStatus");
        QTest::addColumn<Outcome>("outcome");
        QTest::newRow("incoming answered")
            << Direction::Incoming << true << false << u"FINISH"_s << -1 << Outcome::Answered;
        QTest::newRow("incoming missed")
            << Direction::Incoming << false << false << u"FINISH"_s << -1 << Outcome::Missed;
        QTest::newRow("incoming rejected")
            << Direction::Incoming << false << true << u"FINISH"_s << -1 << Outcome::Rejected;
        QTest::newRow("outgoing answered")
            << Direction::Outgoing << true << true << u"FINISH"_s << 200 << Outcome::Answered;
        QTest::newRow("outgoing busy")
            << Direction::Outgoing << false << false << u"BUSY"_s << 486 << Outcome::Busy;
        QTest::newRow("outgoing cancelled")
            << Direction::Outgoing << false << true << u"FINISH"_s << -1 << Outcome::Cancelled;
        QTest::newRow("outgoing declined")
            << Direction::Outgoing << false << false << u"FAILED"_s << 403 << Outcome::Rejected;
        QTest::newRow("outgoing timeout")
            << Direction::Outgoing << false << false << u"FAILED"_s << 408 << Outcome::NoAnswer;
        QTest::newRow("outgoing broken")
            << Direction::Outgoing << false << false << u"FAILED"_s << 500 << Outcome::Failed;
    }

    void outcomes() {
        QFETCH(Direction, direction);
        QFETCH(bool, answered);
        QFETCH(bool, hungUpHere);
        QFETCH(QString, endStatus);
        QFETCH(int, sipStatus);
        QFETCH(Outcome, outcome);
        services::CallRecord r;
        r.accountId = u"acc"_s;
        r.callId = u"c1"_s;
        r.direction = direction;
        r.peer = u"2042"_s;
        r.createdAtMs = 1000;
        r.answeredAtMs = answered ? 2000 : 0;
        r.endedAtMs = 62000;
        r.status = core::fromWire<core::CallStatus>(QStringView(endStatus)).value;
        r.sipStatus = sipStatus;
        r.hungUpHere = hungUpHere;
        const services::CallHistoryEntry e = services::CallHistoryRecorder::entryFor(r);
        QCOMPARE(e.outcome, outcome);
        QCOMPARE(e.endStatus, endStatus);
        QCOMPARE(e.durationMs(), answered ? qint64(60000) : qint64(0));
    }

    void endedCallsLandInHistory() {
        QTemporaryDir dir;
        auto clock = std::make_shared<testsupport::FakeClock>();
        services::History history(dir.filePath(u"history.sqlite"_s), clock.get());
        QVERIFY(history.open());
        services::CallService calls(clock);
        services::CallHistoryRecorder recorder(calls, history);
        core::CallStatusEvent e;
        e.callId = u"in-1"_s;
        e.caller = u"2001"_s;
        e.visibleName = u"Front desk"_s;
        e.incoming = true;
        e.status = core::CallStatus::Ring;
        calls.apply(u"acc"_s, e);
        clock->advance(20000);
        e.status = core::CallStatus::Failed;
        e.sipStatus = 487;
        e.info = u"Caller gave up"_s;
        calls.apply(u"acc"_s, e);
        const auto rows = history.calls({});
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().outcome, Outcome::Missed);
        QCOMPARE(rows.first().peer, u"2001"_s);
        QCOMPARE(rows.first().peerName, u"Front desk"_s);
        QCOMPARE(rows.first().endReason, u"Caller gave up"_s);
        QVERIFY(!rows.first().quality.isKnown()); // no audio statistics
    }

    void qualityOverTheCallLandsInHistory() {
        QTemporaryDir dir;
        auto clock = std::make_shared<testsupport::FakeClock>();
        services::History history(dir.filePath(u"history.sqlite"_s), clock.get());
        QVERIFY(history.open());
        services::CallService calls(clock);
        services::CallHistoryRecorder recorder(calls, history);
        core::CallStatusEvent e;
        e.callId = u"out-1"_s;
        e.callee = u"2042"_s;
        e.status = core::CallStatus::Established;
        calls.apply(u"acc"_s, e);
        for (const auto& [received, lost, jitter, rtt] :
             {std::tuple{100, 0, 2.0, 10.0}, std::tuple{200, 4, 6.0, 30.0}}) {
            media::MediaStats s;
            s.packetsReceived = quint64(received);
            s.packetsLost = lost;
            s.jitterMs = jitter;
            s.roundTripTimeMs = rtt;
            s.sendBitrateKbps = 32;
            s.receiveBitrateKbps = 30;
            QVERIFY(calls.applyQuality(u"acc"_s, u"out-1"_s, s));
        }
        const services::CallQualitySummary expected =
            calls.find(u"acc"_s, u"out-1"_s)->quality.summary();
        e.status = core::CallStatus::Finish;
        calls.apply(u"acc"_s, e);
        const auto rows = history.calls({});
        QCOMPARE(rows.size(), 1);
        const services::CallQualitySummary& q = rows.first().quality;
        QCOMPARE(q, expected);
        QCOMPARE(q.samples, 2);
        QCOMPARE(q.averageRttMs, 20.0);
        QCOMPARE(q.maxJitterMs, 6.0);
        QCOMPARE(q.lossPercent, 100.0 * 4 / 204);
        QCOMPARE(q.averageSendKbps, 32.0);
        QCOMPARE(q.averageReceiveKbps, 30.0);
        QVERIFY(q.mos > 4.0 && q.mos <= 4.5);
    }
};

QTEST_GUILESS_MAIN(tst_CallHistoryRecorder)
#include "tst_CallHistoryRecorder.moc"
