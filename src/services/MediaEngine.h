#pragma once

#include "media/AudioEndpointConfig.h"
#include "media/MediaDirection.h"
#include "media/MediaStats.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <optional>
#include <utility>

namespace media {
class WebRtcEndpoint;
}

namespace services {

class AppSettings;
class AudioDevices;

/// The media side of every call and stream of the application (issue #7): builds one
/// media::WebRtcEndpoint per call from the user's audio settings, keeps them addressable by
/// (account id, callId) so that the UI can mute a call or read its levels, and polls their
/// statistics.
///
/// Devices. The capture and playback elements come from AppSettings::inputDevice() /
/// outputDevice() (QAudioDevice::id(), which is the PulseAudio/PipeWire source or sink name
/// under Qt's PulseAudio backend): `pulsesrc device=<id>` / `pulsesink device=<id>`, or
/// `autoaudiosrc` / `autoaudiosink` for the system default (empty id). Voice processing
/// (`webrtcdsp`: echo cancellation, noise suppression, gain control) is on for real devices when
/// the element is installed. setElementOverride() (tests, CI, headless demo) or the environment
/// variables `CALLBOARD_AUDIO_SOURCE` / `CALLBOARD_AUDIO_SINK` (gst-launch descriptions, e.g.
/// `audiotestsrc is-live=true wave=sine freq=440` and `fakesink`) replace the devices.
///
/// Switching. A change of AppSettings "inputDevice"/"outputDevice" switches the capture/playback
/// element of every live endpoint at once (media::WebRtcEndpoint::setSourceDescription(), no
/// renegotiation). With an AudioDevices, hot-plug is followed too: when the selected device
/// disappears, calls move to the system default (and the log says so); when it comes back, they
/// move back. An element override (setElementOverride() or the environment) is never switched.
///
/// Availability. isAvailable() is false when GStreamer cannot start or one of the WebRTC
/// elements (webrtcbin, nicesrc, dtlssrtpenc, opusenc...) is missing; unavailableReason() names
/// them. Backends then fall back to signalling without audio and say why.
///
/// Statistics. Every registered endpoint that is connected is asked for its statistics every
/// statsIntervalMs() (default 2000 ms); statsUpdated() carries them with bitrates.
class MediaEngine : public QObject {
    Q_OBJECT

public:
    /// `settings` may be null (then the system default devices are used); it must outlive this
    /// object.
    explicit MediaEngine(const AppSettings* settings, QObject* parent = nullptr);
    /// As above, following hot-plug through `devices` (may be null; must outlive this object).
    MediaEngine(const AppSettings* settings, AudioDevices* devices, QObject* parent = nullptr);
    ~MediaEngine() override;

    /// Capture element of a receive-only endpoint (a stream player): it sends nothing, so it
    /// never opens the microphone. Not switched with the input device.
    static constexpr const char* kNoCapture = "audiotestsrc is-live=true wave=silence volume=0";
    /// Playback element of a send-only endpoint (a publisher): it receives nothing, so it never
    /// opens the speaker. Not switched with the output device.
    static constexpr const char* kNoPlayback = "fakesink sync=false async=false";

    /// True when calls can carry audio (see the class comment).
    bool isAvailable() const;
    /// Why isAvailable() is false ("GStreamer elements missing: webrtcbin, nicesrc"), else "".
    QString unavailableReason() const;

    /// Fixed capture/playback descriptions (gst-launch syntax) instead of the devices; empty
    /// strings restore the devices. Applies to endpoints created afterwards.
    void setElementOverride(const QString& sourceDescription, const QString& sinkDescription);
    /// STUN server (`stun://host:port`) and TURN servers (`turn://user:pass@host:port`) for
    /// endpoints created afterwards (RFC 8489 / RFC 8656; webrtcbin stun-server/add-turn-server).
    void setIceServers(const QString& stunServer, const QStringList& turnServers);
    /// ICE servers for the endpoints of one account created afterwards, replacing the global
    /// ones of setIceServers() for it (formats as there; services::IceServerUris builds them
    /// from an AccountProfile). The TURN URIs hold passwords: they are kept in memory only
    /// and never logged. AccountConnector sets them when the account connects.
    void setAccountIceServers(const QString& accountId, const QString& stunServer,
                              const QStringList& turnServers);
    /// Forgets the account's ICE servers (it disconnected): the global ones apply again.
    void clearAccountIceServers(const QString& accountId);
    /// Whether setAccountIceServers() is in force for `accountId`.
    bool hasAccountIceServers(const QString& accountId) const {
        return m_accountIce.contains(accountId);
    }

