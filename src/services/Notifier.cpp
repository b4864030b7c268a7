#include "services/Notifier.h"

#include "services/AppSettings.h"
#include "services/CallService.h"
#include "services/SessionMonitor.h"
#include "services/StreamMonitor.h"

namespace services {

namespace {

QString caller(const CallRecord& r) {
    if (!r.peerName.isEmpty() && r.peerName != r.peer) {
        return Notifier::tr("%1 (%2)").arg(r.peerName, r.peer);
    }
    return r.peer.isEmpty() ? Notifier::tr("Unknown caller") : r.peer;
}

} // namespace

Notifier::Notifier(AppSettings& settings, CallService& calls, StreamMonitor& streams,
                   SessionMonitor& sessions, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_calls(calls)
    , m_streams(streams) {
    connect(&calls, &CallService::incomingCallRinging, this, &Notifier::onRinging);
    connect(&calls, &CallService::callEnded, this, &Notifier::onCallEnded);
    connect(&streams, &StreamMonitor::streamEnded, this, &Notifier::onStreamEnded);
    connect(&sessions, &SessionMonitor::connectionLost, this, &Notifier::onLost);
    connect(&sessions, &SessionMonitor::connectionRestored, this, &Notifier::onRestored);
}

QString Notifier::accountName(const QString& accountId) const {
    const QString name = m_names ? m_names(accountId) : QString();
    return name.isEmpty() ? accountId : name;
}

void Notifier::notify(NotificationKind kind, const QString& title, const QString& body) {
    if (!m_settings.notificationEnabled(kind)) {
        return;
    }
    ++m_emitted;
    Q_EMIT notificationRequested(kind, title, body);
}

void Notifier::onRinging(const QString& accountId, const QString& callId) {
    const CallRecord* r = m_calls.find(accountId, callId);
    // Do not disturb rejects the call; it was not offered to the user.
    if (r == nullptr || r->hungUpHere || m_settings.doNotDisturb()) {
        return;
    }
    notify(NotificationKind::IncomingCall, tr("Incoming call"),
           tr("%1\nto %2").arg(caller(*r), accountName(accountId)));
}

void Notifier::onCallEnded(const CallRecord& r) {
    const bool missed =
        r.direction == CallRecord::Direction::Incoming && r.answeredAtMs == 0 && !r.hungUpHere;
    if (!missed) {
        return;
    }
    notify(NotificationKind::MissedCall, tr("Missed call"),
           tr("%1\nto %2").arg(caller(r), accountName(r.accountId)));
}

void Notifier::onStreamEnded(int row) {
    if (row < 0 || row >= m_streams.size()) {
        return;
    }
    const StreamRecord& s = m_streams.at(row);
    if (s.status != core::StreamStatus::Failed) {
        return;
    }
    const QString name = s.name.isEmpty() ? s.mediaSessionId : s.name;
    const QString body =
        s.info.isEmpty() ? tr("Stream %1").arg(name) : tr("Stream %1: %2").arg(name, s.info);
    notify(NotificationKind::StreamFailed, tr("Stream failed"), body);
}

void Notifier::onLost(const QString& accountId, const QString& reason) {
    if (m_wanted && !m_wanted(accountId)) {
        return; // the user disconnected it
    }
    m_lost.insert(accountId);
    const QString body = reason.isEmpty() ? accountName(accountId)
                                          : tr("%1: %2").arg(accountName(accountId), reason);
    notify(NotificationKind::ConnectionLost, tr("Connection lost"), body);
}

void Notifier::onRestored(const QString& accountId) {
    if (!m_lost.remove(accountId)) {
        return; // back after a disconnect the user asked for
    }
    notify(NotificationKind::ConnectionRestored, tr("Connection restored"), accountName(accountId));
}

} // namespace services
