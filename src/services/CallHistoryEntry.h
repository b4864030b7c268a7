#pragma once

#include "services/CallQualitySummary.h"

#include <QString>
#include <QtGlobal>

#include <optional>

namespace services {

/// One finished call as kept by services::History. Times are milliseconds since the Unix epoch
/// (UTC); 0 means "never" (e.g. answeredAtMs of a missed call).
struct CallHistoryEntry {
    /// Which side started the call.
    enum class Direction { Incoming, Outgoing };

    /// How the call ended, from the user's point of view.
    enum class Outcome {
        Answered,  ///< talked (either direction)
        Missed,    ///< incoming, never answered here, caller gave up or timed out
        Rejected,  ///< incoming, declined here; or outgoing, declined by the peer (e.g. 603)
        Failed,    ///< transport, media or server failure before or during the call
        Busy,      ///< outgoing, the peer was busy (486/600)
        Cancelled, ///< outgoing, hung up here before the peer answered
        NoAnswer,  ///< outgoing, the peer never answered (timeout, 408/480)
    };

    QString accountId; ///< AccountService id the call belongs to
    QString callId;    ///< WCS callId or SIP Call-ID
    Direction direction = Direction::Outgoing;
    QString peer;     ///< the other party: SIP user or URI ("2042")
    QString peerName; ///< display name of the peer, may be empty
    Outcome outcome = Outcome::Failed;
    qint64 startedAtMs = 0;     ///< call created (ms since epoch)
    qint64 answeredAtMs = 0;    ///< ESTABLISHED (ms since epoch); 0 if never
    qint64 endedAtMs = 0;       ///< FINISH/FAILED/BUSY (ms since epoch)
    QString endStatus;          ///< last CallStatus wire text ("FINISH", "FAILED")
    QString endReason;          ///< the event's `info` ("Normal call clearing")
    int sipStatus = 0;          ///< final SIP status code, 0 if unknown
    CallQualitySummary quality; ///< audio quality over the call; unknown without media

    /// Talk time in ms: endedAtMs - answeredAtMs, or 0 when never answered (or times are
    /// inconsistent).
    qint64 durationMs() const {
        return answeredAtMs > 0 && endedAtMs >= answeredAtMs ? endedAtMs - answeredAtMs : 0;
    }

    /// Storage text of a direction: "incoming" / "outgoing".
    static QString toText(Direction d);
    /// Storage text of an outcome: "answered", "missed", "rejected", "failed", "busy",
    /// "cancelled", "no-answer".
    static QString toText(Outcome o);
    /// Inverse of toText(Direction); nullopt for unknown text.
    static std::optional<Direction> directionFromText(QStringView text);
    /// Inverse of toText(Outcome); nullopt for unknown text.
    static std::optional<Outcome> outcomeFromText(QStringView text);

    friend bool operator==(const CallHistoryEntry&, const CallHistoryEntry&) = default;
};

} // namespace services
