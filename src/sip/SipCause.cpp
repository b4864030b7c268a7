#include "sip/SipCause.h"

using namespace Qt::Literals::StringLiterals;

namespace sip {

QString SipCause::forStatus(int statusCode) {
    switch (statusCode) {
    case 401:
    case 407:
        return authenticationError();
    case 403:
    case 603:
        return u"Rejected"_s;
    case 404:
    case 604:
        return u"Not Found"_s;
    case 408:
    case 410:
    case 430:
    case 480:
        return u"Unavailable"_s;
    case 486:
    case 600:
        return u"Busy"_s;
    case 484:
    case 424:
        return u"Address Incomplete"_s;
    case 488:
    case 606:
        return u"Incompatible SDP"_s;
    case 300:
    case 301:
    case 302:
    case 305:
    case 380:
        return u"Redirected"_s;
    default:
        return sipFailureCode();
    }
}

} // namespace sip
