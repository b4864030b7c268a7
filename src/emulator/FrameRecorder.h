#pragma once

#include <QFile>
#include <QJsonObject>
#include <QString>

namespace emulator {

/// Writes every frame of every client connection as JSON Lines, in the format of
/// shared/fixtures/wcs-official-sdk/*.jsonl: `{"t": ISO-8601 UTC time with ms, "dir": "C>S" |
/// "S>C" | "open" | "close", "conn": n, "raw": ...}`. For frames `raw` is the frame text; for
/// "open" it is `{url, headers}`, for "close" `{code, reason}`. Each line is flushed at once so
/// the file can be read while the emulator runs.
class FrameRecorder {
public:
    FrameRecorder() = default;
    FrameRecorder(const FrameRecorder&) = delete;
    FrameRecorder& operator=(const FrameRecorder&) = delete;

    /// Opens (truncates) `path`. False with `error` set when it cannot be written.
    bool open(const QString& path, QString* error = nullptr);
    bool isOpen() const { return m_file.isOpen(); }

    /// A text frame; `outgoing` is S>C.
    void frame(int conn, bool outgoing, const QString& text);
    void opened(int conn, const QJsonObject& info);
    void closed(int conn, int code, const QString& reason);

private:
    void write(int conn, QLatin1StringView dir, const QJsonValue& raw);

    QFile m_file;
};

} // namespace emulator
