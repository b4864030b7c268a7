#include "AppSettings.h"

#include <QSettings>

namespace services {

namespace {

QString groupKey(const QString& key) {
    return QStringLiteral("app/") + key;
}

} // namespace

AppSettings::AppSettings(QSettings& settings, QObject* parent)
    : QObject(parent)
    , m_settings(settings) {}

QVariant AppSettings::value(const QString& key, const QVariant& fallback) const {
    return m_settings.value(groupKey(key), fallback);
}

void AppSettings::write(const QString& key, const QVariant& value) {
    const QString full = groupKey(key);
    if (m_settings.contains(full) && m_settings.value(full) == value) {
        return;
    }
    m_settings.setValue(full, value);
    Q_EMIT changed(key);
}

QString AppSettings::language() const {
    return value(QStringLiteral("language"), {}).toString();
}
void AppSettings::setLanguage(const QString& language) {
    write(QStringLiteral("language"), language);
}

bool AppSettings::startMinimized() const {
    return value(QStringLiteral("startMinimized"), false).toBool();
}
void AppSettings::setStartMinimized(bool on) {
    write(QStringLiteral("startMinimized"), on);
}

bool AppSettings::closeToTray() const {
    return value(QStringLiteral("closeToTray"), true).toBool();
}
void AppSettings::setCloseToTray(bool on) {
    write(QStringLiteral("closeToTray"), on);
}

bool AppSettings::autostart() const {
    return value(QStringLiteral("autostart"), false).toBool();
}
void AppSettings::setAutostart(bool on) {
    write(QStringLiteral("autostart"), on);
}

bool AppSettings::doNotDisturb() const {
    return value(QStringLiteral("doNotDisturb"), false).toBool();
}
void AppSettings::setDoNotDisturb(bool on) {
    write(QStringLiteral("doNotDisturb"), on);
}

core::DtmfType AppSettings::dtmfMethod() const {
    const QString text = value(QStringLiteral("dtmfMethod"), QStringLiteral("RFC2833")).toString();
    const core::DtmfTypeValue parsed = core::fromWire<core::DtmfType>(QStringView(text));
    return parsed.isUnknown() ? core::DtmfType::Rfc2833 : parsed.value;
}
void AppSettings::setDtmfMethod(core::DtmfType method) {
    write(QStringLiteral("dtmfMethod"), QString(core::toWire(method)));
}

bool AppSettings::notificationEnabled(NotificationKind kind) const {
    return value(QStringLiteral("notify/") + notificationKey(kind), true).toBool();
}
void AppSettings::setNotificationEnabled(NotificationKind kind, bool on) {
    write(QStringLiteral("notify/") + notificationKey(kind), on);
}

QByteArray AppSettings::ringerDevice() const {
    return value(QStringLiteral("ringerDevice"), QByteArray()).toByteArray();
}
void AppSettings::setRingerDevice(const QByteArray& id) {
    write(QStringLiteral("ringerDevice"), id);
}

QByteArray AppSettings::inputDevice() const {
    return value(QStringLiteral("inputDevice"), QByteArray()).toByteArray();
}
void AppSettings::setInputDevice(const QByteArray& id) {
    write(QStringLiteral("inputDevice"), id);
}

QByteArray AppSettings::outputDevice() const {
    return value(QStringLiteral("outputDevice"), QByteArray()).toByteArray();
}
void AppSettings::setOutputDevice(const QByteArray& id) {
    write(QStringLiteral("outputDevice"), id);
}

} // namespace services
