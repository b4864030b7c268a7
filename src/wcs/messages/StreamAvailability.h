#pragma once

#include <QString>

namespace wcs {

/// Reply to `availableStream` (spec §6.3): `id` is the mediaSessionId of the request and
/// `status` a string boolean ("true"/"false"; real booleans accepted too).
struct StreamAvailability {
    QString id;
    bool available = false;
    QString info; ///< e.g. "Stream not found"
};

} // namespace wcs
