// Integration tests of the emulator's streams (spec §5.2, §6): publish, play, unpublish, stop,
// refusals, availableStream, snapshot, stream events, stream failures and background streams,
// with two raw QWebSocket clients on an in-process emulator::EmulatorServer.

#include "EmulatorTestClient.h"
#include "EmulatorTestServer.h"
#include "emulator/EmulatorServer.h"
#include "emulator/ScenarioParser.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QtTest>

#include <memory>

using emulator::EmulatorServer;

namespace {

const char* kScenario = R"({
  "streams": {"publishDelayMs": 10, "playDelayMs": 10},
  "backgroundStreams": [
    {"name": "bg-steady", "upMs": 0, "viewers": 2},
    {"name": "bg-flappy", "startAfterMs": 0, "upMs": 250, "downMs": 100, "end": "fail",
     "failInfo": "Failed by RTP activity"}
  ]
})";

QString s(const char* text) {
    return QString::fromLatin1(text);
}

} // namespace

class tst_EmulatorStreams : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<EmulatorServer> m_server;
    std::unique_ptr<EmulatorTestClient> m_a; ///< publisher
    std::unique_ptr<EmulatorTestClient> m_b; ///< player

    static QJsonObject stream(const QString& id, const QString& name, bool record = false) {
        return {{s("mediaSessionId"), id},
                {s("name"), name},
                {s("hasAudio"), true},
                {s("hasVideo"), true},
                {s("status"), s("PENDING")},
                {s("record"), record},
                {s("mediaProvider"), s("WebRTC")},
                {s("sdp"), s("v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\n"
                             "a=rtpmap:111 opus/48000/2\r\na=sendonly\r\n")}};
    }

    /// Waits for the notifyStreamStatusEvent of `id` with `status`; returns its data[0].
    static QJsonObject status(EmulatorTestClient& c, const QString& id, const QString& status) {
        const auto f = c.waitFor(s("notifyStreamStatusEvent"), [&](const auto& fr) {
            return fr.arg.value(s("mediaSessionId")).toString() == id &&
                   fr.arg.value(s("status")).toString() == status;
        });
        return f ? f->arg : QJsonObject();
    }

    void publish(const QString& id, const QString& name, bool record = false) {
        m_a->send(s("publishStream"), stream(id, name, record));
        QVERIFY(!status(*m_a, id, s("PUBLISHING")).isEmpty());
    }

