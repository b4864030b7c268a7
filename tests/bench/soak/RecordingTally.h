#pragma once

#include <QFile>
#include <QHash>
#include <QList>
#include <QString>

#include <deque>

namespace soak {

/// What the emulator wrote to each client socket, read from its frame recording
/// (`callboard-emulator --record`, emulator::FrameRecorder: one JSON line per frame, written
/// when the frame is handed to the socket, after any delay or stall, and flushed at once).
/// These are the events *written*. readMore() reads the lines added since the last call, so
/// the file is read a piece at a time while the emulator runs; only counts and the last
/// kTail event frames of each connection are kept (bounded memory).
class RecordingTally {
public:
    /// Event frames remembered per connection (write time and type), for the report on frames
    /// a drop destroyed.
    static constexpr int kTail = 512;

    /// One client connection of the emulator, in the order they opened.
    struct Connection {
        int conn = 0;          ///< the emulator's connection number
        int closeCode = -1;    ///< close code, -1 while open (1006 = aborted by `drop`)
        qint64 closedAtMs = 0; ///< epoch ms of the close line, 0 while open
        qint64 events = 0;     ///< event frames written on it
        /// The last kTail event frames: {write time (epoch ms), journal type}.
        std::deque<std::pair<qint64, QString>> tail;
    };

    /// Opens `path`; false with `error` set when it cannot be read.
    bool open(const QString& path, QString* error);
    /// Reads every complete line added since the last call.
    void readMore();

    const QList<Connection>& connections() const { return m_conns; }
    /// Event frames written, by journal type.
    const QHash<QString, qint64>& byType() const { return m_byType; }
    qint64 events() const { return m_events; }
    /// Frames written that are no event (ping, setRemoteSDP, notifyStreamEvent, ...).
    qint64 otherFrames() const { return m_other; }
    /// Connections closed with 1006 (abnormal closure: the `drop` fault).
    int dropped() const;
    /// Bytes of recording read so far.
    qint64 bytesRead() const { return m_offset; }

private:
    void line(const QByteArray& text);

    QFile m_file;
    qint64 m_offset = 0;
    QList<Connection> m_conns;
    QHash<int, qsizetype> m_index; ///< emulator conn number -> m_conns index
    QHash<QString, qint64> m_byType;
    qint64 m_events = 0;
    qint64 m_other = 0;
};

} // namespace soak
