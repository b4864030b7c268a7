// Mid-call features through the real loopback Kamailio (issue #5, spec §8.9): hold and unhold
// by re-INVITE and DTMF by INFO between two Callboard user agents, and blind transfer by
// REFER of a baresip peer, with the NOTIFY progress (RFC 3515) reaching the transferor.
#include "SipKamailioFixture.h"
#include "sip/RtcSession.h"

#include <QSignalSpy>

using namespace Qt::Literals::StringLiterals;
using sip::ConnectionManager;
using sip::RtcSession;
using testsupport::SipEventRecorder;

class tst_SipKamailioMidCall : public QObject {
    Q_OBJECT
    SIP_KAMAILIO_FIXTURE

private Q_SLOTS:
    void init() { startKamailio(); }
    void cleanup() { stopKamailio(); }

    void holdResumeAndDtmfBetweenTwoUserAgents() {
        ConnectionManager alice(sipfixture::fastOptions());
        ConnectionManager bob(sipfixture::fastOptions());
        SipEventRecorder ra(alice);
        SipEventRecorder rb(bob);
        QVERIFY(connectUser(alice, ra, u"alice"_s));
        QVERIFY(connectUser(bob, rb, u"bob"_s));
        QStringList answered;
        sipfixture::autoAnswer(bob, answered);
        const QString id = alice.call(u"bob"_s);
        RtcSession* call = alice.session(id);
        QVERIFY(call);
        QTRY_COMPARE_WITH_TIMEOUT(call->state(), RtcSession::State::Confirmed, 8000);
        QCOMPARE(answered.size(), 1);
        RtcSession* atBob = bob.session(answered.first());
        QVERIFY(atBob);
        QTRY_COMPARE_WITH_TIMEOUT(atBob->state(), RtcSession::State::Confirmed, 5000); // ACK

        QSignalSpy hold(call, &RtcSession::holdChanged);
        QVERIFY(call->hold());
        QTRY_COMPARE_WITH_TIMEOUT(hold.size(), 1, 5000);
        QCOMPARE(hold.at(0).at(0).toString(), u"local"_s);
        QVERIFY(hold.at(0).at(1).toBool());
        QVERIFY(call->unhold());
        QTRY_COMPARE_WITH_TIMEOUT(hold.size(), 2, 5000);
        QVERIFY(!hold.at(1).at(1).toBool());

        QSignalSpy tones(atBob, &RtcSession::newDtmf);
        QVERIFY(call->sendDtmf(u"1#9"_s));
        QTRY_COMPARE_WITH_TIMEOUT(tones.size(), 3, 5000);
        QCOMPARE(tones.at(0).at(1).toString(), u"1"_s);
        QCOMPARE(tones.at(1).at(1).toString(), u"#"_s);
        QCOMPARE(tones.at(2).at(1).toString(), u"9"_s);
        QCOMPARE(tones.at(2).at(0).toString(), u"remote"_s);

        QSignalSpy ended(call, &RtcSession::ended);
        QVERIFY(atBob->terminate()); // BYE from bob's side
        QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 5000);
        QCOMPARE(ended.at(0).at(0).toString(), u"remote"_s);
        QCOMPARE(ended.at(0).at(1).toString(), u"Terminated"_s);
    }

    void blindTransferOfABaresipPeer() {
        sipfixture::BaresipPeer dave;
        QVERIFY2(dave.start(*m_kam, u"dave"_s, {u"--auto-answer"_s}), qPrintable(dave.output()));
        ConnectionManager alice(sipfixture::fastOptions());
        ConnectionManager bob(sipfixture::fastOptions());
        SipEventRecorder ra(alice);
        SipEventRecorder rb(bob);
        QVERIFY(connectUser(alice, ra, u"alice"_s));
        QVERIFY(connectUser(bob, rb, u"bob"_s));
        QStringList answeredByBob;
        sipfixture::autoAnswer(bob, answeredByBob);

        RtcSession* call = alice.session(alice.call(u"dave"_s));
        QVERIFY(call);
        QTRY_COMPARE_WITH_TIMEOUT(call->state(), RtcSession::State::Confirmed, 10000);
        QStringList events;
        connect(call, &RtcSession::referEvent, this,
                [&events](const QString& e, int code, const QString&) {
                    events.append(u"%1:%2"_s.arg(e).arg(code));
                });
        QVERIFY(call->refer(u"bob"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!events.isEmpty() && (events.last().startsWith(u"accepted"_s) ||
                                                       events.last().contains(u"ailed"_s)),
                                 15000);
        QVERIFY2(events.first().startsWith(u"requestSucceeded:202"_s),
                 qPrintable(events.join(u',')));
        QVERIFY2(events.last() == u"accepted:200"_s, qPrintable(events.join(u',') + dave.output()));
        // bob really got dave's call (From: dave) and answered it
        QCOMPARE(answeredByBob.size(), 1);
        const int in = rb.indexOf(u"newRTCSession"_s);
        QCOMPARE(
            rb.entries().at(in).payload.value(u"request"_s).toObject().value(u"from"_s).toString(),
            u"sip:dave@sip.test"_s);
        QVERIFY(call->terminate()); // the transferor leaves (SipBinding does this itself)
    }

    void transferToAnUnknownUserFails() {
        sipfixture::BaresipPeer dave;
        QVERIFY2(dave.start(*m_kam, u"dave"_s, {u"--auto-answer"_s}), qPrintable(dave.output()));
        ConnectionManager alice(sipfixture::fastOptions());
        SipEventRecorder ra(alice);
        QVERIFY(connectUser(alice, ra, u"alice"_s));
        RtcSession* call = alice.session(alice.call(u"dave"_s));
        QVERIFY(call);
        QTRY_COMPARE_WITH_TIMEOUT(call->state(), RtcSession::State::Confirmed, 10000);
        QStringList events;
        connect(call, &RtcSession::referEvent, this,
                [&events](const QString& e, int code, const QString&) {
                    events.append(u"%1:%2"_s.arg(e).arg(code));
                });
        QVERIFY(call->refer(u"nobody"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!events.isEmpty() &&
                                     (events.last().startsWith(u"failed"_s) ||
                                      events.last().startsWith(u"requestFailed"_s)),
                                 15000);
        QVERIFY2(events.last().endsWith(u":404"_s) || events.last().endsWith(u":480"_s),
                 qPrintable(events.join(u',')));
        QCOMPARE(call->state(), RtcSession::State::Confirmed); // the call is still there
    }
};

QTEST_GUILESS_MAIN(tst_SipKamailioMidCall)
#include "tst_SipKamailioMidCall.moc"
