// Calls through the real loopback Kamailio (spec §8.9, issue #5): alice calls bob (a second
// Callboard manager) who rings and rejects; alice calls a baresip UDP peer that answers, then
// hangs up (BYE); alice cancels a ringing call (CANCEL/487); baresip calls alice.
#include "SipKamailioFixture.h"

#include "sip/PlaceholderSdp.h"
#include "sip/RtcSession.h"

#include <QSignalSpy>

#include <QProcess>

using namespace Qt::Literals::StringLiterals;
using sip::ConnectionManager;
using testsupport::SipEventRecorder;

namespace {

struct CallLog {
    QStringList steps; ///< "progress:180", "accepted", "ended:<originator>:<cause>:<code>"
    void attach(ConnectionManager& m) {
        QObject::connect(&m, &ConnectionManager::callProgress, &m,
                         [this](const QString&, int code, const QString&) {
                             steps.append(u"progress:%1"_s.arg(code));
                         });
        QObject::connect(
            &m, &ConnectionManager::callAccepted, &m,
            [this](const QString&, const QJsonObject&) { steps.append(u"accepted"_s); });
        QObject::connect(
            &m, &ConnectionManager::callEnded, &m,
            [this](const QString&, const QString& who, const QString& cause, int code) {
                steps.append(u"ended:%1:%2:%3"_s.arg(who, cause).arg(code));
            });
    }
    bool ended() const { return !steps.isEmpty() && steps.last().startsWith(u"ended:"_s); }
};

} // namespace

class tst_SipKamailioCalls : public QObject {
    Q_OBJECT
    SIP_KAMAILIO_FIXTURE

    std::unique_ptr<sipfixture::BaresipPeer> m_baresip;

    bool startBaresip(const QString& user, const QStringList& extra) {
        m_baresip = std::make_unique<sipfixture::BaresipPeer>();
        return m_baresip->start(*m_kam, user, extra);
    }
    QString baresipOutput() { return m_baresip ? m_baresip->output() : QString(); }

private Q_SLOTS:
    void init() { startKamailio(); }
    void cleanup() {
        if (m_baresip) {
            if (QTest::currentTestFailed()) {
                qWarning().noquote() << "baresip output:\n" << baresipOutput();
            }
            m_baresip.reset();
        }
        stopKamailio();
    }

    void aliceCallsBobWhoRingsAndRejects() {
        ConnectionManager alice(sipfixture::fastOptions());
        ConnectionManager bob(sipfixture::fastOptions());
        SipEventRecorder ra(alice);
        SipEventRecorder rb(bob);
        QVERIFY(connectUser(alice, ra, u"alice"_s));
        QVERIFY(connectUser(bob, rb, u"bob"_s));
        ra.clear();
        rb.clear();
        CallLog log;
        log.attach(alice);
        const QString id = alice.call(u"bob"_s);
        QVERIFY(!id.isEmpty());
        QCOMPARE(ra.names(), QStringList{u"newRTCSession"_s}); // before the INVITE leaves
        QCOMPARE(ra.entries().at(0).payload.value(u"originator"_s).toString(), u"local"_s);
        const int in = rb.waitFor(u"newRTCSession"_s, 8000);
        QVERIFY(in >= 0);
        QCOMPARE(rb.entries().at(in).payload.value(u"originator"_s).toString(), u"remote"_s);
        QTRY_VERIFY_WITH_TIMEOUT(log.steps.contains(u"progress:180"_s), 8000);
        sip::RtcSession* atBob = bob.session(rb.entries().at(in).payload.value(u"id"_s).toString());
        QVERIFY(atBob);
        QVERIFY(atBob->reject(486, u"Busy Here"_s));
        QTRY_VERIFY_WITH_TIMEOUT(log.ended(), 8000);
        QCOMPARE(log.steps, (QStringList{u"progress:180"_s, u"ended:remote:Busy:486"_s}));
        QCOMPARE(alice.connectionState(), u"connection:established"_s);
        QCOMPARE(bob.connectionState(), u"connection:established"_s);
    }

