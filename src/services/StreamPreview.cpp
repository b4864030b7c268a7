#include "services/StreamPreview.h"

#include "core/Lifecycle.h"
#include "core/StreamStatusEvent.h"
#include "media/WebRtcEndpoint.h"
#include "services/LogControlCategories.h"
#include "services/MediaEngine.h"
#include "services/WcsBinding.h"

#include <QAudioOutput>

namespace services {

namespace {

constexpr int kDefaultWebRtcTimeoutMs = 15000;

} // namespace

StreamPreview::StreamPreview(QString name, QUrl hlsUrl, QObject* parent)
    : QObject(parent)
    , m_name(std::move(name))
    , m_hlsUrl(std::move(hlsUrl))
    , m_level(media::WebRtcEndpoint::kSilenceDb) {
    m_webRtcTimer.setSingleShot(true);
    m_webRtcTimer.setInterval(kDefaultWebRtcTimeoutMs);
    connect(&m_webRtcTimer, &QTimer::timeout, this, [this] {
        fallBackToHls(tr("WebRTC play did not start within %1 s").arg(webRtcTimeoutMs() / 1000));
    });
}

StreamPreview::~StreamPreview() {
    stopWebRtc();
    if (m_player) {
        m_player->disconnect(this);
        m_player->stop();
    }
}

void StreamPreview::setWebRtc(WcsBinding* binding, const QString& accountId, MediaEngine* engine) {
    m_binding = binding;
    m_accountId = accountId;
    m_engine = engine;
}

void StreamPreview::setVideoOutput(QObject* output) {
    m_videoOutput = output;
    if (m_player) {
        m_player->setVideoOutput(output);
    }
}

void StreamPreview::setState(State state) {
    if (m_state != state) {
        m_state = state;
        Q_EMIT stateChanged(state);
    }
}

void StreamPreview::setPath(Path path, const QString& reason) {
    m_path = path;
    m_pathReason = reason;
    Q_EMIT pathChanged(path);
}

void StreamPreview::fail(const QString& error) {
    if (m_state == State::Failed) {
        return; // the first error is the specific one ("Not Found"), later ones follow from it
    }
    m_error = error;
    qCInfo(lcServices).noquote() << "preview of" << m_name << "failed:" << error;
    setState(State::Failed);
    Q_EMIT errorOccurred(error);
}

void StreamPreview::start() {
    stop();
    m_error.clear();
    m_level = media::WebRtcEndpoint::kSilenceDb;
    m_stats.reset();
    Q_EMIT outputLevelChanged(m_level);
    WcsBinding* binding = m_binding.data();
    MediaEngine* engine = m_engine.data();
    if (!binding) {
        startHls(tr("no WCS account is connected"));
    } else if (!engine) {
        startHls(tr("WebRTC audio is not available"));
    } else if (!engine->isAvailable()) {
        startHls(tr("WebRTC audio is not available: %1").arg(engine->unavailableReason()));
    } else {
        startWebRtc();
    }
}

void StreamPreview::startWebRtc() {
    WcsBinding* binding = m_binding.data();
    MediaEngine* engine = m_engine.data();
    if (!binding || !engine) {
        return;
    }
    m_webRtcConnections << connect(binding, &WcsBinding::streamStatusApplied, this,
                                   &StreamPreview::onStreamStatus);
    m_webRtcConnections << connect(binding, &WcsBinding::streamMediaProblem, this,
                                   [this](const QString& id, const QString& info) {
                                       if (id == m_mediaSessionId) {
                                           fallBackToHls(tr("WebRTC failed (%1)").arg(info));
                                       }
                                   });
    m_webRtcConnections << connect(engine, &MediaEngine::outputLevelChanged, this,
                                   [this](const QString& account, const QString& id, double db) {
                                       if (account == m_accountId && id == m_mediaSessionId) {
                                           m_level = db;
                                           Q_EMIT outputLevelChanged(db);
                                       }
                                   });
    m_webRtcConnections << connect(
        engine, &MediaEngine::statsUpdated, this,
        [this](const QString& account, const QString& id, const media::MediaStats& stats) {
            if (account == m_accountId && id == m_mediaSessionId) {
                m_stats = stats;
                Q_EMIT statsChanged(stats);
            }
        });
    wcs::StreamRequest request;
    request.name = m_name;
    request.published = false;
    m_streamStatus = core::StreamStatus::New;
    setPath(Path::WebRtc, tr("WebRTC (audio only)"));
    setState(State::Connecting);
    m_mediaSessionId = binding->playStream(request);
    if (m_mediaSessionId.isEmpty()) {
        fallBackToHls(tr("the session is not ready for WebRTC"));
        return;
    }
    qCInfo(lcServices).noquote() << "preview of" << m_name << "plays over WebRTC as"
                                 << m_mediaSessionId;
    m_webRtcTimer.start();
}

void StreamPreview::onStreamStatus(const core::StreamStatusEvent& event) {
    if (event.mediaSessionId != m_mediaSessionId || m_mediaSessionId.isEmpty()) {
        return;
    }
    const core::StreamStatus status = event.status.value;
    if (status != m_streamStatus) {
        m_streamStatus = status;
        Q_EMIT streamStatusChanged(status);
    }
    if (status == core::StreamStatus::Playing) {
        m_webRtcTimer.stop();
        setState(State::Playing);
    } else if (status == core::StreamStatus::Failed) {
        const QString info = event.info.isEmpty() ? tr("no reason given") : event.info;
        fallBackToHls(tr("WebRTC play failed (%1)").arg(info));
    } else if (core::Lifecycle<core::StreamStatus>::isTerminal(status)) {
        // STOPPED by the server (or by us, already disconnected then).
        disconnectWebRtc();
        m_mediaSessionId.clear();
        setState(State::Stopped);
    }
}

void StreamPreview::fallBackToHls(const QString& why) {
    stopWebRtc();
    startHls(why);
}

void StreamPreview::startHls(const QString& why) {
    m_hlsReason = why;
    if (!m_hlsUrl.isValid() || m_hlsUrl.isEmpty()) {
        setPath(Path::None, tr("Nothing to play: %1, and no HLS address is known").arg(why));
        fail(tr("No HLS address is known for %1.").arg(m_name));
        return;
    }
    if (!m_player) {
        m_player = new QMediaPlayer(this);
        connect(m_player, &QMediaPlayer::mediaStatusChanged, this, &StreamPreview::onPlayerStatus);
        connect(m_player, &QMediaPlayer::errorOccurred, this, &StreamPreview::onPlayerError);
        connect(m_player, &QMediaPlayer::playbackStateChanged, this,
                [this](QMediaPlayer::PlaybackState state) {
                    if (state == QMediaPlayer::PlayingState && m_path == Path::Hls &&
                        (m_player->mediaStatus() == QMediaPlayer::BufferedMedia ||
                         m_player->mediaStatus() == QMediaPlayer::BufferingMedia)) {
                        setState(State::Playing);
                    }
                });
    }
    if (m_hlsAudio && !m_audioOutput) {
        m_audioOutput = new QAudioOutput(m_player);
        m_player->setAudioOutput(m_audioOutput);
    }
    m_player->setVideoOutput(m_videoOutput.data());
    setPath(Path::Hls, tr("HLS (%1)").arg(why));
    setState(State::Connecting);
    qCInfo(lcServices).noquote() << "preview of" << m_name << "plays HLS"
                                 << m_hlsUrl.toString(QUrl::RemoveUserInfo) << "because" << why;
    m_player->setSource(QUrl()); // a retry of the same address loads it again
    m_player->setSource(m_hlsUrl);
    m_player->play();
}

void StreamPreview::onPlayerStatus(QMediaPlayer::MediaStatus status) {
    if (m_path != Path::Hls) {
        return;
    }
    switch (status) {
    case QMediaPlayer::LoadingMedia:
    case QMediaPlayer::StalledMedia:
        if (m_state != State::Failed && m_state != State::Stopped) {
            setState(State::Connecting);
        }
        break;
    case QMediaPlayer::BufferingMedia:
    case QMediaPlayer::BufferedMedia:
        if (m_player->playbackState() == QMediaPlayer::PlayingState) {
            setState(State::Playing);
        }
        break;
    case QMediaPlayer::EndOfMedia:
        setState(State::Stopped);
        break;
    case QMediaPlayer::InvalidMedia:
        hlsFailed(m_player->errorString());
        break;
    case QMediaPlayer::NoMedia:
    case QMediaPlayer::LoadedMedia:
        break;
    }
}

void StreamPreview::onPlayerError(QMediaPlayer::Error error, const QString& text) {
    if (m_path != Path::Hls || error == QMediaPlayer::NoError) {
        return;
    }
    hlsFailed(text);
}

void StreamPreview::hlsFailed(const QString& playerError) {
    //: %1 is the HLS address, %2 the player's error text ("Not Found")
    fail(tr("HLS playback of %1 failed: %2")
             .arg(m_hlsUrl.toString(QUrl::RemoveUserInfo),
                  playerError.isEmpty() ? tr("the stream cannot be played") : playerError));
}

void StreamPreview::disconnectWebRtc() {
    m_webRtcTimer.stop();
    for (const QMetaObject::Connection& c : std::as_const(m_webRtcConnections)) {
        disconnect(c);
    }
    m_webRtcConnections.clear();
}

void StreamPreview::stopWebRtc() {
    disconnectWebRtc();
    const QString id = std::exchange(m_mediaSessionId, QString());
    if (id.isEmpty()) {
        return;
    }
    WcsBinding* binding = m_binding.data();
    if (binding && !core::Lifecycle<core::StreamStatus>::isTerminal(m_streamStatus)) {
        binding->stopStream(id, false);
    }
}

void StreamPreview::stop() {
    const bool wasPlaying = m_state == State::Connecting || m_state == State::Playing;
    stopWebRtc();
    if (m_player) {
        m_player->stop();
    }
    if (wasPlaying) {
        m_level = media::WebRtcEndpoint::kSilenceDb;
        Q_EMIT outputLevelChanged(m_level);
        setState(State::Stopped);
    }
}

} // namespace services
