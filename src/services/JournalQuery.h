#pragma once

#include <QString>
#include <QtGlobal>

namespace services {

/// Filter for History::journal(). Empty / zero fields do not filter; string filters are exact
/// matches. Results are newest first (by timestampMs, then insertion order).
struct JournalQuery {
    QString type;       ///< event type ("StreamStatusEvent")
    QString accountId;  ///< exact account id
    QString objectId;   ///< callId / mediaSessionId / ... as stored in JournalEntry::objectId
    QString streamName; ///< the `name` field of the event JSON (streams)
    QString status;     ///< status wire text ("PLAYING")
    qint64 fromMs = 0;  ///< timestampMs >= fromMs (ms since epoch); 0: no lower bound
    qint64 toMs = 0;    ///< timestampMs < toMs (ms since epoch); 0: no upper bound
    int limit = 500;    ///< at most this many rows; <= 0: no limit
    int offset = 0;     ///< skip this many (newest) rows first, for paging
};

} // namespace services
