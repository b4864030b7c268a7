#pragma once

#include "core/Clock.h"
#include "services/SessionMonitor.h"

#include <QAbstractTableModel>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>

namespace models {

/// One row per account of a services::SessionMonitor (its order): connection, registration
/// and debug-session badges, the last failure and the pending reconnect ("reconnecting in
/// N s, attempt K", refreshed once a second while a reconnect is pending).
class AccountListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        ConnectionColumn,
        RegistrationColumn,
        DebugColumn,
        LastFailureColumn,
        ReconnectColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        AccountIdRole = Qt::UserRole + 1, ///< QString
        NameRole,                         ///< QString display name (the lookup, else the id)
        ConnectionStatusRole,             ///< int(core::SessionStatus)
        ConnectionTextRole,               ///< translated badge text
        ConnectionInfoRole,               ///< QString reason of the last FAILED/DISCONNECTED
        RegistrationStatusRole,           ///< int(core::RegistrationStatus)
        RegistrationTextRole,   ///< translated text; empty when the profile does not register
        RegistrationWantedRole, ///< bool
        DebugStatusRole,        ///< int(core::SessionDebugStatus)
        DebugTextRole,          ///< translated text
        LastFailureRole,        ///< QString, empty when none
        LastFailureMsRole,      ///< qint64 ms since the epoch, 0 = none
        ReconnectAttemptRole,   ///< int, 0 = no reconnect pending
        ReconnectInMsRole,      ///< qint64 ms until the next attempt, -1 = none pending
        ReconnectTextRole, ///< "reconnecting in N s, attempt K" ("reconnecting, attempt K" once
                           ///< due), empty when none
    };
    Q_ENUM(Role)

    /// Display name of an account id (e.g. the profile name); may return an empty string.
    using NameLookup = std::function<QString(const QString& accountId)>;

    /// `monitor` must outlive the model.
    AccountListModel(services::SessionMonitor* monitor, std::shared_ptr<const core::Clock> clock,
                     NameLookup names = {}, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Row of `accountId`, -1 when unknown.
    int rowOf(const QString& accountId) const { return m_accounts.indexOf(accountId); }
    /// Names changed (profile renamed): repaints the name column.
    void namesChanged();
    /// Emits the once-a-second dataChanged of rows with a pending reconnect.
    void refreshCountdowns();

private:
    void onAdded(const QString& accountId);
    void onRemoved(const QString& accountId);
    void onChanged(const QString& accountId);
    QString nameOf(const QString& accountId) const;
    qint64 reconnectInMs(const services::AccountState& s) const;
    QString reconnectText(const services::AccountState& s) const;
    QVariant displayText(const services::AccountState& s, int column) const;

    services::SessionMonitor* m_monitor;
    std::shared_ptr<const core::Clock> m_clock;
    NameLookup m_names;
    QStringList m_accounts;
    QTimer m_countdownTimer;
};

} // namespace models
