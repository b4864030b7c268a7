#pragma once

#include "core/DtmfType.h"

#include <QString>

namespace services {

/// What CallService needs from a protocol backend (wcs::Session, later sip::ConnectionManager)
/// to act on one account's calls. Each method returns false when the backend refused (not
/// connected, unknown call); the outcome arrives later as call/transfer events.
class CallBackend {
public:
    virtual ~CallBackend() = default;
    /// Places a call; returns the callId, empty when refused.
    virtual QString dial(const QString& callee, bool video) = 0;
    virtual bool answer(const QString& callId) = 0;
    virtual bool hangUp(const QString& callId) = 0;
    virtual bool hold(const QString& callId, bool forTransfer) = 0;
    virtual bool unhold(const QString& callId) = 0;
    virtual bool transfer(const QString& callId, const QString& target) = 0;
    virtual bool sendDtmf(const QString& callId, const QString& digits, core::DtmfType type) = 0;
};

} // namespace services
