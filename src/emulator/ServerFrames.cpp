#include "emulator/ServerFrames.h"

#include <QJsonDocument>

namespace emulator {

namespace {

QByteArray jsonString(QLatin1StringView text) {
    const QByteArray a = QJsonDocument(QJsonArray{QString(text)}).toJson(QJsonDocument::Compact);
    return a.mid(1, a.size() - 2); // strip [ and ]
}

} // namespace

QByteArray ServerFrames::frame(QLatin1StringView name, const QJsonArray& data) {
    QByteArray out;
    out.reserve(64);
    out += "{\"message\":";
    out += jsonString(name);
    out += ",\"data\":";
    out += QJsonDocument(data).toJson(QJsonDocument::Compact);
    out += '}';
    return out;
}

QByteArray ServerFrames::frame(QLatin1StringView name, const QJsonObject& arg0) {
    return frame(name, QJsonArray{arg0});
}

QByteArray ServerFrames::ping() {
    return QByteArrayLiteral(R"({"message":"ping","data":[]})");
}

QByteArray ServerFrames::remoteSdp(const QString& id, const QString& sdp) {
    return frame(QLatin1StringView("setRemoteSDP"), QJsonArray{id, sdp});
}

QByteArray ServerFrames::fail(const QString& apiMethod, const QString& id, const QString& info,
                              const QString& status) {
    QJsonObject o;
    if (!apiMethod.isNull()) {
        o.insert(QLatin1StringView("apiMethod"), apiMethod);
    }
    if (!id.isNull()) {
        o.insert(QLatin1StringView("id"), id);
    }
    if (!status.isNull()) {
        o.insert(QLatin1StringView("status"), status);
    }
    o.insert(QLatin1StringView("info"), info.isNull() ? QString(QLatin1StringView("")) : info);
    return frame(QLatin1StringView("fail"), o);
}

} // namespace emulator
