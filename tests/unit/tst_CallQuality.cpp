// services::CallQuality: packet loss from the cumulative webrtc-stats counters, the simplified
// G.107 E-model MOS, and the figures over a call (averages, maxima, counters that restart).
#include "services/CallQuality.h"

#include <QTest>

using services::CallQuality;

namespace {

media::MediaStats snapshot(quint64 received, qint64 lost, double jitterMs, double rttMs,
                           double sendKbps = -1, double receiveKbps = -1) {
    media::MediaStats s;
    s.packetsReceived = received;
    s.packetsLost = lost;
    s.jitterMs = jitterMs;
    s.roundTripTimeMs = rttMs;
    s.sendBitrateKbps = sendKbps;
    s.receiveBitrateKbps = receiveKbps;
    return s;
}

} // namespace

class tst_CallQuality : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void lossPercentOf_data() {
        QTest::addColumn<qint64>("lost");
        QTest::addColumn<quint64>("received");
        QTest::addColumn<double>("expected");
        QTest::newRow("nothing expected") << qint64(0) << quint64(0) << -1.0;
        QTest::newRow("no loss") << qint64(0) << quint64(250) << 0.0;
        QTest::newRow("one in 250") << qint64(1) << quint64(249) << 0.4;
        QTest::newRow("half") << qint64(100) << quint64(100) << 50.0;
        QTest::newRow("all lost") << qint64(7) << quint64(0) << 100.0;
        QTest::newRow("duplicates (negative)") << qint64(-3) << quint64(100) << 0.0;
    }
    void lossPercentOf() {
        QFETCH(qint64, lost);
        QFETCH(quint64, received);
        QFETCH(double, expected);
        QCOMPARE(CallQuality::lossPercentOf(lost, received), expected);
    }

    void mosOf_data() {
        QTest::addColumn<double>("rttMs");
        QTest::addColumn<double>("jitterMs");
        QTest::addColumn<double>("lossPercent");
        QTest::addColumn<double>("expected");
        // R = 93.2 - Id - Ie,eff with d = rtt/2 + 2 jitter + 20; MOS by G.107 eq. B-4.
        // d = 20: Id = 0.48, R = 92.72 -> 4.3998.
        QTest::newRow("perfect LAN") << 0.0 << 0.0 << 0.0 << 4.3998;
        QTest::newRow("unknown rtt and jitter") << -1.0 << -1.0 << 0.0 << 4.3998;
        // d = 50 + 20 + 20 = 90: Id = 2.16, R = 91.04 -> 4.3636.
        QTest::newRow("rtt 100 jitter 10") << 100.0 << 10.0 << 0.0 << 4.3636;
        // d = 200 + 20 = 220: Id = 5.28 + 0.11 * 42.7 = 9.977, R = 83.223 -> 4.1398.
        QTest::newRow("satellite rtt 400") << 400.0 << 0.0 << 0.0 << 4.1398;
        // Ie,eff = 95 * 1 / 26.1 = 3.6398, R = 89.0802 -> 4.3158.
        QTest::newRow("1 % loss") << 0.0 << 0.0 << 1.0 << 4.3158;
        // Ie,eff = 95 * 10 / 35.1 = 27.0655, R = 65.6545 -> 3.3872.
        QTest::newRow("10 % loss") << 0.0 << 0.0 << 10.0 << 3.3872;
        // Ie,eff = 95 * 100 / 125.1 = 75.9393, R = 16.7807 -> 1.1648.
        QTest::newRow("all lost") << 0.0 << 0.0 << 100.0 << 1.1648;
        QTest::newRow("unknown loss") << 10.0 << 1.0 << -1.0 << -1.0;
        QTest::newRow("hopeless delay") << 4000.0 << 100.0 << 50.0 << 1.0;
    }
    void mosOf() {
        QFETCH(double, rttMs);
        QFETCH(double, jitterMs);
        QFETCH(double, lossPercent);
        QFETCH(double, expected);
        const double mos = CallQuality::mosOf(rttMs, jitterMs, lossPercent);
        QVERIFY2(qAbs(mos - expected) < 0.001, qPrintable(QString::number(mos, 'f', 5)));
        QVERIFY(mos == -1 || (mos >= 1 && mos <= 4.5));
    }

    void unknownUntilTheFirstSnapshot() {
        const CallQuality q;
        QVERIFY(!q.isKnown());
        QCOMPARE(q.rttMs(), -1.0);
        QCOMPARE(q.jitterMs(), -1.0);
        QCOMPARE(q.lossPercent(), -1.0);
        QCOMPARE(q.mos(), -1.0);
        const services::CallQualitySummary s = q.summary();
        QVERIFY(!s.isKnown());
        QCOMPARE(s, services::CallQualitySummary());
    }

    void latestFiguresAndFiguresOverTheCall() {
        CallQuality q;
        // Nothing received yet: jitter and loss unknown, RTT not reported.
        q.add(snapshot(0, 0, 0, -1, 33.0, -1));
        QCOMPARE(q.samples(), 1);
        QCOMPARE(q.jitterMs(), -1.0);
        QCOMPARE(q.lossPercent(), -1.0);
        QCOMPARE(q.rttMs(), -1.0);
        QCOMPARE(q.sendKbps(), 33.0);
        QCOMPARE(q.receiveKbps(), -1.0);
        QCOMPARE(q.mos(), -1.0);

        q.add(snapshot(100, 0, 2.0, 10.0, 31.0, 32.0));
        QCOMPARE(q.lossPercent(), 0.0);
        QCOMPARE(q.jitterMs(), 2.0);
        QCOMPARE(q.rttMs(), 10.0);

        // 100 more received and 25 lost in this interval: 20 % now, 10 % over the call.
        q.add(snapshot(200, 25, 8.0, 30.0, 32.0, 28.0));
        QCOMPARE(q.samples(), 3);
        QCOMPARE(q.lossPercent(), 20.0);
        QCOMPARE(q.totalLossPercent(), 100.0 * 25 / 225);
        QCOMPARE(q.averageRttMs(), 20.0);
        QCOMPARE(q.maxJitterMs(), 8.0);
        QCOMPARE(q.averageJitterMs(), 5.0);
        QCOMPARE(q.averageSendKbps(), 32.0);
        QCOMPARE(q.averageReceiveKbps(), 30.0);
        QCOMPARE(q.mos(), CallQuality::mosOf(30.0, 8.0, 20.0));

        const services::CallQualitySummary s = q.summary();
        QCOMPARE(s.samples, 3);
        QCOMPARE(s.averageRttMs, 20.0);
        QCOMPARE(s.maxJitterMs, 8.0);
        QCOMPARE(s.lossPercent, q.totalLossPercent());
        QCOMPARE(s.averageSendKbps, 32.0);
        QCOMPARE(s.averageReceiveKbps, 30.0);
        QCOMPARE(s.mos, CallQuality::mosOf(20.0, 5.0, q.totalLossPercent()));
    }

    void quietIntervalHasUnknownLoss() {
        CallQuality q;
        q.add(snapshot(100, 10, 1, 5));
        q.add(snapshot(100, 10, 1, 5)); // on hold: nothing arrived
        QCOMPARE(q.lossPercent(), -1.0);
        QCOMPARE(q.mos(), -1.0);
        QCOMPARE(q.totalLossPercent(), 100.0 * 10 / 110);
    }

    void countersThatRestartAddUp() {
        CallQuality q;
        q.add(snapshot(90, 10, 1, 5));
        // A new endpoint for the same call: its counters start again at 0.
        q.add(snapshot(40, 0, 1, 5));
        QCOMPARE(q.lossPercent(), 0.0);
        QCOMPARE(q.totalLossPercent(), 10.0 * 100 / 140);
        q.add(snapshot(50, 10, 1, 5));
        QCOMPARE(q.lossPercent(), 50.0);
        QCOMPARE(q.totalLossPercent(), 20.0 * 100 / 160);
    }
};

QTEST_GUILESS_MAIN(tst_CallQuality)
#include "tst_CallQuality.moc"
