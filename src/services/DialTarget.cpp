#include "services/DialTarget.h"

#include <QRegularExpression>
#include <QUrl>

namespace services {

namespace {

constexpr qsizetype maxLength = 256;

/// RFC 3261 user part characters (unreserved, user-unreserved), plus '#' for DTMF-style codes.
bool isSipUser(const QString& user) {
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9\\-_.!~*'()&=+$,/#]+$"));
    static const QRegularExpression alnum(QStringLiteral("[A-Za-z0-9]"));
    return re.match(user).hasMatch() && alnum.match(user).hasMatch();
}

/// Host name, IPv4, or [IPv6], optionally with :port.
bool isSipHost(const QString& host) {
    static const QRegularExpression re(
        QStringLiteral("^([A-Za-z0-9](?:[A-Za-z0-9\\-.]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\])"
                       "(?::[0-9]{1,5})?$"));
    return re.match(host).hasMatch();
}

/// Removes the visual separators of RFC 3966 (and spaces people type).
QString stripSeparators(QString number) {
    static const QRegularExpression re(QStringLiteral("[\\-.() ]"));
    return number.remove(re);
}

bool isPhoneNumber(const QString& digits) {
    static const QRegularExpression re(QStringLiteral("^\\+?[0-9*#A-Da-d]*[0-9][0-9*#A-Da-d]*$"));
    return re.match(digits).hasMatch();
}

bool looksLikePhoneNumber(const QString& text) {
    static const QRegularExpression re(QStringLiteral("^\\+?[0-9][0-9\\-.() ]*$"));
    return re.match(text).hasMatch();
}

} // namespace

DialTarget DialTarget::invalid(const QString& input, const QString& error) {
    DialTarget t;
    t.m_input = input;
    t.m_error = error;
    return t;
}

DialTarget DialTarget::parse(const QString& text) {
    const QString input = text.trimmed();
    if (input.isEmpty()) {
        return invalid(input, tr("Nothing to dial: the number is empty."));
    }
    if (input.size() > maxLength) {
        return invalid(input, tr("The number or address is too long."));
    }
    static const QRegularExpression schemeRe(QStringLiteral("^([A-Za-z][A-Za-z0-9+.\\-]*):"));
    const QRegularExpressionMatch schemeMatch = schemeRe.match(input);
    // "alice@host:5060" has no scheme; a scheme is a word before ':' without '@' or digits only.
    const bool hasScheme = schemeMatch.hasMatch() && !schemeMatch.captured(1).contains(u'@');

    DialTarget t;
    t.m_input = input;
    if (!hasScheme) {
        if (looksLikePhoneNumber(input)) {
            const QString digits = stripSeparators(input);
            if (!isPhoneNumber(digits)) {
                return invalid(input, tr("\"%1\" is not a phone number.").arg(input));
            }
            t.m_scheme = Scheme::Plain;
            t.m_user = digits;
            t.m_dial = digits;
            return t;
        }
        const qsizetype at = input.indexOf(u'@');
        const QString user = at < 0 ? input : input.left(at);
        const QString host = at < 0 ? QString() : input.mid(at + 1);
        if (!isSipUser(user) || (at >= 0 && !isSipHost(host))) {
            return invalid(input,
                           tr("\"%1\" is neither a phone number nor a SIP address.").arg(input));
        }
        t.m_scheme = Scheme::Plain;
        t.m_user = user;
        t.m_host = host;
        t.m_dial = input;
        return t;
    }

    const QUrl url(input, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid()) {
        return invalid(input, tr("\"%1\" is not a valid address.").arg(input));
    }
    // sip:/tel: are opaque URIs: everything after the scheme is the path.
    QString rest = url.path(QUrl::FullyDecoded);
    if (scheme == u"sip" || scheme == u"sips") {
        rest = rest.section(u';', 0, 0); // URI parameters (;transport=ws) are not dialled
        const qsizetype at = rest.lastIndexOf(u'@');
        if (at < 0) {
            return invalid(input, tr("The SIP address \"%1\" has no user part.").arg(input));
        }
        const QString user = rest.left(at);
        const QString host = rest.mid(at + 1);
        if (user.isEmpty() || !isSipUser(user)) {
            return invalid(input, tr("The SIP address \"%1\" has no valid user part.").arg(input));
        }
        if (!isSipHost(host)) {
            return invalid(input, tr("The SIP address \"%1\" has no valid host.").arg(input));
        }
        t.m_scheme = scheme == u"sips" ? Scheme::Sips : Scheme::Sip;
        t.m_user = user;
        t.m_host = host;
        t.m_dial = user + u'@' + host;
        return t;
    }
    if (scheme == u"tel") {
        const QString digits = stripSeparators(rest.section(u';', 0, 0));
        if (!isPhoneNumber(digits)) {
            return invalid(input, tr("\"%1\" is not a valid telephone number.").arg(input));
        }
        t.m_scheme = Scheme::Tel;
        t.m_user = digits;
        t.m_dial = digits;
        return t;
    }
    return invalid(input, tr("Cannot dial \"%1\": only sip:, sips: and tel: addresses are "
                             "supported.")
                              .arg(input));
}

} // namespace services
