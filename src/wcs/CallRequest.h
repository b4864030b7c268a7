#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace wcs {

/// Fields of `call` and `answer` (spec §5.3).
struct CallRequest {
    QString callId; ///< client UUID for `call`, the server's id for `answer`
    bool incoming = false;
    bool hasAudio = true;
    bool hasVideo = false; ///< `answer` always sends true, as the SDK does
    QString mediaProvider = QStringLiteral("WebRTC");
    QString sdp;        ///< offer for `call`, answer for `answer`
    QStringList sipSDP; ///< extra SDP lines for the SIP leg; empty = absent
    QString caller;     ///< sipLogin; sent in `answer` too (the SDK forgets it, §16)
    QString callee;
    QString visibleName;
    QByteArray custom;           ///< compact JSON object, empty = absent
    QByteArray inviteParameters; ///< compact JSON object of custom INVITE data, empty = absent
};

} // namespace wcs
