#include "emulator/ClientFrame.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace emulator {

std::optional<ClientFrame> ClientFrame::parse(QByteArrayView utf8, QString* error) {
    const auto fail = [error](QString why) -> std::optional<ClientFrame> {
        if (error) {
            *error = std::move(why);
        }
        return std::nullopt;
    };
    if (utf8.size() > kMaxFrameBytes) {
        return fail(QStringLiteral("frame of %1 bytes is over the limit").arg(utf8.size()));
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8.toByteArray(), &pe);
    if (pe.error != QJsonParseError::NoError) {
        return fail(
            QStringLiteral("not JSON: %1 at offset %2").arg(pe.errorString()).arg(pe.offset));
    }
    if (!doc.isObject()) {
        return fail(QStringLiteral("not a JSON object"));
    }
    const QJsonObject root = doc.object();
    const QJsonValue name = root.value(QLatin1StringView("message"));
    if (!name.isString() || name.toString().isEmpty()) {
        return fail(QStringLiteral("no string 'message'"));
    }
    ClientFrame f;
    f.message = name.toString();
    const QJsonValue data = root.value(QLatin1StringView("data"));
    if (data.isArray() && !data.toArray().isEmpty() && data.toArray().first().isObject()) {
        f.arg = data.toArray().first().toObject();
        f.hasArg = true;
    } else if (data.isObject()) { // tolerate a bare object instead of [object]
        f.arg = data.toObject();
        f.hasArg = true;
    }
    return f;
}

} // namespace emulator
