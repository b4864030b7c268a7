#pragma once

#include "sip/SessionDescriptionHandler.h"

namespace sip {

/// SessionDescriptionHandler without media (PlaceholderSdp): offers and answers an audio
/// stream on the discard port with `a=inactive` (hold: `inactive` as well), so a call can be set
/// up, held and transferred while no sound flows. Used when no media engine is installed or
/// available. Descriptions are emitted synchronously, from inside the request.
class PlaceholderDescriptionHandler : public SessionDescriptionHandler {
    Q_OBJECT

public:
    /// `noAudioReason`: what noAudioReason() returns (why there is no media engine).
    explicit PlaceholderDescriptionHandler(QString noAudioReason, QObject* parent = nullptr);

    QString checkOffer(const QByteArray& offer) const override;
    void createOffer(bool hold) override;
    void createAnswer(const QByteArray& offer, bool hold) override;
    void applyAnswer(const QByteArray& answer) override;
    void rollback() override {}
    void close() override { m_closed = true; }
    QString noAudioReason() const override { return m_noAudioReason; }

private:
    QString direction(bool hold) const;

    QString m_noAudioReason;
    quint64 m_sessionId;
    quint64 m_version = 0;
    bool m_closed = false;
};

} // namespace sip
