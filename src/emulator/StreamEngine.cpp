#include "emulator/StreamEngine.h"

#include "emulator/EmulatorLog.h"
#include "emulator/FrameSink.h"
#include "emulator/JsonFields.h"
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

} // namespace

StreamEngine::StreamEngine(FrameSink& sink, StreamRegistry& registry, SdpAnswerer& sdp,
                           const Scenario& scenario, QObject* parent)
    : QObject(parent)
    , m_sink(sink)
    , m_registry(registry)
    , m_sdp(sdp)
    , m_scenario(scenario) {}

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
    s.status = S::Pending;
    m_registry.add(s);
    m_sink.sendFrame(
        ServerFrames::remoteSdp(s.mediaSessionId, m_sdp.answer(JsonFields::string(arg, L("sdp")))));
    const QString id = s.mediaSessionId;
    const auto goLive = [this, id, publish] {
        const auto now = m_registry.find(id);
        if (!now || now->status != S::Pending) {
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
    };
    const int delay = publish ? m_scenario.publishDelayMs : m_scenario.playDelayMs;
    if (delay <= 0) {
        goLive();
    } else {
        QTimer::singleShot(delay, this, goLive);
    }
}

void StreamEngine::stopOwn(const QJsonObject& arg, const char* command) {
    const QString id = JsonFields::string(arg, L("mediaSessionId"));
    const auto s = m_registry.find(id);
    if (!s || s->owner != &m_sink) {
        qCInfo(lcEmulator).noquote() << command << "for unknown stream" << id << "ignored";
        return;
    }
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
