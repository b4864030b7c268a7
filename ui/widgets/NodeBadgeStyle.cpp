#include "ui/widgets/NodeBadgeStyle.h"

namespace ui {

StatusBadgeStyle::Badge NodeBadgeStyle::badge(hooks::NodeReachability reachability, bool hookOnly) {
    using R = hooks::NodeReachability;
    using T = StatusBadgeStyle::Tone;
    using S = StatusBadgeStyle::Shape;
    StatusBadgeStyle::Badge b;
    if (hookOnly) {
        b.tone = T::Neutral;
        b.shape = S::Dot;
        b.text = tr("Hooks only");
    } else {
        switch (reachability) {
        case R::Unknown:
            b = {T::Idle, S::Dash, tr("Not polled"), {}, false};
            break;
        case R::Reachable:
            b = {T::Good, S::Check, tr("Reachable"), {}, false};
            break;
        case R::Unauthorized:
            b = {T::Attention, S::Warning, tr("Unauthorized"), {}, false};
            break;
        case R::ServerError:
            b = {T::Bad, S::Cross, tr("Server error"), {}, false};
            break;
        case R::Unreachable:
            b = {T::Bad, S::Cross, tr("Unreachable"), {}, false};
            break;
        }
    }
    b.accessibleText = tr("REST API: %1").arg(b.text);
    return b;
}

} // namespace ui
