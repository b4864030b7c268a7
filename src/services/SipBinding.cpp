#include "services/SipBinding.h"

#include "services/CallService.h"
#include "services/SessionMonitor.h"
#include "sip/ConnectionManager.h"
#include "sip/ConnectionParameters.h"
#include "sip/PlaceholderOffer.h"

#include <QRandomGenerator>

#include <QJsonValue>

using namespace Qt::Literals::StringLiterals;

namespace services {

namespace {

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
                applyCall(id, core::CallStatus::Established, statusOf(p));
            });
    connect(&manager, &sip::ConnectionManager::callEnded, this,
            [this](const QString& id, const QString& originator, const QString& cause, int code) {
                core::CallStatus status = core::CallStatus::Failed;
                if (cause == u"Terminated"_s || cause == u"Canceled"_s) {
                    status = core::CallStatus::Finish;
                } else if (cause == u"Busy"_s) {
                    status = core::CallStatus::Busy;
                }
                applyCall(id, status, code > 0 ? code : -1, cause + u" ("_s + originator + u')');
            });
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
    const QString id = m_manager.call(
        callee, sip::PlaceholderOffer::make(QRandomGenerator::global()->generate64() >> 1));
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

bool SipBinding::answer(const QString&) {
    return false; // incoming calls are rejected with 488 until media lands
}

bool SipBinding::hangUp(const QString& callId) {
    return m_manager.hangUp(callId);
}

bool SipBinding::hold(const QString&, bool) {
    return false;
}

bool SipBinding::unhold(const QString&) {
    return false;
}

bool SipBinding::transfer(const QString&, const QString&) {
    return false;
}

bool SipBinding::sendDtmf(const QString&, const QString&, core::DtmfType) {
    return false;
}

void SipBinding::onIncomingCall(const QJsonObject& payload) {
    const QJsonObject req = payload.value(u"request"_s).toObject();
    core::CallStatusEvent e;
    e.callId = payload.value(u"id"_s).toString();
    e.status = core::CallStatus::Failed;
    e.incoming = true;
    e.caller = req.value(u"from"_s).toString();
    e.visibleName = req.value(u"fromDisplayName"_s).toString();
    e.sipStatus = 488;
    e.info = u"no usable media: Callboard has no media engine yet"_s;
    e.sipMessageRaw = req.value(u"raw"_s).toString();
    m_calls.apply(m_accountId, e);
}

} // namespace services
