#pragma once

#include "WireValue.h"

namespace core {

/// notifyStreamEvent / sendStreamEvent types, SDK STREAM_EVENT_TYPE (spec §6.1, §12.2).
enum class StreamEventType {
    Unknown, ///< text not in the table; WireValue::raw keeps it
    AudioMuted,
    AudioUnmuted,
    VideoMuted,
    VideoUnmuted,
    Data,
    SnapshotCompleted,
    SnapshotFailed,
    Resize,
    NotEnoughBandwidth,
};

template <> struct WireTable<StreamEventType> {
    static constexpr std::array<std::pair<StreamEventType, std::string_view>, 9> entries{{
        {StreamEventType::AudioMuted, "audioMuted"},
        {StreamEventType::AudioUnmuted, "audioUnmuted"},
        {StreamEventType::VideoMuted, "videoMuted"},
        {StreamEventType::VideoUnmuted, "videoUnmuted"},
        {StreamEventType::Data, "data"},
        {StreamEventType::SnapshotCompleted, "snapshotCompleted"},
        {StreamEventType::SnapshotFailed, "snapshotFailed"},
        {StreamEventType::Resize, "resize"},
        {StreamEventType::NotEnoughBandwidth, "notEnoughBandwidth"},
    }};
};

using StreamEventTypeValue = WireValue<StreamEventType>;

} // namespace core
