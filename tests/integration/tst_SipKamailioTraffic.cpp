// Traffic while established (spec §5.12, §8.6, §8.7, §8.9) through the real loopback Kamailio:
// alice and bob exchange MESSAGE; an out-of-dialog NOTIFY and an INVITE injected over UDP
// from a foreign domain reach alice as sipEvent / newRTCSession.
#include "SipKamailioFixture.h"
#include "sip/RtcSession.h"

using namespace Qt::Literals::StringLiterals;
using sip::ConnectionManager;
using testsupport::SipEventRecorder;

class tst_SipKamailioTraffic : public QObject {
    Q_OBJECT
    SIP_KAMAILIO_FIXTURE

private Q_SLOTS:
    void init() { startKamailio(); }
    void cleanup() { stopKamailio(); }

    void aliceAndBobExchangeMessages() {
        ConnectionManager alice(sipfixture::fastOptions());
        ConnectionManager bob(sipfixture::fastOptions());
        SipEventRecorder ra(alice);
        SipEventRecorder rb(bob);
        QVERIFY(connectUser(alice, ra, u"alice"_s));
        QVERIFY(connectUser(bob, rb, u"bob"_s));
        ra.clear();
        rb.clear();

        QList<std::pair<QString, bool>> finished;
        connect(&alice, &ConnectionManager::messageFinished, this,
                [&finished](const QString& id, bool ok, const QJsonObject&) {
                    finished.append({id, ok});
                });
        const QString id = alice.sendMessage(u"bob"_s, u"hello bob, ünïcode"_s);
        QVERIFY(!id.isEmpty());
        // newMessage(local) is emitted synchronously, before the request leaves (§5.12)
        QCOMPARE(ra.names(), QStringList{u"newMessage"_s});
        QCOMPARE(ra.entries().at(0).payload.value(u"originator"_s).toString(), u"local"_s);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 8000);
        QCOMPARE(finished.at(0), std::make_pair(id, true)); // 407 -> retry -> 200

        const int in = rb.waitFor(u"newMessage"_s, 5000);
        QVERIFY(in >= 0);
        const QJsonObject msg = rb.entries().at(in).payload;
        QCOMPARE(msg.value(u"originator"_s).toString(), u"remote"_s);
        const QJsonObject req = msg.value(u"request"_s).toObject();
        QCOMPARE(req.value(u"body"_s).toString(), u"hello bob, ünïcode"_s);
        QCOMPARE(req.value(u"from"_s).toString(), u"sip:alice@sip.test"_s);
        QCOMPARE(req.value(u"contentType"_s).toString(), u"text/plain"_s);

        // and back
        bob.sendMessage(u"sip:alice@sip.test"_s, u"hi alice"_s);
        const int back = ra.waitFor(u"newMessage"_s, 5000, 1);
        QVERIFY(back >= 0);
        QCOMPARE(ra.entries().at(back).payload.value(u"request"_s).toObject().value(u"body"_s),
                 u"hi alice"_s);

