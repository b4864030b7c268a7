#pragma once

#include <QString>
#include <QUrl>

namespace services {

/// HTTP addresses of a stream on a WCS server, built from the account's WebSocket server URL
/// (spec §5.2 `record`, §14.2 HLS). The host is kept; scheme and port follow the WCS defaults:
///
/// | server URL | HLS playlist                               | recording |
/// |------------|--------------------------------------------|----------------------------------------|
/// | ws://h:*   | http://h:8082/<name>/<name>.m3u8           | http://h:8081/client/records/<file>
/// | | wss://h:*  | https://h:8445/<name>/<name>.m3u8          |
/// https://h:8444/client/records/<file>   |
///
/// Names are percent-encoded as one path segment each. An invalid server URL, a scheme other
/// than ws/wss/http/https, or an empty name gives an invalid (empty) QUrl.
class StreamUrls {
public:
    /// HLS playlist of stream `name` (the published stream name, not the mediaSessionId).
    static QUrl hls(const QUrl& serverUrl, const QString& name);
    /// Download address of recording `recordName` (the `recordName` of a StreamStatusEvent).
    static QUrl record(const QUrl& serverUrl, const QString& recordName);

private:
    static QUrl base(const QUrl& serverUrl, int plainPort, int securePort);
};

} // namespace services
