// sip::ConnectionManager lifecycle against the real loopback Kamailio (spec
// shared/spec/sip-connection-manager.md §5.2-§5.8): event orders, states and payloads.
#include "SipKamailioFixture.h"

using namespace Qt::Literals::StringLiterals;
using sip::ConnectionManager;
using testsupport::SipEventRecorder;

class tst_SipKamailio : public QObject {
    Q_OBJECT
    SIP_KAMAILIO_FIXTURE

private Q_SLOTS:
    void init() { startKamailio(); }
    void cleanup() { stopKamailio(); }

    void connectWithoutRegister() { // §5.2, then §5.7 unregistered
        ConnectionManager m(sipfixture::fastOptions());
        SipEventRecorder rec(m);
        m.connectTo(sipfixture::params(*m_kam, u"alice"_s, false));
        QVERIFY(rec.waitFor(u"connect-succeeded"_s, 10000) >= 0);
        QCOMPARE(rec.names(),
                 (QStringList{u"connect-started"_s, u"connect-parameters-resolve-success"_s,
                              u"connecting"_s, u"connected-with-configuration"_s, u"connected"_s,
                              u"connect-succeeded"_s}));
        QCOMPARE(rec.states(), (QStringList{u"connection:preparing"_s, u"connection:connecting"_s,
                                            u"connection:established"_s}));
        const QJsonObject connecting = rec.entries().at(2).payload;
        QCOMPARE(connecting.value(u"attempts"_s).toInt(), 0);
        QCOMPARE(connecting.value(u"socket"_s).toObject().value(u"via_transport"_s).toString(),
                 u"WS"_s);
        QCOMPARE(rec.entries().at(3).state, u"connection:established"_s); // state first (§5.1)
        const QJsonObject cfg = rec.entries().last().payload;
        QCOMPARE(cfg.value(u"register"_s).toBool(), false);
        const int anon = cfg.value(u"authorizationUser"_s).toString().toInt();
        QVERIFY2(anon >= 100000 && anon < 99999999, qPrintable(QString::number(anon)));
        QVERIFY(m.isTransportConnected());

        rec.clear();
        m.disconnectFromServer();
        QVERIFY(rec.waitFor(u"disconnected"_s, 5000) >= 0);
        QTRY_VERIFY(m.isIdle());
        QCOMPARE(rec.names(), (QStringList{u"disconnecting"_s, u"disconnected"_s}));
        QCOMPARE(rec.entries().last().payload.value(u"error"_s).toBool(), false);
        QVERIFY(!m.connectionConfiguration().has_value());
    }

    void connectWithRegisterAndDisconnect() { // §5.3 + §5.7
        ConnectionManager m(sipfixture::fastOptions());
        SipEventRecorder rec(m);
        m.connectTo(sipfixture::params(*m_kam, u"alice"_s));
        QVERIFY(rec.waitFor(u"connect-succeeded"_s, 10000) >= 0);
        QCOMPARE(rec.names(),
                 (QStringList{u"connect-started"_s, u"connect-parameters-resolve-success"_s,
                              u"connecting"_s, u"connected-with-configuration"_s, u"connected"_s,
                              u"registered"_s, u"connect-succeeded"_s}));
        QCOMPARE(rec.states(),
                 (QStringList{u"connection:preparing"_s, u"connection:connecting"_s,
                              u"connection:connected"_s, u"connection:established"_s}));
        const QJsonObject reg = rec.entries().at(5).payload;
        QCOMPARE(reg.value(u"response"_s).toObject().value(u"statusCode"_s).toInt(), 200);
        QCOMPARE(rec.entries().last().payload.value(u"authorizationUser"_s).toString(), u"alice"_s);
        QVERIFY(m.isRegistered());
        const QString dump = m_kam->kamcmd({u"ul.dump"_s});
        QVERIFY2(dump.contains(u"alice"_s), qPrintable(dump));

        rec.clear();
        m.disconnectFromServer();
        QVERIFY(rec.waitFor(u"disconnected"_s, 5000) >= 0);
        QTRY_VERIFY(m.isIdle());
        QCOMPARE(rec.names(),
                 (QStringList{u"disconnecting"_s, u"unregistered"_s, u"disconnected"_s}));
        const QJsonObject unreg = rec.entries().at(1).payload;
        QCOMPARE(unreg.value(u"response"_s).toObject().value(u"statusCode"_s).toInt(), 200);
        QVERIFY(unreg.value(u"cause"_s).isNull());
        QCOMPARE(rec.states(), (QStringList{u"connection:disconnecting"_s,
                                            u"connection:disconnected"_s, u"connection:idle"_s}));
        const QString after = m_kam->kamcmd({u"ul.dump"_s});
        QVERIFY2(!after.contains(u"alice"_s), qPrintable(after));
    }

