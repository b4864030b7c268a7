// WCS call audio end to end (issue #7): wcs::Session + services::WcsBinding with a real
// services::MediaEngine (a 440 Hz test tone instead of the microphone, fakesink instead of the
// speaker) against the in-process emulator, whose echo callee answers with its own webrtcbin
// echo endpoint. What we hear is measured with MediaEngine::outputLevelChanged.
#include "WcsMediaRig.h"
#include "media/SdpInspector.h"
#include "media/WebRtcEndpoint.h"
#include "services/CallService.h"
#include "services/MediaEngine.h"
#include "services/SessionMonitor.h"
#include "services/StreamMonitor.h"
#include "services/WcsBinding.h"
#include "wcs/Session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr double kAudible = -40.0; ///< dBov: the echoed tone (about -9 dBov) is far above
constexpr double kQuiet = -90.0;   ///< dBov: silence or the codec's noise floor
const QString kAccount = u"acc-media"_s;
const QString kTone = u"audiotestsrc is-live=true wave=sine volume=0.5 freq=440"_s;
const QString kSink = u"fakesink sync=false"_s;

const char* const kScenario = R"({
  "registration": {"delayMs": 0},
  "calls": {"ringAfterMs": 0, "defaultCallee": {"answerAfterMs": 0}},
  "callees": {"echo": {"echo": true, "ringAfterMs": 0, "answerAfterMs": 0}}
})";

} // namespace

class tst_WcsCallMedia : public QObject {
    Q_OBJECT

private:
    testsupport::WcsMediaRig rig;
    QHash<QString, double> heard; ///< callId -> last output level, dBov
    QStringList mediaFailures;

    const services::CallRecord* record(const QString& callId) const {
        return rig.calls->find(kAccount, callId);
    }
    core::CallStatus statusOf(const QString& callId) const {
        const services::CallRecord* r = record(callId);
        return r ? r->status : core::CallStatus::New;
    }
    double levelOf(const QString& callId) const {
        return heard.value(callId, media::WebRtcEndpoint::kSilenceDb);
    }
    QJsonObject sentCommand(const QString& message) const { return rig.sentData(message); }

private Q_SLOTS:
    void init() {
        QString error;
        QVERIFY2(rig.start(kScenario, kAccount, kTone, &error,
                           [](wcs::SessionOptions& o) {
                               o.connection.sipLogin = u"1000"_s;
                               o.connection.sipDomain = u"demo.callboard"_s;
                           }),
                 qPrintable(error));
        heard.clear();
        mediaFailures.clear();
        connect(rig.engine.get(), &services::MediaEngine::outputLevelChanged, this,
                [this](const QString&, const QString& callId, double db) { heard[callId] = db; });
        connect(rig.engine.get(), &services::MediaEngine::mediaFailed, this,
                [this](const QString&, const QString&, const QString& r) { mediaFailures << r; });
        rig.session->open();
        QTRY_COMPARE_WITH_TIMEOUT(rig.sessions->state(kAccount).registration,
                                  core::RegistrationStatus::Registered, 5000);
    }

    void cleanup() { rig.stop(); }

    /// The `call` carries our complete offer; the echo callee sends our tone back (we hear it),
    /// and when we mute we hear silence: the level really is the echo of what we send.
    void echoCalleeSendsOurAudioBack() {
        QSignalSpy removed(rig.engine.get(), &services::MediaEngine::endpointRemoved);
        const QString id = rig.calls->dial(kAccount, u"echo"_s);
        QVERIFY(!id.isEmpty());
        QVERIFY(rig.engine->endpoint(kAccount, id) != nullptr);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(id), core::CallStatus::Established, 10000);
        const QJsonObject call = sentCommand(u"call"_s);
        QCOMPARE(call.value(u"callId"_s).toString(), id);
        QCOMPARE(call.value(u"callee"_s).toString(), u"echo"_s);
        const media::SdpInspector offer(call.value(u"sdp"_s).toString());
        QVERIFY(!offer.candidates().isEmpty());
        QCOMPARE(offer.attribute(u"setup"_s), u"actpass"_s);

        QTRY_VERIFY_WITH_TIMEOUT(levelOf(id) > kAudible, 10000);
        qInfo("we hear our echo at %.1f dBov", levelOf(id));
        QVERIFY(rig.engine->setMuted(kAccount, id, true));
        QTRY_VERIFY_WITH_TIMEOUT(levelOf(id) < kQuiet, 5000);
        qInfo("muted: we hear %.1f dBov", levelOf(id));
        QVERIFY(rig.engine->setMuted(kAccount, id, false));
        QTRY_VERIFY_WITH_TIMEOUT(levelOf(id) > kAudible, 5000);

