#include "services/RingerSoundEffect.h"

#include "services/LogControlCategories.h"

#include <QAudioDevice>
#include <QMediaDevices>
#include <QSoundEffect>

// The resource of resources/sounds/sounds.qrc lives in this static library.
static void initSoundResources() {
    Q_INIT_RESOURCE(sounds);
}

namespace services {

RingerSoundEffect::RingerSoundEffect(QUrl source)
    : m_source(std::move(source)) {}

RingerSoundEffect::~RingerSoundEffect() = default;

QUrl RingerSoundEffect::defaultSource() {
    return QUrl(QStringLiteral("qrc:/sounds/ring.wav"));
}

void RingerSoundEffect::start(const QByteArray& deviceId) {
    if (!m_effect) {
        initSoundResources();
        m_effect = std::make_unique<QSoundEffect>();
        m_effect->setSource(m_source);
        m_effect->setLoopCount(QSoundEffect::Infinite);
    }
    QAudioDevice device = QMediaDevices::defaultAudioOutput();
    if (!deviceId.isEmpty()) {
        bool found = false;
        for (const QAudioDevice& d : QMediaDevices::audioOutputs()) {
            if (d.id() == deviceId) {
                device = d;
                found = true;
                break;
            }
        }
        if (!found) {
            qCInfo(lcServices) << "ringer device" << deviceId
                               << "is not connected; ringing on the default output";
        }
    }
    m_effect->stop();
    m_effect->setAudioDevice(device);
    m_effect->play();
    m_playing = true;
}

void RingerSoundEffect::stop() {
    if (m_effect) {
        m_effect->stop();
    }
    m_playing = false;
}

} // namespace services
