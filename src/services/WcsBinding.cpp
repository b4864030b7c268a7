#include "services/WcsBinding.h"

#include "services/CallService.h"
#include "services/MediaEngine.h"
#include "services/SessionMonitor.h"
#include "services/StreamMonitor.h"
#include "services/WcsCallMedia.h"
#include "services/WcsMediaSupport.h"
#include "services/WcsStreamMedia.h"
#include "wcs/Session.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace services {

template <typename Event> void WcsBinding::journal(const Event& event) {
    // Only with a sink: an unjournaled event costs nothing here.
    if (m_journal) {
        m_journal(JournalEntry::fromEvent(m_clock->nowMs(), m_accountId, event));
    }
}

WcsBinding::WcsBinding(QString accountId, wcs::Session& session, CallService& calls,
                       StreamMonitor& streams, SessionMonitor& sessions,
                       std::shared_ptr<const core::Clock> clock, QObject* parent)
    : QObject(parent)
    , m_accountId(std::move(accountId))
    , m_session(session)
    , m_calls(calls)
    , m_streams(streams)
    , m_clock(std::move(clock)) {
    const bool registers = session.options().connection.hasSip() &&
                           session.options().connection.sipRegisterRequired.value_or(true);
    sessions.addAccount(m_accountId, registers);
    calls.setBackend(m_accountId, this);
    wcs::Session* s = &session;
    connect(s, &wcs::Session::connectionStatusChanged, this,
            [this, &sessions](const core::ConnectionStatusEvent& e) {
                sessions.apply(m_accountId, e);
                journal(e);
            });
    connect(s, &wcs::Session::registrationStatusChanged, this,
            [this, &sessions](const core::RegistrationStatusEvent& e) {
                sessions.apply(m_accountId, e);
                journal(e);
            });
    connect(s, &wcs::Session::sessionDebugStatusChanged, this,
            [this, &sessions](const core::SessionDebugStatusEvent& e) {
                sessions.apply(m_accountId, e);
                journal(e);
            });
    connect(s, &wcs::Session::reconnectScheduled, this, [this, &sessions](int attempt, int delay) {
        sessions.reconnectScheduled(m_accountId, attempt, delay);
    });
    connect(s, &wcs::Session::callStatusChanged, this, [this](const core::CallStatusEvent& e) {
        m_calls.apply(m_accountId, e);
        journal(e);
    });
    connect(s, &wcs::Session::transferStatusChanged, this,
            [this](const core::TransferStatusEvent& e) {
                m_calls.apply(m_accountId, e);
                journal(e);
            });
    connect(s, &wcs::Session::streamStatusChanged, this,
            [this, &streams](const core::StreamStatusEvent& e) {
                streams.apply(e, SourceOwnSession, m_accountId);
                journal(e);
                Q_EMIT streamStatusApplied(e);
            });
    connect(s, &wcs::Session::streamEventReceived, this,
            [this, &streams](const wcs::StreamEvent& e) {
                // `resize` carries the publisher's size (spec §6.1): a field update only.
                if (e.type != core::StreamEventType::Resize) {
                    return;
                }
                const QJsonObject p = QJsonDocument::fromJson(e.payload).object();
                core::StreamStatusEvent resize;
                resize.mediaSessionId = e.mediaSessionId;
                resize.status = core::StreamStatus::Resize;
                if (p.contains(QLatin1StringView("streamerVideoWidth"))) {
                    resize.width = p.value(QLatin1StringView("streamerVideoWidth")).toInt();
                    resize.height = p.value(QLatin1StringView("streamerVideoHeight")).toInt();
                }
                if (streams.rowOf(e.mediaSessionId) >= 0) {
                    streams.apply(resize, SourceOwnSession, m_accountId);
                }
            });
    connect(s, &wcs::Session::dataStatusReceived, this,
            [this](const core::DataStatusEvent& e) { journal(e); });
    connect(s, &wcs::Session::dataReceived, this,
            [this](const core::OnDataEvent& e) { journal(e); });
    connect(s, &wcs::Session::errorReceived, this,
            [this](const core::ErrorEvent& e) { journal(e); });
    // A frame the codec could not use, or a message this build does not know: the session goes
    // on, and the user sees why in the Events pane and the journal (not only in the log).
    connect(s, &wcs::Session::protocolWarning, this, [this](const QString& reason) {
        core::ErrorEvent e;
        e.info = QStringLiteral("server frame ignored: %1").arg(reason);
        journal(e);
    });
}

WcsBinding::~WcsBinding() {
    m_calls.setBackend(m_accountId, nullptr);
}

