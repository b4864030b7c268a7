#include "CliOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>

namespace cli {

namespace {

const QStringList kCommands{QStringLiteral("monitor"),   QStringLiteral("call"),
                            QStringLiteral("answer"),    QStringLiteral("hold"),
                            QStringLiteral("transfer"),  QStringLiteral("dtmf"),
                            QStringLiteral("publish"),   QStringLiteral("play"),
                            QStringLiteral("send-data"), QStringLiteral("debug")};

int minArgs(const QString& command) {
    if (command == QLatin1StringView("transfer") || command == QLatin1StringView("dtmf")) {
        return 2;
    }
    if (command == QLatin1StringView("monitor") || command == QLatin1StringView("answer")) {
        return 0;
    }
    return 1;
}

bool toInt(const QString& text, int& out) {
    bool ok = false;
    const int v = text.toInt(&ok);
    if (ok && v >= 0) {
        out = v;
    }
    return ok && v >= 0;
}

} // namespace

QString CliOptionsParser::helpText() {
    return QStringLiteral(R"(Usage: callboard-cli [options] <command> [arguments]

Scriptable WCS client. Every event is printed on stdout as one JSON line
{"ts": ISO-8601 UTC, "type": "<EventType>", ...fields}; diagnostics go to stderr.

Commands:
  monitor                   print every event until --exit-after or Ctrl-C (reconnects);
                            with --commands, reads JSON Lines commands from stdin, e.g.
                            {"cmd":"call","callee":"1002"} {"cmd":"hangup","callId":"..."}
                            (cmds: call answer hangup hold unhold transfer dtmf publish play
                            stop unpublish send-data debug available snapshot)
  call <callee>             place a call; ends when the call ends (--hangup-after, --dtmf)
  answer                    wait for an incoming call, answer it (--hangup-after)
  hold <callee>             call, hold when ESTABLISHED, unhold after --unhold-after, hang up
  transfer <callee> <target> call, hold for transfer, blind-transfer to <target>
  dtmf <callee> <digits>    call, send DTMF digits when ESTABLISHED, hang up
  publish <name>            publish a stream (--record, --duration), then unpublish
  play <name>               play a stream (--duration), then stop
  send-data <json>          sendData with the JSON payload, wait for DataStatusEvent
  debug on|off              start or stop the server-side debug session

Options:
  --url <ws-url>            server (default ws://127.0.0.1:8080)
  --demo                    start the built-in demo server in-process and connect to it
  --app-key <key>           REST application key (default defaultApp)
  --sip-login <user>        SIP login (enables SIP registration through WCS)
  --sip-auth-name <name>    SIP authentication name (default: login)
  --sip-domain <domain>     SIP domain
  --sip-outbound-proxy <h>  SIP outbound proxy (default: domain)
  --sip-port <port>         SIP port (default 5060)
  --no-register             do not REGISTER (outgoing calls only)
  --password-env <VAR>      read the SIP password from this environment variable
                            (default CALLBOARD_SIP_PASSWORD); never pass it on the command line
  --password-stdin          read the SIP password from the first line of stdin
  --custom <json>           `custom` object for the backend
  --keep-alive              ask the server to keep the session for re-attach
  --ca-file <pem>           extra CA certificates to trust for wss://
  --pin-sha256 <hex>        trust the server certificate with this SHA-256 fingerprint
  --watchdog <ms>           fail when nothing arrives for this long (default 50000, 0 = off)
  --reconnect-min <ms>      first reconnect delay (default 1000)
  --reconnect-max <ms>      reconnect delay ceiling (default 30000)
  --no-reconnect            do not reconnect (default for every command but monitor)
  --exit-after <ms>         stop after this long
  --hangup-after <ms>       call/answer: hang up this long after ESTABLISHED
  --unhold-after <ms>       hold: unhold this long after HOLD (default 500)
  --duration <ms>           publish/play: stop this long after PUBLISHING/PLAYING (default 1000)
  --record                  publish: record on the server
  --dtmf <digits>           call: send these DTMF digits when ESTABLISHED
  --dtmf-type <t>           RFC2833 (default), INFO or INFO_RELAY
  --commands                monitor: read commands from stdin
  --play <name>             monitor: play this stream while monitoring (repeatable; with
                            --demo the default is lobby-cam, and the demo registers as 1000)
  --verbose                 also print every frame (type "Frame", secrets redacted)
  -h, --help                this text
  -v, --version             version

Exit codes:
  0  done (monitor: ran until --exit-after or a signal)
  1  bad command line
  2  connection failed: the session never reached ESTABLISHED or dropped mid-command
  3  the server reported failure: call FAILED/BUSY, stream FAILED, data FAILED,
     registration failed, or the command was refused
  4  --exit-after elapsed before the command completed
)");
}

bool CliOptionsParser::parse(const QStringList& arguments, CliOptions& out, QString& error,
                             bool& exitNow) {
    exitNow = false;
    QCommandLineParser p;
    p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const auto value = [](const char* name) {
        return QCommandLineOption(QString::fromLatin1(name), QString(), QStringLiteral("v"));
    };
    const auto flag = [](const char* name) {
        return QCommandLineOption(QString::fromLatin1(name));
    };
    const QList<QCommandLineOption> options{
        value("url"),
        flag("demo"),
        value("app-key"),
        value("sip-login"),
        value("sip-auth-name"),
        value("sip-domain"),
        value("sip-outbound-proxy"),
        value("sip-port"),
        flag("no-register"),
        value("password-env"),
        flag("password-stdin"),
        value("custom"),
        flag("keep-alive"),
        value("ca-file"),
        value("pin-sha256"),
        value("watchdog"),
        value("reconnect-min"),
        value("reconnect-max"),
        flag("no-reconnect"),
        value("exit-after"),
        value("hangup-after"),
        value("unhold-after"),
        value("duration"),
        flag("record"),
        value("dtmf"),
        value("dtmf-type"),
        flag("commands"),
        flag("verbose"),
        value("play"),
        QCommandLineOption(QStringList{QStringLiteral("h"), QStringLiteral("help")}),
        QCommandLineOption(QStringList{QStringLiteral("v"), QStringLiteral("version")})};
    p.addOptions(options);
    if (!p.parse(arguments)) {
        error = p.errorText();
        return false;
    }
    if (p.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << helpText();
        exitNow = true;
        return true;
    }
    if (p.isSet(QStringLiteral("version"))) {
        QTextStream(stdout) << "callboard-cli " << QCoreApplication::applicationVersion() << '\n';
        exitNow = true;
        return true;
    }
    const QStringList positional = p.positionalArguments();
    if (positional.isEmpty() || !kCommands.contains(positional.first())) {
        error = positional.isEmpty()
                    ? QStringLiteral("no command given (see --help)")
                    : QStringLiteral("unknown command '%1' (see --help)").arg(positional.first());
        return false;
    }
    out.command = positional.first();
    out.args = positional.mid(1);
    if (out.args.size() < minArgs(out.command)) {
        error = QStringLiteral("'%1' needs %2 argument(s) (see --help)")
                    .arg(out.command)
                    .arg(minArgs(out.command));
        return false;
    }
    if (out.command == QLatin1StringView("debug") && out.args.first() != QLatin1StringView("on") &&
        out.args.first() != QLatin1StringView("off")) {
        error = QStringLiteral("'debug' takes on or off");
        return false;
    }

    wcs::SessionOptions& s = out.session;
    s.url = QUrl(p.isSet(QStringLiteral("url")) ? p.value(QStringLiteral("url"))
                                                : QStringLiteral("ws://127.0.0.1:8080"));
    if (!s.url.isValid() ||
        (s.url.scheme() != QLatin1StringView("ws") && s.url.scheme() != QLatin1StringView("wss"))) {
        error = QStringLiteral("--url must be a ws:// or wss:// URL");
        return false;
    }
    out.demo = p.isSet(QStringLiteral("demo"));
    wcs::ConnectionParameters& c = s.connection;
    c.clientOSVersion = QStringLiteral("Linux");
    c.clientBrowserVersion =
        QStringLiteral("Callboard-cli/%1 (Qt %2)")
            .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion()));
    if (p.isSet(QStringLiteral("app-key"))) {
        c.appKey = p.value(QStringLiteral("app-key"));
    }
    if (p.isSet(QStringLiteral("custom"))) {
        const QByteArray json = p.value(QStringLiteral("custom")).toUtf8();
        if (!QJsonDocument::fromJson(json).isObject()) {
            error = QStringLiteral("--custom must be a JSON object");
            return false;
        }
        c.custom = json;
    }
    if (p.isSet(QStringLiteral("keep-alive"))) {
        c.keepAlive = true;
    }
    if (p.isSet(QStringLiteral("sip-login"))) {
        c.sipLogin = p.value(QStringLiteral("sip-login"));
        c.sipAuthenticationName = p.value(QStringLiteral("sip-auth-name"));
        c.sipDomain = p.value(QStringLiteral("sip-domain"));
        c.sipOutboundProxy = p.value(QStringLiteral("sip-outbound-proxy"));
        c.sipRegisterRequired = !p.isSet(QStringLiteral("no-register"));
        int port = 5060;
        if (p.isSet(QStringLiteral("sip-port")) &&
            !toInt(p.value(QStringLiteral("sip-port")), port)) {
            error = QStringLiteral("--sip-port must be a number");
            return false;
        }
        c.sipPort = port;
        if (p.isSet(QStringLiteral("password-stdin"))) {
            QFile in;
            if (in.open(stdin, QIODevice::ReadOnly)) {
                c.sipPassword = QString::fromUtf8(in.readLine()).trimmed();
            }
        } else {
            const QString var = p.isSet(QStringLiteral("password-env"))
                                    ? p.value(QStringLiteral("password-env"))
                                    : QStringLiteral("CALLBOARD_SIP_PASSWORD");
            c.sipPassword = qEnvironmentVariable(var.toLocal8Bit().constData());
        }
    }
    s.tls.caFile = p.value(QStringLiteral("ca-file"));
    s.tls.pinnedSha256 = p.value(QStringLiteral("pin-sha256")).toLatin1();

