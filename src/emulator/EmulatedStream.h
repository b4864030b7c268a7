#pragma once

#include "core/StreamStatus.h"

#include <QString>

namespace emulator {

class FrameSink;

/// One published or played stream on the emulated server (spec §6, §10), keyed by its
/// `mediaSessionId`. A publisher and its players share `name`.
struct EmulatedStream {
    QString mediaSessionId;
    QString name;
    bool published = true; ///< publisher (true) or player (false)
    core::StreamStatus status = core::StreamStatus::Pending;
    FrameSink* owner = nullptr; ///< session that gets its status events; null: background stream
    QString sessionId;          ///< owner's session key (a made-up one for background streams)
    bool hasAudio = true;
    bool hasVideo = true;
    bool record = false;
    QString recordName; ///< "<name>-<epoch ms>.mp4" when recording
    QString mediaProvider = QStringLiteral("WebRTC");
    int width = 0;  ///< pixels, 0 = not known
    int height = 0; ///< pixels, 0 = not known
    int bitrate = 0;
    int quality = 0;
    qint64 createdMs = 0; ///< epoch ms
    /// Publisher with real WebRTC audio: the MediaPeers relay channel its received audio goes
    /// to (players of the name hear it); empty otherwise.
    QString audioChannel;

    bool isBackground() const { return owner == nullptr; }
};

} // namespace emulator
