// Integration tests of outgoing SIP calls on an in-process emulator::EmulatorServer (spec §5.3,
// §7.1, §7.4, §7.5): callee behaviours of the scenario, hang-up, hold/unhold, DTMF, transfer.

#include "EmulatorTestClient.h"
#include "EmulatorTestServer.h"
#include "emulator/EmulatorServer.h"
#include "emulator/ScenarioParser.h"

#include <QLoggingCategory>
#include <QtTest>

#include <memory>

using emulator::EmulatorServer;
using Frame = EmulatorTestClient::Frame;

namespace {

const char* kScenario = R"({
  "registration": {"delayMs": 10},
  "accounts": {"1000": {"password": "secret"}},
  "calls": {"ringAfterMs": 20, "transferStepMs": 10,
            "defaultCallee": {"answerAfterMs": 60, "transferTargets": {"2666": "failed"}}},
  "callees": {
    "9999": {"ringAfterMs": 0, "answerAfterMs": 0},
    "486": {"busy": true},
    "403": {"rejectCode": 403},
    "603": {"rejectCode": 603, "rejectInfo": "Declined by test"},
    "5000": {"neverAnswer": true},
    "7000": {"answerAfterMs": 0, "hangupAfterMs": 50}
  }
})";

} // namespace

class tst_EmulatorCalls : public QObject {
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

