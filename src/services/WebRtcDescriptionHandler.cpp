#include "services/WebRtcDescriptionHandler.h"

#include "media/AudioCodec.h"
#include "media/SdpEditor.h"
#include "media/SdpInspector.h"
#include "media/WebRtcEndpoint.h"
#include "services/LogControlCategories.h"
#include "services/MediaEngine.h"

#include <QRegularExpression>

#include <optional>

namespace services {

namespace {

/// The `a=mid` of the audio section (or session level) of `sdp`, nullopt without one.
std::optional<QString> midOf(const QString& sdp) {
    return media::SdpInspector(sdp).attribute(u"mid"_qs);
}

} // namespace

WebRtcDescriptionHandler::WebRtcDescriptionHandler(MediaEngine& engine, const QString& accountId,
                                                   const QString& callId, QObject* parent)
    : sip::SessionDescriptionHandler(parent)
    , m_endpoint(engine.createEndpoint(accountId, callId, media::MediaDirection::SendRecv, this)) {
    media::WebRtcEndpoint* e = m_endpoint.data();
    connect(e, &media::WebRtcEndpoint::localDescriptionReady, this,
            [this](const QString& sdp, media::SdpType type) {
                if (type == media::SdpType::Offer) {
                    m_haveLocalOffer = true;
                    m_lastLocalOffer = sdp;
                    onLocalDescription(sdp);
                } else {
                    m_lastLocalAnswer = sdp;
                    onLocalDescription(m_remoteOfferHadNoMid ? media::SdpEditor::withoutMids(sdp)
                                                             : sdp);
                }
            });
    connect(e, &media::WebRtcEndpoint::negotiationCompleted, this, [this] {
        if (std::exchange(m_applyingAnswer, false) && !m_closed)
            Q_EMIT answerApplied();
    });
    connect(e, &media::WebRtcEndpoint::failed, this, [this](const QString& reason) {
        m_waiting = false;
        m_applyingAnswer = false;
        if (!m_closed)
            Q_EMIT failed(reason);
    });
}

WebRtcDescriptionHandler::~WebRtcDescriptionHandler() {
    close();
}

QString WebRtcDescriptionHandler::unusableOfferReason(const QByteArray& offer) {
    const QString sdp = QString::fromUtf8(offer);
    static const QRegularExpression audioLine(QStringLiteral("^m=audio (\\d+) (\\S+)"),
                                              QRegularExpression::MultilineOption);
    const auto m = audioLine.match(sdp);
    if (!m.hasMatch() || m.captured(1) == u"0")
        return tr("the offer has no audio stream");
    const media::SdpInspector inspector(sdp);
    const QString profile = m.captured(2);
    if (!profile.startsWith(u"UDP/TLS/RTP/SAVP") || !inspector.attribute(u"fingerprint"_qs) ||
        !inspector.attribute(u"ice-ufrag"_qs)) {
        return tr("the offer is %1 without ICE and DTLS-SRTP; Callboard's media engine "
                  "speaks WebRTC (RFC 8827) only")
            .arg(profile);
    }
    const QList<media::AudioCodec> ours = media::AudioCodec::available();
    for (const media::SdpInspector::RtpMap& map : inspector.audioRtpMaps()) {
        for (const media::AudioCodec& c : ours) {
            if (c.isVoice() && c.clockRate == map.clockRate &&
                c.encodingName.compare(map.encodingName, Qt::CaseInsensitive) == 0)
                return {};
        }
    }
    return tr("no common audio codec (Callboard offers Opus, G.722, PCMU and PCMA)");
}

QString WebRtcDescriptionHandler::checkOffer(const QByteArray& offer) const {
    return unusableOfferReason(offer);
}

void WebRtcDescriptionHandler::onLocalDescription(const QString& sdp) {
    if (!m_waiting || m_closed) {
        qCDebug(lcServices) << "local description nobody asked for ignored";
        return;
    }
    m_waiting = false;
    // Non-trickle SIP peers take m=/c= as the default destination (RFC 8839 §4.2.1.2).
    Q_EMIT descriptionReady(media::SdpEditor::withDefaultCandidateAddress(sdp).toUtf8());
}

void WebRtcDescriptionHandler::createOffer(bool hold) {
    media::WebRtcEndpoint* e = m_endpoint.data();
    if (!e || m_closed) {
        Q_EMIT failed(tr("the call's media endpoint is gone"));
        return;
    }
    m_waiting = true;
    const media::MediaDirection wanted =
        hold ? media::MediaDirection::Inactive : media::MediaDirection::SendRecv;
    if (e->negotiatedDirection() && e->direction() != wanted) {
        e->setDirection(wanted); // starts the re-offer itself
        return;
    }
    e->setDirection(wanted);
    if (!e->createOffer())
        m_waiting = false; // failed() was emitted by the endpoint
}

void WebRtcDescriptionHandler::createAnswer(const QByteArray& offer, bool hold) {
    Q_UNUSED(hold) // the endpoint keeps our direction from the last offer (hold or not)
    media::WebRtcEndpoint* e = m_endpoint.data();
    if (!e || m_closed) {
        Q_EMIT failed(tr("the call's media endpoint is gone"));
        return;
    }
    m_waiting = true;
    const QString text = QString::fromUtf8(offer);
    m_remoteOfferHadNoMid = !midOf(text).has_value();
    const QString sdp =
        media::SdpEditor::withMid(media::SdpEditor::withMediaLevelTransport(text), u"0"_qs);
    if (!e->setRemoteDescription(sdp, media::SdpType::Offer) || !e->createAnswer()) {
        m_waiting = false;
        return;
    }
    m_lastRemote = sdp;
    m_lastRemoteWasOffer = true;
}

void WebRtcDescriptionHandler::applyAnswer(const QByteArray& answer) {
    media::WebRtcEndpoint* e = m_endpoint.data();
    if (!e || m_closed || !m_haveLocalOffer)
        return;
    // An answer without mids takes the mid of our offer's audio section.
    const QString sdp = media::SdpEditor::withMid(
        media::SdpEditor::withMediaLevelTransport(QString::fromUtf8(answer)),
        midOf(m_lastLocalOffer).value_or(u"0"_qs));
    m_haveLocalOffer = false;
    m_applyingAnswer = true;
    if (e->setRemoteDescription(sdp, media::SdpType::Answer)) {
        m_lastRemote = sdp;
        m_lastRemoteWasOffer = false;
    }
}

void WebRtcDescriptionHandler::rollback() {
    media::WebRtcEndpoint* e = m_endpoint.data();
    if (!e || m_closed || !m_haveLocalOffer || m_lastRemote.isEmpty())
        return;
    QString answer = m_lastRemote;
    if (m_lastRemoteWasOffer) {
        // The peer's offer said actpass; as an answer it must keep the role it took when we
        // answered it (RFC 5763 §5): the opposite of our answer's a=setup.
        const bool weWereActive = m_lastLocalAnswer.contains(u"a=setup:active"_qs);
        answer.replace(u"a=setup:actpass"_qs,
                       weWereActive ? u"a=setup:passive"_qs : u"a=setup:active"_qs);
    }
    qCInfo(lcServices) << "re-offer refused: re-applying the peer's last description";
    m_haveLocalOffer = false;
    e->setRemoteDescription(answer, media::SdpType::Answer);
}

void WebRtcDescriptionHandler::close() {
    if (m_closed)
        return;
    m_closed = true;
    if (media::WebRtcEndpoint* e = m_endpoint.data()) {
        e->stop();
        e->deleteLater();
    }
}

} // namespace services
