#pragma once

#include <QByteArray>
#include <QString>

namespace wcs {

/// `webRTCMetricsDescriptionUpdate` / `webRTCMetricsTokenRefresh` (spec §9.4). Callboard does
/// not upload WebRTC metrics (optional feature); the message is recognised and logged.
struct MetricsControl {
    QString message;
    QByteArray json; ///< data[0] as compact JSON
};

} // namespace wcs
