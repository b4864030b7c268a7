// Two media::WebRtcEndpoint in one process wired back to back (SDP handed over in-process,
// real webrtcbin ICE + DTLS-SRTP over host candidates), for the WebRtcEndpoint integration tests.
#pragma once

#include "media/SdpType.h"
#include "media/WebRtcEndpoint.h"

#include <QObject>
#include <QStringList>
#include <QTest>

#include <memory>

namespace webrtctest {

using media::SdpType;
using media::WebRtcEndpoint;

inline constexpr double kAudible =
    -50.0;                              ///< dBov: clearly more than silence (the sine is about -5)
inline constexpr double kQuiet = -90.0; ///< dBov: silence (kSilenceDb) or codec noise floor

inline media::AudioEndpointConfig syntheticConfig(int frequencyHz) {
    media::AudioEndpointConfig config;
    config.sourceDescription =
        QStringLiteral("audiotestsrc is-live=true wave=sine volume=0.5 freq=%1").arg(frequencyHz);
    config.sinkDescription = QStringLiteral("fakesink sync=false");
    return config;
}

/// One endpoint plus what it reported last.
struct Side {
    std::unique_ptr<WebRtcEndpoint> endpoint;
    double outputDb = WebRtcEndpoint::kSilenceDb;
    double inputDb = WebRtcEndpoint::kSilenceDb;
    QStringList failures;
    QString lastOffer;
    QString lastAnswer;
    int completed = 0;
    QString dtmf; ///< tones received (dtmfReceived), in order
};

/// A and B wired back to back: whatever one publishes, the other applies (and answers).
class Call {
public:
    explicit Call(media::AudioEndpointConfig a = syntheticConfig(440),
                  media::AudioEndpointConfig b = syntheticConfig(880)) {
        m_a.endpoint = std::make_unique<WebRtcEndpoint>(std::move(a));
        m_b.endpoint = std::make_unique<WebRtcEndpoint>(std::move(b));
        wire(m_a, m_b);
        wire(m_b, m_a);
    }

    Side& a() { return m_a; }
    Side& b() { return m_b; }

    /// A offers; true once both sides hear each other (outputLevel above kAudible).
    bool establish(int timeoutMs = 10000) {
        if (!m_a.endpoint->createOffer())
            return false;
        return QTest::qWaitFor(
            [this] { return m_a.outputDb > kAudible && m_b.outputDb > kAudible; }, timeoutMs);
    }

private:
    static void wire(Side& from, Side& to) {
        WebRtcEndpoint* source = from.endpoint.get();
        QObject::connect(source, &WebRtcEndpoint::localDescriptionReady, source,
                         [&from, &to](const QString& sdp, SdpType type) {
                             if (type == SdpType::Offer) {
                                 from.lastOffer = sdp;
                                 to.endpoint->setRemoteDescription(sdp, SdpType::Offer);
                                 to.endpoint->createAnswer();
                             } else {
                                 from.lastAnswer = sdp;
                                 to.endpoint->setRemoteDescription(sdp, SdpType::Answer);
                             }
                         });
        QObject::connect(source, &WebRtcEndpoint::outputLevel, source,
                         [&from](double db) { from.outputDb = db; });
        QObject::connect(source, &WebRtcEndpoint::inputLevel, source,
                         [&from](double db) { from.inputDb = db; });
        QObject::connect(source, &WebRtcEndpoint::failed, source,
                         [&from](const QString& reason) { from.failures << reason; });
        QObject::connect(source, &WebRtcEndpoint::negotiationCompleted, source,
                         [&from] { ++from.completed; });
        QObject::connect(source, &WebRtcEndpoint::dtmfReceived, source,
                         [&from](QChar tone) { from.dtmf += tone; });
    }

    Side m_a;
    Side m_b;
};

} // namespace webrtctest
