#pragma once

#include <QPersistentModelIndex>
#include <QWidget>

class QLabel;
class QPushButton;

namespace ui {

class LevelMeter;

/// The audio of the call the phone panel shows: a Mute toggle (Ctrl+M), the microphone level
/// and the received level (ui::LevelMeter), and why there is no audio when there is none.
/// It reads the call from models::CallListModel roles (setCall()) and is fed the levels
/// through showInputLevel() / showOutputLevel() (services::MediaEngine::inputLevelChanged() /
/// outputLevelChanged() in the app); levels of other calls are ignored.
///
/// Without a call, or for a call without a media endpoint (HasMediaRole false: the backend has
/// no audio, the call is not answered yet or ended), the toggle and the meters are disabled and
/// the meters empty; a talking or held call without audio says so.
/// The toggle is checked exactly when MutedRole is true: pressing it only asks
/// (muteRequested()); the state comes back through the model. While muted, the microphone
/// meter goes on showing the level, greyed (disabled): what you say is not sent.
class CallMediaBar : public QWidget {
    Q_OBJECT

public:
    explicit CallMediaBar(QWidget* parent = nullptr);

    /// Shows the call of `index` (any column of a CallListModel row); invalid: no call.
    /// Call again when the row's data changed.
    void setCall(const QModelIndex& index);
    /// The call shown; empty when none.
    QString accountId() const { return m_accountId; }
    QString callId() const { return m_callId; }

    QPushButton* muteButton() const { return m_mute; }
    LevelMeter* inputMeter() const { return m_input; }
    LevelMeter* outputMeter() const { return m_output; }
    /// Says why the call has no audio; empty otherwise.
    QLabel* statusLabel() const { return m_status; }

public Q_SLOTS:
    /// Microphone level of a call, dBov; shown when it is the call shown.
    void showInputLevel(const QString& accountId, const QString& callId, double dBov);
    /// Received level of a call, dBov; shown when it is the call shown.
    void showOutputLevel(const QString& accountId, const QString& callId, double dBov);

Q_SIGNALS:
    /// The user pressed Mute (or Ctrl+M): `muted` is the state asked for.
    void muteRequested(bool muted);

private:
    bool isShown(const QString& accountId, const QString& callId) const;

    QPushButton* m_mute;
    LevelMeter* m_input;
    LevelMeter* m_output;
    QLabel* m_inputLabel;
    QLabel* m_outputLabel;
    QLabel* m_status;
    QString m_accountId;
    QString m_callId;
    bool m_live = false; ///< the call shown has audio now
};

} // namespace ui
