#pragma once

#include <QByteArray>
#include <QString>

namespace wcs {

/// A frame the codec could not use: not JSON, not an object, no `message` string, a known
/// message whose key field is missing or of the wrong type, or a frame over the size limit.
struct DecodeError {
    QString reason;     ///< human-readable, names the field and the expected type
    QByteArray raw;     ///< the frame, cut to Codec::kMaxRawKept bytes
    qsizetype size = 0; ///< full frame size in bytes
};

} // namespace wcs
