#include "StreamDriver.h"

#include "core/Lifecycle.h"
#include "core/StreamStatusEvent.h"
#include "services/AccountConnector.h"
#include "services/SessionMonitor.h"
#include "services/WcsBinding.h"
#include "wcs/StreamRequest.h"

#include <QTimer>

namespace soak {

namespace {

bool isUp(core::SessionStatus s) {
    return s == core::SessionStatus::Established || s == core::SessionStatus::Registered;
}

} // namespace

StreamDriver::StreamDriver(services::AccountConnector& connector,
                           services::SessionMonitor& sessions, QString accountId, QStringList names,
                           std::function<int(int)> downMs, QObject* parent)
    : QObject(parent)
    , m_connector(connector)
    , m_sessions(sessions)
    , m_accountId(std::move(accountId))
    , m_names(std::move(names))
    , m_downMs(std::move(downMs)) {
    connect(&m_sessions, &services::SessionMonitor::stateChanged, this,
            &StreamDriver::onStateChanged);
}

void StreamDriver::start(const std::function<int(int)>& startAfterMs) {
    m_running = true;
    if (services::WcsBinding* binding = m_connector.wcsBinding(m_accountId)) {
        connect(binding, &services::WcsBinding::streamStatusApplied, this, &StreamDriver::onStatus);
    }
    for (int i = 0; i < m_names.size(); ++i) {
        QTimer::singleShot(startAfterMs(i) + 500, this, [this, i] { play(i); });
    }
}

void StreamDriver::stop() {
    m_running = false;
}

void StreamDriver::play(int i) {
    if (!m_running) {
        return;
    }
    services::WcsBinding* binding = m_connector.wcsBinding(m_accountId);
    if (!binding || !isUp(m_sessions.state(m_accountId).connection)) {
        ++m_refused;
        m_waiting.insert(i);
        return;
    }
    wcs::StreamRequest r;
    r.name = m_names.at(i);
    r.published = false;
    const QString id = binding->playStream(r);
    if (id.isEmpty()) {
        ++m_refused;
        m_waiting.insert(i);
        return;
    }
    ++m_plays;
    m_current.insert(id, i);
}

void StreamDriver::onStatus(const core::StreamStatusEvent& e) {
    const auto it = m_current.constFind(e.mediaSessionId);
    if (it == m_current.cend()) {
        // Not ours, or an older player of the name, e.g. one failed at a socket loss that the
        // kept-alive server session still had.
        if (m_lostIds.contains(e.mediaSessionId)) {
            ++m_afterLocalFailure;
            if (core::Lifecycle<core::StreamStatus>::isTerminal(e.status.value)) {
                m_lostIds.remove(e.mediaSessionId);
            }
        }
        return;
    }
    const int i = *it;
    const core::StreamStatus s = e.status.value;
    if (s == core::StreamStatus::Playing) {
        m_playing.insert(i);
        return;
    }
    if (!core::Lifecycle<core::StreamStatus>::isTerminal(s)) {
        return;
    }
    m_current.erase(it);
    m_playing.remove(i);
    if (!m_running) {
        return;
    }
    const QString info = e.info;
    if (info.startsWith(QLatin1StringView("session ended: "))) {
        ++m_failedAtLoss;
        m_lostIds.insert(e.mediaSessionId);
        m_waiting.insert(i); // the socket is gone: play again once it is back
        return;
    }
    const bool notThere = info == QLatin1StringView("Stream not found") ||
                          info == QLatin1StringView("Publish stream is not ready");
    QTimer::singleShot(notThere ? 1000 : m_downMs(i) + 300, this, [this, i] { play(i); });
}

void StreamDriver::onStateChanged(const QString& accountId) {
    if (accountId != m_accountId || m_waiting.isEmpty() || !m_running ||
        !isUp(m_sessions.state(accountId).connection)) {
        return;
    }
    // Not from inside SessionMonitor's signal: the status change is still being applied.
    QTimer::singleShot(0, this, [this] {
        if (!m_running || !isUp(m_sessions.state(m_accountId).connection)) {
            return;
        }
        const QSet<int> waiting = std::exchange(m_waiting, {});
        for (int i : waiting) {
            play(i);
        }
    });
}

} // namespace soak
