#pragma once

#include "core/StreamStatusEvent.h"
#include "wcs/StreamRequest.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

namespace media {
class WebRtcEndpoint;
}
namespace wcs {
class Session;
}

namespace services {

class MediaEngine;

/// The audio of one WCS account's own streams (issue #7): one media::WebRtcEndpoint per
/// published or played stream from MediaEngine::createEndpoint(accountId, mediaSessionId, ...),
/// SendOnly for a publisher (the microphone of the settings), RecvOnly for a player (what it
/// receives goes to the speaker of the settings and to MediaEngine::outputLevelChanged), driven
/// by the WCS signalling of spec §6.1 and §15 (no trickle ICE: the offer is sent complete).
///
/// * publish()/play() make the mediaSessionId (a UUID, §10), create the endpoint, report the
///   stream at once as a local PENDING event (localStreamEvent), and send `publishStream` /
///   `playStream` with the offer once ICE gathering is complete (usually well under a second on
///   a LAN). The endpoint is audio only, so the request goes out with `hasVideo:false`. The
///   server's `setRemoteSDP [mediaSessionId, answer]` is applied to the endpoint.
/// * cancel() before the command went out drops the endpoint and ends the stream locally
///   (UNPUBLISHED/STOPPED "Stopped by user").
/// * A terminal status (UNPUBLISHED, STOPPED, FAILED; also the FAILED of a lost session) stops
///   and deletes the endpoint.
/// * Failures never lose the stream: an endpoint that fails before its offer was sent falls
///   back to wcs::PlaceholderSdp (the stream goes on without audio, as without an engine); a
///   later failure (the answer rejected, ICE/DTLS failed, a pipeline error) leaves the stream as
///   it is. Either way mediaProblem() says why, as "no audio: <reason>".
///
/// Threading: the Qt thread of the session. The endpoints are children of this object.
class WcsStreamMedia : public QObject {
    Q_OBJECT

public:
    /// `session` and `engine` must outlive this object; `engine` must be isAvailable().
    WcsStreamMedia(QString accountId, wcs::Session& session, MediaEngine& engine,
                   QObject* parent = nullptr);
    ~WcsStreamMedia() override;

    /// Publishes `request.name` with a sendonly offer (see the class comment). The
    /// mediaSessionId, or empty when the session is not ready (wcs::Session::commandRefused
    /// says why; nothing is created).
    QString publish(wcs::StreamRequest request);
    /// Plays `request.name` with a recvonly offer; as publish().
    QString play(wcs::StreamRequest request);
    /// Ends stream `mediaSessionId` whose command has not been sent yet (offer still
    /// gathering): the endpoint goes and a local UNPUBLISHED/STOPPED follows. False when the
    /// stream is not in that stage (then the caller sends unPublishStream/stopStream).
    bool cancel(const QString& mediaSessionId);
    /// True while `mediaSessionId` has an endpoint here.
    bool hasMedia(const QString& mediaSessionId) const {
        return m_streams.contains(mediaSessionId);
    }

Q_SIGNALS:
    /// A status event that did not come from the server: the local PENDING of publish()/play(),
    /// the local UNPUBLISHED/STOPPED of cancel(), the local FAILED of a command the session
    /// refused after gathering.
    void localStreamEvent(const core::StreamStatusEvent& event);
    /// The stream goes on without (working) audio: `info` is "no audio: <reason>".
    void mediaProblem(const QString& mediaSessionId, const QString& info);

private:
    enum class Stage {
        Offering,       ///< gathering for the offer, command not sent
        AwaitingAnswer, ///< command sent, waiting for setRemoteSDP
        Live,           ///< both descriptions exchanged
    };
    struct Stream {
        QPointer<media::WebRtcEndpoint> endpoint;
        Stage stage = Stage::Offering;
        wcs::StreamRequest request; ///< what publishStream/playStream will carry
    };

    QString start(wcs::StreamRequest request);
    void onLocalDescription(const QString& id, const QString& sdp);
    void onRemoteSdp(const QString& id, const QString& sdp);
    void onStreamStatus(const core::StreamStatusEvent& event);
    void onEndpointFailed(const QString& id, const QString& reason);
    /// Sends the pending command with placeholder SDP and reports why.
    void fallBack(const QString& id, const QString& reason);
    void send(const QString& id, wcs::StreamRequest request);
    void remove(const QString& id);
    core::StreamStatusEvent localEvent(const wcs::StreamRequest& request, core::StreamStatus status,
                                       const QString& info) const;

    QString m_accountId;
    wcs::Session& m_session;
    MediaEngine& m_engine;
    QHash<QString, Stream> m_streams;
};

} // namespace services
