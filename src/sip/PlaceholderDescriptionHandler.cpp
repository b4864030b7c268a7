#include "sip/PlaceholderDescriptionHandler.h"

#include "sip/PlaceholderSdp.h"

#include <QRandomGenerator>

namespace sip {

PlaceholderDescriptionHandler::PlaceholderDescriptionHandler(QString noAudioReason, QObject* parent)
    : SessionDescriptionHandler(parent)
    , m_noAudioReason(std::move(noAudioReason))
    , m_sessionId(QRandomGenerator::global()->generate64() >> 2) {}

QString PlaceholderDescriptionHandler::direction(bool hold) const {
    const QString base = PlaceholderSdp::baseDirection();
    return hold ? PlaceholderSdp::holdDirection(base) : base;
}

QString PlaceholderDescriptionHandler::checkOffer(const QByteArray& offer) const {
    QString why;
    if (!PlaceholderSdp::answer(offer, m_sessionId, m_version + 1, direction(false), &why))
        return why.isEmpty() ? QStringLiteral("the offer cannot be answered") : why;
    return {};
}

void PlaceholderDescriptionHandler::createOffer(bool hold) {
    if (m_closed)
        return;
    Q_EMIT descriptionReady(PlaceholderSdp::offer(m_sessionId, ++m_version, direction(hold)));
}

void PlaceholderDescriptionHandler::createAnswer(const QByteArray& offer, bool hold) {
    if (m_closed)
        return;
    QString why;
    const auto answer =
        PlaceholderSdp::answer(offer, m_sessionId, ++m_version, direction(hold), &why);
    if (answer)
        Q_EMIT descriptionReady(*answer);
    else
        Q_EMIT failed(why);
}

void PlaceholderDescriptionHandler::applyAnswer(const QByteArray& answer) {
    Q_UNUSED(answer) // nothing flows, so any answer will do
    if (!m_closed)
        Q_EMIT answerApplied();
}

} // namespace sip
