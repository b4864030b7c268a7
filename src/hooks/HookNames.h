#pragma once

#include "hooks/HookKind.h"

#include <QString>
#include <QStringList>
#include <QStringView>

namespace hooks {

/// Every REST hook name of spec §13.1 with its method type (§13.2). Names are case-sensitive,
/// as WCS builds the URL `<baseURL>/<MethodName>` from them.
class HookNames {
public:
    /// Method type of `name`; HookKind::Unknown for names §13.1 does not list.
    static HookKind kind(QStringView name);
    static bool isKnown(QStringView name) { return kind(name) != HookKind::Unknown; }
    /// All names of §13.1, in the spec's order.
    static QStringList all();
};

} // namespace hooks
