// Integration tests of the emulator's session features and faults: sendData, OnDataEvent,
// sessionDebug, pushLogs, `fail`, tolerance of bad client frames, every fault action, the control
// endpoint over WebSocket, the session timeline and the frame recorder.

#include "EmulatorTestClient.h"
#include "EmulatorTestServer.h"
#include "emulator/EmulatorServer.h"
#include "emulator/ScenarioParser.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using emulator::EmulatorServer;

namespace {

const char* kScenario = R"({
  "keepAliveGraceMs": 400,
  "dataRules": [
    {"key": "fail", "status": "FAILED", "info": "Rejected by backend"},
    {"contains": "please-echo", "echo": true}
  ]
})";

QString s(const char* text) {
    return QString::fromLatin1(text);
}

/// shared/ of the testbed: CALLBOARD_SHARED_DIR as CTest sets it, else the same default as
/// tests/CMakeLists.txt (shared/ beside the repository root), so that running the binary by
/// hand finds the fixtures too.
QString sharedDir() {
    const QString dir = qEnvironmentVariable("CALLBOARD_SHARED_DIR");
    if (!dir.isEmpty()) {
        return dir;
    }
    return QFileInfo(QString::fromUtf8(__FILE__)).absolutePath() + s("/../../../shared");
}

} // namespace

class tst_EmulatorFaults : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<EmulatorServer> m_server;
    std::unique_ptr<EmulatorTestClient> m_client;

    void start(const char* scenario = kScenario, int pingMs = 0, int probes = 10,
               const QString& record = {}) {
        QString error;
        m_server = emulatortest::startServer(scenario, error, {pingMs, probes, record});
        QVERIFY2(m_server, qPrintable(error));
        m_client = std::make_unique<EmulatorTestClient>();
        QVERIFY(m_client->open(m_server->serverUrl()));
    }

    QJsonObject act(const QJsonObject& action) { return m_server->execute(action); }

    QJsonObject firstSession() {
        return act({{s("action"), s("sessions")}}).value(s("sessions")).toArray().at(0).toObject();
    }

    void sendData(const QString& id, const QJsonValue& payload) {
        m_client->send(s("sendData"), QJsonObject{{s("operationId"), id}, {s("payload"), payload}});
    }

