#pragma once

#include "core/Clock.h"
#include "core/StreamKeepAliveEvent.h"
#include "core/StreamStatusEvent.h"
#include "core/Transition.h"
#include "services/StreamRecord.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

namespace services {

/// Every stream seen: own publish/play, REST hooks and REST API polls, keyed by
/// `mediaSessionId` (spec §10) and kept in insertion order (row = index, stable until
/// prune()). Built for monitor scale: apply() does one hash lookup and marks the row dirty;
/// views pull the dirty rows once per frame with takeDirtyRows() instead of receiving one
/// signal per event.
///
/// Status changes follow core::Lifecycle<StreamStatus>: illegal ones are counted, logged
/// (category callboard.services) and ignored; events after a terminal status are ignored;
/// deprecated pseudo-statuses (RESIZE...) update fields but not the status. A stream whose
/// keep-alives stop is marked stale after `staleAfterMs` (checked every second).
class StreamMonitor : public QObject {
    Q_OBJECT

public:
    explicit StreamMonitor(std::shared_ptr<const core::Clock> clock, QObject* parent = nullptr);

    /// Applies one status event from `source` (StreamSource). Returns the verdict for the
    /// status; new streams are appended (rowsAppended() is raised, coalesced). `accountId` is
    /// the own-session account (empty for server-wide feeds); a stream first seen by a
    /// server-wide feed takes it from its first own-session event.
    core::Transition apply(const core::StreamStatusEvent& event, std::uint8_t source,
                           const QString& accountId = {});
    /// A keep-alive (REST hook, spec §11): refreshes lastKeepAliveMs, clears `stale`, fills in
    /// nodeId/appKey/sessionId when known and marks the stream as seen by SourceRestHook.
    void applyKeepAlive(const core::StreamKeepAliveEvent& event);

    int size() const { return static_cast<int>(m_rows.size()); }
    const StreamRecord& at(int row) const { return m_rows[static_cast<size_t>(row)]; }
    /// Row of `mediaSessionId`, -1 when unknown.
    int rowOf(const QString& mediaSessionId) const { return m_index.value(mediaSessionId, -1); }

    /// Rows changed since the last call, ascending and unique; clears the dirty set.
    std::vector<int> takeDirtyRows();
    /// Removes terminal streams whose last event is older than `ageMs`; raises reset().
    int pruneEnded(qint64 ageMs);
    /// How long an ended stream (terminal status) stays a row before the automatic prune
    /// removes it (ms; 0 keeps ended streams for ever). Default kDefaultEndedRetentionMs. The
    /// prune runs every kPruneIntervalMs, so a busy server costs at most one reset() a minute
    /// and memory stays bounded (a flapping stream adds a row for every play).
    void setEndedRetentionMs(qint64 ms) { m_endedRetentionMs = ms; }
    qint64 endedRetentionMs() const { return m_endedRetentionMs; }
    static constexpr qint64 kDefaultEndedRetentionMs = 10 * 60 * 1000;
    static constexpr int kPruneIntervalMs = 60 * 1000;
    /// Period (ms, > 0) of the automatic prune; kPruneIntervalMs unless a test shortens it.
    void setPruneIntervalMs(int ms) { m_pruneTimer.setInterval(ms); }

    /// Keep-alive silence after which a live stream is stale (ms; 0 disables). Default
    /// 3 x 10000 ms (WCS streaming_sessions_keep_alive_interval default x 3).
    void setStaleAfterMs(qint64 ms) { m_staleAfterMs = ms; }
    /// Stale after `multiple` keep-alive intervals of `intervalMs` ms (WCS
    /// `streaming_sessions_keep_alive_interval`, spec §11); either <= 0 disables.
    void setKeepAliveInterval(qint64 intervalMs, int multiple) {
        m_staleAfterMs = intervalMs > 0 && multiple > 0 ? intervalMs * multiple : 0;
    }
    qint64 staleAfterMs() const { return m_staleAfterMs; }
    /// Runs the stale check now (also run every second by a timer).
    void checkStale();

    quint64 illegalTransitions() const { return m_illegal; }

Q_SIGNALS:
    /// Rows [first, last] were appended. Raised at most once per event-loop pass.
    void rowsAppended(int first, int last);
    /// Some rows became dirty (raised once until takeDirtyRows() is called).
    void rowsDirty();
    /// Rows were removed (pruneEnded): row numbers changed, views must re-read.
    void reset();
    /// A stream reached a terminal status (for notifications, history).
    void streamEnded(int row);

private:
    void markDirty(int row);
    void scheduleFlush();
    void flushSignals();

    std::shared_ptr<const core::Clock> m_clock;
    std::vector<StreamRecord> m_rows;
    QHash<QString, int> m_index;
    std::vector<int> m_dirty;
    std::vector<bool> m_isDirty;
    QTimer m_staleTimer;
    QTimer m_pruneTimer;
    qint64 m_endedRetentionMs = kDefaultEndedRetentionMs;
    qint64 m_staleAfterMs = 30000;
    quint64 m_illegal = 0;
    int m_appendedFrom = -1; ///< first row appended since the last flush, -1 = none
    bool m_flushScheduled = false;
    bool m_dirtySignalled = false;
};

} // namespace services
