// Integration tests of emulator::EmulatorServer in-process, driven by a raw QWebSocket client:
// handshake, SIP registration, incoming calls (spec §3, §7.2). Outgoing calls:
// tst_EmulatorCalls.cpp; streams: tst_EmulatorStreams.cpp; keep-alive: tst_EmulatorKeepAlive.cpp;
// the rest: tst_EmulatorFaults.cpp.

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
  "registration": {"delayMs": 10, "unknownAccounts": "authFail"},
  "accounts": {
    "1000": {"password": "secret"},
    "1001": {},
    "1002": {"outcome": "failed"},
    "1003": {"outcome": "silent"},
    "1004": {"password": "x", "outcome": "authFail"}
  }
})";

} // namespace

class tst_EmulatorServer : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<EmulatorServer> m_server;
    std::unique_ptr<EmulatorTestClient> m_client;

    QJsonObject control(const QJsonObject& action) { return m_server->execute(action); }

    /// Registered client 1000 ready for calls.
    void connectAs1000() {
        const QJsonObject ud =
            m_client->connectSession({{QStringLiteral("sipLogin"), QStringLiteral("1000")},
                                      {QStringLiteral("sipPassword"), QStringLiteral("secret")},
                                      {QStringLiteral("sipRegisterRequired"), true}});
        QVERIFY(!ud.isEmpty());
        QVERIFY(m_client->waitFor(QStringLiteral("registered")));
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
        m_client = std::make_unique<EmulatorTestClient>();
        QVERIFY(m_client->open(m_server->serverUrl()));
    }

    void cleanup() {
        if (m_client) {
            QCOMPARE(m_client->decodeErrors, 0); // every frame decodes with our client codec
        }
        m_client.reset();
        m_server.reset();
    }

    void urls() {
        QCOMPARE(m_server->serverUrl().scheme(), QStringLiteral("ws"));
        QCOMPARE(m_server->serverUrl().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(m_server->serverUrl().port() > 0);
        QCOMPARE(m_server->controlUrl().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(m_server->controlUrl().port() > 0);
    }

    void handshake() {
        const QJsonObject ud = m_client->connectSession(
            {{QStringLiteral("sipLogin"), QStringLiteral("1001")},
             {QStringLiteral("sipPassword"), QStringLiteral("top-secret")},
             {QStringLiteral("custom"),
              QJsonObject{{QStringLiteral("token"), QStringLiteral("abc")}}},
             {QStringLiteral("sipRegisterRequired"), false}});
        QVERIFY(!ud.isEmpty());
        QVERIFY(!ud.contains(QStringLiteral("sipPassword")));
        QVERIFY(!m_client->frames.first().raw.contains(QStringLiteral("top-secret")));
        QCOMPARE(ud.value(QStringLiteral("appKey")).toString(), QStringLiteral("defaultApp"));
        QCOMPARE(ud.value(QStringLiteral("sipLogin")).toString(), QStringLiteral("1001"));
        QCOMPARE(ud.value(QStringLiteral("custom")).toObject().value(QStringLiteral("token")),
                 QJsonValue(QStringLiteral("abc")));
        QCOMPARE(ud.value(QStringLiteral("status")).toString(), QStringLiteral("ESTABLISHED"));
        const QRegularExpression sessionId(QStringLiteral(R"(^/127\.0\.0\.1:\d+/127\.0\.0\.1:%1$)")
                                               .arg(m_server->serverUrl().port()));
        QVERIFY2(sessionId.match(ud.value(QStringLiteral("sessionId")).toString()).hasMatch(),
                 qPrintable(ud.value(QStringLiteral("sessionId")).toString()));
        const QRegularExpression uuid(
            QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
        QVERIFY(uuid.match(ud.value(QStringLiteral("authToken")).toString()).hasMatch());
        QVERIFY(!ud.value(QStringLiteral("nodeId")).toString().isEmpty());
        QVERIFY(m_client->frames.first().raw.startsWith(
            QStringLiteral("{\"message\":\"getUserData\"")));
        QVERIFY(m_client->nothing(QStringLiteral("registered"), 60)); // not asked to register
        QCOMPARE(m_server->sessionCount(), 1);
    }

    void registration_data() {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("expected"); // "REGISTERED", a fail status, or "" for silence
        QTest::addColumn<QString>("info");
        QTest::newRow("right password") << "1000"
                                        << "secret"
                                        << "REGISTERED"
                                        << "";
        QTest::newRow("any password") << "1001"
                                      << "whatever"
                                      << "REGISTERED"
                                      << "";
        QTest::newRow("wrong password") << "1000"
                                        << "nope"
                                        << "AUTHENTICATION_FAIL"
                                        << "SIP 401 Unauthorized";
        QTest::newRow("unknown account") << "7777"
                                         << "x"
                                         << "AUTHENTICATION_FAIL"
                                         << "SIP 401 Unauthorized";
        QTest::newRow("authFail outcome") << "1004"
                                          << "x"
                                          << "AUTHENTICATION_FAIL"
                                          << "SIP 401 Unauthorized";
        QTest::newRow("failed outcome") << "1002"
                                        << "x"
                                        << "FAILED"
                                        << "SIP 503 Service Unavailable";
        QTest::newRow("silent") << "1003"
                                << "x"
                                << ""
                                << "";
    }

    void registration() {
        QFETCH(QString, login);
        QFETCH(QString, password);
        QFETCH(QString, expected);
        QFETCH(QString, info);
        QVERIFY(!m_client
                     ->connectSession({{QStringLiteral("sipLogin"), login},
                                       {QStringLiteral("sipPassword"), password},
                                       {QStringLiteral("sipRegisterRequired"), true}})
                     .isEmpty());
        if (expected == QLatin1StringView("REGISTERED")) {
            const auto r = m_client->waitFor(QStringLiteral("registered"));
            QVERIFY(r);
            QCOMPARE(r->arg.value(QStringLiteral("status")).toString(), expected);
            QCOMPARE(r->arg.value(QStringLiteral("sipLogin")).toString(), login);
        } else if (expected.isEmpty()) {
            QVERIFY(m_client->nothing(QStringLiteral("registered"), 100));
            QVERIFY(m_client->nothing(QStringLiteral("fail"), 0));
        } else {
            const auto f = m_client->waitFor(QStringLiteral("fail"));
            QVERIFY(f);
            QCOMPARE(f->arg.value(QStringLiteral("apiMethod")).toString(),
                     QStringLiteral("RegistrationStatusEvent"));
            QCOMPARE(f->arg.value(QStringLiteral("status")).toString(), expected);
            QCOMPARE(f->arg.value(QStringLiteral("info")).toString(), info);
            QVERIFY(m_client->nothing(QStringLiteral("registered"), 30));
        }
    }

    void incomingCall() {
        connectAs1000();
        const QJsonObject reply =
            control({{QStringLiteral("action"), QStringLiteral("incomingCall")},
                     {QStringLiteral("caller"), QStringLiteral("2001")},
                     {QStringLiteral("visibleName"), QStringLiteral("Alice")}});
        QVERIFY2(reply.value(QStringLiteral("ok")).toBool(),
                 QJsonDocument(reply).toJson().constData());
        const QString callId = reply.value(QStringLiteral("callId")).toString();
        QVERIFY(!callId.isEmpty());
        QVERIFY(m_client->waitTrace(callId, {QStringLiteral("setRemoteSDP"),
                                             QStringLiteral("notifyIncomingCall:RING"),
                                             QStringLiteral("ring:RING")}));
        const auto offer = m_client->waitFor(QStringLiteral("setRemoteSDP"));
        QVERIFY(offer->data.at(1).toString().contains(QStringLiteral("a=setup:actpass")));
        const auto inc = m_client->waitFor(QStringLiteral("notifyIncomingCall"));
        QCOMPARE(inc->arg.value(QStringLiteral("incoming")), QJsonValue(true));
        QCOMPARE(inc->arg.value(QStringLiteral("caller")).toString(), QStringLiteral("2001"));
        QCOMPARE(inc->arg.value(QStringLiteral("callee")).toString(), QStringLiteral("1000"));
        QCOMPARE(inc->arg.value(QStringLiteral("visibleName")).toString(), QStringLiteral("Alice"));
        m_client->send(QStringLiteral("answer"),
                       QJsonObject{{QStringLiteral("callId"), callId},
                                   {QStringLiteral("sdp"), QStringLiteral("v=0\r\n")}});
        const auto talk =
            m_client->waitFor(QStringLiteral("talk"), QStringLiteral("callId"), callId);
        QVERIFY(talk);
        QCOMPARE(talk->arg.value(QStringLiteral("sipStatus")).toInt(), 200);
        // The remote party hangs up through the control endpoint.
        QVERIFY(control({{QStringLiteral("action"), QStringLiteral("hangup")},
                         {QStringLiteral("callId"), callId}})
                    .value(QStringLiteral("ok"))
                    .toBool());
        QVERIFY(m_client->waitFor(QStringLiteral("finish"), QStringLiteral("callId"), callId));
        QVERIFY(!control({{QStringLiteral("action"), QStringLiteral("hangup")},
                          {QStringLiteral("callId"), callId}})
                     .value(QStringLiteral("ok"))
                     .toBool());
    }

    void incomingCallCancelledAndRejected() {
        connectAs1000();
        const QString cancelled =
            control({{QStringLiteral("action"), QStringLiteral("incomingCall")},
                     {QStringLiteral("caller"), QStringLiteral("2002")},
                     {QStringLiteral("cancelAfterMs"), 40}})
                .value(QStringLiteral("callId"))
                .toString();
        const auto f =
            m_client->waitFor(QStringLiteral("finish"), QStringLiteral("callId"), cancelled);
        QVERIFY(f);
        QCOMPARE(f->arg.value(QStringLiteral("status")).toString(), QStringLiteral("FAILED"));
        QCOMPARE(f->arg.value(QStringLiteral("sipStatus")).toInt(), 487);
        const QString rejected =
            control({{QStringLiteral("action"), QStringLiteral("incomingCall")},
                     {QStringLiteral("caller"), QStringLiteral("2003")}})
                .value(QStringLiteral("callId"))
                .toString();
        QVERIFY(m_client->waitFor(QStringLiteral("ring"), QStringLiteral("callId"), rejected));
        m_client->send(QStringLiteral("hangup"), QJsonObject{{QStringLiteral("callId"), rejected}});
        const auto r =
            m_client->waitFor(QStringLiteral("finish"), QStringLiteral("callId"), rejected);
        QVERIFY(r);
        QCOMPARE(r->arg.value(QStringLiteral("status")).toString(), QStringLiteral("FINISH"));
    }

    void incomingCallNeedsSession() {
        // No `connection` yet: nothing to call.
        const QJsonObject reply =
            control({{QStringLiteral("action"), QStringLiteral("incomingCall")},
                     {QStringLiteral("caller"), QStringLiteral("2001")}});
        QCOMPARE(reply.value(QStringLiteral("ok")), QJsonValue(false));
        QVERIFY(!reply.value(QStringLiteral("error")).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_EmulatorServer)
#include "tst_EmulatorServer.moc"
