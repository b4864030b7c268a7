#include "media/Logging.h"

namespace media {

Q_LOGGING_CATEGORY(lcMedia, "callboard.media", QtInfoMsg)

} // namespace media
