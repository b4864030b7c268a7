// sip::RecoveryBackoff: JsSIP's recovery delay clamped to [min, max] (spec §7.2).
#include "sip/RecoveryBackoff.h"

#include <QTest>

class tst_SipRecoveryBackoff : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void delay_data() {
        QTest::addColumn<int>("minS");
        QTest::addColumn<int>("maxS");
        QTest::addColumn<int>("attempts");
        QTest::addColumn<double>("random");
        QTest::addColumn<int>("expected");
        // k = floor(random * 2^attempts + 1), clamped
        QTest::newRow("a1 low -> min 2") << 2 << 6 << 1 << 0.0 << 2;
        QTest::newRow("a1 high -> k=2") << 2 << 6 << 1 << 0.99 << 2;
        QTest::newRow("a2 r=.5 -> k=3") << 2 << 6 << 2 << 0.5 << 3;
        QTest::newRow("a2 r=.99 -> k=4") << 2 << 6 << 2 << 0.99 << 4;
        QTest::newRow("a3 r=.99 -> k=8 clamp 6") << 2 << 6 << 3 << 0.99 << 6;
        QTest::newRow("a3 r=.5 -> k=5") << 2 << 6 << 3 << 0.5 << 5;
        QTest::newRow("a10 r=0 -> k=1 clamp 2") << 2 << 6 << 10 << 0.0 << 2;
        QTest::newRow("jssip default max 30, a5 high") << 2 << 30 << 5 << 0.99 << 30;
        QTest::newRow("jssip default, a4 high -> 16") << 2 << 30 << 4 << 0.99 << 16;
        QTest::newRow("attempts 0 counts as 1") << 1 << 6 << 0 << 0.99 << 2;
        QTest::newRow("huge attempts no overflow") << 2 << 6 << 1000 << 0.5 << 6;
        QTest::newRow("min 0 raised to 1") << 0 << 6 << 1 << 0.0 << 1;
        QTest::newRow("max below min raised") << 5 << 3 << 1 << 0.0 << 5;
    }
    void delay() {
        QFETCH(int, minS);
        QFETCH(int, maxS);
        QFETCH(int, attempts);
        QFETCH(double, random);
        QFETCH(int, expected);
        sip::RecoveryBackoff b(minS, maxS, [random] { return random; });
        QCOMPARE(b.delaySeconds(attempts), expected);
    }

    void distributionStaysInRange() {
        sip::RecoveryBackoff b(2, 6);
        QSet<int> seen;
        for (int i = 0; i < 2000; ++i) {
            const int d = b.delaySeconds(3);
            QVERIFY(d >= 2 && d <= 6);
            seen.insert(d);
        }
        QCOMPARE(seen.size(), 5); // 2..6 all reachable at attempt 3
    }
};

QTEST_GUILESS_MAIN(tst_SipRecoveryBackoff)
#include "tst_SipRecoveryBackoff.moc"
