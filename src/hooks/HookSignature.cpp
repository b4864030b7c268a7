#include "hooks/HookSignature.h"

#include <QMessageAuthenticationCode>

namespace hooks {

QByteArray HookSignature::hmacMd5Hex(QByteArrayView body, QByteArrayView secret) {
    return QMessageAuthenticationCode::hash(body.toByteArray(), secret.toByteArray(),
                                            QCryptographicHash::Md5)
        .toHex();
}

QByteArray HookSignature::authorizationValue(QByteArrayView body, QByteArrayView secret) {
    return QByteArrayLiteral("WCS ") + hmacMd5Hex(body, secret);
}

bool HookSignature::verify(QByteArrayView authorization, QByteArrayView body,
                           QByteArrayView secret) {
    const QByteArray value = authorization.toByteArray().trimmed();
    if (value.size() < 4 || value.left(4).toUpper() != "WCS ") {
        return false;
    }
    const QByteArray given = value.mid(4).trimmed().toLower();
    const QByteArray expected = hmacMd5Hex(body, secret);
    if (given.size() != expected.size()) {
        return false;
    }
    unsigned char diff = 0;
    for (qsizetype i = 0; i < given.size(); ++i) {
        diff |= static_cast<unsigned char>(given[i] ^ expected[i]);
    }
    return diff == 0;
}

} // namespace hooks
