#pragma once

#include "hooks/NodeStatus.h"
#include "ui/widgets/StatusBadgeStyle.h"

#include <QCoreApplication>

namespace ui {

/// The badge of a WCS node's REST API reachability (hooks::NodeReachability), in the tones
/// and shapes of StatusBadgeStyle so a node badge looks like every other badge: one table,
/// words on every badge, readable without colour.
class NodeBadgeStyle {
    Q_DECLARE_TR_FUNCTIONS(ui::NodeBadgeStyle)

public:
    /// Badge of `reachability`; `hookOnly` = a node known only from its REST hooks.
    static StatusBadgeStyle::Badge badge(hooks::NodeReachability reachability,
                                         bool hookOnly = false);
};

} // namespace ui
