#include "services/StreamUrls.h"

using namespace Qt::Literals::StringLiterals;

namespace services {

namespace {

QString segment(const QString& text) {
    return QString::fromUtf8(QUrl::toPercentEncoding(text));
}

} // namespace

QUrl StreamUrls::base(const QUrl& serverUrl, int plainPort, int securePort) {
    if (!serverUrl.isValid() || serverUrl.host().isEmpty()) {
        return {};
    }
    const QString scheme = serverUrl.scheme().toLower();
    bool secure = false;
    if (scheme == "wss"_L1 || scheme == "https"_L1) {
        secure = true;
    } else if (scheme != "ws"_L1 && scheme != "http"_L1) {
        return {};
    }
    QUrl url;
    url.setScheme(secure ? u"https"_s : u"http"_s);
    url.setHost(serverUrl.host());
    url.setPort(secure ? securePort : plainPort);
    return url;
}

QUrl StreamUrls::hls(const QUrl& serverUrl, const QString& name) {
    if (name.trimmed().isEmpty()) {
        return {};
    }
    QUrl url = base(serverUrl, 8082, 8445);
    if (url.isEmpty()) {
        return {};
    }
    const QString n = segment(name);
    url.setPath(u"/%1/%2.m3u8"_s.arg(n, n), QUrl::TolerantMode);
    return url;
}

QUrl StreamUrls::record(const QUrl& serverUrl, const QString& recordName) {
    if (recordName.trimmed().isEmpty()) {
        return {};
    }
    QUrl url = base(serverUrl, 8081, 8444);
    if (url.isEmpty()) {
        return {};
    }
    url.setPath(u"/client/records/"_s + segment(recordName), QUrl::TolerantMode);
    return url;
}

} // namespace services
