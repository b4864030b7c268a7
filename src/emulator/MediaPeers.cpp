#include "emulator/MediaPeers.h"

#include "emulator/EmulatorLog.h"
#include "media/EchoEndpoint.h"
#include "media/Gst.h"
#include "media/SdpInspector.h"
#include "media/WebRtcEndpoint.h"

#include <QCoreApplication>
#include <QSet>

#include <mutex>

namespace emulator {

namespace {

using media::PeerConnectionState;
using media::SdpType;
using media::WebRtcEndpoint;

constexpr qint64 kNsPerMs = 1000000;
/// interaudiosrc block and backlog of a relay, ms: the publisher's audio crosses two jitter
/// buffers, so the backlog is larger than an echo's.
constexpr int kRelayPeriodMs = 20;
constexpr int kRelayBufferMs = 200;

int liveCount = 0; ///< endpoints alive in the process (Qt thread only)

/// Relay channels read by a Source now (Qt thread only): an inter channel has one reader.
QSet<QString>& channelsRead() {
    static QSet<QString> channels;
    return channels;
}

/// What a publish sink plays with: a silent live source (never sent: recvonly) and a fakesink,
/// or the relay channel.
media::AudioEndpointConfig sinkConfig(const QString& channel) {
    media::AudioEndpointConfig config;
    config.direction = media::MediaDirection::RecvOnly;
    config.sourceDescription = QStringLiteral("audiotestsrc is-live=true wave=silence");
    config.sinkDescription =
        channel.isEmpty() ? QStringLiteral("fakesink sync=false")
                          : QStringLiteral("interaudiosink channel=%1 sync=false").arg(channel);
    return config;
}

/// What a play source sends: the relay channel, or the test tone; what it receives (nothing:
/// sendonly) goes to a fakesink.
media::AudioEndpointConfig sourceConfig(const QString& channel) {
    media::AudioEndpointConfig config;
    config.direction = media::MediaDirection::SendOnly;
    config.sourceDescription =
        channel.isEmpty()
            ? QString::fromLatin1(MediaPeers::kToneDescription)
            : QStringLiteral("interaudiosrc channel=%1 period-time=%2 latency-time=%2 "
                             "buffer-time=%3")
                  .arg(channel)
                  .arg(qint64(kRelayPeriodMs) * kNsPerMs)
                  .arg(qint64(kRelayBufferMs) * kNsPerMs);
    config.sinkDescription = QStringLiteral("fakesink sync=false");
    return config;
}

} // namespace

MediaPeers::MediaPeers(QObject* parent)
    : QObject(parent) {}

MediaPeers::~MediaPeers() {
    clear();
}

bool MediaPeers::isAvailable() {
    static bool available = false;
    static std::once_flag once;
    std::call_once(once, [] {
        QString error;
        if (!media::Gst::ensureInitialized(&error)) {
            qCWarning(lcEmulator).noquote()
                << "no emulator media (fake SDP only): GStreamer cannot start:" << error;
            return;
        }
        const QStringList missing = media::Gst::missingElements(
            WebRtcEndpoint::requiredElements(false) + media::EchoEndpoint::requiredElements() +
            QStringList{QStringLiteral("audiotestsrc"), QStringLiteral("fakesink")});
        if (!missing.isEmpty()) {
            qCWarning(lcEmulator).noquote()
                << "no emulator media (fake SDP only): GStreamer elements missing:"
                << missing.join(u", ");
            return;
        }
        available = true;
    });
    return available;
}

bool MediaPeers::isRealWebRtc(const QString& sdp) {
    const media::SdpInspector inspector(sdp);
    return inspector.attribute(QStringLiteral("ice-ufrag")).has_value() &&
           inspector.attribute(QStringLiteral("ice-pwd")).has_value() &&
           inspector.attribute(QStringLiteral("fingerprint")).has_value() &&
           !inspector.candidates().isEmpty();
}

QString MediaPeers::relayChannel(const QString& mediaSessionId) {
    return QStringLiteral("callboard-stream-%1-%2")
        .arg(QCoreApplication::applicationPid())
        .arg(mediaSessionId);
}

int MediaPeers::liveEndpoints() {
    return liveCount;
}

WebRtcEndpoint* MediaPeers::create(const QString& id, Kind kind, SdpCallback onDescription,
                                   const QString& channel) {
    remove(id);
    WebRtcEndpoint* endpoint = nullptr;
    switch (kind) {
    case Kind::Echo:
        endpoint = new media::EchoEndpoint(this);
        break;
    case Kind::Sink:
        endpoint = new WebRtcEndpoint(sinkConfig(channel), this);
        break;
    case Kind::Source: {
        QString read = channel;
        if (!read.isEmpty() && channelsRead().contains(read)) {
            qCInfo(lcEmulator).noquote()
                << "media of" << id << "sends the test tone: the publisher is already relayed";
            read.clear();
        }
        if (!read.isEmpty()) {
            channelsRead().insert(read);
            m_readChannels.insert(id, read);
        }
        endpoint = new WebRtcEndpoint(sourceConfig(read), this);
        break;
    }
    }
    ++liveCount;
    connect(endpoint, &QObject::destroyed, [] { --liveCount; });
    m_endpoints.insert(id, endpoint);
    connect(endpoint, &WebRtcEndpoint::localDescriptionReady, this,
            [onDescription = std::move(onDescription)](const QString& sdp, SdpType) {
                onDescription(sdp);
            });
    connect(endpoint, &WebRtcEndpoint::connectionStateChanged, this,
            [this, id, endpoint](PeerConnectionState state) {
                if (m_endpoints.value(id) != endpoint) {
                    return;
                }
                if (state == PeerConnectionState::Connected) {
                    qCInfo(lcEmulator).noquote() << "media of" << id << "connected";
                    Q_EMIT connected(id);
                } else if (state == PeerConnectionState::Failed) {
                    remove(id);
                    Q_EMIT failed(id, QStringLiteral("ICE/DTLS connection failed"));
                }
            });
    connect(endpoint, &WebRtcEndpoint::failed, this, [this, id, endpoint](const QString& reason) {
        if (m_endpoints.value(id) != endpoint) {
            return;
        }
        qCWarning(lcEmulator).noquote() << "media of" << id << "failed:" << reason;
        remove(id);
        Q_EMIT failed(id, reason);
    });
    return endpoint;
}

bool MediaPeers::answer(const QString& id, const QString& offer, Kind kind, SdpCallback onAnswer,
                        const QString& channel) {
    if (!isAvailable()) {
        return false;
    }
    WebRtcEndpoint* endpoint = create(id, kind, std::move(onAnswer), channel);
    if (!endpoint->setRemoteDescription(offer, SdpType::Offer) || !endpoint->createAnswer()) {
        remove(id);
        return false;
    }
    const char* what = kind == Kind::Echo   ? "an echo"
                       : kind == Kind::Sink ? "a receive-only"
                                            : "a send-only";
    qCInfo(lcEmulator).noquote() << "media of" << id << "answering with" << what << "endpoint"
                                 << (channel.isEmpty() ? QString()
                                                       : QStringLiteral("(relay %1)").arg(channel));
    return true;
}

bool MediaPeers::offer(const QString& id, SdpCallback onOffer) {
    if (!isAvailable()) {
        return false;
    }
    WebRtcEndpoint* endpoint = create(id, Kind::Echo, std::move(onOffer), {});
    if (!endpoint->createOffer()) {
        remove(id);
        return false;
    }
    qCInfo(lcEmulator).noquote() << "media of" << id << "offering from an echo endpoint";
    return true;
}

bool MediaPeers::applyAnswer(const QString& id, const QString& answer) {
    WebRtcEndpoint* endpoint = m_endpoints.value(id).data();
    if (!endpoint) {
        return false;
    }
    if (!endpoint->setRemoteDescription(answer, SdpType::Answer)) {
        remove(id);
        return false;
    }
    return true;
}

void MediaPeers::remove(const QString& id) {
    channelsRead().remove(m_readChannels.take(id));
    const QPointer<WebRtcEndpoint> weak = m_endpoints.take(id);
    WebRtcEndpoint* endpoint = weak.data();
    if (!endpoint) {
        return;
    }
    endpoint->disconnect(this);
    endpoint->stop();
    // May run inside one of the endpoint's own signals: delete it from the event loop.
    endpoint->deleteLater();
}

void MediaPeers::clear() {
    const QStringList ids = m_endpoints.keys();
    for (const QString& id : ids) {
        remove(id);
    }
}

} // namespace emulator
