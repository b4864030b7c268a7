#pragma once

#include "core/CallStatusEvent.h"
#include "core/ConnectionStatusEvent.h"
#include "core/DataStatusEvent.h"
#include "core/ErrorEvent.h"
#include "core/OnDataEvent.h"
#include "core/RegistrationStatusEvent.h"
#include "core/SessionDebugStatusEvent.h"
#include "core/StreamKeepAliveEvent.h"
#include "core/StreamStatusEvent.h"
#include "core/TransferStatusEvent.h"

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

    /// The entry fromEventJson() gives for core::EventJson::toJson(event) (same type, objectId,
    /// status and JSON bytes), built straight from the typed event: no QJsonObject, no
    /// QJsonDocument (core::EventJsonText). What the bindings journal every event with.
    static JournalEntry fromEvent(qint64 timestampMs, const QString& accountId,
                                  const core::ConnectionStatusEvent& event);
    static JournalEntry fromEvent(qint64 timestampMs, const QString& accountId,
                                  const core::RegistrationStatusEvent& event);
    static JournalEntry fromEvent(qint64 timestampMs, const QString& accountId,
                                  const core::CallStatusEvent& event);
    static JournalEntry fromEvent(qint64 timestampMs, const QString& accountId,
                                  const core::TransferStatusEvent& event);
    static JournalEntry fromEvent(qint64 timestampMs, const QString& accountId,
                                  const core::StreamStatusEvent& event);
    static JournalEntry fromEvent(qint64 timestampMs, const QString& accountId,
                                  const core::StreamKeepAliveEvent& event);
    static JournalEntry fromEvent(qint64 timestampMs, const QString& accountId,
                                  const core::SessionDebugStatusEvent& event);
    static JournalEntry fromEvent(qint64 timestampMs, const QString& accountId,
                                  const core::DataStatusEvent& event);
    static JournalEntry fromEvent(qint64 timestampMs, const QString& accountId,
                                  const core::OnDataEvent& event);
    static JournalEntry fromEvent(qint64 timestampMs, const QString& accountId,
                                  const core::ErrorEvent& event);

    /// The `name` field of `json` (stream name), or an empty string when absent or when json is
    /// not a JSON object. Stored in its own column for JournalQuery::streamName.
    QString streamName() const;

    friend bool operator==(const JournalEntry&, const JournalEntry&) = default;
};

} // namespace services
