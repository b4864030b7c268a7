#include "media/EchoEndpoint.h"

#include <QCoreApplication>

#include <atomic>

namespace media {

namespace {

std::atomic<int> nextChannel{1};

QString newChannel() {
    return QStringLiteral("callboard-echo-%1-%2")
        .arg(QCoreApplication::applicationPid())
        .arg(nextChannel++);
}

constexpr qint64 kNsPerMs = 1000000;

} // namespace

EchoEndpoint::EchoEndpoint(QObject* parent, int levelIntervalMs)
    : EchoEndpoint(newChannel(), parent, levelIntervalMs) {}

EchoEndpoint::EchoEndpoint(QString channel, QObject* parent, int levelIntervalMs)
    : WebRtcEndpoint(echoConfig(channel, levelIntervalMs), parent)
    , m_channel(std::move(channel)) {}

AudioEndpointConfig EchoEndpoint::echoConfig(const QString& channel, int levelIntervalMs) {
    AudioEndpointConfig config;
    config.direction = MediaDirection::SendRecv;
    config.voiceProcessing = false;
    config.levelIntervalMs = levelIntervalMs;
    config.opusFrameMs = kOpusFrameMs;
    config.sourceDescription =
        QStringLiteral("interaudiosrc channel=%1 period-time=%2 latency-time=%2 buffer-time=%3")
            .arg(channel)
            .arg(qint64(kPeriodMs) * kNsPerMs)
            .arg(qint64(kBufferMs) * kNsPerMs);
    config.sinkDescription = QStringLiteral("interaudiosink channel=%1 sync=false").arg(channel);
    return config;
}

QStringList EchoEndpoint::requiredElements() {
    return {QStringLiteral("interaudiosrc"), QStringLiteral("interaudiosink")};
}

} // namespace media
