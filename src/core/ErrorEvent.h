#pragma once

#include <QString>

namespace core {

/// ErrorEvent (spec §11, §13.4), wire `fail`: a backend REST hook failed with
/// `restOnError: FAIL`, or an error that fits no specific event. Always a warning; the
/// referenced object fails only when `status` is present and terminal for it.
struct ErrorEvent {
    QString apiMethod; ///< REST method the error belongs to, e.g. "StreamStatusEvent"; may be null
    QString id;        ///< id of the object concerned (mediaSessionId, callId), may be null
    QString info;      ///< reason text
    QString status;    ///< raw status text when present (e.g. "FAILED"), null otherwise
};

} // namespace core
