#pragma once

#include "models/CallActions.h"

#include <QWidget>

#include <memory>

class QAbstractItemModel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace Ui {
class PhonePanel;
}

namespace models {
class CallListModel;
}

namespace ui {

/// The softphone: number field, Dial, a dial pad (whose keys also send DTMF to the talking
/// call), the call list and the call action buttons. The buttons are enabled exactly from the
/// selected row's Can*Role values and act through CallListModel::requestAction() /
/// requestTransfer(); dialling and DTMF are raised as intents for the composition root.
class PhonePanel : public QWidget {
    Q_OBJECT

public:
    explicit PhonePanel(models::CallListModel* calls, QWidget* parent = nullptr);
    ~PhonePanel() override;

    /// Completion of the number field from call history peers (models::HistoryModel).
    void setHistoryModel(QAbstractItemModel* history);

    QLineEdit* numberEdit() const;
    QPushButton* dialButton() const;
    QTableView* callTable() const;
    QPushButton* answerButton() const;
    QPushButton* rejectButton() const;
    QPushButton* hangUpButton() const;
    QPushButton* holdButton() const;
    QPushButton* resumeButton() const;
    QPushButton* transferButton() const;
    QPushButton* clearEndedButton() const;
    /// The dial pad key for `key` ('0'-'9', '*', '#'), nullptr for another character.
    QPushButton* dialPadKey(QChar key) const;

    /// The account chosen in the account picker; empty when the picker has no choice (the
    /// composition then dials from the first registered account).
    QString selectedAccountId() const;

    /// Row of the selected call, -1 when none.
    int selectedRow() const;
    void selectRow(int row);

    /// Places a call to `number` as if typed and Dial pressed.
    void dial(const QString& number);

Q_SIGNALS:
    /// Dial pressed with a non-empty number.
    void dialRequested(const QString& number);
    /// A dial pad key pressed (also typed into the number field when no call talks).
    void dtmfRequested(const QString& digits);
    /// "Clear ended" pressed.
    void clearEndedRequested();

private:
    void buildDialPad();
    void updateButtons();
    void act(models::CallActions::Action action);
    void askTransfer();
    void onDialClicked();

    std::unique_ptr<Ui::PhonePanel> m_ui;
    models::CallListModel* m_calls;
    QList<QPushButton*> m_keys;
};

} // namespace ui
