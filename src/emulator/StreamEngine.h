#pragma once

#include <QJsonObject>
#include <QObject>

namespace emulator {

class FrameSink;
class MediaPeers;
class SdpAnswerer;
class StreamRegistry;
struct Scenario;

/// The stream commands of one client session (spec §5.2, §6): publishStream, playStream,
/// unPublishStream, stopStream, availableStream, snapshot and sendStreamEvent, carried out on
/// the server-wide StreamRegistry. Replies go to the session's FrameSink.
///
/// publish: setRemoteSDP [id, answer] then PUBLISHING after Scenario::publishDelayMs (a
/// `record:true` stream gets `recordName` "<name>-<epoch ms>.mp4"); play of a live name:
/// setRemoteSDP then PLAYING after playDelayMs (and a `resize` stream event for video); refusals
/// come as FAILED with the spec §12.5 reason. unPublish / stop: UNPUBLISHED / STOPPED
/// "Stopped by user".
///
/// Real audio (issue #7, MediaPeers): a publish whose offer carries real WebRTC is answered by a
/// receive-only webrtcbin endpoint; PUBLISHING follows once ICE and DTLS are up (plus
/// publishDelayMs), FAILED "Failed by ICE error"/"Failed by error" when the media fails and
/// "Failed by ICE timeout" when it has not connected within 10 s. The endpoint ends with the
/// unPublish (or with the session). A play whose offer carries real WebRTC is answered by a
/// send-only endpoint that sends the publisher's received audio when it was published with real
/// WebRTC (MediaPeers relay), else a test tone; PLAYING follows once ICE and DTLS are up (plus
/// playDelayMs), with the same failures; the endpoint ends with the stop. Other publishes and
/// plays keep SdpAnswerer's fake answer.
class StreamEngine : public QObject {
    Q_OBJECT

public:
    StreamEngine(FrameSink& sink, StreamRegistry& registry, SdpAnswerer& sdp,
                 const Scenario& scenario, QObject* parent = nullptr);

    void publishStream(const QJsonObject& arg);
    void playStream(const QJsonObject& arg);
    void unPublishStream(const QJsonObject& arg);
    void stopStream(const QJsonObject& arg);
    /// Reply `availableStream {id, status:"true"|"false", info}` (spec §6.3).
    void availableStream(const QJsonObject& arg);
    /// Reply `notifyStreamEvent` snapshotCompleted (a real PNG) or snapshotFailed (spec §6.3).
    void snapshot(const QJsonObject& arg);
    /// Relays the event of a publisher to its players as `notifyStreamEvent` (spec §6.1).
    void sendStreamEvent(const QJsonObject& arg);

private:
    void start(const QJsonObject& arg, bool publish);
    void stopOwn(const QJsonObject& arg, const char* command);
    /// PENDING -> PUBLISHING/PLAYING (and `resize` for a video player) unless it ended meanwhile.
    void goLive(const QString& id, bool publish);

    FrameSink& m_sink;
    StreamRegistry& m_registry;
    SdpAnswerer& m_sdp;
    const Scenario& m_scenario;
    MediaPeers* m_media;
};

} // namespace emulator
