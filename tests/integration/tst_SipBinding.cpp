// services::SipBinding: a SIP-over-WebSocket account against the real loopback Kamailio shows
// up in SessionMonitor / CallService / the journal like a WCS account (issue #5).
#include "SipKamailioFixture.h"

#include "media/WebRtcEndpoint.h"
#include "services/CallService.h"
#include "services/MediaEngine.h"
#include "services/SessionMonitor.h"
#include "services/SipBinding.h"
#include "services/WebRtcDescriptionHandler.h"

#include <QSignalSpy>

using namespace Qt::Literals::StringLiterals;
using sip::ConnectionManager;
using testsupport::SipEventRecorder;

class tst_SipBinding : public QObject {
    Q_OBJECT
    SIP_KAMAILIO_FIXTURE

    std::shared_ptr<core::SystemClock> m_clock = std::make_shared<core::SystemClock>();

private Q_SLOTS:
    void init() { startKamailio(); }
    void cleanup() { stopKamailio(); }

    void registeredAccountAndJournal() {
        services::SessionMonitor sessions(m_clock);
        services::CallService calls(m_clock);
        ConnectionManager m(sipfixture::fastOptions());
        services::SipBinding binding(u"sip-alice"_s, m, true, calls, sessions, m_clock);
        QList<services::JournalEntry> journal;
        binding.setJournal([&journal](const services::JournalEntry& e) { journal.append(e); });
        SipEventRecorder rec(m);

        QVERIFY(connectUser(m, rec, u"alice"_s));
        auto st = sessions.state(u"sip-alice"_s);
        QCOMPARE(st.connection, core::SessionStatus::Registered);
        QCOMPARE(st.registration, core::RegistrationStatus::Registered);
        QVERIFY(st.registrationWanted);

        QStringList types;
        for (const auto& e : journal) {
            types.append(e.type);
            QVERIFY2(!e.json.contains("alice-secret"), e.json.constData()); // never the password
            QCOMPARE(e.accountId, u"sip-alice"_s);
        }
        QCOMPARE(types, (QStringList{u"connection:connect-started"_s,
                                     u"connection:connect-parameters-resolve-success"_s,
                                     u"connection:connecting"_s,
                                     u"connection:connected-with-configuration"_s,
                                     u"connection:connected"_s, u"connection:registered"_s,
                                     u"connection:connect-succeeded"_s}));

        // incoming INVITEs from a plain UDP peer: a DTLS-SRTP offer is refused (488) and shown
        // as a failed incoming call with why; a PCMU offer rings and is answered.
        auto invite = [this](const QByteArray& callId, const QByteArray& proto) {
            const QByteArray sdp = "v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\n"
                                   "t=0 0\nm=audio 40002 " +
                                   proto + " 0\n";
            const QByteArray length =
                QByteArray::number(QByteArray(sdp).replace("\n", "\r\n").size());
            return sipfixture::inject(*m_kam, "INVITE sip:alice@sip.test SIP/2.0\n"
                                              "Via: SIP/2.0/UDP 127.0.0.1:PORT;branch=z9hG4bK-" +
                                                  callId +
                                                  ";rport\n"
                                                  "Max-Forwards: 70\n"
                                                  "From: \"Dora\" <sip:dora@example.net>;tag=d1\n"
                                                  "To: <sip:alice@sip.test>\n"
                                                  "Call-ID: " +
                                                  callId +
                                                  "\n"
                                                  "CSeq: 1 INVITE\n"
                                                  "Contact: <sip:dora@127.0.0.1:PORT>\n"
                                                  "Content-Type: application/sdp\n"
                                                  "Content-Length: " +
                                                  length + "\n\n" + sdp);
        };
        auto refused = invite("binding-invite-1", "UDP/TLS/RTP/SAVPF");
        QTRY_COMPARE_WITH_TIMEOUT(calls.calls().size(), 1, 5000);
        services::CallRecord call = calls.calls().at(0);
        QCOMPARE(call.direction, services::CallRecord::Direction::Incoming);
        QCOMPARE(call.status, core::CallStatus::Failed);
        QCOMPARE(call.sipStatus, 488);
        QVERIFY(call.info.contains(u"no usable media"_s));
        QCOMPARE(call.peerName, u"Dora"_s);

        auto ringing = invite("binding-invite-2", "RTP/AVP");
        QTRY_COMPARE_WITH_TIMEOUT(calls.calls().size(), 2, 5000);
        QTRY_COMPARE(calls.find(u"sip-alice"_s, u"binding-invite-2"_s)->status,
                     core::CallStatus::Ring);
        QVERIFY(calls.answer(u"sip-alice"_s, u"binding-invite-2"_s));
        call = *calls.find(u"sip-alice"_s, u"binding-invite-2"_s);
        QCOMPARE(call.status, core::CallStatus::Established);
        QVERIFY(call.info.contains(u"without audio"_s)); // the user is told why it is silent
        QVERIFY(sipfixture::readUntil(*ringing, "SIP/2.0 200 OK", 5000).contains("200 OK"));
        QVERIFY(calls.hangUp(u"sip-alice"_s, u"binding-invite-2"_s));
        QCOMPARE(calls.find(u"sip-alice"_s, u"binding-invite-2"_s)->status,
                 core::CallStatus::Finish);

        m.disconnectFromServer();
        QTRY_VERIFY(m.isIdle());
        st = sessions.state(u"sip-alice"_s);
        QCOMPARE(st.connection, core::SessionStatus::Disconnected);
        QCOMPARE(st.registration, core::RegistrationStatus::Unregistered);
    }

