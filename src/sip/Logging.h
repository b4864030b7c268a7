#pragma once

#include <QLoggingCategory>

namespace sip {

/// `callboard.sip.transport`: WebSocket open/close/errors, recovery timing, every SIP message in
/// and out at debug level (Authorization/Proxy-Authorization `response=` redacted).
Q_DECLARE_LOGGING_CATEGORY(lcTransport)
/// `callboard.sip.ua`: REGISTER/MESSAGE/OPTIONS outcomes, incoming requests, dropped or malformed
/// input, connection state changes and the `connection:*` events.
Q_DECLARE_LOGGING_CATEGORY(lcUa)

} // namespace sip
