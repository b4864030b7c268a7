#include "sip/ConnectionEvent.h"

using namespace Qt::Literals::StringLiterals;

namespace sip {

QString toWire(ConnectionEvent event) {
    switch (event) {
    case ConnectionEvent::Connecting:
        return u"connecting"_s;
    case ConnectionEvent::Connected:
        return u"connected"_s;
    case ConnectionEvent::Disconnected:
        return u"disconnected"_s;
    case ConnectionEvent::Disconnecting:
        return u"disconnecting"_s;
    case ConnectionEvent::NewRtcSession:
        return u"newRTCSession"_s;
    case ConnectionEvent::Registered:
        return u"registered"_s;
    case ConnectionEvent::Unregistered:
        return u"unregistered"_s;
    case ConnectionEvent::RegistrationFailed:
        return u"registrationFailed"_s;
    case ConnectionEvent::NewMessage:
        return u"newMessage"_s;
    case ConnectionEvent::SipEvent:
        return u"sipEvent"_s;
    case ConnectionEvent::ConnectStarted:
        return u"connect-started"_s;
    case ConnectionEvent::ConnectSucceeded:
        return u"connect-succeeded"_s;
    case ConnectionEvent::ConnectFailed:
        return u"connect-failed"_s;
    case ConnectionEvent::ConnectParametersResolveSuccess:
        return u"connect-parameters-resolve-success"_s;
    case ConnectionEvent::ConnectParametersResolveFailed:
        return u"connect-parameters-resolve-failed"_s;
    case ConnectionEvent::ConnectedWithConfiguration:
        return u"connected-with-configuration"_s;
    }
    return {};
}

QString qualifiedName(ConnectionEvent event) {
    return u"connection:"_s + toWire(event);
}

std::optional<ConnectionEvent> connectionEventFromWire(const QString& name) {
    const QString bare = name.startsWith(u"connection:"_s) ? name.mid(11) : name;
    for (int i = 0; i < kConnectionEventCount; ++i) {
        const auto e = static_cast<ConnectionEvent>(i);
        if (toWire(e) == bare) {
            return e;
        }
    }
    return std::nullopt;
}

} // namespace sip