    void dialThroughCallService() { // CallBackend: INVITE -> 404 for an unregistered user
        services::SessionMonitor sessions(m_clock);
        services::CallService calls(m_clock);
        ConnectionManager m(sipfixture::fastOptions());
        services::SipBinding binding(u"sip-alice"_s, m, true, calls, sessions, m_clock);
        SipEventRecorder rec(m);
        QVERIFY(connectUser(m, rec, u"alice"_s));
        QList<core::CallStatus> seen;
        connect(
            &calls, &services::CallService::callChanged, this,
            [&](const QString& a, const QString& id) { seen.append(calls.find(a, id)->status); });
        const QString id = calls.dial(u"sip-alice"_s, u"carol"_s);
        QVERIFY(!id.isEmpty());
        QCOMPARE(calls.find(u"sip-alice"_s, id)->status, core::CallStatus::Trying);
        QTRY_COMPARE_WITH_TIMEOUT(calls.find(u"sip-alice"_s, id)->status, core::CallStatus::Failed,
                                  8000);
        QCOMPARE(calls.find(u"sip-alice"_s, id)->sipStatus, 404);
        QVERIFY(calls.find(u"sip-alice"_s, id)->info.contains(u"Not Found"_s));
        QVERIFY(!calls.answer(u"sip-alice"_s, id)); // a failed outgoing call cannot be answered
    }

    // Hold, DTMF and blind transfer of a baresip peer to bob, all through CallService: the
    // transfer status reaches the call record (ACCEPTED -> ... -> COMPLETED) and the call ends.
    void holdDtmfAndTransferThroughCallService() {
        sipfixture::BaresipPeer dave;
        QVERIFY2(dave.start(*m_kam, u"dave"_s, {u"--auto-answer"_s}), qPrintable(dave.output()));
        services::SessionMonitor sessions(m_clock);
        services::CallService calls(m_clock);
        ConnectionManager m(sipfixture::fastOptions());
        services::SipBinding binding(u"sip-alice"_s, m, true, calls, sessions, m_clock);
        SipEventRecorder rec(m);
        QVERIFY(connectUser(m, rec, u"alice"_s));
        ConnectionManager bob(sipfixture::fastOptions());
        SipEventRecorder rb(bob);
        QVERIFY(connectUser(bob, rb, u"bob"_s));
        QStringList answeredByBob;
        sipfixture::autoAnswer(bob, answeredByBob);

        const QString id = calls.dial(u"sip-alice"_s, u"dave"_s);
        QVERIFY(!id.isEmpty());
        auto status = [&] { return calls.find(u"sip-alice"_s, id)->status; };
        QTRY_COMPARE_WITH_TIMEOUT(status(), core::CallStatus::Established, 10000);
        QVERIFY(calls.hold(u"sip-alice"_s, id));
        QTRY_COMPARE_WITH_TIMEOUT(status(), core::CallStatus::Hold, 5000);
        QVERIFY(calls.resume(u"sip-alice"_s, id));
        QTRY_COMPARE_WITH_TIMEOUT(status(), core::CallStatus::Established, 5000);
        QVERIFY(calls.sendDtmf(u"sip-alice"_s, id, u"12"_s, core::DtmfType::Info));

        QList<core::TransferStatus> seen;
        connect(&calls, &services::CallService::callChanged, this,
                [&](const QString&, const QString& callId) {
                    const auto* r = calls.find(u"sip-alice"_s, callId);
                    if (r && (seen.isEmpty() || seen.last() != r->transferStatus)) {
                        seen.append(r->transferStatus);
                    }
                });
        QVERIFY(calls.transfer(u"sip-alice"_s, id, u"bob"_s));
        QTRY_COMPARE_WITH_TIMEOUT(status(), core::CallStatus::Finish, 15000);
        const services::CallRecord* r = calls.find(u"sip-alice"_s, id);
        QCOMPARE(r->transferStatus, core::TransferStatus::Completed);
        QCOMPARE(r->transferTarget, u"bob"_s);
        QVERIFY2(seen.contains(core::TransferStatus::Accepted), "no ACCEPTED (202) on the way");
        QCOMPARE(answeredByBob.size(), 1); // dave really called bob
    }

