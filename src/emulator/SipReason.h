#pragma once

#include <QString>

namespace emulator {

/// SIP reason phrases (RFC 3261 §21) for the codes the emulator reports in `info`
/// (spec §7, §12.6: `info:"SIP <code> <REASON>"`).
class SipReason {
public:
    /// The RFC reason phrase of `code` ("Busy Here" for 486); "Unknown" for unlisted codes.
    static QString phrase(int code);
    /// `info` text of a failed call: "SIP 403 FORBIDDEN" (upper case, as the WCS docs show).
    static QString failureInfo(int code);
    /// `info` text with the phrase as written in the RFC: "SIP 486 Busy Here".
    static QString info(int code);
};

} // namespace emulator
