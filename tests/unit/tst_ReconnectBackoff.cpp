// wcs::ReconnectBackoff: doubling from min to max, clamping, attempt < 1, jitter bounds with an
// injected random source, and no overflow for huge attempt numbers.

#include "wcs/ReconnectBackoff.h"

#include <QTest>

#include <climits>
#include <cmath>
#include <limits>

using wcs::ReconnectBackoff;

class tst_ReconnectBackoff : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void withoutJitter_data();
    void withoutJitter();
    void constructorClamps_data();
    void constructorClamps();
    void jitter_data();
    void jitter();
    void jitterStaysInBounds_data();
    void jitterStaysInBounds();
    void randomSourceUse();
    void monotonicWithoutJitter();
};

void tst_ReconnectBackoff::withoutJitter_data() {
    QTest::addColumn<int>("minMs");
    QTest::addColumn<int>("maxMs");
    QTest::addColumn<int>("attempt");
    QTest::addColumn<int>("expected");
    const auto row = [](const char* tag, int mn, int mx, int attempt, int expected) {
        QTest::newRow(tag) << mn << mx << attempt << expected;
    };
    // doubling from min, clamped to max
    row("1s..30s #1", 1000, 30000, 1, 1000);
    row("1s..30s #2", 1000, 30000, 2, 2000);
    row("1s..30s #3", 1000, 30000, 3, 4000);
    row("1s..30s #4", 1000, 30000, 4, 8000);
    row("1s..30s #5", 1000, 30000, 5, 16000);
    row("1s..30s #6 clamped", 1000, 30000, 6, 30000);
    row("1s..30s #7 clamped", 1000, 30000, 7, 30000);
    row("500..4000 #4 exactly max", 500, 4000, 4, 4000);
    // attempt < 1 counts as 1
    row("attempt 0", 1000, 30000, 0, 1000);
    row("attempt -1", 1000, 30000, -1, 1000);
    row("attempt INT_MIN", 1000, 30000, INT_MIN, 1000);
    // huge attempts saturate instead of overflowing
    row("attempt 31", 1000, 30000, 31, 30000);
    row("attempt 32", 1000, 30000, 32, 30000);
    row("attempt 64", 1000, 30000, 64, 30000);
    row("attempt 1000", 1000, 30000, 1000, 30000);
    row("attempt INT_MAX", 1000, 30000, INT_MAX, 30000);
    row("1 ms min, INT_MAX max, attempt 31", 1, INT_MAX, 31, 1 << 30);
    row("1 ms min, INT_MAX max, attempt 32", 1, INT_MAX, 32, INT_MAX);
    row("1 ms min, INT_MAX max, attempt INT_MAX", 1, INT_MAX, INT_MAX, INT_MAX);
    row("near-INT_MAX values #2", INT_MAX / 2, INT_MAX, 2, INT_MAX - 1);
    row("near-INT_MAX values #3", INT_MAX / 2, INT_MAX, 3, INT_MAX);
    row("min == max", 5000, 5000, 9, 5000);
}

void tst_ReconnectBackoff::withoutJitter() {
    QFETCH(int, minMs);
    QFETCH(int, maxMs);
    QFETCH(int, attempt);
    QFETCH(int, expected);
    const ReconnectBackoff b(minMs, maxMs);
    QCOMPARE(b.delayMs(attempt), expected);
    // a random source without jitter changes nothing
    const ReconnectBackoff withSource(minMs, maxMs, 0, [] { return 0.0; });
    QCOMPARE(withSource.delayMs(attempt), expected);
}

void tst_ReconnectBackoff::constructorClamps_data() {
    QTest::addColumn<int>("minMs");
    QTest::addColumn<int>("maxMs");
    QTest::addColumn<int>("expectedMin");
    QTest::addColumn<int>("expectedMax");
    QTest::newRow("normal") << 1000 << 30000 << 1000 << 30000;
    QTest::newRow("max below min: max = min") << 5000 << 1000 << 5000 << 5000;
    QTest::newRow("zero min: 1 ms") << 0 << 1000 << 1 << 1000;
    QTest::newRow("negative min: 1 ms") << -50 << 1000 << 1 << 1000;
    QTest::newRow("negative max: = min") << 100 << -1 << 100 << 100;
    QTest::newRow("both negative") << INT_MIN << INT_MIN << 1 << 1;
}

void tst_ReconnectBackoff::constructorClamps() {
    QFETCH(int, minMs);
    QFETCH(int, maxMs);
    QFETCH(int, expectedMin);
    QFETCH(int, expectedMax);
    const ReconnectBackoff b(minMs, maxMs);
    QCOMPARE(b.minMs(), expectedMin);
    QCOMPARE(b.maxMs(), expectedMax);
    QCOMPARE(b.delayMs(1), expectedMin);
    QCOMPARE(b.delayMs(100), expectedMax);
}

