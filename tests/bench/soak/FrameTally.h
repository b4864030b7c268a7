#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

namespace wcs {
class Session;
}

namespace soak {

/// Counts, on the client, the server frames that reached wcs::Session (its frameLogged()
/// signal, emitted for every inbound text frame before it is decoded), per journal type
/// (EventKinds) and per socket: socket 0 is the first one that reached CONNECTED, each
/// reconnect opens the next. These are the events *delivered* to Callboard.
class FrameTally : public QObject {
    Q_OBJECT

public:
    explicit FrameTally(QObject* parent = nullptr);

    /// Starts counting the frames of `session` (call once, before it opens).
    void attach(wcs::Session& session);

    /// Event frames delivered on socket `i` (0-based), all types.
    qint64 eventsOnSocket(int i) const { return m_perSocket.value(i); }
    int sockets() const { return int(m_perSocket.size()); }
    /// Event frames delivered, by journal type.
    const QHash<QString, qint64>& byType() const { return m_byType; }
    /// Event frames delivered, all types.
    qint64 events() const { return m_events; }
    /// Frames delivered that are no event (ping, setRemoteSDP, notifyStreamEvent, ...).
    qint64 otherFrames() const { return m_other; }

private:
    void onFrame(bool outgoing, const QByteArray& frame);

    QList<qint64> m_perSocket;
    QHash<QString, qint64> m_byType;
    qint64 m_events = 0;
    qint64 m_other = 0;
};

} // namespace soak
