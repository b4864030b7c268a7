#pragma once

#include "emulator/EmulatedStream.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace emulator {

/// Every live stream on the emulated server, client and background alike (spec §6, §10): the
/// single place that knows which names are published, who plays them and who must hear about a
/// status change. Terminal statuses (UNPUBLISHED, STOPPED, FAILED) remove the stream; when a
/// publisher ends its players end too: STOPPED "Stopped by publisher stop", or FAILED with the
/// publisher's reason when the publisher failed.
class StreamRegistry {
public:
    std::optional<EmulatedStream> find(const QString& mediaSessionId) const;
    /// The live (PENDING or PUBLISHING) publisher of `name`.
    std::optional<EmulatedStream> publisher(const QString& name) const;
    QList<EmulatedStream> players(const QString& name) const;
    QList<EmulatedStream> ownedBy(const FrameSink* owner) const;
    QList<EmulatedStream> all() const { return m_streams; }

    /// Spec §12.5 reason why a publish cannot start ("MediaSessionId is already in use",
    /// "Stream name is already in use", ...), null when it can.
    QString refusePublish(const QString& mediaSessionId, const QString& name) const;
    /// Same for a play: unknown id reuse, "Stream not found", "Publish stream is not ready".
    QString refusePlay(const QString& mediaSessionId, const QString& name) const;

    void add(const EmulatedStream& stream);
    /// Moves stream `mediaSessionId` to `status` and sends `notifyStreamStatusEvent` with `info`
    /// to its owner; a terminal status removes it and ends the players of a publisher. False
    /// when the stream is unknown.
    bool setStatus(const QString& mediaSessionId, core::StreamStatus status, const QString& info);
    /// `owner`'s session is gone: its streams end without telling it (publishers UNPUBLISHED,
    /// players STOPPED, both "Stopped by session disconnect"); other sessions' players of its
    /// publishers get STOPPED "Stopped by publisher stop".
    void endOwner(const FrameSink* owner);
    /// `notifyStreamEvent {mediaSessionId, type, payload}` to every player of publisher
    /// `publisherId` (each addressed by its own mediaSessionId). Returns the number of players.
    int relayEvent(const QString& publisherId, const QString& type, const QJsonValue& payload);

    /// The stream object of `notifyStreamStatusEvent` (spec §4, §6.1).
    static QJsonObject statusObject(const EmulatedStream& s, const QString& info);
    /// `notifyStreamStatusEvent` frame for `s`.
    static QByteArray statusFrame(const EmulatedStream& s, const QString& info);
    /// `notifyStreamEvent` frame (spec §6.1); a null payload is left out.
    static QByteArray eventFrame(const QString& mediaSessionId, const QString& type,
                                 const QJsonValue& payload);

private:
    qsizetype indexOf(const QString& mediaSessionId) const;
    void endPlayersOf(const EmulatedStream& publisher, bool failed, const QString& info);

    QList<EmulatedStream> m_streams; ///< creation order; a few dozen at most
};

} // namespace emulator
