#include "emulator/StreamEngine.h"

#include "core/Lifecycle.h"

#include "emulator/EmulatorLog.h"
#include "emulator/FrameSink.h"
#include "emulator/JsonFields.h"
#include "emulator/MediaPeers.h"
#include "emulator/Scenario.h"
#include "emulator/SdpAnswerer.h"
#include "emulator/ServerFrames.h"
#include "emulator/SnapshotPng.h"
#include "emulator/StreamRegistry.h"

#include <QDateTime>
#include <QTimer>

namespace emulator {

namespace {

using S = core::StreamStatus;
using L = QLatin1StringView;

/// The stream a command describes, with the SDK's defaults for absent fields.
EmulatedStream fromRequest(const QJsonObject& arg, bool published) {
    EmulatedStream s;
    s.mediaSessionId = JsonFields::string(arg, L("mediaSessionId"));
    s.name = JsonFields::string(arg, L("name"));
    s.published = published;
    s.hasAudio = JsonFields::boolean(arg, L("hasAudio")).value_or(true);
    s.hasVideo = JsonFields::boolean(arg, L("hasVideo")).value_or(true);
    s.record = published && JsonFields::boolean(arg, L("record")).value_or(false);
    const QString provider = JsonFields::string(arg, L("mediaProvider"));
    if (!provider.isEmpty()) {
        s.mediaProvider = provider;
    }
    s.width = int(JsonFields::integer(arg, L("width"), 0, 100000).value_or(0));
    s.height = int(JsonFields::integer(arg, L("height"), 0, 100000).value_or(0));
    s.bitrate = int(JsonFields::integer(arg, L("bitrate"), 0, 1 << 30).value_or(0));
    s.quality = int(JsonFields::integer(arg, L("quality"), 0, 1 << 30).value_or(0));
    s.createdMs = QDateTime::currentMSecsSinceEpoch();
    return s;
}

/// How long a real-media publish or play may take to connect before it fails (ms).
constexpr int kIceTimeoutMs = 10000;

} // namespace

StreamEngine::StreamEngine(FrameSink& sink, StreamRegistry& registry, SdpAnswerer& sdp,
                           const Scenario& scenario, QObject* parent)
    : QObject(parent)
    , m_sink(sink)
    , m_registry(registry)
    , m_sdp(sdp)
    , m_scenario(scenario)
    , m_media(new MediaPeers(this)) {
    connect(m_media, &MediaPeers::connected, this, [this](const QString& id) {
        // PUBLISHING/PLAYING once ICE and DTLS are up (spec §6.1), then the delay as usual.
        const auto now = m_registry.find(id);
        if (!now) {
            return;
        }
        const bool publish = now->published;
        const auto live = [this, id, publish] { goLive(id, publish); };
        const int delay = publish ? m_scenario.publishDelayMs : m_scenario.playDelayMs;
        if (delay <= 0) {
            live();
        } else {
            QTimer::singleShot(delay, this, live);
        }
    });
    connect(m_media, &MediaPeers::failed, this, [this](const QString& id, const QString& reason) {
        const auto now = m_registry.find(id);
        if (now && !core::Lifecycle<S>::isTerminal(now->status)) {
            m_registry.setStatus(id, S::Failed,
                                 reason.contains(QLatin1StringView("ICE"))
                                     ? QStringLiteral("Failed by ICE error")
                                     : QStringLiteral("Failed by error"));
        }
    });
}

void StreamEngine::publishStream(const QJsonObject& arg) {
    start(arg, true);
}

void StreamEngine::playStream(const QJsonObject& arg) {
    start(arg, false);
}

void StreamEngine::start(const QJsonObject& arg, bool publish) {
    EmulatedStream s = fromRequest(arg, publish);
    s.owner = &m_sink;
    s.sessionId = m_sink.sinkSessionId();
    if (s.mediaSessionId.isEmpty()) {
        // WCS would say "MediaSessionId is null", but a reply without an id reaches no stream.
        qCWarning(lcEmulator) << (publish ? "publishStream" : "playStream")
                              << "without mediaSessionId ignored";
        return;
    }
    const QString refusal = publish ? m_registry.refusePublish(s.mediaSessionId, s.name)
                                    : m_registry.refusePlay(s.mediaSessionId, s.name);
    if (!refusal.isNull()) {
        qCInfo(lcEmulator).noquote()
            << (publish ? "publish" : "play") << s.name << "refused:" << refusal;
        s.status = S::Failed;
        m_sink.sendFrame(StreamRegistry::statusFrame(s, refusal));
        return;
    }
    if (s.record) {
        s.recordName = QStringLiteral("%1-%2.mp4").arg(s.name).arg(s.createdMs);
    }
    const QString offer = JsonFields::string(arg, L("sdp"));
    const bool real = MediaPeers::isRealWebRtc(offer) && MediaPeers::isAvailable();
    QString channel; // publish: the relay channel written; play: the one read
    if (real && publish) {
        s.audioChannel = MediaPeers::relayChannel(s.mediaSessionId);
        channel = s.audioChannel;
    } else if (real) {
        const auto pub = m_registry.publisher(s.name);
        channel = pub ? pub->audioChannel : QString();
    }
    s.status = S::Pending;
    m_registry.add(s);
    const QString id = s.mediaSessionId;
    // A real WebRTC publish is answered by a receive-only webrtcbin endpoint, a real play by a
    // send-only one; either goes live once it connects (see the constructor), or fails.
    if (real && m_media->answer(
                    id, offer, publish ? MediaPeers::Kind::Sink : MediaPeers::Kind::Source,
                    [this, id](const QString& sdp) {
                        const auto now = m_registry.find(id);
                        if (now && now->status == S::Pending) {
                            m_sink.sendFrame(ServerFrames::remoteSdp(id, sdp));
                        }
                    },
                    channel)) {
        QTimer::singleShot(kIceTimeoutMs, this, [this, id] {
            const auto now = m_registry.find(id);
            if (now && now->status == S::Pending && m_media->contains(id)) {
                m_media->remove(id);
                m_registry.setStatus(id, S::Failed, QStringLiteral("Failed by ICE timeout"));
            }
        });
        return;
    }
    m_sink.sendFrame(ServerFrames::remoteSdp(id, m_sdp.answer(offer)));
    const auto live = [this, id, publish] { goLive(id, publish); };
    const int delay = publish ? m_scenario.publishDelayMs : m_scenario.playDelayMs;
    if (delay <= 0) {
        live();
    } else {
        QTimer::singleShot(delay, this, live);
    }
}

void StreamEngine::goLive(const QString& id, bool publish) {
    const auto now = m_registry.find(id);
    if (!now || now->status != S::Pending) {
        m_media->remove(id);
        return; // ended meanwhile
    }
    m_registry.setStatus(id, publish ? S::Publishing : S::Playing, QStringLiteral(""));
    if (publish || !m_scenario.resizeOnPlay || !now->hasVideo) {
        return;
    }
    const auto pub = m_registry.publisher(now->name);
    if (pub && pub->hasVideo && m_registry.find(id)) {
        m_sink.sendFrame(StreamRegistry::eventFrame(
            id, QStringLiteral("resize"),
            QJsonObject{
                {QStringLiteral("streamerVideoWidth"), pub->width > 0 ? pub->width : 640},
                {QStringLiteral("streamerVideoHeight"), pub->height > 0 ? pub->height : 360}}));
    }
}

void StreamEngine::stopOwn(const QJsonObject& arg, const char* command) {
    const QString id = JsonFields::string(arg, L("mediaSessionId"));
    const auto s = m_registry.find(id);
    if (!s || s->owner != &m_sink) {
        qCInfo(lcEmulator).noquote() << command << "for unknown stream" << id << "ignored";
        return;
    }
    m_media->remove(id);
    m_registry.setStatus(id, s->published ? S::Unpublished : S::Stopped,
                         QStringLiteral("Stopped by user"));
}

void StreamEngine::unPublishStream(const QJsonObject& arg) {
    stopOwn(arg, "unPublishStream");
}

void StreamEngine::stopStream(const QJsonObject& arg) {
    stopOwn(arg, "stopStream");
}

void StreamEngine::availableStream(const QJsonObject& arg) {
    const QString id = JsonFields::string(arg, L("mediaSessionId"));
    const auto pub = m_registry.publisher(JsonFields::string(arg, L("name")));
    const bool available = pub && pub->status == S::Publishing;
    m_sink.sendFrame(ServerFrames::frame(
        L("availableStream"),
        QJsonObject{{QStringLiteral("id"), id.isNull() ? QStringLiteral("") : id},
                    {QStringLiteral("status"),
                     available ? QStringLiteral("true") : QStringLiteral("false")},
                    {QStringLiteral("info"),
                     available ? QStringLiteral("") : QStringLiteral("Stream not found")}}));
}

void StreamEngine::snapshot(const QJsonObject& arg) {
    const QString name = JsonFields::string(arg, L("name"));
    QString id = JsonFields::string(arg, L("mediaSessionId"));
    if (id.isEmpty()) {
        id = name; // nothing better to address the reply to
    }
    const auto pub = m_registry.publisher(name);
    if (pub && pub->status == S::Publishing) {
        m_sink.sendFrame(StreamRegistry::eventFrame(
            id, QStringLiteral("snapshotCompleted"),
            QJsonObject{{QStringLiteral("snapshot"), QString(kSnapshotPngBase64)}}));
    } else {
        m_sink.sendFrame(StreamRegistry::eventFrame(
            id, QStringLiteral("snapshotFailed"),
            QJsonObject{{QStringLiteral("info"), QStringLiteral("Stream not found")}}));
    }
}

void StreamEngine::sendStreamEvent(const QJsonObject& arg) {
    const QString id = JsonFields::string(arg, L("mediaSessionId"));
    const QString type = JsonFields::string(arg, L("type"));
    const auto s = m_registry.find(id);
    if (!s || s->owner != &m_sink || !s->published || type.isEmpty()) {
        qCInfo(lcEmulator).noquote() << "sendStreamEvent" << type << "for" << id
                                     << "is not from a live publisher of this session, ignored";
        return;
    }
    const int n = m_registry.relayEvent(id, type, arg.value(L("payload")));
    qCDebug(lcEmulator).noquote() << "stream event" << type << "of" << s->name << "relayed to" << n
                                  << "players";
}

} // namespace emulator
