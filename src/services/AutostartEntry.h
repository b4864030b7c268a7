#pragma once

#include <QObject>
#include <QString>

namespace services {

class AppSettings;

/// Keeps the XDG autostart entry in step with AppSettings::autostart() (XDG Autostart
/// Specification 0.5): `$XDG_CONFIG_HOME/autostart/org.callboard.Callboard.desktop` (usually
/// `~/.config/autostart/...`), which starts `callboard --minimized` at login. Written when the
/// setting is on, removed when it is off; applied at construction and on every change.
/// A failed write is logged (callboard.services) and reported by lastError(); nothing throws.
class AutostartEntry : public QObject {
    Q_OBJECT

public:
    /// `settings` must outlive this object. `program` is the Exec command's program, normally
    /// the installed "callboard".
    explicit AutostartEntry(AppSettings& settings, QString program = QStringLiteral("callboard"),
                            QObject* parent = nullptr);

    /// Absolute path of the entry (whether or not it exists).
    static QString path();
    /// Writes or removes the entry as the setting says; false (and lastError()) on failure.
    bool apply();
    QString lastError() const { return m_error; }

private:
    AppSettings& m_settings;
    QString m_program;
    QString m_error;
};

} // namespace services
