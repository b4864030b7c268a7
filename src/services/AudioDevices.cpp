#include "services/AudioDevices.h"

#include <QAudioDevice>
#include <QMediaDevices>

namespace services {

namespace {

QList<AudioDevices::Device> convert(const QList<QAudioDevice>& devices) {
    QList<AudioDevices::Device> out;
    out.reserve(devices.size());
    for (const QAudioDevice& d : devices) {
        out.append({d.id(), d.description(), d.isDefault()});
    }
    return out;
}

} // namespace

AudioDevices::AudioDevices(QObject* parent)
    : QObject(parent) {}

AudioDevices::~AudioDevices() = default;

void AudioDevices::watch() {
    if (m_devices) {
        return;
    }
    m_devices = new QMediaDevices(this);
    connect(m_devices, &QMediaDevices::audioOutputsChanged, this, &AudioDevices::outputsChanged);
    connect(m_devices, &QMediaDevices::audioInputsChanged, this, &AudioDevices::inputsChanged);
}

QList<AudioDevices::Device> AudioDevices::outputs() {
    watch();
    return convert(QMediaDevices::audioOutputs());
}

QList<AudioDevices::Device> AudioDevices::inputs() {
    watch();
    return convert(QMediaDevices::audioInputs());
}

const AudioDevices::Device* AudioDevices::find(const QList<Device>& list, const QByteArray& id) {
    for (const Device& d : list) {
        if (d.id == id) {
            return &d;
        }
    }
    return nullptr;
}

} // namespace services
