#pragma once

#include "core/SessionStatus.h"
#include "wcs/Session.h"

#include <QString>

namespace services::wcsmedia {

/// The `info` of a call or stream whose audio failed: "no audio: <reason>".
inline QString noAudio(const QString& reason) {
    return QStringLiteral("no audio: %1").arg(reason);
}

/// True when `session` can take `call` / `publishStream` / `playStream` (spec §3.4: ESTABLISHED,
/// or REGISTERED when it registers with SIP).
inline bool sessionReady(const wcs::Session& session) {
    return session.status() == core::SessionStatus::Established ||
           session.status() == core::SessionStatus::Registered;
}

} // namespace services::wcsmedia
