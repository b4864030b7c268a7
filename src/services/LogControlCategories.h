#pragma once

#include <QLoggingCategory>
#include <QStringList>

namespace services {

/// Logging category of the services layer, `callboard.services` (default minimum: info).
/// History reports database errors here at warning level.
Q_DECLARE_LOGGING_CATEGORY(lcServices)

/// The logging categories users toggle in the debug panel (ARCHITECTURE.md, "Names"), in
/// display order. Stable: they are persisted in settings by LogControl.
QStringList knownLogCategories();

} // namespace services
