#include "sip/SipMessage.h"

#include "sip/Logging.h"

#include <QJsonValue>

#include <osipparser2/osip_message.h>
#include <osipparser2/osip_parser.h>
#include <osipparser2/osip_port.h>

#include <cstdarg>
#include <cstdio>
#include <mutex>

using namespace Qt::Literals::StringLiterals;

namespace sip {

namespace {

void osipFree(void* p) {
    osip_free(p);
}

/// libosip2 traces (FATAL..WARNING) go to callboard.sip.transport at debug level instead of
/// stdout: malformed input is already reported once, at warning level, by the UA.
void osipTrace(const char* file, int line, osip_trace_level_t level, const char* format,
               va_list ap) {
    if (!lcTransport().isDebugEnabled()) {
        return;
    }
    char text[512];
    std::vsnprintf(text, sizeof text, format, ap);
    qCDebug(lcTransport).noquote() << "libosip2" << static_cast<int>(level) << file << line
                                   << QString::fromUtf8(text).trimmed();
}

void ensureParserInit() {
    static std::once_flag once;
    std::call_once(once, [] {
        parser_init();
        osip_trace_initialize_func(OSIP_INFO1, &osipTrace);
    });
}

QString str(const char* s) {
    return s ? QString::fromUtf8(s) : QString();
}

QString unquote(const char* s) {
    QString v = str(s);
    if (v.size() >= 2 && v.startsWith(u'"') && v.endsWith(u'"')) {
        v = v.mid(1, v.size() - 2);
    }
    return v;
}

QString uriToString(const osip_uri_t* uri) {
    if (!uri) {
        return {};
    }
    char* dest = nullptr;
    if (osip_uri_to_str(uri, &dest) != 0 || !dest) {
        return {};
    }
    QString out = QString::fromUtf8(dest);
    osipFree(dest);
    return out;
}

QString genericParam(osip_list_t* list, const char* name) {
    osip_generic_param_t* p = nullptr;
    if (osip_uri_param_get_byname(list, const_cast<char*>(name), &p) != 0 || !p) {
        return {};
    }
    return p->gvalue ? unquote(p->gvalue) : QString(u""_s);
}

} // namespace

std::optional<SipMessage> SipMessage::parse(QByteArrayView raw, QString* error) {
    ensureParserInit();
    auto fail = [error](const QString& why) -> std::optional<SipMessage> {
        if (error) {
            *error = why;
        }
        return std::nullopt;
    };
    if (raw.isEmpty()) {
        return fail(QStringLiteral("empty message"));
    }
    osip_message_t* m = nullptr;
    if (osip_message_init(&m) != 0) {
        return fail(QStringLiteral("out of memory"));
    }
    SipMessage out;
    out.m_msg = std::shared_ptr<osip_message>(m, [](osip_message* p) { osip_message_free(p); });
    out.m_raw = raw.toByteArray();
    if (osip_message_parse(m, out.m_raw.constData(), static_cast<size_t>(out.m_raw.size())) != 0) {
        return fail(QStringLiteral("libosip2 could not parse the message"));
    }
    osip_via_t* via = nullptr;
    if (osip_list_size(&m->vias) < 1 || osip_list_get(&m->vias, 0) == nullptr) {
        return fail(QStringLiteral("no Via header"));
    }
    via = static_cast<osip_via_t*>(osip_list_get(&m->vias, 0));
    Q_UNUSED(via)
    if (!m->from || !m->to || !m->call_id || !m->cseq || !m->cseq->method || !m->cseq->number) {
        return fail(QStringLiteral("missing From, To, Call-ID or CSeq"));
    }
    if (m->status_code == 0) {
        if (!m->sip_method || !m->req_uri) {
            return fail(QStringLiteral("request without method or Request-URI"));
        }
        if (qstrcmp(m->sip_method, m->cseq->method) != 0) {
            return fail(QStringLiteral("CSeq method differs from the request method"));
        }
    }
    bool ok = false;
    QByteArray(m->cseq->number).toUInt(&ok);
    if (!ok) {
        return fail(QStringLiteral("CSeq number is not a 32-bit integer"));
    }
    return out;
}

bool SipMessage::isRequest() const {
    return m_msg->status_code == 0;
}

QString SipMessage::method() const {
    return isRequest() ? str(m_msg->sip_method) : str(m_msg->cseq->method);
}

QString SipMessage::requestUri() const {
    return isRequest() ? uriToString(m_msg->req_uri) : QString();
}

QString SipMessage::requestUriScheme() const {
    return isRequest() && m_msg->req_uri ? str(m_msg->req_uri->scheme).toLower() : QString();
}

QString SipMessage::requestUriUser() const {
    return isRequest() && m_msg->req_uri ? str(m_msg->req_uri->username) : QString();
}

int SipMessage::statusCode() const {
    return m_msg->status_code;
}

QString SipMessage::reasonPhrase() const {
    return str(m_msg->reason_phrase);
}

QString SipMessage::callId() const {
    char* dest = nullptr;
    if (osip_call_id_to_str(m_msg->call_id, &dest) != 0 || !dest) {
        return {};
    }
    QString out = QString::fromUtf8(dest);
    osipFree(dest);
    return out;
}

quint32 SipMessage::cseq() const {
    return QByteArray(m_msg->cseq->number).toUInt();
}

QString SipMessage::fromUri() const {
    return uriToString(m_msg->from->url);
}

QString SipMessage::fromUser() const {
    return m_msg->from->url ? str(m_msg->from->url->username) : QString();
}

QString SipMessage::fromDisplayName() const {
    return unquote(m_msg->from->displayname);
}

QString SipMessage::fromTag() const {
    return genericParam(&m_msg->from->gen_params, "tag");
}

QString SipMessage::toUri() const {
    return uriToString(m_msg->to->url);
}

QString SipMessage::toTag() const {
    return genericParam(&m_msg->to->gen_params, "tag");
}

QString SipMessage::toHeader() const {
    return fromToString(m_msg->to);
}

QString SipMessage::fromHeader() const {
    return fromToString(m_msg->from);
}

QString SipMessage::fromToString(const osip_from_t* value) {
    char* dest = nullptr;
    if (!value || osip_from_to_str(value, &dest) != 0 || !dest) {
        return {};
    }
    QString out = QString::fromUtf8(dest);
    osipFree(dest);
    return out;
}

QStringList SipMessage::recordRoutes() const {
    QStringList out;
    const int n = osip_list_size(&m_msg->record_routes);
    for (int i = 0; i < n; ++i) {
        auto* rr = static_cast<osip_record_route_t*>(osip_list_get(&m_msg->record_routes, i));
        char* dest = nullptr;
        if (rr && osip_from_to_str(rr, &dest) == 0 && dest) {
            out.append(QString::fromUtf8(dest));
            osipFree(dest);
        }
    }
    return out;
}

QString SipMessage::topViaBranch() const {
    auto* via = static_cast<osip_via_t*>(osip_list_get(&m_msg->vias, 0));
    return via ? genericParam(&via->via_params, "branch") : QString();
}

QString SipMessage::contentType() const {
    const osip_content_type_t* ct = m_msg->content_type;
    if (!ct || !ct->type) {
        return {};
    }
    return (str(ct->type) + u'/' + str(ct->subtype)).toLower();
}

QByteArray SipMessage::body() const {
    auto* b = static_cast<osip_body_t*>(osip_list_get(&m_msg->bodies, 0));
    if (!b || !b->body) {
        // libosip2 keeps no body without Content-Type (RFC 3261 §7.4.1 requires one); the
        // frame holds exactly one message (RFC 7118 §5), so the body is its last
        // Content-Length bytes.
        const qsizetype len = m_msg->content_length && m_msg->content_length->value
                                  ? QByteArray(m_msg->content_length->value).trimmed().toLongLong()
                                  : 0;
        return len > 0 && len <= m_raw.size() ? m_raw.right(len) : QByteArray();
    }
    return QByteArray(b->body, static_cast<qsizetype>(b->length));
}

QString SipMessage::header(const char* lowerCaseName) const {
    osip_header_t* h = nullptr;
    if (osip_message_header_get_byname(m_msg.get(), lowerCaseName, 0, &h) < 0 || !h) {
        return {};
    }
    return h->hvalue ? str(h->hvalue).trimmed() : QString(u""_s);
}

QList<SipContact> SipMessage::contacts() const {
    QList<SipContact> out;
    const int n = osip_list_size(&m_msg->contacts);
    for (int i = 0; i < n; ++i) {
        auto* c = static_cast<osip_contact_t*>(osip_list_get(&m_msg->contacts, i));
        if (!c) {
            continue;
        }
        SipContact contact;
        contact.uri = uriToString(c->url);
        if (c->url) {
            contact.user = str(c->url->username);
            contact.host = str(c->url->host);
        }
        const int np = osip_list_size(&c->gen_params);
        for (int j = 0; j < np; ++j) {
            auto* p = static_cast<osip_generic_param_t*>(osip_list_get(&c->gen_params, j));
            if (p && p->gname) {
                contact.params.insert(str(p->gname).toLower(), unquote(p->gvalue));
            }
        }
        out.append(contact);
    }
    return out;
}

QJsonObject SipMessage::toJson() const {
    QJsonObject o;
    if (isRequest()) {
        o.insert(u"method"_s, method());
        o.insert(u"requestUri"_s, requestUri());
        o.insert(u"from"_s, fromUri());
        o.insert(u"fromDisplayName"_s, fromDisplayName());
        o.insert(u"fromTag"_s, fromTag());
        o.insert(u"contentType"_s, contentType());
        o.insert(u"body"_s, QString::fromUtf8(body()));
    } else {
        o.insert(u"statusCode"_s, statusCode());
        o.insert(u"reasonPhrase"_s, reasonPhrase());
        o.insert(u"method"_s, method());
        o.insert(u"from"_s, fromUri());
    }
    o.insert(u"callId"_s, callId());
    o.insert(u"cseq"_s, static_cast<double>(cseq()));
    o.insert(u"to"_s, toUri());
    o.insert(u"toTag"_s, toTag());
    o.insert(u"raw"_s, QString::fromUtf8(redacted(m_raw)));
    return o;
}

QByteArray SipMessage::makeResponse(int code, const QString& reason, const QString& toTag,
                                    const QList<std::pair<QByteArray, QByteArray>>& extraHeaders,
                                    const QByteArray& body) const {
    if (!isRequest()) {
        return {};
    }
    osip_message_t* r = nullptr;
    if (osip_message_init(&r) != 0) {
        return {};
    }
    std::unique_ptr<osip_message_t, void (*)(osip_message_t*)> guard(r, osip_message_free);
    osip_message_set_version(r, osip_strdup("SIP/2.0"));
    osip_message_set_status_code(r, code);
    osip_message_set_reason_phrase(r, osip_strdup(reason.toUtf8().constData()));
    const int nv = osip_list_size(&m_msg->vias);
    for (int i = 0; i < nv; ++i) {
        osip_via_t* copy = nullptr;
        if (osip_via_clone(static_cast<osip_via_t*>(osip_list_get(&m_msg->vias, i)), &copy) == 0) {
            osip_list_add(&r->vias, copy, -1);
        }
    }
    if (osip_from_clone(m_msg->from, &r->from) != 0 || osip_from_clone(m_msg->to, &r->to) != 0 ||
        osip_call_id_clone(m_msg->call_id, &r->call_id) != 0 ||
        osip_cseq_clone(m_msg->cseq, &r->cseq) != 0) {
        return {};
    }
    if (code > 100 && code < 300) { // dialog-creating answers copy Record-Route (§12.1.1)
        const int nrr = osip_list_size(&m_msg->record_routes);
        for (int i = 0; i < nrr; ++i) {
            osip_record_route_t* copy = nullptr;
            if (osip_from_clone(static_cast<osip_from_t*>(osip_list_get(&m_msg->record_routes, i)),
                                &copy) == 0) {
                osip_list_add(&r->record_routes, copy, -1);
            }
        }
    }
    if (!toTag.isEmpty() && this->toTag().isEmpty()) {
        osip_generic_param_add(&r->to->gen_params, osip_strdup("tag"),
                               osip_strdup(toTag.toUtf8().constData()));
    }
    for (const auto& [name, value] : extraHeaders) {
        osip_message_set_header(r, name.constData(), value.constData());
    }
    if (!body.isEmpty()) {
        osip_message_set_body(r, body.constData(), static_cast<size_t>(body.size()));
    }
    osip_message_set_content_length(r, QByteArray::number(body.size()).constData());
    char* dest = nullptr;
    size_t len = 0;
    if (osip_message_to_str(r, &dest, &len) != 0 || !dest) {
        return {};
    }
    QByteArray out(dest, static_cast<qsizetype>(len));
    osipFree(dest);
    // libosip2 re-serialises what it parsed leniently; never send a response we could not
    // parse ourselves (found by fuzz_sip_message).
    if (!parse(out)) {
        qCWarning(lcTransport) << "dropping an unparseable" << code << "response to" << method();
        return {};
    }
    return out;
}

QByteArray SipMessage::redacted(QByteArrayView raw) {
    QByteArray out = raw.toByteArray();
    static const QByteArray key = QByteArrayLiteral("response=\"");
    qsizetype from = 0;
    while ((from = out.indexOf(key, from)) >= 0) {
        const qsizetype start = from + key.size();
        const qsizetype end = out.indexOf('"', start);
        if (end < 0) {
            out.truncate(start);
            out.append("<redacted>");
            break;
        }
        out.replace(start, end - start, "<redacted>");
        from = start + 10;
    }
    return out;
}

} // namespace sip
