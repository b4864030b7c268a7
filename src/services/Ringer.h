#pragma once

#include "services/RingerPlayer.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

#include <memory>

namespace services {

class AppSettings;
class CallService;

/// Rings while an incoming call is in RING: starts the player when
/// CallService::incomingCallRinging fires (unless AppSettings::doNotDisturb is on) on the
/// device AppSettings::ringerDevice(), and stops it when no ringing call is left (answered,
/// rejected, ended, removed), when do-not-disturb is switched on, or when the user acts
/// (silence(), an outgoing call is placed).
///
/// Both references must outlive the ringer.
class Ringer : public QObject {
    Q_OBJECT

public:
    Ringer(CallService& calls, AppSettings& settings, std::unique_ptr<RingerPlayer> player,
           QObject* parent = nullptr);
    ~Ringer() override;

    /// True while the ring sound plays.
    bool isRinging() const;
    /// Incoming calls in RING that are not silenced, as (accountId, callId), oldest first.
    QList<QPair<QString, QString>> ringingCalls() const { return m_ringing; }

    /// Stops the sound for every call ringing now (the user took notice); a call that starts
    /// ringing later rings again.
    void silence();

Q_SIGNALS:
    /// The sound started (true) or stopped (false).
    void ringingChanged(bool ringing);

private:
    using Key = QPair<QString, QString>;
    void onRinging(const QString& accountId, const QString& callId);
    void onChanged(const QString& accountId, const QString& callId);
    void prune();
    void update();

    CallService& m_calls;
    AppSettings& m_settings;
    std::unique_ptr<RingerPlayer> m_player;
    QList<Key> m_ringing;
};

} // namespace services
