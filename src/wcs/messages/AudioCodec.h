#pragma once

#include <QString>

namespace wcs {

/// `notifyAudioCodec [callId, codec]` (spec §4): Flash-era notice, informational only.
struct AudioCodec {
    QString callId;
    QString codecName; ///< `codec.name`
};

} // namespace wcs
