#include "sip/ConnectionParameters.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace sip {

std::optional<QString> ConnectionParameters::validate() const {
    if (sipServerIp.trimmed().isEmpty()) {
        return u"sipServerIp is required"_s;
    }
    if (sipServerUrl.trimmed().isEmpty()) {
        return u"sipServerUrl is required"_s;
    }
    if (register_ && (!password || password->isEmpty())) {
        return u"password is required for authorized connection"_s;
    }
    if (register_ && (!user || user->trimmed().isEmpty())) {
        return u"user is required for authorized connection"_s;
    }
    return std::nullopt;
}

QUrl ConnectionParameters::webSocketUrl() const {
    const QString s = sipServerUrl.trimmed();
    if (s.startsWith(u"ws://"_s, Qt::CaseInsensitive) ||
        s.startsWith(u"wss://"_s, Qt::CaseInsensitive)) {
        return QUrl(s);
    }
    return QUrl(u"wss://"_s + s + u"/webrtc/wss/"_s);
}

QString ConnectionParameters::wireDisplayName() const {
    return displayName.trimmed().replace(u' ', u'_');
}

QJsonObject ConnectionParameters::toJson() const {
    QJsonObject o;
    o.insert(u"sipServerIp"_s, sipServerIp);
    o.insert(u"sipServerUrl"_s, sipServerUrl);
    o.insert(u"remoteAddress"_s, remoteAddress);
    QJsonArray ice;
    for (const IceServer& s : iceServers) {
        QJsonObject e{{u"urls"_s, QJsonArray::fromStringList(s.urls)}};
        if (s.username) {
            e.insert(u"username"_s, *s.username);
        }
        if (s.credential) {
            e.insert(u"credential"_s, *s.credential);
        }
        ice.append(e);
    }
    o.insert(u"iceServers"_s, ice);
    if (maxAvailableResolution) {
        o.insert(u"maxAvailableResolution"_s,
                 QJsonObject{{u"width"_s, maxAvailableResolution->width},
                             {u"height"_s, maxAvailableResolution->height}});
    }
    o.insert(u"displayName"_s, displayName);
    o.insert(u"register"_s, register_);
    if (user) {
        o.insert(u"user"_s, *user);
    }
    if (password) {
        o.insert(u"password"_s, *password);
    }
    if (userAgent) {
        o.insert(u"userAgent"_s, *userAgent);
    }
    o.insert(u"sessionTimers"_s, sessionTimers);
    o.insert(u"registerExpires"_s, registerExpires);
    o.insert(u"connectionRecoveryMinInterval"_s, connectionRecoveryMinInterval);
    o.insert(u"connectionRecoveryMaxInterval"_s, connectionRecoveryMaxInterval);
    o.insert(u"extraHeaders"_s, QJsonArray::fromStringList(extraHeaders));
    return o;
}

QJsonObject ConnectionParameters::redactedJson(QJsonObject json) {
    if (json.contains(u"password"_s)) {
        json.insert(u"password"_s, u"<redacted>"_s);
    }
    if (json.value(u"iceServers"_s).isArray()) {
        QJsonArray servers = json.value(u"iceServers"_s).toArray();
        for (qsizetype i = 0; i < servers.size(); ++i) {
            QJsonObject server = servers.at(i).toObject();
            if (server.contains(u"credential"_s)) {
                server.insert(u"credential"_s, u"<redacted>"_s);
                servers.replace(i, server);
            }
        }
        json.insert(u"iceServers"_s, servers);
    }
    return json;
}

} // namespace sip
