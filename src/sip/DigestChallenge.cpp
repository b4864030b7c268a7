#include "sip/DigestChallenge.h"

#include "sip/SipMessage.h"

#include <osipparser2/osip_message.h>
#include <osipparser2/osip_parser.h>

using namespace Qt::Literals::StringLiterals;

namespace sip {

namespace {

QString unquoted(const char* s) {
    QString v = s ? QString::fromUtf8(s).trimmed() : QString();
    if (v.size() >= 2 && v.startsWith(u'"') && v.endsWith(u'"')) {
        v = v.mid(1, v.size() - 2);
    }
    return v;
}

} // namespace

std::optional<DigestChallenge> DigestChallenge::fromResponse(const SipMessage& response) {
    const int code = response.statusCode();
    if (code != 401 && code != 407) {
        return std::nullopt;
    }
    osip_message* m = response.native();
    osip_list_t* list = code == 401 ? &m->www_authenticates : &m->proxy_authenticates;
    auto* h = static_cast<osip_www_authenticate_t*>(osip_list_get(list, 0));
    if (!h) {
        return std::nullopt;
    }
    DigestChallenge c;
    c.proxy = code == 407;
    c.scheme = unquoted(h->auth_type);
    c.realm = unquoted(h->realm);
    c.nonce = unquoted(h->nonce);
    c.opaque = unquoted(h->opaque);
    c.algorithm = unquoted(h->algorithm);
    c.qopOptions = unquoted(h->qop_options);
    c.stale = unquoted(h->stale).compare(u"true"_s, Qt::CaseInsensitive) == 0;
    return c;
}

bool DigestChallenge::isSupported() const {
    return scheme.compare(u"Digest"_s, Qt::CaseInsensitive) == 0 && !nonce.isEmpty() &&
           (algorithm.isEmpty() || algorithm.compare(u"MD5"_s, Qt::CaseInsensitive) == 0);
}

} // namespace sip