WcsCallMedia* WcsBinding::callMedia() {
    if (!m_callMedia && m_media && m_media->isAvailable()) {
        m_callMedia = new WcsCallMedia(m_accountId, m_session, *m_media, this);
        connect(m_callMedia, &WcsCallMedia::localCallEvent, this,
                [this](const core::CallStatusEvent& e) {
                    m_calls.apply(m_accountId, e);
                    journal(e);
                });
        connect(m_callMedia, &WcsCallMedia::mediaProblem, this, &WcsBinding::applyInfo);
    }
    return m_callMedia;
}

WcsStreamMedia* WcsBinding::streamMedia() {
    if (!m_streamMedia && m_media && m_media->isAvailable()) {
        m_streamMedia = new WcsStreamMedia(m_accountId, m_session, *m_media, this);
        connect(m_streamMedia, &WcsStreamMedia::localStreamEvent, this,
                [this](const core::StreamStatusEvent& e) {
                    m_streams.apply(e, SourceOwnSession, m_accountId);
                    journal(e);
                    Q_EMIT streamStatusApplied(e);
                });
        connect(m_streamMedia, &WcsStreamMedia::mediaProblem, this,
                [this](const QString& id, const QString& info) {
                    applyStreamInfo(id, info);
                    Q_EMIT streamMediaProblem(id, info);
                });
    }
    return m_streamMedia;
}

void WcsBinding::applyStreamInfo(const QString& mediaSessionId, const QString& info) {
    const int row = m_streams.rowOf(mediaSessionId);
    if (row < 0) {
        return;
    }
    core::StreamStatusEvent e;
    e.mediaSessionId = mediaSessionId;
    e.status = m_streams.at(row).status;
    e.info = info;
    m_streams.apply(e, SourceOwnSession, m_accountId);
}

bool WcsBinding::streamsHaveMedia() const {
    return m_media && m_media->isAvailable();
}

QString WcsBinding::publishStream(wcs::StreamRequest request) {
    if (WcsStreamMedia* media = streamMedia()) {
        return media->publish(std::move(request));
    }
    return m_session.publishStream(std::move(request));
}

QString WcsBinding::playStream(wcs::StreamRequest request) {
    if (WcsStreamMedia* media = streamMedia()) {
        return media->play(std::move(request));
    }
    return m_session.playStream(std::move(request));
}

bool WcsBinding::stopStream(const QString& mediaSessionId, bool published) {
    if (m_streamMedia && m_streamMedia->cancel(mediaSessionId)) {
        return true; // the command was not sent yet: nothing to tell the server
    }
    return published ? m_session.unPublishStream(mediaSessionId)
                     : m_session.stopStream(mediaSessionId);
}

QString WcsBinding::noAudioInfo() const {
    if (!m_media || m_media->isAvailable()) {
        return {};
    }
    return wcsmedia::noAudio(m_media->unavailableReason());
}

void WcsBinding::applyInfo(const QString& callId, const QString& info) {
    const CallRecord* r = m_calls.find(m_accountId, callId);
    if (!r || r->hasEnded()) {
        return;
    }
    core::CallStatusEvent e;
    e.callId = callId;
    e.status = r->status;
    e.info = info;
    m_calls.apply(m_accountId, e);
}

QString WcsBinding::dial(const QString& callee, bool video) {
    wcs::CallRequest r;
    r.callee = callee;
    r.hasVideo = video;
    if (WcsCallMedia* media = callMedia()) {
        return media->dial(r);
    }
    const QString callId = m_session.call(r);
    if (const QString info = noAudioInfo(); !callId.isEmpty() && !info.isEmpty()) {
        core::CallStatusEvent e;
        e.callId = callId;
        e.status = core::CallStatus::Pending;
        e.incoming = false;
        e.callee = callee;
        e.info = info;
        m_calls.apply(m_accountId, e);
    }
    return callId;
}

bool WcsBinding::answer(const QString& callId) {
    if (WcsCallMedia* media = callMedia()) {
        return media->answer(callId);
    }
    const bool sent = m_session.answer(callId);
    if (const QString info = noAudioInfo(); sent && !info.isEmpty()) {
        applyInfo(callId, info);
    }
    return sent;
}

bool WcsBinding::hangUp(const QString& callId) {
    if (m_callMedia && m_callMedia->cancel(callId)) {
        return true; // `call` was not sent yet: nothing to tell the server
    }
    return m_session.hangUp(callId);
}

bool WcsBinding::hold(const QString& callId, bool forTransfer) {
    if (!m_session.hold(callId, forTransfer)) {
        return false;
    }
    if (m_callMedia) {
        m_callMedia->holdRequested(callId); // the other party stops hearing us at once
    }
    return true;
}

bool WcsBinding::unhold(const QString& callId) {
    return m_session.unhold(callId);
}

bool WcsBinding::transfer(const QString& callId, const QString& target) {
    return m_session.transfer(callId, target);
}

bool WcsBinding::sendDtmf(const QString& callId, const QString& digits, core::DtmfType type) {
    return m_session.sendDtmf(callId, digits, type);
}

} // namespace services
