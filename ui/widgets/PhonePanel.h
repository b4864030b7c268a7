#pragma once

#include "models/CallActions.h"

#include <QWidget>

#include <memory>

class QAbstractItemModel;
class QComboBox;
class QLineEdit;
class QPushButton;
class QStringListModel;
class QTableView;

namespace Ui {
class PhonePanel;
}

namespace models {
class CallListModel;
}

namespace ui {

class CallMediaBar;

/// The softphone: account picker, number field (completed from history peers), Dial, a dial
/// pad, the call list and the call action buttons. The buttons are enabled exactly from the
/// selected row's Can*Role values and act through CallListModel::requestAction(); Transfer
/// raises CallListModel::transferRequested() with an empty target (the controller asks for
/// it). Dialling and DTMF are raised as intents for the composition root.
///
/// Keys: digits, `*` and `#` type into the number field; Enter dials; Escape clears the field.
/// While a call talks (ESTABLISHED), the dial pad keys (and digits typed outside the number
/// field) send DTMF instead of typing.
///
/// Below the call list, a ui::CallMediaBar shows the selected call's audio: Mute (Ctrl+M, through
/// CallListModel::requestMute()) and the microphone and received levels (fed by the composition
/// root through mediaBar()->showInputLevel() / showOutputLevel()).
class PhonePanel : public QWidget {
    Q_OBJECT

public:
    explicit PhonePanel(models::CallListModel* calls, QWidget* parent = nullptr);
    ~PhonePanel() override;

    /// Completion of the number field from call history peers (models::HistoryModel, newest
    /// first): each peer once, most recent first. See peerModel().
    void setHistoryModel(QAbstractItemModel* history);
    /// The distinct history peers (one column, DisplayRole), for other completers.
    QStringListModel* peerModel() const { return m_peers; }
    /// The accounts of the picker (models::AccountListModel). Accounts that are not connected
    /// are listed disabled and marked "(offline)"; connected ones that should register but have
    /// not are marked "(not registered)".
    void setAccountModel(QAbstractItemModel* accounts);

    QLineEdit* numberEdit() const;
    QComboBox* accountCombo() const;
    QPushButton* dialButton() const;
    QTableView* callTable() const;
    QPushButton* answerButton() const;
    QPushButton* rejectButton() const;
    QPushButton* hangUpButton() const;
    QPushButton* holdButton() const;
    QPushButton* resumeButton() const;
    QPushButton* transferButton() const;
    QPushButton* clearEndedButton() const;
    /// Mute and level meters of the selected call.
    CallMediaBar* mediaBar() const { return m_mediaBar; }
    /// The dial pad key for `key` ('0'-'9', '*', '#'), nullptr for another character.
    QPushButton* dialPadKey(QChar key) const;

    /// The account chosen in the account picker (AccountListModel::AccountIdRole); empty when
    /// the picker is empty (the composition then dials from the first registered account).
    QString selectedAccountId() const;
    /// Chooses `accountId` in the picker; false when it is not listed or not connected.
    bool selectAccount(const QString& accountId);

    /// True while some call is ESTABLISHED: dial pad keys then send DTMF.
    bool hasTalkingCall() const;

    /// Row of the selected call, -1 when none.
    int selectedRow() const;
    void selectRow(int row);

    /// Places a call to `number` as if typed and Dial pressed.
    void dial(const QString& number);

Q_SIGNALS:
    /// Dial pressed with a non-empty number.
    void dialRequested(const QString& number);
    /// A dial pad key pressed (or a digit typed outside the number field) while a call talks.
    void dtmfRequested(const QString& digits);
    /// "Clear ended" pressed.
    void clearEndedRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildDialPad();
    void updateButtons();
    void act(models::CallActions::Action action);
    void pressKey(QChar key);
    bool handleDialKey(QKeyEvent* event);
    void onDialClicked();
    void rebuildAccounts();
    void rebuildPeers();

    std::unique_ptr<Ui::PhonePanel> m_ui;
    models::CallListModel* m_calls;
    QAbstractItemModel* m_accounts = nullptr;
    QAbstractItemModel* m_history = nullptr;
    QStringListModel* m_peers;
    CallMediaBar* m_mediaBar;
    QList<QPushButton*> m_keys;
    QStringList m_accountSignature; ///< last listed (id, text, enabled) to skip no-op rebuilds
};

} // namespace ui
