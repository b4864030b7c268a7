#pragma once

#include "core/StreamStatus.h"
#include "media/MediaStats.h"

#include <QMediaPlayer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <optional>

class QAudioOutput;

namespace core {
struct StreamStatusEvent;
}

namespace services {

class MediaEngine;
class WcsBinding;

/// One stream preview of the monitor (issue #7): plays stream `name` to the user, headless (the
/// pane, ui::StreamPreviewDialog, only shows it).
///
/// WebRTC first. With a connected WCS account (its WcsBinding) and an available MediaEngine,
/// start() sends `playStream` with a recvonly audio offer (spec §6.1, §15; WcsStreamMedia):
/// the preview is a player of our session (it shows up in the Streams tab), what is received
/// goes to the speaker of the settings, and outputLevel()/stats() follow
/// MediaEngine::outputLevelChanged()/statsUpdated() of its mediaSessionId. stop() (and the
/// destructor) sends `stopStream`. The endpoint is audio only: video is not shown.
///
/// HLS fallback. Without an account or engine, or when the WebRTC play fails (FAILED, "no
/// audio: ..." from the media, or not PLAYING within webRtcTimeoutMs()), the stream's HLS
/// playlist (spec §14: `http(s)://host:8082|8445/<name>/<name>.m3u8`, StreamUrls::hls) plays
/// with QMediaPlayer and a QAudioOutput (the system default output), and video when the owner
/// gave a video output (setVideoOutput()). HLS has its latency (several seconds) and no level.
/// A failed WebRTC play is stopped before the fallback starts.
///
/// pathReason() says in plain words which path plays and why; error() what went wrong. Errors
/// (HLS 404, play FAILED, no address) end in State::Failed; nothing here throws, and nothing
/// touches other streams or calls.
class StreamPreview : public QObject {
    Q_OBJECT

public:
    enum class Path {
        None,   ///< not started, or nothing could play
        WebRtc, ///< WCS `playStream`, recvonly audio
        Hls,    ///< QMediaPlayer on the HLS playlist
    };
    enum class State {
        Idle,       ///< before start()
        Connecting, ///< WebRTC: offer/answer/ICE; HLS: loading the playlist
        Playing,    ///< WebRTC: PLAYING; HLS: buffered and playing
        Stopped,    ///< stop(), the server stopped it, or the HLS playlist ended
        Failed,     ///< nothing plays; error() says why
    };

    /// `name`: the published stream name. `hlsUrl`: its HLS playlist (may be empty: no
    /// fallback).
    StreamPreview(QString name, QUrl hlsUrl, QObject* parent = nullptr);
    ~StreamPreview() override;

    /// The account to play through over WebRTC: its binding (may be null: no connected account)
    /// and the engine (may be null). Call before start(); both must outlive this object or be
    /// destroyed by their owner (the binding is watched).
    void setWebRtc(WcsBinding* binding, const QString& accountId, MediaEngine* engine);
    /// Where QMediaPlayer renders video on the HLS path (a QVideoWidget or QVideoSink; null =
    /// none). Not owned.
    void setVideoOutput(QObject* output);
    /// Whether the HLS path plays sound (a QAudioOutput); default true. Tests on machines without
    /// a sound server turn it off.
    void setHlsAudioEnabled(bool enabled) { m_hlsAudio = enabled; }
    /// Longest wait from playStream to PLAYING before falling back to HLS, ms (default 15000).
    void setWebRtcTimeoutMs(int ms) { m_webRtcTimer.setInterval(ms); }
    int webRtcTimeoutMs() const { return m_webRtcTimer.interval(); }

    /// Starts (or restarts after stop()/failure) playing: WebRTC when possible, else HLS.
    void start();
    /// Stops playing: `stopStream` for the WebRTC player, QMediaPlayer::stop() for HLS.
    void stop();

    QString name() const { return m_name; }
    QUrl hlsUrl() const { return m_hlsUrl; }
    State state() const { return m_state; }
    Path path() const { return m_path; }
    /// Which path plays and why ("WebRTC (audio only) through account Demo", "HLS: WebRTC audio
    /// is not available: GStreamer elements missing: webrtcbin").
    QString pathReason() const { return m_pathReason; }
    /// Why HLS plays instead of WebRTC ("no WCS account is connected"), empty before the HLS
    /// path was taken.
    QString hlsReason() const { return m_hlsReason; }
    /// What went wrong last (HLS error text, FAILED info), empty when nothing did.
    QString error() const { return m_error; }
    /// The WebRTC player's mediaSessionId, empty on the HLS path.
    QString mediaSessionId() const { return m_mediaSessionId; }
    /// The WebRTC player's last status (New before playStream).
    core::StreamStatus streamStatus() const { return m_streamStatus; }
    /// Received audio level in dBov (media::WebRtcEndpoint::kSilenceDb when nothing arrives;
    /// WebRTC path only).
    double outputLevel() const { return m_level; }
    /// Last statistics of the WebRTC player (nullopt before the first, and on HLS).
    std::optional<media::MediaStats> stats() const { return m_stats; }
    /// The HLS player (for its position/buffer figures), null before the HLS path was taken.
    QMediaPlayer* player() const { return m_player; }

Q_SIGNALS:
    void stateChanged(services::StreamPreview::State state);
    /// The path or its reason changed (pathReason()).
    void pathChanged(services::StreamPreview::Path path);
    /// The WebRTC player's status changed (streamStatus()).
    void streamStatusChanged(core::StreamStatus status);
    /// Received audio level, dBov, every 100 ms on the WebRTC path.
    void outputLevelChanged(double dBov);
    void statsChanged(const media::MediaStats& stats);
    /// error() changed to a non-empty text.
    void errorOccurred(const QString& error);

private:
    void startWebRtc();
    /// Ends the WebRTC play (if any) and plays HLS; `why` goes into pathReason().
    void fallBackToHls(const QString& why);
    void startHls(const QString& why);
    void stopWebRtc();
    void onStreamStatus(const core::StreamStatusEvent& event);
    void onPlayerStatus(QMediaPlayer::MediaStatus status);
    void onPlayerError(QMediaPlayer::Error error, const QString& text);
    /// fail() with "HLS playback of <url> failed: <playerError>".
    void hlsFailed(const QString& playerError);
    void setState(State state);
    void setPath(Path path, const QString& reason);
    void fail(const QString& error);
    void disconnectWebRtc();

    QString m_name;
    QUrl m_hlsUrl;
    QPointer<WcsBinding> m_binding;
    QString m_accountId;
    QPointer<MediaEngine> m_engine;
    QPointer<QObject> m_videoOutput;
    bool m_hlsAudio = true;
    QList<QMetaObject::Connection> m_webRtcConnections;
    QTimer m_webRtcTimer;
    QMediaPlayer* m_player = nullptr;      ///< child, created for the first HLS play
    QAudioOutput* m_audioOutput = nullptr; ///< child of m_player
    State m_state = State::Idle;
    Path m_path = Path::None;
    QString m_pathReason;
    QString m_hlsReason;
    QString m_error;
    QString m_mediaSessionId;
    core::StreamStatus m_streamStatus = core::StreamStatus::New;
    double m_level;
    std::optional<media::MediaStats> m_stats;
};

} // namespace services
