#include "sip/Registrator.h"

#include "sip/Logging.h"
#include "sip/RandomToken.h"
#include "sip/SipCause.h"
#include "sip/UserAgent.h"

#include <QRandomGenerator>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace sip {

namespace {
constexpr int kMinExpires = 10; // s, floor of spec §8.4
}

Registrator::Registrator(UserAgent& ua)
    : m_ua(ua)
    , m_callId(RandomToken::make(22))
    , m_expires(std::max(1, ua.settings().registerExpires)) { // asked as given; 423 corrects it
    m_refresh.setSingleShot(true);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        qCInfo(lcUa) << "refreshing registration";
        registerNow();
    });
}

OutgoingRequest Registrator::makeRegister(int expires) {
    const UaSettings& s = m_ua.settings();
    OutgoingRequest r;
    r.method = u"REGISTER"_s;
    r.requestUri = u"sip:"_s + s.config.sipServerIp;
    r.to = u'<' + m_ua.aor() + u'>';
    r.fromTag = RandomToken::make(10);
    r.callId = m_callId;
    r.cseq = ++m_cseq;
    r.timeoutMs = s.transactionTimeoutMs;
    r.supported = u"path,gruu,outbound"_s;
    if (!s.config.remoteAddress.isEmpty()) {
        r.headers.append({"X-Vinteo-Remote", s.config.remoteAddress.toUtf8()});
    }
    for (const QString& h : s.extraHeaders) {
        const qsizetype colon = h.indexOf(u':');
        if (colon > 0) {
            r.headers.append(
                {h.left(colon).trimmed().toUtf8(), h.mid(colon + 1).trimmed().toUtf8()});
        }
    }
    r.headers.append({"Expires", QByteArray::number(expires)});
    r.headers.append({"Contact", '<' + m_ua.contactUri().toUtf8() +
                                     ">;+sip.ice;reg-id=1;+sip.instance=\"<urn:uuid:" +
                                     m_ua.instanceId().toUtf8() +
                                     ">\";expires=" + QByteArray::number(expires)});
    return r;
}

void Registrator::registerNow() {
    if (m_pending) {
        qCInfo(lcUa) << "REGISTER already pending; request dropped";
        return;
    }
    m_refresh.stop();
    m_pending = true;
    const int asked = m_expires;
    m_ua.sendRequest(makeRegister(asked),
                     [this, asked](const RequestResult& r) { onRegisterResult(r, asked); });
}

void Registrator::onRegisterResult(const RequestResult& result, int asked) {
    m_pending = false;
    m_cseq = std::max(m_cseq, result.cseq);
    if (!result.response) {
        fail(result, result.cause);
        return;
    }
    const SipMessage& resp = *result.response;
    const int code = resp.statusCode();
    if (code == 423) {
        const int min = resp.header("min-expires").toInt();
        if (min > 0) {
            m_expires = std::max(kMinExpires, min);
            qCInfo(lcUa) << "423 Interval Too Brief: asking again with" << m_expires << "s";
            registerNow();
            return;
        }
        fail(result, SipCause::sipFailureCode());
        return;
    }
    if (code / 100 != 2) {
        fail(result, SipCause::forStatus(code));
        return;
    }
    const QString instance = u"<urn:uuid:"_s + m_ua.instanceId() + u'>';
    const QString ourUser = m_ua.contactUri().section(u':', 1).section(u'@', 0, 0);
    std::optional<SipContact> binding;
    const QList<SipContact> contacts = resp.contacts();
    for (const SipContact& c : contacts) {
        if (c.params.value(u"+sip.instance"_s) == instance &&
            c.params.value(u"reg-id"_s) == u"1"_s) {
            binding = c;
            break;
        }
    }
    if (!binding) {
        for (const SipContact& c : contacts) {
            if (c.user == ourUser) {
                binding = c;
                break;
            }
        }
    }
    if (!binding) {
        qCWarning(lcUa) << "2xx to REGISTER without our Contact; ignored (spec §8.4)";
        return;
    }
    bool ok = false;
    int granted = binding->params.value(u"expires"_s).toInt(&ok);
    if (!ok) {
        granted = resp.header("expires").toInt(&ok);
    }
    if (!ok) {
        granted = asked;
    }
    granted = std::max(kMinExpires, granted);
    double delay = granted - 5.0;
    if (granted > 64) {
        delay =
            granted / 2.0 + QRandomGenerator::global()->generateDouble() * (granted / 2.0 - 32.0);
    }
    m_refresh.start(static_cast<int>(delay * 1000.0));
    qCInfo(lcUa) << "registered for" << granted << "s; refresh in" << delay << "s";
    if (!m_registered) {
        m_registered = true;
        Q_EMIT registered({{u"response"_s, resp.toJson()}});
    }
}

void Registrator::fail(const RequestResult& result, const QString& cause) {
    m_refresh.stop();
    const QJsonValue response =
        result.response ? QJsonValue(result.response->toJson()) : QJsonValue(QJsonValue::Null);
    const QJsonObject payload{{u"response"_s, response}, {u"cause"_s, cause}};
    qCInfo(lcUa) << "registration failed:" << cause
                 << (result.response ? result.response->statusCode() : 0);
    Q_EMIT registrationFailed(payload);
    if (m_registered) {
        m_registered = false;
        Q_EMIT unregistered(payload);
    }
}

void Registrator::unregister(std::function<void()> then) {
    m_refresh.stop();
    m_registered = false; // cleared at once (§8.4)
    OutgoingRequest r = makeRegister(0);
    r.headers.removeIf([](const auto& h) { return h.first == "Expires" || h.first == "Contact"; });
    r.headers.append({"Contact", '<' + m_ua.contactUri().toUtf8() +
                                     ">;+sip.ice;reg-id=1;+sip.instance=\"<urn:uuid:" +
                                     m_ua.instanceId().toUtf8() + ">\";expires=0"});
    r.headers.append({QByteArray("Expires"), QByteArray("0")});
    m_ua.sendRequest(r, [this, then = std::move(then)](const RequestResult& result) {
        m_cseq = std::max(m_cseq, result.cseq);
        QJsonObject p;
        p.insert(u"response"_s, result.response ? QJsonValue(result.response->toJson())
                                                : QJsonValue(QJsonValue::Null));
        p.insert(u"cause"_s, result.succeeded()
                                 ? QJsonValue(QJsonValue::Null)
                                 : QJsonValue(result.response ? SipCause::forStatus(
                                                                    result.response->statusCode())
                                                              : result.cause));
        qCInfo(lcUa) << "un-REGISTER answered"
                     << (result.response ? result.response->statusCode() : 0);
        Q_EMIT unregistered(p);
        if (then) {
            then();
        }
    });
}

void Registrator::transportClosed() {
    m_refresh.stop();
    m_pending = false;
    if (m_registered) {
        m_registered = false;
        Q_EMIT unregistered({});
    }
}

} // namespace sip
