#pragma once

// Test helper: the status enums of src/core by a short family name, so that data-driven tests
// can hold rows of several enums in one table ("call", "RING", ...).

#include "core/CallStatus.h"
#include "core/DataStatus.h"
#include "core/DtmfType.h"
#include "core/RegistrationStatus.h"
#include "core/SessionDebugStatus.h"
#include "core/SessionStatus.h"
#include "core/StreamEventType.h"
#include "core/StreamKeepAliveStatus.h"
#include "core/StreamStatus.h"
#include "core/TransferStatus.h"

#include <QStringView>

#include <type_traits>

namespace testutil {

/// Calls `f(std::type_identity<E>{})` for the status family named `family` among those with a
/// lifecycle table (core::Lifecycle<E>); false for any other name.
template <typename F> bool visitLifecycleFamily(QStringView family, F&& f) {
    if (family == u"session") {
        f(std::type_identity<core::SessionStatus>{});
    } else if (family == u"registration") {
        f(std::type_identity<core::RegistrationStatus>{});
    } else if (family == u"stream") {
        f(std::type_identity<core::StreamStatus>{});
    } else if (family == u"call") {
        f(std::type_identity<core::CallStatus>{});
    } else if (family == u"transfer") {
        f(std::type_identity<core::TransferStatus>{});
    } else if (family == u"keepAlive") {
        f(std::type_identity<core::StreamKeepAliveStatus>{});
    } else if (family == u"debug") {
        f(std::type_identity<core::SessionDebugStatus>{});
    } else if (family == u"data") {
        f(std::type_identity<core::DataStatus>{});
    } else {
        return false;
    }
    return true;
}

/// As above for every enum with a wire table: the lifecycle families plus StreamEventType
/// ("streamEvent") and DtmfType ("dtmf").
template <typename F> bool visitFamily(QStringView family, F&& f) {
    if (visitLifecycleFamily(family, f)) {
        return true;
    }
    if (family == u"streamEvent") {
        f(std::type_identity<core::StreamEventType>{});
    } else if (family == u"dtmf") {
        f(std::type_identity<core::DtmfType>{});
    } else {
        return false;
    }
    return true;
}

} // namespace testutil
