#include "ReconnectWatch.h"

#include "services/SessionMonitor.h"

#include <algorithm>

namespace soak {

ReconnectWatch::ReconnectWatch(services::SessionMonitor& sessions, QString accountId,
                               QObject* parent)
    : QObject(parent)
    , m_accountId(std::move(accountId)) {
    m_lostConnection = connect(&sessions, &services::SessionMonitor::connectionLost, this,
                               [this](const QString& id, const QString& reason) {
                                   if (id != m_accountId) {
                                       return;
                                   }
                                   ++m_lost;
                                   m_lastReason = reason;
                                   m_down.start();
                               });
    m_restoredConnection = connect(&sessions, &services::SessionMonitor::connectionRestored, this,
                                   [this](const QString& id) {
                                       if (id != m_accountId || !m_down.isValid()) {
                                           return;
                                       }
                                       ++m_restored;
                                       const qint64 ms = m_down.elapsed();
                                       m_longestMs = std::max(m_longestMs, ms);
                                       m_totalMs += ms;
                                       m_down.invalidate();
                                   });
}

} // namespace soak
