#pragma once

#include <QByteArray>
#include <QString>

namespace core {

/// OnDataEvent (spec §8): data pushed by the backend to this client.
struct OnDataEvent {
    QString operationId;
    QByteArray payload; ///< `payload` as compact UTF-8 JSON text (any JSON value); "null" if absent
};

} // namespace core
