// The short-lived cache of incoming-call offers (spec §7.2, §10), driven by a fake clock.
#include "support/FakeClock.h"

#include "wcs/SdpOfferCache.h"

#include <QTest>

class tst_SdpOfferCache : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void keepsAnOfferUntilItsTtl() {
        auto clock = std::make_shared<testsupport::FakeClock>();
        wcs::SdpOfferCache cache(clock, 1000);
        cache.put(QStringLiteral("in-1"), QStringLiteral("v=0 offer"));
        QCOMPARE(cache.find(QStringLiteral("in-1")), QStringLiteral("v=0 offer"));
        clock->advance(1000);
        QCOMPARE(cache.find(QStringLiteral("in-1")), QStringLiteral("v=0 offer"));
        clock->advance(1);
        QVERIFY(cache.find(QStringLiteral("in-1")).isNull());
    }

    void expiredEntriesArePrunedOnPut() {
        auto clock = std::make_shared<testsupport::FakeClock>();
        wcs::SdpOfferCache cache(clock, 500);
        cache.put(QStringLiteral("a"), QStringLiteral("1"));
        clock->advance(600);
        cache.put(QStringLiteral("b"), QStringLiteral("2"));
        QCOMPARE(cache.size(), 1);
    }

    void boundedSizeDropsTheOldest() {
        auto clock = std::make_shared<testsupport::FakeClock>();
        wcs::SdpOfferCache cache(clock, 60000, 3);
        for (int i = 0; i < 5; ++i) {
            cache.put(QString::number(i), QStringLiteral("sdp"));
            clock->advance(10);
        }
        QCOMPARE(cache.size(), 3);
        QVERIFY(cache.find(QStringLiteral("0")).isNull());
        QVERIFY(cache.find(QStringLiteral("1")).isNull());
        QCOMPARE(cache.find(QStringLiteral("4")), QStringLiteral("sdp"));
    }

    void removeAndReplace() {
        auto clock = std::make_shared<testsupport::FakeClock>();
        wcs::SdpOfferCache cache(clock, 1000);
        cache.put(QStringLiteral("x"), QStringLiteral("old"));
        cache.put(QStringLiteral("x"), QStringLiteral("new"));
        QCOMPARE(cache.find(QStringLiteral("x")), QStringLiteral("new"));
        cache.remove(QStringLiteral("x"));
        QVERIFY(cache.find(QStringLiteral("x")).isNull());
    }
};

QTEST_GUILESS_MAIN(tst_SdpOfferCache)
#include "tst_SdpOfferCache.moc"
