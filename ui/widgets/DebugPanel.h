#pragma once

#include <QHash>
#include <QUrl>
#include <QWidget>

class QAbstractItemModel;
class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;

namespace services {
class LogControl;
}

namespace ui {

class LogView;
class StatusBadge;

/// The Debug tab:
/// * per account (models::AccountListModel rows) a switch for the server debug session
///   (spec §9.1), enabled while the account is connected, with the STARTED/STOPPED badge of
///   the last SessionDebugStatusEvent and, once the server names the collected debug file, a
///   link to it (opened with QDesktopServices). Toggling raises debugSessionToggled(); the
///   switch follows the badge when the event arrives.
/// * per local logging category (services::LogControl::categories()) a level combo
///   (debug / info / warning / critical / off) that changes LogControl's rules at once.
/// * the live log (LogView) below.
class DebugPanel : public QWidget {
    Q_OBJECT

public:
    /// `accounts` (AccountListModel) and `control` must outlive the panel.
    DebugPanel(QAbstractItemModel* accounts, services::LogControl* control,
               QWidget* parent = nullptr);

    /// Rows shown for accounts, in the model's order.
    int accountCount() const { return static_cast<int>(m_rows.size()); }
    QCheckBox* debugSwitch(int row) const;
    StatusBadge* debugBadge(int row) const;
    QLabel* debugFileLabel(int row) const;
    /// The level combo of `category`, nullptr for an unknown one.
    QComboBox* levelCombo(const QString& category) const { return m_levelCombos.value(category); }
    LogView* logView() const { return m_log; }

    /// Shows the server's debug file of `accountId`: `file` as the link text, `url` as its
    /// target (an invalid url shows the file as plain text).
    void setDebugFile(const QString& accountId, const QString& file, const QUrl& url);

Q_SIGNALS:
    /// The user switched the server debug session of `accountId` on or off.
    void debugSessionToggled(const QString& accountId, bool on);
    /// A debug file link was activated (after QDesktopServices::openUrl was asked to open it).
    void debugFileOpened(const QUrl& url);

private:
    struct Row {
        QString accountId;
        QLabel* name = nullptr;
        QCheckBox* toggle = nullptr;
        StatusBadge* badge = nullptr;
        QLabel* file = nullptr;
    };
    void rebuildAccounts();
    void updateAccounts();
    void updateRow(Row& row, int modelRow);
    QWidget* buildLevels();

    QAbstractItemModel* m_accounts;
    services::LogControl* m_control;
    QGridLayout* m_accountGrid;
    QLabel* m_noAccounts;
    QList<Row> m_rows;
    QHash<QString, QPair<QString, QUrl>> m_files; ///< account -> debug file, its url
    QHash<QString, QComboBox*> m_levelCombos;
    LogView* m_log;
};

} // namespace ui
