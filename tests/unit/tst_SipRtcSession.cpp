// sip::RtcSession through a ConnectionManager against a scripted loopback peer: incoming calls
// (100/180, answer with 200 + SDP retransmitted until ACK, CANCEL -> 487, refused offers ->
// 488 with Warning, reject -> 486), the peer's BYE / re-INVITE hold / INFO DTMF, our hold and
// unhold by re-INVITE (ACK with the re-INVITE's CSeq, a 491 reported and the state kept), REFER
// with NOTIFY progress, INFO DTMF one tone at a time, and stale CSeqs refused (RFC 3261
// §12.2.2, §13.3.1.4, §14; RFC 3515; spec §8.9).
#include "sip/ConnectionManager.h"
#include "sip/RtcSession.h"
#include "sip/SipMessage.h"
#include "support/SipEventRecorder.h"
#include "support/SipLoopbackServer.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using sip::ConnectionManager;
using sip::RtcSession;
using testsupport::SipEventRecorder;
using testsupport::SipLoopbackServer;

namespace {

const QByteArray kPcmuOffer = "v=0\n"
                              "o=peer 42 7 IN IP4 192.0.2.10\n"
                              "s=-\n"
                              "c=IN IP4 192.0.2.10\n"
                              "t=0 0\n"
                              "m=audio 40000 RTP/AVP 0 101\n"
                              "a=rtpmap:0 PCMU/8000\n"
                              "a=rtpmap:101 telephone-event/8000\n"
                              "a=sendrecv\n";

QByteArray sdpWith(const QByteArray& direction) {
    QByteArray s = kPcmuOffer;
    return s.replace("a=sendrecv", "a=" + direction);
}

/// Content-Length of `body` once SipLoopbackServer::send() turned its LFs into CRLFs.
QByteArray wireLength(const QByteArray& body) {
    return QByteArray::number(body.size() + body.count('\n'));
}

int statusOf(const QByteArray& frame) {
    const auto m = sip::SipMessage::parse(frame);
    return m && m->isResponse() ? m->statusCode() : -1;
}

/// The peer's side of one call: builds its requests with the right tags and CSeqs.
struct Peer {
    QByteArray me;     ///< our AOR (Request-URI of the INVITE)
    QByteArray callId; ///< the call
    QByteArray ourTag; ///< To tag we (the UA under test) put in the 180/200
    QByteArray target; ///< Contact URI of the UA under test (Request-URI in the dialog)
    int cseq = 10;

