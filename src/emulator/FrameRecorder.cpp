#include "emulator/FrameRecorder.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace emulator {

bool FrameRecorder::open(const QString& path, QString* error) {
    m_file.close();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error) {
            *error = m_file.errorString();
        }
        return false;
    }
    return true;
}

void FrameRecorder::frame(int conn, bool outgoing, const QString& text) {
    write(conn, outgoing ? QLatin1StringView("S>C") : QLatin1StringView("C>S"), text);
}

void FrameRecorder::opened(int conn, const QJsonObject& info) {
    write(conn, QLatin1StringView("open"), info);
}

void FrameRecorder::closed(int conn, int code, const QString& reason) {
    write(conn, QLatin1StringView("close"),
          QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("reason"), reason}});
}

namespace {

/// One JSON value as compact text (QJsonDocument only takes arrays and objects).
QByteArray compact(const QJsonValue& v) {
    const QByteArray a = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return a.mid(1, a.size() - 2);
}

} // namespace

void FrameRecorder::write(int conn, QLatin1StringView dir, const QJsonValue& raw) {
    if (!m_file.isOpen()) {
        return;
    }
    // Written by hand to keep the fixtures' key order t, dir, conn, raw.
    const QString t = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QByteArray out = "{\"t\":" + compact(t) + ",\"dir\":" + compact(QString(dir)) +
                     ",\"conn\":" + QByteArray::number(conn) + ",\"raw\":" + compact(raw) + "}\n";
    m_file.write(out);
    m_file.flush();
}

} // namespace emulator
