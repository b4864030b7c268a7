#pragma once

#include <QLoggingCategory>

namespace media {

/// `callboard.media`: pipeline construction, negotiation steps (offer/answer, ICE gathering,
/// connection state), codec selection, GStreamer errors and warnings from the bus.
Q_DECLARE_LOGGING_CATEGORY(lcMedia)

} // namespace media