    QByteArray invite(const QByteArray& body, const QByteArray& contentType = "application/sdp",
                      const QByteArray& extra = {}) const {
        return "INVITE " + me +
               " SIP/2.0\n"
               "Via: SIP/2.0/WS peer.invalid;branch=z9hG4bK-inv" +
               callId +
               "\n"
               "Max-Forwards: 70\n"
               "From: \"Peer\" <sip:peer@sip.test>;tag=pt\n"
               "To: <" +
               me +
               ">\n"
               "Call-ID: " +
               callId +
               "\n"
               "CSeq: 10 INVITE\n"
               "Contact: <sip:peer@peer.invalid;transport=ws>\n"
               "Record-Route: <sip:127.0.0.1;lr>\n" +
               extra + "Content-Type: " + contentType +
               "\n"
               "Content-Length: " +
               wireLength(body) + "\n\n" + body;
    }
    QByteArray cancel() const {
        return "CANCEL " + me +
               " SIP/2.0\n"
               "Via: SIP/2.0/WS peer.invalid;branch=z9hG4bK-inv" +
               callId +
               "\n"
               "Max-Forwards: 70\n"
               "From: \"Peer\" <sip:peer@sip.test>;tag=pt\n"
               "To: <" +
               me + ">\nCall-ID: " + callId + "\nCSeq: 10 CANCEL\nContent-Length: 0\n\n";
    }
    /// An in-dialog request; `cseqOverride` > 0 forces the CSeq number.
    QByteArray inDialog(const QByteArray& method, const QByteArray& body = {},
                        const QByteArray& contentType = {}, const QByteArray& extra = {},
                        int cseqOverride = 0) {
        const int n = cseqOverride > 0 ? cseqOverride : (method == "ACK" ? cseq : ++cseq);
        return method + ' ' + target + " SIP/2.0\n" +
               "Via: SIP/2.0/WS peer.invalid;branch=z9hG4bK-" + method + QByteArray::number(n) +
               "\n"
               "Max-Forwards: 70\n"
               "From: \"Peer\" <sip:peer@sip.test>;tag=pt\n"
               "To: <" +
               me + ">;tag=" + ourTag + "\nCall-ID: " + callId +
               "\nCSeq: " + QByteArray::number(n) + ' ' + method + '\n' + extra +
               (contentType.isEmpty() ? QByteArray() : "Content-Type: " + contentType + '\n') +
               "Content-Length: " + wireLength(body) + "\n\n" + body;
    }
    /// Response to the request `frame` (same Via, From, To, Call-ID, CSeq); adds a To tag.
    static QByteArray answer(const QByteArray& frame, int code, const QByteArray& reason,
                             const QByteArray& body = {}) {
        const auto m = sip::SipMessage::parse(frame);
        QList<std::pair<QByteArray, QByteArray>> headers{
            {"Contact", "<sip:peer@peer.invalid;transport=ws>"}};
        if (!body.isEmpty()) {
            headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "application/sdp"));
        }
        QByteArray out = m->makeResponse(code, QString::fromUtf8(reason), u"pt"_s, headers, body);
        return out.replace("\r\n", "\n");
    }
};

} // namespace

class tst_SipRtcSession : public QObject {
    Q_OBJECT

    std::unique_ptr<SipLoopbackServer> m_server;
    std::unique_ptr<ConnectionManager> m_manager;
    std::unique_ptr<SipEventRecorder> m_rec;
    QByteArray m_me;

    /// Starts a call from the peer and returns the session once it rings (180 seen).
    RtcSession* ring(Peer& peer, const QByteArray& body = kPcmuOffer) {
        const qsizetype from = m_server->frameCount();
        m_server->send(peer.invite(body));
        const QByteArray ringing = m_server->waitFrame("SIP/2.0 180", 3000, from);
        if (ringing.isEmpty()) {
            return nullptr;
        }
        const auto parsed = sip::SipMessage::parse(ringing);
        peer.ourTag = parsed->toTag().toUtf8();
        peer.target = parsed->contacts().value(0).uri.toUtf8();
        return m_manager->session(QString::fromUtf8(peer.callId));
    }

    /// An answered and ACKed incoming call.
    RtcSession* established(Peer& peer) {
        RtcSession* s = ring(peer);
        if (!s || !s->answer()) {
            return nullptr;
        }
        if (m_server->waitFrame("SIP/2.0 200 OK").isEmpty()) {
            return nullptr;
        }
        m_server->send(peer.inDialog("ACK"));
        QTest::qWait(50);
        return s->state() == RtcSession::State::Confirmed ? s : nullptr;
    }

    Peer peer(const char* callId) const { return Peer{m_me, callId, {}, {}, 10}; }

    void start(bool sessionTimers) {
        m_rec.reset();
        m_manager.reset();
        m_server = std::make_unique<SipLoopbackServer>();
        QVERIFY(m_server->listen());
        m_manager = std::make_unique<ConnectionManager>();
        m_rec = std::make_unique<SipEventRecorder>(*m_manager);
        sip::ConnectionParameters p;
        p.sipServerIp = u"sip.test"_s;
        p.sipServerUrl = m_server->url();
        p.sessionTimers = sessionTimers;
        m_manager->connectTo(p);
        QVERIFY(m_rec->waitFor(u"connect-succeeded"_s, 5000) >= 0);
        QTRY_VERIFY(m_server->client());
        m_me =
            "sip:" + m_manager->connectionConfiguration()->authorizationUser.toUtf8() + "@sip.test";
    }

private Q_SLOTS:
    void init() { start(false); }
    void cleanup() {
        m_rec.reset();
        m_manager.reset();
        m_server.reset();
    }

