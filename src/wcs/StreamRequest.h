#pragma once

#include <QByteArray>
#include <QString>

namespace wcs {

/// Fields of `publishStream`, `playStream`, `unPublishStream` and `stopStream` (spec §5.2).
struct StreamRequest {
    QString mediaSessionId; ///< client-generated random UUID (§10)
    QString name;
    bool published = true; ///< true: publish / unPublish; false: play / stop
    bool hasVideo = true;
    bool hasAudio = true;
    QString status = QStringLiteral("PENDING"); ///< current status (unPublish/stop send it)
    bool record = false;
    QString mediaProvider = QStringLiteral("WebRTC");
    QString sdp;        ///< offer (publish/play only)
    QByteArray custom;  ///< compact JSON object, empty = absent
    int width = 0;      ///< play: transcode width in pixels, 0 = as published
    int height = 0;     ///< play: transcode height in pixels
    int bitrate = 0;    ///< kbps, 0 = not set
    int minBitrate = 0; ///< kbps
    int maxBitrate = 0; ///< kbps
    int quality = 0;    ///< play only
    QString rtmpUrl;    ///< publish: republish to RTMP, null = absent
    QString transport;  ///< "UDP" / "TCP", null = absent
};

} // namespace wcs
