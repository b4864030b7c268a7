#pragma once

#include "emulator/Scenario.h"

#include <QByteArrayView>
#include <QLatin1StringView>
#include <QList>
#include <QString>

#include <optional>

namespace emulator {

/// Reads the scenario JSON format of src/emulator/SCENARIO.md into a Scenario. Strict: unknown
/// keys, wrong types and out-of-range numbers are errors, each reported with the JSON path of
/// the bad key (`$.callees["486"].busy`, `$.timeline[2].ms`). Accepts any bytes without
/// crashing or throwing (the parser is fuzzed); input over kMaxBytes is refused.
class ScenarioParser {
public:
    /// One problem in the input.
    struct Error {
        QString path;    ///< JSON path, `$` is the root
        QString message; ///< what is wrong, e.g. "expected an integer in 0..2000000000"
        QString toString() const { return path + QStringLiteral(": ") + message; }
    };

    struct Result {
        std::optional<Scenario> scenario; ///< set when `errors` is empty
        QList<Error> errors;
        bool ok() const { return scenario.has_value(); }
        /// All errors, one per line.
        QString errorString() const;
    };

    /// Largest scenario accepted (bytes).
    static constexpr qsizetype kMaxBytes = 1024 * 1024;
    /// Largest time value in milliseconds (fits a QTimer interval).
    static constexpr int kMaxMs = 2000000000;
    /// The demo scenario compiled into the emulator library (resources/scenarios/demo.json).
    static constexpr QLatin1StringView kDemoResource{":/scenarios/demo.json"};

    /// Parses scenario JSON text.
    static Result parse(QByteArrayView json);
    /// Reads and parses a file (a Qt resource path such as kDemoResource works too).
    static Result parseFile(const QString& path);
    /// The built-in demo scenario (kDemoResource), for the desktop app's demo mode; a default
    /// Scenario (with a warning logged) should the resource ever fail to parse.
    static Scenario demo();
};

} // namespace emulator
