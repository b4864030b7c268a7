// wcs::Session against an in-process scripted server: every frame chosen by the test.
#include "support/FakeClock.h"
#include "support/ScriptedServer.h"

#include "wcs/Session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using testsupport::ScriptedServer;

namespace {

wcs::SessionOptions optionsFor(const QUrl& url) {
    wcs::SessionOptions o;
    o.url = url;
    o.autoReconnect = false;
    o.watchdogMs = 0;
    o.connection.clientOSVersion = QStringLiteral("Linux");
    o.connection.clientBrowserVersion = QStringLiteral("tst_Session");
    return o;
}

QList<core::SessionStatus> statuses(const QSignalSpy& spy) {
    QList<core::SessionStatus> out;
    for (const auto& args : spy) {
        out << args.at(0).value<core::ConnectionStatusEvent>().status.value;
    }
    return out;
}

QJsonObject dataOf(const QJsonObject& frame) {
    return frame.value(QLatin1StringView("data")).toArray().at(0).toObject();
}

QJsonObject lastNamed(const ScriptedServer& s, const QString& name) {
    for (auto it = s.received().crbegin(); it != s.received().crend(); ++it) {
        if (it->value(QLatin1StringView("message")).toString() == name) {
            return *it;
        }
    }
    return {};
}

} // namespace

class tst_Session : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ScriptedServer> server;
    std::unique_ptr<wcs::Session> session;

    void establish(wcs::SessionOptions o) {
        session = std::make_unique<wcs::Session>(std::move(o));
        session->open();
        QTRY_VERIFY_WITH_TIMEOUT(session->status() == core::SessionStatus::Established, 5000);
    }

