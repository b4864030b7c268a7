// Transport recovery (spec §5.9, §7.2, §7.3) and registration-refresh failure (§5.11) of
// sip::ConnectionManager against the real loopback Kamailio.
#include "SipKamailioFixture.h"

#include <QElapsedTimer>

using namespace Qt::Literals::StringLiterals;
using sip::ConnectionManager;
using testsupport::SipEventRecorder;

class tst_SipKamailioRecovery : public QObject {
    Q_OBJECT
    SIP_KAMAILIO_FIXTURE

private Q_SLOTS:
    void init() { startKamailio(); }
    void cleanup() { stopKamailio(); }

    // ws.close (clean 1000) while handshakes are refused for 10 s, then ws.enable: §5.9 with one
    // `disconnected` and one timer per failed attempt (§7.3 decision).
    void serverCloseThenRecovery() {
        ConnectionManager m(sipfixture::fastOptions());
        SipEventRecorder rec(m);
        m.connectTo(sipfixture::params(*m_kam, u"alice"_s)); // min/max 2/6 s
        QVERIFY(rec.waitFor(u"connect-succeeded"_s, 10000) >= 0);
        const int id = m_kam->firstWsConnectionId();
        QVERIFY(id >= 0);
        rec.clear();
        QElapsedTimer disabledFor;
        disabledFor.start();
        m_kam->kamcmd({u"ws.disable"_s});
        m_kam->kamcmd({u"ws.close"_s, QString::number(id)});
        QVERIFY(rec.waitFor(u"unregistered"_s, 5000) >= 0);
        QCOMPARE(rec.names().mid(0, 2), (QStringList{u"disconnected"_s, u"unregistered"_s}));
        const QJsonObject closed = rec.entries().at(0).payload;
        QCOMPARE(closed.value(u"error"_s).toBool(), false);
        QCOMPARE(closed.value(u"code"_s).toInt(), 1000);
        QCOMPARE(rec.entries().at(1).payload, QJsonObject()); // lost with the transport: {}
        QCOMPARE(m.connectionState(), u"connection:disconnected"_s);

        // handshakes refused for 10 s, then the server comes back
        QTest::qWait(static_cast<int>(qMax<qint64>(0, 10000 - disabledFor.elapsed())));
        m_kam->kamcmd({u"ws.enable"_s});
        const qint64 enabledAt = rec.entries().last().atMs + 1;
        QList<int> tries; // the `connecting` entries while refused
        for (int k = 0; k < rec.entries().size(); ++k) {
            if (rec.entries().at(k).name == u"connecting"_s &&
                rec.entries().at(k).atMs < enabledAt) {
                tries.append(k);
            }
        }
        QVERIFY2(tries.size() >= 2, qPrintable(rec.names().join(u',')));
        const int first = tries.at(0);
        const int registered = rec.waitFor(u"registered"_s, 10000, tries.last());
        QVERIFY2(registered >= 0, qPrintable(rec.names().join(u',')));

        const auto& e = rec.entries();
        for (qsizetype n = 0; n < tries.size(); ++n) {
            QCOMPARE(e.at(tries.at(n)).payload.value(u"attempts"_s).toInt(), n + 1);
            // attempt 1 waits exactly min (k in 1..2 clamped to 2 s); later ones 2..6 s (§7.2)
            const qint64 gap = e.at(tries.at(n)).atMs - e.at(n == 0 ? 0 : tries.at(n - 1) + 1).atMs;
            QVERIFY2(gap >= 1900 && gap <= (n == 0 ? 3500 : 6600),
                     qPrintable(u"attempt %1 after %2 ms"_s.arg(n + 1).arg(gap)));
        }
        // exactly one `disconnected` per failed attempt
        QCOMPARE(rec.names().mid(first, 2), (QStringList{u"connecting"_s, u"disconnected"_s}));
        QCOMPARE(e.at(first + 1).payload.value(u"error"_s).toBool(), true);
        QVERIFY(e.at(first + 1).payload.value(u"reason"_s).toString().contains(u"503"_s));
        // back within one max interval (+ slack for handshake, REGISTER and a loaded CI box)
        // after ws.enable
        QVERIFY2(e.at(registered).atMs - enabledAt <= 6000 + 3000,
                 qPrintable(QString::number(e.at(registered).atMs - enabledAt)));
        const QStringList tail = rec.names().mid(registered - 3, 4);
        QCOMPARE(tail, (QStringList{u"connecting"_s, u"connected-with-configuration"_s,
                                    u"connected"_s, u"registered"_s}));
        for (const QString& synthetic :
             {u"connect-started"_s, u"connect-succeeded"_s, u"connect-failed"_s}) {
            QVERIFY(!rec.names().contains(synthetic));
        }
        QCOMPARE(m.connectionState(), u"connection:established"_s);
        QVERIFY(m.isRegistered());
    }

