#pragma once

#include "core/CallStatusEvent.h"
#include "core/DataStatusEvent.h"
#include "core/ErrorEvent.h"
#include "core/OnDataEvent.h"
#include "core/RegistrationStatusEvent.h"
#include "core/SessionDebugStatusEvent.h"
#include "core/StreamStatusEvent.h"
#include "core/TransferStatusEvent.h"
#include "wcs/messages/AudioCodec.h"
#include "wcs/messages/DecodeError.h"
#include "wcs/messages/MetricsControl.h"
#include "wcs/messages/Ping.h"
#include "wcs/messages/RemoteSdp.h"
#include "wcs/messages/StreamAvailability.h"
#include "wcs/messages/StreamEvent.h"
#include "wcs/messages/UnknownMessage.h"
#include "wcs/messages/UserData.h"
#include "wcs/messages/VideoRate.h"

#include <variant>

namespace wcs {

/// Every server -> client message of spec §4, typed. Domain events are used directly where the
/// wire object is one: `registered` -> RegistrationStatusEvent, `notifyStreamStatusEvent` ->
/// StreamStatusEvent, the call messages -> CallStatusEvent, `notifyTransferEvent` ->
/// TransferStatusEvent, `DataStatusEvent`, `OnDataEvent`, `notifySessionDebugEvent`, `fail` ->
/// ErrorEvent.
using ServerMessage =
    std::variant<Ping, UserData, core::RegistrationStatusEvent, RemoteSdp, core::StreamStatusEvent,
                 StreamEvent, StreamAvailability, VideoRate, core::CallStatusEvent,
                 core::TransferStatusEvent, AudioCodec, core::DataStatusEvent, core::OnDataEvent,
                 core::SessionDebugStatusEvent, core::ErrorEvent, MetricsControl, UnknownMessage>;

/// Result of Codec::decode: a message, or why the frame could not be used.
using Decoded = std::variant<ServerMessage, DecodeError>;

} // namespace wcs
