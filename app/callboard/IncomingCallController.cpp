#include "IncomingCallController.h"

#include "services/AccountService.h"
#include "services/AppSettings.h"
#include "services/CallService.h"
#include "services/Ringer.h"
#include "ui/widgets/IncomingCallPopup.h"

#include <QGuiApplication>
#include <QScreen>

namespace app {

namespace {

bool ringing(const services::CallRecord* r) {
    return r != nullptr && !r->hasEnded() &&
           (r->status == core::CallStatus::Ring || r->status == core::CallStatus::RingMedia);
}

constexpr int screenMargin = 16; ///< px between the popups and the screen edge
constexpr int popupGap = 8;      ///< px between stacked popups

} // namespace

IncomingCallController::IncomingCallController(services::CallService& calls,
                                               services::AppSettings& settings,
                                               services::AccountService& accounts,
                                               std::unique_ptr<services::RingerPlayer> player,
                                               QObject* parent)
    : QObject(parent)
    , m_calls(calls)
    , m_settings(settings)
    , m_accounts(accounts)
    , m_ringer(std::make_unique<services::Ringer>(calls, settings, std::move(player))) {
    connect(&m_calls, &services::CallService::incomingCallRinging, this,
            &IncomingCallController::onRinging);
    connect(&m_calls, &services::CallService::callChanged, this,
            &IncomingCallController::onChanged);
    connect(&m_calls, &services::CallService::callEnded, this,
            [this](const services::CallRecord& r) { onChanged(r.accountId, r.callId); });
    connect(&m_calls, &services::CallService::endedCallsCleared, this, [this] {
        for (ui::IncomingCallPopup* p : popups()) {
            onChanged(p->accountId(), p->callId());
        }
    });
}

IncomingCallController::~IncomingCallController() {
    for (const QPointer<ui::IncomingCallPopup>& p : std::as_const(m_popups)) {
        delete p.data();
    }
}

QList<ui::IncomingCallPopup*> IncomingCallController::popups() const {
    QList<ui::IncomingCallPopup*> out;
    for (const QPointer<ui::IncomingCallPopup>& p : m_popups) {
        if (ui::IncomingCallPopup* popup = p.data()) {
            out.append(popup);
        }
    }
    return out;
}

ui::IncomingCallPopup* IncomingCallController::popup(const QString& accountId,
                                                     const QString& callId) const {
    for (ui::IncomingCallPopup* p : popups()) {
        if (p->accountId() == accountId && p->callId() == callId) {
            return p;
        }
    }
    return nullptr;
}

void IncomingCallController::onRinging(const QString& accountId, const QString& callId) {
    const services::CallRecord* r = m_calls.find(accountId, callId);
    if (m_settings.doNotDisturb() || !ringing(r) || popup(accountId, callId)) {
        return;
    }
    const auto profile = m_accounts.profile(accountId);
    auto* p = new ui::IncomingCallPopup(accountId, callId, r->peer, r->peerName,
                                        profile ? profile->name : accountId);
    connect(p, &ui::IncomingCallPopup::answerRequested, this,
            [this](const QString& account, const QString& call) {
                m_ringer->silence();
                if (!m_calls.answer(account, call)) {
                    onChanged(account, call);
                }
            });
    connect(p, &ui::IncomingCallPopup::rejectRequested, this,
            [this](const QString& account, const QString& call) {
                m_ringer->silence();
                if (!m_calls.hangUp(account, call)) {
                    onChanged(account, call);
                }
            });
    m_popups.append(p);
    restack();
    p->show();
}

void IncomingCallController::onChanged(const QString& accountId, const QString& callId) {
    ui::IncomingCallPopup* p = popup(accountId, callId);
    if (p && !ringing(m_calls.find(accountId, callId))) {
        closePopup(p);
    }
}

void IncomingCallController::closePopup(ui::IncomingCallPopup* popup) {
    m_popups.removeIf([popup](const QPointer<ui::IncomingCallPopup>& p) {
        return p.isNull() || p.data() == popup;
    });
    popup->hide();
    popup->deleteLater();
    restack();
}

void IncomingCallController::restack() {
    const QScreen* screen = QGuiApplication::primaryScreen();
    if (!screen) {
        return;
    }
    const QRect area = screen->availableGeometry();
    QPoint corner = area.bottomRight() - QPoint(screenMargin, screenMargin);
    for (ui::IncomingCallPopup* p : popups()) {
        p->placeAt(corner);
        corner.ry() -= p->height() + popupGap;
    }
}

} // namespace app
