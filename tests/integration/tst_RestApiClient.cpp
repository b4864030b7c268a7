// hooks::RestApiClient against the emulator's WCS REST API (spec §14) over real HTTP: polling
// streams, connections and node statistics, merging with REST hooks in one StreamMonitor
// without duplicates (key mediaSessionId), metrics, terminate actions, and every error a node
// can give (unreachable, 401, 404 = nothing found, 500, timeout), reported per node.
#include "EmulatorTestClient.h"
#include "support/FakeClock.h"

#include "emulator/EmulatorServer.h"
#include "emulator/RestApiServer.h"
#include "emulator/ScenarioParser.h"
#include "hooks/HookServer.h"
#include "hooks/RestApiClient.h"
#include "services/HookBinding.h"
#include "services/RestApiBinding.h"
#include "services/StreamMonitor.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using hooks::NodeReachability;

namespace {

const char* kScenario = R"({
  "nodeId": "node-A",
  "streams": {"publishDelayMs": 10, "playDelayMs": 10},
  "backgroundStreams": [{"name": "bg-steady", "upMs": 0, "viewers": 1}],
  "restHooks": {"keepAliveIntervalMs": 200}
})";

QJsonObject stream(const QString& id, const QString& name) {
    return {{u"mediaSessionId"_s, id}, {u"name"_s, name},           {u"hasAudio"_s, true},
            {u"hasVideo"_s, true},     {u"status"_s, u"PENDING"_s}, {u"sdp"_s, u"v=0\r\n"_s}};
}

} // namespace

class tst_RestApiClient : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<testsupport::FakeClock> clock = std::make_shared<testsupport::FakeClock>();
    std::unique_ptr<emulator::EmulatorServer> wcs;
    std::unique_ptr<EmulatorTestClient> client;
    std::unique_ptr<services::StreamMonitor> monitor;

    void startWcs(const QString& hookUrl = {}) {
        auto parsed = emulator::ScenarioParser::parse(QByteArray(kScenario));
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
        if (!hookUrl.isEmpty()) {
            parsed.scenario->restHooks.apps.insert(u"defaultApp"_s, hookUrl);
        }
        wcs = std::make_unique<emulator::EmulatorServer>();
        wcs->setScenario(*parsed.scenario);
        wcs->setPingIntervalMs(0);
        wcs->setRestApiPort(0);
        QVERIFY(wcs->listen());
        QVERIFY(!wcs->restApiUrl().isEmpty());
        client = std::make_unique<EmulatorTestClient>();
        QVERIFY(client->open(wcs->serverUrl()));
        QVERIFY(!client->connectSession().isEmpty());
        monitor = std::make_unique<services::StreamMonitor>(clock);
    }

    hooks::RestApiNodeOptions node(const QUrl& url = {}) const {
        hooks::RestApiNodeOptions o;
        o.nodeId = u"wcs-1"_s;
        o.baseUrl = url.isEmpty() ? wcs->restApiUrl() : url;
        o.pollIntervalMs = 100;
        o.timeoutMs = 2000;
        return o;
    }

    bool publish(const QString& id, const QString& name) {
        client->send(u"publishStream"_s, stream(id, name));
        return bool(client->waitFor(u"notifyStreamStatusEvent"_s, [&](const auto& f) {
            return f.arg.value(u"mediaSessionId").toString() == id &&
                   f.arg.value(u"status").toString() == u"PUBLISHING";
        }));
    }

    void cleanup() {
        client.reset();
        wcs.reset();
        monitor.reset();
    }

