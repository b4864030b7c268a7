#include "services/StreamMonitor.h"

#include "core/Lifecycle.h"
#include "services/LogControlCategories.h"

#include <algorithm>

namespace services {

namespace {

using Tri = StreamRecord::Tri;
using Life = core::Lifecycle<core::StreamStatus>;

void mergeTri(Tri& target, const std::optional<bool>& v) {
    if (v) {
        target = *v ? Tri::True : Tri::False;
    }
}

void mergeInt(std::int32_t& target, const std::optional<int>& v) {
    if (v) {
        target = *v;
    }
}

void mergeText(QString& target, const QString& v) {
    if (!v.isNull() && target != v) {
        target = v;
    }
}

bool isLive(core::StreamStatus s) {
    return s == core::StreamStatus::Publishing || s == core::StreamStatus::Playing ||
           s == core::StreamStatus::Paused || s == core::StreamStatus::PlaybackProblem;
}

} // namespace

StreamMonitor::StreamMonitor(std::shared_ptr<const core::Clock> clock, QObject* parent)
    : QObject(parent)
    , m_clock(std::move(clock)) {
    m_staleTimer.setInterval(1000);
    connect(&m_staleTimer, &QTimer::timeout, this, &StreamMonitor::checkStale);
    m_staleTimer.start();
    m_pruneTimer.setInterval(kPruneIntervalMs);
    connect(&m_pruneTimer, &QTimer::timeout, this, [this] {
        if (m_endedRetentionMs > 0) {
            pruneEnded(m_endedRetentionMs);
        }
    });
    m_pruneTimer.start();
}

core::Transition StreamMonitor::apply(const core::StreamStatusEvent& e, std::uint8_t source,
                                      const QString& accountId) {
    const qint64 now = m_clock->nowMs();
    int row = m_index.value(e.mediaSessionId, -1);
    const bool added = row < 0;
    if (added) {
        row = static_cast<int>(m_rows.size());
        StreamRecord r;
        r.mediaSessionId = e.mediaSessionId;
        r.firstSeenMs = now;
        r.accountId = accountId;
        m_rows.push_back(std::move(r));
        m_isDirty.push_back(false);
        m_index.insert(e.mediaSessionId, row);
        if (m_appendedFrom < 0) {
            m_appendedFrom = row;
        }
        scheduleFlush();
    }
    StreamRecord& r = m_rows[static_cast<size_t>(row)];
    const core::StreamStatus to = e.status.value;
    // A feed may first see a stream in any state (a hook arrives mid-life): the first event
    // is taken as it is, unless it carries no usable status.
    core::Transition verdict = Life::check(r.status, to);
    if (added && to != core::StreamStatus::Unknown && !Life::isStateless(to)) {
        verdict = core::Transition::Apply;
    }
    if (verdict == core::Transition::Illegal) {
        ++m_illegal;
        qCInfo(lcServices) << "illegal stream transition ignored:" << e.mediaSessionId
                           << core::toWire(r.status) << "->" << e.status.text();
        return verdict;
    }
    if (verdict == core::Transition::Ignore && Life::isTerminal(r.status)) {
        return verdict; // a late event for a stream that has ended
    }
    if (to == core::StreamStatus::Unknown && !e.status.raw.isEmpty()) {
        qCInfo(lcServices) << "unknown stream status" << e.status.raw << "for" << e.mediaSessionId;
    }
    // A server-wide feed (REST hook / API) may see one of our streams before our session
    // reports it: the owning account is learnt from the first own-session event.
    if (r.accountId.isEmpty() && !accountId.isEmpty()) {
        r.accountId = accountId;
    }
    mergeText(r.name, e.name);
    mergeText(r.nodeId, e.nodeId);
    mergeText(r.appKey, e.appKey);
    mergeText(r.sessionId, e.sessionId);
    mergeText(r.mediaProvider, e.mediaProvider);
    mergeText(r.recordName, e.recordName);
    if (!e.info.isNull() && verdict != core::Transition::Ignore) {
        mergeText(r.info, e.info);
    }
    mergeInt(r.width, e.width);
    mergeInt(r.height, e.height);
    mergeInt(r.bitrate, e.bitrate);
    mergeInt(r.quality, e.quality);
    mergeTri(r.published, e.published);
    mergeTri(r.hasAudio, e.hasAudio);
    mergeTri(r.hasVideo, e.hasVideo);
    mergeTri(r.record, e.record);
    r.sources |= source;
    r.lastEventMs = now;
    r.stale = false;
    if (verdict == core::Transition::Apply) {
        r.status = to;
        if (Life::isTerminal(to)) {
            Q_EMIT streamEnded(row);
        }
    }
    markDirty(row);
    return verdict;
}

void StreamMonitor::applyKeepAlive(const core::StreamKeepAliveEvent& e) {
    const int row = rowOf(e.mediaSessionId);
    if (row < 0) {
        // A keep-alive for a stream we never saw: learn it as live (spec §11: only live
        // streams get keep-alives).
        core::StreamStatusEvent s;
        s.mediaSessionId = e.mediaSessionId;
        s.name = e.name;
        s.status = e.status == core::StreamKeepAliveStatus::Playing
                       ? core::StreamStatus::Playing
                       : core::StreamStatus::Publishing;
        s.published = e.published;
        s.mediaProvider = e.mediaProvider;
        s.nodeId = e.nodeId;
        s.appKey = e.appKey;
        s.sessionId = e.sessionId;
        apply(s, SourceRestHook);
        applyKeepAlive(e);
        return;
    }
    StreamRecord& r = m_rows[static_cast<size_t>(row)];
    r.lastKeepAliveMs = m_clock->nowMs();
    r.stale = false;
    r.sources |= SourceRestHook;
    mergeText(r.nodeId, e.nodeId);
    mergeText(r.appKey, e.appKey);
    mergeText(r.sessionId, e.sessionId);
    markDirty(row);
}

std::vector<int> StreamMonitor::takeDirtyRows() {
    std::vector<int> out;
    out.swap(m_dirty);
    std::sort(out.begin(), out.end());
    for (int row : out) {
        m_isDirty[static_cast<size_t>(row)] = false;
    }
    m_dirtySignalled = false;
    return out;
}

int StreamMonitor::pruneEnded(qint64 ageMs) {
    const qint64 cutoff = m_clock->nowMs() - ageMs;
    // Stable: the rows kept stay in their order. Nothing moves when nothing is old enough.
    const auto firstRemoved =
        std::remove_if(m_rows.begin(), m_rows.end(), [cutoff](const StreamRecord& r) {
            return Life::isTerminal(r.status) && r.lastEventMs < cutoff;
        });
    const int removed = static_cast<int>(std::distance(firstRemoved, m_rows.end()));
    if (removed == 0) {
        return 0;
    }
    m_rows.erase(firstRemoved, m_rows.end());
    m_index.clear();
    for (size_t i = 0; i < m_rows.size(); ++i) {
        m_index.insert(m_rows[i].mediaSessionId, static_cast<int>(i));
    }
    m_dirty.clear();
    m_isDirty.assign(m_rows.size(), false);
    m_appendedFrom = -1;
    m_dirtySignalled = false;
    Q_EMIT reset();
    return removed;
}

void StreamMonitor::checkStale() {
    if (m_staleAfterMs <= 0) {
        return;
    }
    const qint64 now = m_clock->nowMs();
    for (size_t i = 0; i < m_rows.size(); ++i) {
        StreamRecord& r = m_rows[i];
        // Only streams that ever had keep-alives can go stale: our own sessions' streams
        // get none (keep-alives go to the REST backend only).
        if (r.stale || r.lastKeepAliveMs == 0 || !isLive(r.status)) {
            continue;
        }
        if (now - std::max(r.lastKeepAliveMs, r.lastEventMs) > m_staleAfterMs) {
            r.stale = true;
            markDirty(static_cast<int>(i));
        }
    }
}

void StreamMonitor::markDirty(int row) {
    auto&& flag = m_isDirty[static_cast<size_t>(row)];
    if (!flag) {
        flag = true;
        m_dirty.push_back(row);
    }
    if (!m_dirtySignalled) {
        m_dirtySignalled = true;
        scheduleFlush();
    }
}

void StreamMonitor::scheduleFlush() {
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        QMetaObject::invokeMethod(this, &StreamMonitor::flushSignals, Qt::QueuedConnection);
    }
}

void StreamMonitor::flushSignals() {
    m_flushScheduled = false;
    if (m_appendedFrom >= 0) {
        const int first = m_appendedFrom;
        m_appendedFrom = -1;
        Q_EMIT rowsAppended(first, size() - 1);
    }
    if (!m_dirty.empty()) {
        Q_EMIT rowsDirty();
    }
}

} // namespace services
