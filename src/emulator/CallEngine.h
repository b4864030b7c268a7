#pragma once

#include "emulator/EmulatedCall.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>

#include <functional>

namespace emulator {

class FrameSink;
class MediaPeers;
class SdpAnswerer;
struct Scenario;

/// The SIP calls of one client session (spec §5.3, §7), with the callee behaviour of the
/// Scenario. All times in ms; every step is a timer, so a hang-up at any moment is safe.
///
/// Outgoing `call`: notifyTryingResponse TRYING(100) at once; after the callee's ringAfterMs
/// either `finish` BUSY(486, "SIP 486 Busy Here") / FAILED(rejectCode, "SIP 403 FORBIDDEN"),
/// or `ring` RING(180) + `setRemoteSDP [callId, answer]` and, at answerAfterMs from the call,
/// `talk` ESTABLISHED(200) (never for neverAnswer). `hold` -> HOLD, `unhold` -> ESTABLISHED,
/// `transfer` -> notifyTransferEvent ACCEPTED, TRYING, COMPLETED (then `finish` FINISH) or
/// FAILED, one Scenario::transferStepMs apart. `hangup` -> `finish` FINISH "Normal call clearing".
/// Incoming calls: `setRemoteSDP [callId, OFFER]`, `notifyIncomingCall`, `ring`; `answer` ->
/// `talk` ESTABLISHED.
///
/// Real audio (issue #7, MediaPeers): a callee with Scenario::Callee::echo answers an offer that
/// carries real WebRTC with an echo endpoint (what the caller says comes back), and rings once
/// that answer is complete; an incoming call with Incoming::echo offers from an echo endpoint and
/// is announced once the offer is complete. The endpoint ends with the call. A media failure is
/// logged and the call goes on (with the fake SDP when ours was not sent yet). Other calls keep
/// SdpAnswerer's fake SDP.
class CallEngine : public QObject {
    Q_OBJECT

public:
    /// Options of an incoming call (control/timeline action `incomingCall`).
    struct Incoming {
        QString caller;
        QString callee;
        QString visibleName;
        bool hasVideo = false;
        int cancelAfterMs = 0; ///< caller gives up: FAILED 487; 0 = rings until answered
        int hangupAfterMs = 0; ///< caller hangs up after talking this long; 0 = never
        bool echo = false;     ///< offer from an echo endpoint (real audio, see the class comment)
    };

    CallEngine(FrameSink& sink, SdpAnswerer& sdp, const Scenario& scenario,
               QObject* parent = nullptr);

    void call(const QJsonObject& arg);
    void answer(const QJsonObject& arg);
    void hangup(const QJsonObject& arg);
    void hold(const QJsonObject& arg);
    void unhold(const QJsonObject& arg);
    void transfer(const QJsonObject& arg);
    void sendDtmf(const QJsonObject& arg);

    /// Starts an incoming call; returns its server-generated callId.
    QString incoming(const Incoming& options);
    /// The remote party hangs up call `callId`: `finish` FINISH. False if there is no such call.
    bool remoteHangup(const QString& callId, const QString& info = {});
    /// Forgets every call without a message (the session is gone).
    void dropAll();

    bool contains(const QString& callId) const { return m_calls.contains(callId); }
    /// Live calls for the control endpoint: [{callId, status, caller, callee, incoming, ...}].
    QJsonArray describe() const;
    /// The `call` object of §4 for `c`.
    static QJsonObject callObject(const EmulatedCall& c);

private:
    EmulatedCall* live(const QJsonObject& arg, const char* command);
    void setStatus(EmulatedCall& c, core::CallStatus status, int sipStatus,
                   const QString& info = {});
    void end(const QString& callId, core::CallStatus status, int sipStatus, const QString& info);
    /// Runs `step` after `ms` if call `callId` is still the same call.
    template <typename F> void later(int ms, const EmulatedCall& c, F step);
    void transferStep(const QString& callId, quint64 serial, const QString& target, int step);
    void scheduleRemoteHangup(const EmulatedCall& c);

    FrameSink& m_sink;
    SdpAnswerer& m_sdp;
    const Scenario& m_scenario;
    MediaPeers* m_media;
    /// Calls waiting for the SDP of their emulator endpoint: what to send instead (the fake
    /// SDP) if the endpoint fails first.
    QHash<QString, std::function<void()>> m_mediaFallbacks;
    QHash<QString, EmulatedCall> m_calls;
    quint64 m_nextSerial = 1;
};

} // namespace emulator
