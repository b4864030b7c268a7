#include "wcs/SdpOfferCache.h"

namespace wcs {

SdpOfferCache::SdpOfferCache(std::shared_ptr<const core::Clock> clock, int ttlMs, int maxEntries)
    : m_clock(std::move(clock))
    , m_ttlMs(ttlMs)
    , m_maxEntries(std::max(1, maxEntries)) {}

void SdpOfferCache::put(const QString& id, const QString& sdp) {
    prune();
    while (m_entries.size() >= m_maxEntries && !m_entries.contains(id)) {
        auto oldest = m_entries.begin();
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
            if (it->storedAtMs < oldest->storedAtMs) {
                oldest = it;
            }
        }
        m_entries.erase(oldest);
    }
    m_entries.insert(id, Entry{sdp, m_clock->nowMs()});
}

QString SdpOfferCache::find(const QString& id) const {
    const auto it = m_entries.constFind(id);
    if (it == m_entries.cend() || m_clock->nowMs() - it->storedAtMs > m_ttlMs) {
        return {};
    }
    return it->sdp;
}

void SdpOfferCache::remove(const QString& id) {
    m_entries.remove(id);
}

void SdpOfferCache::prune() {
    const qint64 now = m_clock->nowMs();
    m_entries.removeIf([&](const auto& it) { return now - it.value().storedAtMs > m_ttlMs; });
}

} // namespace wcs