    // §7.1: a refused first handshake (ws.disable: HTTP 503) is tried again with
    // numberOfConnectionAttempts, and the connect succeeds once the server takes handshakes.
    void refusedFirstHandshakeIsRetried() {
        sip::ConnectionManagerOptions o = sipfixture::fastOptions();
        o.numberOfConnectionAttempts = 3;
        ConnectionManager m(o);
        SipEventRecorder rec(m);
        m_kam->kamcmd({u"ws.disable"_s});
        m.connectTo(sipfixture::params(*m_kam, u"alice"_s));
        QVERIFY(rec.waitFor(u"disconnected"_s, 5000) >= 0);
        m_kam->kamcmd({u"ws.enable"_s});
        QVERIFY2(rec.waitFor(u"connect-succeeded"_s, 10000) >= 0,
                 qPrintable(rec.names().join(u',')));
        QCOMPARE(rec.names(),
                 (QStringList{u"connect-started"_s, u"connect-parameters-resolve-success"_s,
                              u"connecting"_s, u"disconnected"_s, u"connecting"_s,
                              u"connected-with-configuration"_s, u"connected"_s, u"registered"_s,
                              u"connect-succeeded"_s}));
        QVERIFY(rec.entries().at(3).payload.value(u"reason"_s).toString().contains(u"503"_s));
        QVERIFY(m.isRegistered());
    }

    // §8.4: the refresh goes out before expiry (granted 10 s -> after 5 s) and a successful
    // refresh does not re-emit `registered`.
    void refreshIsSilent() {
        ConnectionManager m(sipfixture::fastOptions());
        SipEventRecorder rec(m);
        auto p = sipfixture::params(*m_kam, u"alice"_s);
        p.registerExpires = 10;
        m.connectTo(p);
        QVERIFY(rec.waitFor(u"connect-succeeded"_s, 10000) >= 0);
        rec.clear();
        const auto saves = [this] {
            return m_kam->logTail(200000).count(u"REGISTER sip:alice@sip.test contact="_s);
        };
        QCOMPARE(saves(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(saves(), 2, 8000);
        QTest::qWait(200);
        QVERIFY2(rec.names().isEmpty(), qPrintable(rec.names().join(u',')));
        QCOMPARE(m.connectionState(), u"connection:established"_s);
        QVERIFY(m.isRegistered());
    }

    // §5.11: the refresh is rejected after a live password change; decision: the manager
    // restarts the transport after the back-off and registers again on its own.
    void registrationRefreshFailureRecovers() {
        ConnectionManager m(sipfixture::fastOptions());
        SipEventRecorder rec(m);
        auto p = sipfixture::params(*m_kam, u"alice"_s);
        p.registerExpires = 10; // refresh after 5 s
        m.connectTo(p);
        QVERIFY(rec.waitFor(u"connect-succeeded"_s, 10000) >= 0);
        rec.clear();
        m_kam->kamcmd({u"htable.sets"_s, u"users"_s, u"alice"_s, u"changed-on-server"_s});
        const int failed = rec.waitFor(u"registrationFailed"_s, 9000);
        QVERIFY(failed >= 0);
        QCOMPARE(rec.names().mid(failed, 2),
                 (QStringList{u"registrationFailed"_s, u"unregistered"_s}));
        const QJsonObject payload = rec.entries().at(failed).payload;
        QCOMPARE(payload.value(u"cause"_s).toString(), u"Authentication Error"_s);
        QCOMPARE(payload.value(u"response"_s).toObject().value(u"statusCode"_s).toInt(), 401);
        QCOMPARE(rec.entries().at(failed + 1).payload, payload);
        QCOMPARE(m.connectionState(), u"connection:disconnected"_s);
        QVERIFY(m.isTransportConnected()); // §6.4: usable-state vs socket

        m_kam->kamcmd({u"htable.sets"_s, u"users"_s, u"alice"_s, u"alice-secret"_s});
        const int back = rec.waitFor(u"registered"_s, 9000, failed);
        QVERIFY2(back >= 0, qPrintable(rec.names().join(u',')));
        QCOMPARE(rec.names().mid(failed + 2),
                 (QStringList{u"disconnected"_s, u"connecting"_s, u"connected-with-configuration"_s,
                              u"connected"_s, u"registered"_s}));
        QCOMPARE(rec.entries().at(failed + 2).payload.value(u"error"_s).toBool(), false);
        QCOMPARE(rec.entries().at(failed + 3).payload.value(u"attempts"_s).toInt(), 1);
        const qint64 wait = rec.entries().at(failed + 3).atMs - rec.entries().at(failed).atMs;
        QVERIFY2(wait >= 1900 && wait <= 3500, qPrintable(QString::number(wait)));
        QCOMPARE(m.connectionState(), u"connection:established"_s);
    }
};

QTEST_GUILESS_MAIN(tst_SipKamailioRecovery)
#include "tst_SipKamailioRecovery.moc"
