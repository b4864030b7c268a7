#pragma once

#include "services/CallHistoryEntry.h"

#include <QString>
#include <QtGlobal>

#include <optional>

namespace services {

/// Filter for History::calls(). Empty / zero fields do not filter. Results are newest first
/// (by startedAtMs).
struct CallQuery {
    QString peer;      ///< case-insensitive substring of peer or peerName
    QString accountId; ///< exact account id
    std::optional<CallHistoryEntry::Outcome> outcome; ///< exact outcome
    qint64 fromMs = 0; ///< startedAtMs >= fromMs (ms since epoch); 0: no lower bound
    qint64 toMs = 0;   ///< startedAtMs < toMs (ms since epoch); 0: no upper bound
    int limit = 200;   ///< at most this many rows; <= 0: no limit
    int offset = 0;    ///< skip this many (newest) rows first, for paging
};

} // namespace services
