#pragma once

namespace wcs {

/// `ping` from the server (spec §2.2): answer with `pong` at once.
struct Ping {};

} // namespace wcs
