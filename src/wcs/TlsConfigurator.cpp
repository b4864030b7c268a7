#include "wcs/TlsConfigurator.h"

#include "wcs/Logging.h"

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QWebSocket>

namespace wcs {

void TlsConfigurator::apply(QWebSocket& socket, const TlsTrust& trust) {
    if (trust.caFile.isEmpty()) {
        return;
    }
    const QList<QSslCertificate> extra = QSslCertificate::fromPath(trust.caFile);
    if (extra.isEmpty()) {
        qCWarning(lcTransport) << "no CA certificate could be read from" << trust.caFile;
        return;
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.addCaCertificates(extra);
    socket.setSslConfiguration(config);
}

QByteArray TlsConfigurator::normaliseFingerprint(const QByteArray& fingerprint) {
    QByteArray out;
    for (const char c : fingerprint) {
        if (c != ':' && c != ' ') {
            out.append(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        }
    }
    return out;
}

bool TlsConfigurator::accepts(const QWebSocket& socket, const TlsTrust& trust,
                              const QList<QSslError>& errors) {
    if (trust.pinnedSha256.isEmpty() || errors.isEmpty()) {
        return false;
    }
    const QSslCertificate peer = socket.sslConfiguration().peerCertificate();
    if (peer.isNull()) {
        return false;
    }
    const QByteArray actual = peer.digest(QCryptographicHash::Sha256).toHex();
    const bool match = actual == normaliseFingerprint(trust.pinnedSha256);
    qCInfo(lcTransport) << "server certificate sha-256" << actual
                        << (match ? "matches the pin" : "does not match the pin");
    return match;
}

} // namespace wcs
