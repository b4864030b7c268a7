#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

namespace sip {

/// The 16 events of spec §5.1. toWire() gives the bare name ("connect-started"); the façade
/// name is qualifiedName() ("connection:connect-started", sip-connector's `connection:` prefix).
enum class ConnectionEvent {
    Connecting,
    Connected,
    Disconnected,
    Disconnecting,
    NewRtcSession,
    Registered,
    Unregistered,
    RegistrationFailed,
    NewMessage,
    SipEvent,
    ConnectStarted,
    ConnectSucceeded,
    ConnectFailed,
    ConnectParametersResolveSuccess,
    ConnectParametersResolveFailed,
    ConnectedWithConfiguration,
};

inline constexpr int kConnectionEventCount = 16;

/// Bare name of §5.1, e.g. "newRTCSession", "connect-parameters-resolve-success".
QString toWire(ConnectionEvent event);
/// "connection:" + toWire(event).
QString qualifiedName(ConnectionEvent event);
/// Accepts the bare or the qualified name; nullopt for anything else.
std::optional<ConnectionEvent> connectionEventFromWire(const QString& name);

} // namespace sip

Q_DECLARE_METATYPE(sip::ConnectionEvent)
