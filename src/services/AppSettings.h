#pragma once

#include "NotificationKind.h"

#include <core/DtmfType.h>

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QVariant>

class QSettings;

namespace services {

/// The user's application preferences (everything that is not an account profile), kept in a
/// QSettings file under the group "app/". Secrets never go here.
///
/// Every setter writes through at once and emits changed() with the settings key when the
/// value really changed (no signal for a write of the same value). Keys: "language",
/// "startMinimized", "closeToTray", "autostart", "doNotDisturb", "dtmfMethod",
/// "ringerDevice", "inputDevice", "outputDevice", "notify/<notificationKey(kind)>".
///
/// Audio device ids are QAudioDevice::id() bytes; empty means "the system default".
class AppSettings : public QObject {
    Q_OBJECT

public:
    /// `settings` must outlive this object.
    explicit AppSettings(QSettings& settings, QObject* parent = nullptr);

    /// UI language as a locale name ("en", "ru"); empty = follow the system locale.
    QString language() const;
    void setLanguage(const QString& language);

    /// Start with the main window hidden in the tray (or minimised without a tray).
    bool startMinimized() const;
    void setStartMinimized(bool on);

    /// Closing the main window hides it to the tray instead of quitting. Default true.
    bool closeToTray() const;
    void setCloseToTray(bool on);

    /// Start Callboard at login (XDG autostart entry). Default false.
    bool autostart() const;
    void setAutostart(bool on);

    /// Do not disturb: incoming calls are rejected at once (busy) and do not ring. Default false.
    bool doNotDisturb() const;
    void setDoNotDisturb(bool on);

    /// How dial-pad keys are sent during a call (spec §5.3 sendDtmf type). Default RFC2833.
    core::DtmfType dtmfMethod() const;
    void setDtmfMethod(core::DtmfType method);

    /// Whether a desktop notification of `kind` is shown. Default true for every kind.
    bool notificationEnabled(NotificationKind kind) const;
    void setNotificationEnabled(NotificationKind kind, bool on);

    /// Ringer output device (QAudioDevice::id()); empty = system default output.
    QByteArray ringerDevice() const;
    void setRingerDevice(const QByteArray& id);

    /// Voice input (microphone) device; empty = system default.
    QByteArray inputDevice() const;
    void setInputDevice(const QByteArray& id);

    /// Voice output (speaker/headset) device; empty = system default.
    QByteArray outputDevice() const;
    void setOutputDevice(const QByteArray& id);

Q_SIGNALS:
    /// A value changed; `key` is one of the keys listed in the class comment.
    void changed(const QString& key);

private:
    QVariant value(const QString& key, const QVariant& fallback) const;
    void write(const QString& key, const QVariant& value);

    QSettings& m_settings;
};

} // namespace services
