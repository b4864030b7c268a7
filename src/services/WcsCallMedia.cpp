#include "services/WcsCallMedia.h"

#include "core/Lifecycle.h"
#include "media/WebRtcEndpoint.h"
#include "services/LogControlCategories.h"
#include "services/MediaEngine.h"
#include "services/WcsMediaSupport.h"
#include "wcs/Session.h"

#include <QUuid>

namespace services {

namespace {

using media::PeerConnectionState;
using media::SdpType;
using media::WebRtcEndpoint;

using wcsmedia::noAudio;
using wcsmedia::sessionReady;

} // namespace

WcsCallMedia::WcsCallMedia(QString accountId, wcs::Session& session, MediaEngine& engine,
                           QObject* parent)
    : QObject(parent)
    , m_accountId(std::move(accountId))
    , m_session(session)
    , m_engine(engine) {
    wcs::Session* s = &session;
    connect(s, &wcs::Session::remoteSdpReceived, this, &WcsCallMedia::onRemoteSdp);
    connect(s, &wcs::Session::callStatusChanged, this, &WcsCallMedia::onCallStatus);
}

WcsCallMedia::~WcsCallMedia() {
    const QStringList ids = m_calls.keys();
    for (const QString& id : ids) {
        remove(id);
    }
}

WebRtcEndpoint* WcsCallMedia::createEndpoint(const QString& callId) {
    WebRtcEndpoint* endpoint =
        m_engine.createEndpoint(m_accountId, callId, media::MediaDirection::SendRecv, this);
    connect(endpoint, &WebRtcEndpoint::localDescriptionReady, this,
            [this, callId](const QString& sdp, SdpType) { onLocalDescription(callId, sdp); });
    connect(endpoint, &WebRtcEndpoint::failed, this,
            [this, callId](const QString& reason) { onEndpointFailed(callId, reason); });
    connect(endpoint, &WebRtcEndpoint::connectionStateChanged, this,
            [this, callId](PeerConnectionState state) {
                if (state == PeerConnectionState::Failed && m_calls.contains(callId)) {
                    qCWarning(lcServices) << "media of call" << callId << "failed: ICE/DTLS";
                    Q_EMIT mediaProblem(callId, noAudio(QStringLiteral("ICE/DTLS connection "
                                                                       "failed")));
                }
            });
    return endpoint;
}

core::CallStatusEvent WcsCallMedia::localEvent(const QString& callId, core::CallStatus status,
                                               const QString& info) const {
    core::CallStatusEvent e;
    e.callId = callId;
    e.status = status;
    e.info = info;
    e.incoming = false;
    e.hasAudio = true;
    e.hasVideo = false;
    if (const auto it = m_calls.constFind(callId); it != m_calls.cend()) {
        e.callee = it->request.callee;
        e.caller = it->request.caller;
    }
    return e;
}

QString WcsCallMedia::dial(wcs::CallRequest request) {
    if (!sessionReady(m_session)) {
        return m_session.call(std::move(request)); // refused, with commandRefused()
    }
    if (request.callId.isEmpty()) {
        request.callId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    request.sdp.clear();
    request.hasAudio = true;
    request.hasVideo = false; // the endpoint offers audio only
    const QString callId = request.callId;
    Call call;
    call.stage = Stage::Offering;
    call.request = std::move(request);
    m_calls.insert(callId, call);
    WebRtcEndpoint* endpoint = createEndpoint(callId);
    m_calls[callId].endpoint = endpoint;
    Q_EMIT localCallEvent(localEvent(callId, core::CallStatus::Pending, {}));
    qCInfo(lcServices) << "call" << callId << "to" << call.request.callee
                       << "waits for its offer (ICE gathering)";
    if (!endpoint->createOffer()) {
        fallBack(callId, QStringLiteral("the offer could not be created"));
    }
    return callId;
}

bool WcsCallMedia::answer(const QString& callId) {
    const QString offer = m_session.remoteOffer(callId);
    if (offer.isEmpty() || !sessionReady(m_session)) {
        return m_session.answer(callId); // refused, with commandRefused() (spec §7.2)
    }
    if (m_calls.contains(callId)) {
        return true; // already answering
    }
    Call call;
    call.stage = Stage::Answering;
    call.request.callId = callId;
    m_calls.insert(callId, call);
    WebRtcEndpoint* endpoint = createEndpoint(callId);
    m_calls[callId].endpoint = endpoint;
    const bool started =
        endpoint->setRemoteDescription(offer, SdpType::Offer) && endpoint->createAnswer();
    if (!started) {
        fallBack(callId, QStringLiteral("the server's offer could not be applied"));
    }
    return true;
}

bool WcsCallMedia::cancel(const QString& callId) {
    const auto it = m_calls.constFind(callId);
    if (it == m_calls.cend() || it->stage != Stage::Offering) {
        return false;
    }
    const core::CallStatusEvent finished = localEvent(
        callId, core::CallStatus::Finish, QStringLiteral("Hung up before the call was sent"));
    remove(callId);
    Q_EMIT localCallEvent(finished);
    return true;
}

void WcsCallMedia::holdRequested(const QString& callId) {
    const auto it = m_calls.find(callId);
    if (it == m_calls.end() || it->heldMuted) {
        return;
    }
    it->heldMuted = true;
    it->mutedBeforeHold = m_engine.isMuted(m_accountId, callId);
    m_engine.setMuted(m_accountId, callId, true);
}

void WcsCallMedia::restoreAfterHold(const QString& callId) {
    const auto it = m_calls.find(callId);
    if (it == m_calls.end() || !it->heldMuted) {
        return;
    }
    it->heldMuted = false;
    m_engine.setMuted(m_accountId, callId, it->mutedBeforeHold);
}

void WcsCallMedia::onLocalDescription(const QString& callId, const QString& sdp) {
    const auto it = m_calls.find(callId);
    if (it == m_calls.end()) {
        return;
    }
    switch (it->stage) {
    case Stage::Offering: {
        wcs::CallRequest request = it->request;
        request.sdp = sdp;
        it->stage = Stage::AwaitingAnswer;
        sendCall(callId, std::move(request));
        return;
    }
    case Stage::Answering: {
        it->stage = Stage::Live;
        wcs::CallRequest request;
        request.sdp = sdp;
        if (!m_session.answer(callId, request)) {
            qCWarning(lcServices) << "answer of call" << callId << "refused by the session";
        }
        return;
    }
    case Stage::AwaitingAnswer:
    case Stage::Live:
        // WCS has no way to carry a client re-offer for a call (spec §5.3).
        qCInfo(lcServices) << "local re-offer of call" << callId << "not sent (WCS has none)";
        return;
    }
}

void WcsCallMedia::sendCall(const QString& callId, wcs::CallRequest request) {
    if (m_session.call(std::move(request)).isEmpty()) {
        remove(callId);
        Q_EMIT localCallEvent(localEvent(callId, core::CallStatus::Failed,
                                         QStringLiteral("the call could not be sent: the session "
                                                        "is not connected")));
    }
}

void WcsCallMedia::onRemoteSdp(const QString& callId, const QString& sdp) {
    const auto it = m_calls.find(callId);
    if (it == m_calls.end()) {
        return;
    }
    if (it->stage != Stage::AwaitingAnswer) {
        // A second setRemoteSDP renegotiates a transferred call's media (spec §7.5): not used.
        qCInfo(lcServices) << "setRemoteSDP for call" << callId << "ignored in this stage";
        return;
    }
    it->stage = Stage::Live;
    if (WebRtcEndpoint* endpoint = it->endpoint.data()) {
        endpoint->setRemoteDescription(sdp, SdpType::Answer); // failures come through failed()
    }
}

void WcsCallMedia::onCallStatus(const core::CallStatusEvent& event) {
    if (!m_calls.contains(event.callId)) {
        return;
    }
    const core::CallStatus status = event.status.value;
    if (core::Lifecycle<core::CallStatus>::isTerminal(status)) {
        remove(event.callId);
    } else if (status == core::CallStatus::Hold) {
        holdRequested(event.callId);
    } else if (status == core::CallStatus::Established) {
        restoreAfterHold(event.callId);
    }
}

void WcsCallMedia::onEndpointFailed(const QString& callId, const QString& reason) {
    const auto it = m_calls.constFind(callId);
    if (it == m_calls.cend()) {
        return;
    }
    if (it->stage == Stage::Offering || it->stage == Stage::Answering) {
        fallBack(callId, reason);
    } else {
        Q_EMIT mediaProblem(callId, noAudio(reason));
    }
}

void WcsCallMedia::fallBack(const QString& callId, const QString& reason) {
    const auto it = m_calls.constFind(callId);
    if (it == m_calls.cend() || (it->stage != Stage::Offering && it->stage != Stage::Answering)) {
        return;
    }
    const bool outgoing = it->stage == Stage::Offering;
    wcs::CallRequest request = it->request;
    request.sdp.clear(); // wcs::Session fills wcs::PlaceholderSdp
    qCWarning(lcServices) << "call" << callId << "goes on without audio:" << reason;
    remove(callId);
    Q_EMIT mediaProblem(callId, noAudio(reason));
    if (outgoing) {
        sendCall(callId, std::move(request));
    } else {
        m_session.answer(callId);
    }
}

void WcsCallMedia::remove(const QString& callId) {
    const Call call = m_calls.take(callId);
    WebRtcEndpoint* endpoint = call.endpoint.data();
    if (!endpoint) {
        return;
    }
    endpoint->disconnect(this);
    endpoint->stop();
    // May run inside one of the endpoint's own signals: delete it from the event loop.
    endpoint->deleteLater();
}

} // namespace services
