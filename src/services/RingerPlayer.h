#pragma once

#include <QByteArray>

namespace services {

/// What services::Ringer needs to make a sound: loop the ring on a device until stopped.
/// The real one is services::RingerSoundEffect (Qt Multimedia); tests use a fake.
class RingerPlayer {
public:
    virtual ~RingerPlayer() = default;
    /// Starts looping the ring on the output device `deviceId` (QAudioDevice::id(); empty or
    /// unknown = the system default output). Restarts on the new device when already playing.
    virtual void start(const QByteArray& deviceId) = 0;
    /// Stops the sound; nothing happens when it is not playing.
    virtual void stop() = 0;
    virtual bool isPlaying() const = 0;
};

} // namespace services
