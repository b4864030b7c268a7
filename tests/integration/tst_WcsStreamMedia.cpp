// WCS stream audio end to end (issue #7): services::WcsBinding publishes and plays with a real
// services::MediaEngine (a test tone instead of the microphone, fakesink instead of the
// speaker) against the in-process emulator. The emulator answers a real publish with a
// receive-only webrtcbin endpoint that relays what it receives to the players of the name
// (emulator::MediaPeers), so what a player hears (MediaEngine::outputLevelChanged) proves that
// the publisher's audio reached the server.
#include "WcsMediaRig.h"
#include "emulator/EmulatorServer.h"
#include "emulator/MediaPeers.h"
#include "emulator/ScenarioParser.h"
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

constexpr double kAudible = -40.0; ///< dBov: the relayed tone (about -9 dBov) is far above
constexpr double kQuiet = -90.0;   ///< dBov: silence or the codec's noise floor
const QString kAccount = u"acc-streams"_s;
const QString kTone = u"audiotestsrc is-live=true wave=sine volume=0.5 freq=440"_s;
const QString kSilence = u"audiotestsrc is-live=true wave=silence"_s;
const QString kSink = u"fakesink sync=false"_s;

const char* const kScenario = R"({"registration": {"delayMs": 0}})";

} // namespace

class tst_WcsStreamMedia : public QObject {
    Q_OBJECT

private:
    testsupport::WcsMediaRig rig;
    QHash<QString, double> heard;    ///< mediaSessionId -> last output level, dBov
    QHash<QString, double> loudest;  ///< mediaSessionId -> highest output level, dBov
    QHash<QString, quint64> packets; ///< mediaSessionId -> packets received (stats)

    core::StreamStatus statusOf(const QString& id) const { return rig.streamStatus(id); }
    double levelOf(const QString& id) const {
        return heard.value(id, media::WebRtcEndpoint::kSilenceDb);
    }
    /// The `data[0]` of the last command `message` we sent for `id`, or {}.
    QJsonObject sentCommand(const QString& message, const QString& id) const {
        return rig.sentData(message, u"mediaSessionId"_s, id);
    }
    QString publishAndWait(const QString& name) {
        wcs::StreamRequest r;
        r.name = name;
        const QString id = rig.binding->publishStream(r);
        if (id.isEmpty()) {
            return {};
        }
        const bool live =
            QTest::qWaitFor([&] { return statusOf(id) == core::StreamStatus::Publishing; }, 10000);
        return live ? id : QString();
    }

private Q_SLOTS:
    void init() {
        QString error;
        QVERIFY2(rig.start(kScenario, kAccount, kTone, &error), qPrintable(error));
        rig.engine->setStatsIntervalMs(500);
        heard.clear();
        loudest.clear();
        packets.clear();
        connect(rig.engine.get(), &services::MediaEngine::outputLevelChanged, this,
                [this](const QString&, const QString& id, double db) {
                    heard[id] = db;
                    loudest[id] = qMax(loudest.value(id, media::WebRtcEndpoint::kSilenceDb), db);
                });
        connect(rig.engine.get(), &services::MediaEngine::statsUpdated, this,
                [this](const QString&, const QString& id, const media::MediaStats& s) {
                    packets[id] = s.packetsReceived;
                });
        rig.session->open();
        QTRY_COMPARE_WITH_TIMEOUT(rig.sessions->state(kAccount).connection,
                                  core::SessionStatus::Established, 5000);
    }

    void cleanup() {
        rig.stop();
        QTRY_COMPARE(emulator::MediaPeers::liveEndpoints(), 0);
    }

    /// publishStream carries a complete sendonly offer; the stream shows up at once (PENDING),
    /// reaches PUBLISHING, and a player of the name hears the published tone through the
    /// emulator: the publisher's audio reached the server. Stop and unpublish end both
    /// endpoints, ours and the emulator's.
    void publishedAudioReachesTheServerAndItsPlayers() {
        wcs::StreamRequest r;
        r.name = u"tone"_s;
        r.hasVideo = true; // the endpoint is audio only: goes out false
        const QString pub = rig.binding->publishStream(r);
        QVERIFY(!pub.isEmpty());
        QCOMPARE(statusOf(pub), core::StreamStatus::Pending);
        QVERIFY(rig.engine->endpoint(kAccount, pub) != nullptr);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(pub), core::StreamStatus::Publishing, 10000);
        const QJsonObject command = sentCommand(u"publishStream"_s, pub);
        QCOMPARE(command.value(u"hasVideo"_s).toBool(true), false);
        const media::SdpInspector offer(command.value(u"sdp"_s).toString());
        QVERIFY(!offer.candidates().isEmpty());
        QVERIFY(offer.audioDirection() == media::MediaDirection::SendOnly);
        media::WebRtcEndpoint* publisher = rig.engine->endpoint(kAccount, pub);
        QVERIFY(publisher != nullptr);
        QVERIFY(publisher->connectionState() == media::PeerConnectionState::Connected);

        wcs::StreamRequest p;
        p.name = u"tone"_s;
        const QString play = rig.binding->playStream(p);
        QVERIFY(!play.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(play), core::StreamStatus::Playing, 10000);
        QVERIFY(media::SdpInspector(sentCommand(u"playStream"_s, play).value(u"sdp"_s).toString())
                    .audioDirection() == media::MediaDirection::RecvOnly);
        QTRY_VERIFY_WITH_TIMEOUT(levelOf(play) > kAudible, 10000);
        qInfo("the player hears the published tone at %.1f dBov", levelOf(play));
        QCOMPARE(emulator::MediaPeers::liveEndpoints(), 2);