    // With a media engine the call carries audio (no "without audio" info) and RFC 2833 DTMF
    // travels as RFC 4733 events in RTP, not as INFO.
    void audioAndRfc4733DtmfThroughCallService() {
        services::SessionMonitor sessions(m_clock);
        services::CallService calls(m_clock);
        services::MediaEngine aliceMedia(nullptr);
        aliceMedia.setElementOverride(u"audiotestsrc is-live=true wave=sine freq=440"_s,
                                      u"fakesink sync=false"_s);
        ConnectionManager m(sipfixture::fastOptions());
        services::SipBinding binding(u"sip-alice"_s, m, true, calls, sessions, m_clock);
        binding.setMediaEngine(&aliceMedia);
        SipEventRecorder rec(m);
        QVERIFY(connectUser(m, rec, u"alice"_s));

        services::MediaEngine bobMedia(nullptr);
        bobMedia.setElementOverride(u"audiotestsrc is-live=true wave=sine freq=880"_s,
                                    u"fakesink sync=false"_s);
        ConnectionManager bob(sipfixture::fastOptions());
        bob.setDescriptionHandlerFactory([&bobMedia](const QString& id, QObject* parent) {
            return new services::WebRtcDescriptionHandler(bobMedia, u"bob"_s, id, parent);
        });
        SipEventRecorder rb(bob);
        QVERIFY(connectUser(bob, rb, u"bob"_s));
        QStringList answered;
        sipfixture::autoAnswer(bob, answered);

        const QString id = calls.dial(u"sip-alice"_s, u"bob"_s);
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(calls.find(u"sip-alice"_s, id)->status,
                                  core::CallStatus::Established, 10000);
        QVERIFY2(!calls.find(u"sip-alice"_s, id)->info.contains(u"without audio"_s),
                 qPrintable(calls.find(u"sip-alice"_s, id)->info));
        media::WebRtcEndpoint* atBob = bobMedia.endpoint(u"bob"_s, id);
        QVERIFY(atBob);
        QTRY_VERIFY_WITH_TIMEOUT(atBob->connectionState() == media::PeerConnectionState::Connected,
                                 10000);
        QSignalSpy rtpTones(atBob, &media::WebRtcEndpoint::dtmfReceived);
        QSignalSpy infoTones(bob.session(id), &sip::RtcSession::newDtmf);
        QVERIFY(calls.sendDtmf(u"sip-alice"_s, id, u"5#"_s, core::DtmfType::Rfc2833));
        QTRY_COMPARE_WITH_TIMEOUT(rtpTones.size(), 2, 5000);
        QCOMPARE(rtpTones.at(0).at(0).value<QChar>(), QChar(u'5'));
        QCOMPARE(rtpTones.at(1).at(0).value<QChar>(), QChar(u'#'));
        QCOMPARE(infoTones.size(), 0);
        QVERIFY(calls.sendDtmf(u"sip-alice"_s, id, u"7"_s, core::DtmfType::Info));
        QTRY_COMPARE_WITH_TIMEOUT(infoTones.size(), 1, 5000);
        QVERIFY(calls.hangUp(u"sip-alice"_s, id));
        QTRY_COMPARE_WITH_TIMEOUT(calls.find(u"sip-alice"_s, id)->status, core::CallStatus::Finish,
                                  5000);
    }

    void wrongPasswordIsAuthenticationFail() {
        services::SessionMonitor sessions(m_clock);
        services::CallService calls(m_clock);
        ConnectionManager m(sipfixture::fastOptions());
        services::SipBinding binding(u"sip-bob"_s, m, true, calls, sessions, m_clock);
        SipEventRecorder rec(m);
        QList<services::AccountState> seen;
        connect(&sessions, &services::SessionMonitor::stateChanged, this,
                [&](const QString& id) { seen.append(sessions.state(id)); });
        auto p = sipfixture::params(*m_kam, u"bob"_s);
        p.password = u"nope"_s;
        m.connectTo(p);
        QVERIFY(rec.waitFor(u"registrationFailed"_s, 10000) >= 0);
        QTRY_VERIFY(m.isIdle());
        const auto failed = std::find_if(seen.cbegin(), seen.cend(), [](const auto& st) {
            return st.registration == core::RegistrationStatus::AuthenticationFail;
        });
        QVERIFY(failed != seen.cend());
        QVERIFY2(failed->registrationInfo.contains(u"401"_s), qPrintable(failed->registrationInfo));
        QCOMPARE(sessions.state(u"sip-bob"_s).connection, core::SessionStatus::Disconnected);
        QVERIFY(sessions.state(u"sip-bob"_s).lastFailure.contains(u"Authentication Error"_s));
    }

    void unreachableIsFailed() {
        services::SessionMonitor sessions(m_clock);
        services::CallService calls(m_clock);
        ConnectionManager m(sipfixture::fastOptions());
        services::SipBinding binding(u"sip-x"_s, m, false, calls, sessions, m_clock);
        SipEventRecorder rec(m);
        auto p = sipfixture::params(*m_kam, u"alice"_s, false);
        p.sipServerUrl = u"ws://127.0.0.1:%1/"_s.arg(testsupport::KamailioTestbed::freePort());
        m.connectTo(p);
        QVERIFY(rec.waitFor(u"connect-failed"_s, 10000) >= 0);
        QVERIFY(sessions.state(u"sip-x"_s).lastFailure.contains(u"refused"_s, Qt::CaseInsensitive));
    }
};

QTEST_GUILESS_MAIN(tst_SipBinding)
#include "tst_SipBinding.moc"