    void incomingCallRingsIsAnsweredAndRetransmitsItsOkUntilAck() {
        Peer p = peer("in-answer");
        RtcSession* s = ring(p);
        QVERIFY(s);
        QVERIFY(!m_server->waitFrame("SIP/2.0 100 Trying").isEmpty());
        const auto ringing = sip::SipMessage::parse(m_server->waitFrame("SIP/2.0 180"));
        QVERIFY(!ringing->toTag().isEmpty());
        QCOMPARE(ringing->contacts().size(), 1);
        QCOMPARE(ringing->recordRoutes(), QStringList{u"<sip:127.0.0.1;lr>"_s});
        QCOMPARE(s->state(), RtcSession::State::WaitingForAnswer);
        QCOMPARE(s->direction(), RtcSession::Direction::Incoming);
        const int newSession = m_rec->names().indexOf(u"newRTCSession"_s);
        QVERIFY(newSession >= 0);
        QCOMPARE(m_rec->entries().at(newSession).payload.value(u"originator"_s).toString(),
                 u"remote"_s);

        QSignalSpy accepted(s, &RtcSession::accepted);
        QSignalSpy confirmed(s, &RtcSession::confirmed);
        QVERIFY(s->answer());
        QVERIFY(!s->answer()); // only once
        QCOMPARE(accepted.size(), 1);
        const auto ok = sip::SipMessage::parse(m_server->waitFrame("SIP/2.0 200 OK"));
        QVERIFY(ok);
        QCOMPARE(ok->toTag(), ringing->toTag());
        QCOMPARE(ok->contentType(), u"application/sdp"_s);
        QVERIFY(ok->body().contains("m=audio 9 RTP/AVP 0\r\n"));
        QVERIFY(ok->body().contains("a=inactive"));
        // No ACK yet: the 200 is sent again after T1 (500 ms) and 2*T1.
        QTRY_VERIFY_WITH_TIMEOUT(
            std::count_if(m_server->frames().cbegin(), m_server->frames().cend(),
                          [](const QByteArray& f) {
                              return f.startsWith("SIP/2.0 200 OK") && f.contains("INVITE");
                          }) >= 3,
            3000);
        m_server->send(p.inDialog("ACK"));
        QTRY_COMPARE(confirmed.size(), 1);
        QCOMPARE(s->state(), RtcSession::State::Confirmed);
        const qsizetype afterAck = m_server->frameCount();
        QTest::qWait(2200);
        QCOMPARE(m_server->frameCount(), afterAck); // retransmission stopped

        QSignalSpy ended(s, &RtcSession::ended);
        m_server->send(p.inDialog("BYE"));
        QVERIFY(!m_server->waitFrame("CSeq: 11 BYE", 3000, afterAck).isEmpty());
        QTRY_COMPARE(ended.size(), 1);
        QCOMPARE(ended.at(0).at(0).toString(), u"remote"_s);
        QCOMPARE(ended.at(0).at(1).toString(), u"Terminated"_s);
        QTRY_VERIFY(!m_manager->session(u"in-answer"_s));
    }

    void callerCancelsBeforeAnswer() {
        Peer p = peer("in-cancel");
        RtcSession* s = ring(p);
        QVERIFY(s);
        QSignalSpy ended(s, &RtcSession::ended);
        const qsizetype from = m_server->frameCount();
        m_server->send(p.cancel());
        const QByteArray cancelOk = m_server->waitFrame("CSeq: 10 CANCEL", 3000, from);
        QCOMPARE(statusOf(cancelOk), 200);
        QCOMPARE(statusOf(m_server->waitFrame("SIP/2.0 487", 3000, from)), 487);
        QTRY_COMPARE(ended.size(), 1);
        QCOMPARE(ended.at(0).at(1).toString(), u"Canceled"_s);
        QCOMPARE(ended.at(0).at(2).toInt(), 487);
    }

