#include "services/JournalEntry.h"

#include <QJsonDocument>

namespace services {

JournalEntry JournalEntry::fromEventJson(qint64 timestampMs, const QString& accountId,
                                         const QJsonObject& event) {
    JournalEntry e;
    e.timestampMs = timestampMs;
    e.accountId = accountId;
    e.type = event.value(QLatin1StringView("type")).toString();
    e.status = event.value(QLatin1StringView("status")).toString();
    for (const auto key : {QLatin1StringView("mediaSessionId"), QLatin1StringView("callId"),
                           QLatin1StringView("sessionId"), QLatin1StringView("id")}) {
        const QJsonValue v = event.value(key);
        if (v.isString() && !v.toString().isEmpty()) {
            e.objectId = v.toString();
            break;
        }
    }
    e.json = QJsonDocument(event).toJson(QJsonDocument::Compact);
    return e;
}

QString JournalEntry::streamName() const {
    // Cheap pre-check: most events (calls, registration) have no "name" at all.
    if (!json.contains("\"name\"")) {
        return {};
    }
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    return doc.isObject() ? doc.object().value(QLatin1StringView("name")).toString() : QString();
}

} // namespace services
