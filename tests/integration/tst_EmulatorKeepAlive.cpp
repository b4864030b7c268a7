// Integration tests of keep-alive on an in-process emulator::EmulatorServer: server pings and
// missed pongs (spec §2.2), keepAlive sessions that survive a lost socket and are re-attached
// with their authToken, and the end of the grace period (§2.3).

#include "EmulatorTestClient.h"
#include "EmulatorTestServer.h"
#include "emulator/EmulatorServer.h"
#include "emulator/ScenarioParser.h"

#include <QFile>
#include <QLoggingCategory>
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

} // namespace

class tst_EmulatorKeepAlive : public QObject {
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

    void pingsAndPongs() {
        start(kScenario, 30, 3);
        QVERIFY(!m_client->connectSession().isEmpty());
        QVERIFY(QTest::qWaitFor(
            [&] { return m_client->messages().size() > 0 && m_client->frames.size() >= 5; }));
        const auto ping = m_client->waitFor(s("ping"));
        QCOMPARE(ping->raw, s(R"({"message":"ping","data":[]})"));
        QTest::qWait(200); // well past 3 x 30 ms: answered pings keep the socket open
        QCOMPARE(m_client->socket.state(), QAbstractSocket::ConnectedState);
        m_client->autoPong = false;
        QVERIFY(m_client->waitDisconnected(2000));
        QCOMPARE(int(m_client->socket.closeCode()), 1001);
    }

    void keepAliveReattach() {
        start();
        const QJsonObject first = m_client->connectSession({{s("keepAlive"), true}});
        const QString token = first.value(s("authToken")).toString();
        const QString sessionId = first.value(s("sessionId")).toString();
        m_client->send(s("publishStream"),
                       QJsonObject{{s("mediaSessionId"), s("k-1")}, {s("name"), s("kept")}});
        QVERIFY(m_client->waitFor(s("notifyStreamStatusEvent"), s("status"), s("PUBLISHING")));
        QVERIFY(act({{s("action"), s("drop")}}).value(s("ok")).toBool());
        QVERIFY(m_client->waitDisconnected());
        // While detached the session lives on; a push is queued for it.
        QVERIFY(act({{s("action"), s("pushData")}, {s("payload"), s("while away")}})
                    .value(s("ok"))
                    .toBool());
        QCOMPARE(firstSession().value(s("attached")), QJsonValue(false));
        m_client->decodeErrors = 0;
        m_client = std::make_unique<EmulatorTestClient>();
        QVERIFY(m_client->open(m_server->serverUrl()));
        const QJsonObject second =
            m_client->connectSession({{s("keepAlive"), true}, {s("authToken"), token}});
        QCOMPARE(second.value(s("sessionId")).toString(), sessionId);
        QCOMPARE(second.value(s("authToken")).toString(), token);
        const auto queued = m_client->waitFor(s("OnDataEvent"));
        QVERIFY(queued);
        QCOMPARE(queued->arg.value(s("payload")).toString(), s("while away"));
        QCOMPARE(m_server->sessionCount(), 1);
        QCOMPARE(firstSession().value(s("streams")).toArray().size(), 1);
        // Lost again, and this time the grace period (400 ms) runs out.
        m_client->socket.abort();
        QVERIFY(QTest::qWaitFor([&] { return m_server->sessionCount() == 0; }, 2000));
        auto third = std::make_unique<EmulatorTestClient>();
        QVERIFY(third->open(m_server->serverUrl()));
        const QJsonObject fresh =
            third->connectSession({{s("keepAlive"), true}, {s("authToken"), token}});
        QVERIFY(fresh.value(s("sessionId")).toString() != sessionId);
        QVERIFY(fresh.value(s("authToken")).toString() != token);
        QVERIFY(act({{s("action"), s("streams")}}).value(s("streams")).toArray().isEmpty());
    }

    void withoutKeepAliveTheSessionEnds() {
        start();
        QVERIFY(!m_client->connectSession().isEmpty());
        QCOMPARE(m_server->sessionCount(), 1);
        m_client->socket.close();
        QVERIFY(QTest::qWaitFor([&] { return m_server->sessionCount() == 0; }, 2000));
    }
};

QTEST_GUILESS_MAIN(tst_EmulatorKeepAlive)
#include "tst_EmulatorKeepAlive.moc"
