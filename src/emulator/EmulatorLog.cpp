#include "emulator/EmulatorLog.h"

namespace emulator {

Q_LOGGING_CATEGORY(lcEmulator, "callboard.emulator")

} // namespace emulator
