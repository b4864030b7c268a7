#pragma once

#include "services/NotificationKind.h"

#include <QObject>
#include <QSet>
#include <QString>

#include <functional>

namespace services {

class AppSettings;
class CallService;
struct CallRecord;
class SessionMonitor;
class StreamMonitor;

/// Decides WHAT the user is told about (not how it is shown): listens to the services and
/// emits notificationRequested() for
/// * IncomingCall: CallService::incomingCallRinging (not while do-not-disturb is on: such a
///   call is rejected at once, see DoNotDisturbPolicy);
/// * MissedCall: an incoming call ended without being answered and without the user rejecting
///   it (CallRecord::answeredAtMs == 0 and !hungUpHere: the caller gave up or timed out);
/// * StreamFailed: StreamMonitor::streamEnded with status FAILED;
/// * ConnectionLost / ConnectionRestored: SessionMonitor's signals. A loss the user asked for
///   (Disconnect, Quit) is not reported (see setConnectionWanted()), nor is its return.
/// Each kind is gated by AppSettings::notificationEnabled(kind), read when the event happens.
/// Titles and bodies are translated, short, and carry no secrets.
class Notifier : public QObject {
    Q_OBJECT

public:
    /// Returns the display name of an account id (empty: the id itself is shown).
    using AccountNames = std::function<QString(const QString& accountId)>;
    /// Returns whether the user wants the account connected (false after Disconnect/Quit).
    using ConnectionWanted = std::function<bool(const QString& accountId)>;

    /// Every reference must outlive the notifier.
    Notifier(AppSettings& settings, CallService& calls, StreamMonitor& streams,
             SessionMonitor& sessions, QObject* parent = nullptr);

    void setAccountNames(AccountNames names) { m_names = std::move(names); }
    /// Without it every connectionLost() is reported.
    void setConnectionWanted(ConnectionWanted wanted) { m_wanted = std::move(wanted); }

    /// The number of notifications emitted so far (all kinds).
    int emittedCount() const { return m_emitted; }

Q_SIGNALS:
    /// Show a notification of `kind`: `title` one short line, `body` one or two lines.
    void notificationRequested(services::NotificationKind kind, const QString& title,
                               const QString& body);

private:
    void onRinging(const QString& accountId, const QString& callId);
    void onCallEnded(const CallRecord& record);
    void onStreamEnded(int row);
    void onLost(const QString& accountId, const QString& reason);
    void onRestored(const QString& accountId);
    void notify(NotificationKind kind, const QString& title, const QString& body);
    QString accountName(const QString& accountId) const;

    AppSettings& m_settings;
    CallService& m_calls;
    StreamMonitor& m_streams;
    AccountNames m_names;
    ConnectionWanted m_wanted;
    QSet<QString> m_lost; ///< accounts whose loss was not asked for, until restored
    int m_emitted = 0;
};

} // namespace services
