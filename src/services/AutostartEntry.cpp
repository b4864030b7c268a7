#include "AutostartEntry.h"

#include "AppSettings.h"
#include "LogControlCategories.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace services {

AutostartEntry::AutostartEntry(AppSettings& settings, QString program, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_program(std::move(program)) {
    connect(&m_settings, &AppSettings::changed, this, [this](const QString& key) {
        if (key == QLatin1StringView("autostart")) {
            apply();
        }
    });
    apply();
}

QString AutostartEntry::path() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/autostart/org.callboard.Callboard.desktop");
}

bool AutostartEntry::apply() {
    m_error.clear();
    const QString file = path();
    if (!m_settings.autostart()) {
        if (QFile::exists(file) && !QFile::remove(file)) {
            m_error = tr("Cannot remove %1.").arg(file);
        }
    } else {
        QDir().mkpath(QFileInfo(file).absolutePath());
        QSaveFile out(file);
        const QByteArray entry = QByteArrayLiteral("[Desktop Entry]\n"
                                                   "Type=Application\n"
                                                   "Name=Callboard\n"
                                                   "Exec=") +
                                 m_program.toUtf8() +
                                 QByteArrayLiteral(" --minimized\n"
                                                   "Icon=org.callboard.Callboard\n"
                                                   "Terminal=false\n"
                                                   "X-GNOME-Autostart-enabled=true\n");
        if (!out.open(QIODevice::WriteOnly) || out.write(entry) != entry.size() || !out.commit()) {
            m_error = tr("Cannot write %1: %2").arg(file, out.errorString());
        }
    }
    if (!m_error.isEmpty()) {
        qCWarning(lcServices) << "autostart:" << m_error;
        return false;
    }
    return true;
}

} // namespace services
