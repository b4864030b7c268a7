#pragma once

#include <QString>

namespace wcs {

/// A well-formed frame whose `message` name this client does not handle: unknown names, and the
/// API v1 names of spec §4 that 2.0.276 dropped (`legacy` is true for those). Ignored, logged.
struct UnknownMessage {
    QString name;
    bool legacy = false;
};

} // namespace wcs
