#include "emulator/BackgroundStreams.h"

#include "emulator/EmulatorLog.h"
#include "emulator/StreamRegistry.h"

#include <QDateTime>
#include <QJsonObject>
#include <QTimer>
#include <QUuid>

#include <algorithm>

namespace emulator {

namespace {

using S = core::StreamStatus;

QString newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

BackgroundStreams::BackgroundStreams(StreamRegistry& registry, QString serverAddress,
                                     QObject* parent)
    : QObject(parent)
    , m_registry(registry)
    , m_serverAddress(std::move(serverAddress)) {}

QString BackgroundStreams::fakeSessionId() {
    // Another user's session as WCS would name it; a made-up LAN address.
    m_fakePort = m_fakePort >= 60000 ? 40000 : m_fakePort + 1;
    return QStringLiteral("/10.0.0.%1:%2/%3:8080")
        .arg(m_fakePort % 200 + 20)
        .arg(m_fakePort)
        .arg(m_serverAddress);
}

void BackgroundStreams::start(const QList<Scenario::BackgroundStream>& streams) {
    ++m_generation;
    m_cycles.clear();
    for (const auto& config : streams) {
        m_cycles.insert(config.name, Cycle{config, 0, m_generation});
        const QString name = config.name;
        const quint64 gen = m_generation;
        QTimer::singleShot(config.startAfterMs, this, [this, name, gen] { cycleUp(name, gen); });
    }
}

void BackgroundStreams::stopAll() {
    ++m_generation;
    m_cycles.clear();
    for (const auto& s : m_registry.all()) {
        if (s.isBackground() && s.published) {
            m_registry.setStatus(s.mediaSessionId, S::Unpublished,
                                 QStringLiteral("Stopped by user"));
        }
    }
    for (const auto& s : m_registry.all()) {
        if (s.isBackground()) {
            m_registry.setStatus(s.mediaSessionId, S::Stopped, QStringLiteral("Stopped by user"));
        }
    }
}

QString BackgroundStreams::publish(const Scenario::BackgroundStream& config) {
    const QString refusal = m_registry.refusePublish(newId(), config.name);
    if (!refusal.isNull()) {
        return refusal;
    }
    EmulatedStream pub;
    pub.mediaSessionId = newId();
    pub.name = config.name;
    pub.published = true;
    pub.status = S::Publishing;
    pub.sessionId = fakeSessionId();
    pub.hasAudio = config.hasAudio;
    pub.hasVideo = config.hasVideo;
    pub.record = config.record;
    pub.mediaProvider = config.mediaProvider;
    pub.width = config.width;
    pub.height = config.height;
    pub.createdMs = QDateTime::currentMSecsSinceEpoch();
    if (pub.record) {
        pub.recordName = QStringLiteral("%1-%2.mp4").arg(pub.name).arg(pub.createdMs);
    }
    m_registry.add(pub);
    for (int i = 0; i < config.viewers; ++i) {
        EmulatedStream player = pub;
        player.mediaSessionId = newId();
        player.published = false;
        player.status = S::Playing;
        player.sessionId = fakeSessionId();
        player.record = false;
        player.recordName.clear();
        m_registry.add(player);
    }
    qCInfo(lcEmulator).noquote() << "background stream" << config.name << "PUBLISHING with"
                                 << config.viewers << "viewers";
    return {};
}

QString BackgroundStreams::stop(const QString& name, bool fail, const QString& info) {
    const auto pub = m_registry.publisher(name);
    if (!pub || !pub->isBackground()) {
        return QStringLiteral("no live background stream named '%1'").arg(name);
    }
    if (fail) {
        m_registry.setStatus(pub->mediaSessionId, S::Failed,
                             info.isEmpty() ? QStringLiteral("Failed by error") : info);
    } else {
        m_registry.setStatus(pub->mediaSessionId, S::Unpublished,
                             info.isEmpty() ? QStringLiteral("Stopped by user") : info);
    }
    return {}; // the registry ended its players, background viewers included
}

void BackgroundStreams::cycleUp(const QString& name, quint64 generation) {
    const auto it = m_cycles.find(name);
    if (it == m_cycles.end() || it->generation != generation) {
        return;
    }
    const QString refusal = publish(it->config);
    if (!refusal.isNull()) {
        qCInfo(lcEmulator).noquote() << "background stream" << name << "not published:" << refusal;
        QTimer::singleShot(std::max(it->config.downMs, 100), this,
                           [this, name, generation] { cycleUp(name, generation); });
        return;
    }
    if (it->config.upMs > 0) {
        QTimer::singleShot(it->config.upMs, this,
                           [this, name, generation] { cycleDown(name, generation); });
    }
}

void BackgroundStreams::cycleDown(const QString& name, quint64 generation) {
    const auto it = m_cycles.find(name);
    if (it == m_cycles.end() || it->generation != generation) {
        return;
    }
    const auto& config = it->config;
    using End = Scenario::BackgroundStream::End;
    const bool fail =
        config.end == End::Fail || (config.end == End::Alternate && it->cycles % 2 == 1);
    ++it->cycles;
    const QString error = stop(name, fail, fail ? config.failInfo : QString());
    if (!error.isNull()) {
        qCDebug(lcEmulator).noquote() << "background stream" << name << "already gone";
    }
    QTimer::singleShot(config.downMs, this,
                       [this, name, generation] { cycleUp(name, generation); });
}

QJsonArray BackgroundStreams::describe() const {
    QJsonArray out;
    for (const auto& c : m_cycles) {
        const auto pub = m_registry.publisher(c.config.name);
        out.append(QJsonObject{{QStringLiteral("name"), c.config.name},
                               {QStringLiteral("live"), pub.has_value() && pub->isBackground()},
                               {QStringLiteral("cycles"), c.cycles}});
    }
    return out;
}

} // namespace emulator
