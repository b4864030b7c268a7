// services::SipProfileMapper: a "SIP over WebSocket" AccountProfile -> sip::ConnectionParameters
// (spec sip-connection-manager.md §3.1) and sip::ConnectionManagerOptions.
#include "services/SipProfileMapper.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using services::AccountProfile;
using services::SipProfileMapper;

namespace {

AccountProfile sipProfile() {
    AccountProfile p;
    p.id = u"0b6f6d1c-3c4e-4a8e-9d7e-2b1f0c9a7e55"_s;
    p.name = u"Office PBX"_s;
    p.backend = AccountProfile::Backend::SipWebSocket;
    p.serverUrl = QUrl(u"wss://pbx.example.net:8443/ws"_s);
    p.sipLogin = u"alice"_s;
    p.sipDomain = u"example.net"_s;
    p.registerRequired = true;
    p.reconnectMinMs = 1000;
    p.reconnectMaxMs = 30000;
    return p;
}

} // namespace

class tst_SipProfileMapper : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void secondsRoundedUp_data() {
        QTest::addColumn<int>("ms");
        QTest::addColumn<int>("seconds");
        QTest::newRow("negative") << -5 << 1;
        QTest::newRow("zero") << 0 << 1;
        QTest::newRow("1 ms") << 1 << 1;
        QTest::newRow("999 ms") << 999 << 1;
        QTest::newRow("1000 ms") << 1000 << 1;
        QTest::newRow("1001 ms") << 1001 << 2;
        QTest::newRow("2500 ms") << 2500 << 3;
        QTest::newRow("30000 ms") << 30000 << 30;
        QTest::newRow("INT_MAX") << std::numeric_limits<int>::max() << 2147484;
    }
    void secondsRoundedUp() {
        QFETCH(int, ms);
        QFETCH(int, seconds);
        QCOMPARE(SipProfileMapper::secondsRoundedUp(ms), seconds);
    }

    void parametersMapEveryField() {
        AccountProfile p = sipProfile();
        p.reconnectMinMs = 1500;
        p.reconnectMaxMs = 6001;
        const sip::ConnectionParameters c = SipProfileMapper::parameters(p, u"pw"_s);
        QCOMPARE(c.sipServerIp, u"example.net"_s);
        QCOMPARE(c.sipServerUrl, u"wss://pbx.example.net:8443/ws"_s);
        QCOMPARE(c.webSocketUrl(), QUrl(u"wss://pbx.example.net:8443/ws"_s)); // used as is
        QVERIFY(c.register_);
        QCOMPARE(c.user, std::optional<QString>(u"alice"_s));
        QCOMPARE(c.password, std::optional<QString>(u"pw"_s));
        QCOMPARE(c.connectionRecoveryMinInterval, 2);
        QCOMPARE(c.connectionRecoveryMaxInterval, 7);
        QVERIFY(!c.validate().has_value());
    }

    void noRegisterAndNoPassword() {
        AccountProfile p = sipProfile();
        p.registerRequired = false;
        const sip::ConnectionParameters c = SipProfileMapper::parameters(p, {});
        QVERIFY(!c.register_);
        QVERIFY(!c.password.has_value());
        QVERIFY(!c.validate().has_value()); // no REGISTER: no password needed (§3.2)
        p.registerRequired = true;
        QCOMPARE(SipProfileMapper::parameters(p, {}).validate(),
                 std::optional<QString>(u"password is required for authorized connection"_s));
    }

    void maxNeverBelowMin() {
        AccountProfile p = sipProfile();
        p.reconnectMinMs = 4001; // 5 s
        p.reconnectMaxMs = 4500; // 5 s as well, never 4
        const sip::ConnectionParameters c = SipProfileMapper::parameters(p, u"pw"_s);
        QCOMPARE(c.connectionRecoveryMinInterval, 5);
        QCOMPARE(c.connectionRecoveryMaxInterval, 5);
    }

    void optionsCarryTheInstanceId() {
        QString error;
        const auto o = SipProfileMapper::managerOptions(sipProfile(), &error);
        QVERIFY(o.has_value());
        QVERIFY(error.isEmpty());
        QCOMPARE(o->instanceId, sipProfile().id);
        QCOMPARE(o->numberOfConnectionAttempts, 3); // retries a refused first handshake (§7.1)
        QVERIFY(o->caCertificates.isEmpty());
    }

    void caFileIsLoaded() {
        const QString bundle = u"/etc/ssl/certs/ca-certificates.crt"_s;
        if (!QFile::exists(bundle)) {
            QSKIP("no system CA bundle to read");
        }
        AccountProfile p = sipProfile();
        p.tlsCaFile = bundle;
        QString error;
        const auto o = SipProfileMapper::managerOptions(p, &error);
        QVERIFY2(o.has_value(), qPrintable(error));
        QVERIFY(!o->caCertificates.isEmpty());
    }

    void badCaFileAndPinAreRefused() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"not-a-cert.pem"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is no certificate\n");
        f.close();
        AccountProfile p = sipProfile();
        p.tlsCaFile = path;
        QString error;
        QVERIFY(!SipProfileMapper::managerOptions(p, &error).has_value());
        QVERIFY2(error.contains(path), qPrintable(error));

        p.tlsCaFile.clear();
        p.tlsPinnedSha256 = QByteArray(64, 'b');
        error.clear();
        QVERIFY(!SipProfileMapper::managerOptions(p, &error).has_value());
        QVERIFY2(error.contains(u"pinning"_s), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(tst_SipProfileMapper)
#include "tst_SipProfileMapper.moc"
