#pragma once

#include "services/NotificationKind.h"

#include <QDialog>
#include <QHash>
#include <QStringList>

#include <memory>

class QCheckBox;
class QTabWidget;

namespace services {
class AppSettings;
class AudioDevices;
} // namespace services
namespace Ui {
class SettingsDialog;
}

namespace ui {

/// File > Settings (form ui/forms/SettingsDialog.ui): the application preferences of
/// services::AppSettings on four pages: General (language, start minimised, close to tray, start at
/// login), Notifications (one switch per services::NotificationKind), Audio (ringer, voice output
/// and voice input devices from services::AudioDevices, refreshed on hot-plug) and Phone (DTMF
/// method).
///
/// The dialog reads every value when built and writes every value on OK or Apply (AppSettings
/// emits changed() only for values that really changed); Cancel writes nothing. A saved device
/// that is not connected stays selected and is shown as "(not connected)".
///
/// Languages offered: "System default" (empty code), English ("en") always, plus one entry per
/// `callboard_<code>.qm` found in `translationDirs`.
class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    /// Both references must outlive the dialog.
    SettingsDialog(services::AppSettings& settings, services::AudioDevices& devices,
                   const QStringList& translationDirs, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    /// Locale codes of `callboard_<code>.qm` files in `dirs`, plus "en", sorted, no duplicates.
    static QStringList availableLanguages(const QStringList& dirs);
    /// The user-visible name of a notification kind ("Incoming call", ...).
    static QString notificationLabel(services::NotificationKind kind);

    /// Writes every value shown to AppSettings (what OK and Apply do).
    void apply();
    /// Re-reads every value from AppSettings, discarding unsaved edits.
    void load();

    QTabWidget* pages() const;

private:
    void fillLanguages(const QStringList& translationDirs);
    void buildNotifications();
    void refreshOutputs();
    void refreshInputs();

    services::AppSettings& m_settings;
    services::AudioDevices& m_devices;
    std::unique_ptr<Ui::SettingsDialog> m_ui;
    QHash<services::NotificationKind, QCheckBox*> m_notify;
};

} // namespace ui
