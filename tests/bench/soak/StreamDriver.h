#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

namespace core {
struct StreamStatusEvent;
}
namespace services {
class AccountConnector;
class SessionMonitor;
} // namespace services

namespace soak {

/// Watches the emulator's flapping background streams the way a user of the Streams tab
/// does: plays every one of them through services::WcsBinding::playStream() (as
/// StreamActionsController does) and plays it again when our player ends:
///
/// * STOPPED / FAILED from the server (the publisher went down): again after the stream's
///   down time (`downMs(i)`) plus 300 ms;
/// * FAILED "Stream not found" / "Publish stream is not ready" (played while down): again
///   after 1000 ms;
/// * FAILED by wcs::Session when the socket was lost: again as soon as the account is
///   ESTABLISHED again (all of them at once, like a user pressing "play" on every row).
///
/// Only the player the driver started last for a name counts: events of older players of
/// that name (a kept-alive server session still has them after a drop) are journaled by
/// Callboard as usual and otherwise ignored here.
class StreamDriver : public QObject {
    Q_OBJECT

public:
    StreamDriver(services::AccountConnector& connector, services::SessionMonitor& sessions,
                 QString accountId, QStringList names, std::function<int(int)> downMs,
                 QObject* parent = nullptr);

    /// Plays stream `i` after `startAfterMs(i)` + 500 ms (first publication + margin).
    void start(const std::function<int(int)>& startAfterMs);
    /// No more plays from now on.
    void stop();

    qint64 plays() const { return m_plays; }          ///< playStream() sent
    qint64 refusedPlays() const { return m_refused; } ///< refused (session not ready)
    /// Our current players that are PLAYING now.
    int playing() const { return int(m_playing.size()); }
    /// Streams waiting for the session to come back.
    int waiting() const { return int(m_waiting.size()); }
    /// Players Callboard reported FAILED when a socket was lost ("session ended: ...").
    qint64 failedAtSocketLoss() const { return m_failedAtLoss; }
    /// Server events that arrived later for such players: with keepAlive the server session,
    /// and with it the player, outlived the socket.
    qint64 eventsAfterLocalFailure() const { return m_afterLocalFailure; }

private:
    void play(int i);
    void onStatus(const core::StreamStatusEvent& e);
    void onStateChanged(const QString& accountId);

    services::AccountConnector& m_connector;
    services::SessionMonitor& m_sessions;
    QString m_accountId;
    QStringList m_names;
    std::function<int(int)> m_downMs;
    QHash<QString, int> m_current; ///< mediaSessionId of our latest player -> stream index
    QSet<int> m_playing;
    QSet<int> m_waiting;     ///< refused or lost with the socket: play when ESTABLISHED
    QSet<QString> m_lostIds; ///< players failed at a socket loss, until the server ends them
    bool m_running = false;
    qint64 m_plays = 0;
    qint64 m_refused = 0;
    qint64 m_failedAtLoss = 0;
    qint64 m_afterLocalFailure = 0;
};

} // namespace soak
