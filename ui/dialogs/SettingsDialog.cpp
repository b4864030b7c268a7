#include "ui/dialogs/SettingsDialog.h"

#include "services/AppSettings.h"
#include "services/AudioDevices.h"
#include "ui_SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

/// Fills a device combo: "System default" (empty id), every device, and the saved `selected`
/// id as "(not connected)" when it is not among them. Selects `selected`.
void fillDevices(QComboBox* box, const QList<services::AudioDevices::Device>& devices,
                 const QByteArray& selected) {
    const QSignalBlocker block(box);
    box->clear();
    box->addItem(SettingsDialog::tr("System default"), QByteArray());
    for (const auto& d : devices) {
        box->addItem(d.description, d.id);
        box->setItemData(box->count() - 1, QString::fromUtf8(d.id), Qt::ToolTipRole);
    }
    if (!selected.isEmpty() && !services::AudioDevices::find(devices, selected)) {
        box->addItem(SettingsDialog::tr("%1 (not connected)").arg(QString::fromUtf8(selected)),
                     selected);
    }
    box->setCurrentIndex(qMax(0, box->findData(selected)));
}

QByteArray selectedId(const QComboBox* box) {
    return box->currentData().toByteArray();
}

void select(QComboBox* box, const QVariant& value) {
    box->setCurrentIndex(qMax(0, box->findData(value)));
}

} // namespace

SettingsDialog::SettingsDialog(services::AppSettings& settings, services::AudioDevices& devices,
                               const QStringList& translationDirs, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_devices(devices)
    , m_ui(std::make_unique<Ui::SettingsDialog>()) {
    m_ui->setupUi(this);
    fillLanguages(translationDirs);
    buildNotifications();
    m_ui->dtmfCombo->addItem(tr("RFC 2833 (in the audio stream)"),
                             static_cast<int>(core::DtmfType::Rfc2833));
    m_ui->dtmfCombo->addItem(tr("SIP INFO"), static_cast<int>(core::DtmfType::Info));

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->buttonBox->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            &SettingsDialog::apply);
    connect(m_ui->languageCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_ui->languageHint->setVisible(m_ui->languageCombo->currentData().toString() !=
                                       m_settings.language());
    });
    connect(&m_devices, &services::AudioDevices::outputsChanged, this,
            &SettingsDialog::refreshOutputs);
    connect(&m_devices, &services::AudioDevices::inputsChanged, this,
            &SettingsDialog::refreshInputs);
    load();
}

SettingsDialog::~SettingsDialog() = default;

QTabWidget* SettingsDialog::pages() const {
    return m_ui->pages;
}

QStringList SettingsDialog::availableLanguages(const QStringList& dirs) {
    QStringList codes{QStringLiteral("en")};
    const QString prefix = QStringLiteral("callboard_");
    for (const QString& dir : dirs) {
        const QStringList files =
            QDir(dir).entryList({QStringLiteral("callboard_*.qm")}, QDir::Files);
        for (const QString& file : files) {
            const QString code = file.mid(prefix.size(), file.size() - prefix.size() - 3);
            if (!code.isEmpty() && !codes.contains(code)) {
                codes.append(code);
            }
        }
    }
    codes.sort();
    return codes;
}

QString SettingsDialog::notificationLabel(services::NotificationKind kind) {
    switch (kind) {
    case services::NotificationKind::IncomingCall:
        return tr("Incoming call");
    case services::NotificationKind::MissedCall:
        return tr("Missed call");
    case services::NotificationKind::StreamFailed:
        return tr("Stream failed");
    case services::NotificationKind::ConnectionLost:
        return tr("Connection lost");
    case services::NotificationKind::ConnectionRestored:
        return tr("Connection restored");
    }
    return {};
}

void SettingsDialog::fillLanguages(const QStringList& translationDirs) {
    QComboBox* box = m_ui->languageCombo;
    box->addItem(tr("System default"), QString());
    for (const QString& code : availableLanguages(translationDirs)) {
        const QLocale locale(code);
        const QString english = QLocale::languageToString(locale.language());
        QString native = locale.nativeLanguageName();
        if (!native.isEmpty()) {
            native[0] = native[0].toUpper();
        }
        const QString text = (native.isEmpty() || native == english || code == u"en")
                                 ? english
                                 : QStringLiteral("%1 (%2)").arg(native, english);
        box->addItem(text, code);
    }
}

void SettingsDialog::buildNotifications() {
    QVBoxLayout* layout = m_ui->notifyLayout;
    for (const services::NotificationKind kind : services::allNotificationKinds) {
        auto* box = new QCheckBox(notificationLabel(kind), m_ui->notificationsPage);
        box->setObjectName(QStringLiteral("notify_") + services::notificationKey(kind));
        m_notify.insert(kind, box);
        layout->addWidget(box);
    }
    layout->addStretch();
}

void SettingsDialog::refreshOutputs() {
    const QList<services::AudioDevices::Device> outputs = m_devices.outputs();
    fillDevices(m_ui->ringerCombo, outputs, selectedId(m_ui->ringerCombo));
    fillDevices(m_ui->outputCombo, outputs, selectedId(m_ui->outputCombo));
}

void SettingsDialog::refreshInputs() {
    fillDevices(m_ui->inputCombo, m_devices.inputs(), selectedId(m_ui->inputCombo));
}

void SettingsDialog::load() {
    const QString language = m_settings.language();
    if (m_ui->languageCombo->findData(language) < 0) { // saved, but its .qm is not installed
        m_ui->languageCombo->addItem(language, language);
    }
    select(m_ui->languageCombo, language);
    m_ui->languageHint->hide();
    m_ui->startMinimizedCheck->setChecked(m_settings.startMinimized());
    m_ui->closeToTrayCheck->setChecked(m_settings.closeToTray());
    m_ui->autostartCheck->setChecked(m_settings.autostart());
    for (auto it = m_notify.cbegin(); it != m_notify.cend(); ++it) {
        it.value()->setChecked(m_settings.notificationEnabled(it.key()));
    }
    const QList<services::AudioDevices::Device> outputs = m_devices.outputs();
    fillDevices(m_ui->ringerCombo, outputs, m_settings.ringerDevice());
    fillDevices(m_ui->outputCombo, outputs, m_settings.outputDevice());
    fillDevices(m_ui->inputCombo, m_devices.inputs(), m_settings.inputDevice());
    select(m_ui->dtmfCombo, static_cast<int>(m_settings.dtmfMethod()));
}

void SettingsDialog::apply() {
    m_settings.setLanguage(m_ui->languageCombo->currentData().toString());
    m_settings.setStartMinimized(m_ui->startMinimizedCheck->isChecked());
    m_settings.setCloseToTray(m_ui->closeToTrayCheck->isChecked());
    m_settings.setAutostart(m_ui->autostartCheck->isChecked());
    for (auto it = m_notify.cbegin(); it != m_notify.cend(); ++it) {
        m_settings.setNotificationEnabled(it.key(), it.value()->isChecked());
    }
    m_settings.setRingerDevice(selectedId(m_ui->ringerCombo));
    m_settings.setOutputDevice(selectedId(m_ui->outputCombo));
    m_settings.setInputDevice(selectedId(m_ui->inputCombo));
    m_settings.setDtmfMethod(static_cast<core::DtmfType>(m_ui->dtmfCombo->currentData().toInt()));
    m_ui->languageHint->hide();
}

} // namespace ui
