#include "ui/dialogs/ServerNodesEditor.h"

#include "services/ServerMonitorSettings.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ui {

ServerNodesEditor::ServerNodesEditor(QWidget* parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_id(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_poll(new QSpinBox(this))
    , m_add(new QPushButton(tr("&Add node"), this))
    , m_remove(new QPushButton(tr("Re&move"), this))
    , m_form(new QWidget(this)) {
    m_list->setAccessibleName(tr("REST API nodes"));
    m_id->setToolTip(tr("Use the nodeId WCS reports, so hooks and polls of one node meet."));
    m_url->setPlaceholderText(QStringLiteral("http://wcs.example.net:8081/rest-api"));
    m_user->setPlaceholderText(tr("none"));
    m_password->setEchoMode(QLineEdit::Password);
    m_poll->setRange(1, 3600);
    m_poll->setSuffix(tr(" s"));
    auto* form = new QFormLayout(m_form);
    form->addRow(tr("&Id:"), m_id);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("REST &API URL:"), m_url);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("Poll &every:"), m_poll);
    auto* left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    left->addLayout(buttons);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 1);
    layout->addWidget(m_form, 2);

    for (QLineEdit* e : {m_id, m_name, m_url, m_user}) {
        connect(e, &QLineEdit::textEdited, this, [this] { commit(); });
    }
    connect(m_password, &QLineEdit::textEdited, this, [this] {
        if (m_current >= 0) {
            m_entries[m_current].password = m_password->text();
            m_entries[m_current].passwordTyped = true;
        }
    });
    connect(m_poll, &QSpinBox::valueChanged, this, [this] { commit(); });
    connect(m_list, &QListWidget::currentRowChanged, this, &ServerNodesEditor::load);
    connect(m_add, &QPushButton::clicked, this, [this] {
        Entry e;
        e.node.id = tr("node-%1").arg(m_entries.size() + 1);
        e.node.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8081/rest-api"));
        m_entries.append(e);
        refreshList();
        m_list->setCurrentRow(int(m_entries.size()) - 1);
        m_id->setFocus();
        m_id->selectAll();
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = m_list->currentRow();
        if (row < 0) {
            return;
        }
        if (!m_entries.at(row).originalUser.isEmpty()) { // it had a password to forget
            m_removedIds.append(m_entries.at(row).originalId);
        }
        m_current = -1;
        m_entries.removeAt(row);
        refreshList();
        m_list->setCurrentRow(qMin(row, int(m_entries.size()) - 1));
    });
    load(-1);
}

void ServerNodesEditor::setNodes(const QList<services::ServerNodeConfig>& nodes) {
    m_entries.clear();
    m_removedIds.clear();
    for (const auto& n : nodes) {
        m_entries.append({n, n.id, n.user, {}, false});
    }
    m_current = -1;
    refreshList();
    m_list->setCurrentRow(m_entries.isEmpty() ? -1 : 0);
}

QList<services::ServerNodeConfig> ServerNodesEditor::nodes() const {
    QList<services::ServerNodeConfig> out;
    for (const Entry& e : m_entries) {
        out.append(e.node);
    }
    return out;
}

QHash<QString, QString> ServerNodesEditor::secretEdits() const {
    using S = services::ServerMonitorSettings;
    QHash<QString, QString> out;
    for (const QString& id : m_removedIds) {
        out.insert(S::nodePasswordKey(id), QString());
    }
    for (const Entry& e : m_entries) {
        if (!e.originalUser.isEmpty() && e.originalId != e.node.id) {
            out.insert(S::nodePasswordKey(e.originalId), QString());
        }
        if (e.node.user.isEmpty()) {
            if (!e.originalUser.isEmpty() && e.originalId == e.node.id) {
                out.insert(S::nodePasswordKey(e.node.id), QString());
            }
        } else if (e.passwordTyped) {
            out.insert(S::nodePasswordKey(e.node.id), e.password);
        }
    }
    return out;
}

void ServerNodesEditor::setPasswordsAvailable(bool available, const QString& reason) {
    m_password->setEnabled(available);
    m_password->setPlaceholderText(available ? tr("kept in the keychain; type to replace")
                                             : reason);
}

void ServerNodesEditor::commit() {
    if (m_loading || m_current < 0 || m_current >= m_entries.size()) {
        return;
    }
    services::ServerNodeConfig& n = m_entries[m_current].node;
    n.id = m_id->text().trimmed();
    n.name = m_name->text().trimmed();
    n.baseUrl = QUrl(m_url->text().trimmed());
    n.user = m_user->text().trimmed();
    n.pollIntervalMs = m_poll->value() * 1000;
    if (QListWidgetItem* it = m_list->item(m_current)) {
        it->setText(n.displayName());
    }
}

void ServerNodesEditor::load(int row) {
    m_current = row;
    m_loading = true;
    const bool valid = row >= 0 && row < m_entries.size();
    m_form->setEnabled(valid);
    m_remove->setEnabled(valid);
    const services::ServerNodeConfig n =
        valid ? m_entries.at(row).node : services::ServerNodeConfig{};
    m_id->setText(n.id);
    m_name->setText(n.name);
    m_url->setText(valid ? n.baseUrl.toString() : QString());
    m_user->setText(n.user);
    m_password->setText(valid ? m_entries.at(row).password : QString());
    m_poll->setValue(qMax(1, n.pollIntervalMs / 1000));
    m_loading = false;
}

void ServerNodesEditor::refreshList() {
    m_loading = true;
    m_list->clear();
    for (const Entry& e : m_entries) {
        m_list->addItem(e.node.displayName());
    }
    m_loading = false;
}

} // namespace ui
