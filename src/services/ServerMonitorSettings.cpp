#include "services/ServerMonitorSettings.h"

#include <QJsonDocument>
#include <QSet>
#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace services {

ServerMonitorSettings::ServerMonitorSettings(QSettings& settings, CredentialStore& credentials,
                                             QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_credentials(credentials) {}

ServerMonitorConfig ServerMonitorSettings::config() const {
    ServerMonitorConfig c;
    QSettings& s = m_settings;
    s.beginGroup(u"servers"_s);
    c.hookServerEnabled = s.value(u"hook/enabled"_s, c.hookServerEnabled).toBool();
    c.hookAddress = s.value(u"hook/address"_s, c.hookAddress).toString();
    c.hookPort = s.value(u"hook/port"_s, c.hookPort).toInt();
    c.hookPathPrefix = s.value(u"hook/pathPrefix"_s, c.hookPathPrefix).toString();
    c.hookMaxBodyBytes = s.value(u"hook/maxBodyBytes"_s, c.hookMaxBodyBytes).toLongLong();
    c.hookAllowList = s.value(u"hook/allowList"_s, c.hookAllowList).toStringList();
    c.verifySignature = s.value(u"hook/verifySignature"_s, c.verifySignature).toBool();
    c.staleMultiple = s.value(u"hook/staleMultiple"_s, c.staleMultiple).toInt();
    c.keepAliveIntervalMs = s.value(u"hook/keepAliveIntervalMs"_s, c.keepAliveIntervalMs).toInt();
    const QByteArray rcc = s.value(u"hook/restClientConfig"_s).toByteArray();
    c.restClientConfig = hooks::RestClientConfig::fromJson(QJsonDocument::fromJson(rcc).object());
    const int n = s.beginReadArray(u"nodes"_s);
    for (int i = 0; i < n; ++i) {
        s.setArrayIndex(i);
        ServerNodeConfig node;
        node.id = s.value(u"id"_s).toString();
        node.name = s.value(u"name"_s).toString();
        node.baseUrl = QUrl(s.value(u"baseUrl"_s).toString());
        node.user = s.value(u"user"_s).toString();
        node.pollIntervalMs = s.value(u"pollIntervalMs"_s, node.pollIntervalMs).toInt();
        c.nodes.append(node);
    }
    s.endArray();
    s.endGroup();
    return c;
}

void ServerMonitorSettings::setConfig(const ServerMonitorConfig& c) {
    if (config() == c) {
        return;
    }
    QSettings& s = m_settings;
    s.remove(u"servers"_s);
    s.beginGroup(u"servers"_s);
    s.setValue(u"hook/enabled"_s, c.hookServerEnabled);
    s.setValue(u"hook/address"_s, c.hookAddress);
    s.setValue(u"hook/port"_s, c.hookPort);
    s.setValue(u"hook/pathPrefix"_s, c.hookPathPrefix);
    s.setValue(u"hook/maxBodyBytes"_s, c.hookMaxBodyBytes);
    s.setValue(u"hook/allowList"_s, c.hookAllowList);
    s.setValue(u"hook/verifySignature"_s, c.verifySignature);
    s.setValue(u"hook/staleMultiple"_s, c.staleMultiple);
    s.setValue(u"hook/keepAliveIntervalMs"_s, c.keepAliveIntervalMs);
    s.setValue(u"hook/restClientConfig"_s,
               QJsonDocument(c.restClientConfig.toJson()).toJson(QJsonDocument::Compact));
    s.beginWriteArray(u"nodes"_s, int(c.nodes.size()));
    for (int i = 0; i < c.nodes.size(); ++i) {
        const ServerNodeConfig& node = c.nodes.at(i);
        s.setArrayIndex(i);
        s.setValue(u"id"_s, node.id);
        s.setValue(u"name"_s, node.name);
        s.setValue(u"baseUrl"_s, node.baseUrl.toString());
        s.setValue(u"user"_s, node.user);
        s.setValue(u"pollIntervalMs"_s, node.pollIntervalMs);
    }
    s.endArray();
    s.endGroup();
    Q_EMIT changed();
}

QPair<QHostAddress, int> ServerMonitorSettings::parseSubnet(const QString& text) {
    const QString t = text.trimmed();
    if (t.contains(u'/')) {
        const auto subnet = QHostAddress::parseSubnet(t);
        return subnet.first.isNull() ? QPair<QHostAddress, int>{QHostAddress(), -1} : subnet;
    }
    const QHostAddress a(t);
    if (a.isNull()) {
        return {QHostAddress(), -1};
    }
    return {a, a.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32};
}

QStringList ServerMonitorSettings::validate(const ServerMonitorConfig& c) {
    QStringList errors;
    if (QHostAddress(c.hookAddress).isNull()) {
        errors.append(tr("The hook server address is not an IP address."));
    }
    if (c.hookPort < 0 || c.hookPort > 65535) {
        errors.append(tr("The hook server port must be 0 to 65535."));
    }
    if (!c.hookPathPrefix.isEmpty() && !c.hookPathPrefix.startsWith(u'/')) {
        errors.append(tr("The path prefix must start with \"/\"."));
    }
    if (c.hookMaxBodyBytes < 1024) {
        errors.append(tr("The body limit must be at least 1024 bytes."));
    }
    for (const QString& entry : c.hookAllowList) {
        if (parseSubnet(entry).second < 0) {
            errors.append(tr("Allow-list entry \"%1\" is not an address or subnet.").arg(entry));
        }
    }
    if (c.staleMultiple < 1) {
        errors.append(tr("The stale multiple must be 1 or more."));
    }
    QSet<QString> ids;
    for (const ServerNodeConfig& node : c.nodes) {
        if (node.id.trimmed().isEmpty()) {
            errors.append(tr("Every node needs an id."));
        } else if (ids.contains(node.id)) {
            errors.append(tr("Node id \"%1\" is used twice.").arg(node.id));
        }
        ids.insert(node.id);
        const QString scheme = node.baseUrl.scheme();
        if (!node.baseUrl.isValid() || node.baseUrl.host().isEmpty() ||
            (scheme != u"http" && scheme != u"https")) {
            errors.append(tr("Node \"%1\": the REST API URL must be http(s)://host:port/rest-api.")
                              .arg(node.id));
        }
        if (node.pollIntervalMs < 500) {
            errors.append(tr("Node \"%1\": poll at most every 500 ms.").arg(node.id));
        }
    }
    return errors;
}

hooks::HookServerOptions ServerMonitorSettings::hookServerOptions(const ServerMonitorConfig& c) {
    hooks::HookServerOptions o;
    o.address = QHostAddress(c.hookAddress);
    o.port = static_cast<quint16>(qBound(0, c.hookPort, 65535));
    o.pathPrefix = c.hookPathPrefix;
    o.maxBodyBytes = c.hookMaxBodyBytes;
    for (const QString& entry : c.hookAllowList) {
        const auto subnet = parseSubnet(entry);
        if (subnet.second >= 0) {
            o.allowList.append(subnet);
        }
    }
    return o;
}

hooks::RestApiNodeOptions ServerMonitorSettings::nodeOptions(const ServerNodeConfig& node) {
    hooks::RestApiNodeOptions o;
    o.nodeId = node.id;
    o.baseUrl = node.baseUrl;
    o.user = node.user;
    o.pollIntervalMs = node.pollIntervalMs;
    o.timeoutMs = qBound(500, node.pollIntervalMs, 5000);
    return o;
}

void ServerMonitorSettings::readSecret(const QString& key, CredentialStore::ReadCallback callback) {
    m_credentials.readPassword(key, std::move(callback));
}

void ServerMonitorSettings::writeSecret(const QString& key, const QString& secret,
                                        CredentialStore::DoneCallback callback) {
    if (secret.isEmpty()) {
        m_credentials.deletePassword(key, std::move(callback));
    } else {
        m_credentials.writePassword(key, secret, std::move(callback));
    }
}

} // namespace services
