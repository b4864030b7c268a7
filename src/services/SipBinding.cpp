#include "services/SipBinding.h"

#include "media/WebRtcEndpoint.h"
#include "services/CallService.h"
#include "services/LogControlCategories.h"
#include "services/MediaEngine.h"
#include "services/SessionMonitor.h"
#include "services/WebRtcDescriptionHandler.h"
#include "sip/ConnectionManager.h"
#include "sip/ConnectionParameters.h"
#include "sip/PlaceholderDescriptionHandler.h"
#include "sip/RtcSession.h"

#include <QPointer>

#include <QJsonValue>

using namespace Qt::Literals::StringLiterals;

namespace services {

namespace {

/// The call row's info once a call is up: "" with audio, else why there is none.
QString audioInfo(const sip::RtcSession* s) {
    const QString why = s ? s->descriptionHandler()->noAudioReason() : QString();
    return why.isEmpty() ? QString() : u"connected without audio: "_s + why;
}

int statusOf(const QJsonObject& payload) {
    const QJsonValue r = payload.value(u"response"_s);
    return r.isObject() ? r.toObject().value(u"statusCode"_s).toInt(-1) : -1;
}

core::ConnectionStatusEvent connection(core::SessionStatus status, const QString& info = {}) {
    core::ConnectionStatusEvent e;
    e.status = status;
    e.info = info;
    return e;
}

} // namespace

SipBinding::SipBinding(QString accountId, sip::ConnectionManager& manager, bool registrationWanted,
                       CallService& calls, SessionMonitor& sessions,
                       std::shared_ptr<const core::Clock> clock, QObject* parent)
    : QObject(parent)
    , m_accountId(std::move(accountId))
    , m_manager(manager)
    , m_registrationWanted(registrationWanted)
    , m_calls(calls)
    , m_sessions(sessions)
    , m_clock(std::move(clock)) {
    sessions.addAccount(m_accountId, registrationWanted);
    connect(&manager, &sip::ConnectionManager::eventOccurred, this, &SipBinding::onEvent);
    calls.setBackend(m_accountId, this);
    connect(&manager, &sip::ConnectionManager::callProgress, this,
            [this](const QString& id, int code, const QString& reason) {
                applyCall(id,
                          code == 183 ? core::CallStatus::SessionProgress : core::CallStatus::Ring,
                          code, reason);
            });
    connect(&manager, &sip::ConnectionManager::callAccepted, this,
            [this](const QString& id, const QJsonObject& p) {
                applyCall(id, core::CallStatus::Established, statusOf(p),
                          audioInfo(m_manager.session(id)));
            });
    connect(&manager, &sip::ConnectionManager::callEnded, this, &SipBinding::onCallEnded);
    connect(&manager, &sip::ConnectionManager::recoveryScheduled, this,
            [this](int attempt, int delayMs) {
                m_sessions.reconnectScheduled(m_accountId, attempt, delayMs);
            });
}

void SipBinding::onEvent(sip::ConnectionEvent event, const QJsonObject& payload) {
    using E = sip::ConnectionEvent;
    switch (event) {
    case E::Connecting:
        m_sessions.apply(m_accountId, connection(core::SessionStatus::Pending));
        break;
    case E::Connected:
        m_sessions.apply(m_accountId,
                         connection(m_registrationWanted ? core::SessionStatus::Connected
                                                         : core::SessionStatus::Established));
        break;
    case E::Registered: {
        m_sessions.apply(m_accountId, connection(core::SessionStatus::Registered));
        core::RegistrationStatusEvent r;
        r.status = core::RegistrationStatus::Registered;
        r.sipStatus = statusOf(payload);
        if (const auto cfg = m_manager.connectionConfiguration()) {
            r.sipLogin = cfg->authorizationUser;
        }
        m_sessions.apply(m_accountId, r);
        break;
    }
    case E::RegistrationFailed: {
        const int code = statusOf(payload);
        const QString cause = payload.value(u"cause"_s).toString();
        if (m_manager.isTransportConnected()) {
            m_sessions.apply(m_accountId, connection(core::SessionStatus::Connected, cause));
        }
        core::RegistrationStatusEvent r;
        r.status = (code == 401 || code == 407) ? core::RegistrationStatus::AuthenticationFail
                                                : core::RegistrationStatus::Failed;
        r.sipStatus = code;
        const QString reason =
            payload.value(u"response"_s).toObject().value(u"reasonPhrase"_s).toString();
        r.info = code > 0 ? u"%1 (SIP %2 %3)"_s.arg(cause).arg(code).arg(reason) : cause;
        m_sessions.apply(m_accountId, r);
        break;
    }
    case E::Unregistered: {
        core::RegistrationStatusEvent r;
        r.status = core::RegistrationStatus::Unregistered;
        r.sipStatus = statusOf(payload);
        r.info = payload.value(u"cause"_s).toString();
        m_sessions.apply(m_accountId, r);
        break;
    }
    case E::Disconnected: {
        const bool error = payload.value(u"error"_s).toBool();
        core::ConnectionStatusEvent e =
            connection(error ? core::SessionStatus::Failed : core::SessionStatus::Disconnected,
                       payload.value(u"reason"_s).toString());
        e.closeCode = payload.value(u"code"_s).toInt(-1);
        m_sessions.apply(m_accountId, e);
        break;
    }
    case E::ConnectFailed:
        if (payload.contains(u"message"_s)) { // no socket was involved (§3.2, §5.4)
            m_sessions.apply(m_accountId, connection(core::SessionStatus::Failed,
                                                     payload.value(u"message"_s).toString()));
        }
        break;
    case E::NewRtcSession:
        attachSession(payload.value(u"id"_s).toString());
        if (payload.value(u"originator"_s).toString() == u"remote"_s) {
            onIncomingCall(payload);
        }
        break;
    default:
        break;
    }
    if (m_journal) {
        QJsonObject j = sip::ConnectionParameters::redactedJson(payload);
        j.insert(u"type"_s, sip::qualifiedName(event));
        m_journal(JournalEntry::fromEventJson(m_clock->nowMs(), m_accountId, j));
    }
}

void SipBinding::setMediaEngine(MediaEngine* engine) {
    m_media = engine;
    // The manager may outlive this binding (un-REGISTER while draining): no raw `this`.
    m_manager.setDescriptionHandlerFactory(
        [media = QPointer<MediaEngine>(engine), accountId = m_accountId](
            const QString& id, QObject* parent) -> sip::SessionDescriptionHandler* {
            MediaEngine* live = media.data();
            if (live && live->isAvailable()) {
                return new WebRtcDescriptionHandler(*live, accountId, id, parent);
            }
            return new sip::PlaceholderDescriptionHandler(
                live ? live->unavailableReason() : tr("no media engine is installed"), parent);
        });
}

SipBinding::~SipBinding() {
    m_calls.setBackend(m_accountId, nullptr);
}

void SipBinding::applyCall(const QString& callId, core::CallStatus status, int sipStatus,
                           const QString& info) {
    core::CallStatusEvent e;
    e.callId = callId;
    e.status = status;
    e.incoming = false;
    e.sipStatus = sipStatus;
    e.info = info;
    m_calls.apply(m_accountId, e);
}

QString SipBinding::dial(const QString& callee, bool video) {
    Q_UNUSED(video) // no video without a media layer
    const QString id = m_manager.call(callee);
    if (!id.isEmpty()) {
        core::CallStatusEvent e;
        e.callId = id;
        e.status = core::CallStatus::Trying;
        e.incoming = false;
        e.callee = callee;
        e.hasVideo = false;
        m_calls.apply(m_accountId, e);
    }
    return id;
}

bool SipBinding::answer(const QString& callId) {
    sip::RtcSession* s = m_manager.session(callId);
    return s && s->answer();
}

bool SipBinding::hangUp(const QString& callId) {
    return m_manager.hangUp(callId);
}

bool SipBinding::hold(const QString& callId, bool forTransfer) {
    sip::RtcSession* s = m_manager.session(callId);
    if (!s || !s->hold()) {
        return false;
    }
    if (forTransfer) {
        m_holdForTransfer.insert(callId);
    }
    return true;
}

bool SipBinding::unhold(const QString& callId) {
    sip::RtcSession* s = m_manager.session(callId);
    return s && s->unhold();
}

bool SipBinding::transfer(const QString& callId, const QString& target) {
    sip::RtcSession* s = m_manager.session(callId);
    if (!s || !s->refer(target)) {
        return false;
    }
    m_transferTargets.insert(callId, target);
    return true;
}

bool SipBinding::sendDtmf(const QString& callId, const QString& digits, core::DtmfType type) {
    sip::RtcSession* s = m_manager.session(callId);
    if (!s || !s->isEstablished()) {
        return false;
    }
    if (type == core::DtmfType::Rfc2833) {
        // RFC 4733 events in the call's RTP stream when telephone-event was negotiated.
        media::WebRtcEndpoint* e = m_media ? m_media->endpoint(m_accountId, callId) : nullptr;
        if (e && e->sendDtmf(digits)) {
            return true;
        }
        qCInfo(lcServices) << "SIP call" << callId
                           << ": no telephone-event negotiated; sending DTMF by SIP INFO";
    }
    return s->sendDtmf(digits);
}

void SipBinding::onIncomingCall(const QJsonObject& payload) {
    const QJsonObject req = payload.value(u"request"_s).toObject();
    const QString id = payload.value(u"id"_s).toString();
    const sip::RtcSession* s = m_manager.session(id);
    core::CallStatusEvent e;
    e.callId = id;
    e.status = core::CallStatus::Ring;
    e.incoming = true;
    e.caller = req.value(u"from"_s).toString();
    e.visibleName = req.value(u"fromDisplayName"_s).toString();
    e.sipMessageRaw = req.value(u"raw"_s).toString();
    if (s && s->rejectionCode() > 0) {
        e.status = core::CallStatus::Failed;
        e.sipStatus = s->rejectionCode();
        e.info = s->rejectionReason();
    }
    m_calls.apply(m_accountId, e);
}

void SipBinding::onCallEnded(const QString& id, const QString& originator, const QString& cause,
                             int code) {
    m_holdForTransfer.remove(id);
    m_transferTargets.remove(id);
    const CallRecord* r = m_calls.find(m_accountId, id);
    const bool incoming = r && r->direction == CallRecord::Direction::Incoming;
    core::CallStatus status = core::CallStatus::Failed;
    if (cause == u"Terminated"_s || cause == u"Canceled"_s) {
        status = core::CallStatus::Finish;
    } else if (cause == u"Busy"_s) {
        status = core::CallStatus::Busy;
    } else if (incoming && originator != u"remote"_s &&
               (cause == u"Rejected"_s || cause == u"No Answer"_s || cause == u"Expires"_s)) {
        status = core::CallStatus::Finish; // declined or not picked up here: not a failure
    }
    applyCall(id, status, code > 0 ? code : -1, cause + u" ("_s + originator + u')');
}

void SipBinding::attachSession(const QString& id) {
    sip::RtcSession* s = m_manager.session(id);
    if (!s) {
        return;
    }
    connect(
        s, &sip::RtcSession::holdChanged, this, [this, id](const QString& originator, bool onHold) {
            if (originator == u"local"_s) {
                applyCall(id, onHold ? core::CallStatus::Hold : core::CallStatus::Established);
            } else {
                applyCall(id, core::CallStatus::Established, -1,
                          onHold ? u"held by the other party"_s : audioInfo(m_manager.session(id)));
            }
        });
    connect(s, &sip::RtcSession::updateFailed, this, [this, id](const QString& cause, int code) {
        const QString info = u"hold/resume failed: %1%2"_s.arg(
            cause, code > 0 ? u" (SIP %1)"_s.arg(code) : QString());
        if (const CallRecord* r = m_calls.find(m_accountId, id)) {
            applyCall(id, r->status, code > 0 ? code : -1, info);
        }
        if (m_holdForTransfer.remove(id)) {
            applyTransfer(id, core::TransferStatus::Failed, code, info);
        }
    });
    connect(s, &sip::RtcSession::referEvent, this,
            [this, id](const QString& event, int code, const QString& reason) {
                onReferEvent(id, event, code, reason);
            });
    connect(s, &sip::RtcSession::newDtmf, this,
            [id](const QString& originator, const QString& tone) {
                qCInfo(lcServices) << "SIP call" << id << "DTMF" << tone << "from" << originator;
            });
}

void SipBinding::onReferEvent(const QString& id, const QString& event, int code,
                              const QString& reason) {
    const QString info = code > 0 ? u"%1 %2"_s.arg(code).arg(reason) : reason;
    if (event == u"requestSucceeded"_s) {
        applyTransfer(id, core::TransferStatus::Accepted, code, info);
    } else if (event == u"trying"_s || event == u"progress"_s) {
        applyTransfer(id, core::TransferStatus::Trying, code, info);
    } else if (event == u"accepted"_s) {
        applyTransfer(id, core::TransferStatus::Completed, code, info);
        m_manager.hangUp(id); // the transferor leaves once the target answered (RFC 5589 §6.1)
    } else {
        m_holdForTransfer.remove(id);
        applyTransfer(id, core::TransferStatus::Failed, code, info);
    }
}

void SipBinding::applyTransfer(const QString& callId, core::TransferStatus status, int sipStatus,
                               const QString& info) {
    core::TransferStatusEvent e;
    e.callId = callId;
    e.status = status;
    e.target = m_transferTargets.value(callId);
    e.info = info;
    e.sipStatus = sipStatus > 0 ? sipStatus : -1;
    m_calls.apply(m_accountId, e);
}

} // namespace services
