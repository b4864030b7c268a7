#include "EventKinds.h"

#include <QHash>

namespace soak {

QString EventKinds::journalType(const QString& message) {
    static const QHash<QString, QString> table{
        {QStringLiteral("getUserData"), QStringLiteral("ConnectionStatusEvent")},
        {QStringLiteral("registered"), QStringLiteral("RegistrationStatusEvent")},
        {QStringLiteral("notifyStreamStatusEvent"), QStringLiteral("StreamStatusEvent")},
        {QStringLiteral("notifyVideoFormat"), QStringLiteral("StreamStatusEvent")},
        {QStringLiteral("notifyTryingResponse"), QStringLiteral("CallStatusEvent")},
        {QStringLiteral("ring"), QStringLiteral("CallStatusEvent")},
        {QStringLiteral("talk"), QStringLiteral("CallStatusEvent")},
        {QStringLiteral("hold"), QStringLiteral("CallStatusEvent")},
        {QStringLiteral("finish"), QStringLiteral("CallStatusEvent")},
        {QStringLiteral("sessionProgress"), QStringLiteral("CallStatusEvent")},
        {QStringLiteral("busy"), QStringLiteral("CallStatusEvent")},
        {QStringLiteral("notifyIncomingCall"), QStringLiteral("CallStatusEvent")},
        {QStringLiteral("notifyTransferEvent"), QStringLiteral("TransferStatusEvent")},
        {QStringLiteral("DataStatusEvent"), QStringLiteral("DataStatusEvent")},
        {QStringLiteral("OnDataEvent"), QStringLiteral("OnDataEvent")},
        {QStringLiteral("notifySessionDebugEvent"), QStringLiteral("SessionDebugStatusEvent")},
        {QStringLiteral("fail"), QStringLiteral("ErrorEvent")},
    };
    return table.value(message);
}

QStringList EventKinds::journalTypes() {
    return {QStringLiteral("ConnectionStatusEvent"),
            QStringLiteral("RegistrationStatusEvent"),
            QStringLiteral("StreamStatusEvent"),
            QStringLiteral("CallStatusEvent"),
            QStringLiteral("TransferStatusEvent"),
            QStringLiteral("DataStatusEvent"),
            QStringLiteral("OnDataEvent"),
            QStringLiteral("SessionDebugStatusEvent"),
            QStringLiteral("ErrorEvent")};
}

} // namespace soak
