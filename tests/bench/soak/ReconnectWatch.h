#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>

namespace services {
class SessionMonitor;
}

namespace soak {

/// Counts the account's connection losses and recoveries (services::SessionMonitor's
/// connectionLost() / connectionRestored(), raised when an ESTABLISHED session goes FAILED or
/// DISCONNECTED and when it is ESTABLISHED again) and how long each outage lasted (ms).
class ReconnectWatch : public QObject {
    Q_OBJECT

public:
    ReconnectWatch(services::SessionMonitor& sessions, QString accountId,
                   QObject* parent = nullptr);

    /// Stops counting (before the run closes the session by user intent).
    void stop() {
        disconnect(m_lostConnection);
        disconnect(m_restoredConnection);
    }

    int lost() const { return m_lost; }
    int restored() const { return m_restored; }
    /// True while the connection is lost and not back yet.
    bool isDown() const { return m_down.isValid(); }
    /// Length of the current outage (ms), 0 when up.
    qint64 downForMs() const { return m_down.isValid() ? m_down.elapsed() : 0; }
    qint64 longestOutageMs() const { return m_longestMs; }
    double meanOutageMs() const { return m_restored ? double(m_totalMs) / m_restored : 0.0; }
    /// Reason of the last loss (wcs::Session's text).
    const QString& lastReason() const { return m_lastReason; }

private:
    QString m_accountId;
    QMetaObject::Connection m_lostConnection;
    QMetaObject::Connection m_restoredConnection;
    QElapsedTimer m_down;
    int m_lost = 0;
    int m_restored = 0;
    qint64 m_longestMs = 0;
    qint64 m_totalMs = 0;
    QString m_lastReason;
};

} // namespace soak
