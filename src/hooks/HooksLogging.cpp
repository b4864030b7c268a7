#include "hooks/HooksLogging.h"

namespace hooks {

Q_LOGGING_CATEGORY(lcHooks, "callboard.hooks", QtInfoMsg)

} // namespace hooks
