// callboard-emulator: an emulated Flashphoner WCS for the demo mode and the tests.
// See src/emulator/SCENARIO.md and shared/spec/wcs-protocol.md.

#include "UnixSignalWatcher.h"
#include "emulator/EmulatorLog.h"
#include "emulator/EmulatorServer.h"
#include "emulator/ScenarioParser.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimer>

#include <cstdio>
#include <optional>

namespace {

int fail(const QString& message) {
    std::fprintf(stderr, "callboard-emulator: %s\n", qPrintable(message));
    return 2;
}

std::optional<int> parsePort(const QString& text, int lowest) {
    bool ok = false;
    const int v = text.toInt(&ok);
    return ok && v >= lowest && v <= 65535 ? std::optional(v) : std::nullopt;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("callboard-emulator"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CALLBOARD_VERSION));
    UnixSignalWatcher watcher; // before anything else, so SIGTERM always shuts down cleanly

    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral(
        "Emulated Flashphoner Web Call Server for the Callboard demo mode and tests.\n"
        "Prints one JSON line {\"event\":\"listening\",\"ws\":...,\"control\":...} to stdout, "
        "then logs to stderr."));
    cli.addHelpOption();
    cli.addVersionOption();
    const QCommandLineOption bind(
        QStringLiteral("bind"), QStringLiteral("Address of the WCS endpoint (default 127.0.0.1)."),
        QStringLiteral("ADDR"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(
        QStringLiteral("port"),
        QStringLiteral("WCS WebSocket port, 0 = a free one (default 8080)."), QStringLiteral("N"),
        QStringLiteral("8080"));
    const QCommandLineOption controlPort(
        QStringLiteral("control-port"),
        QStringLiteral("Control endpoint port on 127.0.0.1, 0 = a free one (default 0)."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption scenario(
        QStringLiteral("scenario"),
        QStringLiteral("Scenario JSON file (default: the built-in demo scenario)."),
        QStringLiteral("FILE"));
    const QCommandLineOption pingInterval(
        QStringLiteral("ping-interval"),
        QStringLiteral("Keep-alive ping interval in ms, 0 = none (default 5000)."),
        QStringLiteral("MS"), QStringLiteral("5000"));
    const QCommandLineOption record(QStringLiteral("record"),
                                    QStringLiteral("Write every frame to FILE as JSON Lines."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption quiet(QStringLiteral("quiet"), QStringLiteral("Log warnings only."));
    cli.addOptions({bind, port, controlPort, scenario, pingInterval, record, quiet});
    cli.process(app);

    if (cli.isSet(quiet)) {
        QLoggingCategory::setFilterRules(
            QStringLiteral("callboard.emulator.debug=false\ncallboard.emulator.info=false"));
    } else {
        QLoggingCategory::setFilterRules(QStringLiteral("callboard.emulator.debug=false"));
    }
    const QHostAddress address(cli.value(bind));
    if (address.isNull()) {
        return fail(QStringLiteral("--bind: '%1' is not an IP address").arg(cli.value(bind)));
    }
    const auto wsPort = parsePort(cli.value(port), 0);
    const auto ctlPort = parsePort(cli.value(controlPort), 0);
    bool ok = false;
    const int pingMs = cli.value(pingInterval).toInt(&ok);
    if (!wsPort || !ctlPort || !ok || pingMs < 0) {
        return fail(QStringLiteral("--port, --control-port need 0..65535, --ping-interval >= 0"));
    }
    const auto parsed =
        cli.isSet(scenario)
            ? emulator::ScenarioParser::parseFile(cli.value(scenario))
            : emulator::ScenarioParser::parseFile(QString(emulator::ScenarioParser::kDemoResource));
    if (!parsed.ok()) {
        return fail(QStringLiteral("bad scenario %1:\n%2")
                        .arg(cli.isSet(scenario) ? cli.value(scenario)
                                                 : QString(emulator::ScenarioParser::kDemoResource),
                             parsed.errorString()));
    }

    emulator::EmulatorServer server;
    server.setScenario(*parsed.scenario);
    server.setPingIntervalMs(pingMs);
    server.setControlPort(*ctlPort);
    if (cli.isSet(record) && !server.setRecordFile(cli.value(record))) {
        return fail(server.errorString());
    }
    if (!server.listen(address, static_cast<quint16>(*wsPort))) {
        return fail(server.errorString());
    }

    // Written by hand to keep the documented key order event, ws, control.
    const auto quoted = [](const QString& s) {
        const QByteArray a = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
        return a.mid(1, a.size() - 2);
    };
    const QByteArray line =
        "{\"event\":\"listening\",\"ws\":" + quoted(server.serverUrl().toString()) +
        ",\"control\":" + quoted(server.controlUrl().toString()) + "}\n";
    std::fputs(line.constData(), stdout);
    std::fflush(stdout);

    QObject::connect(&watcher, &UnixSignalWatcher::terminationRequested, &app, [&](int number) {
        qCInfo(emulator::lcEmulator) << "signal" << number << "- shutting down";
        server.close();
        // Give the close frames a moment to leave before the sockets go away.
        QTimer::singleShot(100, &app, &QCoreApplication::quit);
    });
    return QCoreApplication::exec();
}
