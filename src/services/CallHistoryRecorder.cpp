#include "services/CallHistoryRecorder.h"

#include "services/CallService.h"
#include "services/History.h"

namespace services {

namespace {

using Outcome = CallHistoryEntry::Outcome;

Outcome outcomeOf(const CallRecord& r) {
    const bool incoming = r.direction == CallRecord::Direction::Incoming;
    if (r.answeredAtMs > 0) {
        return Outcome::Answered;
    }
    if (incoming) {
        return r.hungUpHere ? Outcome::Rejected : Outcome::Missed;
    }
    switch (r.status) {
    case core::CallStatus::Busy:
        return Outcome::Busy;
    case core::CallStatus::Finish:
        return r.hungUpHere ? Outcome::Cancelled : Outcome::NoAnswer;
    default:
        break;
    }
    // FAILED before an answer: the peer declined (403, 603) or something broke.
    if (r.sipStatus == 403 || r.sipStatus == 603) {
        return Outcome::Rejected;
    }
    if (r.sipStatus == 408 || r.sipStatus == 480) {
        return Outcome::NoAnswer;
    }
    if (r.hungUpHere) {
        return Outcome::Cancelled;
    }
    return Outcome::Failed;
}

} // namespace

CallHistoryRecorder::CallHistoryRecorder(CallService& calls, History& history, QObject* parent)
    : QObject(parent) {
    connect(&calls, &CallService::callEnded, this,
            [&history](const CallRecord& record) { history.recordCall(entryFor(record)); });
}

CallHistoryEntry CallHistoryRecorder::entryFor(const CallRecord& r) {
    CallHistoryEntry e;
    e.accountId = r.accountId;
    e.callId = r.callId;
    e.direction = r.direction == CallRecord::Direction::Incoming
                      ? CallHistoryEntry::Direction::Incoming
                      : CallHistoryEntry::Direction::Outgoing;
    e.peer = r.peer;
    e.peerName = r.peerName;
    e.outcome = outcomeOf(r);
    e.startedAtMs = r.createdAtMs;
    e.answeredAtMs = r.answeredAtMs;
    e.endedAtMs = r.endedAtMs;
    e.endStatus = QString(core::toWire(r.status));
    e.endReason = r.info;
    e.sipStatus = r.sipStatus > 0 ? r.sipStatus : 0;
    e.quality = r.quality.summary();
    return e;
}

} // namespace services