        QVERIFY(rig.calls->hangUp(kAccount, id));
        QTRY_VERIFY(record(id)->hasEnded());
        QTRY_COMPARE(removed.size(), 1);
        QVERIFY(rig.engine->endpoint(kAccount, id) == nullptr);
        QCOMPARE(mediaFailures, QStringList{});
        QVERIFY2(!record(id)->info.startsWith(u"no audio"_s), qPrintable(record(id)->info));
    }

    /// Hold is signalling only, but our microphone goes quiet at once (the echo falls silent);
    /// resume restores the mute state from before the hold.
    void holdMutesOurSendPathAndResumeRestoresIt() {
        const QString id = rig.calls->dial(kAccount, u"echo"_s);
        QTRY_VERIFY_WITH_TIMEOUT(levelOf(id) > kAudible, 10000);
        QVERIFY(rig.calls->hold(kAccount, id));
        QVERIFY(rig.engine->isMuted(kAccount, id));
        QTRY_COMPARE(statusOf(id), core::CallStatus::Hold);
        QTRY_VERIFY_WITH_TIMEOUT(levelOf(id) < kQuiet, 5000);
        QVERIFY(rig.calls->resume(kAccount, id));
        QTRY_COMPARE(statusOf(id), core::CallStatus::Established);
        QVERIFY(!rig.engine->isMuted(kAccount, id));
        QTRY_VERIFY_WITH_TIMEOUT(levelOf(id) > kAudible, 5000);

        // Muted by the user before the hold: still muted after the resume.
        QVERIFY(rig.engine->setMuted(kAccount, id, true));
        QVERIFY(rig.calls->hold(kAccount, id));
        QTRY_COMPARE(statusOf(id), core::CallStatus::Hold);
        QVERIFY(rig.calls->resume(kAccount, id));
        QTRY_COMPARE(statusOf(id), core::CallStatus::Established);
        QVERIFY(rig.engine->isMuted(kAccount, id));
        QVERIFY(rig.calls->hangUp(kAccount, id));
    }

    /// An `echo` incoming call offers from the emulator's webrtcbin (spec §7.2: setRemoteSDP
    /// first); our answer is real and ICE/DTLS connect, and we hear our own tone back.
    void incomingEchoCallIsAnsweredWithRealSdp() {
        QSignalSpy ringing(rig.calls.get(), &services::CallService::incomingCallRinging);
        const QJsonObject reply = rig.server->execute(QJsonObject{
            {u"action"_s, u"incomingCall"_s}, {u"caller"_s, u"2001"_s}, {u"echo"_s, true}});
        QVERIFY2(reply.value(u"ok"_s).toBool(), QJsonDocument(reply).toJson().constData());
        QTRY_COMPARE_WITH_TIMEOUT(ringing.size(), 1, 10000);
        const QString id = ringing.first().at(1).toString();
        QVERIFY(!media::SdpInspector(rig.session->remoteOffer(id)).candidates().isEmpty());
        QVERIFY(rig.calls->answer(kAccount, id));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(id), core::CallStatus::Established, 10000);
        const media::SdpInspector answer(sentCommand(u"answer"_s).value(u"sdp"_s).toString());
        QVERIFY(!answer.candidates().isEmpty());
        QVERIFY(answer.audioDirection() == media::MediaDirection::SendRecv);
        media::WebRtcEndpoint* endpoint = rig.engine->endpoint(kAccount, id);
        QVERIFY(endpoint != nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(
            endpoint->connectionState() == media::PeerConnectionState::Connected, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(levelOf(id) > kAudible, 10000);
        QVERIFY(rig.calls->hangUp(kAccount, id));
        QTRY_VERIFY(rig.engine->endpoint(kAccount, id) == nullptr);
    }

    /// Publishing with a real offer: the emulator answers with a receive-only webrtcbin
    /// endpoint, ICE/DTLS connect, and PUBLISHING follows (spec §6.1).
    void publishNegotiatesWithTheEmulatorSink() {
        const QString id = u"pub-"_s + QString::number(QDateTime::currentMSecsSinceEpoch());
        media::WebRtcEndpoint* endpoint =
            rig.engine->createEndpoint(kAccount, id, media::MediaDirection::SendOnly, this);
        std::unique_ptr<media::WebRtcEndpoint> owner(endpoint);
        connect(endpoint, &media::WebRtcEndpoint::localDescriptionReady, this,
                [this, id](const QString& sdp, media::SdpType) {
                    wcs::StreamRequest r;
                    r.mediaSessionId = id;
                    r.name = u"media-pub"_s;
                    r.hasVideo = false;
                    r.sdp = sdp;
                    QCOMPARE(rig.session->publishStream(r), id);
                });
        connect(rig.session.get(), &wcs::Session::remoteSdpReceived, endpoint,
                [endpoint, id](const QString& streamId, const QString& sdp) {
                    if (streamId == id) {
                        endpoint->setRemoteDescription(sdp, media::SdpType::Answer);
                    }
                });
        QVERIFY(endpoint->createOffer());
        QTRY_VERIFY_WITH_TIMEOUT(rig.streams->rowOf(id) >= 0 &&
                                     rig.streams->at(rig.streams->rowOf(id)).status ==
                                         core::StreamStatus::Publishing,
                                 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            endpoint->connectionState() == media::PeerConnectionState::Connected, 5000);
        QVERIFY(endpoint->negotiatedDirection() == media::MediaDirection::SendOnly);
        QVERIFY(rig.session->unPublishStream(id));
        QTRY_COMPARE(rig.streams->at(rig.streams->rowOf(id)).status,
                     core::StreamStatus::Unpublished);
        QCOMPARE(mediaFailures, QStringList{});
    }

    /// A broken capture device: the endpoint cannot describe itself, so the call goes out with
    /// placeholder SDP, is not lost, and says why it has no audio.
    void brokenMediaKeepsTheCallAndSaysWhy() {
        rig.engine->setElementOverride(u"nosuchaudiosrc"_s, kSink);
        const QString id = rig.calls->dial(kAccount, u"echo"_s);
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(id), core::CallStatus::Established, 10000);
        QVERIFY2(record(id)->info.startsWith(u"no audio: "_s), qPrintable(record(id)->info));
        QVERIFY(rig.engine->endpoint(kAccount, id) == nullptr);
        QVERIFY(media::SdpInspector(sentCommand(u"call"_s).value(u"sdp"_s).toString())
                    .candidates()
                    .isEmpty()); // wcs::PlaceholderSdp
        QVERIFY(rig.calls->hangUp(kAccount, id));
        QTRY_VERIFY(record(id)->hasEnded());
    }

    /// An offer that looks like real WebRTC (ICE credentials, fingerprint, a candidate) but that
    /// webrtcbin rejects once it parses it (no `a=mid`, RFC 8843 needs one): the echo callee's
    /// endpoint fails and the call is answered with the fake SDP all the same.
    void echoCalleeFallsBackToFakeSdpWhenItsEndpointFails() {
        const QString offer =
            u"v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
            "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\n"
            "a=ice-ufrag:abcd\r\na=ice-pwd:abcdefghijklmnopqrstuvwx\r\n"
            "a=fingerprint:sha-256 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:"
            "55:66:77:88:99:AA:BB:CC:DD:EE:FF\r\na=setup:actpass\r\na=sendrecv\r\n"
            "a=rtcp-mux\r\na=rtpmap:111 opus/48000/2\r\n"
            "a=candidate:1 1 UDP 2130706431 127.0.0.1 9 typ host\r\n"_s;
        QSignalSpy sdp(rig.session.get(), &wcs::Session::remoteSdpReceived);
        wcs::CallRequest r;
        r.callee = u"echo"_s;
        r.sdp = offer;
        const QString id = rig.session->call(r);
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(id), core::CallStatus::Established, 10000);
        QCOMPARE(sdp.size(), 1);
        // SdpAnswerer's fake answer: its one host candidate on port 9 (nothing listens there).
        QVERIFY(sdp.first().at(1).toString().contains(u"127.0.0.1 9 typ host"_s));
        QVERIFY(rig.session->hangUp(id));
    }

    /// Hanging up while the offer is still being gathered sends nothing to the server.
    void hangUpBeforeTheOfferIsSentEndsLocally() {
        QSignalSpy ended(rig.calls.get(), &services::CallService::callEnded);
        const QString id = rig.calls->dial(kAccount, u"echo"_s);
        QCOMPARE(statusOf(id), core::CallStatus::Pending);
        QVERIFY(rig.calls->hangUp(kAccount, id));
        QCOMPARE(ended.size(), 1);
        QCOMPARE(statusOf(id), core::CallStatus::Finish);
        QTest::qWait(300);
        QVERIFY(sentCommand(u"call"_s).isEmpty());
        QVERIFY(sentCommand(u"hangup"_s).isEmpty());
        QVERIFY(rig.engine->endpoint(kAccount, id) == nullptr);
    }
};

QTEST_GUILESS_MAIN(tst_WcsCallMedia)
#include "tst_WcsCallMedia.moc"