        // to an unregistered user: 404 -> failed with JsSIP cause "Not Found"
        QJsonObject failure;
        connect(&alice, &ConnectionManager::messageFinished, this,
                [&failure](const QString&, bool ok, const QJsonObject& p) {
                    if (!ok) {
                        failure = p;
                    }
                });
        alice.sendMessage(u"carol"_s, u"anyone?"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!failure.isEmpty(), 8000);
        QCOMPARE(failure.value(u"cause"_s).toString(), u"Not Found"_s);
    }

    void outOfDialogNotifyIsSipEvent() {
        ConnectionManager alice(sipfixture::fastOptions());
        SipEventRecorder ra(alice);
        QVERIFY(connectUser(alice, ra, u"alice"_s));
        auto udp =
            sipfixture::inject(*m_kam, "NOTIFY sip:alice@sip.test SIP/2.0\n"
                                       "Via: SIP/2.0/UDP 127.0.0.1:PORT;branch=z9hG4bK-n1;rport\n"
                                       "Max-Forwards: 70\n"
                                       "From: <sip:server@example.net>;tag=t1\n"
                                       "To: <sip:alice@sip.test>\n"
                                       "Call-ID: test-notify-1\n"
                                       "CSeq: 1 NOTIFY\n"
                                       "Event: test-event;id=7\n"
                                       "Subscription-State: terminated\n"
                                       "Content-Length: 0\n\n");
        const int i = ra.waitFor(u"sipEvent"_s, 5000);
        QVERIFY(i >= 0);
        const QJsonObject ev = ra.entries().at(i).payload.value(u"event"_s).toObject();
        QCOMPARE(ev.value(u"event"_s).toString(), u"test-event"_s);
        QCOMPARE(ev.value(u"params"_s).toObject().value(u"id"_s).toString(), u"7"_s);
        const QByteArray answers = sipfixture::readUntil(*udp, "SIP/2.0 200", 5000);
        QVERIFY2(answers.contains("SIP/2.0 200"), answers.constData());
        QCOMPARE(alice.connectionState(), u"connection:established"_s);
    }

    /// An INVITE from a plain UDP peer through Kamailio with `proto` on its audio line.
    static QByteArray udpInvite(const QByteArray& callId, const QByteArray& proto) {
        const QByteArray sdp = "v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\n"
                               "m=audio 40002 " +
                               proto + " 0\na=rtpmap:0 PCMU/8000\n";
        QByteArray invite = "INVITE sip:alice@sip.test SIP/2.0\n"
                            "Via: SIP/2.0/UDP 127.0.0.1:PORT;branch=z9hG4bK-" +
                            callId +
                            ";rport\n"
                            "Max-Forwards: 70\n"
                            "From: \"Carol\" <sip:carol@example.net>;tag=c1\n"
                            "To: <sip:alice@sip.test>\n"
                            "Call-ID: " +
                            callId +
                            "\n"
                            "CSeq: 1 INVITE\n"
                            "Contact: <sip:carol@127.0.0.1:PORT>\n"
                            "Content-Type: application/sdp\n"
                            "Content-Length: ";
        return invite + QByteArray::number(QByteArray(sdp).replace("\n", "\r\n").size()) + "\n\n" +
               sdp;
    }

    void incomingInviteRingsAndIsRejected() {
        ConnectionManager alice(sipfixture::fastOptions());
        SipEventRecorder ra(alice);
        QVERIFY(connectUser(alice, ra, u"alice"_s));
        auto udp = sipfixture::inject(*m_kam, udpInvite("test-invite-1", "RTP/AVP"));
        const int i = ra.waitFor(u"newRTCSession"_s, 5000);
        QVERIFY(i >= 0);
        const QJsonObject s = ra.entries().at(i).payload;
        QCOMPARE(s.value(u"originator"_s).toString(), u"remote"_s);
        QCOMPARE(s.value(u"request"_s).toObject().value(u"fromDisplayName"_s).toString(),
                 u"Carol"_s);
        QVERIFY2(sipfixture::readUntil(*udp, "SIP/2.0 180 Ringing", 5000).contains("180 Ringing"),
                 "no 180 through Kamailio");
        sip::RtcSession* call = alice.session(u"test-invite-1"_s);
        QVERIFY(call);
        QCOMPARE(call->state(), sip::RtcSession::State::WaitingForAnswer);
        QVERIFY(call->reject(486, u"Busy Here"_s));
        const QByteArray answers = sipfixture::readUntil(*udp, "SIP/2.0 486", 5000);
        QVERIFY2(answers.contains("SIP/2.0 486 Busy Here"), answers.constData());
        QCOMPARE(alice.connectionState(), u"connection:established"_s);
    }

    void incomingWebRtcOfferIsRefusedWithWhy() {
        ConnectionManager alice(sipfixture::fastOptions());
        SipEventRecorder ra(alice);
        QVERIFY(connectUser(alice, ra, u"alice"_s));
        auto udp = sipfixture::inject(*m_kam, udpInvite("test-invite-2", "UDP/TLS/RTP/SAVPF"));
        QVERIFY(ra.waitFor(u"newRTCSession"_s, 5000) >= 0);
        const QByteArray answers = sipfixture::readUntil(*udp, "SIP/2.0 488", 5000);
        QVERIFY2(answers.contains("SIP/2.0 488"), answers.constData());
        QVERIFY2(!answers.contains("SIP/2.0 180"), answers.constData()); // refused before ringing
        QVERIFY2(answers.contains("no usable media") && answers.contains("DTLS-SRTP"),
                 answers.constData());
        QCOMPARE(alice.connectionState(), u"connection:established"_s);
    }
};

QTEST_GUILESS_MAIN(tst_SipKamailioTraffic)
#include "tst_SipKamailioTraffic.moc"
