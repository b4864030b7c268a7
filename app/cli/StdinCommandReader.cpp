#include "StdinCommandReader.h"

#include <QJsonDocument>
#include <QSocketNotifier>

#include <unistd.h>

namespace cli {

StdinCommandReader::StdinCommandReader(QObject* parent)
    : QObject(parent) {
    m_notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &StdinCommandReader::readAvailable);
}

void StdinCommandReader::readAvailable() {
    char chunk[4096];
    const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (n <= 0) {
        m_notifier->setEnabled(false);
        Q_EMIT inputClosed();
        return;
    }
    m_buffer.append(chunk, static_cast<qsizetype>(n));
    qsizetype newline = 0;
    while ((newline = m_buffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_buffer.left(newline).trimmed();
        m_buffer.remove(0, newline + 1);
        if (line.isEmpty()) {
            continue;
        }
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &err);
        if (err.error != QJsonParseError::NoError || !doc.isObject()) {
            Q_EMIT malformedLine(QString::fromUtf8(line),
                                 err.error != QJsonParseError::NoError
                                     ? err.errorString()
                                     : QStringLiteral("not a JSON object"));
            continue;
        }
        Q_EMIT commandReceived(doc.object());
    }
}

} // namespace cli
