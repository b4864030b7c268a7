#include "wcs/Logging.h"

namespace wcs {

Q_LOGGING_CATEGORY(lcTransport, "callboard.wcs.transport", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProtocol, "callboard.wcs.protocol", QtInfoMsg)

} // namespace wcs