    void wrongPassword() { // §5.5
        ConnectionManager m(sipfixture::fastOptions());
        SipEventRecorder rec(m);
        auto p = sipfixture::params(*m_kam, u"alice"_s);
        p.password = u"not-the-password"_s;
        m.connectTo(p);
        QVERIFY(rec.waitFor(u"connect-failed"_s, 10000) >= 0);
        QVERIFY(rec.waitFor(u"disconnected"_s, 5000) >= 0);
        QTRY_VERIFY(m.isIdle());
        QCOMPARE(rec.names(),
                 (QStringList{u"connect-started"_s, u"connect-parameters-resolve-success"_s,
                              u"connecting"_s, u"connected-with-configuration"_s, u"connected"_s,
                              u"registrationFailed"_s, u"connect-failed"_s, u"disconnecting"_s,
                              u"disconnected"_s}));
        const QJsonObject failed = rec.entries().at(5).payload;
        QCOMPARE(failed.value(u"cause"_s).toString(), u"Authentication Error"_s);
        QCOMPARE(failed.value(u"response"_s).toObject().value(u"statusCode"_s).toInt(), 401);
        QCOMPARE(rec.entries().at(6).payload, failed); // connect-failed carries the same object
        QCOMPARE(rec.entries().at(5).state, u"connection:disconnected"_s);
        QCOMPARE(rec.entries().at(7).state, u"connection:disconnected"_s); // §5.5: unchanged
        QCOMPARE(rec.entries().at(8).payload.value(u"error"_s).toBool(), false);
        QVERIFY(!m.isRegistered());
    }

    void serverUnreachable() { // §5.6
        ConnectionManager m(sipfixture::fastOptions());
        SipEventRecorder rec(m);
        auto p = sipfixture::params(*m_kam, u"alice"_s);
        p.sipServerUrl = u"ws://127.0.0.1:%1/"_s.arg(testsupport::KamailioTestbed::freePort());
        m.connectTo(p);
        QVERIFY(rec.waitFor(u"connect-failed"_s, 10000) >= 0);
        QTRY_VERIFY(m.isIdle());
        QCOMPARE(rec.names(),
                 (QStringList{u"connect-started"_s, u"connect-parameters-resolve-success"_s,
                              u"connecting"_s, u"disconnected"_s, u"connect-failed"_s,
                              u"disconnecting"_s, u"disconnected"_s}));
        const QJsonObject first = rec.entries().at(3).payload;
        QCOMPARE(first.value(u"error"_s).toBool(), true);
        QVERIFY(!first.value(u"reason"_s).toString().isEmpty());
        QCOMPARE(rec.entries().at(4).payload, first);
        QCOMPARE(rec.entries().at(6).payload.value(u"error"_s).toBool(), false);
        // one attempt only (§7.1): nothing more happens
        QTest::qWait(2500);
        QCOMPARE(rec.names().size(), 7);
    }

    void refusedHandshake() { // §5.6 with ws.disable (HTTP 503)
        m_kam->kamcmd({u"ws.disable"_s});
        ConnectionManager m(sipfixture::fastOptions());
        SipEventRecorder rec(m);
        m.connectTo(sipfixture::params(*m_kam, u"alice"_s));
        QVERIFY(rec.waitFor(u"connect-failed"_s, 10000) >= 0);
        QTRY_VERIFY(m.isIdle());
        QCOMPARE(rec.names(),
                 (QStringList{u"connect-started"_s, u"connect-parameters-resolve-success"_s,
                              u"connecting"_s, u"disconnected"_s, u"connect-failed"_s,
                              u"disconnecting"_s, u"disconnected"_s}));
        const QString reason = rec.entries().at(3).payload.value(u"reason"_s).toString();
        QVERIFY2(reason.contains(u"503"_s), qPrintable(reason));
    }

    void connectWhileConnected() { // §5.8
        ConnectionManager m(sipfixture::fastOptions());
        SipEventRecorder rec(m);
        m.connectTo(sipfixture::params(*m_kam, u"alice"_s));
        QVERIFY(rec.waitFor(u"connect-succeeded"_s, 10000) >= 0);
        rec.clear();
        m.connectTo(sipfixture::params(*m_kam, u"alice"_s));
        QVERIFY(rec.waitFor(u"connect-succeeded"_s, 10000) >= 0);
        QCOMPARE(rec.names(),
                 (QStringList{u"disconnecting"_s, u"unregistered"_s, u"disconnected"_s,
                              u"connect-started"_s, u"connect-parameters-resolve-success"_s,
                              u"connecting"_s, u"connected-with-configuration"_s, u"connected"_s,
                              u"registered"_s, u"connect-succeeded"_s}));
        QVERIFY(rec.states().contains(u"connection:idle"_s));
        QCOMPARE(m.connectionState(), u"connection:established"_s);
    }

