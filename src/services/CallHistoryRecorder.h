#pragma once

#include "services/CallHistoryEntry.h"
#include "services/CallRecord.h"

#include <QObject>

namespace services {

class CallService;
class History;

/// Writes every ended call of CallService into History's call history, classified from the
/// user's side (missed, rejected, answered, busy, cancelled, no answer, failed).
class CallHistoryRecorder : public QObject {
    Q_OBJECT

public:
    CallHistoryRecorder(CallService& calls, History& history, QObject* parent = nullptr);

    /// The history entry for an ended call record.
    static CallHistoryEntry entryFor(const CallRecord& record);
};

} // namespace services