void tst_ReconnectBackoff::jitter_data() {
    QTest::addColumn<int>("jitterPercent");
    QTest::addColumn<double>("random");
    QTest::addColumn<int>("attempt");
    QTest::addColumn<int>("expected");
    // min 1000, max 30000; attempt 3 -> base 4000
    const double almostOne = std::nextafter(1.0, 0.0);
    QTest::newRow("20% r=0.0: base - 20%") << 20 << 0.0 << 3 << 3200;
    QTest::newRow("20% r=0.5: base") << 20 << 0.5 << 3 << 4000;
    QTest::newRow("20% r=0.25") << 20 << 0.25 << 3 << 3600;
    QTest::newRow("20% r=0.999: just under base + 20%") << 20 << 0.999 << 3 << 4798;
    QTest::newRow("20% r=1-ulp: base + 20% (rounding)") << 20 << almostOne << 3 << 4800;
    QTest::newRow("20% r=0.9999") << 20 << 0.9999 << 3 << 4799;
    // never below min, never above max
    QTest::newRow("20% r=0.0 at attempt 1: min") << 20 << 0.0 << 1 << 1000;
    QTest::newRow("20% r=0.999 at max: max") << 20 << almostOne << 10 << 30000;
    QTest::newRow("20% r=0.0 at max: max - 20%") << 20 << 0.0 << 10 << 24000;
    // percent clamped to [0, 100]
    QTest::newRow("100% r=0.0: min") << 100 << 0.0 << 3 << 1000;
    QTest::newRow("100% r=0.75") << 100 << 0.75 << 3 << 6000;
    QTest::newRow("250% = 100%") << 250 << 0.75 << 3 << 6000;
    QTest::newRow("-10% = no jitter") << -10 << 0.0 << 3 << 4000;
    // a random source outside [0, 1) is clamped; NaN counts as the middle
    QTest::newRow("r=-3 as 0") << 20 << -3.0 << 3 << 3200;
    QTest::newRow("r=1.0 as the upper edge") << 20 << 1.0 << 3 << 4800;
    QTest::newRow("r=7 as 1") << 20 << 7.0 << 3 << 4800;
    QTest::newRow("r=+inf as 1") << 20 << std::numeric_limits<double>::infinity() << 3 << 4800;
    QTest::newRow("r=-inf as 0") << 20 << -std::numeric_limits<double>::infinity() << 3 << 3200;
    QTest::newRow("r=NaN as 0.5") << 20 << std::numeric_limits<double>::quiet_NaN() << 3 << 4000;
}

void tst_ReconnectBackoff::jitter() {
    QFETCH(int, jitterPercent);
    QFETCH(double, random);
    QFETCH(int, attempt);
    QFETCH(int, expected);
    const ReconnectBackoff b(1000, 30000, jitterPercent, [random] { return random; });
    QCOMPARE(b.delayMs(attempt), expected);
}

void tst_ReconnectBackoff::jitterStaysInBounds_data() {
    QTest::addColumn<int>("jitterPercent");
    QTest::newRow("10%") << 10;
    QTest::newRow("25%") << 25;
    QTest::newRow("50%") << 50;
    QTest::newRow("100%") << 100;
}

void tst_ReconnectBackoff::jitterStaysInBounds() {
    QFETCH(int, jitterPercent);
    // a deterministic sweep of the random source over [0, 1)
    constexpr int kSteps = 1000;
    int step = 0;
    const ReconnectBackoff b(250, 60000, jitterPercent,
                             [&step] { return double(step % kSteps) / kSteps; });
    for (int attempt = 1; attempt <= 20; ++attempt) {
        const double base = std::min(60000.0, 250.0 * std::pow(2.0, attempt - 1));
        const double spread = base * jitterPercent / 100.0;
        const int lo = int(std::max(250.0, base - spread));
        const int hi = int(std::min(60000.0, base + spread));
        int seenLo = INT_MAX;
        int seenHi = 0;
        for (step = 0; step < kSteps; ++step) {
            const int d = b.delayMs(attempt);
            QVERIFY2(d >= lo && d <= hi, qPrintable(QStringLiteral("attempt %1: %2 not in [%3, %4]")
                                                        .arg(attempt)
                                                        .arg(d)
                                                        .arg(lo)
                                                        .arg(hi)));
            seenLo = std::min(seenLo, d);
            seenHi = std::max(seenHi, d);
        }
        // the jitter really spreads the delay (unless min/max pin it)
        QVERIFY(seenHi - seenLo >= (hi - lo) * 9 / 10);
    }
}

void tst_ReconnectBackoff::randomSourceUse() {
    int calls = 0;
    const ReconnectBackoff noJitter(1000, 30000, 0, [&calls] {
        ++calls;
        return 0.5;
    });
    (void)noJitter.delayMs(3);
    QCOMPARE(calls, 0);
    const ReconnectBackoff jittered(1000, 30000, 10, [&calls] {
        ++calls;
        return 0.5;
    });
    (void)jittered.delayMs(3);
    (void)jittered.delayMs(4);
    QCOMPARE(calls, 2); // one draw per delay
    // jitter without a source: no jitter
    const ReconnectBackoff noSource(1000, 30000, 50);
    QCOMPARE(noSource.delayMs(3), 4000);
}

void tst_ReconnectBackoff::monotonicWithoutJitter() {
    const ReconnectBackoff b(100, 45000);
    int previous = 0;
    for (int attempt = -5; attempt < 200; ++attempt) {
        const int d = b.delayMs(attempt);
        QVERIFY(d >= previous);
        QVERIFY(d >= 100 && d <= 45000);
        previous = d;
    }
    QCOMPARE(previous, 45000);
}

QTEST_APPLESS_MAIN(tst_ReconnectBackoff)
#include "tst_ReconnectBackoff.moc"