    void registerExpiresTooBrief() { // §8.4: 423 -> re-send with Min-Expires
        ConnectionManager m(sipfixture::fastOptions());
        SipEventRecorder rec(m);
        auto p = sipfixture::params(*m_kam, u"alice"_s);
        p.registerExpires = 5; // the testbed's minimum is 10
        m.connectTo(p);
        QVERIFY(rec.waitFor(u"connect-succeeded"_s, 10000) >= 0);
        QVERIFY(!rec.names().contains(u"registrationFailed"_s));
        const QString raw = rec.entries()
                                .at(rec.indexOf(u"registered"_s))
                                .payload.value(u"response"_s)
                                .toObject()
                                .value(u"raw"_s)
                                .toString();
        QVERIFY2(raw.contains(u"expires=10"_s), qPrintable(raw));
    }

    void tryRegisterReRegisters() { // §2.1
        ConnectionManager m(sipfixture::fastOptions());
        SipEventRecorder rec(m);
        m.connectTo(sipfixture::params(*m_kam, u"alice"_s));
        QVERIFY(rec.waitFor(u"connect-succeeded"_s, 10000) >= 0);
        rec.clear();
        m.tryRegister();
        QVERIFY(rec.waitFor(u"registered"_s, 5000) >= 0);
        QCOMPARE(rec.names(), (QStringList{u"unregistered"_s, u"registered"_s}));
        QCOMPARE(m.connectionState(), u"connection:established"_s);
        QVERIFY(m.isRegistered());
    }

    void checkTelephony() { // §2.1: throw-away UA, its events are not forwarded
        ConnectionManager m(sipfixture::fastOptions());
        SipEventRecorder rec(m);
        int ok = -1;
        QString error;
        m.checkTelephony(sipfixture::params(*m_kam, u"alice"_s),
                         [&ok, &error](bool result, const QString& e) {
                             ok = result ? 1 : 0;
                             error = e;
                         });
        QTRY_COMPARE_WITH_TIMEOUT(ok, 1, 5000);
        QVERIFY(error.isEmpty());
        m_kam->kamcmd({u"ws.disable"_s});
        ok = -1;
        m.checkTelephony(sipfixture::params(*m_kam, u"alice"_s),
                         [&ok, &error](bool result, const QString& e) {
                             ok = result ? 1 : 0;
                             error = e;
                         });
        QTRY_COMPARE_WITH_TIMEOUT(ok, 0, 5000);
        QCOMPARE(error, u"Telephony is not available"_s);
        QVERIFY(rec.names().isEmpty());
        QVERIFY(m.isIdle());
    }

    void secureWebSocket() { // wss:// (§3.3, §8.1): certificate checked, never ignored
        m_kam = std::make_unique<testsupport::KamailioTestbed>();
        QVERIFY2(m_kam->start(10, true), qPrintable(m_kam->error()));
        auto p = sipfixture::params(*m_kam, u"alice"_s);
        p.sipServerUrl = u"wss://127.0.0.1:%1/webrtc/wss/"_s.arg(m_kam->wssPort());
        {
            ConnectionManager untrusted(sipfixture::fastOptions());
            SipEventRecorder rec(untrusted);
            untrusted.connectTo(p);
            const int failed = rec.waitFor(u"connect-failed"_s, 10000);
            QVERIFY(failed >= 0);
            QCOMPARE(rec.entries().at(failed).payload.value(u"error"_s).toBool(), true);
            QTRY_VERIFY(untrusted.isIdle());
        }
        auto options = sipfixture::fastOptions();
        options.caCertificates = QSslCertificate::fromPath(m_kam->certificatePath());
        QCOMPARE(options.caCertificates.size(), 1);
        ConnectionManager m(options);
        SipEventRecorder rec(m);
        m.connectTo(p);
        QVERIFY(rec.waitFor(u"connect-succeeded"_s, 10000) >= 0);
        QVERIFY(rec.names().contains(u"registered"_s));
        const QJsonObject socket =
            rec.entries().at(rec.indexOf(u"connected"_s)).payload.value(u"socket"_s).toObject();
        QCOMPARE(socket.value(u"via_transport"_s).toString(), u"WSS"_s);
        QVERIFY(socket.value(u"url"_s).toString().startsWith(u"wss://"_s));
    }

    void pingOwnAor() { // §8.8
        ConnectionManager m(sipfixture::fastOptions());
        SipEventRecorder rec(m);
        m.connectTo(sipfixture::params(*m_kam, u"alice"_s));
        QVERIFY(rec.waitFor(u"connect-succeeded"_s, 10000) >= 0);
        int result = -1;
        m.ping([&result](bool ok, const QJsonObject&) { result = ok ? 1 : 0; });
        QTRY_COMPARE_WITH_TIMEOUT(result, 1, 5000);
    }
};

QTEST_GUILESS_MAIN(tst_SipKamailio)
#include "tst_SipKamailio.moc"
