#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QtGlobal>

namespace services {

/// One line of the event journal kept by services::History: a domain event (or a backend's
/// raw event) with the columns it is searched by, and its full JSON text.
struct JournalEntry {
    qint64 timestampMs = 0; ///< when the event was received (ms since the Unix epoch)
    QString type;           ///< event type, the `type` key of core::EventJson ("CallStatusEvent")
    QString accountId;      ///< account the event belongs to; may be empty
    QString objectId;       ///< callId, mediaSessionId, sessionId, ... ; may be empty
    QString status;         ///< status wire text ("ESTABLISHED"); may be empty
    QByteArray json;        ///< compact UTF-8 JSON of the whole event (secrets already removed)

    /// An entry from a core::EventJson object: type and status from the "type" and "status"
    /// keys, objectId from the first present of "mediaSessionId", "callId", "sessionId", "id".
    static JournalEntry fromEventJson(qint64 timestampMs, const QString& accountId,
                                      const QJsonObject& event);

    /// The `name` field of `json` (stream name), or an empty string when absent or when json is
    /// not a JSON object. Stored in its own column for JournalQuery::streamName.
    QString streamName() const;

    friend bool operator==(const JournalEntry&, const JournalEntry&) = default;
};

} // namespace services