    void aliceCallsBaresipAndHangsUp() {
        QVERIFY2(startBaresip(u"dave"_s, {u"--auto-answer"_s}), qPrintable(baresipOutput()));
        ConnectionManager alice(sipfixture::fastOptions());
        SipEventRecorder ra(alice);
        QVERIFY(connectUser(alice, ra, u"alice"_s));
        CallLog log;
        log.attach(alice);
        const QString id = alice.call(u"dave"_s);
        QVERIFY(!id.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(log.steps.contains(u"accepted"_s) || log.ended(), 10000);
        QVERIFY2(log.steps.contains(u"accepted"_s), qPrintable(log.steps.join(u',')));
        QTest::qWait(500);
        QVERIFY(!log.ended()); // the ACK was taken: no BYE/timeout from the peer
        QVERIFY(alice.hangUp(id));
        QCOMPARE(log.steps.last(), u"ended:local:Terminated:0"_s);
        // baresip saw the BYE (its "call closed"/"terminated" line)
        QDeadlineTimer deadline(5000);
        QString out = baresipOutput();
        while (!deadline.hasExpired() && !out.contains(u"closed"_s, Qt::CaseInsensitive) &&
               !out.contains(u"terminated"_s, Qt::CaseInsensitive)) {
            QTest::qWait(100);
            out = baresipOutput();
        }
        QVERIFY2(out.contains(u"closed"_s, Qt::CaseInsensitive) ||
                     out.contains(u"terminated"_s, Qt::CaseInsensitive),
                 qPrintable(out));
        QVERIFY(!alice.hangUp(id)); // gone
    }

    void aliceCancelsARingingCall() {
        QVERIFY2(startBaresip(u"dave"_s, {}), qPrintable(baresipOutput())); // rings, no answer
        ConnectionManager alice(sipfixture::fastOptions());
        SipEventRecorder ra(alice);
        QVERIFY(connectUser(alice, ra, u"alice"_s));
        CallLog log;
        log.attach(alice);
        const QString id = alice.call(u"dave"_s);
        QTRY_VERIFY_WITH_TIMEOUT(log.steps.contains(u"progress:180"_s) || log.ended(), 10000);
        QVERIFY2(log.steps.contains(u"progress:180"_s), qPrintable(log.steps.join(u',')));
        QVERIFY(alice.hangUp(id));
        QTRY_VERIFY_WITH_TIMEOUT(log.ended(), 8000);
        QCOMPARE(log.steps.last(), u"ended:local:Canceled:487"_s);
    }

    void baresipCallsAlice() {
        ConnectionManager alice(sipfixture::fastOptions());
        SipEventRecorder ra(alice);
        QVERIFY(connectUser(alice, ra, u"alice"_s));
        QVERIFY2(startBaresip(u"carol"_s, {u"--dial"_s, u"sip:alice@sip.test"_s}),
                 qPrintable(baresipOutput()));
        const int i = ra.waitFor(u"newRTCSession"_s, 10000);
        QVERIFY2(i >= 0, qPrintable(baresipOutput()));
        const QJsonObject req = ra.entries().at(i).payload.value(u"request"_s).toObject();
        QCOMPARE(req.value(u"method"_s).toString(), u"INVITE"_s);
        QCOMPARE(req.value(u"from"_s).toString(), u"sip:carol@sip.test"_s);
        QCOMPARE(req.value(u"contentType"_s).toString(), u"application/sdp"_s);
        // alice answers: baresip reports the established call; alice hangs up.
        sip::RtcSession* call = alice.session(ra.entries().at(i).payload.value(u"id"_s).toString());
        QVERIFY(call);
        QTRY_COMPARE_WITH_TIMEOUT(call->state(), sip::RtcSession::State::WaitingForAnswer, 3000);
        QVERIFY(call->answer());
        QTRY_COMPARE_WITH_TIMEOUT(call->state(), sip::RtcSession::State::Confirmed, 5000); // ACK
        QVERIFY2(m_baresip->waitOutput(u"established"_s, 5000), qPrintable(baresipOutput()));
        QSignalSpy ended(call, &sip::RtcSession::ended);
        QVERIFY(call->terminate());
        QCOMPARE(ended.size(), 1);
        QVERIFY2(m_baresip->waitOutput(u"closed"_s, 5000) ||
                     m_baresip->waitOutput(u"terminated"_s, 100),
                 qPrintable(baresipOutput()));
    }
};

QTEST_GUILESS_MAIN(tst_SipKamailioCalls)
#include "tst_SipKamailioCalls.moc"
