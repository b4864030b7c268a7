#include "models/AccountListModel.h"

#include "models/StatusLabels.h"

using namespace Qt::Literals::StringLiterals;

namespace models {

AccountListModel::AccountListModel(services::SessionMonitor* monitor,
                                   std::shared_ptr<const core::Clock> clock, NameLookup names,
                                   QObject* parent)
    : QAbstractTableModel(parent)
    , m_monitor(monitor)
    , m_clock(std::move(clock))
    , m_names(std::move(names))
    , m_accounts(monitor->accounts()) {
    connect(m_monitor, &services::SessionMonitor::accountAdded, this, &AccountListModel::onAdded);
    connect(m_monitor, &services::SessionMonitor::accountRemoved, this,
            &AccountListModel::onRemoved);
    connect(m_monitor, &services::SessionMonitor::stateChanged, this, &AccountListModel::onChanged);
    m_countdownTimer.setInterval(1000);
    connect(&m_countdownTimer, &QTimer::timeout, this, &AccountListModel::refreshCountdowns);
    m_countdownTimer.start();
}

int AccountListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_accounts.size());
}

int AccountListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

void AccountListModel::onAdded(const QString& accountId) {
    if (m_accounts.contains(accountId)) {
        onChanged(accountId);
        return;
    }
    const int row = static_cast<int>(m_accounts.size());
    beginInsertRows({}, row, row);
    m_accounts.append(accountId);
    endInsertRows();
}

void AccountListModel::onRemoved(const QString& accountId) {
    const int row = rowOf(accountId);
    if (row < 0) {
        return;
    }
    beginRemoveRows({}, row, row);
    m_accounts.removeAt(row);
    endRemoveRows();
}

void AccountListModel::onChanged(const QString& accountId) {
    const int row = rowOf(accountId);
    if (row >= 0) {
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

void AccountListModel::namesChanged() {
    if (!m_accounts.isEmpty()) {
        Q_EMIT dataChanged(index(0, NameColumn),
                           index(static_cast<int>(m_accounts.size()) - 1, NameColumn));
    }
}

void AccountListModel::refreshCountdowns() {
    for (int row = 0; row < m_accounts.size(); ++row) {
        if (m_monitor->state(m_accounts[row]).nextAttemptAtMs != 0) {
            Q_EMIT dataChanged(index(row, ReconnectColumn), index(row, ReconnectColumn),
                               {Qt::DisplayRole, ReconnectInMsRole, ReconnectTextRole});
        }
    }
}

QString AccountListModel::nameOf(const QString& accountId) const {
    const QString name = m_names ? m_names(accountId) : QString();
    return name.isEmpty() ? accountId : name;
}

qint64 AccountListModel::reconnectInMs(const services::AccountState& s) const {
    if (s.nextAttemptAtMs == 0) {
        return -1;
    }
    return std::max<qint64>(0, s.nextAttemptAtMs - m_clock->nowMs());
}

QString AccountListModel::reconnectText(const services::AccountState& s) const {
    const qint64 inMs = reconnectInMs(s);
    if (inMs < 0) {
        return {};
    }
    if (inMs == 0) {
        return tr("reconnecting, attempt %1").arg(s.reconnectAttempt);
    }
    const qint64 seconds = (inMs + 999) / 1000; // "in 1 s" until it happens
    return tr("reconnecting in %1 s, attempt %2").arg(seconds).arg(s.reconnectAttempt);
}

QVariant AccountListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const QString& id = m_accounts[index.row()];
    const services::AccountState s = m_monitor->state(id);
    switch (role) {
    case Qt::DisplayRole:
        return displayText(s, index.column());
    case Qt::ToolTipRole:
        return s.lastFailure.isEmpty() ? QVariant() : QVariant(s.lastFailure);
    case AccountIdRole:
        return id;
    case NameRole:
        return nameOf(id);
    case ConnectionStatusRole:
        return static_cast<int>(s.connection);
    case ConnectionTextRole:
        return StatusLabels::session(s.connection);
    case ConnectionInfoRole:
        return s.connectionInfo;
    case RegistrationStatusRole:
        return static_cast<int>(s.registration);
    case RegistrationTextRole:
        return s.registrationWanted ? StatusLabels::registration(s.registration) : QString();
    case RegistrationWantedRole:
        return s.registrationWanted;
    case DebugStatusRole:
        return static_cast<int>(s.debug);
    case DebugTextRole:
        return StatusLabels::debug(s.debug);
    case LastFailureRole:
        return s.lastFailure;
    case LastFailureMsRole:
        return s.lastFailureMs;
    case ReconnectAttemptRole:
        return s.reconnectAttempt;
    case ReconnectInMsRole:
        return reconnectInMs(s);
    case ReconnectTextRole:
        return reconnectText(s);
    default:
        return {};
    }
}

QVariant AccountListModel::displayText(const services::AccountState& s, int column) const {
    switch (column) {
    case NameColumn:
        return nameOf(s.accountId);
    case ConnectionColumn:
        return StatusLabels::session(s.connection);
    case RegistrationColumn:
        return s.registrationWanted ? StatusLabels::registration(s.registration) : QString();
    case DebugColumn:
        return StatusLabels::debug(s.debug);
    case LastFailureColumn:
        return s.lastFailure;
    case ReconnectColumn:
        return reconnectText(s);
    default:
        return {};
    }
}

QVariant AccountListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case NameColumn:
        return tr("Account");
    case ConnectionColumn:
        return tr("Connection");
    case RegistrationColumn:
        return tr("Registration");
    case DebugColumn:
        return tr("Debug");
    case LastFailureColumn:
        return tr("Last failure");
    case ReconnectColumn:
        return tr("Reconnect");
    default:
        return {};
    }
}

QHash<int, QByteArray> AccountListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(QHash<int, QByteArray>{{AccountIdRole, "accountId"},
                                        {NameRole, "name"},
                                        {ConnectionStatusRole, "connectionStatus"},
                                        {ConnectionTextRole, "connectionText"},
                                        {ConnectionInfoRole, "connectionInfo"},
                                        {RegistrationStatusRole, "registrationStatus"},
                                        {RegistrationTextRole, "registrationText"},
                                        {RegistrationWantedRole, "registrationWanted"},
                                        {DebugStatusRole, "debugStatus"},
                                        {DebugTextRole, "debugText"},
                                        {LastFailureRole, "lastFailure"},
                                        {LastFailureMsRole, "lastFailureMs"},
                                        {ReconnectAttemptRole, "reconnectAttempt"},
                                        {ReconnectInMsRole, "reconnectInMs"},
                                        {ReconnectTextRole, "reconnectText"}});
    return names;
}

} // namespace models
