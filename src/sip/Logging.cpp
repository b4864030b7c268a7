#include "sip/Logging.h"

namespace sip {

Q_LOGGING_CATEGORY(lcTransport, "callboard.sip.transport", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUa, "callboard.sip.ua", QtInfoMsg)

} // namespace sip
