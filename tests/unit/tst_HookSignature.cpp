// hooks::HookSignature: HMAC-MD5 of the body (spec §13.1 `Authorization: WCS <hex>`).
#include "hooks/HookSignature.h"

#include <QTest>

class tst_HookSignature : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rfc2104Vector() {
        // RFC 2104 test case 2.
        QCOMPARE(hooks::HookSignature::hmacMd5Hex("what do ya want for nothing?", "Jefe"),
                 QByteArray("750c783e6ab0b503eaa86e310a5db738"));
        QCOMPARE(hooks::HookSignature::authorizationValue("what do ya want for nothing?", "Jefe"),
                 QByteArray("WCS 750c783e6ab0b503eaa86e310a5db738"));
    }

    void verify_data() {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("ok");
        QTest::newRow("exact") << QByteArray("WCS 750c783e6ab0b503eaa86e310a5db738") << true;
        QTest::newRow("upper hex") << QByteArray("WCS 750C783E6AB0B503EAA86E310A5DB738") << true;
        QTest::newRow("scheme case") << QByteArray("wcs 750c783e6ab0b503eaa86e310a5db738") << true;
        QTest::newRow("one digit off")
            << QByteArray("WCS 750c783e6ab0b503eaa86e310a5db739") << false;
        QTest::newRow("truncated") << QByteArray("WCS 750c783e6ab0b503") << false;
        QTest::newRow("other scheme")
            << QByteArray("Basic 750c783e6ab0b503eaa86e310a5db738") << false;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("scheme only") << QByteArray("WCS ") << false;
    }
    void verify() {
        QFETCH(QByteArray, header);
        QFETCH(bool, ok);
        QCOMPARE(hooks::HookSignature::verify(header, "what do ya want for nothing?", "Jefe"), ok);
    }

    void otherBodyOrKeyFails() {
        const QByteArray h = hooks::HookSignature::authorizationValue("{\"a\":1}", "k1");
        QVERIFY(hooks::HookSignature::verify(h, "{\"a\":1}", "k1"));
        QVERIFY(!hooks::HookSignature::verify(h, "{\"a\":2}", "k1"));
        QVERIFY(!hooks::HookSignature::verify(h, "{\"a\":1}", "k2"));
    }
};

QTEST_APPLESS_MAIN(tst_HookSignature)
#include "tst_HookSignature.moc"
