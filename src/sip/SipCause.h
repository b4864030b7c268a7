#pragma once

#include <QString>

namespace sip {

/// JsSIP cause strings (spec §4, §8.4), kept verbatim because consumers compare them.
class SipCause {
public:
    static QString connectionError() { return QStringLiteral("Connection Error"); }
    static QString requestTimeout() { return QStringLiteral("Request Timeout"); }
    static QString authenticationError() { return QStringLiteral("Authentication Error"); }
    static QString sipFailureCode() { return QStringLiteral("SIP Failure Code"); }
    /// The local media could not make or apply a description (JsSIP WEBRTC_ERROR).
    static QString webRtcError() { return QStringLiteral("WebRTC Error"); }
    /// The peer's SDP answer cannot be used (JsSIP BAD_MEDIA_DESCRIPTION).
    static QString badMediaDescription() { return QStringLiteral("Bad Media Description"); }
    /// Cause for a final non-2xx status code, JsSIP's table of spec §8.4: 401/407
    /// "Authentication Error", 403/603 "Rejected", 404/604 "Not Found", 408/410/430/480
    /// "Unavailable", 486/600 "Busy", 484/424 "Address Incomplete", 488/606 "Incompatible SDP",
    /// 300/301/302/305/380 "Redirected", anything else "SIP Failure Code".
    static QString forStatus(int statusCode);
};

} // namespace sip
