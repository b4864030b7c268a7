// wss:// trust rules of wcs::Session: certificate errors fail the connection with a reason; a
// user CA file or a pinned SHA-256 fingerprint may be trusted; nothing is blanket-ignored.
#include "wcs/Session.h"
#include "wcs/TlsConfigurator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

class tst_SessionTls : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir;
    QSslCertificate cert;
    std::unique_ptr<QWebSocketServer> server;

    QString path(const char* name) const { return dir.filePath(QString::fromLatin1(name)); }

    wcs::SessionOptions options() const {
        wcs::SessionOptions o;
        o.url = QUrl(QStringLiteral("wss://127.0.0.1:%1").arg(server->serverPort()));
        o.autoReconnect = false;
        o.watchdogMs = 0;
        return o;
    }

    core::ConnectionStatusEvent runUntilSettled(const wcs::SessionOptions& o) {
        wcs::Session s(o);
        QSignalSpy spy(&s, &wcs::Session::connectionStatusChanged);
        s.open();
        const auto settled = [&] {
            return s.status() == core::SessionStatus::Established ||
                   s.status() == core::SessionStatus::Failed ||
                   s.status() == core::SessionStatus::Disconnected;
        };
        if (!QTest::qWaitFor(settled, 10000)) {
            return {};
        }
        return spy.last().at(0).value<core::ConnectionStatusEvent>();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir.isValid());
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                       QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-keyout"),
                       path("key.pem"), QStringLiteral("-out"), path("cert.pem")});
        QVERIFY2(openssl.waitForFinished(30000) && openssl.exitCode() == 0,
                 "openssl could not make a test certificate");
        const auto certs = QSslCertificate::fromPath(path("cert.pem"));
        QCOMPARE(certs.size(), 1);
        cert = certs.first();
        QFile keyFile(path("key.pem"));
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        const QSslKey key(&keyFile, QSsl::Rsa);
        QVERIFY(!key.isNull());

        server =
            std::make_unique<QWebSocketServer>(QStringLiteral("tls"), QWebSocketServer::SecureMode);
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(cert);
        config.setPrivateKey(key);
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        server->setSslConfiguration(config);
        QVERIFY(server->listen(QHostAddress::LocalHost, 0));
        connect(server.get(), &QWebSocketServer::newConnection, this, [this] {
            QWebSocket* c = server->nextPendingConnection();
            connect(c, &QWebSocket::disconnected, c, &QObject::deleteLater);
            connect(c, &QWebSocket::textMessageReceived, c, [c](const QString&) {
                c->sendTextMessage(QStringLiteral(
                    R"({"message":"getUserData","data":[{"sessionId":"/tls","authToken":"t"}]})"));
            });
        });
    }

    void untrustedCertificateFailsWithReason() {
        const auto e = runUntilSettled(options());
        QCOMPARE(e.status.value, core::SessionStatus::Failed);
        QVERIFY2(e.info.contains(QLatin1StringView("TLS certificate rejected")),
                 qPrintable(e.info));
    }

    void userCaFileIsTrusted() {
        auto o = options();
        o.tls.caFile = path("cert.pem");
        QCOMPARE(runUntilSettled(o).status.value, core::SessionStatus::Established);
    }

    void pinnedFingerprintIsTrusted() {
        auto o = options();
        QByteArray pin = cert.digest(QCryptographicHash::Sha256).toHex(':').toUpper();
        o.tls.pinnedSha256 = pin;
        QCOMPARE(runUntilSettled(o).status.value, core::SessionStatus::Established);
    }

    void wrongPinFails() {
        auto o = options();
        o.tls.pinnedSha256 = QByteArray(64, 'a');
        QCOMPARE(runUntilSettled(o).status.value, core::SessionStatus::Failed);
    }

    void fingerprintNormalisation() {
        QCOMPARE(wcs::TlsConfigurator::normaliseFingerprint("AB:cd:01"), QByteArray("abcd01"));
    }
};

QTEST_GUILESS_MAIN(tst_SessionTls)
#include "tst_SessionTls.moc"
