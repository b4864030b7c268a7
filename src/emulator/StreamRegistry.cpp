#include "emulator/StreamRegistry.h"

#include "core/Lifecycle.h"
#include "emulator/EmulatorLog.h"
#include "emulator/FrameSink.h"
#include "emulator/ServerFrames.h"

namespace emulator {

namespace {

using S = core::StreamStatus;

bool isLive(const EmulatedStream& s) {
    return !core::Lifecycle<S>::isTerminal(s.status);
}

} // namespace

qsizetype StreamRegistry::indexOf(const QString& mediaSessionId) const {
    for (qsizetype i = 0; i < m_streams.size(); ++i) {
        if (m_streams.at(i).mediaSessionId == mediaSessionId) {
            return i;
        }
    }
    return -1;
}

std::optional<EmulatedStream> StreamRegistry::find(const QString& mediaSessionId) const {
    const qsizetype i = indexOf(mediaSessionId);
    return i < 0 ? std::nullopt : std::optional(m_streams.at(i));
}

std::optional<EmulatedStream> StreamRegistry::publisher(const QString& name) const {
    for (const auto& s : m_streams) {
        if (s.published && s.name == name && isLive(s)) {
            return s;
        }
    }
    return std::nullopt;
}

QList<EmulatedStream> StreamRegistry::players(const QString& name) const {
    QList<EmulatedStream> out;
    for (const auto& s : m_streams) {
        if (!s.published && s.name == name) {
            out.append(s);
        }
    }
    return out;
}

QList<EmulatedStream> StreamRegistry::ownedBy(const FrameSink* owner) const {
    QList<EmulatedStream> out;
    for (const auto& s : m_streams) {
        if (owner && s.owner == owner) {
            out.append(s);
        }
    }
    return out;
}

QString StreamRegistry::refusePublish(const QString& mediaSessionId, const QString& name) const {
    if (mediaSessionId.isEmpty()) {
        return QStringLiteral("MediaSessionId is null");
    }
    if (indexOf(mediaSessionId) >= 0) {
        return QStringLiteral("MediaSessionId is already in use");
    }
    if (name.isEmpty()) {
        return QStringLiteral("Bad URI");
    }
    if (publisher(name)) {
        return QStringLiteral("Stream name is already in use");
    }
    return {};
}

QString StreamRegistry::refusePlay(const QString& mediaSessionId, const QString& name) const {
    if (mediaSessionId.isEmpty()) {
        return QStringLiteral("MediaSessionId is null");
    }
    if (indexOf(mediaSessionId) >= 0) {
        return QStringLiteral("MediaSessionId is already in use");
    }
    const auto pub = publisher(name);
    if (!pub) {
        return QStringLiteral("Stream not found");
    }
    if (pub->status != S::Publishing) {
        return QStringLiteral("Publish stream is not ready");
    }
    return {};
}

void StreamRegistry::add(const EmulatedStream& stream) {
    m_streams.append(stream);
}

bool StreamRegistry::setStatus(const QString& mediaSessionId, core::StreamStatus status,
                               const QString& info) {
    const qsizetype i = indexOf(mediaSessionId);
    if (i < 0) {
        return false;
    }
    m_streams[i].status = status;
    const EmulatedStream s = m_streams.at(i);
    qCInfo(lcEmulator).noquote() << "stream" << s.name << s.mediaSessionId << core::toWire(status)
                                 << info;
    if (s.owner) {
        s.owner->sendFrame(statusFrame(s, info));
    }
    if (core::Lifecycle<S>::isTerminal(status)) {
        const qsizetype now = indexOf(mediaSessionId); // the owner may have changed the list
        if (now >= 0) {
            m_streams.removeAt(now);
        }
        if (s.published) {
            endPlayersOf(s, status == S::Failed, info);
        }
    }
    return true;
}

void StreamRegistry::endPlayersOf(const EmulatedStream& publisher, bool failed,
                                  const QString& info) {
    if (this->publisher(publisher.name)) {
        return; // a new publisher took the name; its players stay
    }
    for (const auto& p : players(publisher.name)) {
        if (failed) {
            setStatus(p.mediaSessionId, S::Failed, info);
        } else {
            setStatus(p.mediaSessionId, S::Stopped, QStringLiteral("Stopped by publisher stop"));
        }
    }
}

void StreamRegistry::endOwner(const FrameSink* owner) {
    const QString reason = QStringLiteral("Stopped by session disconnect");
    for (const auto& s : ownedBy(owner)) {
        const qsizetype i = indexOf(s.mediaSessionId);
        if (i < 0) {
            continue;
        }
        m_streams.removeAt(i);
        qCInfo(lcEmulator).noquote() << "stream" << s.name << s.mediaSessionId << reason;
        if (s.published) {
            endPlayersOf(s, false, reason);
        }
    }
}

int StreamRegistry::relayEvent(const QString& publisherId, const QString& type,
                               const QJsonValue& payload) {
    const auto pub = find(publisherId);
    if (!pub || !pub->published) {
        return 0;
    }
    int n = 0;
    for (const auto& p : players(pub->name)) {
        if (p.owner) {
            p.owner->sendFrame(eventFrame(p.mediaSessionId, type, payload));
            ++n;
        }
    }
    return n;
}

QJsonObject StreamRegistry::statusObject(const EmulatedStream& s, const QString& info) {
    QJsonObject o{{QStringLiteral("mediaSessionId"), s.mediaSessionId},
                  {QStringLiteral("name"), s.name},
                  {QStringLiteral("published"), s.published},
                  {QStringLiteral("hasVideo"), s.hasVideo},
                  {QStringLiteral("hasAudio"), s.hasAudio},
                  {QStringLiteral("status"), QString(core::toWire(s.status))},
                  {QStringLiteral("info"), info.isNull() ? QStringLiteral("") : info},
                  {QStringLiteral("record"), s.record},
                  {QStringLiteral("width"), s.width},
                  {QStringLiteral("height"), s.height},
                  {QStringLiteral("bitrate"), s.bitrate},
                  {QStringLiteral("quality"), s.quality},
                  {QStringLiteral("mediaProvider"), s.mediaProvider}};
    if (!s.recordName.isEmpty()) {
        o.insert(QStringLiteral("recordName"), s.recordName);
    }
    return o;
}

QByteArray StreamRegistry::statusFrame(const EmulatedStream& s, const QString& info) {
    return ServerFrames::frame(QLatin1StringView("notifyStreamStatusEvent"), statusObject(s, info));
}

QByteArray StreamRegistry::eventFrame(const QString& mediaSessionId, const QString& type,
                                      const QJsonValue& payload) {
    QJsonObject o{{QStringLiteral("mediaSessionId"), mediaSessionId},
                  {QStringLiteral("type"), type}};
    if (!payload.isNull() && !payload.isUndefined()) {
        o.insert(QStringLiteral("payload"), payload);
    }
    return ServerFrames::frame(QLatin1StringView("notifyStreamEvent"), o);
}

} // namespace emulator
