#pragma once

namespace hooks {

/// The four REST method types of spec §13.2, plus Unknown for names not in §13.1.
enum class HookKind {
    Unknown,
    Connect,            ///< `connect`: accept (200, may carry restClientConfig) or reject
    DirectInvocation,   ///< `call`, `publishStream`, `playStream`, ...: veto (403) or rewrite
    Event,              ///< `StreamStatusEvent`, ...: notification only (403 to a keep-alive kills)
    IncomingInvocation, ///< `OnCallEvent`, `OnTransferEvent`: refuse -> caller gets 403
};

} // namespace hooks
