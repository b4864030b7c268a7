#pragma once

#include <QDialog>

class QAbstractItemModel;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace ui {

/// Asks for the target of a blind transfer (spec §7.5): a number or SIP address, completed
/// from the call history peers (models::HistoryModel::PeerRole) when a history model is given.
/// OK is enabled only for a valid target; an invalid one is explained inline under the field.
/// Shown window-modal with open() so the event loop (and the call's progress) keeps running.
class TransferDialog : public QDialog {
    Q_OBJECT

public:
    /// `peer`: who is being transferred (shown in the prompt). `history` may be null.
    explicit TransferDialog(const QString& peer, QAbstractItemModel* history = nullptr,
                            QWidget* parent = nullptr);

    /// The trimmed target typed by the user.
    QString target() const;
    void setTarget(const QString& target);
    QLineEdit* targetEdit() const { return m_edit; }
    QDialogButtonBox* buttons() const { return m_buttons; }

    /// Empty when `target` can be sent as a transfer target, else the reason (translated).
    /// Accepts a number or SIP user (digits, letters, `+*#._-`) or a `sip:`/`sips:`/`tel:` URI
    /// or `user@host`; no spaces.
    static QString validate(const QString& target);

private:
    void updateState();

    QLineEdit* m_edit;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
};

} // namespace ui
