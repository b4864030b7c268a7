#pragma once

#include <QLoggingCategory>

namespace hooks {

/// `callboard.hooks`: the REST hook server (requests refused and why, policy actions) and the
/// WCS REST API client (polls, errors per node). Secrets (HMAC key, Basic auth password,
/// `sipPassword`) never reach this category.
Q_DECLARE_LOGGING_CATEGORY(lcHooks)

} // namespace hooks