private Q_SLOTS:
    void initTestCase() {
        // Frames at debug level make failures hard to read; session events (info) stay.
        QLoggingCategory::setFilterRules(QStringLiteral("callboard.emulator.debug=false"));
    }

    void cleanup() {
        if (m_client) {
            QCOMPARE(m_client->decodeErrors, 0);
        }
        m_client.reset();
        m_server.reset();
    }

    void sendData_data() {
        QTest::addColumn<QString>("payload");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("info");
        QTest::addColumn<bool>("echo");
        QTest::newRow("accepted") << R"({"hello":"world"})"
                                  << "ACCEPTED"
                                  << "" << false;
        QTest::newRow("rule key") << R"({"fail":true})"
                                  << "FAILED"
                                  << "Rejected by backend" << false;
        QTest::newRow("rule contains") << R"({"text":"please-echo"})"
                                       << "ACCEPTED"
                                       << "" << true;
        QTest::newRow("not an object") << R"(["fail"])"
                                       << "ACCEPTED"
                                       << "" << false;
    }

    void sendData() {
        QFETCH(QString, payload);
        QFETCH(QString, status);
        QFETCH(QString, info);
        QFETCH(bool, echo);
        start();
        QVERIFY(!m_client->connectSession().isEmpty());
        const QJsonValue p = QJsonDocument::fromJson("[" + payload.toUtf8() + "]").array().at(0);
        sendData(s("op-1"), p);
        const auto r = m_client->waitFor(s("DataStatusEvent"));
        QVERIFY(r);
        QCOMPARE(r->arg.value(s("operationId")).toString(), s("op-1"));
        QCOMPARE(r->arg.value(s("status")).toString(), status);
        QCOMPARE(r->arg.value(s("info")).toString(), info);
        if (echo) {
            const auto e = m_client->waitFor(s("OnDataEvent"));
            QVERIFY(e);
            QCOMPARE(e->arg.value(s("payload")).toObject().value(s("echo")), p);
            QVERIFY(e->arg.value(s("operationId")).toString() != s("op-1"));
        } else {
            QVERIFY(m_client->nothing(s("OnDataEvent"), 30));
        }
    }

    void fuzzedClientFrames() {
        // Every C>S frame of the official SDK's captures, with each field swapped for values of
        // every other type, plus byte-level corruption: the emulator must stay up and answer.
        start();
        QVERIFY(!m_client->connectSession({{s("keepAlive"), true}}).isEmpty());
        QList<QJsonObject> frames;
        const QDir fixtures(sharedDir() + s("/fixtures/wcs-official-sdk"));
        const QStringList captures = fixtures.entryList({s("*.jsonl")});
        QVERIFY2(!captures.isEmpty(),
                 qPrintable(s("no *.jsonl captures in ") + fixtures.absolutePath() +
                            s(" (set CALLBOARD_SHARED_DIR)")));
        for (const QString& name : captures) {
            QFile f(fixtures.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            for (const QByteArray& line : f.readAll().split('\n')) {
                const QJsonObject o = QJsonDocument::fromJson(line).object();
                const QJsonObject frame =
                    QJsonDocument::fromJson(o.value(s("raw")).toString().toUtf8()).object();
                if (o.value(s("dir")).toString() == QLatin1StringView("C>S") &&
                    frame.value(s("message")).toString() != QLatin1StringView("connection")) {
                    frames.append(frame);
                }
            }
        }
        frames.append(QJsonObject{{s("message"), s("call")},
                                  {s("data"), QJsonArray{QJsonObject{{s("callId"), s("f-1")},
                                                                     {s("callee"), s("9999")}}}}});
        const QJsonArray odd{
            QJsonValue(),         true, 0, -1, 1e300, s(""), s("x"), QJsonArray{}, QJsonObject{},
            QJsonArray{1, s("a")}};
        QRandomGenerator rng(99);
        int sent = 0;
        for (const QJsonObject& frame : std::as_const(frames)) {
            const QJsonObject arg = frame.value(s("data")).toArray().at(0).toObject();
            for (auto it = arg.begin(); it != arg.end(); ++it) {
                for (const QJsonValue& v : odd) {
                    QJsonObject mutated = arg;
                    mutated.insert(it.key(), v);
                    m_client->send(frame.value(s("message")).toString(), mutated);
                    ++sent;
                }
            }
            QByteArray bytes = QJsonDocument(frame).toJson(QJsonDocument::Compact);
            for (int k = 0; k < 3 && !bytes.isEmpty(); ++k) {
                bytes[rng.bounded(int(bytes.size()))] = char(rng.bounded(256));
            }
            m_client->socket.sendTextMessage(QString::fromUtf8(bytes));
            m_client->send(frame.value(s("message")).toString(), QJsonValue(7));
            sent += 2;
        }
        // A fixed amount of work, whatever the machine's speed: every frame above, then one that
        // must still be answered. The wait is for that answer, bounded only to fail rather than
        // hang (the server reads ~2000 frames first; slow under sanitizers on a loaded machine).
        QVERIFY2(sent > 200, qPrintable(QString::number(sent)));
        sendData(s("op-alive"), QJsonObject{});
        QVERIFY(m_client->waitFor(s("DataStatusEvent"), s("operationId"), s("op-alive"), 30000));
        QCOMPARE(m_client->socket.state(), QAbstractSocket::ConnectedState);
        QCOMPARE(m_server->execute({{s("action"), s("sessions")}}).value(s("ok")),
                 QJsonValue(true));
        m_client->decodeErrors = 0; // replies to nonsense may be nonsense (e.g. an empty id)
    }

    void pushDataAndFail() {
        start();
        QVERIFY(!m_client->connectSession().isEmpty());
        const QJsonObject reply =
            act({{s("action"), s("pushData")}, {s("payload"), QJsonObject{{s("queue"), 3}}}});
        QVERIFY(reply.value(s("ok")).toBool());
        const auto d = m_client->waitFor(s("OnDataEvent"));
        QVERIFY(d);
        QCOMPARE(d->arg.value(s("operationId")).toString(),
                 reply.value(s("operationId")).toString());
        QCOMPARE(d->arg.value(s("payload")).toObject().value(s("queue")).toInt(), 3);
        QVERIFY(act({{s("action"), s("fail")},
                     {s("apiMethod"), s("StreamStatusEvent")},
                     {s("id"), s("x-1")},
                     {s("info"), s("Backend returned 500")},
                     {s("status"), s("FAILED")}})
                    .value(s("ok"))
                    .toBool());
        const auto f = m_client->waitFor(s("fail"));
        QVERIFY(f);
        QCOMPARE(f->arg, (QJsonObject{{s("apiMethod"), s("StreamStatusEvent")},
                                      {s("id"), s("x-1")},
                                      {s("info"), s("Backend returned 500")},
                                      {s("status"), s("FAILED")}}));
    }

    void sessionDebugAndPushLogs() {
        start();
        const QString sessionId = m_client->connectSession().value(s("sessionId")).toString();
        m_client->send(s("sessionDebug"), QJsonObject{{s("command"), s("start")}});
        const auto started = m_client->waitFor(s("notifySessionDebugEvent"));
        QCOMPARE(started->arg.value(s("status")).toString(), s("STARTED"));
        for (int i = 0; i < 3; ++i) {
            m_client->send(s("pushLogs"), QJsonObject{{s("logs"), s("01:02:43 INFO core - x\n")}});
        }
        m_client->send(s("sessionDebug"), QJsonObject{{s("command"), s("stop")}});
        const auto stopped = m_client->waitFor(s("notifySessionDebugEvent"));
        QCOMPARE(stopped->arg.value(s("status")).toString(), s("STOPPED"));
        QVERIFY(stopped->arg.value(s("file")).toString().startsWith(s("logs/client/127.0.0.1_")));
        QVERIFY(stopped->arg.value(s("file")).toString().endsWith(s(".log")));
        QCOMPARE(firstSession().value(s("sessionId")).toString(), sessionId);
        QCOMPARE(firstSession().value(s("pushLogs")).toInt(), 3);
    }

    void badClientFramesAreIgnored() {
        start();
        m_client->send(s("publishStream"), QJsonObject{{s("mediaSessionId"), s("early")}});
        QVERIFY(!m_client->connectSession().isEmpty());
        const QStringList junk{s("not json"),
                               s("[]"),
                               s("{}"),
                               s(R"({"message":5})"),
                               s(R"({"message":""})"),
                               s(R"({"message":"call","data":"x"})"),
                               s(R"({"message":"call","data":[null]})"),
                               s(R"({"message":"hangup","data":[{"callId":7}]})"),
                               s(R"({"message":"publishStream","data":[{"name":{}}]})"),
                               s(R"({"message":"sendData","data":[{}]})"),
                               s(R"({"message":"connection","data":[{}]})"),
                               s(R"({"message":"noSuchCommand","data":[{}]})"),
                               QString(100000, u'[')};
        for (const QString& j : junk) {
            m_client->socket.sendTextMessage(j);
        }
        m_client->socket.sendBinaryMessage(QByteArray("\x00\x01\x02", 3));
        sendData(s("op-after"), QJsonObject{{s("ok"), true}});
        QVERIFY(m_client->waitFor(s("DataStatusEvent"), s("operationId"), s("op-after")));
        QCOMPARE(m_client->socket.state(), QAbstractSocket::ConnectedState);
        QCOMPARE(firstSession().value(s("unknownMessages")).toInt(), 1);
        QCOMPARE(m_client->messages().count(s("getUserData")), 1);
    }

    void faultDrop() {
        start();
        QVERIFY(!m_client->connectSession().isEmpty());
        QVERIFY(act({{s("action"), s("drop")}}).value(s("ok")).toBool());
        QVERIFY(m_client->waitDisconnected());
        QVERIFY(m_client->socket.closeCode() != QWebSocketProtocol::CloseCodeNormal ||
                m_client->socket.closeReason().isEmpty());
        QCOMPARE(act({{s("action"), s("drop")}}).value(s("ok")), QJsonValue(false));
    }

    void faultStall() {
        start();
        QVERIFY(!m_client->connectSession().isEmpty());
        QVERIFY(act({{s("action"), s("stall")}, {s("ms"), 250}}).value(s("ok")).toBool());
        const qint64 sent = m_client->elapsed();
        sendData(s("op-s"), QJsonObject{});
        act({{s("action"), s("pushData")}, {s("payload"), 1}}); // queued behind the stall too
        const auto r = m_client->waitFor(s("DataStatusEvent"));
        QVERIFY(r);
        QVERIFY2(r->atMs - sent >= 200, qPrintable(QString::number(r->atMs - sent)));
        QVERIFY(m_client->waitFor(s("OnDataEvent")));
        QCOMPARE(m_client->socket.state(), QAbstractSocket::ConnectedState);
    }

    void stalledFramesWaitForTheirTurn() {
        // Frames that arrive during a stall are handled after it, one at a time, and never from
        // inside a frame the server is sending. Here the ring timer (due first) and the stall's
        // end are both overdue when the event loop runs again; the queued `hangup` must not run
        // inside the ring step while that step still refers to the call.
        start(R"({"calls": {"ringAfterMs": 300, "defaultCallee": {"answerAfterMs": 300}}})");
        QVERIFY(!m_client->connectSession().isEmpty());
        m_client->send(s("call"), QJsonObject{{s("callId"), s("st-1")}, {s("callee"), s("2001")}});
        QVERIFY(m_client->waitFor(s("notifyTryingResponse"), s("callId"), s("st-1")));
        QVERIFY(act({{s("action"), s("stall")}, {s("ms"), 400}}).value(s("ok")).toBool());
        for (int i = 2; i <= 40; ++i) { // enough new calls to make the server's call table grow
            m_client->send(s("call"),
                           QJsonObject{{s("callId"), s("st-%1").arg(i)}, {s("callee"), s("2001")}});
        }
        m_client->send(s("hangup"), QJsonObject{{s("callId"), s("st-1")}});
        QTest::qWait(30);   // the server reads these frames and holds them back
        QTest::qSleep(500); // both the ring step and the end of the stall are now overdue
        const auto f = m_client->waitFor(s("finish"), s("callId"), s("st-1"), 5000);
        QVERIFY(f);
        QCOMPARE(f->arg.value(s("status")).toString(), s("FINISH"));
        QCOMPARE(m_client->callTrace(s("st-1")).constLast(), s("finish:FINISH"));
        for (const auto& frame : std::as_const(m_client->frames)) {
            QVERIFY2(frame.message != QLatin1StringView("setRemoteSDP") ||
                         !frame.data.at(0).toString().isEmpty(),
                     qPrintable(frame.raw.left(80))); // a step that outlived its call
        }
        for (int i = 2; i <= 40; ++i) {
            QVERIFY(m_client->waitFor(s("notifyTryingResponse"), s("callId"), s("st-%1").arg(i)));
        }
        QCOMPARE(firstSession().value(s("calls")).toArray().size(), 39);
        QCOMPARE(m_client->socket.state(), QAbstractSocket::ConnectedState);
    }

    void controlClientOutlivesServer() {
        // A control client still connected when the server goes away must not reach it.
        start();
        QVERIFY(!m_client->connectSession().isEmpty());
        QWebSocket control;
        QSignalSpy connected(&control, &QWebSocket::connected);
        control.open(m_server->controlUrl());
        QVERIFY(connected.wait(3000));
        QTest::qWait(20); // the server has taken the control socket
        control.sendTextMessage(s(R"({"action":"incomingCall","caller":"2001"})"));
        control.flush();
        m_server.reset();
        QTest::qWait(200); // the message must reach nothing: its socket went with the server
        QVERIFY(QTest::qWaitFor(
            [&] { return control.state() == QAbstractSocket::UnconnectedState; }, 3000));
    }

    void faultGarbageAndUnknown() {
        start();
        QVERIFY(!m_client->connectSession().isEmpty());
        QVERIFY(act({{s("action"), s("garbage")}}).value(s("ok")).toBool());
        QVERIFY(QTest::qWaitFor([&] { return m_client->decodeErrors == 1; }));
        QVERIFY(QJsonDocument::fromJson(m_client->frames.last().raw.toUtf8()).isNull());
        m_client->decodeErrors = 0; // that one was meant to be refused
        QVERIFY(act({{s("action"), s("unknown")}}).value(s("ok")).toBool());
        QVERIFY(m_client->waitFor(s("emulatorUnknownMessage")));
        QVERIFY(act({{s("action"), s("unknown")}, {s("message"), s("notifyFuture")}})
                    .value(s("ok"))
                    .toBool());
        QVERIFY(m_client->waitFor(s("notifyFuture")));
        QCOMPARE(m_client->socket.state(), QAbstractSocket::ConnectedState);
    }

    void faultDelay() {
        start();
        QVERIFY(!m_client->connectSession().isEmpty());
        QVERIFY(act({{s("action"), s("delay")}, {s("ms"), 400}}).value(s("ok")).toBool());
        const qint64 sent = m_client->elapsed();
        sendData(s("op-1"), QJsonObject{});
        sendData(s("op-2"), QJsonObject{});
        const auto one = m_client->waitFor(s("DataStatusEvent"), s("operationId"), s("op-1"));
        const auto two = m_client->waitFor(s("DataStatusEvent"), s("operationId"), s("op-2"));
        QVERIFY(one && two);
        QVERIFY2(one->atMs - sent >= 350, qPrintable(QString::number(one->atMs - sent)));
        QVERIFY(two->atMs >= one->atMs);
        QVERIFY(act({{s("action"), s("delay")}, {s("ms"), 0}}).value(s("ok")).toBool());
        const qint64 again = m_client->elapsed();
        sendData(s("op-3"), QJsonObject{});
        const auto three = m_client->waitFor(s("DataStatusEvent"), s("operationId"), s("op-3"));
        QVERIFY(three && three->atMs - again < 300);
    }

    void faultClose() {
        start();
        QVERIFY(!m_client->connectSession().isEmpty());
        QVERIFY(act({{s("action"), s("close")}, {s("code"), 4001}, {s("reason"), s("bye")}})
                    .value(s("ok"))
                    .toBool());
        QVERIFY(m_client->waitDisconnected());
        QCOMPARE(int(m_client->socket.closeCode()), 4001);
        QCOMPARE(m_client->socket.closeReason(), s("bye"));
        QVERIFY(QTest::qWaitFor([&] { return m_server->sessionCount() == 0; }));
    }

    void actionsTargetOneSession() {
        start();
        const QString first = m_client->connectSession().value(s("sessionId")).toString();
        EmulatorTestClient other;
        QVERIFY(other.open(m_server->serverUrl()));
        QVERIFY(!other.connectSession().isEmpty());
        const QJsonObject reply =
            act({{s("action"), s("pushData")}, {s("payload"), 7}, {s("sessionId"), first}});
        QCOMPARE(reply.value(s("sessions")).toInt(), 1);
        QVERIFY(m_client->waitFor(s("OnDataEvent")));
        QVERIFY(other.nothing(s("OnDataEvent"), 50));
        QCOMPARE(
            act({{s("action"), s("pushData")}, {s("payload"), 8}}).value(s("sessions")).toInt(), 2);
        QCOMPARE(act({{s("action"), s("drop")}, {s("sessionId"), s("/nobody")}}).value(s("ok")),
                 QJsonValue(false));
        QCOMPARE(other.decodeErrors, 0);
    }

    void controlEndpoint() {
        start();
        QVERIFY(!m_client->connectSession().isEmpty());
        QCOMPARE(m_server->controlUrl().host(), s("127.0.0.1"));
        QWebSocket control;
        QSignalSpy connected(&control, &QWebSocket::connected);
        control.open(m_server->controlUrl());
        QVERIFY(connected.wait(3000));
        QList<QJsonObject> replies;
        connect(&control, &QWebSocket::textMessageReceived, this, [&](const QString& t) {
            replies.append(QJsonDocument::fromJson(t.toUtf8()).object());
        });
        control.sendTextMessage(s("this is not json"));
        control.sendTextMessage(s(R"({"action":"launchRockets"})"));
        control.sendTextMessage(s(R"({"action":"stall"})"));
        control.sendTextMessage(s(R"({"action":"incomingCall","caller":"2001","volume":11})"));
        control.sendTextMessage(s(R"({"action":"sessions"})"));
        QVERIFY(QTest::qWaitFor([&] { return replies.size() == 5; }));
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(replies.at(i).value(s("ok")), QJsonValue(false));
            QVERIFY(!replies.at(i).value(s("error")).toString().isEmpty());
        }
        QVERIFY(replies.at(2).value(s("error")).toString().contains(s("ms")));
        QVERIFY(replies.at(3).value(s("error")).toString().contains(s("volume")));
        QCOMPARE(replies.at(4).value(s("ok")), QJsonValue(true));
        QCOMPARE(replies.at(4).value(s("sessions")).toArray().size(), 1);
    }

    void sessionTimeline() {
        start(R"({"timeline": [
            {"atMs": 20, "everyMs": 40, "repeat": 2, "action": "pushData", "payload": "tick"},
            {"atMs": 30, "action": "incomingCall", "caller": "2001", "visibleName": "Timeline"}
        ]})");
        QVERIFY(!m_client->connectSession().isEmpty());
        QVERIFY(m_client->waitFor(s("notifyIncomingCall"), s("visibleName"), s("Timeline")));
        QVERIFY(m_client->waitFor(s("OnDataEvent")));
        QVERIFY(m_client->waitFor(s("OnDataEvent")));
        QVERIFY(m_client->nothing(s("OnDataEvent"), 150)); // repeat: 2
    }

    void recorder() {
        QTemporaryDir dir;
        const QString path = dir.filePath(s("frames.jsonl"));
        start(kScenario, 0, 10, path);
        QVERIFY(!m_client->connectSession({{s("sipPassword"), s("pw")}}).isEmpty());
        m_client->socket.close();
        QVERIFY(QTest::qWaitFor([&] { return m_server->sessionCount() == 0; }));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QStringList dirs;
        for (const QByteArray& line : f.readAll().split('\n')) {
            if (line.isEmpty()) {
                continue;
            }
            QVERIFY(line.startsWith("{\"t\":\""));
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QCOMPARE(o.value(s("conn")).toInt(), 1);
            QVERIFY(o.value(s("t")).toString().endsWith(u'Z'));
            dirs << o.value(s("dir")).toString();
            if (o.value(s("dir")).toString() == QLatin1StringView("C>S")) {
                QVERIFY(o.value(s("raw")).toString().contains(s("\"connection\"")));
            }
        }
        QCOMPARE(dirs, (QStringList{s("open"), s("C>S"), s("S>C"), s("close")}));
    }
};

QTEST_GUILESS_MAIN(tst_EmulatorFaults)
#include "tst_EmulatorFaults.moc"
