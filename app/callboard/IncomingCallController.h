#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>

namespace services {
class AccountService;
class AppSettings;
class CallService;
class Ringer;
class RingerPlayer;
} // namespace services
namespace ui {
class IncomingCallPopup;
}

namespace app {

/// Incoming calls: rings (services::Ringer on the given player) and shows one
/// ui::IncomingCallPopup per ringing call, stacked upward from the bottom-right corner of the
/// primary screen, without taking keyboard focus. Answer and Reject go to
/// services::CallService (answer / hangUp); a popup closes as soon as its call leaves RING
/// (answered, rejected, cancelled by the caller, failed). Under do-not-disturb there is
/// neither ring nor popup (the tray's do-not-disturb rejects the call).
///
/// The references must outlive the controller.
class IncomingCallController : public QObject {
    Q_OBJECT

public:
    IncomingCallController(services::CallService& calls, services::AppSettings& settings,
                           services::AccountService& accounts,
                           std::unique_ptr<services::RingerPlayer> player,
                           QObject* parent = nullptr);
    ~IncomingCallController() override;

    services::Ringer& ringer() const { return *m_ringer; }
    /// The popups shown now, oldest (lowest on screen) first.
    QList<ui::IncomingCallPopup*> popups() const;
    /// The popup of this call, nullptr if none.
    ui::IncomingCallPopup* popup(const QString& accountId, const QString& callId) const;

private:
    void onRinging(const QString& accountId, const QString& callId);
    void onChanged(const QString& accountId, const QString& callId);
    void closePopup(ui::IncomingCallPopup* popup);
    void restack();

    services::CallService& m_calls;
    services::AppSettings& m_settings;
    services::AccountService& m_accounts;
    std::unique_ptr<services::Ringer> m_ringer;
    QList<QPointer<ui::IncomingCallPopup>> m_popups;
};

} // namespace app
