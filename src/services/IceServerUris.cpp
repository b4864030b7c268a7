#include "services/IceServerUris.h"

#include <QHostAddress>
#include <QUrl>

namespace services {

namespace {

/// A DNS name or an IPv4 address: letters, digits, '.', '-', '_' (no scheme, user, path).
bool isHostName(const QString& host) {
    if (host.isEmpty() || host.size() > 253)
        return false;
    for (const QChar c : host) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') ||
                        (c >= u'0' && c <= u'9') || c == u'.' || c == u'-' || c == u'_';
        if (!ok)
            return false;
    }
    return true;
}

bool fail(QString* error, const QString& message) {
    if (error)
        *error = message;
    return false;
}

} // namespace

bool IceServerUris::parseAddress(const QString& text, int defaultPort, QString* host, int* port,
                                 QString* error) {
    const QString t = text.trimmed();
    // A URI instead of an address ("stun:host", "turn://...") but not a host "stun:3478".
    const qsizetype firstColon = t.indexOf(u':');
    const QString scheme = t.left(firstColon).toLower();
    const bool uriScheme =
        firstColon > 0 && !(firstColon + 1 < t.size() && t.at(firstColon + 1).isDigit()) &&
        (scheme == u"stun" || scheme == u"stuns" || scheme == u"turn" || scheme == u"turns");
    if (uriScheme || t.contains(u"://") || t.contains(u'@'))
        return fail(error, QStringLiteral("Enter the address as host:port, without stun: or "
                                          "turn: and without a user name."));
    QString h;
    QString portText;
    if (t.startsWith(u'[')) { // [IPv6] or [IPv6]:port (RFC 3986 §3.2.2)
        const qsizetype close = t.indexOf(u']');
        if (close < 0)
            return fail(error, QStringLiteral("The IPv6 address has no closing ]."));
        h = t.mid(1, close - 1);
        const QString rest = t.mid(close + 1);
        if (!rest.isEmpty() && !rest.startsWith(u':'))
            return fail(error, QStringLiteral("Enter the address as host:port."));
        portText = rest.mid(1);
        if (rest.startsWith(u':') && portText.isEmpty())
            return fail(error, QStringLiteral("The port is missing after the colon."));
        if (QHostAddress(h).protocol() != QAbstractSocket::IPv6Protocol)
            return fail(error, QStringLiteral("%1 is not an IPv6 address.").arg(h));
    } else {
        const qsizetype colon = t.indexOf(u':');
        if (colon >= 0 && t.indexOf(u':', colon + 1) >= 0)
            return fail(error,
                        QStringLiteral("Write an IPv6 address in brackets: [2001:db8::1]:3478."));
        h = colon < 0 ? t : t.left(colon);
        if (colon >= 0) {
            portText = t.mid(colon + 1);
            if (portText.isEmpty())
                return fail(error, QStringLiteral("The port is missing after the colon."));
        }
        if (!isHostName(h))
            return fail(error, QStringLiteral("Enter a host name or an IP address (host:port)."));
    }
    int p = defaultPort;
    if (!portText.isEmpty()) {
        bool ok = false;
        p = portText.toInt(&ok);
        if (!ok || p < 1 || p > 65535)
            return fail(error, QStringLiteral("The port must be a number from 1 to 65535."));
    }
    if (host)
        *host = h;
    if (port)
        *port = p;
    return true;
}

int IceServerUris::defaultTurnPort(AccountProfile::TurnTransport transport) {
    return transport == AccountProfile::TurnTransport::Tls ? kDefaultTlsPort : kDefaultPort;
}

QString IceServerUris::authority(const QString& text, int defaultPort) {
    QString host;
    int port = 0;
    if (text.trimmed().isEmpty() || !parseAddress(text, defaultPort, &host, &port))
        return {};
    if (host.contains(u':'))
        host = u'[' + host + u']';
    return host + u':' + QString::number(port);
}

QString IceServerUris::webrtcbinStun(const AccountProfile& profile) {
    const QString a = authority(profile.stunServer, kDefaultPort);
    return a.isEmpty() ? QString() : QStringLiteral("stun://") + a;
}

QString IceServerUris::webrtcbinTurn(const AccountProfile& profile, const QString& password) {
    const QString a = authority(profile.turnServer, defaultTurnPort(profile.turnTransport));
    if (a.isEmpty() || profile.turnUser.isEmpty())
        return {};
    const QString userInfo = QString::fromLatin1(QUrl::toPercentEncoding(profile.turnUser)) + u':' +
                             QString::fromLatin1(QUrl::toPercentEncoding(password));
    switch (profile.turnTransport) {
    case AccountProfile::TurnTransport::Tls:
        return QStringLiteral("turns://%1@%2").arg(userInfo, a);
    case AccountProfile::TurnTransport::Tcp:
        return QStringLiteral("turn://%1@%2?transport=tcp").arg(userInfo, a);
    case AccountProfile::TurnTransport::Udp:
        break;
    }
    return QStringLiteral("turn://%1@%2?transport=udp").arg(userInfo, a);
}

QString IceServerUris::stunUrl(const AccountProfile& profile) {
    const QString a = authority(profile.stunServer, kDefaultPort);
    return a.isEmpty() ? QString() : QStringLiteral("stun:") + a;
}

QString IceServerUris::turnUrl(const AccountProfile& profile) {
    const QString a = authority(profile.turnServer, defaultTurnPort(profile.turnTransport));
    if (a.isEmpty())
        return {};
    switch (profile.turnTransport) {
    case AccountProfile::TurnTransport::Tls:
        return QStringLiteral("turns:%1?transport=tcp").arg(a);
    case AccountProfile::TurnTransport::Tcp:
        return QStringLiteral("turn:%1?transport=tcp").arg(a);
    case AccountProfile::TurnTransport::Udp:
        break;
    }
    return QStringLiteral("turn:%1?transport=udp").arg(a);
}

} // namespace services
