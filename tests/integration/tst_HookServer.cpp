// hooks::HookServer over real HTTP on 127.0.0.1 (spec §13): every hook name of §13.1,
// restClientConfig in connect replies, refuse rules, keep-alive 403, HMAC signing, allow-list,
// counters, and the binding into services::StreamMonitor and the journal.
// Bad input and limits: tst_HookServerBadInput.cpp.
#include "HookServerFixture.h"
#include "support/FakeClock.h"

#include "hooks/HookNames.h"
#include "hooks/HookSignature.h"
#include "services/HookBinding.h"
#include "services/StreamMonitor.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;
using hooktest::Reply;

namespace {

const char* kSecret = "s3cret-key";

} // namespace

class tst_HookServer : public QObject, public hooktest::HookServerFixture {
    Q_OBJECT

private Q_SLOTS:
    void everyHookNameIsAcceptedAndEchoed() {
        start();
        QSignalSpy any(server.get(), &hooks::HookServer::hookReceived);
        const QStringList names = hooks::HookNames::all();
        for (const QString& n : names) {
            const QByteArray body = QJsonDocument(QJsonObject{{u"nodeId"_s, u"node-1"_s},
                                                              {u"appKey"_s, u"defaultApp"_s},
                                                              {u"mediaSessionId"_s, u"m-"_s + n},
                                                              {u"callId"_s, u"c-"_s + n},
                                                              {u"operationId"_s, u"o-"_s + n},
                                                              {u"name"_s, u"cam"_s},
                                                              {u"status"_s, u"PUBLISHING"_s}})
                                        .toJson(QJsonDocument::Compact);
            const Reply r = post(n, body);
            QVERIFY2(r.status == 200, qPrintable(n + u" -> "_s + QString::number(r.status) +
                                                 u" "_s + QString::fromUtf8(r.body)));
            QCOMPARE(r.body, body); // §13.1: echo what was received
        }
        QCOMPARE(any.size(), names.size());
        const auto first = any.at(0).at(0).value<hooks::HookRequest>();
        QCOMPARE(first.name, u"connect"_s);
        QCOMPARE(first.nodeId, u"node-1"_s);
        QCOMPARE(first.appKey, u"defaultApp"_s);
        QCOMPARE(server->counters().accepted, quint64(names.size()));
        QCOMPARE(server->counters().errors, quint64(0));
    }

    void typedSignalsCarryNodeAndApp() {
        start();
        QSignalSpy streams(server.get(), &hooks::HookServer::streamStatusReceived);
        QSignalSpy keepAlives(server.get(), &hooks::HookServer::streamKeepAliveReceived);
        QSignalSpy connections(server.get(), &hooks::HookServer::connectionStatusReceived);
        QSignalSpy calls(server.get(), &hooks::HookServer::callStatusReceived);
        QSignalSpy errors(server.get(), &hooks::HookServer::errorReceived);
        QCOMPARE(
            post(
                u"StreamStatusEvent"_s,
                R"({"nodeId":"N1","appKey":"A1","mediaSessionId":"m1","name":"cam","status":"PUBLISHING","width":640})")
                .status,
            200);
        QCOMPARE(
            post(u"StreamKeepAliveEvent"_s,
                 R"({"nodeId":"N1","appKey":"A1","mediaSessionId":"m1","status":"PUBLISHING"})")
                .status,
            200);
        QCOMPARE(
            post(u"ConnectionStatusEvent"_s,
                 R"({"nodeId":"N2","appKey":"A2","sessionId":"/a:1/b:2","status":"ESTABLISHED"})")
                .status,
            200);
        QCOMPARE(
            post(u"CallStatusEvent"_s,
                 R"({"nodeId":"N3","appKey":"A3","callId":"c1","status":"RING","sipStatus":180})")
                .status,
            200);
        QCOMPARE(post(u"publishStream"_s,
                      R"({"nodeId":"N1","appKey":"A1","mediaSessionId":"m2","name":"cam2"})")
                     .status,
                 200);
        QCOMPARE(streams.size(), 2);
        QCOMPARE(streams.at(0).at(0).toString(), u"N1"_s);
        QCOMPARE(streams.at(0).at(1).toString(), u"A1"_s);
        const auto s = streams.at(0).at(2).value<core::StreamStatusEvent>();
        QCOMPARE(s.status.value, core::StreamStatus::Publishing);
        QCOMPARE(s.width, std::optional<int>(640));
        const auto pending = streams.at(1).at(2).value<core::StreamStatusEvent>();
        QCOMPARE(pending.status.value, core::StreamStatus::Pending);
        QCOMPARE(pending.published, std::optional<bool>(true));
        QCOMPARE(keepAlives.size(), 1);
        QCOMPARE(connections.size(), 1);
        QCOMPARE(connections.at(0).at(2).value<core::ConnectionStatusEvent>().status.value,
                 core::SessionStatus::Established);
        QCOMPARE(calls.size(), 1);
        QCOMPARE(calls.at(0).at(2).value<core::CallStatusEvent>().sipStatus, 180);
        QCOMPARE(errors.size(), 0);
    }

