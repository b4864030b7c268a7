#pragma once

#include "core/DtmfType.h"
#include "wcs/SessionOptions.h"

#include <QString>
#include <QStringList>

namespace cli {

/// Exit codes of callboard-cli (also printed by --help).
enum ExitCode : int {
    ExitOk = 0,            ///< the command completed (monitor: ran until --exit-after or a signal)
    ExitUsage = 1,         ///< bad command line
    ExitConnectFailed = 2, ///< the session never reached ESTABLISHED, or dropped mid-command
    ExitCommandFailed = 3, ///< the server reported failure (call FAILED/BUSY, stream FAILED,
                           ///< data FAILED, registration failed, command refused)
    ExitTimeout = 4,       ///< --exit-after elapsed before the command completed
};

/// A parsed callboard-cli command line.
struct CliOptions {
    QString command;  ///< monitor | call | answer | hold | transfer | dtmf | publish | play |
                      ///< send-data | debug
    QStringList args; ///< positional arguments after the command
    wcs::SessionOptions session;
    bool demo = false;      ///< start the built-in emulator in-process and use it
    int exitAfterMs = 0;    ///< 0 = no deadline
    int hangupAfterMs = -1; ///< call/answer: hang up this long after ESTABLISHED
    int unholdAfterMs = -1; ///< hold: unhold this long after HOLD
    int durationMs = -1;    ///< publish/play: stop this long after PUBLISHING/PLAYING
    bool record = false;    ///< publish --record
    QString dtmfDigits;     ///< call --dtmf
    core::DtmfType dtmfType = core::DtmfType::Rfc2833;
    bool readCommandsFromStdin = false; ///< monitor --commands: JSON Lines commands on stdin
    QStringList playNames;              ///< monitor --play NAME: streams to play while monitoring
    bool verbose = false;               ///< also print every frame sent and received (redacted)
};

/// Parses argv into CliOptions. On error returns false with `error` set; `--help` and
/// `--version` print and set `exitNow`.
class CliOptionsParser {
public:
    static bool parse(const QStringList& arguments, CliOptions& out, QString& error, bool& exitNow);
    static QString helpText();
};

} // namespace cli
