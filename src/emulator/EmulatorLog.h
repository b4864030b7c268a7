#pragma once

#include <QLoggingCategory>

namespace emulator {

/// Logging category of the WCS emulator, `callboard.emulator`. Frames are logged at debug
/// level (redacted), session events at info, protocol misuse by clients at warning.
Q_DECLARE_LOGGING_CATEGORY(lcEmulator)

} // namespace emulator
