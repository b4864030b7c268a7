#include "core/JsonText.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace core {

std::optional<QJsonValue> JsonText::parse(QByteArrayView json) {
    if (json.trimmed().isEmpty()) {
        return std::nullopt;
    }
    // Wrapped in an array so that scalars parse too; exactly one element, so that "1],[2"
    // does not pass for valid text.
    QByteArray wrapped;
    wrapped.reserve(json.size() + 2);
    wrapped.append('[').append(json).append(']');
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped, &err);
    if (err.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1) {
        return std::nullopt;
    }
    return doc.array().at(0);
}

QByteArray JsonText::serialize(const QJsonValue& value) {
    const QByteArray array =
        QJsonDocument(QJsonArray{value.isUndefined() ? QJsonValue(QJsonValue::Null) : value})
            .toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2); // strip the wrapping [ ]
}

} // namespace core
