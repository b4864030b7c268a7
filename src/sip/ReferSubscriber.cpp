#include "sip/ReferSubscriber.h"

#include "sip/Dialog.h"
#include "sip/Logging.h"
#include "sip/SipMessage.h"
#include "sip/UserAgent.h"

#include <QPointer>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace sip {

ReferSubscriber::ReferSubscriber(UserAgent& ua, QObject* parent)
    : QObject(parent)
    , m_ua(ua) {}

void ReferSubscriber::refer(Dialog& dialog, const QString& targetUri, const QString& referredBy) {
    m_target = targetUri;
    OutgoingRequest r = dialog.request(u"REFER"_s);
    r.headers.append({"Refer-To", '<' + targetUri.toUtf8() + '>'});
    r.headers.append({"Referred-By", '<' + referredBy.toUtf8() + '>'});
    r.headers.append({"Contact", '<' + m_ua.contactUri().toUtf8() + '>'});
    qCInfo(lcUa) << "REFER" << dialog.callId << "to" << targetUri;
    QPointer<ReferSubscriber> weak(this);
    m_ua.sendRequest(r, [guard = weak](const RequestResult& result) {
        ReferSubscriber* self = guard.data();
        if (!self || self->m_finished) {
            return;
        }
        const int code = result.response ? result.response->statusCode() : 0;
        if (result.succeeded()) {
            Q_EMIT self->referEvent(u"requestSucceeded"_s, code, result.response->reasonPhrase());
        } else {
            self->finish(u"requestFailed"_s, code,
                         result.response ? result.response->reasonPhrase() : result.cause);
        }
    });
}

int ReferSubscriber::receiveNotify(const SipMessage& notify) {
    static const QRegularExpression statusLine(u"^SIP/2\\.0\\s+(\\d{3})\\s*([^\\r\\n]*)"_s);
    const auto m = statusLine.match(QString::fromUtf8(notify.body()).trimmed());
    const bool terminated =
        notify.header("subscription-state").startsWith(u"terminated"_s, Qt::CaseInsensitive);
    if (!m.hasMatch()) {
        qCInfo(lcUa) << "NOTIFY (refer) without a sipfrag status line";
        if (terminated && !m_finished) {
            finish(u"failed"_s, 0, u"subscription terminated without a final status"_s);
        }
        return 400;
    }
    if (m_finished) {
        return 200;
    }
    const int code = m.captured(1).toInt();
    const QString reason = m.captured(2).trimmed();
    qCInfo(lcUa) << "REFER progress" << code << reason;
    if (code < 200) {
        Q_EMIT referEvent(code == 100 ? u"trying"_s : u"progress"_s, code, reason);
        if (terminated) {
            finish(u"failed"_s, 0, u"subscription terminated without a final status"_s);
        }
    } else if (code < 300) {
        finish(u"accepted"_s, code, reason);
    } else {
        finish(u"failed"_s, code, reason);
    }
    return 200;
}

void ReferSubscriber::finish(const QString& event, int code, const QString& reason) {
    m_finished = true;
    Q_EMIT referEvent(event, code, reason);
}

} // namespace sip
