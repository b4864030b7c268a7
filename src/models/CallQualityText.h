#pragma once

#include "services/CallQuality.h"
#include "services/CallQualitySummary.h"

#include <QCoreApplication>
#include <QString>

namespace models {

/// The user-visible texts of call audio quality (services::CallQuality on a call row,
/// services::CallQualitySummary in the history), translated (context "models::CallQualityText").
/// Unknown figures are left out; an empty text means nothing is known yet.
class CallQualityText {
    Q_DECLARE_TR_FUNCTIONS(models::CallQualityText)

public:
    /// One line for the call row, from the latest snapshot:
    /// "RTT 12 ms · jitter 3 ms · loss 0.4 % · ↑32 ↓31 kbit/s".
    static QString compact(const services::CallQuality& quality);
    /// The call row's tooltip: the latest figures, then the figures over the call, one per line.
    static QString details(const services::CallQuality& quality);
    /// One line for the history: "MOS 4.3 · RTT 14 ms · jitter ≤ 8 ms · loss 0.2 %".
    static QString summary(const services::CallQualitySummary& quality);
    /// The history tooltip: every figure over the call, one per line.
    static QString summaryDetails(const services::CallQualitySummary& quality);
    /// "no audio: <reason>" for a call whose media failed.
    static QString mediaProblem(const QString& reason);

    /// `value` in the user's locale with `decimals` digits after the point.
    static QString number(double value, int decimals = 0);
};

} // namespace models