    const std::pair<const char*, int*> numbers[] = {
        {"watchdog", &s.watchdogMs},          {"reconnect-min", &s.reconnectMinMs},
        {"reconnect-max", &s.reconnectMaxMs}, {"exit-after", &out.exitAfterMs},
        {"hangup-after", &out.hangupAfterMs}, {"unhold-after", &out.unholdAfterMs},
        {"duration", &out.durationMs}};
    for (const auto& [name, target] : numbers) {
        const QString key = QString::fromLatin1(name);
        if (p.isSet(key) && !toInt(p.value(key), *target)) {
            error = QStringLiteral("--%1 takes a number of milliseconds").arg(key);
            return false;
        }
    }
    s.autoReconnect =
        out.command == QLatin1StringView("monitor") && !p.isSet(QStringLiteral("no-reconnect"));
    out.record = p.isSet(QStringLiteral("record"));
    out.dtmfDigits = p.value(QStringLiteral("dtmf"));
    if (p.isSet(QStringLiteral("dtmf-type"))) {
        const auto t =
            core::fromWire<core::DtmfType>(QStringView(p.value(QStringLiteral("dtmf-type"))));
        if (t.isUnknown()) {
            error = QStringLiteral("--dtmf-type must be RFC2833, INFO or INFO_RELAY");
            return false;
        }
        out.dtmfType = t.value;
    }
    out.readCommandsFromStdin = p.isSet(QStringLiteral("commands"));
    out.playNames = p.values(QStringLiteral("play"));
    if (out.demo && out.command == QLatin1StringView("monitor")) {
        // Make the demo lively: register (the demo accepts 1000) and watch a live stream.
        if (!c.hasSip()) {
            c.sipLogin = QStringLiteral("1000");
            c.sipDomain = QStringLiteral("demo.callboard");
            c.sipRegisterRequired = true;
            c.sipPort = 5060;
        }
        if (out.playNames.isEmpty()) {
            out.playNames << QStringLiteral("lobby-cam");
        }
    }
    out.verbose = p.isSet(QStringLiteral("verbose"));
    return true;
}

} // namespace cli
