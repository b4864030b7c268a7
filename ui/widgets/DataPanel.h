#pragma once

#include <QList>
#include <QPair>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace models {
class DataLogModel;
}

namespace ui {

/// The backend data channel (spec §8): pick an account, write any JSON value, send it
/// (`sendData`); below, every sent message with its DataStatusEvent badge and every OnDataEvent
/// pushed by the backend, newest first, with the selected payload pretty-printed.
///
/// The panel validates the JSON before it asks to send: invalid text shows the parse error with
/// line and column inline and sendRequested() is not raised.
class DataPanel : public QWidget {
    Q_OBJECT

public:
    explicit DataPanel(QWidget* parent = nullptr);

    /// The log shown; owned by the caller (or parented to this panel).
    void setModel(models::DataLogModel* model);
    models::DataLogModel* model() const { return m_model; }
    /// (account id, display name) of the connected accounts; keeps the choice when possible.
    void setAccounts(const QList<QPair<QString, QString>>& accounts);
    QString selectedAccountId() const;

    /// Validates `text` as one JSON value (objects, arrays and scalars). Returns an empty
    /// string and sets `compact` (when given) to compact UTF-8 JSON if it is valid; else the
    /// translated reason with line and column.
    static QString jsonError(const QString& text, QByteArray* compact = nullptr);

    /// Validates the editor and raises sendRequested(); false (error shown inline) when the
    /// JSON is invalid or no account is connected.
    bool send();
    /// Shows `text` inline under the editor (e.g. "the session refused the command").
    void showError(const QString& text);

    QComboBox* accountCombo() const { return m_account; }
    QPlainTextEdit* editor() const { return m_editor; }
    QPushButton* sendButton() const { return m_send; }
    QLabel* errorLabel() const { return m_error; }
    QTableView* table() const { return m_table; }
    QPlainTextEdit* payloadView() const { return m_payload; }

Q_SIGNALS:
    /// The user sends `compactJson` (valid JSON text) from `accountId`.
    void sendRequested(const QString& accountId, const QByteArray& compactJson);

private:
    void validateLive();
    void showSelected();

    models::DataLogModel* m_model = nullptr;
    QComboBox* m_account;
    QPlainTextEdit* m_editor;
    QPushButton* m_send;
    QPushButton* m_format;
    QPushButton* m_clear;
    QLabel* m_error;
    QTableView* m_table;
    QPlainTextEdit* m_payload;
};

} // namespace ui
