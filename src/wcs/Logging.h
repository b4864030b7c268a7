#pragma once

#include <QLoggingCategory>

namespace wcs {

/// `callboard.wcs.transport`: socket open/close/errors, TLS, reconnect timing.
Q_DECLARE_LOGGING_CATEGORY(lcTransport)
/// `callboard.wcs.protocol`: frames in and out (redacted), decode errors, unknown messages.
Q_DECLARE_LOGGING_CATEGORY(lcProtocol)

} // namespace wcs
