#include "services/CallService.h"

#include "core/Lifecycle.h"
#include "services/LogControlCategories.h"

namespace services {

namespace {
using Life = core::Lifecycle<core::CallStatus>;
} // namespace

CallService::CallService(std::shared_ptr<const core::Clock> clock, QObject* parent)
    : QObject(parent)
    , m_clock(std::move(clock)) {}

void CallService::setBackend(const QString& accountId, CallBackend* backend) {
    if (backend) {
        m_backends.insert(accountId, backend);
    } else {
        m_backends.remove(accountId);
    }
}

CallBackend* CallService::backend(const QString& accountId) const {
    return m_backends.value(accountId, nullptr);
}

core::Transition CallService::apply(const QString& accountId, const core::CallStatusEvent& e) {
    const Key key{accountId, e.callId};
    const qint64 now = m_clock->nowMs();
    auto it = m_calls.find(key);
    const bool added = it == m_calls.end();
    if (added) {
        CallRecord r;
        r.accountId = accountId;
        r.callId = e.callId;
        r.direction = e.incoming.value_or(e.isIncomingCallOffer) ? CallRecord::Direction::Incoming
                                                                 : CallRecord::Direction::Outgoing;
        r.peer = r.direction == CallRecord::Direction::Incoming ? e.caller : e.callee;
        r.createdAtMs = now;
        it = m_calls.insert(key, r);
        m_order.append(key);
    }
    CallRecord& r = *it;
    const core::CallStatus to = e.status.value;
    core::Transition verdict = Life::check(r.status, to);
    // The first event of a call may come mid-life (a re-attached session, a late start):
    // take its status as it is.
    if (added && to != core::CallStatus::Unknown) {
        verdict = core::Transition::Apply;
    }
    if (verdict == core::Transition::Illegal) {
        ++m_illegal;
        qCInfo(lcServices) << "illegal call transition ignored:" << e.callId
                           << core::toWire(r.status) << "->" << e.status.text();
        if (added) {
            Q_EMIT callAdded(accountId, e.callId);
        }
        return verdict;
    }
    // visibleName is the caller's display name (spec §5.3): the peer's only on incoming calls.
    if (!e.visibleName.isEmpty() && r.direction == CallRecord::Direction::Incoming) {
        r.peerName = e.visibleName;
    }
    if (r.peer.isEmpty()) {
        r.peer = r.direction == CallRecord::Direction::Incoming ? e.caller : e.callee;
    }
    if (e.hasVideo) {
        r.hasVideo = *e.hasVideo;
    }
    if (e.sipStatus >= 0) {
        r.sipStatus = e.sipStatus;
    }
    if (!e.info.isEmpty() && verdict != core::Transition::Ignore) {
        r.info = e.info;
    }
    if (verdict == core::Transition::Apply) {
        r.status = to;
        if (to == core::CallStatus::Established && r.answeredAtMs == 0) {
            r.answeredAtMs = now;
        }
        if (to == core::CallStatus::Hold) {
            const auto pending = m_pendingTransfers.constFind(key);
            if (pending != m_pendingTransfers.cend()) {
                const QString target = *pending;
                m_pendingTransfers.remove(key);
                if (CallBackend* b = backend(accountId)) {
                    b->transfer(e.callId, target);
                }
            }
        }
        if (Life::isTerminal(to)) {
            r.endedAtMs = now;
            m_pendingTransfers.remove(key);
        }
    }
    if (added) {
        Q_EMIT callAdded(accountId, e.callId);
    } else {
        Q_EMIT callChanged(accountId, e.callId);
    }
    if (verdict == core::Transition::Apply) {
        if (r.direction == CallRecord::Direction::Incoming && to == core::CallStatus::Ring) {
            Q_EMIT incomingCallRinging(accountId, e.callId);
        }
        if (Life::isTerminal(to)) {
            Q_EMIT callEnded(r);
        }
    }
    return verdict;
}

core::Transition CallService::apply(const QString& accountId, const core::TransferStatusEvent& e) {
    CallRecord* r = findMutable(accountId, e.callId);
    if (!r) {
        qCInfo(lcServices) << "transfer event for unknown call ignored:" << e.callId;
        return core::Transition::Ignore;
    }
    using TLife = core::Lifecycle<core::TransferStatus>;
    const core::TransferStatus from =
        r->transferStatus == core::TransferStatus::Unknown ? TLife::initial() : r->transferStatus;
    const core::Transition verdict = TLife::check(from, e.status.value);
    if (verdict == core::Transition::Illegal) {
        ++m_illegal;
        qCInfo(lcServices) << "illegal transfer transition ignored:" << e.callId;
        return verdict;
    }
    if (verdict == core::Transition::Apply || verdict == core::Transition::Update) {
        r->transferStatus = e.status.value;
        if (!e.target.isEmpty()) {
            r->transferTarget = e.target;
        }
        if (e.status == core::TransferStatus::Failed && r->isHeld()) {
            // The target could not take the call: give the caller back (spec §7.4).
            if (CallBackend* b = backend(accountId)) {
                b->unhold(e.callId);
            }
        }
        Q_EMIT callChanged(accountId, e.callId);
    }
    return verdict;
}

QList<CallRecord> CallService::calls() const {
    QList<CallRecord> out;
    out.reserve(m_order.size());
    for (const Key& k : m_order) {
        out.append(m_calls.value(k));
    }
    return out;
}

const CallRecord* CallService::find(const QString& accountId, const QString& callId) const {
    const auto it = m_calls.constFind(Key{accountId, callId});
    return it == m_calls.cend() ? nullptr : &*it;
}

CallRecord* CallService::findMutable(const QString& accountId, const QString& callId) {
    const auto it = m_calls.find(Key{accountId, callId});
    return it == m_calls.end() ? nullptr : &*it;
}

const CallRecord* CallService::activeCall() const {
    for (const Key& k : m_order) {
        const auto it = m_calls.constFind(k);
        if (it != m_calls.cend() && it->status == core::CallStatus::Established) {
            return &*it;
        }
    }
    return nullptr;
}

void CallService::clearEnded() {
    const qsizetype removed = m_order.removeIf([this](const Key& k) {
        if (m_calls.value(k).hasEnded()) {
            m_calls.remove(k);
            return true;
        }
        return false;
    });
    if (removed > 0) {
        Q_EMIT endedCallsCleared();
    }
}

void CallService::holdOthers(const QString& accountId, const QString& callId) {
    for (const Key& k : m_order) {
        const CallRecord& r = m_calls[k];
        if (r.status == core::CallStatus::Established &&
            !(r.accountId == accountId && r.callId == callId)) {
            if (CallBackend* b = backend(r.accountId)) {
                b->hold(r.callId, false);
            }
        }
    }
}

QString CallService::dial(const QString& accountId, const QString& callee, bool video) {
    CallBackend* b = backend(accountId);
    if (!b || callee.trimmed().isEmpty()) {
        return {};
    }
    holdOthers(accountId, {});
    return b->dial(callee.trimmed(), video);
}

bool CallService::answer(const QString& accountId, const QString& callId) {
    CallBackend* b = backend(accountId);
    if (!b || !find(accountId, callId)) {
        return false;
    }
    holdOthers(accountId, callId);
    return b->answer(callId);
}

bool CallService::hangUp(const QString& accountId, const QString& callId) {
    CallBackend* b = backend(accountId);
    m_pendingTransfers.remove(Key{accountId, callId});
    if (CallRecord* r = findMutable(accountId, callId); r && !r->hasEnded()) {
        r->hungUpHere = true;
    }
    return b && b->hangUp(callId);
}

bool CallService::hold(const QString& accountId, const QString& callId) {
    CallBackend* b = backend(accountId);
    return b && b->hold(callId, false);
}

bool CallService::resume(const QString& accountId, const QString& callId) {
    CallBackend* b = backend(accountId);
    if (!b) {
        return false;
    }
    m_pendingTransfers.remove(Key{accountId, callId});
    holdOthers(accountId, callId);
    return b->unhold(callId);
}

bool CallService::transfer(const QString& accountId, const QString& callId, const QString& target) {
    CallBackend* b = backend(accountId);
    const CallRecord* r = find(accountId, callId);
    if (!b || !r || target.trimmed().isEmpty() || r->hasEnded()) {
        return false;
    }
    if (r->isHeld()) {
        return b->transfer(callId, target.trimmed());
    }
    m_pendingTransfers.insert(Key{accountId, callId}, target.trimmed());
    return b->hold(callId, true);
}

bool CallService::holdForTransfer(const QString& accountId, const QString& callId) {
    CallBackend* b = backend(accountId);
    const CallRecord* r = find(accountId, callId);
    return b && r && !r->hasEnded() && b->hold(callId, true);
}

bool CallService::sendDtmf(const QString& accountId, const QString& callId, const QString& digits,
                           core::DtmfType type) {
    CallBackend* b = backend(accountId);
    return b && b->sendDtmf(callId, digits, type);
}

bool CallService::applyQuality(const QString& accountId, const QString& callId,
                               const media::MediaStats& stats) {
    CallRecord* r = findMutable(accountId, callId);
    if (!r || r->hasEnded()) {
        return false;
    }
    r->quality.add(stats);
    Q_EMIT callChanged(accountId, callId);
    return true;
}

bool CallService::applyMediaEndpoint(const QString& accountId, const QString& callId,
                                     bool present) {
    CallRecord* r = findMutable(accountId, callId);
    if (!r || (r->hasMedia == present && (!present || r->mediaError.isEmpty()))) {
        return false;
    }
    r->hasMedia = present;
    if (present) {
        r->muted = false;
        r->mediaError.clear();
    }
    Q_EMIT callChanged(accountId, callId);
    return true;
}

bool CallService::applyMuted(const QString& accountId, const QString& callId, bool muted) {
    CallRecord* r = findMutable(accountId, callId);
    if (!r || r->muted == muted) {
        return false;
    }
    r->muted = muted;
    Q_EMIT callChanged(accountId, callId);
    return true;
}

bool CallService::applyMediaFailure(const QString& accountId, const QString& callId,
                                    const QString& reason) {
    CallRecord* r = findMutable(accountId, callId);
    if (!r || r->hasEnded()) {
        qCInfo(lcServices) << "media failure of an unknown or ended call ignored:" << callId
                           << reason;
        return false;
    }
    qCInfo(lcServices) << "media of call" << callId << "failed:" << reason;
    r->mediaError = reason;
    Q_EMIT callChanged(accountId, callId);
    return true;
}

} // namespace services
