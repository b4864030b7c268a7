#pragma once

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace emulator {

/// One client -> server frame (spec §2.1, §5): the command name and its single argument
/// `data[0]`. A missing, empty or non-object `data[0]` (e.g. `pong` sends `[null]`) gives an
/// empty `arg`. Parsing never throws and accepts any bytes.
struct ClientFrame {
    QString message; ///< command name, e.g. "connection", "publishStream"
    QJsonObject arg; ///< data[0] when it is an object, else empty
    bool hasArg = false;

    /// Largest frame parsed (bytes); larger ones are refused (the socket limit is the same).
    static constexpr qsizetype kMaxFrameBytes = 8 * 1024 * 1024;

    /// Parses one text frame. nullopt when it is not a JSON object with a non-empty string
    /// `message`, or is larger than kMaxFrameBytes; `error` (optional) then says why.
    static std::optional<ClientFrame> parse(QByteArrayView utf8, QString* error = nullptr);
};

} // namespace emulator
