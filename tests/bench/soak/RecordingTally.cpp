#include "RecordingTally.h"

#include "EventKinds.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace soak {

namespace {

qint64 timeOf(const QJsonObject& line) {
    return QDateTime::fromString(line.value(QLatin1StringView("t")).toString(), Qt::ISODateWithMs)
        .toMSecsSinceEpoch();
}

} // namespace

bool RecordingTally::open(const QString& path, QString* error) {
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = QStringLiteral("%1: %2").arg(path, m_file.errorString());
        }
        return false;
    }
    return true;
}

void RecordingTally::readMore() {
    if (!m_file.isOpen() || !m_file.seek(m_offset)) {
        return;
    }
    while (true) {
        const QByteArray text = m_file.readLine();
        if (!text.endsWith('\n')) {
            break; // nothing more, or a line the emulator is still writing: next time
        }
        m_offset += text.size();
        line(text);
    }
}

void RecordingTally::line(const QByteArray& text) {
    const QJsonObject o = QJsonDocument::fromJson(text).object();
    const QString dir = o.value(QLatin1StringView("dir")).toString();
    const int conn = o.value(QLatin1StringView("conn")).toInt();
    if (dir == QLatin1StringView("open")) {
        m_index.insert(conn, m_conns.size());
        m_conns.append(Connection{conn, -1, 0, 0, {}});
        return;
    }
    const auto it = m_index.constFind(conn);
    if (it == m_index.cend()) {
        return;
    }
    Connection& c = m_conns[*it];
    if (dir == QLatin1StringView("close")) {
        c.closeCode =
            o.value(QLatin1StringView("raw")).toObject().value(QLatin1StringView("code")).toInt(-1);
        c.closedAtMs = timeOf(o);
        return;
    }
    if (dir != QLatin1StringView("S>C")) {
        return;
    }
    const QString message =
        QJsonDocument::fromJson(o.value(QLatin1StringView("raw")).toString().toUtf8())
            .object()
            .value(QLatin1StringView("message"))
            .toString();
    const QString type = EventKinds::journalType(message);
    if (type.isNull()) {
        ++m_other;
        return;
    }
    ++m_events;
    ++m_byType[type];
    ++c.events;
    c.tail.emplace_back(timeOf(o), type);
    if (c.tail.size() > size_t(kTail)) {
        c.tail.pop_front();
    }
}

int RecordingTally::dropped() const {
    int n = 0;
    for (const Connection& c : m_conns) {
        n += c.closeCode == 1006 ? 1 : 0;
    }
    return n;
}

} // namespace soak
