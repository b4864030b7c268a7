#pragma once

#include "core/CallStatusEvent.h"
#include "core/ConnectionStatusEvent.h"
#include "core/DataStatusEvent.h"
#include "core/ErrorEvent.h"
#include "core/OnDataEvent.h"
#include "core/RegistrationStatusEvent.h"
#include "core/SessionDebugStatusEvent.h"
#include "core/StreamKeepAliveEvent.h"
#include "core/StreamStatusEvent.h"
#include "core/TransferStatusEvent.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace hooks {

/// REST hook bodies (spec §13.1: the object itself, wire field names of §4) to domain events.
/// Tolerant as spec §2.1 asks of the client: absent and null are alike, booleans also from
/// "true"/"false", numbers also from numeric strings, unknown fields ignored. A body without
/// the key field of its event (`mediaSessionId`, `callId`, `operationId`) gives nullopt and a
/// reason in `*error`. `nodeId`, `appKey` and `sessionId` are copied where the event has them.
class HookDecoder {
public:
    static std::optional<core::StreamStatusEvent> streamStatus(const QJsonObject& o,
                                                               QString* error);
    static std::optional<core::StreamKeepAliveEvent> streamKeepAlive(const QJsonObject& o,
                                                                     QString* error);
    /// `ConnectionStatusEvent` hook, and `connect` (which becomes status PENDING: the server
    /// asks whether it may accept the connection). `authToken` is never copied.
    static core::ConnectionStatusEvent connectionStatus(const QJsonObject& o);
    static core::RegistrationStatusEvent registrationStatus(const QJsonObject& o);
    static std::optional<core::CallStatusEvent> callStatus(const QJsonObject& o, QString* error);
    static std::optional<core::TransferStatusEvent> transferStatus(const QJsonObject& o,
                                                                   QString* error);
    static std::optional<core::DataStatusEvent> dataStatus(const QJsonObject& o, QString* error);
    static core::OnDataEvent onData(const QJsonObject& o);
    static core::SessionDebugStatusEvent sessionDebugStatus(const QJsonObject& o);
    static core::ErrorEvent error(const QJsonObject& o);

    // Tolerant field access (public for the REST API client, which reads the same objects).
    static QString text(const QJsonObject& o, QStringView key);
    static std::optional<bool> boolean(const QJsonObject& o, QStringView key);
    static std::optional<int> integer(const QJsonObject& o, QStringView key);
};

} // namespace hooks
