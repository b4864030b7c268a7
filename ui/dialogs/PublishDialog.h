#pragma once

#include <QDialog>
#include <QList>
#include <QPair>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace ui {

/// Asks what to publish (account, stream name, audio/video, record) or, in Play mode, what to
/// play (account, stream name). OK stays disabled while the input is invalid and the reason is
/// shown inline under the fields (validationError()).
class PublishDialog : public QDialog {
    Q_OBJECT

public:
    enum class Mode { Publish, Play };

    /// `accounts`: (account id, display name) of the connected accounts, in order.
    PublishDialog(Mode mode, const QList<QPair<QString, QString>>& accounts,
                  QWidget* parent = nullptr);

    Mode mode() const { return m_mode; }
    QString accountId() const;
    /// The stream name, trimmed.
    QString streamName() const;
    bool hasAudio() const;
    bool hasVideo() const;
    bool record() const;

    /// Why the input cannot be sent, empty when it is valid.
    QString validationError() const;
    /// Why `name` is not a usable stream name (empty, too long, characters that break the HLS
    /// and record URLs: / \ ? # % and control characters), empty when it is fine.
    static QString nameError(const QString& name);

    QLineEdit* nameEdit() const { return m_name; }
    QComboBox* accountCombo() const { return m_account; }
    QCheckBox* audioCheck() const { return m_audio; }
    QCheckBox* videoCheck() const { return m_video; }
    QCheckBox* recordCheck() const { return m_record; }
    QLabel* errorLabel() const { return m_error; }
    QDialogButtonBox* buttons() const { return m_buttons; }

private:
    void validate();

    Mode m_mode;
    QComboBox* m_account;
    QLineEdit* m_name;
    QCheckBox* m_audio;
    QCheckBox* m_video;
    QCheckBox* m_record;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
};

} // namespace ui
