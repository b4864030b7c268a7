#pragma once

#include "WireValue.h"

namespace core {

/// DTMF methods of the sendDtmf command (spec §5.3): RTP telephone-event, SIP INFO, relayed SIP
/// INFO.
enum class DtmfType {
    Unknown, ///< text not in the table; WireValue::raw keeps it
    Rfc2833,
    Info,
    InfoRelay,
};

template <> struct WireTable<DtmfType> {
    static constexpr std::array<std::pair<DtmfType, std::string_view>, 3> entries{{
        {DtmfType::Rfc2833, "RFC2833"},
        {DtmfType::Info, "INFO"},
        {DtmfType::InfoRelay, "INFO_RELAY"},
    }};
};

using DtmfTypeValue = WireValue<DtmfType>;

} // namespace core