    void rejectSends486() {
        Peer p = peer("in-reject");
        RtcSession* s = ring(p);
        QVERIFY(s);
        QVERIFY(!s->reject(200, u"OK"_s)); // not a final error code
        QSignalSpy ended(s, &RtcSession::ended);
        QVERIFY(s->terminate());
        QCOMPARE(statusOf(m_server->waitFrame("SIP/2.0 486")), 486);
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended.at(0).at(0).toString(), u"local"_s);
        QCOMPARE(ended.at(0).at(1).toString(), u"Rejected"_s);
    }

    void unusableOffersAreRefusedWithTheReason_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("why");
        QByteArray webrtc = kPcmuOffer;
        webrtc.replace("RTP/AVP", "UDP/TLS/RTP/SAVPF");
        QByteArray opusOnly = kPcmuOffer;
        opusOnly.replace("RTP/AVP 0 101", "RTP/AVP 111").replace("0 PCMU/8000", "111 opus/48000/2");
        QTest::newRow("dtls-srtp")
            << webrtc << QByteArray("application/sdp") << 488 << u"encrypted media"_s;
        QTest::newRow("no common codec")
            << opusOnly << QByteArray("application/sdp") << 488 << u"no common audio codec"_s;
        QTest::newRow("video only") << QByteArray(kPcmuOffer).replace("m=audio", "m=video")
                                    << QByteArray("application/sdp") << 488 << u"no audio"_s;
        QTest::newRow("not sdp") << QByteArray("hello") << QByteArray("text/plain") << 415
                                 << u"not application/sdp"_s;
    }
    void unusableOffersAreRefusedWithTheReason() {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, code);
        QFETCH(QString, why);
        Peer p = peer("in-refused");
        const qsizetype from = m_server->frameCount();
        QList<QString> ended;
        connect(m_manager.get(), &ConnectionManager::callEnded, this,
                [&ended](const QString&, const QString&, const QString& cause, int c) {
                    ended.append(cause + u'/' + QString::number(c));
                });
        m_server->send(p.invite(body, contentType));
        const QByteArray answer =
            m_server->waitFrame("SIP/2.0 " + QByteArray::number(code), 3000, from);
        QCOMPARE(statusOf(answer), code);
        QVERIFY(m_server->waitFrame("SIP/2.0 180", 300, from).isEmpty()); // never rang
        if (code == 488) {
            QVERIFY2(answer.contains("Warning: 399 ") && answer.contains("no usable media: "),
                     answer.constData());
            QVERIFY2(QString::fromUtf8(answer).contains(why), answer.constData());
        }
        QTRY_COMPARE(ended.size(), 1);
        QVERIFY(ended.first().endsWith(u'/' + QString::number(code)));
        QVERIFY(!m_manager->session(u"in-refused"_s));
        QVERIFY(m_manager->isTransportConnected());
    }

    void peerHoldsAndResumesTheCall() {
        Peer p = peer("in-peer-hold");
        RtcSession* s = established(p);
        QVERIFY(s);
        QSignalSpy hold(s, &RtcSession::holdChanged);
        qsizetype from = m_server->frameCount();
        m_server->send(p.inDialog("INVITE", sdpWith("sendonly"), "application/sdp"));
        const auto ok = sip::SipMessage::parse(m_server->waitFrame("SIP/2.0 200", 3000, from));
        QVERIFY(ok);
        QVERIFY(ok->body().contains("a=inactive")); // mirrored recvonly, limited to inactive
        QVERIFY(ok->body().contains(" 2 IN IP4"));  // o= version moved on
        m_server->send(p.inDialog("ACK"));
        QTRY_COMPARE(hold.size(), 1);
        QCOMPARE(hold.at(0).at(0).toString(), u"remote"_s);
        QCOMPARE(hold.at(0).at(1).toBool(), true);
        QVERIFY(s->isRemoteHold());
        from = m_server->frameCount();
        m_server->send(p.inDialog("INVITE", kPcmuOffer, "application/sdp"));
        QCOMPARE(statusOf(m_server->waitFrame("SIP/2.0 200", 3000, from)), 200);
        QTRY_COMPARE(hold.size(), 2);
        QCOMPARE(hold.at(1).at(1).toBool(), false);
        // A request with a CSeq below the last one is refused (RFC 3261 §12.2.2).
        from = m_server->frameCount();
        m_server->send(p.inDialog("INFO", "Signal=1\n", "application/dtmf-relay", {}, 3));
        QCOMPARE(statusOf(m_server->waitFrame("CSeq: 3 INFO", 3000, from)), 500);
    }

    void localHoldAndUnholdUseReinvite() {
        Peer p = peer("in-local-hold");
        RtcSession* s = established(p);
        QVERIFY(s);
        QSignalSpy hold(s, &RtcSession::holdChanged);
        QSignalSpy failed(s, &RtcSession::updateFailed);
        qsizetype from = m_server->frameCount();
        QVERIFY(s->hold());
        QVERIFY(!s->hold()); // one re-INVITE at a time
        const QByteArray reinvite = m_server->waitFrame("INVITE sip:peer@peer.invalid", 3000, from);
        QVERIFY2(!reinvite.isEmpty(), "no re-INVITE to the remote target");
        const auto r = sip::SipMessage::parse(reinvite);
        QCOMPARE(r->toTag(), u"pt"_s);
        QCOMPARE(r->fromTag(), QString::fromUtf8(p.ourTag));
        QCOMPARE(r->cseq(), 1u);
        QVERIFY(reinvite.contains("Route: <sip:127.0.0.1;lr>"));
        QVERIFY(r->body().contains("a=inactive"));
        QVERIFY(r->body().contains(" 2 IN IP4")); // o= version 2 after the answer's 1
        m_server->send(Peer::answer(reinvite, 200, "OK", sdpWith("inactive")));
        QVERIFY(!m_server->waitFrame("CSeq: 1 ACK", 3000, from).isEmpty());
        QTRY_COMPARE(hold.size(), 1);
        QCOMPARE(hold.at(0).at(0).toString(), u"local"_s);
        QVERIFY(s->isOnHold());

        from = m_server->frameCount();
        QVERIFY(s->unhold());
        const QByteArray second = m_server->waitFrame("CSeq: 2 INVITE", 3000, from);
        QVERIFY(!second.isEmpty());
        m_server->send(Peer::answer(second, 491, "Request Pending"));
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(1).toInt(), 491);
        QVERIFY(s->isOnHold()); // unchanged
        QCOMPARE(s->state(), RtcSession::State::Confirmed);
    }

    void referReportsNotifyProgress() {
        Peer p = peer("in-refer");
        RtcSession* s = established(p);
        QVERIFY(s);
        QSignalSpy refer(s, &RtcSession::referEvent);
        qsizetype from = m_server->frameCount();
        QVERIFY(s->refer(u"carol"_s));
        QVERIFY(!s->refer(u"dave"_s)); // one transfer at a time
        const QByteArray req = m_server->waitFrame("REFER sip:peer@peer.invalid", 3000, from);
        QVERIFY(!req.isEmpty());
        QVERIFY(req.contains("Refer-To: <sip:carol@sip.test>"));
        QVERIFY(req.contains("Referred-By: <" + m_me + ">"));
        m_server->send(Peer::answer(req, 202, "Accepted"));
        QTRY_COMPARE(refer.size(), 1);
        QCOMPARE(refer.at(0).at(0).toString(), u"requestSucceeded"_s);
        from = m_server->frameCount();
        m_server->send(p.inDialog("NOTIFY", "SIP/2.0 100 Trying\n", "message/sipfrag",
                                  "Event: refer\nSubscription-State: active;expires=60\n"));
        QCOMPARE(statusOf(m_server->waitFrame("NOTIFY", 3000, from)), 200);
        QTRY_COMPARE(refer.size(), 2);
        QCOMPARE(refer.at(1).at(0).toString(), u"trying"_s);
        m_server->send(
            p.inDialog("NOTIFY", "SIP/2.0 200 OK\n", "message/sipfrag",
                       "Event: refer\nSubscription-State: terminated;reason=noresource\n"));
        QTRY_COMPARE(refer.size(), 3);
        QCOMPARE(refer.at(2).at(0).toString(), u"accepted"_s);
        QCOMPARE(refer.at(2).at(1).toInt(), 200);
        // Another event package in the dialog is not ours.
        from = m_server->frameCount();
        m_server->send(p.inDialog("NOTIFY", {}, {}, "Event: dialog\n"));
        QCOMPARE(statusOf(m_server->waitFrame("NOTIFY", 3000, from)), 489);
    }

    void refusedReferFails() {
        Peer p = peer("in-refer-no");
        RtcSession* s = established(p);
        QVERIFY(s);
        QSignalSpy refer(s, &RtcSession::referEvent);
        const qsizetype from = m_server->frameCount();
        QVERIFY(s->refer(u"sip:nobody@elsewhere.test"_s));
        const QByteArray req = m_server->waitFrame("REFER", 3000, from);
        QVERIFY(req.contains("Refer-To: <sip:nobody@elsewhere.test>"));
        m_server->send(Peer::answer(req, 603, "Decline"));
        QTRY_COMPARE(refer.size(), 1);
        QCOMPARE(refer.at(0).at(0).toString(), u"requestFailed"_s);
        QCOMPARE(refer.at(0).at(1).toInt(), 603);
        QVERIFY(s->refer(u"carol"_s)); // a new attempt is allowed
    }

    void dtmfByInfoBothWays() {
        Peer p = peer("in-dtmf");
        RtcSession* s = established(p);
        QVERIFY(s);
        QSignalSpy dtmf(s, &RtcSession::newDtmf);
        QVERIFY(!s->sendDtmf(u"1x"_s)); // invalid tone: nothing queued
        qsizetype from = m_server->frameCount();
        QVERIFY(s->sendDtmf(u"1#"_s));
        const QByteArray first = m_server->waitFrame("INFO sip:peer@peer.invalid", 3000, from);
        QVERIFY(first.contains("Content-Type: application/dtmf-relay"));
        QVERIFY(first.contains("Signal=1\r\nDuration=100\r\n"));
        QTest::qWait(300);
        QVERIFY(m_server->waitFrame("Signal=#", 10, from).isEmpty()); // waits for the answer
        m_server->send(Peer::answer(first, 200, "OK"));
        const QByteArray second = m_server->waitFrame("Signal=#", 3000, from);
        QVERIFY(!second.isEmpty());
        m_server->send(Peer::answer(second, 200, "OK"));
        QTRY_COMPARE(dtmf.size(), 2);
        QCOMPARE(dtmf.at(1).at(0).toString(), u"local"_s);
        QCOMPARE(dtmf.at(1).at(1).toString(), u"#"_s);

        from = m_server->frameCount();
        m_server->send(p.inDialog("INFO", "Signal=5\nDuration=160\n", "application/dtmf-relay"));
        QCOMPARE(statusOf(m_server->waitFrame("INFO", 3000, from)), 200);
        QTRY_COMPARE(dtmf.size(), 3);
        QCOMPARE(dtmf.at(2).at(0).toString(), u"remote"_s);
        QCOMPARE(dtmf.at(2).at(1).toString(), u"5"_s);
        from = m_server->frameCount();
        m_server->send(p.inDialog("INFO", "hello", "text/plain"));
        QCOMPARE(statusOf(m_server->waitFrame("INFO", 3000, from)), 415);
    }

    void sessionTimerRefresherSendsUpdates() { // RFC 4028, we are the refresher (uas)
        start(true);
        Peer p = peer("st-refresh");
        const qsizetype from = m_server->frameCount();
        m_server->send(p.invite(kPcmuOffer, "application/sdp",
                                "Supported: timer\nSession-Expires: 2;refresher=uas\n"));
        const QByteArray ringing = m_server->waitFrame("SIP/2.0 180", 3000, from);
        QVERIFY(!ringing.isEmpty());
        p.ourTag = sip::SipMessage::parse(ringing)->toTag().toUtf8();
        p.target = sip::SipMessage::parse(ringing)->contacts().value(0).uri.toUtf8();
        RtcSession* s = m_manager->session(u"st-refresh"_s);
        QVERIFY(s && s->answer());
        const QByteArray ok = m_server->waitFrame("SIP/2.0 200 OK", 3000, from);
        QVERIFY2(ok.contains("Session-Expires: 2;refresher=uas"), ok.constData());
        QVERIFY2(ok.contains("Require: timer"), ok.constData());
        m_server->send(p.inDialog("ACK"));
        const QByteArray update = m_server->waitFrame("UPDATE sip:peer", 2500, from);
        QVERIFY2(!update.isEmpty(), "no refresh after half the interval");
        QVERIFY(update.contains("Session-Expires: 2;refresher=uas"));
        const qsizetype afterFirst = m_server->frameCount();
        m_server->send(Peer::answer(update, 200, "OK"));
        QVERIFY(!m_server->waitFrame("UPDATE sip:peer", 2500, afterFirst).isEmpty()); // again
        QCOMPARE(s->state(), RtcSession::State::Confirmed);
    }

    void sessionTimerExpiresWithoutRefresh() { // RFC 4028 §10, the peer should refresh
        start(true);
        Peer p = peer("st-expire");
        const qsizetype from = m_server->frameCount();
        m_server->send(p.invite(kPcmuOffer, "application/sdp", "Session-Expires: 1\n"));
        const QByteArray ringing = m_server->waitFrame("SIP/2.0 180", 3000, from);
        p.ourTag = sip::SipMessage::parse(ringing)->toTag().toUtf8();
        RtcSession* s = m_manager->session(u"st-expire"_s);
        QVERIFY(s && s->answer());
        QVERIFY(m_server->waitFrame("SIP/2.0 200 OK", 3000, from)
                    .contains("Session-Expires: 1;refresher=uac"));
        m_server->send(p.inDialog("ACK"));
        QSignalSpy ended(s, &RtcSession::ended);
        const QByteArray bye = m_server->waitFrame("BYE sip:peer", 3000, from);
        QVERIFY2(bye.contains("Reason: SIP ;cause=408 ;text=\"Session Timer Expired\""),
                 bye.constData());
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended.at(0).at(2).toInt(), 408);
    }

    void outgoingCallAsksForASessionTimer() {
        start(true);
        const qsizetype from = m_server->frameCount();
        const QString id = m_manager->call(u"bob"_s);
        const QByteArray invite = m_server->waitFrame("INVITE sip:bob@sip.test", 3000, from);
        QVERIFY(invite.contains("Session-Expires: 90\r\n"));
        QVERIFY(invite.contains("Supported: timer,"));
        QByteArray ok = Peer::answer(invite, 200, "OK", kPcmuOffer);
        ok.replace("Contact:", "Session-Expires: 2;refresher=uac\nContact:");
        m_server->send(ok);
        QVERIFY(!m_server->waitFrame("ACK sip:peer", 3000, from).isEmpty());
        QVERIFY2(!m_server->waitFrame("UPDATE sip:peer", 2500, from).isEmpty(),
                 "the UAC refresher sends UPDATE after half the interval");
        QCOMPARE(m_manager->session(id)->state(), RtcSession::State::Confirmed);
    }

    void socketLossEndsTheCall() {
        Peer p = peer("in-drop");
        RtcSession* s = established(p);
        QVERIFY(s);
        QSignalSpy ended(s, &RtcSession::ended);
        m_server->client()->abort();
        QTRY_COMPARE(ended.size(), 1);
        QCOMPARE(ended.at(0).at(0).toString(), u"system"_s);
        QCOMPARE(ended.at(0).at(1).toString(), u"Connection Error"_s);
    }
};

QTEST_GUILESS_MAIN(tst_SipRtcSession)
#include "tst_SipRtcSession.moc"
