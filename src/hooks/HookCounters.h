#pragma once

#include <QString>

namespace hooks {

/// Hook server figures for the UI's hook server panel.
struct HookCounters {
    quint64 requests = 0; ///< every HTTP request answered (any status)
    quint64 accepted = 0; ///< answered 200
    quint64 refused = 0;  ///< answered 403 by an operator rule or the keep-alive action
    quint64 errors = 0; ///< answered 400, 403 (signature, allow-list), 404, 405, 408, 413, 431, 503
    double requestsPerSecond = 0; ///< requests answered in the last whole second
    qint64 lastRequestMs = 0;     ///< epoch ms of the last request, 0 = none yet
    QString lastRequestName;      ///< hook name (or path) of the last request
    int lastStatus = 0;           ///< HTTP status of the last answer
};

} // namespace hooks