    /// The configuration a new endpoint with our `direction` gets now: the devices (or
    /// overrides) for a call; kNoCapture for RecvOnly, kNoPlayback for SendOnly (streams).
    /// STUN/TURN servers: the account's (setAccountIceServers()), else the global ones.
    media::AudioEndpointConfig endpointConfig(media::MediaDirection direction,
                                              const QString& accountId = QString()) const;

    /// A new endpoint for (accountId, callId), child of `parent`, registered until it is
    /// destroyed (a second endpoint for the same key replaces the first in the registry).
    /// Nothing is started: the caller drives createOffer()/setRemoteDescription().
    media::WebRtcEndpoint* createEndpoint(const QString& accountId, const QString& callId,
                                          media::MediaDirection direction, QObject* parent);
    /// The registered endpoint of (accountId, callId), or nullptr.
    media::WebRtcEndpoint* endpoint(const QString& accountId, const QString& callId) const;

    /// Mutes (true) or unmutes the microphone of one call; false when it has no endpoint.
    bool setMuted(const QString& accountId, const QString& callId, bool muted);
    /// Whether the call's microphone is muted (false without an endpoint).
    bool isMuted(const QString& accountId, const QString& callId) const;

    int statsIntervalMs() const { return m_statsTimer.interval(); }
    void setStatsIntervalMs(int ms) { m_statsTimer.setInterval(ms); }

    /// The capture description new and live endpoints use now: the override, else the
    /// selected input device, else (empty or unplugged) the system default.
    QString currentSource() const;
    /// The playback description, like currentSource().
    QString currentSink() const;

    /// `pulsesrc device="<id>"`, or `autoaudiosrc` for an empty id.
    static QString sourceForDevice(const QByteArray& deviceId);
    /// `pulsesink device="<id>"`, or `autoaudiosink` for an empty id.
    static QString sinkForDevice(const QByteArray& deviceId);

Q_SIGNALS:
    /// A call got its media endpoint (after createEndpoint()).
    void endpointCreated(const QString& accountId, const QString& callId);
    /// The endpoint of a call is gone (call over).
    void endpointRemoved(const QString& accountId, const QString& callId);
    /// Microphone level of a call, dBov (media::WebRtcEndpoint::inputLevel), every 100 ms.
    void inputLevelChanged(const QString& accountId, const QString& callId, double dBov);
    /// Received level of a call, dBov (media::WebRtcEndpoint::outputLevel).
    void outputLevelChanged(const QString& accountId, const QString& callId, double dBov);
    /// Mute state of a call changed through setMuted().
    void mutedChanged(const QString& accountId, const QString& callId, bool muted);
    /// Fresh statistics of a call (every statsIntervalMs while connected).
    void statsUpdated(const QString& accountId, const QString& callId,
                      const media::MediaStats& stats);
    /// The media of a call failed (media::WebRtcEndpoint::failed).
    void mediaFailed(const QString& accountId, const QString& callId, const QString& reason);
    /// A microphone or speaker of a call failed; the call goes on with a fallback
    /// (media::WebRtcEndpoint::deviceFailed).
    void deviceFailed(const QString& accountId, const QString& callId, const QString& reason);

private:
    static QString key(const QString& accountId, const QString& callId);
    void pollStats();
    void onSettingChanged(const QString& key);
    /// Re-reads the selection and the device list; switches live endpoints when the device to
    /// use changed. `hotPlug`: the list changed (else the setting did), for the log.
    void followDevices(bool input, bool hotPlug);
    /// The selected device id, or empty when it is not plugged in (per m_devices).
    QByteArray effectiveDevice(bool input) const;
    void switchEndpoints(bool input);

    const AppSettings* m_settings;
    AudioDevices* m_devices = nullptr;
    QByteArray m_effectiveInput;  ///< the input device live endpoints use ("" = default)
    QByteArray m_effectiveOutput; ///< the output device live endpoints use ("" = default)
    QString m_sourceOverride;
    QString m_sinkOverride;
    QString m_stunServer;
    QStringList m_turnServers;
    /// accountId -> (stunServer, turnServers) of setAccountIceServers()
    QHash<QString, std::pair<QString, QStringList>> m_accountIce;
    QHash<QString, QPointer<media::WebRtcEndpoint>> m_endpoints;
    QTimer m_statsTimer;
    mutable std::optional<QString> m_unavailable; ///< cached availability check
};

} // namespace services
