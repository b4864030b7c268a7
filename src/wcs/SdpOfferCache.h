#pragma once

#include "core/Clock.h"

#include <QHash>
#include <QString>

#include <memory>

namespace wcs {

/// Short-lived store of `setRemoteSDP` texts whose id matches no known stream or call: the
/// offer of an incoming call arrives before `notifyIncomingCall` (spec §7.2, §10). Entries
/// older than the TTL are dropped; the cache also holds at most `maxEntries` offers, dropping
/// the oldest, so a server sending unknown ids cannot grow it without bound.
class SdpOfferCache {
public:
    SdpOfferCache(std::shared_ptr<const core::Clock> clock, int ttlMs, int maxEntries = 256);

    void put(const QString& id, const QString& sdp);
    /// The offer for `id` if present and not expired; null otherwise. Does not remove it.
    QString find(const QString& id) const;
    void remove(const QString& id);
    void clear() { m_entries.clear(); }
    int size() const { return static_cast<int>(m_entries.size()); }

private:
    struct Entry {
        QString sdp;
        qint64 storedAtMs = 0;
    };
    void prune();

    std::shared_ptr<const core::Clock> m_clock;
    int m_ttlMs;
    int m_maxEntries;
    QHash<QString, Entry> m_entries;
};

} // namespace wcs