        QVERIFY(rig.binding->stopStream(play, false));
        QTRY_COMPARE(statusOf(play), core::StreamStatus::Stopped);
        QTRY_VERIFY(rig.engine->endpoint(kAccount, play) == nullptr);
        QVERIFY(rig.binding->stopStream(pub, true));
        QTRY_COMPARE(statusOf(pub), core::StreamStatus::Unpublished);
        QTRY_VERIFY(rig.engine->endpoint(kAccount, pub) == nullptr);
        QTRY_COMPARE(emulator::MediaPeers::liveEndpoints(), 0);
    }

    /// Control for the level test above: a silent publisher is heard as silence although
    /// packets flow, so "above -40 dBov" really measures the published audio.
    void silentPublisherIsHeardAsSilence() {
        rig.engine->setElementOverride(kSilence, kSink);
        const QString pub = publishAndWait(u"quiet"_s);
        QVERIFY(!pub.isEmpty());
        wcs::StreamRequest p;
        p.name = u"quiet"_s;
        const QString play = rig.binding->playStream(p);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(play), core::StreamStatus::Playing, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(packets.value(play) > 50, 10000);
        QTest::qWait(1000);
        qInfo("silent publisher: loudest %.1f dBov over %llu packets",
              loudest.value(play, media::WebRtcEndpoint::kSilenceDb),
              static_cast<unsigned long long>(packets.value(play)));
        QVERIFY(loudest.value(play, media::WebRtcEndpoint::kSilenceDb) < kQuiet);
        QVERIFY(rig.binding->stopStream(play, false));
        QVERIFY(rig.binding->stopStream(pub, true));
        QTRY_COMPARE(statusOf(pub), core::StreamStatus::Unpublished);
    }

    /// Without a real publisher the emulator's player endpoint sends its test tone.
    void playingWithoutARelayHearsTheEmulatorTone() {
        wcs::StreamRequest r;
        r.name = u"fake-pub"_s;
        r.sdp = u"v=0\r\n"_s; // not real WebRTC: the emulator answers with fake SDP, no relay
        const QString pub = rig.session->publishStream(r);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(pub), core::StreamStatus::Publishing, 5000);
        wcs::StreamRequest p;
        p.name = u"fake-pub"_s;
        const QString play = rig.binding->playStream(p);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(play), core::StreamStatus::Playing, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(levelOf(play) > kAudible, 10000);
        QVERIFY(rig.binding->stopStream(play, false));
        QTRY_VERIFY(rig.engine->endpoint(kAccount, play) == nullptr);
    }

    /// Stopping while the offer is still being gathered ends the stream locally and sends
    /// nothing.
    void stopBeforeTheOfferIsSentEndsLocally() {
        wcs::StreamRequest r;
        r.name = u"early"_s;
        const QString id = rig.binding->publishStream(r);
        QCOMPARE(statusOf(id), core::StreamStatus::Pending);
        QVERIFY(rig.binding->stopStream(id, true));
        QCOMPARE(statusOf(id), core::StreamStatus::Unpublished);
        QTest::qWait(300);
        QVERIFY(sentCommand(u"publishStream"_s, id).isEmpty());
        QVERIFY(sentCommand(u"unPublishStream"_s, id).isEmpty());
        QVERIFY(rig.engine->endpoint(kAccount, id) == nullptr);
    }

    /// A broken capture element: the publish goes out with placeholder SDP (as without an
    /// engine), the stream is not lost, and its info says why it has no audio.
    void brokenSourceFallsBackToPlaceholderSdp() {
        QSignalSpy problems(rig.binding.get(), &services::WcsBinding::streamMediaProblem);
        rig.engine->setElementOverride(u"nosuchaudiosrc"_s, kSink);
        wcs::StreamRequest r;
        r.name = u"broken"_s;
        const QString id = rig.binding->publishStream(r);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(id), core::StreamStatus::Publishing, 10000);
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().at(1).toString().startsWith(u"no audio: "_s));
        QVERIFY(media::SdpInspector(sentCommand(u"publishStream"_s, id).value(u"sdp"_s).toString())
                    .candidates()
                    .isEmpty());
        QVERIFY(rig.engine->endpoint(kAccount, id) == nullptr);
        QVERIFY(rig.binding->stopStream(id, true));
        QTRY_COMPARE(statusOf(id), core::StreamStatus::Unpublished);
    }

    /// Without an engine, publish is signalled with placeholder SDP as before.
    void withoutEngineStreamsUsePlaceholderSdp() {
        rig.binding->setMediaEngine(nullptr);
        QVERIFY(!rig.binding->streamsHaveMedia());
        wcs::StreamRequest r;
        r.name = u"plain"_s;
        const QString id = rig.binding->publishStream(r);
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(id), core::StreamStatus::Publishing, 5000);
        QVERIFY(rig.engine->endpoint(kAccount, id) == nullptr);
        QVERIFY(rig.binding->stopStream(id, true));
        QTRY_COMPARE(statusOf(id), core::StreamStatus::Unpublished);
    }
};

QTEST_GUILESS_MAIN(tst_WcsStreamMedia)
#include "tst_WcsStreamMedia.moc"
