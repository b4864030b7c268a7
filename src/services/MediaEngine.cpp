#include "services/MediaEngine.h"

#include "media/Gst.h"
#include "media/WebRtcEndpoint.h"
#include "services/AppSettings.h"
#include "services/AudioDevices.h"
#include "services/LogControlCategories.h"

namespace services {

namespace {

/// `element device="<id>"` with the id quoted for gst_parse (backslash and quote escaped).
QString withDevice(const char* element, const QByteArray& deviceId) {
    QString id = QString::fromUtf8(deviceId);
    id.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return QStringLiteral("%1 device=\"%2\"").arg(QLatin1String(element), id);
}

} // namespace

MediaEngine::MediaEngine(const AppSettings* settings, QObject* parent)
    : MediaEngine(settings, nullptr, parent) {}

MediaEngine::MediaEngine(const AppSettings* settings, AudioDevices* devices, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_devices(devices)
    , m_sourceOverride(qEnvironmentVariable("CALLBOARD_AUDIO_SOURCE"))
    , m_sinkOverride(qEnvironmentVariable("CALLBOARD_AUDIO_SINK")) {
    m_statsTimer.setInterval(2000);
    connect(&m_statsTimer, &QTimer::timeout, this, &MediaEngine::pollStats);
    if (m_settings) {
        m_effectiveInput = m_settings->inputDevice();
        m_effectiveOutput = m_settings->outputDevice();
        connect(m_settings, &AppSettings::changed, this, &MediaEngine::onSettingChanged);
    }
    // The device lists are read on the first call (AudioDevices is lazy), then on hot-plug.
    if (m_devices) {
        connect(m_devices, &AudioDevices::inputsChanged, this,
                [this] { followDevices(true, true); });
        connect(m_devices, &AudioDevices::outputsChanged, this,
                [this] { followDevices(false, true); });
    }
}

MediaEngine::~MediaEngine() = default;

bool MediaEngine::isAvailable() const {
    return unavailableReason().isEmpty();
}

QString MediaEngine::unavailableReason() const {
    if (!m_unavailable) {
        QString error;
        if (!media::Gst::ensureInitialized(&error)) {
            m_unavailable = tr("GStreamer cannot start: %1").arg(error);
        } else if (const QStringList missing =
                       media::Gst::missingElements(media::WebRtcEndpoint::requiredElements(false));
                   !missing.isEmpty()) {
            m_unavailable = tr("GStreamer elements missing: %1").arg(missing.join(u", "));
        } else {
            m_unavailable = QString();
        }
        if (!m_unavailable->isEmpty())
            qCWarning(lcServices) << "media engine unavailable:" << *m_unavailable;
    }
    return *m_unavailable;
}

void MediaEngine::setElementOverride(const QString& sourceDescription,
                                     const QString& sinkDescription) {
    m_sourceOverride = sourceDescription;
    m_sinkOverride = sinkDescription;
}

void MediaEngine::setIceServers(const QString& stunServer, const QStringList& turnServers) {
    m_stunServer = stunServer;
    m_turnServers = turnServers;
}

void MediaEngine::setAccountIceServers(const QString& accountId, const QString& stunServer,
                                       const QStringList& turnServers) {
    m_accountIce.insert(accountId, {stunServer, turnServers});
    qCInfo(lcServices) << "account" << accountId << "media ICE servers: STUN"
                       << (stunServer.isEmpty() ? QStringLiteral("none") : stunServer) << "TURN"
                       << turnServers.size(); // TURN URIs hold passwords: count only
}

void MediaEngine::clearAccountIceServers(const QString& accountId) {
    m_accountIce.remove(accountId);
}

QString MediaEngine::sourceForDevice(const QByteArray& deviceId) {
    return deviceId.isEmpty() ? QStringLiteral("autoaudiosrc") : withDevice("pulsesrc", deviceId);
}

QString MediaEngine::sinkForDevice(const QByteArray& deviceId) {
    return deviceId.isEmpty() ? QStringLiteral("autoaudiosink") : withDevice("pulsesink", deviceId);
}

QByteArray MediaEngine::effectiveDevice(bool input) const {
    const QByteArray selected =
        !m_settings ? QByteArray()
                    : (input ? m_settings->inputDevice() : m_settings->outputDevice());
    if (selected.isEmpty() || !m_devices)
        return selected;
    const QList<AudioDevices::Device> present = input ? m_devices->inputs() : m_devices->outputs();
    return AudioDevices::find(present, selected) ? selected : QByteArray();
}

QString MediaEngine::currentSource() const {
    return m_sourceOverride.isEmpty() ? sourceForDevice(m_effectiveInput) : m_sourceOverride;
}

QString MediaEngine::currentSink() const {
    return m_sinkOverride.isEmpty() ? sinkForDevice(m_effectiveOutput) : m_sinkOverride;
}

void MediaEngine::onSettingChanged(const QString& key) {
    if (key == QLatin1String("inputDevice"))
        followDevices(true, false);
    else if (key == QLatin1String("outputDevice"))
        followDevices(false, false);
}

void MediaEngine::followDevices(bool input, bool hotPlug) {
    QByteArray& effective = input ? m_effectiveInput : m_effectiveOutput;
    const QByteArray now = effectiveDevice(input);
    if (now == effective)
        return;
    const QByteArray selected =
        !m_settings ? QByteArray()
                    : (input ? m_settings->inputDevice() : m_settings->outputDevice());
    const char* what = input ? "microphone" : "speaker";
    if (now.isEmpty() && !selected.isEmpty())
        qCWarning(lcServices) << "the selected" << what << selected
                              << (hotPlug ? "is gone" : "is not plugged in")
                              << "; calls use the system default";
    else if (hotPlug)
        qCInfo(lcServices) << "the selected" << what << now << "is back; calls switch to it";
    else
        qCInfo(lcServices) << "calls switch to the" << what
                           << (now.isEmpty() ? QByteArray("(system default)") : now);
    effective = now;
    switchEndpoints(input);
}

void MediaEngine::switchEndpoints(bool input) {
    if (!(input ? m_sourceOverride : m_sinkOverride).isEmpty())
        return; // tests, CI, headless demo: fixed elements
    const QString description = input ? currentSource() : currentSink();
    const auto endpoints = m_endpoints.values();
    for (const QPointer<media::WebRtcEndpoint>& weak : endpoints) {
        media::WebRtcEndpoint* e = weak.data();
        if (!e || (input ? e->sourceDescription() == QLatin1StringView(kNoCapture)
                         : e->sinkDescription() == QLatin1StringView(kNoPlayback)))
            continue; // a stream player has no microphone, a publisher no speaker
        if (input)
            e->setSourceDescription(description);
        else
            e->setSinkDescription(description);
    }
}

media::AudioEndpointConfig MediaEngine::endpointConfig(media::MediaDirection direction,
                                                       const QString& accountId) const {
    media::AudioEndpointConfig config;
    config.direction = direction;
    const auto ice = m_accountIce.constFind(accountId);
    config.stunServer = ice != m_accountIce.cend() ? ice->first : m_stunServer;
    config.turnServers = ice != m_accountIce.cend() ? ice->second : m_turnServers;
    // A stream player never opens the microphone, a publisher never the speaker.
    const bool capture = media::sends(direction) || direction == media::MediaDirection::Inactive;
    const bool playback =
        media::receives(direction) || direction == media::MediaDirection::Inactive;
    config.sourceDescription = capture ? currentSource() : QString::fromLatin1(kNoCapture);
    config.sinkDescription = playback ? currentSink() : QString::fromLatin1(kNoPlayback);
    // Echo cancellation only makes sense for a real microphone next to a real speaker.
    config.voiceProcessing =
        capture && playback && m_sourceOverride.isEmpty() &&
        media::Gst::missingElements(media::WebRtcEndpoint::requiredElements(true)).isEmpty();
    return config;
}

QString MediaEngine::key(const QString& accountId, const QString& callId) {
    return accountId + u'\n' + callId;
}

media::WebRtcEndpoint* MediaEngine::createEndpoint(const QString& accountId, const QString& callId,
                                                   media::MediaDirection direction,
                                                   QObject* parent) {
    // The first call starts watching hot-plug; a device unplugged since start-up is noticed.
    followDevices(true, true);
    followDevices(false, true);
    auto* endpoint = new media::WebRtcEndpoint(endpointConfig(direction, accountId), parent);
    const QString k = key(accountId, callId);
    m_endpoints.insert(k, endpoint);
    connect(endpoint, &media::WebRtcEndpoint::inputLevel, this,
            [this, accountId, callId](double dBov) {
                Q_EMIT inputLevelChanged(accountId, callId, dBov);
            });
    connect(endpoint, &media::WebRtcEndpoint::outputLevel, this,
            [this, accountId, callId](double dBov) {
                Q_EMIT outputLevelChanged(accountId, callId, dBov);
            });
    connect(endpoint, &media::WebRtcEndpoint::statsReady, this,
            [this, accountId, callId](const media::MediaStats& stats) {
                Q_EMIT statsUpdated(accountId, callId, stats);
            });
    connect(endpoint, &media::WebRtcEndpoint::failed, this,
            [this, accountId, callId](const QString& reason) {
                qCWarning(lcServices) << "media of call" << callId << "failed:" << reason;
                Q_EMIT mediaFailed(accountId, callId, reason);
            });
    connect(endpoint, &media::WebRtcEndpoint::deviceFailed, this,
            [this, accountId, callId](const QString& reason) {
                qCWarning(lcServices) << "audio device of call" << callId << "failed:" << reason;
                Q_EMIT deviceFailed(accountId, callId, reason);
            });
    connect(endpoint, &QObject::destroyed, this, [this, k, accountId, callId, endpoint] {
        // Only forget the key when it still names this endpoint (not a replacement).
        auto it = m_endpoints.find(k);
        if (it != m_endpoints.end() && (it->isNull() || it->data() == endpoint)) {
            m_endpoints.erase(it);
            Q_EMIT endpointRemoved(accountId, callId);
        }
        if (m_endpoints.isEmpty())
            m_statsTimer.stop();
    });
    if (!m_statsTimer.isActive())
        m_statsTimer.start();
    Q_EMIT endpointCreated(accountId, callId);
    return endpoint;
}

media::WebRtcEndpoint* MediaEngine::endpoint(const QString& accountId,
                                             const QString& callId) const {
    return m_endpoints.value(key(accountId, callId)).data();
}

bool MediaEngine::setMuted(const QString& accountId, const QString& callId, bool muted) {
    media::WebRtcEndpoint* e = endpoint(accountId, callId);
    if (!e)
        return false;
    if (e->isMuted() != muted) {
        e->setMuted(muted);
        Q_EMIT mutedChanged(accountId, callId, muted);
    }
    return true;
}

bool MediaEngine::isMuted(const QString& accountId, const QString& callId) const {
    if (const media::WebRtcEndpoint* e = endpoint(accountId, callId); e != nullptr)
        return e->isMuted();
    return false;
}

void MediaEngine::pollStats() {
    const auto endpoints = m_endpoints.values();
    for (const QPointer<media::WebRtcEndpoint>& weak : endpoints) {
        media::WebRtcEndpoint* e = weak.data();
        if (e != nullptr && e->connectionState() == media::PeerConnectionState::Connected)
            e->requestStats();
    }
}

} // namespace services
