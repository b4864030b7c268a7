#pragma once

#include "services/RingerPlayer.h"

#include <QUrl>

#include <memory>

class QSoundEffect;

namespace services {

/// services::RingerPlayer on Qt Multimedia's QSoundEffect: loops a WAV file (default the
/// built-in `qrc:/sounds/ring.wav`, see resources/sounds/make-ring.py) on the chosen output
/// device. The QSoundEffect is created on the first start(), so constructing this costs nothing
/// at start-up. Without any audio output the ring is silent; nothing fails.
class RingerSoundEffect : public RingerPlayer {
public:
    explicit RingerSoundEffect(QUrl source = defaultSource());
    ~RingerSoundEffect() override;

    /// The built-in ring sound.
    static QUrl defaultSource();

    void start(const QByteArray& deviceId) override;
    void stop() override;
    bool isPlaying() const override { return m_playing; }

private:
    QUrl m_source;
    std::unique_ptr<QSoundEffect> m_effect;
    bool m_playing = false;
};

} // namespace services
