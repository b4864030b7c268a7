#pragma once

#include <QJsonObject>
#include <QString>

#include <functional>

namespace emulator {

class EmulatedSession;
class RestHookClient;
class SdpAnswerer;
class StreamRegistry;
struct Scenario;

/// What every EmulatedSession shares with the EmulatorServer that owns it. The pointers
/// outlive the sessions (the server destroys its sessions first).
struct SessionContext {
    const Scenario* scenario = nullptr;
    StreamRegistry* streams = nullptr;
    SdpAnswerer* sdp = nullptr;
    /// REST hooks of the node (spec §13); null when the scenario configures none.
    RestHookClient* hooks = nullptr;
    /// The kept-alive session holding `authToken` (spec §2.3), or null.
    std::function<EmulatedSession*(const QString& authToken)> findKeptAlive;
    /// Runs a timeline action (ActionExecutor vocabulary) on behalf of a session.
    std::function<void(const QJsonObject& action)> runAction;
};

} // namespace emulator
