// The HLS fallback of services::StreamPreview (spec §14) with Qt Multimedia's QMediaPlayer:
// a short HLS stream (AAC in MPEG-TS, one playlist + segments, made here with GStreamer's
// hlssink) served by a local HTTP server reaches the playing state; a 404 playlist ends in
// Failed with the player's error text.
#include "services/StreamPreview.h"
#include "support/HttpFileServer.h"

#include <gst/gst.h>

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Preview = services::StreamPreview;

namespace {

bool hasElement(const char* name) {
    GstElementFactory* factory = gst_element_factory_find(name);
    if (!factory) {
        return false;
    }
    gst_object_unref(factory);
    return true;
}

/// Runs `description` to EOS; empty on success, else the error.
QString runPipeline(const QString& description) {
    GError* error = nullptr;
    GstElement* pipeline = gst_parse_launch(description.toUtf8().constData(), &error);
    if (!pipeline) {
        const QString text = error ? QString::fromUtf8(error->message) : u"parse failed"_s;
        g_clear_error(&error);
        return text;
    }
    g_clear_error(&error);
    gst_element_set_state(pipeline, GST_STATE_PLAYING);
    GstBus* bus = gst_element_get_bus(pipeline);
    GstMessage* message = gst_bus_timed_pop_filtered(
        bus, 20 * GST_SECOND, static_cast<GstMessageType>(GST_MESSAGE_EOS | GST_MESSAGE_ERROR));
    QString result;
    if (!message) {
        result = u"timed out"_s;
    } else if (GST_MESSAGE_TYPE(message) == GST_MESSAGE_ERROR) {
        GError* e = nullptr;
        gst_message_parse_error(message, &e, nullptr);
        result = e ? QString::fromUtf8(e->message) : u"error"_s;
        g_clear_error(&e);
    }
    if (message) {
        gst_message_unref(message);
    }
    gst_object_unref(bus);
    gst_element_set_state(pipeline, GST_STATE_NULL);
    gst_object_unref(pipeline);
    return result;
}

} // namespace

class tst_StreamPreviewHls : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir;
    std::unique_ptr<testsupport::HttpFileServer> http;

private Q_SLOTS:
    void initTestCase() {
        gst_init(nullptr, nullptr);
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath(u"live"_s));
        // WCS serves AAC in MPEG-TS; MP3 when the AAC encoder is not installed.
        QString encoder;
        if (hasElement("voaacenc") && hasElement("aacparse")) {
            encoder = u"voaacenc ! aacparse"_s;
        } else if (hasElement("lamemp3enc") && hasElement("mpegaudioparse")) {
            encoder = u"audioresample ! audio/x-raw,rate=44100 ! lamemp3enc ! mpegaudioparse"_s;
        }
        if (encoder.isEmpty() || !hasElement("hlssink") || !hasElement("mpegtsmux")) {
            QSKIP("no GStreamer AAC/MP3 encoder, mpegtsmux or hlssink to make the HLS fixture");
        }
        const QString live = dir.filePath(u"live"_s);
        const QString error = runPipeline(
            u"audiotestsrc num-buffers=130 samplesperbuffer=1024 freq=440 ! audioconvert ! "
            "%1 ! mpegtsmux ! hlssink location=%2/seg%05d.ts playlist-location=%2/live.m3u8 "
            "target-duration=1 max-files=0"_s.arg(encoder, live));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(QFile::exists(live + u"/live.m3u8"_s));
        http = std::make_unique<testsupport::HttpFileServer>(dir.path());
        QVERIFY(http->listen());
    }

    void playsTheHlsPlaylist_data() {
        QTest::addColumn<bool>("audio");
        QTest::newRow("without audio output") << false;
        QTest::newRow("with the default audio output") << true;
    }
    /// No account: the HLS path, and the player reaches the playing state (buffered media).
    void playsTheHlsPlaylist() {
        QFETCH(bool, audio);
        Preview p(u"live"_s, http->url(u"live/live.m3u8"_s));
        p.setHlsAudioEnabled(audio);
        QList<Preview::State> states;
        connect(&p, &Preview::stateChanged, this, [&states](Preview::State s) { states << s; });
        p.start();
        QCOMPARE(p.path(), Preview::Path::Hls);
        QVERIFY2(p.pathReason().contains(u"no WCS account"_s), qPrintable(p.pathReason()));
        QTRY_VERIFY_WITH_TIMEOUT(
            states.contains(Preview::State::Playing) || p.state() == Preview::State::Failed, 15000);
        QVERIFY2(p.state() != Preview::State::Failed, qPrintable(p.error()));
        QVERIFY(p.player() != nullptr);
        QVERIFY(p.player()->playbackState() == QMediaPlayer::PlayingState ||
                p.state() == Preview::State::Stopped);
        QVERIFY(http->requests().contains(u"/live/live.m3u8"_s));
        QVERIFY(http->requests().contains(u"/live/seg00000.ts"_s));
        QVERIFY(p.error().isEmpty());
        p.stop();
        QCOMPARE(p.state(), Preview::State::Stopped);
        QCOMPARE(p.player()->playbackState(), QMediaPlayer::StoppedState);
    }

    /// A playlist that is not there (HTTP 404): Failed, with the player's error text.
    void missingPlaylistFailsWithTheErrorText() {
        Preview p(u"gone"_s, http->url(u"gone/gone.m3u8"_s));
        p.setHlsAudioEnabled(false);
        QSignalSpy errors(&p, &Preview::errorOccurred);
        p.start();
        QTRY_COMPARE_WITH_TIMEOUT(p.state(), Preview::State::Failed, 15000);
        qInfo("HLS 404: %s", qPrintable(p.error()));
        QVERIFY2(p.error().contains(u"Not Found"_s, Qt::CaseInsensitive) ||
                     p.error().contains(u"404"_s),
                 qPrintable(p.error()));
        QCOMPARE(errors.size(), 1);
        QVERIFY(http->requests().contains(u"/gone/gone.m3u8"_s));
    }
};

QTEST_MAIN(tst_StreamPreviewHls)
#include "tst_StreamPreviewHls.moc"