private Q_SLOTS:
    void pollsStreamsConnectionsAndStats() {
        startWcs();
        QVERIFY(publish(u"p-1"_s, u"lobby"_s));
        hooks::RestApiClient api(node(), clock);
        services::RestApiBinding binding(api, *monitor);
        QSignalSpy streams(&api, &hooks::RestApiClient::streamsPolled);
        QSignalSpy connections(&api, &hooks::RestApiClient::connectionsPolled);
        QSignalSpy stats(&api, &hooks::RestApiClient::statsPolled);
        api.start();
        QTRY_VERIFY(!streams.isEmpty() && !connections.isEmpty() && !stats.isEmpty());
        const auto list = streams.at(0).at(1).value<QList<core::StreamStatusEvent>>();
        QVERIFY(list.size() >= 3); // p-1, bg-steady and its viewer
        QCOMPARE(connections.at(0).at(1).toJsonArray().size(), 1);
        QCOMPARE(connections.at(0).at(1).toJsonArray().at(0)[u"sessionId"_s].toString().isEmpty(),
                 false);
        const QJsonObject st = stats.at(0).at(1).toJsonObject();
        QVERIFY(st.value(u"streams_webrtc_in").toInt() >= 2);
        QCOMPARE(st.value(u"connections").toInt(), 1);
        QCOMPARE(api.status().reachability, NodeReachability::Reachable);
        QCOMPARE(api.status().connections, 1);
        QVERIFY(api.status().lastSuccessMs > 0);
        const int row = monitor->rowOf(u"p-1"_s);
        QVERIFY(row >= 0);
        QCOMPARE(monitor->at(row).status, core::StreamStatus::Publishing);
        QCOMPARE(monitor->at(row).nodeId, u"wcs-1"_s);
        QCOMPARE(monitor->at(row).sources, std::uint8_t(services::SourceRestApi));
        QTRY_VERIFY(streams.size() >= 3);       // it keeps polling
        QCOMPARE(monitor->size(), list.size()); // repeated polls add no rows
    }

    void mergedWithHooksWithoutDuplicates() {
        hooks::HookServer hookServer;
        hooks::HookServerOptions o;
        o.port = 0;
        o.pathPrefix = u"/rest/my_api"_s;
        hookServer.setOptions(o);
        QVERIFY(hookServer.listen());
        startWcs(hookServer.baseUrl().toString());
        services::HookBinding hookBinding(hookServer, *monitor, clock);
        QVERIFY(publish(u"m-1"_s, u"merged"_s));
        QTRY_VERIFY(monitor->rowOf(u"m-1"_s) >= 0); // through the hook first
        hooks::RestApiClient api(node(), clock);
        services::RestApiBinding binding(api, *monitor);
        QSignalSpy streams(&api, &hooks::RestApiClient::streamsPolled);
        api.start();
        QTRY_VERIFY(streams.size() >= 2);
        int rows = 0;
        for (int i = 0; i < monitor->size(); ++i) {
            rows += monitor->at(i).mediaSessionId == u"m-1" ? 1 : 0;
        }
        QCOMPARE(rows, 1);
        const services::StreamRecord& r = monitor->at(monitor->rowOf(u"m-1"_s));
        QCOMPARE(r.sources, std::uint8_t(services::SourceRestHook | services::SourceRestApi));
        QCOMPARE(r.nodeId, u"node-A"_s); // the hook's nodeId wins over the configured name
        QVERIFY(r.lastKeepAliveMs > 0 || r.lastEventMs > 0);
        // The stream ends: the hook says how; the poll does not invent "gone".
        client->send(u"unPublishStream"_s, stream(u"m-1"_s, u"merged"_s));
        QTRY_COMPARE(monitor->at(monitor->rowOf(u"m-1"_s)).status, core::StreamStatus::Unpublished);
        const int before = int(streams.size());
        QTRY_VERIFY(streams.size() >= before + 2);
        QCOMPARE(monitor->at(monitor->rowOf(u"m-1"_s)).info, u"Stopped by user"_s);
    }

    void goneFromPollEndsApiOnlyStream() {
        startWcs();
        QVERIFY(publish(u"g-1"_s, u"short"_s));
        hooks::RestApiClient api(node(), clock);
        services::RestApiBinding binding(api, *monitor);
        api.start();
        QTRY_VERIFY(monitor->rowOf(u"g-1"_s) >= 0);
        client->send(u"unPublishStream"_s, stream(u"g-1"_s, u"short"_s));
        QTRY_COMPARE(monitor->at(monitor->rowOf(u"g-1"_s)).status, core::StreamStatus::Unpublished);
        QCOMPARE(monitor->at(monitor->rowOf(u"g-1"_s)).info, services::RestApiBinding::goneInfo());
    }

    void fetchStreamMetrics() {
        startWcs();
        QVERIFY(publish(u"x-1"_s, u"metered"_s));
        hooks::RestApiClient api(node(), clock);
        services::RestApiBinding binding(api, *monitor);
        QSignalSpy fetched(&api, &hooks::RestApiClient::streamFetched);
        QSignalSpy notFound(&api, &hooks::RestApiClient::streamNotFound);
        api.fetchStream(u"x-1"_s);
        QTRY_COMPARE(fetched.size(), 1);
        const QJsonObject metrics = fetched.at(0).at(2).toJsonObject();
        QCOMPARE(metrics.value(u"VIDEO_FPS").toInt(), 30);
        QVERIFY(metrics.value(u"VIDEO_RATE").toInt() > 0);
        QCOMPARE(binding.metrics(u"x-1"_s), metrics);
        QVERIFY(monitor->rowOf(u"x-1"_s) >= 0);
        api.fetchStream(u"nope"_s);
        QTRY_COMPARE(notFound.size(), 1);
        QCOMPARE(notFound.at(0).at(1).toString(), u"nope"_s);
        QCOMPARE(api.status().reachability, NodeReachability::Reachable); // 404 is no error
    }

    void terminateStreamAndConnection() {
        startWcs();
        QVERIFY(publish(u"t-1"_s, u"doomed"_s));
        hooks::RestApiClient api(node(), clock);
        QSignalSpy done(&api, &hooks::RestApiClient::actionFinished);
        api.terminateStream(u"t-1"_s);
        const auto f = client->waitFor(u"notifyStreamStatusEvent"_s, [](const auto& fr) {
            return fr.arg.value(u"status").toString() == u"UNPUBLISHED";
        });
        QVERIFY(f);
        QCOMPARE(f->arg.value(u"info").toString(), u"Stopped by rest /terminate"_s);
        QTRY_COMPARE(done.size(), 1);
        QCOMPARE(done.at(0).at(1).toString(), u"terminateStream"_s);
        QCOMPARE(done.at(0).at(3).toBool(), true);
        api.terminateStream(u"t-1"_s); // already gone: 404
        QTRY_COMPARE(done.size(), 2);
        QCOMPARE(done.at(1).at(3).toBool(), false);
        QCOMPARE(done.at(1).at(4).toString(), u"stream not found"_s);
        QSignalSpy polled(&api, &hooks::RestApiClient::connectionsPolled);
        api.pollNow();
        QTRY_COMPARE(polled.size(), 1);
        const QString sessionId = polled.at(0).at(1).toJsonArray().at(0)[u"sessionId"_s].toString();
        api.terminateConnection(sessionId);
        QVERIFY(client->waitDisconnected(3000));
        QTRY_COMPARE(done.size(), 3);
        QCOMPARE(done.at(2).at(3).toBool(), true);
    }

    void errorsPerNode_data() {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<int>("reachability");
        QTest::addColumn<int>("httpStatus");
        QTest::newRow("unreachable") << u"closed-port"_s << int(NodeReachability::Unreachable) << 0;
        QTest::newRow("timeout") << u"silent"_s << int(NodeReachability::Unreachable) << 0;
        QTest::newRow("401") << u"auth"_s << int(NodeReachability::Unauthorized) << 401;
        QTest::newRow("500") << u"500"_s << int(NodeReachability::ServerError) << 500;
        QTest::newRow("404 = nothing found") << u"404"_s << int(NodeReachability::Reachable) << 404;
    }
    void errorsPerNode() {
        QFETCH(QString, fault);
        QFETCH(int, reachability);
        QFETCH(int, httpStatus);
        QTcpServer silent; // accepts and never answers
        QUrl url;
        if (fault == u"closed-port") {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            url = QUrl(u"http://127.0.0.1:%1/rest-api"_s.arg(probe.serverPort()));
            probe.close();
        } else if (fault == u"silent") {
            QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
            url = QUrl(u"http://127.0.0.1:%1/rest-api"_s.arg(silent.serverPort()));
        } else {
            auto parsed = emulator::ScenarioParser::parse(QByteArray("{}"));
            wcs = std::make_unique<emulator::EmulatorServer>();
            wcs->setScenario(*parsed.scenario);
            wcs->setRestApiPort(0);
            if (fault == u"auth") {
                wcs->setRestApiCredentials(u"admin"_s, "pw");
            }
            QVERIFY(wcs->listen());
            if (fault == u"500") {
                wcs->restApi()->setForcedStatus(500);
            } else if (fault == u"404") {
                wcs->restApi()->setForcedStatus(404);
            }
            url = wcs->restApiUrl();
        }
        hooks::RestApiNodeOptions o;
        o.nodeId = u"bad-node"_s;
        o.baseUrl = url;
        o.pollIntervalMs = 0;
        o.timeoutMs = 300;
        o.user = fault == u"auth" ? u"admin"_s : QString();
        hooks::RestApiClient api(o, clock);
        if (fault == u"auth") {
            api.setPassword("wrong");
        }
        QSignalSpy failed(&api, &hooks::RestApiClient::requestFailed);
        QSignalSpy status(&api, &hooks::RestApiClient::statusChanged);
        QSignalSpy streams(&api, &hooks::RestApiClient::streamsPolled);
        api.pollNow();
        QTRY_VERIFY_WITH_TIMEOUT(status.size() == 1, 5000);
        QCOMPARE(int(api.status().reachability), reachability);
        QCOMPARE(api.status().lastHttpStatus, httpStatus);
        QCOMPARE(status.at(0).at(0).toString(), u"bad-node"_s);
        if (reachability == int(NodeReachability::Reachable)) {
            QCOMPARE(failed.size(), 0);
            QCOMPARE(streams.size(), 1);
            QVERIFY(streams.at(0).at(1).value<QList<core::StreamStatusEvent>>().isEmpty());
        } else {
            QVERIFY(failed.size() >= 1);
            QCOMPARE(failed.at(0).at(0).toString(), u"bad-node"_s);
            QVERIFY(!api.status().lastError.isEmpty());
            QCOMPARE(streams.size(), 0);
            if (fault == u"silent") {
                QVERIFY2(api.status().lastError.contains(u"no answer within 300 ms"),
                         qPrintable(api.status().lastError));
            }
        }
        if (fault == u"auth") { // the right password fixes it
            api.setPassword("pw");
            api.pollNow();
            QTRY_COMPARE(status.size(), 2);
            QCOMPARE(api.status().reachability, NodeReachability::Reachable);
            QVERIFY(api.status().lastError.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(tst_RestApiClient)
#include "tst_RestApiClient.moc"