private Q_SLOTS:
    void init() {
        server = std::make_unique<ScriptedServer>();
        QVERIFY(server->listen());
    }
    void cleanup() {
        session.reset();
        server.reset();
    }

    void handshakeReachesEstablished() {
        auto o = optionsFor(server->url());
        o.connection.sipLogin = QStringLiteral("1000");
        o.connection.sipPassword = QStringLiteral("p4ss");
        o.connection.sipDomain = QStringLiteral("pbx.example.org");
        o.connection.custom = QByteArrayLiteral(R"({"token":"abc"})");
        session = std::make_unique<wcs::Session>(o);
        QSignalSpy spy(session.get(), &wcs::Session::connectionStatusChanged);
        session->open();
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 3, 5000);
        QCOMPARE(statuses(spy), (QList{core::SessionStatus::Pending, core::SessionStatus::Connected,
                                       core::SessionStatus::Established}));
        QCOMPARE(session->sessionId(), QStringLiteral("/127.0.0.1:1/127.0.0.1:2"));
        const QJsonObject conn = dataOf(server->received().first());
        QCOMPARE(conn.value(QLatin1StringView("appKey")).toString(), QStringLiteral("defaultApp"));
        QCOMPARE(conn.value(QLatin1StringView("clientVersion")).toString(), QStringLiteral("2.0"));
        QCOMPARE(conn.value(QLatin1StringView("sipRegisterRequired")).toBool(), true);
        QCOMPARE(conn.value(QLatin1StringView("sipPort")).toInt(), 5060);
        QCOMPARE(
            conn.value(QLatin1StringView("custom")).toObject().value(QLatin1StringView("token")),
            QJsonValue(QStringLiteral("abc")));
    }

    void registeredThenAuthenticationFailure() {
        establish(optionsFor(server->url()));
        QSignalSpy reg(session.get(), &wcs::Session::registrationStatusChanged);
        QSignalSpy warn(session.get(), &wcs::Session::errorReceived);
        server->sendMessage(QStringLiteral("registered"), QJsonArray{QJsonObject{}});
        QTRY_COMPARE(reg.size(), 1);
        QCOMPARE(session->status(), core::SessionStatus::Registered);
        server->send(R"({"message":"fail","data":[{"apiMethod":"RegistrationStatusEvent",)"
                     R"("status":"AUTHENTICATION_FAIL","info":"SIP 401 Unauthorized"}]})");
        QTRY_COMPARE(reg.size(), 2);
        const auto e = reg.at(1).at(0).value<core::RegistrationStatusEvent>();
        QCOMPARE(e.status.value, core::RegistrationStatus::AuthenticationFail);
        QCOMPARE(e.info, QStringLiteral("SIP 401 Unauthorized"));
        QCOMPARE(warn.size(), 1);
        QCOMPARE(session->status(), core::SessionStatus::Established);
    }

    void pingIsAnsweredWithPongAtOnce() {
        establish(optionsFor(server->url()));
        server->send(R"({"message":"ping","data":[]})");
        QVERIFY(server->waitForMessage(QStringLiteral("pong")));
        const QJsonObject pong = lastNamed(*server, QStringLiteral("pong"));
        QCOMPARE(pong.value(QLatin1StringView("data")).toArray(), QJsonArray{QJsonValue::Null});
    }

    void watchdogFailsASilentSession() {
        auto o = optionsFor(server->url());
        o.watchdogMs = 300;
        establish(o);
        QSignalSpy spy(session.get(), &wcs::Session::connectionStatusChanged);
        QElapsedTimer t;
        t.start();
        QTRY_COMPARE_WITH_TIMEOUT(session->status(), core::SessionStatus::Failed, 3000);
        QVERIFY2(t.elapsed() >= 250, "watchdog fired too early");
        const auto e = spy.last().at(0).value<core::ConnectionStatusEvent>();
        QVERIFY2(e.info.contains(QLatin1StringView("watchdog")), qPrintable(e.info));
    }

    void inboundTrafficFeedsTheWatchdog() {
        auto o = optionsFor(server->url());
        o.watchdogMs = 400;
        establish(o);
        for (int i = 0; i < 8; ++i) { // 8 x 150 ms = 1.2 s, three times the watchdog
            server->send(R"({"message":"ping","data":[]})");
            QTest::qWait(150);
            QCOMPARE(session->status(), core::SessionStatus::Established);
        }
    }

    void serverCloseIsDisconnectedAndSchedulesReconnect() {
        auto o = optionsFor(server->url());
        o.autoReconnect = true;
        o.reconnectMinMs = 100;
        o.reconnectMaxMs = 400;
        establish(o);
        QSignalSpy status(session.get(), &wcs::Session::connectionStatusChanged);
        QSignalSpy reconnect(session.get(), &wcs::Session::reconnectScheduled);
        server->closeClient(4000);
        QTRY_COMPARE(session->status(), core::SessionStatus::Disconnected);
        QCOMPARE(status.first().at(0).value<core::ConnectionStatusEvent>().closeCode, 4000);
        QTRY_COMPARE(reconnect.size(), 1);
        QCOMPARE(reconnect.first().at(0).toInt(), 1);
        QVERIFY(reconnect.first().at(1).toInt() >= 100 && reconnect.first().at(1).toInt() <= 400);
        QTRY_COMPARE_WITH_TIMEOUT(session->status(), core::SessionStatus::Established, 5000);
        QCOMPARE(server->connectionCount(), 2);
        QCOMPARE(session->reconnectAttempt(), 0);
    }

    void nextAttemptTimeComesFromTheClock() {
        auto clock = std::make_shared<testsupport::FakeClock>();
        auto o = optionsFor(server->url());
        o.autoReconnect = true;
        o.reconnectMinMs = 5000; // long enough that the real timer does not fire in the test
        o.reconnectMaxMs = 5000;
        session = std::make_unique<wcs::Session>(o, clock);
        session->open();
        QTRY_COMPARE(session->status(), core::SessionStatus::Established);
        QCOMPARE(session->nextReconnectAtMs(), 0);
        QSignalSpy reconnect(session.get(), &wcs::Session::reconnectScheduled);
        server->closeClient();
        QTRY_COMPARE(reconnect.size(), 1);
        QCOMPARE(session->reconnectAttempt(), 1);
        QCOMPARE(session->nextReconnectAtMs(), clock->nowMs() + reconnect.first().at(1).toInt());
        session->close(); // user intent cancels the pending attempt
        QCOMPARE(session->nextReconnectAtMs(), 0);
        QCOMPARE(session->reconnectAttempt(), 0);
    }

    void droppedSocketIsFailed() {
        establish(optionsFor(server->url()));
        server->abortClient();
        QTRY_COMPARE_WITH_TIMEOUT(session->status(), core::SessionStatus::Failed, 5000);
    }

    void keepAliveReattachesWithTheStoredToken() {
        auto o = optionsFor(server->url());
        o.autoReconnect = true;
        o.reconnectMinMs = 50;
        o.connection.keepAlive = true;
        establish(o);
        const QString token = server->lastAuthToken();
        QVERIFY(!token.isEmpty());
        QVERIFY(!dataOf(server->received().first()).contains(QLatin1StringView("authToken")));
        server->abortClient();
        QVERIFY(server->waitForMessage(QStringLiteral("connection"), 2, 5000));
        const QJsonObject again = dataOf(lastNamed(*server, QStringLiteral("connection")));
        QCOMPARE(again.value(QLatin1StringView("authToken")).toString(), token);
        QCOMPARE(again.value(QLatin1StringView("keepAlive")).toBool(), true);
    }

    void userCloseDoesNotReconnect() {
        auto o = optionsFor(server->url());
        o.autoReconnect = true;
        o.reconnectMinMs = 50;
        establish(o);
        QSignalSpy reconnect(session.get(), &wcs::Session::reconnectScheduled);
        session->close();
        QTRY_COMPARE(session->status(), core::SessionStatus::Disconnected);
        QTest::qWait(200);
        QCOMPARE(reconnect.size(), 0);
        QCOMPARE(server->connectionCount(), 1);
    }

    void unreachableServerFailsWithReasonAndBacksOff() {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        auto o = optionsFor(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port)));
        o.autoReconnect = true;
        o.reconnectMinMs = 100;
        o.reconnectMaxMs = 200;
        session = std::make_unique<wcs::Session>(o);
        QSignalSpy status(session.get(), &wcs::Session::connectionStatusChanged);
        QSignalSpy reconnect(session.get(), &wcs::Session::reconnectScheduled);
        session->open();
        QTRY_VERIFY_WITH_TIMEOUT(reconnect.size() >= 3, 5000);
        QCOMPARE(reconnect.at(0).at(0).toInt(), 1);
        QCOMPARE(reconnect.at(2).at(0).toInt(), 3);
        QVERIFY(reconnect.at(2).at(1).toInt() <= 200);
        bool sawFailed = false;
        for (const auto& args : status) {
            const auto e = args.at(0).value<core::ConnectionStatusEvent>();
            if (e.status == core::SessionStatus::Failed) {
                sawFailed = true;
                QVERIFY(!e.info.isEmpty());
            }
        }
        QVERIFY(sawFailed);
    }

    void badInputIsReportedAndTheSessionLives_data() {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("garbage") << QByteArray("this is not json") << QStringLiteral("not JSON");
        QTest::newRow("truncated")
            << QByteArray(R"({"message":"ring","data":[{"callId":)") << QStringLiteral("not JSON");
        QTest::newRow("unknown") << QByteArray(R"({"message":"noSuchThing","data":[{}]})")
                                 << QStringLiteral("unknown message 'noSuchThing'");
        QTest::newRow("array root") << QByteArray("[1,2,3]") << QStringLiteral("not an object");
        QTest::newRow("no data") << QByteArray(R"({"message":"ring"})")
                                 << QStringLiteral("needs an object");
        QTest::newRow("wrong type") << QByteArray(R"({"message":"ring","data":[{"callId":{}}]})")
                                    << QStringLiteral("callId");
        QTest::newRow("status number")
            << QByteArray(R"({"message":"ring","data":[{"callId":"c1","status":7}]})")
            << QStringLiteral("expected string");
        QTest::newRow("10 MB") << (QByteArray(R"({"message":"OnDataEvent","data":[{"payload":")") +
                                   QByteArray(10 * 1024 * 1024, 'x') + QByteArray(R"("}]})"))
                               << QStringLiteral("limit");
    }

    void badInputIsReportedAndTheSessionLives() {
        QFETCH(QByteArray, frame);
        QFETCH(QString, reasonPart);
        establish(optionsFor(server->url()));
        QSignalSpy warn(session.get(), &wcs::Session::protocolWarning);
        server->send(frame);
        QTRY_COMPARE_WITH_TIMEOUT(warn.size(), 1, 10000);
        const QString reason = warn.first().at(0).toString();
        QVERIFY2(reason.contains(reasonPart), qPrintable(reason));
        QVERIFY(warn.first().at(1).toByteArray().size() <= 4096);
        QCOMPARE(session->status(), core::SessionStatus::Established);
        server->send(R"({"message":"ping","data":[]})");
        QVERIFY(server->waitForMessage(QStringLiteral("pong")));
    }

    void commandsAreRefusedBeforeEstablished() {
        auto o = optionsFor(server->url());
        session = std::make_unique<wcs::Session>(o);
        QSignalSpy refused(session.get(), &wcs::Session::commandRefused);
        wcs::CallRequest r;
        r.callee = QStringLiteral("1002");
        QVERIFY(session->call(r).isNull());
        QVERIFY(session->publishStream({}).isNull());
        QVERIFY(!session->hangUp(QStringLiteral("x")));
        QCOMPARE(refused.size(), 3);
    }

    void incomingCallOfferIsCachedAndAnswered() {
        establish(optionsFor(server->url()));
        QSignalSpy incoming(session.get(), &wcs::Session::incomingCallReceived);
        QSignalSpy refused(session.get(), &wcs::Session::commandRefused);
        QVERIFY(!session->answer(QStringLiteral("in-1"))); // no offer yet (spec §7.2)
        QCOMPARE(refused.size(), 1);
        const QString offer = QStringLiteral(
            "v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n"
            "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 127.0.0.1\r\na=mid:0\r\na=sendrecv\r\n"
            "a=setup:actpass\r\na=rtpmap:111 opus/48000/2\r\n");
        server->sendMessage(QStringLiteral("setRemoteSDP"),
                            QJsonArray{QStringLiteral("in-1"), offer});
        server->sendMessage(
            QStringLiteral("notifyIncomingCall"),
            QJsonArray{QJsonObject{{QStringLiteral("callId"), QStringLiteral("in-1")},
                                   {QStringLiteral("caller"), QStringLiteral("1001")},
                                   {QStringLiteral("callee"), QStringLiteral("1000")},
                                   {QStringLiteral("status"), QStringLiteral("RING")}}});
        QTRY_COMPARE(incoming.size(), 1);
        QCOMPARE(session->remoteOffer(QStringLiteral("in-1")), offer);
        QVERIFY(session->answer(QStringLiteral("in-1")));
        QVERIFY(server->waitForMessage(QStringLiteral("answer")));
        const QJsonObject answer = dataOf(lastNamed(*server, QStringLiteral("answer")));
        QCOMPARE(answer.value(QLatin1StringView("callId")).toString(), QStringLiteral("in-1"));
        QCOMPARE(answer.value(QLatin1StringView("caller")).toString(), QStringLiteral("1001"));
        QCOMPARE(answer.value(QLatin1StringView("incoming")).toBool(), true);
        const QString sdp = answer.value(QLatin1StringView("sdp")).toString();
        QVERIFY(sdp.contains(QLatin1StringView("a=setup:active")));
        QVERIFY(sdp.contains(QLatin1StringView("a=mid:0")));
    }

    void pushLogsOnlyWhileDebugIsOn() {
        establish(optionsFor(server->url()));
        QVERIFY(!session->pushLogs(QStringLiteral("before")));
        QVERIFY(session->startDebug());
        server->sendMessage(
            QStringLiteral("notifySessionDebugEvent"),
            QJsonArray{QJsonObject{{QStringLiteral("status"), QStringLiteral("STARTED")}}});
        QTRY_VERIFY(session->isDebugSessionOn());
        QVERIFY(session->pushLogs(QStringLiteral("during")));
        QVERIFY(session->stopDebug());
        server->sendMessage(
            QStringLiteral("notifySessionDebugEvent"),
            QJsonArray{QJsonObject{{QStringLiteral("status"), QStringLiteral("STOPPED")},
                                   {QStringLiteral("file"), QStringLiteral("logs/x.log")}}});
        QTRY_VERIFY(!session->isDebugSessionOn());
        QVERIFY(!session->pushLogs(QStringLiteral("after")));
        QVERIFY(server->waitForMessage(QStringLiteral("sessionDebug"), 2));
        QCOMPARE(server->receivedNames().count(QStringLiteral("pushLogs")), 1);
    }

    void failWithTerminalStatusFailsTheStream() {
        establish(optionsFor(server->url()));
        QSignalSpy streams(session.get(), &wcs::Session::streamStatusChanged);
        QSignalSpy errors(session.get(), &wcs::Session::errorReceived);
        wcs::StreamRequest r;
        r.name = QStringLiteral("cam");
        const QString id = session->publishStream(r);
        QVERIFY(!id.isEmpty());
        server->sendMessage(QStringLiteral("fail"),
                            QJsonArray{QJsonObject{
                                {QStringLiteral("apiMethod"), QStringLiteral("StreamStatusEvent")},
                                {QStringLiteral("id"), id},
                                {QStringLiteral("info"), QStringLiteral("Backend returned 500")}}});
        QTRY_COMPARE(errors.size(), 1);
        QCOMPARE(streams.size(), 0); // no status: a warning only (spec §11)
        server->sendMessage(QStringLiteral("fail"),
                            QJsonArray{QJsonObject{
                                {QStringLiteral("apiMethod"), QStringLiteral("StreamStatusEvent")},
                                {QStringLiteral("id"), id},
                                {QStringLiteral("status"), QStringLiteral("FAILED")},
                                {QStringLiteral("info"), QStringLiteral("Restricted access")}}});
        QTRY_COMPARE(streams.size(), 1);
        const auto s = streams.first().at(0).value<core::StreamStatusEvent>();
        QCOMPARE(s.mediaSessionId, id);
        QCOMPARE(s.status.value, core::StreamStatus::Failed);
        QCOMPARE(s.info, QStringLiteral("Restricted access"));
    }

    void sessionEndFailsLiveCallsAndStreams() {
        establish(optionsFor(server->url()));
        QSignalSpy calls(session.get(), &wcs::Session::callStatusChanged);
        QSignalSpy streams(session.get(), &wcs::Session::streamStatusChanged);
        wcs::CallRequest c;
        c.callee = QStringLiteral("1002");
        const QString callId = session->call(c);
        wcs::StreamRequest s;
        s.name = QStringLiteral("cam");
        const QString streamId = session->publishStream(s);
        server->abortClient();
        QTRY_COMPARE_WITH_TIMEOUT(session->status(), core::SessionStatus::Failed, 5000);
        QCOMPARE(calls.size(), 1);
        QCOMPARE(streams.size(), 1);
        const auto call = calls.first().at(0).value<core::CallStatusEvent>();
        QCOMPARE(call.callId, callId);
        QCOMPARE(call.status.value, core::CallStatus::Failed);
        QVERIFY(call.info.startsWith(QLatin1StringView("session ended")));
        QCOMPARE(streams.first().at(0).value<core::StreamStatusEvent>().mediaSessionId, streamId);
    }

    void sendDataCorrelatesByOperationId() {
        establish(optionsFor(server->url()));
        QSignalSpy data(session.get(), &wcs::Session::dataStatusReceived);
        const QString op = session->sendData(QByteArrayLiteral(R"({"hello":"world"})"));
        QVERIFY(server->waitForMessage(QStringLiteral("sendData")));
        const QJsonObject sent = dataOf(lastNamed(*server, QStringLiteral("sendData")));
        QCOMPARE(sent.value(QLatin1StringView("operationId")).toString(), op);
        QCOMPARE(
            sent.value(QLatin1StringView("payload")).toObject().value(QLatin1StringView("hello")),
            QJsonValue(QStringLiteral("world")));
        server->sendMessage(
            QStringLiteral("DataStatusEvent"),
            QJsonArray{QJsonObject{{QStringLiteral("operationId"), op},
                                   {QStringLiteral("status"), QStringLiteral("ACCEPTED")}}});
        QTRY_COMPARE(data.size(), 1);
        QCOMPARE(data.first().at(0).value<core::DataStatusEvent>().operationId, op);
    }

    void secretsNeverReachTheFrameLog() {
        auto o = optionsFor(server->url());
        o.connection.sipLogin = QStringLiteral("1000");
        o.connection.sipPassword = QStringLiteral("very-secret-pw");
        session = std::make_unique<wcs::Session>(o);
        QSignalSpy frames(session.get(), &wcs::Session::frameLogged);
        session->open();
        QTRY_VERIFY(session->status() == core::SessionStatus::Established);
        QVERIFY(frames.size() >= 2);
        for (const auto& args : frames) {
            const QByteArray f = args.at(1).toByteArray();
            QVERIFY2(!f.contains("very-secret-pw"), f.constData());
            QVERIFY2(!f.contains(server->lastAuthToken().toUtf8()), f.constData());
        }
    }
};

QTEST_GUILESS_MAIN(tst_Session)
#include "tst_Session.moc"
