#pragma once

#include <QJsonObject>
#include <QObject>

class QSocketNotifier;

namespace cli {

/// Reads JSON Lines commands from standard input without blocking the event loop. Emits
/// commandReceived() per valid JSON object line, malformedLine() for any other line, and
/// inputClosed() at end of input.
class StdinCommandReader : public QObject {
    Q_OBJECT

public:
    explicit StdinCommandReader(QObject* parent = nullptr);

Q_SIGNALS:
    void commandReceived(const QJsonObject& command);
    void malformedLine(const QString& line, const QString& reason);
    void inputClosed();

private:
    void readAvailable();

    QSocketNotifier* m_notifier = nullptr;
    QByteArray m_buffer;
};

} // namespace cli
