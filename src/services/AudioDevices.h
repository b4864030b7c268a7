#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

class QMediaDevices;

namespace services {

/// The audio devices of the machine (Qt Multimedia's QMediaDevices), for the settings page and
/// the ringer. Ids are QAudioDevice::id() bytes, the same ids services::AppSettings stores.
///
/// The device list is read lazily (the first outputs()/inputs() call starts watching), because
/// enumerating devices must not delay the first paint. After that, outputsChanged() and
/// inputsChanged() follow hot-plug (QMediaDevices::audioOutputsChanged/audioInputsChanged).
///
/// The accessors are virtual so that tests can substitute fixed device lists.
class AudioDevices : public QObject {
    Q_OBJECT

public:
    /// One device as the user sees it.
    struct Device {
        QByteArray id;       ///< QAudioDevice::id()
        QString description; ///< human-readable name from the system
        bool isDefault = false;

        bool operator==(const Device&) const = default;
    };

    explicit AudioDevices(QObject* parent = nullptr);
    ~AudioDevices() override;

    /// Playback devices (speakers, headsets): the ringer and the voice output.
    virtual QList<Device> outputs();
    /// Capture devices (microphones): the voice input.
    virtual QList<Device> inputs();

    /// The entry of `list` with this id, or nullptr.
    static const Device* find(const QList<Device>& list, const QByteArray& id);

Q_SIGNALS:
    /// A playback device appeared or went away (hot-plug).
    void outputsChanged();
    /// A capture device appeared or went away (hot-plug).
    void inputsChanged();

private:
    void watch();

    QMediaDevices* m_devices = nullptr; ///< created on first use, owned (child)
};

} // namespace services
