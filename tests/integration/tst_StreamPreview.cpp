// services::StreamPreview against the in-process emulator (issue #7): the WebRTC path (a
// recvonly `playStream` whose received level is measured, with a silent control), stop on
// close (`stopStream`, no endpoint left on either side), and the fall back to HLS when WebRTC
// is not possible or fails (the HLS address is a local server that answers 404 here; playing
// real HLS is tst_StreamPreviewHls).
#include "WcsMediaRig.h"
#include "emulator/EmulatorServer.h"
#include "emulator/MediaPeers.h"
#include "emulator/ScenarioParser.h"
#include "media/WebRtcEndpoint.h"
#include "services/CallService.h"
#include "services/MediaEngine.h"
#include "services/SessionMonitor.h"
#include "services/StreamMonitor.h"
#include "services/StreamPreview.h"
#include "services/WcsBinding.h"
#include "support/HttpFileServer.h"
#include "wcs/Session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Preview = services::StreamPreview;

namespace {

constexpr double kAudible = -40.0; ///< dBov
constexpr double kQuiet = -90.0;   ///< dBov
const QString kAccount = u"acc-preview"_s;
const QString kTone = u"audiotestsrc is-live=true wave=sine volume=0.5 freq=440"_s;
const QString kSilence = u"audiotestsrc is-live=true wave=silence"_s;
const QString kSink = u"fakesink sync=false"_s;

const char* const kScenario = R"({"registration": {"delayMs": 0}})";

} // namespace

class tst_StreamPreview : public QObject {
    Q_OBJECT

private:
    testsupport::WcsMediaRig rig;
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<testsupport::HttpFileServer> http;
    QStringList sentMessages; ///< "<message> <mediaSessionId>" of every command we sent

    core::StreamStatus statusOf(const QString& id) const { return rig.streamStatus(id); }
    QString publish(const QString& name) {
        wcs::StreamRequest r;
        r.name = name;
        const QString id = rig.binding->publishStream(r);
        const bool live =
            QTest::qWaitFor([&] { return statusOf(id) == core::StreamStatus::Publishing; }, 10000);
        return live ? id : QString();
    }
    std::unique_ptr<Preview> preview(const QString& name) {
        auto p = std::make_unique<Preview>(name, http->url(name + u'/' + name + u".m3u8"_s));
        p->setWebRtc(rig.binding.get(), kAccount, rig.engine.get());
        p->setHlsAudioEnabled(false);
        return p;
    }

private Q_SLOTS:
    void init() {
        QString error;
        QVERIFY2(rig.start(kScenario, kAccount, kTone, &error), qPrintable(error));
        rig.engine->setStatsIntervalMs(500);
        dir = std::make_unique<QTemporaryDir>();
        http = std::make_unique<testsupport::HttpFileServer>(dir->path()); // empty: all 404
        QVERIFY(http->listen());
        sentMessages.clear();
        connect(rig.session.get(), &wcs::Session::frameLogged, this,
                [this](bool outgoing, const QByteArray& frame) {
                    const QJsonObject f = QJsonDocument::fromJson(frame).object();
                    if (outgoing) {
                        sentMessages << f.value(u"message"_s).toString() + u' ' +
                                            f.value(u"data"_s)
                                                .toArray()
                                                .at(0)
                                                .toObject()
                                                .value(u"mediaSessionId"_s)
                                                .toString();
                    }
                });
        rig.session->open();
        QTRY_COMPARE_WITH_TIMEOUT(rig.sessions->state(kAccount).connection,
                                  core::SessionStatus::Established, 5000);
    }

    void cleanup() {
        rig.stop();
        http.reset();
        QTRY_COMPARE(emulator::MediaPeers::liveEndpoints(), 0);
    }

