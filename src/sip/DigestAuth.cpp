#include "sip/DigestAuth.h"

#include "sip/SipMessage.h"

#include <QCryptographicHash>

using namespace Qt::Literals::StringLiterals;

namespace sip {

namespace {

QByteArray md5Hex(const QByteArray& data) {
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

} // namespace

QByteArray DigestAuth::response(const QString& user, const QString& realm, const QString& password,
                                const QString& method, const QString& digestUri,
                                const QString& nonce, const QString& qop, const QString& nc,
                                const QString& cnonce, const QByteArray& body) {
    const QByteArray ha1 = md5Hex((user + u':' + realm + u':' + password).toUtf8());
    QByteArray a2 = (method + u':' + digestUri).toUtf8();
    if (qop == u"auth-int"_s) {
        a2 += ':' + md5Hex(body);
    }
    const QByteArray ha2 = md5Hex(a2);
    if (qop.isEmpty()) {
        return md5Hex(ha1 + ':' + nonce.toUtf8() + ':' + ha2);
    }
    return md5Hex(ha1 + ':' + nonce.toUtf8() + ':' + nc.toUtf8() + ':' + cnonce.toUtf8() + ':' +
                  qop.toUtf8() + ':' + ha2);
}

QString DigestAuth::chooseQop(const QString& qopOptions) {
    QStringList offered;
    for (const QString& q : qopOptions.split(u',', Qt::SkipEmptyParts)) {
        offered.append(q.trimmed().toLower());
    }
    if (offered.contains(u"auth-int"_s)) {
        return u"auth-int"_s;
    }
    if (offered.contains(u"auth"_s)) {
        return u"auth"_s;
    }
    return {};
}

QByteArray DigestAuth::authorization(const DigestChallenge& challenge, const QString& user,
                                     const QString& password, const QString& method,
                                     const QString& digestUri, quint32 nonceCount,
                                     const QString& cnonce, const QByteArray& body) {
    const QString qop = chooseQop(challenge.qopOptions);
    const QString nc = QStringLiteral("%1").arg(nonceCount, 8, 16, QLatin1Char('0'));
    const QByteArray resp = response(user, challenge.realm, password, method, digestUri,
                                     challenge.nonce, qop, nc, cnonce, body);
    auto quoted = [](const QString& v) { return '"' + v.toUtf8() + '"'; };
    QByteArray out = "Digest algorithm=MD5, username=" + quoted(user) +
                     ", realm=" + quoted(challenge.realm) + ", nonce=" + quoted(challenge.nonce) +
                     ", uri=" + quoted(digestUri) + ", response=\"" + resp + '"';
    if (!challenge.opaque.isEmpty()) {
        out += ", opaque=" + quoted(challenge.opaque);
    }
    if (!qop.isEmpty()) {
        out += ", qop=" + qop.toUtf8() + ", cnonce=" + quoted(cnonce) + ", nc=" + nc.toUtf8();
    }
    return out;
}

} // namespace sip
