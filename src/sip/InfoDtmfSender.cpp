#include "sip/InfoDtmfSender.h"

#include "sip/Dialog.h"
#include "sip/Logging.h"
#include "sip/UserAgent.h"

#include <QPointer>

using namespace Qt::Literals::StringLiterals;

namespace sip {

InfoDtmfSender::InfoDtmfSender(UserAgent& ua, std::function<Dialog*()> dialog, QObject* parent)
    : QObject(parent)
    , m_ua(ua)
    , m_dialog(std::move(dialog)) {
    m_gap.setSingleShot(true);
    connect(&m_gap, &QTimer::timeout, this, &InfoDtmfSender::next);
}

bool InfoDtmfSender::send(const QString& tones) {
    static const QString allowed = u"0123456789ABCD*#,"_s;
    const QString upper = tones.toUpper();
    if (upper.isEmpty()) {
        return false;
    }
    for (const QChar c : upper) {
        if (!allowed.contains(c)) {
            return false;
        }
    }
    m_queue += upper;
    if (!m_inFlight && !m_gap.isActive()) {
        next();
    }
    return true;
}

void InfoDtmfSender::clear() {
    m_queue.clear();
    m_gap.stop();
}

void InfoDtmfSender::next() {
    if (m_queue.isEmpty()) {
        return;
    }
    const QChar tone = m_queue.front();
    m_queue.remove(0, 1);
    if (tone == u',') {
        m_gap.start(kCommaPauseMs);
        return;
    }
    Dialog* dialog = m_dialog();
    if (!dialog) {
        clear();
        return;
    }
    OutgoingRequest r = dialog->request(u"INFO"_s);
    r.contentType = u"application/dtmf-relay"_s;
    r.body = "Signal=" + QString(tone).toUtf8() +
             "\r\nDuration=" + QByteArray::number(kDurationMs) + "\r\n";
    m_inFlight = true;
    qCInfo(lcUa) << "INFO DTMF" << tone << "in" << dialog->callId;
    QPointer<InfoDtmfSender> weak(this);
    m_ua.sendRequest(r, [guard = weak, tone](const RequestResult& result) {
        InfoDtmfSender* self = guard.data();
        if (!self) {
            return;
        }
        self->m_inFlight = false;
        const int code = result.response ? result.response->statusCode() : 0;
        Q_EMIT self->toneSent(QString(tone), result.succeeded(), code,
                              result.response ? result.response->reasonPhrase() : result.cause);
        if (!self->m_queue.isEmpty()) {
            self->m_gap.start(kInterToneGapMs);
        }
    });
}

} // namespace sip
