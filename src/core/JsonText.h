#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>

#include <optional>

namespace core {

/// JSON text <-> QJsonValue for any value, scalars included (QJsonDocument only takes objects
/// and arrays). Used wherever a payload travels as compact JSON text (OnDataEvent, custom).
class JsonText {
public:
    /// The value of `json`; nullopt when it is empty, invalid, or more than one value.
    static std::optional<QJsonValue> parse(QByteArrayView json);
    /// Compact UTF-8 JSON text of `value` ("null" for undefined).
    static QByteArray serialize(const QJsonValue& value);
};

} // namespace core
