// Status-badge latency: from a stream status frame leaving the emulator to the dataChanged() of
// models::StreamTableModel that shows it, at idle and under a background load of stream status
// events. Prints p50/p90/p99/max per phase. Usage:
//   callboard-bench-latency [--probes N] [--interval-ms I] [--rate R] [--streams S]
//                           [--warmup-ms W] [--no-journal] [--nodelay]
// --serve is internal: the bench re-runs itself as the emulator process.
//
// Emulator process (--serve): emulator::EmulatorServer with S + 1 background streams ("probe"
// and "load-0000".."load-<S-1>"). The client plays every one of them, so each has a player
// owned by the client's session. On "run" (a line on stdin) the process changes the status of
// those players with the control action `streamStatus` (EmulatorServer::execute(), the same
// path as the control endpoint and the timeline):
//   * probes: every I ms the probe player toggles PAUSED <-> PLAYING with info "probe <seq>";
//   * load: R events/s (a 1 ms precise timer sends what is due), round-robin over the S load
//     players, each toggling PLAYING <-> PAUSED; the achieved rate is printed.
// Send time: EmulatorServer::frameSent (right after QWebSocket::sendTextMessage) for the frame
// that carries the probe's mediaSessionId, CLOCK_MONOTONIC, written to stdout as "sent <seq> <ns>".
//
// Client process: what the desktop app wires for one WCS account's stream badges:
// wcs::Session -> services::WcsBinding -> services::StreamMonitor -> models::StreamTableModel
// (frame tick 16 ms, as the app uses it), plus the app's journal sink on every event
// (services::History on a temporary SQLite file + models::EventLogModel; --no-journal drops
// it). No view is attached (no painting). Receive time: CLOCK_MONOTONIC at the start of the
// dataChanged() slot whose range covers the probe's row, once the row's info column shows a new
// "probe <seq>" (a covering range alone proves nothing: merged ranges cover idle rows too).
// Also taken: the time WcsBinding::streamStatusApplied() reports the probe (frame decoded and
// applied to StreamMonitor), which splits the latency into transport + decode and model tick.
//
// Functional checks (exit 1): a probe that never reaches the badge (a later probe that
// superseded it within one tick counts as delivered at that tick and is reported), a badge
// whose status disagrees with its probe, load events sent but not applied, or no samples.
#include "LatencyClient.h"
#include "ServeDriver.h"
#include "emulator/EmulatorServer.h"
#include "emulator/ScenarioParser.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <algorithm>
#include <cstdio>

namespace {

/// --serve: the emulator with "probe" and `streams` "load-NNNN" background streams (published
/// for good), driven by bench::ServeDriver; prints "port <P>" once listening.
int serve(int streams, bool noDelay) {
    QLoggingCategory::setFilterRules(
        QStringLiteral("callboard.emulator.debug=false\ncallboard.emulator.info=false"));
    QJsonArray background{QJsonObject{{QStringLiteral("name"), QStringLiteral("probe")}}};
    for (int i = 0; i < streams; ++i) {
        background.append(QJsonObject{
            {QStringLiteral("name"), QStringLiteral("load-%1").arg(i, 4, 10, QLatin1Char('0'))}});
    }
    const QJsonObject scenario{
        {QStringLiteral("streams"), QJsonObject{{QStringLiteral("resizeOnPlay"), false}}},
        {QStringLiteral("backgroundStreams"), background}};
    const auto parsed = emulator::ScenarioParser::parse(QJsonDocument(scenario).toJson());
    if (!parsed.ok()) {
        std::fprintf(stderr, "scenario: %s\n", qPrintable(parsed.errorString()));
        return 1;
    }
    emulator::EmulatorServer server;
    server.setScenario(*parsed.scenario);
    server.setControlPort(-1);
    if (!server.listen()) {
        std::fprintf(stderr, "emulator: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    bench::ServeDriver driver(server);
    driver.setNoDelay(noDelay);
    std::printf("port %d\n", server.serverUrl().port());
    std::fflush(stdout);
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    cli.addHelpOption();
    cli.addOptions(
        {{QStringLiteral("serve"), QStringLiteral("internal: run the emulator")},
         {QStringLiteral("probes"), QStringLiteral("probes per phase"), QStringLiteral("N"),
          QStringLiteral("2000")},
         {QStringLiteral("interval-ms"), QStringLiteral("ms between probes"), QStringLiteral("I"),
          QStringLiteral("20")},
         {QStringLiteral("rate"), QStringLiteral("background status events/s of the loaded phase"),
          QStringLiteral("R"), QStringLiteral("5000")},
         {QStringLiteral("streams"), QStringLiteral("background streams the load goes over"),
          QStringLiteral("S"), QStringLiteral("1000")},
         {QStringLiteral("warmup-ms"), QStringLiteral("load before the first probe of a phase"),
          QStringLiteral("W"), QStringLiteral("250")},
         {QStringLiteral("no-journal"), QStringLiteral("leave out the app's journal sink")},
         {QStringLiteral("nodelay"),
          QStringLiteral("TCP_NODELAY on the emulator's sockets (no Nagle delay)")}});
    cli.process(app);
    const int streams = std::max(1, cli.value(QStringLiteral("streams")).toInt());
    if (cli.isSet(QStringLiteral("serve"))) {
        return serve(streams, cli.isSet(QStringLiteral("nodelay")));
    }
    QLoggingCategory::setFilterRules(QStringLiteral("callboard.*.debug=false"));
    bench::LatencyClient::Options o;
    o.streams = streams;
    o.probes = std::max(1, cli.value(QStringLiteral("probes")).toInt());
    o.intervalMs = std::max(1, cli.value(QStringLiteral("interval-ms")).toInt());
    o.rate = std::max(0.0, cli.value(QStringLiteral("rate")).toDouble());
    o.warmupMs = std::max(0, cli.value(QStringLiteral("warmup-ms")).toInt());
    o.journal = !cli.isSet(QStringLiteral("no-journal"));
    o.noDelay = cli.isSet(QStringLiteral("nodelay"));
    bench::LatencyClient client(o);
    return client.run();
}
