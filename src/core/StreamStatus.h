#pragma once

#include "WireValue.h"

namespace core {

/// StreamStatusEvent statuses, SDK STREAM_STATUS (spec §6.2, §12.2). RESIZE, SNAPSHOT_COMPLETE and
/// NOT_ENOUGH_BANDWIDTH are deprecated pseudo-statuses that do not change state.
enum class StreamStatus {
    Unknown, ///< text not in the table; WireValue::raw keeps it
    New,
    Pending,
    Publishing,
    Playing,
    Paused,
    Unpublished,
    Stopped,
    Failed,
    PlaybackProblem,
    Resize,
    SnapshotComplete,
    NotEnoughBandwidth,
};

template <> struct WireTable<StreamStatus> {
    static constexpr std::array<std::pair<StreamStatus, std::string_view>, 12> entries{{
        {StreamStatus::New, "NEW"},
        {StreamStatus::Pending, "PENDING"},
        {StreamStatus::Publishing, "PUBLISHING"},
        {StreamStatus::Playing, "PLAYING"},
        {StreamStatus::Paused, "PAUSED"},
        {StreamStatus::Unpublished, "UNPUBLISHED"},
        {StreamStatus::Stopped, "STOPPED"},
        {StreamStatus::Failed, "FAILED"},
        {StreamStatus::PlaybackProblem, "PLAYBACK_PROBLEM"},
        {StreamStatus::Resize, "RESIZE"},
        {StreamStatus::SnapshotComplete, "SNAPSHOT_COMPLETE"},
        {StreamStatus::NotEnoughBandwidth, "NOT_ENOUGH_BANDWIDTH"},
    }};
};

using StreamStatusValue = WireValue<StreamStatus>;

} // namespace core
