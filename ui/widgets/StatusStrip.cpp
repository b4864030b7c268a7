#include "ui/widgets/StatusStrip.h"

#include "models/AccountListModel.h"
#include "ui/widgets/StatusBadge.h"

#include <QAbstractItemModel>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace ui {

using A = models::AccountListModel;

StatusStrip::StatusStrip(QAbstractItemModel* accounts, QWidget* parent)
    : QWidget(parent)
    , m_model(accounts)
    , m_empty(new QLabel(tr("No account is connected."), this)) {
    setObjectName(QStringLiteral("statusStrip"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(2);
    layout->addWidget(m_empty);
    connect(m_model, &QAbstractItemModel::modelReset, this, &StatusStrip::rebuild);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &StatusStrip::rebuild);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &StatusStrip::rebuild);
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& from, const QModelIndex& to) {
                for (int r = from.row(); r <= to.row() && r < m_rows.size(); ++r) {
                    refresh(r);
                }
            });
    rebuild();
}

void StatusStrip::rebuild() {
    for (const Row& row : std::as_const(m_rows)) {
        delete row.line;
    }
    m_rows.clear();
    auto* layout = static_cast<QVBoxLayout*>(this->layout());
    for (int r = 0; r < m_model->rowCount(); ++r) {
        Row row;
        row.line = new QWidget(this);
        auto* h = new QHBoxLayout(row.line);
        h->setContentsMargins(0, 0, 0, 0);
        h->setSpacing(8);
        row.name = new QLabel(row.line);
        QFont bold = row.name->font();
        bold.setBold(true);
        row.name->setFont(bold);
        row.connection = new StatusBadge(row.line);
        row.registration = new StatusBadge(row.line);
        row.debug = new StatusBadge(row.line);
        row.reconnect = new QLabel(row.line);
        h->addWidget(row.name);
        h->addWidget(row.connection);
        h->addWidget(row.registration);
        h->addWidget(row.debug);
        h->addWidget(row.reconnect);
        h->addStretch(1);
        layout->addWidget(row.line);
        m_rows.append(row);
        refresh(r);
    }
    m_empty->setVisible(m_rows.isEmpty());
}

void StatusStrip::refresh(int r) {
    const Row& row = m_rows.at(r);
    const auto v = [this, r](int role) { return m_model->index(r, 0).data(role); };
    row.name->setText(v(A::NameRole).toString());
    const QString failure = v(A::LastFailureRole).toString();
    const qint64 failureMs = v(A::LastFailureMsRole).toLongLong();
    const QString connInfo = v(A::ConnectionInfoRole).toString();
    row.connection->setBadge(StatusBadgeStyle::session(static_cast<core::SessionStatus>(
                                                           v(A::ConnectionStatusRole).toInt()),
                                                       v(A::ConnectionTextRole).toString()),
                             connInfo.isEmpty() ? failure : connInfo,
                             connInfo.isEmpty() && failure.isEmpty() ? 0 : failureMs);
    const bool wanted = v(A::RegistrationWantedRole).toBool();
    row.registration->setVisible(wanted);
    if (wanted) {
        row.registration->setBadge(StatusBadgeStyle::registration(
            static_cast<core::RegistrationStatus>(v(A::RegistrationStatusRole).toInt()),
            v(A::RegistrationTextRole).toString()));
    }
    row.debug->setBadge(StatusBadgeStyle::debug(
        static_cast<core::SessionDebugStatus>(v(A::DebugStatusRole).toInt()),
        v(A::DebugTextRole).toString()));
    const QString reconnect = v(A::ReconnectTextRole).toString();
    row.reconnect->setText(reconnect);
    row.reconnect->setVisible(!reconnect.isEmpty());
}

} // namespace ui
