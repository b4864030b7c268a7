#include "emulator/CallEngine.h"

#include "emulator/EmulatorLog.h"
#include "emulator/FrameSink.h"
#include "emulator/JsonFields.h"
#include "emulator/MediaPeers.h"
#include "emulator/Scenario.h"
#include "emulator/SdpAnswerer.h"
#include "emulator/ServerFrames.h"
#include "emulator/SipReason.h"

#include <QTimer>
#include <QUuid>

#include <algorithm>

namespace emulator {

namespace {

using CS = core::CallStatus;
using L = QLatin1StringView;
using Outcome = Scenario::Callee::Outcome;

QLatin1StringView messageFor(CS status) {
    switch (status) {
    case CS::Trying:
        return L("notifyTryingResponse");
    case CS::Ring:
    case CS::RingMedia:
    case CS::SessionProgress:
        return L("ring");
    case CS::Established:
        return L("talk");
    case CS::Hold:
        return L("hold");
    default:
        return L("finish");
    }
}

/// "sip:2001@pbx;transport=ws" -> "2001", so a callee can be listed by number.
QString userPart(const QString& address) {
    QString s = address.trimmed();
    for (const auto scheme : {L("sips:"), L("sip:"), L("tel:")}) {
        if (s.startsWith(scheme, Qt::CaseInsensitive)) {
            s = s.mid(scheme.size());
        }
    }
    return s.section(u'@', 0, 0).section(u';', 0, 0);
}

const Scenario::Callee& calleeOf(const Scenario& scenario, const QString& number) {
    auto it = scenario.callees.constFind(number);
    if (it == scenario.callees.cend()) {
        it = scenario.callees.constFind(userPart(number));
    }
    return it == scenario.callees.cend() ? scenario.defaultCallee : *it;
}

const QString kNormalClearing = QStringLiteral("Normal call clearing");

} // namespace

CallEngine::CallEngine(FrameSink& sink, SdpAnswerer& sdp, const Scenario& scenario, QObject* parent)
    : QObject(parent)
    , m_sink(sink)
    , m_sdp(sdp)
    , m_scenario(scenario)
    , m_media(new MediaPeers(this)) {
    connect(m_media, &MediaPeers::failed, this,
            [this](const QString& callId, const QString& reason) {
                // The SIP leg does not depend on the client's media: the call goes on without
                // audio, with the fake SDP if ours was not ready yet.
                qCWarning(lcEmulator).noquote() << "call" << callId << "has no media:" << reason;
                if (const auto fallback = m_mediaFallbacks.take(callId)) {
                    fallback();
                }
            });
}

QJsonObject CallEngine::callObject(const EmulatedCall& c) {
    QJsonObject o{{QStringLiteral("callId"), c.callId},
                  {QStringLiteral("caller"), c.caller},
                  {QStringLiteral("callee"), c.callee},
                  {QStringLiteral("visibleName"), c.visibleName},
                  {QStringLiteral("incoming"), c.incoming},
                  {QStringLiteral("mediaProvider"), c.mediaProvider},
                  {QStringLiteral("hasAudio"), c.hasAudio},
                  {QStringLiteral("hasVideo"), c.hasVideo},
                  {QStringLiteral("status"), QString(core::toWire(c.status))}};
    if (c.sipStatus >= 0) {
        o.insert(QStringLiteral("sipStatus"), c.sipStatus);
    }
    if (!c.info.isEmpty()) {
        o.insert(QStringLiteral("info"), c.info);
    }
    if (c.holdForTransfer && c.status == CS::Hold) {
        o.insert(QStringLiteral("holdForTransfer"), *c.holdForTransfer);
    }
    return o;
}

template <typename F> void CallEngine::later(int ms, const EmulatedCall& c, F step) {
    const auto run = [this, id = c.callId, serial = c.serial, step] {
        const auto it = m_calls.find(id);
        if (it != m_calls.end() && it->serial == serial) {
            step(*it);
        }
    };
    if (ms <= 0) {
        run();
    } else {
        QTimer::singleShot(ms, this, run);
    }
}

void CallEngine::setStatus(EmulatedCall& c, core::CallStatus status, int sipStatus,
                           const QString& info) {
    c.status = status;
    if (sipStatus >= 0) {
        c.sipStatus = sipStatus;
    }
    c.info = info;
    qCInfo(lcEmulator).noquote() << "call" << c.callId << core::toWire(status) << info;
    m_sink.sendFrame(ServerFrames::frame(messageFor(status), callObject(c)));
}

void CallEngine::end(const QString& callId, core::CallStatus status, int sipStatus,
                     const QString& info) {
    if (!m_calls.contains(callId)) {
        return;
    }
    m_media->remove(callId);
    m_mediaFallbacks.remove(callId);
    EmulatedCall c = m_calls.take(callId);
    c.sipStatus = sipStatus;
    c.holdForTransfer.reset();
    setStatus(c, status, -1, info);
}

EmulatedCall* CallEngine::live(const QJsonObject& arg, const char* command) {
    const QString id = JsonFields::string(arg, L("callId"));
    const auto it = m_calls.find(id);
    if (it == m_calls.end()) {
        qCInfo(lcEmulator).noquote() << command << "for unknown call" << id << "ignored";
        return nullptr;
    }
    return &*it;
}

void CallEngine::call(const QJsonObject& arg) {
    EmulatedCall c;
    c.callId = JsonFields::string(arg, L("callId"));
    if (c.callId.isEmpty() || m_calls.contains(c.callId)) {
        qCWarning(lcEmulator).noquote() << "call without a new callId ignored:" << c.callId;
        return;
    }
    c.serial = m_nextSerial++;
    c.caller = JsonFields::string(arg, L("caller"));
    c.callee = JsonFields::string(arg, L("callee"));
    c.visibleName = JsonFields::string(arg, L("visibleName"));
    c.hasAudio = JsonFields::boolean(arg, L("hasAudio")).value_or(true);
    c.hasVideo = JsonFields::boolean(arg, L("hasVideo")).value_or(false);
    const QString provider = JsonFields::string(arg, L("mediaProvider"));
    if (!provider.isEmpty()) {
        c.mediaProvider = provider;
    }
    const QString offer = JsonFields::string(arg, L("sdp"));
    const Scenario::Callee& policy = calleeOf(m_scenario, c.callee);
    c.hangupAfterMs = policy.hangupAfterMs;
    const QString id = c.callId;
    m_calls.insert(id, c);
    if (userPart(c.callee).isEmpty()) {
        end(id, CS::Failed, 484, SipReason::failureInfo(484));
        return;
    }
    setStatus(m_calls[id], CS::Trying, 100);
    const int ring = policy.ringAfterMs >= 0 ? policy.ringAfterMs : m_scenario.ringAfterMs;
    switch (policy.outcome) {
    case Outcome::Busy:
        later(ring, c,
              [this](EmulatedCall& cc) { end(cc.callId, CS::Busy, 486, SipReason::info(486)); });
        return;
    case Outcome::Reject: {
        const int code = policy.rejectCode;
        const QString info =
            policy.rejectInfo.isNull() ? SipReason::failureInfo(code) : policy.rejectInfo;
        later(ring, c,
              [this, code, info](EmulatedCall& cc) { end(cc.callId, CS::Failed, code, info); });
        return;
    }
    case Outcome::Answer:
    case Outcome::NeverAnswer:
        break;
    }
    const bool answers = policy.outcome == Outcome::Answer;
    const int talkAfter = std::max(0, policy.answerAfterMs - ring);
    const auto ringing = [this, answers, talkAfter](EmulatedCall& cc, const QString& answerSdp) {
        const EmulatedCall call = cc; // `cc` lives in m_calls: not to be used after a send
        setStatus(cc, CS::Ring, 180);
        m_sink.sendFrame(ServerFrames::remoteSdp(call.callId, answerSdp));
        if (answers) {
            later(talkAfter, call, [this](EmulatedCall& c2) {
                const EmulatedCall talking = c2;
                setStatus(c2, CS::Established, 200);
                scheduleRemoteHangup(talking);
            });
        }
    };
    // The echo callee answers real WebRTC with its echo endpoint; the ring waits for its SDP
    // (ICE gathering), so `setRemoteSDP` never comes after `talk`.
    const auto ringWith = [this, id, serial = c.serial, ring, ringing](const QString& sdp) {
        const auto it = m_calls.find(id);
        if (it != m_calls.end() && it->serial == serial) {
            later(ring, *it, [ringing, sdp](EmulatedCall& cc) { ringing(cc, sdp); });
        }
    };
    if (policy.echo && MediaPeers::isRealWebRtc(offer) &&
        m_media->answer(id, offer, MediaPeers::Kind::Echo,
                        [this, id, ringWith](const QString& sdp) {
                            m_mediaFallbacks.remove(id);
                            ringWith(sdp);
                        })) {
        m_mediaFallbacks.insert(id, [this, offer, ringWith] { ringWith(m_sdp.answer(offer)); });
        return;
    }
    ringWith(m_sdp.answer(offer));
}

void CallEngine::scheduleRemoteHangup(const EmulatedCall& c) {
    if (c.hangupAfterMs > 0) {
        later(c.hangupAfterMs, c, [this](EmulatedCall& cc) {
            qCInfo(lcEmulator).noquote() << "call" << cc.callId << "remote party hangs up";
            end(cc.callId, CS::Finish, -1, kNormalClearing);
        });
    }
}

void CallEngine::answer(const QJsonObject& arg) {
    EmulatedCall* c = live(arg, "answer");
    if (!c) {
        return;
    }
    if (!c->incoming || c->status != CS::Ring) {
        qCInfo(lcEmulator).noquote()
            << "answer for call" << c->callId << "in state" << core::toWire(c->status) << "ignored";
        return;
    }
    if (m_media->contains(c->callId)) {
        // Our echo endpoint offered (incoming `echo` call): a real answer connects it, anything
        // else leaves the call without media, as a SIP leg without RTP would be.
        const QString sdp = JsonFields::string(arg, L("sdp"));
        if (!MediaPeers::isRealWebRtc(sdp) || !m_media->applyAnswer(c->callId, sdp)) {
            qCInfo(lcEmulator).noquote() << "call" << c->callId << "answered without WebRTC media";
            m_media->remove(c->callId);
        }
    }
    const EmulatedCall talking = *c; // `c` points into m_calls: not to be used after a send
    setStatus(*c, CS::Established, 200);
    scheduleRemoteHangup(talking);
}

void CallEngine::hangup(const QJsonObject& arg) {
    if (EmulatedCall* c = live(arg, "hangup")) {
        end(c->callId, CS::Finish, -1, kNormalClearing);
    }
}

void CallEngine::hold(const QJsonObject& arg) {
    EmulatedCall* c = live(arg, "hold");
    if (!c) {
        return;
    }
    if (c->status != CS::Established && c->status != CS::Hold) {
        qCInfo(lcEmulator).noquote()
            << "hold of call" << c->callId << "in state" << core::toWire(c->status) << "ignored";
        return;
    }
    c->holdForTransfer = JsonFields::boolean(arg, L("holdForTransfer"));
    setStatus(*c, CS::Hold, -1);
}

void CallEngine::unhold(const QJsonObject& arg) {
    EmulatedCall* c = live(arg, "unhold");
    if (!c) {
        return;
    }
    if (c->status != CS::Hold && c->status != CS::Established) {
        qCInfo(lcEmulator).noquote()
            << "unhold of call" << c->callId << "in state" << core::toWire(c->status) << "ignored";
        return;
    }
    c->holdForTransfer.reset();
    setStatus(*c, CS::Established, -1);
}

void CallEngine::transfer(const QJsonObject& arg) {
    EmulatedCall* c = live(arg, "transfer");
    if (!c) {
        return;
    }
    const QString target = JsonFields::string(arg, L("target"));
    if (c->status != CS::Established && c->status != CS::Hold) {
        m_sink.sendFrame(ServerFrames::frame(
            L("notifyTransferEvent"),
            QJsonObject{{QStringLiteral("callId"), c->callId},
                        {QStringLiteral("target"), target},
                        {QStringLiteral("status"), QStringLiteral("FAILED")},
                        {QStringLiteral("info"), QStringLiteral("Call is not established")}}));
        return;
    }
    transferStep(c->callId, c->serial, target, 0);
}

void CallEngine::transferStep(const QString& callId, quint64 serial, const QString& target,
                              int step) {
    const auto it = m_calls.find(callId);
    if (it == m_calls.end() || it->serial != serial) {
        return;
    }
    const EmulatedCall& c = *it;
    QJsonObject o{{QStringLiteral("callId"), callId}, {QStringLiteral("target"), target}};
    if (step < 2) {
        o.insert(QStringLiteral("status"),
                 step == 0 ? QStringLiteral("ACCEPTED") : QStringLiteral("TRYING"));
    } else {
        const auto& targets =
            calleeOf(m_scenario, c.incoming ? c.caller : c.callee).transferTargets;
        const auto outcome = targets.value(
            target, targets.value(QStringLiteral("*"), Scenario::TransferOutcome::Completed));
        if (outcome == Scenario::TransferOutcome::Failed) {
            o.insert(QStringLiteral("status"), QStringLiteral("FAILED"));
            o.insert(QStringLiteral("sipStatus"), 480);
            o.insert(QStringLiteral("info"), SipReason::info(480));
        } else {
            o.insert(QStringLiteral("status"), QStringLiteral("COMPLETED"));
        }
    }
    qCInfo(lcEmulator).noquote() << "call" << callId << "transfer to" << target
                                 << o.value(QStringLiteral("status")).toString();
    m_sink.sendFrame(ServerFrames::frame(L("notifyTransferEvent"), o));
    if (step < 2) {
        const int ms = m_scenario.transferStepMs;
        const auto next = [this, callId, serial, target, step] {
            transferStep(callId, serial, target, step + 1);
        };
        if (ms <= 0) {
            next();
        } else {
            QTimer::singleShot(ms, this, next);
        }
    } else if (o.value(QStringLiteral("status")).toString() == L("COMPLETED")) {
        end(callId, CS::Finish, -1, kNormalClearing);
    }
}

void CallEngine::sendDtmf(const QJsonObject& arg) {
    if (EmulatedCall* c = live(arg, "sendDtmf")) {
        const QString digits = JsonFields::string(arg, L("dtmf"));
        c->dtmf += digits;
        qCInfo(lcEmulator).noquote()
            << "call" << c->callId << "DTMF" << digits << JsonFields::string(arg, L("type"));
    }
}

QString CallEngine::incoming(const Incoming& options) {
    EmulatedCall c;
    c.serial = m_nextSerial++;
    c.callId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    c.incoming = true;
    c.caller = options.caller;
    c.callee = options.callee;
    c.visibleName = options.visibleName.isEmpty() ? options.caller : options.visibleName;
    c.hasVideo = options.hasVideo;
    c.status = CS::Ring;
    c.sipStatus = 180;
    c.hangupAfterMs = options.hangupAfterMs;
    m_calls.insert(c.callId, c);
    qCInfo(lcEmulator).noquote() << "incoming call" << c.callId << "from" << c.caller << "to"
                                 << c.callee;
    const int cancelAfterMs = options.cancelAfterMs;
    const auto announce = [this, cancelAfterMs](const EmulatedCall& call, const QString& offer) {
        // The offer comes first, the SDK caches it by callId (spec §7.2).
        m_sink.sendFrame(ServerFrames::remoteSdp(call.callId, offer));
        m_sink.sendFrame(ServerFrames::frame(L("notifyIncomingCall"), callObject(call)));
        m_sink.sendFrame(ServerFrames::frame(L("ring"), callObject(call)));
        if (cancelAfterMs > 0) {
            later(cancelAfterMs, call, [this](EmulatedCall& cc) {
                if (cc.status == CS::Ring) {
                    end(cc.callId, CS::Failed, 487, SipReason::info(487));
                }
            });
        }
    };
    // An `echo` caller offers from its echo endpoint, once ICE gathering is complete.
    const auto announceWith = [this, id = c.callId, serial = c.serial,
                               announce](const QString& sdp) {
        const auto it = m_calls.find(id);
        if (it != m_calls.end() && it->serial == serial && it->status == CS::Ring) {
            announce(*it, sdp);
        }
    };
    if (options.echo &&
        m_media->offer(c.callId, [this, id = c.callId, announceWith](const QString& sdp) {
            m_mediaFallbacks.remove(id);
            announceWith(sdp);
        })) {
        m_mediaFallbacks.insert(c.callId, [this, announceWith, video = c.hasVideo] {
            announceWith(m_sdp.offer(video));
        });
        return c.callId;
    }
    announce(c, m_sdp.offer(c.hasVideo));
    return c.callId;
}

bool CallEngine::remoteHangup(const QString& callId, const QString& info) {
    if (!m_calls.contains(callId)) {
        return false;
    }
    end(callId, CS::Finish, -1, info.isEmpty() ? kNormalClearing : info);
    return true;
}

void CallEngine::dropAll() {
    m_mediaFallbacks.clear();
    m_media->clear();
    m_calls.clear();
}

QJsonArray CallEngine::describe() const {
    QJsonArray out;
    for (const auto& c : m_calls) {
        QJsonObject o = callObject(c);
        o.insert(QStringLiteral("dtmf"), c.dtmf);
        out.append(o);
    }
    return out;
}

} // namespace emulator
