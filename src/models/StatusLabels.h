#pragma once

#include "core/CallStatus.h"
#include "core/RegistrationStatus.h"
#include "core/SessionDebugStatus.h"
#include "core/SessionStatus.h"
#include "core/StreamStatus.h"
#include "core/TransferStatus.h"

#include <QCoreApplication>
#include <QString>

namespace models {

/// Enum -> user-visible badge text, one function per status family (the second lookup table of
/// ARCHITECTURE.md "one small enum per lifecycle, two lookup tables"; colours and icons belong
/// to the ui delegates). Texts go through tr() (context "models::StatusLabels"). `Unknown`
/// gives the raw wire text when one is passed, else "Unknown".
class StatusLabels {
    Q_DECLARE_TR_FUNCTIONS(models::StatusLabels)

public:
    static QString stream(core::StreamStatus status, const QString& raw = {});
    static QString call(core::CallStatus status, const QString& raw = {});
    /// Empty for core::TransferStatus::Unknown without raw text (no transfer).
    static QString transfer(core::TransferStatus status, const QString& raw = {});
    static QString session(core::SessionStatus status, const QString& raw = {});
    static QString registration(core::RegistrationStatus status, const QString& raw = {});
    static QString debug(core::SessionDebugStatus status, const QString& raw = {});
};

} // namespace models
