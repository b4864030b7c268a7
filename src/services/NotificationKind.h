#pragma once

#include <QString>

#include <array>

namespace services {

/// The kinds of desktop notification the user can switch on and off one by one
/// (Settings > Notifications). services::AppSettings keeps one flag per kind.
enum class NotificationKind {
    IncomingCall,
    MissedCall,
    StreamFailed,
    ConnectionLost,
    ConnectionRestored,
};

/// Every kind, in the order the settings page lists them.
inline constexpr std::array<NotificationKind, 5> allNotificationKinds{
    NotificationKind::IncomingCall,       NotificationKind::MissedCall,
    NotificationKind::StreamFailed,       NotificationKind::ConnectionLost,
    NotificationKind::ConnectionRestored,
};

/// Stable key used in the settings file: "incomingCall", "missedCall", "streamFailed",
/// "connectionLost", "connectionRestored".
inline QString notificationKey(NotificationKind kind) {
    switch (kind) {
    case NotificationKind::IncomingCall:
        return QStringLiteral("incomingCall");
    case NotificationKind::MissedCall:
        return QStringLiteral("missedCall");
    case NotificationKind::StreamFailed:
        return QStringLiteral("streamFailed");
    case NotificationKind::ConnectionLost:
        return QStringLiteral("connectionLost");
    case NotificationKind::ConnectionRestored:
        return QStringLiteral("connectionRestored");
    }
    return {};
}

} // namespace services
