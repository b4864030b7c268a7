#pragma once

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

namespace models {
class CallListModel;
class HistoryModel;
} // namespace models
namespace ui {
class MainWindow;
class TransferDialog;
} // namespace ui

namespace app {

class AppServices;

/// The phone's intents that need more than one service call:
/// * DTMF: dial pad keys during a talking call go to CallService::sendDtmf with the method the
///   user chose (services::AppSettings::dtmfMethod(), read at each key press).
/// * Transfer (spec §7.4, §7.5): Transfer pressed (CallListModel::transferRequested with an
///   empty target) holds the call for transfer, asks for the target in a ui::TransferDialog,
///   then CallService::transfer() sends it; the row shows the TransferStatusEvent progress.
///   Cancel resumes the call; a FAILED transfer is resumed by CallService. A target given
///   with the request goes straight to CallService::transfer().
/// * Call back from history: chooses the call's account in the picker when it is connected,
///   shows the Phone tab and dials the peer.
/// * Call audio: Mute (CallListModel::muteRequested) goes to services::MediaEngine::setMuted();
///   the engine's microphone and received levels feed the phone panel's ui::CallMediaBar.
/// Refusals are said in the window's status bar.
class PhoneController : public QObject {
    Q_OBJECT

public:
    /// Everything given must outlive the controller.
    PhoneController(AppServices& services, ui::MainWindow* window, models::CallListModel* calls,
                    models::HistoryModel* history, QObject* parent = nullptr);
    ~PhoneController() override;

    /// The open transfer dialog, nullptr when none.
    ui::TransferDialog* transferDialog() const;

Q_SIGNALS:
    /// A transfer dialog was opened for the call (for tests and the end-to-end driver).
    void transferDialogOpened(const QString& accountId, const QString& callId);

private:
    void sendDtmf(const QString& digits);
    void onTransferRequested(const QString& accountId, const QString& callId,
                             const QString& target);
    void askTransferTarget(const QString& accountId, const QString& callId);
    void giveCallBack(const QString& accountId, const QString& callId);
    void onCallChanged(const QString& accountId, const QString& callId);
    void callBack(const QString& accountId, const QString& peer);
    void setMuted(const QString& accountId, const QString& callId, bool muted);
    void showMessage(const QString& text);

    AppServices& m_services;
    ui::MainWindow* m_window;
    models::CallListModel* m_calls;
    models::HistoryModel* m_history;
    QPointer<ui::TransferDialog> m_dialog;
    /// Calls whose transfer was cancelled before their HOLD arrived: resumed once HOLD comes.
    QSet<QString> m_resumeWhenHeld;
};

} // namespace app
