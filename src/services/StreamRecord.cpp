#include "services/StreamRecord.h"

namespace services {

QString StreamRecord::statusText() const {
    return status == core::StreamStatus::Unknown ? statusRaw : QString(core::toWire(status));
}

} // namespace services
