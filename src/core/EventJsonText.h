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

#include <QByteArray>

namespace core {

/// Domain events as compact UTF-8 JSON text: byte for byte
/// `QJsonDocument(EventJson::toJson(e)).toJson(QJsonDocument::Compact)` (same keys, same values,
/// keys in QJsonObject order, secrets never written), written directly with a JsonTextWriter,
/// without the QJsonObject. For the event journal, where every event is serialized
/// (services::JournalEntry::fromEvent); EventJson stays the reference and the form for callers
/// that want a QJsonObject.
class EventJsonText {
public:
    static QByteArray toJson(const ConnectionStatusEvent& e);
    static QByteArray toJson(const RegistrationStatusEvent& e);
    static QByteArray toJson(const CallStatusEvent& e);
    static QByteArray toJson(const TransferStatusEvent& e);
    static QByteArray toJson(const StreamStatusEvent& e);
    static QByteArray toJson(const StreamKeepAliveEvent& e);
    static QByteArray toJson(const SessionDebugStatusEvent& e);
    static QByteArray toJson(const DataStatusEvent& e);
    static QByteArray toJson(const OnDataEvent& e);
    static QByteArray toJson(const ErrorEvent& e);
};

} // namespace core
