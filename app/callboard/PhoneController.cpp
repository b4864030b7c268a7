#include "PhoneController.h"

#include "AppServices.h"

#include "models/CallListModel.h"
#include "models/HistoryModel.h"
#include "services/AppSettings.h"
#include "services/CallService.h"
#include "services/MediaEngine.h"
#include "ui/dialogs/TransferDialog.h"
#include "ui/widgets/CallMediaBar.h"
#include "ui/widgets/PhonePanel.h"
#include "ui/windows/MainWindow.h"

#include <QStatusBar>
#include <QStringListModel>

namespace app {

namespace {

QString keyOf(const QString& accountId, const QString& callId) {
    return accountId + QLatin1Char('\n') + callId;
}

} // namespace

PhoneController::PhoneController(AppServices& services, ui::MainWindow* window,
                                 models::CallListModel* calls, models::HistoryModel* history,
                                 QObject* parent)
    : QObject(parent)
    , m_services(services)
    , m_window(window)
    , m_calls(calls)
    , m_history(history) {
    ui::PhonePanel* phone = m_window->phonePanel();
    connect(phone, &ui::PhonePanel::dtmfRequested, this, &PhoneController::sendDtmf);
    connect(m_calls, &models::CallListModel::transferRequested, this,
            &PhoneController::onTransferRequested);
    connect(&m_services.calls(), &services::CallService::callChanged, this,
            &PhoneController::onCallChanged);
    connect(&m_services.calls(), &services::CallService::callEnded, this,
            [this](const services::CallRecord& r) {
                m_resumeWhenHeld.remove(keyOf(r.accountId, r.callId));
                ui::TransferDialog* d = m_dialog.data();
                if (d && d->property("callKey").toString() == keyOf(r.accountId, r.callId)) {
                    d->reject(); // the call is gone: nothing to transfer, nothing to resume
                }
            });
    if (m_history) {
        connect(m_history, &models::HistoryModel::dialRequested, this, &PhoneController::callBack);
    }
    services::MediaEngine& media = m_services.media();
    connect(m_calls, &models::CallListModel::muteRequested, this, &PhoneController::setMuted);
    connect(&media, &services::MediaEngine::inputLevelChanged, phone->mediaBar(),
            &ui::CallMediaBar::showInputLevel);
    connect(&media, &services::MediaEngine::outputLevelChanged, phone->mediaBar(),
            &ui::CallMediaBar::showOutputLevel);
}

void PhoneController::setMuted(const QString& accountId, const QString& callId, bool muted) {
    if (!m_services.media().setMuted(accountId, callId, muted)) {
        showMessage(tr("This call has no audio to mute."));
    }
}

PhoneController::~PhoneController() {
    delete m_dialog.data();
}

ui::TransferDialog* PhoneController::transferDialog() const {
    return m_dialog.data();
}

void PhoneController::sendDtmf(const QString& digits) {
    services::CallService& calls = m_services.calls();
    const services::CallRecord* active = calls.activeCall();
    if (!active) {
        showMessage(tr("No call is talking: the keys were not sent."));
        return;
    }
    const core::DtmfType method = m_services.settings().dtmfMethod();
    if (!calls.sendDtmf(active->accountId, active->callId, digits, method)) {
        showMessage(tr("The keys %1 could not be sent.").arg(digits));
    }
}

void PhoneController::onTransferRequested(const QString& accountId, const QString& callId,
                                          const QString& target) {
    if (target.isEmpty()) {
        askTransferTarget(accountId, callId);
        return;
    }
    if (!m_services.calls().transfer(accountId, callId, target)) {
        showMessage(tr("The transfer to %1 was refused.").arg(target));
    }
}

void PhoneController::askTransferTarget(const QString& accountId, const QString& callId) {
    services::CallService& calls = m_services.calls();
    const services::CallRecord* r = calls.find(accountId, callId);
    if (!r || r->hasEnded()) {
        return;
    }
    if (ui::TransferDialog* open = m_dialog.data()) {
        open->raise(); // one transfer at a time
        open->activateWindow();
        return;
    }
    // Spec §7.4: Transfer pressed -> hold for transfer -> type the target -> transfer.
    const bool heldHere =
        r->status == core::CallStatus::Established && calls.holdForTransfer(accountId, callId);
    const QString peer = r->peerName.isEmpty() ? r->peer : r->peerName;
    ui::PhonePanel* phone = m_window->phonePanel();
    auto* dialog = new ui::TransferDialog(peer, phone->peerModel(), phone);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setProperty("callKey", keyOf(accountId, callId));
    m_dialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog, accountId, callId] {
        const QString target = dialog->target();
        if (!m_services.calls().transfer(accountId, callId, target)) {
            showMessage(tr("The transfer to %1 was refused.").arg(target));
            giveCallBack(accountId, callId);
        } else {
            showMessage(tr("Transferring to %1…").arg(target));
        }
    });
    connect(dialog, &QDialog::rejected, this, [this, heldHere, accountId, callId] {
        if (heldHere) {
            giveCallBack(accountId, callId);
        }
    });
    dialog->open();
    Q_EMIT transferDialogOpened(accountId, callId);
}

void PhoneController::giveCallBack(const QString& accountId, const QString& callId) {
    const services::CallRecord* r = m_services.calls().find(accountId, callId);
    if (!r || r->hasEnded()) {
        return;
    }
    if (r->isHeld()) {
        m_services.calls().resume(accountId, callId);
    } else {
        // The hold for transfer is not confirmed yet: resume once it is.
        m_resumeWhenHeld.insert(keyOf(accountId, callId));
    }
}

void PhoneController::onCallChanged(const QString& accountId, const QString& callId) {
    const QString key = keyOf(accountId, callId);
    if (!m_resumeWhenHeld.contains(key)) {
        return;
    }
    const services::CallRecord* r = m_services.calls().find(accountId, callId);
    if (r && r->isHeld()) {
        m_resumeWhenHeld.remove(key);
        m_services.calls().resume(accountId, callId);
    }
}

void PhoneController::callBack(const QString& accountId, const QString& peer) {
    ui::PhonePanel* phone = m_window->phonePanel();
    phone->selectAccount(accountId); // else the picker's choice stays
    m_window->showTab(QStringLiteral("phone"));
    phone->dial(peer);
}

void PhoneController::showMessage(const QString& text) {
    m_window->statusBar()->showMessage(text, 10000);
}

} // namespace app
