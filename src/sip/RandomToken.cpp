#include "sip/RandomToken.h"

#include <QRandomGenerator>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace sip {

QString RandomToken::make(int length) {
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i) {
        out.append(QLatin1Char(kAlphabet[QRandomGenerator::global()->bounded(32)]));
    }
    return out;
}

QString RandomToken::branch() {
    return u"z9hG4bK"_s + QString::number(QRandomGenerator::global()->bounded(10000000, 99999999));
}

QString RandomToken::uuid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace sip