    /// The preview plays over WebRTC: PLAYING, the received level of the published tone is far
    /// above silence, statistics arrive; closing it sends stopStream and leaves no endpoint of
    /// its own on either side (the publisher's stays).
    void webRtcPreviewHearsTheStreamAndStopsOnClose() {
        const QString pub = publish(u"lobby"_s);
        QVERIFY(!pub.isEmpty());
        auto p = preview(u"lobby"_s);
        QSignalSpy states(p.get(), &Preview::stateChanged);
        p->start();
        QCOMPARE(p->path(), Preview::Path::WebRtc);
        QCOMPARE(p->state(), Preview::State::Connecting);
        const QString id = p->mediaSessionId();
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(p->state(), Preview::State::Playing, 10000);
        QCOMPARE(p->streamStatus(), core::StreamStatus::Playing);
        QTRY_VERIFY_WITH_TIMEOUT(p->outputLevel() > kAudible, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(p->stats() && p->stats()->packetsReceived > 0, 5000);
        qInfo("preview hears %.1f dBov", p->outputLevel());
        QCOMPARE(emulator::MediaPeers::liveEndpoints(), 2);

        p.reset(); // closing the pane
        QVERIFY(sentMessages.contains(u"stopStream "_s + id));
        QTRY_COMPARE(statusOf(id), core::StreamStatus::Stopped);
        QTRY_VERIFY(rig.engine->endpoint(kAccount, id) == nullptr);
        QTRY_COMPARE(emulator::MediaPeers::liveEndpoints(), 1);  // the publisher's sink
        QCOMPARE(statusOf(pub), core::StreamStatus::Publishing); // untouched
        QVERIFY(http->requests().isEmpty());                     // no HLS involved
    }

    /// Control: the same preview of a silent publisher stays below -90 dBov.
    void webRtcPreviewOfASilentStreamStaysSilent() {
        rig.engine->setElementOverride(kSilence, kSink);
        QVERIFY(!publish(u"quiet"_s).isEmpty());
        auto p = preview(u"quiet"_s);
        double loudest = media::WebRtcEndpoint::kSilenceDb;
        connect(p.get(), &Preview::outputLevelChanged, this,
                [&loudest](double db) { loudest = qMax(loudest, db); });
        p->start();
        QTRY_COMPARE_WITH_TIMEOUT(p->state(), Preview::State::Playing, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(p->stats() && p->stats()->packetsReceived > 50, 10000);
        QTest::qWait(1000);
        qInfo("silent stream: loudest %.1f dBov", loudest);
        QVERIFY(loudest < kQuiet);
        QVERIFY(loudest < kAudible);
    }

    /// stop() then start() again plays with a new mediaSessionId (spec §6.2: no reuse).
    void stopAndPlayAgain() {
        QVERIFY(!publish(u"again"_s).isEmpty());
        auto p = preview(u"again"_s);
        p->start();
        QTRY_COMPARE_WITH_TIMEOUT(p->state(), Preview::State::Playing, 10000);
        const QString first = p->mediaSessionId();
        p->stop();
        QCOMPARE(p->state(), Preview::State::Stopped);
        QVERIFY(p->mediaSessionId().isEmpty());
        QTRY_COMPARE(statusOf(first), core::StreamStatus::Stopped);
        p->start();
        QVERIFY(p->mediaSessionId() != first);
        QTRY_COMPARE_WITH_TIMEOUT(p->state(), Preview::State::Playing, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(p->outputLevel() > kAudible, 10000);
    }

    /// A stream that does not exist: the WebRTC play FAILs, the preview falls back to HLS, and
    /// the HLS 404 ends in Failed with the player's error text. The session and other streams
    /// are untouched.
    void failedPlayFallsBackToHlsAndReportsTheHlsError() {
        const QString other = publish(u"other"_s);
        auto p = preview(u"missing"_s);
        QSignalSpy errors(p.get(), &Preview::errorOccurred);
        p->start();
        QTRY_COMPARE_WITH_TIMEOUT(p->path(), Preview::Path::Hls, 10000);
        QVERIFY2(p->pathReason().contains(u"WebRTC play failed"_s), qPrintable(p->pathReason()));
        QTRY_COMPARE_WITH_TIMEOUT(p->state(), Preview::State::Failed, 15000);
        QVERIFY(!p->error().isEmpty());
        qInfo("HLS error: %s", qPrintable(p->error()));
        QVERIFY(http->requests().contains(u"/missing/missing.m3u8"_s));
        QVERIFY(errors.size() >= 1);
        QCOMPARE(statusOf(other), core::StreamStatus::Publishing);
        QVERIFY(rig.session->status() == core::SessionStatus::Established);
    }

    /// No engine: straight to HLS, and the reason says so.
    void withoutEngineThePreviewUsesHls() {
        auto p = std::make_unique<Preview>(u"x"_s, http->url(u"x/x.m3u8"_s));
        p->setWebRtc(rig.binding.get(), kAccount, nullptr);
        p->setHlsAudioEnabled(false);
        p->start();
        QCOMPARE(p->path(), Preview::Path::Hls);
        QVERIFY2(p->pathReason().contains(u"WebRTC audio is not available"_s),
                 qPrintable(p->pathReason()));
        QVERIFY(!sentMessages.join(u'\n').contains(u"playStream"_s));
        QTRY_COMPARE_WITH_TIMEOUT(p->state(), Preview::State::Failed, 15000);
    }

    /// No HLS address either: Failed at once, with a reason.
    void nothingToPlayFailsWithAReason() {
        Preview p(u"y"_s, QUrl());
        p.start();
        QCOMPARE(p.state(), Preview::State::Failed);
        QCOMPARE(p.path(), Preview::Path::None);
        QVERIFY(p.pathReason().contains(u"no WCS account"_s));
        QVERIFY(!p.error().isEmpty());
    }
};

QTEST_MAIN(tst_StreamPreview)
#include "tst_StreamPreview.moc"
