#include "services/JournalEntry.h"

#include "core/EventJsonText.h"

#include <QJsonDocument>

#include <initializer_list>

using namespace Qt::Literals::StringLiterals;

namespace services {

namespace {

/// The first non-empty of `ids` (fromEventJson's objectId rule: the event's mediaSessionId,
/// callId, sessionId, id, in that order, as far as the event has them).
QString firstNonEmpty(std::initializer_list<const QString*> ids) {
    for (const QString* id : ids) {
        if (!id->isEmpty()) {
            return *id;
        }
    }
    return {};
}

/// The status text as fromEventJson() reads it back from the JSON: never null, since EventJson
/// always writes the key ("" for an unknown status without text).
template <typename E> QString statusText(const core::WireValue<E>& status) {
    QString text = status.text();
    return text.isNull() ? QString(u""_s) : text;
}

JournalEntry entry(qint64 timestampMs, const QString& accountId, QString type, QString status,
                   QString objectId, QByteArray json) {
    JournalEntry e;
    e.timestampMs = timestampMs;
    e.type = std::move(type);
    e.accountId = accountId;
    e.objectId = std::move(objectId);
    e.status = std::move(status);
    e.json = std::move(json);
    return e;
}

} // namespace

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

JournalEntry JournalEntry::fromEvent(qint64 timestampMs, const QString& accountId,
                                     const core::ConnectionStatusEvent& event) {
    return entry(timestampMs, accountId, QStringLiteral("ConnectionStatusEvent"),
                 statusText(event.status), firstNonEmpty({&event.sessionId}),
                 core::EventJsonText::toJson(event));
}

JournalEntry JournalEntry::fromEvent(qint64 timestampMs, const QString& accountId,
                                     const core::RegistrationStatusEvent& event) {
    return entry(timestampMs, accountId, QStringLiteral("RegistrationStatusEvent"),
                 statusText(event.status), {}, core::EventJsonText::toJson(event));
}

JournalEntry JournalEntry::fromEvent(qint64 timestampMs, const QString& accountId,
                                     const core::CallStatusEvent& event) {
    return entry(timestampMs, accountId, QStringLiteral("CallStatusEvent"),
                 statusText(event.status), firstNonEmpty({&event.callId, &event.sessionId}),
                 core::EventJsonText::toJson(event));
}

JournalEntry JournalEntry::fromEvent(qint64 timestampMs, const QString& accountId,
                                     const core::TransferStatusEvent& event) {
    return entry(timestampMs, accountId, QStringLiteral("TransferStatusEvent"),
                 statusText(event.status), firstNonEmpty({&event.callId}),
                 core::EventJsonText::toJson(event));
}

JournalEntry JournalEntry::fromEvent(qint64 timestampMs, const QString& accountId,
                                     const core::StreamStatusEvent& event) {
    return entry(timestampMs, accountId, QStringLiteral("StreamStatusEvent"),
                 statusText(event.status), firstNonEmpty({&event.mediaSessionId, &event.sessionId}),
                 core::EventJsonText::toJson(event));
}

JournalEntry JournalEntry::fromEvent(qint64 timestampMs, const QString& accountId,
                                     const core::StreamKeepAliveEvent& event) {
    return entry(timestampMs, accountId, QStringLiteral("StreamKeepAliveEvent"),
                 statusText(event.status), firstNonEmpty({&event.mediaSessionId, &event.sessionId}),
                 core::EventJsonText::toJson(event));
}

JournalEntry JournalEntry::fromEvent(qint64 timestampMs, const QString& accountId,
                                     const core::SessionDebugStatusEvent& event) {
    return entry(timestampMs, accountId, QStringLiteral("SessionDebugStatusEvent"),
                 statusText(event.status), {}, core::EventJsonText::toJson(event));
}

JournalEntry JournalEntry::fromEvent(qint64 timestampMs, const QString& accountId,
                                     const core::DataStatusEvent& event) {
    return entry(timestampMs, accountId, QStringLiteral("DataStatusEvent"),
                 statusText(event.status), {}, core::EventJsonText::toJson(event));
}

JournalEntry JournalEntry::fromEvent(qint64 timestampMs, const QString& accountId,
                                     const core::OnDataEvent& event) {
    return entry(timestampMs, accountId, QStringLiteral("OnDataEvent"), {}, {},
                 core::EventJsonText::toJson(event));
}

JournalEntry JournalEntry::fromEvent(qint64 timestampMs, const QString& accountId,
                                     const core::ErrorEvent& event) {
    return entry(timestampMs, accountId, QStringLiteral("ErrorEvent"), event.status,
                 firstNonEmpty({&event.id}), core::EventJsonText::toJson(event));
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