    void connectReplyCarriesRestClientConfig() {
        start();
        hooks::RestClientConfig cfg;
        hooks::RestMethodConfig m;
        m.restOnError = hooks::RestMethodConfig::OnError::Fail;
        m.restExclude = u"sdp"_s;
        cfg.set(u"StreamStatusEvent"_s, m);
        server->setRestClientConfig(cfg);
        const Reply r = post(u"connect"_s, R"({"appKey":"defaultApp","sipLogin":"2001"})");
        QCOMPARE(r.status, 200);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(u"sipLogin").toString(), u"2001"_s); // echoed
        QCOMPARE(hooks::RestClientConfig::fromJson(o.value(u"restClientConfig").toObject()), cfg);
        // Other hooks are echoed as they are.
        QCOMPARE(post(u"ConnectionStatusEvent"_s, R"({"status":"ESTABLISHED"})").body,
                 QByteArray(R"({"status":"ESTABLISHED"})"));
    }

    void refuseRule403() {
        start();
        QSignalSpy refused(server.get(), &hooks::HookServer::invocationRefused);
        QSignalSpy streams(server.get(), &hooks::HookServer::streamStatusReceived);
        const int id = server->policy().addRefuseRule(u"publishStream"_s, u"secret-*"_s);
        QCOMPARE(post(u"publishStream"_s, R"({"mediaSessionId":"m1","name":"secret-cam"})").status,
                 403);
        QCOMPARE(post(u"publishStream"_s, R"({"mediaSessionId":"m2","name":"lobby"})").status, 200);
        QCOMPARE(post(u"playStream"_s, R"({"mediaSessionId":"m3","name":"secret-cam"})").status,
                 200); // the rule is for publishStream only
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.at(0).at(1).toString(), u"secret-cam"_s);
        QCOMPARE(refused.at(0).at(4).toInt(), id);
        QCOMPARE(streams.size(), 2); // the refused one is not raised as a stream
        QCOMPARE(server->counters().refused, quint64(1));
        QCOMPARE(server->counters().errors, quint64(0));
    }

    void keepAlive403EndsOnce() {
        start();
        QSignalSpy ended(server.get(), &hooks::HookServer::streamEndRequested);
        QSignalSpy keepAlives(server.get(), &hooks::HookServer::streamKeepAliveReceived);
        server->policy().endAtNextKeepAlive(u"m1"_s);
        const QByteArray body = R"({"nodeId":"N","mediaSessionId":"m1","status":"PUBLISHING"})";
        QCOMPARE(
            post(u"StreamKeepAliveEvent"_s, R"({"mediaSessionId":"other","status":"PUBLISHING"})")
                .status,
            200);
        QCOMPARE(post(u"StreamKeepAliveEvent"_s, body).status, 403);
        QCOMPARE(post(u"StreamKeepAliveEvent"_s, body).status, 200); // one shot
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended.at(0).at(0).toString(), u"m1"_s);
        QCOMPARE(ended.at(0).at(1).toString(), u"N"_s);
        QCOMPARE(keepAlives.size(), 2);
    }

    void hmacSignature_data() {
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<int>("status");
        const QByteArray body = R"({"mediaSessionId":"m1","status":"PUBLISHING"})";
        QTest::newRow("good") << hooks::HookSignature::authorizationValue(body, kSecret) << 200;
        QTest::newRow("wrong key")
            << hooks::HookSignature::authorizationValue(body, "other-key") << 403;
        QTest::newRow("other body")
            << hooks::HookSignature::authorizationValue("{}", kSecret) << 403;
        QTest::newRow("missing") << QByteArray() << 403;
    }
    void hmacSignature() {
        QFETCH(QByteArray, authorization);
        QFETCH(int, status);
        start();
        server->setSecret(kSecret);
        QVERIFY(server->signatureRequired());
        QSignalSpy streams(server.get(), &hooks::HookServer::streamStatusReceived);
        const QByteArray body = R"({"mediaSessionId":"m1","status":"PUBLISHING"})";
        const Reply r =
            send(url(u"StreamStatusEvent"_s), body, "POST", "application/json", authorization);
        QCOMPARE(r.status, status);
        QCOMPARE(streams.size(), status == 200 ? 1 : 0);
        if (status == 403) {
            QVERIFY(r.json().value(u"error").toString().contains(u"Authorization"));
            QVERIFY(!r.body.contains(kSecret));
            QCOMPARE(server->counters().errors, quint64(1));
        }
    }

    void allowList() {
        hooks::HookServerOptions o;
        o.allowList = {{QHostAddress(u"10.0.0.0"_s), 8}};
        start(o);
        const Reply r = post(u"StreamStatusEvent"_s, R"({"mediaSessionId":"m"})");
        QCOMPARE(r.status, 403);
        QVERIFY(r.json().value(u"error").toString().contains(u"not allowed"));
        o.allowList = {{QHostAddress(u"127.0.0.0"_s), 8}};
        start(o);
        QCOMPARE(post(u"StreamStatusEvent"_s, R"({"mediaSessionId":"m"})").status, 200);
    }

    void portInUseIsReported() {
        start();
        hooks::HookServer second;
        hooks::HookServerOptions o;
        o.port = server->port();
        o.pathPrefix = u"rest/my_api/"_s; // normalised to "/rest/my_api"
        second.setOptions(o);
        QVERIFY(!second.listen());
        QVERIFY2(second.errorString().contains(QString::number(o.port)),
                 qPrintable(second.errorString()));
        QVERIFY(!second.isListening());
        QCOMPARE(second.port(), quint16(0));
        QCOMPARE(second.baseUrl().path(), u"/rest/my_api"_s);
        QCOMPARE(server->baseUrl().host(), u"127.0.0.1"_s);
        QCOMPARE(post(u"StreamStatusEvent"_s, R"({"mediaSessionId":"still"})").status, 200);
    }

    void keepAliveConnectionServesManyRequests() {
        start();
        // Qt Network reuses its connection; every request on it is answered.
        for (int i = 0; i < 50; ++i) {
            QCOMPARE(post(u"StreamKeepAliveEvent"_s, R"({"mediaSessionId":"k"})").status, 200);
        }
        QVERIFY(server->connectionCount() <= 6);
        const auto c = server->counters();
        QCOMPARE(c.requests, quint64(50));
        QCOMPARE(c.lastRequestName, u"StreamKeepAliveEvent"_s);
        QCOMPARE(c.lastStatus, 200);
        QVERIFY(c.lastRequestMs > 0);
    }

    void requestsPerSecondFromTheClock() {
        auto clock = std::make_shared<testsupport::FakeClock>();
        clock->advance(1'700'000'000'000 - clock->nowMs());
        server = std::make_unique<hooks::HookServer>(clock);
        hooks::HookServerOptions o;
        o.port = 0;
        o.pathPrefix = u"/rest/my_api"_s;
        server->setOptions(o);
        QVERIFY(server->listen());
        QSignalSpy changed(server.get(), &hooks::HookServer::countersChanged);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(post(u"StreamKeepAliveEvent"_s, R"({"mediaSessionId":"r"})").status, 200);
        }
        QCOMPARE(server->counters().requestsPerSecond, 0.0); // no whole second yet
        clock->advance(1000);
        QCOMPARE(post(u"StreamKeepAliveEvent"_s, R"({"mediaSessionId":"r"})").status, 200);
        QCOMPARE(server->counters().requestsPerSecond, 5.0);
        QCOMPARE(server->counters().lastRequestMs, clock->nowMs());
        clock->advance(5000); // a quiet gap: the rate falls to 0 at the next tick
        QTRY_COMPARE_WITH_TIMEOUT(server->counters().requestsPerSecond, 0.0, 2500);
        QVERIFY(changed.size() >= 1); // raised by the 1 s tick, not per request
        QVERIFY(changed.size() <= 3);
    }

    void bindingFeedsStreamMonitorAndJournal() {
        start();
        auto clock = std::make_shared<testsupport::FakeClock>();
        services::StreamMonitor monitor(clock);
        services::HookBinding binding(*server, monitor, clock);
        QList<services::JournalEntry> journal;
        binding.setJournal([&](const services::JournalEntry& e) { journal.append(e); });
        QCOMPARE(
            post(
                u"StreamStatusEvent"_s,
                R"({"nodeId":"N1","appKey":"A1","mediaSessionId":"m1","name":"cam","status":"PUBLISHING","published":true})")
                .status,
            200);
        QCOMPARE(
            post(u"StreamKeepAliveEvent"_s,
                 R"({"nodeId":"N1","appKey":"A1","mediaSessionId":"m1","status":"PUBLISHING"})")
                .status,
            200);
        QCOMPARE(
            post(u"ConnectionStatusEvent"_s,
                 R"({"nodeId":"N1","appKey":"A1","sessionId":"/a:1/b:2","status":"ESTABLISHED"})")
                .status,
            200);
        QCOMPARE(monitor.size(), 1);
        const services::StreamRecord& r = monitor.at(0);
        QCOMPARE(r.status, core::StreamStatus::Publishing);
        QCOMPARE(r.nodeId, u"N1"_s);
        QCOMPARE(r.appKey, u"A1"_s);
        QCOMPARE(r.sources, std::uint8_t(services::SourceRestHook));
        QVERIFY(r.lastKeepAliveMs > 0);
        QCOMPARE(journal.size(), 2); // keep-alives are not journalled by default
        QCOMPARE(journal.at(0).type, u"StreamStatusEvent"_s);
        QCOMPARE(journal.at(0).accountId, u"hook:N1"_s);
        QCOMPARE(journal.at(1).type, u"ConnectionStatusEvent"_s);
        QVERIFY(journal.at(1).json.contains("\"appKey\":\"A1\""));
    }
};

QTEST_GUILESS_MAIN(tst_HookServer)
#include "tst_HookServer.moc"
