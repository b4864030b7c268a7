#pragma once

#include "core/Clock.h"
#include "services/JournalEntry.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace hooks {
class HookServer;
}

namespace services {

class StreamMonitor;

/// Feeds the REST hook server (hooks::HookServer, spec §13) into the state services: stream
/// status hooks and `publishStream`/`playStream` (as PENDING) go to StreamMonitor as
/// SourceRestHook, keep-alives refresh the stream's keep-alive age, and every accepted hook
/// (optionally without keep-alives, which arrive every few seconds per stream) goes to the
/// journal under the account id "hook:<nodeId>" with `nodeId` and `appKey` in its JSON.
/// Hook connections are server-wide (other users' sessions), so they are journalled, not
/// tracked per account in SessionMonitor.
class HookBinding : public QObject {
    Q_OBJECT

public:
    using JournalSink = std::function<void(const JournalEntry&)>;

    HookBinding(hooks::HookServer& server, StreamMonitor& streams,
                std::shared_ptr<const core::Clock> clock, QObject* parent = nullptr);

    /// Where journal entries go (e.g. History::append); empty = no journal.
    void setJournal(JournalSink sink) { m_journal = std::move(sink); }
    /// Journal StreamKeepAliveEvent too (default false: one row per stream every interval).
    void setJournalKeepAlives(bool on) { m_journalKeepAlives = on; }

    /// Journal account id of hooks from `nodeId`: "hook:<nodeId>" ("hook:" when unknown).
    static QString accountIdOf(const QString& nodeId);

private:
    /// Journals `event` (a core:: domain event) when a sink is set; nothing is built otherwise.
    template <typename Event>
    void journal(const QString& nodeId, const QString& appKey, const Event& event);
    /// Adds `nodeId` / `appKey` to `event` (core::EventJson form) unless present; to the sink.
    void journalJson(const QString& nodeId, const QString& appKey, QJsonObject event);

    std::shared_ptr<const core::Clock> m_clock;
    JournalSink m_journal;
    bool m_journalKeepAlives = false;
};

} // namespace services
