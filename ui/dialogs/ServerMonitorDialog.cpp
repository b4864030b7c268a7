#include "ui/dialogs/ServerMonitorDialog.h"

#include "services/ServerMonitorSettings.h"
#include "ui/dialogs/RestClientConfigEditor.h"
#include "ui/dialogs/ServerNodesEditor.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ui {

ServerMonitorDialog::ServerMonitorDialog(const services::ServerMonitorConfig& config,
                                         QWidget* parent)
    : QDialog(parent)
    , m_initial(config)
    , m_pages(new QTabWidget(this))
    , m_rest(new RestClientConfigEditor(this))
    , m_nodes(new ServerNodesEditor(this))
    , m_keychain(new QLabel(this))
    , m_errors(new QLabel(this)) {
    setWindowTitle(tr("Servers"));
    m_pages->addTab(buildHookPage(), tr("&Hook server"));
    m_pages->addTab(m_rest, QStringLiteral("&restClientConfig"));
    m_pages->addTab(m_nodes, tr("REST API &nodes"));
    m_rest->setConfig(config.restClientConfig);
    m_nodes->setNodes(config.nodes);
    m_keychain->setWordWrap(true);
    m_keychain->hide();
    m_errors->setWordWrap(true);
    m_errors->setStyleSheet(QStringLiteral("color:#b3261e"));
    m_errors->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_keychain);
    layout->addWidget(m_errors);
    layout->addWidget(buttons);
    resize(760, 520);
}

QWidget* ServerMonitorDialog::buildHookPage() {
    const services::ServerMonitorConfig& c = m_initial;
    auto* page = new QWidget(this);
    m_enabled = new QCheckBox(tr("&Listen for WCS REST hooks"), page);
    m_enabled->setChecked(c.hookServerEnabled);
    m_address = new QLineEdit(c.hookAddress, page);
    m_address->setToolTip(tr("127.0.0.1 = this machine only. Bind elsewhere only on purpose."));
    m_port = new QSpinBox(page);
    m_port->setRange(0, 65535);
    m_port->setValue(c.hookPort);
    m_port->setSpecialValueText(tr("any free port"));
    m_prefix = new QLineEdit(c.hookPathPrefix, page);
    m_bodyKiB = new QSpinBox(page);
    m_bodyKiB->setRange(1, 64 * 1024);
    m_bodyKiB->setSuffix(tr(" KiB"));
    m_bodyKiB->setValue(int(qMax<qint64>(1, c.hookMaxBodyBytes / 1024)));
    m_allow = new QLineEdit(c.hookAllowList.join(QStringLiteral(", ")), page);
    m_allow->setPlaceholderText(tr("any client, e.g. 10.0.0.0/8, 192.168.1.7"));
    m_keepAlive = new QSpinBox(page);
    m_keepAlive->setRange(1, 3600);
    m_keepAlive->setSuffix(tr(" s"));
    m_keepAlive->setValue(qMax(1, c.keepAliveIntervalMs / 1000));
    m_keepAlive->setToolTip(tr("WCS streaming_sessions_keep_alive_interval"));
    m_stale = new QSpinBox(page);
    m_stale->setRange(1, 100);
    m_stale->setPrefix(QStringLiteral("× "));
    m_stale->setValue(c.staleMultiple);
    m_stale->setToolTip(tr("Stale after this many intervals without a keep-alive"));
    m_verify = new QCheckBox(tr("Check the Authorization: WCS &signature"), page);
    m_verify->setChecked(c.verifySignature);
    m_secret = new QLineEdit(page);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("kept in the keychain; type to replace"));
    m_secret->setToolTip(tr("rest_hook_secret_key of WCS"));
    connect(m_secret, &QLineEdit::textEdited, this, [this] { m_secretTyped = true; });
    auto* form = new QFormLayout(page);
    form->addRow(m_enabled);
    form->addRow(tr("&Address:"), m_address);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("Path p&refix:"), m_prefix);
    form->addRow(tr("&Body limit:"), m_bodyKiB);
    form->addRow(tr("Allo&wed clients:"), m_allow);
    form->addRow(tr("&Keep-alive interval:"), m_keepAlive);
    form->addRow(tr("S&tale after:"), m_stale);
    form->addRow(m_verify);
    form->addRow(tr("Shared s&ecret:"), m_secret);
    return page;
}

services::ServerMonitorConfig ServerMonitorDialog::config() const {
    services::ServerMonitorConfig c = m_initial;
    c.hookServerEnabled = m_enabled->isChecked();
    c.hookAddress = m_address->text().trimmed();
    c.hookPort = m_port->value();
    c.hookPathPrefix = m_prefix->text().trimmed();
    c.hookMaxBodyBytes = qint64(m_bodyKiB->value()) * 1024;
    c.hookAllowList.clear();
    for (const QString& part : m_allow->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty()) {
            c.hookAllowList.append(part.trimmed());
        }
    }
    c.keepAliveIntervalMs = m_keepAlive->value() * 1000;
    c.staleMultiple = m_stale->value();
    c.verifySignature = m_verify->isChecked();
    c.restClientConfig = m_rest->config();
    c.nodes = m_nodes->nodes();
    return c;
}

QHash<QString, QString> ServerMonitorDialog::secretEdits() const {
    QHash<QString, QString> out = m_nodes->secretEdits();
    const QString key = services::ServerMonitorSettings::hookSecretKey();
    if (!m_verify->isChecked() && m_initial.verifySignature) {
        out.insert(key, QString());
    } else if (m_verify->isChecked() && m_secretTyped) {
        out.insert(key, m_secret->text());
    }
    return out;
}

void ServerMonitorDialog::setKeychainState(bool available, const QString& message) {
    m_keychain->setVisible(!available);
    const QString reason = tr("Keychain unavailable");
    m_keychain->setText(
        tr("Secure storage is unavailable: %1 Secrets cannot be saved.").arg(message));
    m_keychain->setStyleSheet(QStringLiteral("color:#b3261e"));
    m_secret->setEnabled(available);
    m_secret->setPlaceholderText(available ? tr("kept in the keychain; type to replace") : reason);
    m_nodes->setPasswordsAvailable(available, reason);
}

void ServerMonitorDialog::accept() {
    const QStringList errors = services::ServerMonitorSettings::validate(config());
    if (!errors.isEmpty()) {
        m_errors->setText(errors.join(QLatin1Char('\n')));
        m_errors->show();
        return;
    }
    QDialog::accept();
}

} // namespace ui
