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
#include <QUrl>

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
    const QCommandLineOption restHook(
        QStringLiteral("rest-hook"),
        QStringLiteral("REST hook base URL for an appKey (spec 13.1), e.g. "
                       "defaultApp=http://127.0.0.1:9091/rest/my_api. Repeatable; adds to the "
                       "scenario's restHooks.apps."),
        QStringLiteral("APPKEY=URL"));
    const QCommandLineOption restHookSecretEnv(
        QStringLiteral("rest-hook-secret-env"),
        QStringLiteral("Sign hooks with 'Authorization: WCS <HMAC-MD5>' keyed with the value of "
                       "environment variable VAR (never on the command line)."),
        QStringLiteral("VAR"));
    const QCommandLineOption keepAliveInterval(
        QStringLiteral("keep-alive-interval"),
        QStringLiteral("StreamKeepAliveEvent period in ms, 0 = none (default: the scenario's, "
                       "10000)."),
        QStringLiteral("MS"));
    const QCommandLineOption restApiPort(
        QStringLiteral("rest-api-port"),
        QStringLiteral("Serve the WCS REST API (spec 14: /rest-api/stream/find_all, ..., "
                       "/?action=stat) on this port of the WCS address, 0 = a free one "
                       "(default: none)."),
        QStringLiteral("N"));
    cli.addOptions({bind, port, controlPort, scenario, pingInterval, record, quiet, restHook,
                    restHookSecretEnv, keepAliveInterval, restApiPort});
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

    emulator::Scenario effective = *parsed.scenario;
    for (const QString& spec : cli.values(restHook)) {
        const qsizetype eq = spec.indexOf(u'=');
        const QUrl url(eq > 0 ? spec.mid(eq + 1) : QString(), QUrl::StrictMode);
        if (eq <= 0 || !url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QStringLiteral("http") && url.scheme() != QStringLiteral("https"))) {
            return fail(
                QStringLiteral("--rest-hook needs APPKEY=http(s)://host[:port]/path, got '%1'")
                    .arg(spec));
        }
        effective.restHooks.apps.insert(spec.left(eq), url.toString());
    }
    if (cli.isSet(restHookSecretEnv)) {
        const QByteArray secret = qgetenv(cli.value(restHookSecretEnv).toLocal8Bit().constData());
        if (secret.isEmpty()) {
            return fail(QStringLiteral("--rest-hook-secret-env: $%1 is empty or unset")
                            .arg(cli.value(restHookSecretEnv)));
        }
        effective.restHooks.secret = QString::fromUtf8(secret);
    }
    if (cli.isSet(keepAliveInterval)) {
        const int ms = cli.value(keepAliveInterval).toInt(&ok);
        if (!ok || ms < 0) {
            return fail(QStringLiteral("--keep-alive-interval needs ms >= 0"));
        }
        effective.restHooks.keepAliveIntervalMs = ms;
    }
    emulator::EmulatorServer server;
    server.setScenario(effective);
    if (cli.isSet(restApiPort)) {
        const auto apiPort = parsePort(cli.value(restApiPort), 0);
        if (!apiPort) {
            return fail(QStringLiteral("--rest-api-port needs 0..65535"));
        }
        server.setRestApiPort(*apiPort);
    }
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
        ",\"control\":" + quoted(server.controlUrl().toString()) +
        (server.restApiUrl().isEmpty() ? QByteArray()
                                       : ",\"restApi\":" + quoted(server.restApiUrl().toString())) +
        "}\n";
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
