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

namespace core {

/// Domain events as JSON objects with their wire field names (spec §4, §11) and a `type` key
/// naming the event ("CallStatusEvent", ...). Absent fields are left out; secrets (authToken)
/// are never written. Used by the CLI's JSON Lines output, the journal and log export.
class EventJson {
public:
    static QJsonObject toJson(const ConnectionStatusEvent& e);
    static QJsonObject toJson(const RegistrationStatusEvent& e);
    static QJsonObject toJson(const CallStatusEvent& e);
    static QJsonObject toJson(const TransferStatusEvent& e);
    static QJsonObject toJson(const StreamStatusEvent& e);
    static QJsonObject toJson(const StreamKeepAliveEvent& e);
    static QJsonObject toJson(const SessionDebugStatusEvent& e);
    static QJsonObject toJson(const DataStatusEvent& e);
    static QJsonObject toJson(const OnDataEvent& e);
    static QJsonObject toJson(const ErrorEvent& e);
};

} // namespace core