    void call(const QString& callId, const QString& callee) {
        m_client->send(QStringLiteral("call"),
                       QJsonObject{{QStringLiteral("callId"), callId},
                                   {QStringLiteral("callee"), callee},
                                   {QStringLiteral("caller"), QStringLiteral("1000")},
                                   {QStringLiteral("visibleName"), QStringLiteral("Desk")},
                                   {QStringLiteral("hasAudio"), true},
                                   {QStringLiteral("hasVideo"), false},
                                   {QStringLiteral("incoming"), false},
                                   {QStringLiteral("status"), QStringLiteral("PENDING")},
                                   {QStringLiteral("mediaProvider"), QStringLiteral("WebRTC")},
                                   {QStringLiteral("sdp"), QStringLiteral("v=0\r\n")}});
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

    void outgoingCall_data() {
        QTest::addColumn<QString>("callee");
        QTest::addColumn<QStringList>("trace");
        QTest::addColumn<int>("sipStatus");
        QTest::addColumn<QString>("info");
        const QString t = QStringLiteral("notifyTryingResponse:TRYING");
        const QString r = QStringLiteral("ring:RING");
        const QString sdp = QStringLiteral("setRemoteSDP");
        const QString talk = QStringLiteral("talk:ESTABLISHED");
        QTest::newRow("answers") << "2000" << QStringList{t, r, sdp, talk} << 200 << "";
        QTest::newRow("echo at once") << "9999" << QStringList{t, r, sdp, talk} << 200 << "";
        QTest::newRow("sip uri") << "sip:9999@pbx.example.org;transport=ws"
                                 << QStringList{t, r, sdp, talk} << 200 << "";
        QTest::newRow("busy") << "486" << QStringList{t, QStringLiteral("finish:BUSY")} << 486
                              << "SIP 486 Busy Here";
        QTest::newRow("reject") << "403" << QStringList{t, QStringLiteral("finish:FAILED")} << 403
                                << "SIP 403 FORBIDDEN";
        QTest::newRow("reject info") << "603" << QStringList{t, QStringLiteral("finish:FAILED")}
                                     << 603 << "Declined by test";
        QTest::newRow("never answers") << "5000" << QStringList{t, r, sdp} << 180 << "";
        QTest::newRow("remote hangs up")
            << "7000" << QStringList{t, r, sdp, talk, QStringLiteral("finish:FINISH")} << 200
            << "Normal call clearing";
    }

    void outgoingCall() {
        QFETCH(QString, callee);
        QFETCH(QStringList, trace);
        QFETCH(int, sipStatus);
        QFETCH(QString, info);
        connectAs1000();
        call(QStringLiteral("c-1"), callee);
        QVERIFY2(m_client->waitTrace(QStringLiteral("c-1"), trace),
                 qPrintable(m_client->callTrace(QStringLiteral("c-1")).join(u',')));
        QTest::qWait(100); // nothing more arrives (never-answer stays ringing)
        QCOMPARE(m_client->callTrace(QStringLiteral("c-1")), trace);
        // The last call frame carries the call object of the fixtures.
        Frame last;
        for (const auto& f : m_client->frames) {
            if (f.arg.value(QStringLiteral("callId")).toString() == QLatin1StringView("c-1")) {
                last = f;
            }
        }
        if (last.message != QLatin1StringView("finish") || sipStatus != 200) {
            QCOMPARE(last.arg.value(QStringLiteral("sipStatus")).toInt(), sipStatus);
        }
        QCOMPARE(last.arg.value(QStringLiteral("info")).toString(), info);
        QCOMPARE(last.arg.value(QStringLiteral("caller")).toString(), QStringLiteral("1000"));
        QCOMPARE(last.arg.value(QStringLiteral("callee")).toString(), callee);
        QCOMPARE(last.arg.value(QStringLiteral("visibleName")).toString(), QStringLiteral("Desk"));
        QCOMPARE(last.arg.value(QStringLiteral("incoming")), QJsonValue(false));
        QCOMPARE(last.arg.value(QStringLiteral("mediaProvider")).toString(),
                 QStringLiteral("WebRTC"));
        QCOMPARE(last.arg.value(QStringLiteral("hasAudio")), QJsonValue(true));
        QCOMPARE(last.arg.value(QStringLiteral("hasVideo")), QJsonValue(false));
    }

    void hangup() {
        connectAs1000();
        call(QStringLiteral("c-2"), QStringLiteral("5000"));
        QVERIFY(m_client->waitFor(QStringLiteral("ring"), QStringLiteral("callId"),
                                  QStringLiteral("c-2")));
        m_client->send(QStringLiteral("hangup"),
                       QJsonObject{{QStringLiteral("callId"), QStringLiteral("c-2")}});
        const auto f = m_client->waitFor(QStringLiteral("finish"));
        QVERIFY(f);
        QCOMPARE(f->arg.value(QStringLiteral("status")).toString(), QStringLiteral("FINISH"));
        QCOMPARE(f->arg.value(QStringLiteral("info")).toString(),
                 QStringLiteral("Normal call clearing"));
        QCOMPARE(control({{QStringLiteral("action"), QStringLiteral("sessions")}})
                     .value(QStringLiteral("sessions"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("calls"))
                     .toArray()
                     .size(),
                 0);
    }

    void holdUnholdAndDtmf() {
        connectAs1000();
        call(QStringLiteral("c-3"), QStringLiteral("9999"));
        QVERIFY(m_client->waitFor(QStringLiteral("talk")));
        m_client->send(QStringLiteral("hold"),
                       QJsonObject{{QStringLiteral("callId"), QStringLiteral("c-3")}});
        auto h = m_client->waitFor(QStringLiteral("hold"));
        QVERIFY(h);
        QCOMPARE(h->arg.value(QStringLiteral("status")).toString(), QStringLiteral("HOLD"));
        QVERIFY(!h->arg.contains(QStringLiteral("holdForTransfer")));
        m_client->send(QStringLiteral("unhold"),
                       QJsonObject{{QStringLiteral("callId"), QStringLiteral("c-3")}});
        auto t = m_client->waitFor(QStringLiteral("talk"));
        QVERIFY(t);
        QCOMPARE(t->arg.value(QStringLiteral("status")).toString(), QStringLiteral("ESTABLISHED"));
        m_client->send(QStringLiteral("hold"),
                       QJsonObject{{QStringLiteral("callId"), QStringLiteral("c-3")},
                                   {QStringLiteral("holdForTransfer"), true}});
        h = m_client->waitFor(QStringLiteral("hold"));
        QVERIFY(h);
        QCOMPARE(h->arg.value(QStringLiteral("holdForTransfer")), QJsonValue(true));
        const qsizetype before = m_client->frames.size();
        m_client->send(QStringLiteral("sendDtmf"),
                       QJsonObject{{QStringLiteral("callId"), QStringLiteral("c-3")},
                                   {QStringLiteral("dtmf"), QStringLiteral("1#")},
                                   {QStringLiteral("type"), QStringLiteral("RFC2833")}});
        QTest::qWait(50);
        QCOMPARE(m_client->frames.size(), before); // no reply to DTMF
        const auto calls = control({{QStringLiteral("action"), QStringLiteral("sessions")}})
                               .value(QStringLiteral("sessions"))
                               .toArray()
                               .at(0)
                               .toObject()
                               .value(QStringLiteral("calls"))
                               .toArray();
        QCOMPARE(calls.size(), 1);
        QCOMPARE(calls.at(0).toObject().value(QStringLiteral("dtmf")).toString(),
                 QStringLiteral("1#"));
    }

    void transfer_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<bool>("established");
        QTest::addColumn<QStringList>("statuses");
        QTest::addColumn<bool>("finished");
        QTest::newRow("completed")
            << "2099" << true
            << QStringList{QStringLiteral("ACCEPTED"), QStringLiteral("TRYING"),
                           QStringLiteral("COMPLETED")}
            << true;
        QTest::newRow("failed") << "2666" << true
                                << QStringList{QStringLiteral("ACCEPTED"), QStringLiteral("TRYING"),
                                               QStringLiteral("FAILED")}
                                << false;
        QTest::newRow("not established")
            << "2099" << false << QStringList{QStringLiteral("FAILED")} << false;
    }

    void transfer() {
        QFETCH(QString, target);
        QFETCH(bool, established);
        QFETCH(QStringList, statuses);
        QFETCH(bool, finished);
        connectAs1000();
        call(QStringLiteral("c-4"), established ? QStringLiteral("9999") : QStringLiteral("5000"));
        QVERIFY(m_client->waitFor(established ? QStringLiteral("talk") : QStringLiteral("ring")));
        if (established) {
            m_client->send(QStringLiteral("hold"),
                           QJsonObject{{QStringLiteral("callId"), QStringLiteral("c-4")},
                                       {QStringLiteral("holdForTransfer"), true}});
            QVERIFY(m_client->waitFor(QStringLiteral("hold")));
        }
        m_client->send(QStringLiteral("transfer"),
                       QJsonObject{{QStringLiteral("callId"), QStringLiteral("c-4")},
                                   {QStringLiteral("target"), target}});
        for (const QString& status : statuses) {
            const auto e = m_client->waitFor(QStringLiteral("notifyTransferEvent"));
            QVERIFY2(e, qPrintable(status));
            QCOMPARE(e->arg.value(QStringLiteral("status")).toString(), status);
            QCOMPARE(e->arg.value(QStringLiteral("callId")).toString(), QStringLiteral("c-4"));
            QCOMPARE(e->arg.value(QStringLiteral("target")).toString(), target);
        }
        if (finished) {
            const auto f = m_client->waitFor(QStringLiteral("finish"));
            QVERIFY(f);
            QCOMPARE(f->arg.value(QStringLiteral("status")).toString(), QStringLiteral("FINISH"));
        } else {
            QVERIFY(m_client->nothing(QStringLiteral("finish"), 60));
        }
    }
};

QTEST_GUILESS_MAIN(tst_EmulatorCalls)
#include "tst_EmulatorCalls.moc"
