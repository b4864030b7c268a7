#include "sip/ConnectionConfig.h"

#include <QRandomGenerator>

using namespace Qt::Literals::StringLiterals;

namespace sip {

ConnectionConfig ConnectionConfig::derive(const ConnectionParameters& p,
                                          const std::function<int()>& randomInt) {
    ConnectionConfig c;
    c.sipServerIp = p.sipServerIp.trimmed();
    c.sipServerUrl = p.sipServerUrl.trimmed();
    c.remoteAddress = p.remoteAddress;
    c.iceServers = p.iceServers;
    c.maxAvailableResolution = p.maxAvailableResolution;
    c.displayName = p.displayName;
    c.register_ = p.register_;
    c.user = p.user;
    c.password = p.password;
    if (p.register_ && p.user && !p.user->trimmed().isEmpty()) {
        c.authorizationUser = p.user->trimmed();
    } else {
        const int n =
            randomInt ? randomInt() : QRandomGenerator::global()->bounded(100000, 99999999);
        c.authorizationUser = QString::number(n);
    }
    return c;
}

QString ConnectionConfig::aor() const {
    return u"sip:"_s + authorizationUser + u'@' + sipServerIp;
}

QJsonObject ConnectionConfig::toJson() const {
    ConnectionParameters p;
    p.sipServerIp = sipServerIp;
    p.sipServerUrl = sipServerUrl;
    p.remoteAddress = remoteAddress;
    p.iceServers = iceServers;
    p.maxAvailableResolution = maxAvailableResolution;
    const QJsonObject full = p.toJson();
    QJsonObject o;
    for (const char* key :
         {"sipServerIp", "sipServerUrl", "remoteAddress", "iceServers", "maxAvailableResolution"}) {
        const QString k = QString::fromLatin1(key);
        if (full.contains(k)) {
            o.insert(k, full.value(k));
        }
    }
    o.insert(u"displayName"_s, displayName);
    o.insert(u"authorizationUser"_s, authorizationUser);
    o.insert(u"register"_s, register_);
    if (user) {
        o.insert(u"user"_s, *user);
    }
    if (password) {
        o.insert(u"password"_s, *password);
    }
    return o;
}

} // namespace sip