private Q_SLOTS:
    void initTestCase() {
        // Frames at debug level make failures hard to read; session events (info) stay.
        QLoggingCategory::setFilterRules(QStringLiteral("callboard.emulator.debug=false"));
    }

    void init() {
        QString error;
        m_server = emulatortest::startServer(kScenario, error);
        QVERIFY2(m_server, qPrintable(error));
        m_a = std::make_unique<EmulatorTestClient>();
        m_b = std::make_unique<EmulatorTestClient>();
        QVERIFY(m_a->open(m_server->serverUrl()));
        QVERIFY(m_b->open(m_server->serverUrl()));
        QVERIFY(!m_a->connectSession().isEmpty());
        QVERIFY(!m_b->connectSession().isEmpty());
    }

    void cleanup() {
        QCOMPARE(m_a->decodeErrors, 0);
        QCOMPARE(m_b->decodeErrors, 0);
        m_a.reset();
        m_b.reset();
        m_server.reset();
    }

    void publishAnswersThenPublishes() {
        m_a->send(s("publishStream"), stream(s("p-1"), s("cam"), true));
        const QJsonObject pub = status(*m_a, s("p-1"), s("PUBLISHING"));
        QVERIFY(!pub.isEmpty());
        QCOMPARE(pub.value(s("published")), QJsonValue(true));
        QCOMPARE(pub.value(s("name")).toString(), s("cam"));
        QVERIFY(QRegularExpression(s(R"(^cam-\d{13}\.mp4$)"))
                    .match(pub.value(s("recordName")).toString())
                    .hasMatch());
        QCOMPARE(m_a->messages().mid(1),
                 (QStringList{s("setRemoteSDP"), s("notifyStreamStatusEvent")}));
        const auto sdp = m_a->waitFor(s("setRemoteSDP"));
        QCOMPARE(sdp->data.at(0).toString(), s("p-1"));
        QVERIFY(sdp->data.at(1).toString().contains(s("a=recvonly"))); // answer to sendonly
    }

    void refusals_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("info");
        QTest::newRow("name in use") << "publishStream"
                                     << "p-2"
                                     << "cam"
                                     << "Stream name is already in use";
        QTest::newRow("id in use (publish)") << "publishStream"
                                             << "p-1"
                                             << "other"
                                             << "MediaSessionId is already in use";
        QTest::newRow("id in use (play)") << "playStream"
                                          << "p-1"
                                          << "cam"
                                          << "MediaSessionId is already in use";
        QTest::newRow("not found") << "playStream"
                                   << "q-1"
                                   << "nothing-here"
                                   << "Stream not found";
    }

    void refusals() {
        QFETCH(QString, command);
        QFETCH(QString, id);
        QFETCH(QString, name);
        QFETCH(QString, info);
        publish(s("p-1"), s("cam"));
        m_b->send(command, stream(id, name));
        const QJsonObject failed = status(*m_b, id, s("FAILED"));
        QVERIFY(!failed.isEmpty());
        QCOMPARE(failed.value(s("info")).toString(), info);
        QVERIFY(m_b->nothing(s("setRemoteSDP"), 0));
    }

    void commandWithoutIdIgnored() {
        publish(s("p-1"), s("cam"));
        m_b->send(s("playStream"), stream(QString(), s("cam")));
        QVERIFY(m_b->nothing(s("notifyStreamStatusEvent"), 80)); // nothing to address a reply to
        QVERIFY(m_b->nothing(s("setRemoteSDP"), 0));
    }

    void playUnpublishStop() {
        publish(s("p-1"), s("cam"));
        m_b->send(s("playStream"), stream(s("q-1"), s("cam")));
        QVERIFY(!status(*m_b, s("q-1"), s("PLAYING")).isEmpty());
        const auto resize = m_b->waitFor(s("notifyStreamEvent"), s("type"), s("resize"));
        QVERIFY(resize);
        QCOMPARE(resize->arg.value(s("payload")).toObject().value(s("streamerVideoWidth")).toInt(),
                 640);
        m_b->send(s("playStream"), stream(s("q-2"), s("cam")));
        QVERIFY(!status(*m_b, s("q-2"), s("PLAYING")).isEmpty());
        // A player stops itself.
        m_b->send(s("stopStream"),
                  QJsonObject{{s("mediaSessionId"), s("q-2")}, {s("name"), s("cam")}});
        QCOMPARE(status(*m_b, s("q-2"), s("STOPPED")).value(s("info")).toString(),
                 s("Stopped by user"));
        // Stream events of the publisher reach the remaining player under its own id.
        m_a->send(s("sendStreamEvent"), QJsonObject{{s("mediaSessionId"), s("p-1")},
                                                    {s("type"), s("data")},
                                                    {s("payload"), QJsonObject{{s("hello"), 1}}}});
        const auto ev = m_b->waitFor(s("notifyStreamEvent"), s("type"), s("data"));
        QVERIFY(ev);
        QCOMPARE(ev->arg.value(s("mediaSessionId")).toString(), s("q-1"));
        QCOMPARE(ev->arg.value(s("payload")).toObject().value(s("hello")).toInt(), 1);
        m_a->send(s("sendStreamEvent"),
                  QJsonObject{{s("mediaSessionId"), s("p-1")}, {s("type"), s("audioMuted")}});
        QVERIFY(m_b->waitFor(s("notifyStreamEvent"), s("type"), s("audioMuted")));
        // The publisher stops: UNPUBLISHED to it, STOPPED to the player.
        m_a->send(s("unPublishStream"),
                  QJsonObject{{s("mediaSessionId"), s("p-1")}, {s("name"), s("cam")}});
        QCOMPARE(status(*m_a, s("p-1"), s("UNPUBLISHED")).value(s("info")).toString(),
                 s("Stopped by user"));
        QCOMPARE(status(*m_b, s("q-1"), s("STOPPED")).value(s("info")).toString(),
                 s("Stopped by publisher stop"));
        // The name is free again.
        publish(s("p-3"), s("cam"));
    }

    void publisherSessionCloses() {
        publish(s("p-1"), s("cam"));
        m_b->send(s("playStream"), stream(s("q-1"), s("cam")));
        QVERIFY(!status(*m_b, s("q-1"), s("PLAYING")).isEmpty());
        m_a->socket.close();
        QCOMPARE(status(*m_b, s("q-1"), s("STOPPED")).value(s("info")).toString(),
                 s("Stopped by publisher stop"));
        QVERIFY(QTest::qWaitFor([&] { return m_server->sessionCount() == 1; }));
        m_b->send(s("publishStream"), stream(s("p-9"), s("cam")));
        QVERIFY(!status(*m_b, s("p-9"), s("PUBLISHING")).isEmpty()); // name released
    }

    void availableStream_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("info");
        QTest::newRow("live") << "cam"
                              << "true"
                              << "";
        QTest::newRow("background") << "bg-steady"
                                    << "true"
                                    << "";
        QTest::newRow("missing") << "no-such-stream"
                                 << "false"
                                 << "Stream not found";
    }

    void availableStream() {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        QFETCH(QString, info);
        publish(s("p-1"), s("cam"));
        m_b->send(s("availableStream"),
                  QJsonObject{{s("mediaSessionId"), s("a-1")}, {s("name"), name}});
        const auto r = m_b->waitFor(s("availableStream"));
        QVERIFY(r);
        QCOMPARE(r->arg.value(s("id")).toString(), s("a-1"));
        QVERIFY(r->arg.value(s("status")).isString()); // a string, as WCS sends it (§6.3)
        QCOMPARE(r->arg.value(s("status")).toString(), expected);
        QCOMPARE(r->arg.value(s("info")).toString(), info);
    }

    void snapshot() {
        publish(s("p-1"), s("cam"));
        m_b->send(s("snapshot"),
                  QJsonObject{{s("mediaSessionId"), s("n-1")}, {s("name"), s("cam")}});
        const auto ok = m_b->waitFor(s("notifyStreamEvent"), s("mediaSessionId"), s("n-1"));
        QVERIFY(ok);
        QCOMPARE(ok->arg.value(s("type")).toString(), s("snapshotCompleted"));
        const QByteArray png = QByteArray::fromBase64(
            ok->arg.value(s("payload")).toObject().value(s("snapshot")).toString().toLatin1());
        QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));
        QVERIFY(png.contains("IHDR") && png.endsWith(QByteArray::fromHex("49454e44ae426082")));
        m_b->send(s("snapshot"),
                  QJsonObject{{s("mediaSessionId"), s("n-2")}, {s("name"), s("nope")}});
        const auto bad = m_b->waitFor(s("notifyStreamEvent"), s("mediaSessionId"), s("n-2"));
        QVERIFY(bad);
        QCOMPARE(bad->arg.value(s("type")).toString(), s("snapshotFailed"));
        QCOMPARE(bad->arg.value(s("payload")).toObject().value(s("info")).toString(),
                 s("Stream not found"));
    }

    void streamFailAction() {
        publish(s("p-1"), s("cam"));
        m_b->send(s("playStream"), stream(s("q-1"), s("cam")));
        QVERIFY(!status(*m_b, s("q-1"), s("PLAYING")).isEmpty());
        const QJsonObject reply = m_server->execute({{s("action"), s("streamFail")},
                                                     {s("name"), s("cam")},
                                                     {s("info"), s("Failed by ICE timeout")}});
        QCOMPARE(reply.value(s("ok")), QJsonValue(true));
        QCOMPARE(reply.value(s("mediaSessionId")).toString(), s("p-1"));
        QCOMPARE(status(*m_a, s("p-1"), s("FAILED")).value(s("info")).toString(),
                 s("Failed by ICE timeout"));
        QCOMPARE(status(*m_b, s("q-1"), s("FAILED")).value(s("info")).toString(),
                 s("Failed by ICE timeout"));
        QCOMPARE(
            m_server->execute({{s("action"), s("streamFail")}, {s("mediaSessionId"), s("p-1")}})
                .value(s("ok")),
            QJsonValue(false));
    }

    void streamStatusAction() {
        publish(s("p-1"), s("cam"));
        const QJsonObject reply = m_server->execute({{s("action"), s("streamStatus")},
                                                     {s("mediaSessionId"), s("p-1")},
                                                     {s("status"), s("PAUSED")},
                                                     {s("info"), s("probe 1")}});
        QCOMPARE(reply.value(s("ok")), QJsonValue(true));
        QCOMPARE(status(*m_a, s("p-1"), s("PAUSED")).value(s("info")).toString(), s("probe 1"));
        m_server->execute({{s("action"), s("streamStatus")},
                           {s("mediaSessionId"), s("p-1")},
                           {s("status"), s("PUBLISHING")}});
        QVERIFY(!status(*m_a, s("p-1"), s("PUBLISHING")).isEmpty());
        // only live statuses, only live streams
        QCOMPARE(m_server
                     ->execute({{s("action"), s("streamStatus")},
                                {s("mediaSessionId"), s("p-1")},
                                {s("status"), s("FAILED")}})
                     .value(s("ok")),
                 QJsonValue(false));
        QCOMPARE(m_server
                     ->execute({{s("action"), s("streamStatus")},
                                {s("mediaSessionId"), s("nope")},
                                {s("status"), s("PAUSED")}})
                     .value(s("ok")),
                 QJsonValue(false));
    }

    void backgroundStreams() {
        // The flapping background stream: play it, then it fails under us.
        QVERIFY(QTest::qWaitFor([&] {
            const auto list =
                m_server->execute({{s("action"), s("streams")}}).value(s("streams")).toArray();
            for (const auto& v : list) {
                if (v.toObject().value(s("name")).toString() == QLatin1StringView("bg-flappy")) {
                    return true;
                }
            }
            return false;
        }));
        m_b->send(s("playStream"), stream(s("q-1"), s("bg-flappy")));
        QVERIFY(!status(*m_b, s("q-1"), s("PLAYING")).isEmpty());
        QCOMPARE(status(*m_b, s("q-1"), s("FAILED")).value(s("info")).toString(),
                 s("Failed by RTP activity"));
        // The steady one has its viewers in the registry.
        int viewers = 0;
        for (const auto& v :
             m_server->execute({{s("action"), s("streams")}}).value(s("streams")).toArray()) {
            const QJsonObject o = v.toObject();
            viewers += o.value(s("name")).toString() == QLatin1StringView("bg-steady") &&
                       !o.value(s("published")).toBool() && o.value(s("background")).toBool();
        }
        QCOMPARE(viewers, 2);
        // publishBackground / stopBackground from the control endpoint.
        QVERIFY(m_server->execute({{s("action"), s("publishBackground")}, {s("name"), s("extra")}})
                    .value(s("ok"))
                    .toBool());
        QVERIFY(!m_server->execute({{s("action"), s("publishBackground")}, {s("name"), s("extra")}})
                     .value(s("ok"))
                     .toBool()); // name in use
        m_b->send(s("playStream"), stream(s("q-2"), s("extra")));
        QVERIFY(!status(*m_b, s("q-2"), s("PLAYING")).isEmpty());
        QVERIFY(m_server->execute({{s("action"), s("stopBackground")}, {s("name"), s("extra")}})
                    .value(s("ok"))
                    .toBool());
        QCOMPARE(status(*m_b, s("q-2"), s("STOPPED")).value(s("info")).toString(),
                 s("Stopped by publisher stop"));
        QVERIFY(!m_server->execute({{s("action"), s("stopBackground")}, {s("name"), s("extra")}})
                     .value(s("ok"))
                     .toBool());
    }

    void commandsForOthersStreamsIgnored() {
        publish(s("p-1"), s("cam"));
        m_b->send(s("unPublishStream"), QJsonObject{{s("mediaSessionId"), s("p-1")}});
        m_b->send(s("sendStreamEvent"),
                  QJsonObject{{s("mediaSessionId"), s("p-1")}, {s("type"), s("data")}});
        QVERIFY(m_a->nothing(s("notifyStreamStatusEvent"), 80));
        QVERIFY(m_b->nothing(s("notifyStreamEvent"), 0));
    }
};

QTEST_GUILESS_MAIN(tst_EmulatorStreams)
#include "tst_EmulatorStreams.moc"
