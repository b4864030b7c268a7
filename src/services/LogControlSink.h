#pragma once

#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>

namespace services {

/// The in-memory log sink behind the debug panel: a Qt message handler that keeps the last
/// capacity() formatted lines in a ring buffer, and "export logs".
///
/// * Installed by the constructor with qInstallMessageHandler(); the previous handler still
///   gets every message (chained), with the same redaction. Only one sink is installed per
///   process: a second one stays uninstalled (isInstalled() false) until the first is gone.
/// * Every message is passed through Redactor before it is stored, chained or exported.
/// * Line format: `<local time ISO 8601 with ms> <level> <category>: <message>`, e.g.
///   `2024-05-01T12:00:00.123 info callboard.wcs.protocol: <<< {...}`. Lines longer than
///   maxLineChars() are cut (and end with "…"), so memory is bounded by
///   capacity() x maxLineChars() characters.
/// * Thread-safe: messages may come from any thread. lineAdded() is always delivered queued,
///   in the sink's thread, never from inside the message handler.
class LogControlSink : public QObject {
    Q_OBJECT
public:
    /// `capacity`: lines kept (>= 1). `maxLineChars`: longest stored line (>= 64).
    explicit LogControlSink(int capacity = 5000, int maxLineChars = 4000,
                            QObject* parent = nullptr);
    /// Restores the previous message handler (if this sink is the installed one).
    ~LogControlSink() override;

    LogControlSink(const LogControlSink&) = delete;
    LogControlSink& operator=(const LogControlSink&) = delete;

    /// True when this sink is the process's message handler.
    bool isInstalled() const { return m_installed; }
    int capacity() const { return m_capacity; }
    int maxLineChars() const { return m_maxLineChars; }

    /// The stored lines, oldest first (at most capacity()).
    QStringList lines() const;
    /// Lines received since construction, including those the ring has overwritten.
    qint64 totalLines() const;
    /// Empties the ring buffer.
    void clear();

    /// Writes lines() to `path` (UTF-8, one line each, atomically via QSaveFile). Returns
    /// false and sets `error` (if given) when the file cannot be written.
    bool exportTo(const QString& path, QString* error = nullptr) const;

    /// Adds one message as the handler does (redacted, formatted, stored, lineAdded queued);
    /// for messages that do not go through qDebug() and friends.
    void addMessage(QtMsgType type, const QString& category, const QString& message);

    /// The line for one message; `message` must already be redacted.
    static QString formatLine(const QDateTime& time, QtMsgType type, const QString& category,
                              const QString& message);
    /// "debug", "info", "warning", "critical", "fatal".
    static QString levelName(QtMsgType type);

Q_SIGNALS:
    /// One stored line (already redacted), in order. Queued to the sink's thread.
    void lineAdded(const QString& line);

private:
    static void messageHandler(QtMsgType type, const QMessageLogContext& context,
                               const QString& message);
    void store(QString line);
    void deliver();

    const int m_capacity;
    const int m_maxLineChars;
    bool m_installed = false;

    mutable QMutex m_mutex;
    QList<QString> m_ring; ///< m_capacity slots, reused
    qint64 m_total = 0;    ///< sequence number of the next line
    qint64 m_delivered = 0;
    std::atomic<bool> m_deliveryPending{false};
};

} // namespace services
