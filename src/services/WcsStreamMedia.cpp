#include "services/WcsStreamMedia.h"

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

WcsStreamMedia::WcsStreamMedia(QString accountId, wcs::Session& session, MediaEngine& engine,
                               QObject* parent)
    : QObject(parent)
    , m_accountId(std::move(accountId))
    , m_session(session)
    , m_engine(engine) {
    wcs::Session* s = &session;
    connect(s, &wcs::Session::remoteSdpReceived, this, &WcsStreamMedia::onRemoteSdp);
    connect(s, &wcs::Session::streamStatusChanged, this, &WcsStreamMedia::onStreamStatus);
}

WcsStreamMedia::~WcsStreamMedia() {
    const QStringList ids = m_streams.keys();
    for (const QString& id : ids) {
        remove(id);
    }
}

core::StreamStatusEvent WcsStreamMedia::localEvent(const wcs::StreamRequest& request,
                                                   core::StreamStatus status,
                                                   const QString& info) const {
    core::StreamStatusEvent e;
    e.mediaSessionId = request.mediaSessionId;
    e.name = request.name;
    e.status = status;
    e.info = info;
    e.published = request.published;
    e.hasAudio = request.hasAudio;
    e.hasVideo = request.hasVideo;
    e.record = request.record;
    e.mediaProvider = request.mediaProvider;
    return e;
}

QString WcsStreamMedia::publish(wcs::StreamRequest request) {
    request.published = true;
    return start(std::move(request));
}

QString WcsStreamMedia::play(wcs::StreamRequest request) {
    request.published = false;
    request.record = false;
    return start(std::move(request));
}

QString WcsStreamMedia::start(wcs::StreamRequest request) {
    if (!sessionReady(m_session)) {
        // Refused, with commandRefused().
        return request.published ? m_session.publishStream(std::move(request))
                                 : m_session.playStream(std::move(request));
    }
    if (request.mediaSessionId.isEmpty()) {
        request.mediaSessionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    request.sdp.clear();
    request.hasAudio = true;
    request.hasVideo = false; // the endpoint offers audio only
    request.status = QStringLiteral("PENDING");
    const QString id = request.mediaSessionId;
    Stream stream;
    stream.request = request;
    m_streams.insert(id, stream);
    const auto direction =
        request.published ? media::MediaDirection::SendOnly : media::MediaDirection::RecvOnly;
    WebRtcEndpoint* endpoint = m_engine.createEndpoint(m_accountId, id, direction, this);
    m_streams[id].endpoint = endpoint;
    connect(endpoint, &WebRtcEndpoint::localDescriptionReady, this,
            [this, id](const QString& sdp, SdpType) { onLocalDescription(id, sdp); });
    connect(endpoint, &WebRtcEndpoint::failed, this,
            [this, id](const QString& reason) { onEndpointFailed(id, reason); });
    connect(endpoint, &WebRtcEndpoint::connectionStateChanged, this,
            [this, id](PeerConnectionState state) {
                if (state == PeerConnectionState::Failed && m_streams.contains(id)) {
                    qCWarning(lcServices) << "media of stream" << id << "failed: ICE/DTLS";
                    Q_EMIT mediaProblem(id, noAudio(QStringLiteral("ICE/DTLS connection failed")));
                }
            });
    Q_EMIT localStreamEvent(localEvent(request, core::StreamStatus::Pending, {}));
    qCInfo(lcServices) << (request.published ? "publish" : "play") << request.name << id
                       << "waits for its offer (ICE gathering)";
    if (!endpoint->createOffer()) {
        fallBack(id, QStringLiteral("the offer could not be created"));
    }
    return id;
}

bool WcsStreamMedia::cancel(const QString& mediaSessionId) {
    const auto it = m_streams.constFind(mediaSessionId);
    if (it == m_streams.cend() || it->stage != Stage::Offering) {
        return false;
    }
    const wcs::StreamRequest request = it->request;
    remove(mediaSessionId);
    Q_EMIT localStreamEvent(localEvent(
        request, request.published ? core::StreamStatus::Unpublished : core::StreamStatus::Stopped,
        QStringLiteral("Stopped by user")));
    return true;
}

void WcsStreamMedia::onLocalDescription(const QString& id, const QString& sdp) {
    const auto it = m_streams.find(id);
    if (it == m_streams.end()) {
        return;
    }
    if (it->stage != Stage::Offering) {
        // WCS has no way to carry a client re-offer for a stream (spec §5.2).
        qCInfo(lcServices) << "local re-offer of stream" << id << "not sent (WCS has none)";
        return;
    }
    wcs::StreamRequest request = it->request;
    request.sdp = sdp;
    it->stage = Stage::AwaitingAnswer;
    send(id, std::move(request));
}

void WcsStreamMedia::send(const QString& id, wcs::StreamRequest request) {
    const wcs::StreamRequest copy = request;
    const QString sent = request.published ? m_session.publishStream(std::move(request))
                                           : m_session.playStream(std::move(request));
    if (sent.isEmpty()) {
        remove(id);
        Q_EMIT localStreamEvent(localEvent(copy, core::StreamStatus::Failed,
                                           QStringLiteral("the stream could not be sent: the "
                                                          "session is not connected")));
    }
}

void WcsStreamMedia::onRemoteSdp(const QString& id, const QString& sdp) {
    const auto it = m_streams.find(id);
    if (it == m_streams.end()) {
        return;
    }
    if (it->stage != Stage::AwaitingAnswer) {
        qCInfo(lcServices) << "setRemoteSDP for stream" << id << "ignored in this stage";
        return;
    }
    it->stage = Stage::Live;
    if (WebRtcEndpoint* endpoint = it->endpoint.data()) {
        endpoint->setRemoteDescription(sdp, SdpType::Answer); // failures come through failed()
    }
}

void WcsStreamMedia::onStreamStatus(const core::StreamStatusEvent& event) {
    if (m_streams.contains(event.mediaSessionId) &&
        core::Lifecycle<core::StreamStatus>::isTerminal(event.status.value)) {
        remove(event.mediaSessionId);
    }
}

void WcsStreamMedia::onEndpointFailed(const QString& id, const QString& reason) {
    const auto it = m_streams.constFind(id);
    if (it == m_streams.cend()) {
        return;
    }
    if (it->stage == Stage::Offering) {
        fallBack(id, reason);
    } else {
        Q_EMIT mediaProblem(id, noAudio(reason));
    }
}

void WcsStreamMedia::fallBack(const QString& id, const QString& reason) {
    const auto it = m_streams.constFind(id);
    if (it == m_streams.cend() || it->stage != Stage::Offering) {
        return;
    }
    wcs::StreamRequest request = it->request;
    request.sdp.clear(); // wcs::Session fills wcs::PlaceholderSdp
    qCWarning(lcServices) << "stream" << id << "goes on without audio:" << reason;
    remove(id);
    Q_EMIT mediaProblem(id, noAudio(reason));
    send(id, std::move(request));
}

void WcsStreamMedia::remove(const QString& id) {
    const Stream stream = m_streams.take(id);
    WebRtcEndpoint* endpoint = stream.endpoint.data();
    if (!endpoint) {
        return;
    }
    endpoint->disconnect(this);
    endpoint->stop();
    // May run inside one of the endpoint's own signals: delete it from the event loop.
    endpoint->deleteLater();
}

} // namespace services
