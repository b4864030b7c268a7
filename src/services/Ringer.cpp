#include "services/Ringer.h"

#include "services/AppSettings.h"
#include "services/CallService.h"

namespace services {

namespace {

bool stillRinging(const CallRecord* r) {
    return r != nullptr && !r->hasEnded() && r->direction == CallRecord::Direction::Incoming &&
           (r->status == core::CallStatus::Ring || r->status == core::CallStatus::RingMedia);
}

} // namespace

Ringer::Ringer(CallService& calls, AppSettings& settings, std::unique_ptr<RingerPlayer> player,
               QObject* parent)
    : QObject(parent)
    , m_calls(calls)
    , m_settings(settings)
    , m_player(std::move(player)) {
    connect(&m_calls, &CallService::incomingCallRinging, this, &Ringer::onRinging);
    connect(&m_calls, &CallService::callChanged, this, &Ringer::onChanged);
    connect(&m_calls, &CallService::callEnded, this,
            [this](const CallRecord& r) { onChanged(r.accountId, r.callId); });
    connect(&m_calls, &CallService::endedCallsCleared, this, [this] {
        prune();
        update();
    });
    connect(&m_calls, &CallService::callAdded, this,
            [this](const QString& accountId, const QString& callId) {
                const CallRecord* r = m_calls.find(accountId, callId);
                if (r && r->direction == CallRecord::Direction::Outgoing) {
                    silence(); // the user is busy placing a call
                }
            });
    connect(&m_settings, &AppSettings::changed, this, [this](const QString& key) {
        if (key == QLatin1String("doNotDisturb")) {
            if (m_settings.doNotDisturb()) {
                silence();
            }
        } else if (key == QLatin1String("ringerDevice") && isRinging()) {
            m_player->start(m_settings.ringerDevice());
        }
    });
}

Ringer::~Ringer() {
    if (m_player && m_player->isPlaying()) {
        m_player->stop();
    }
}

bool Ringer::isRinging() const {
    return m_player && m_player->isPlaying();
}

void Ringer::silence() {
    m_ringing.clear();
    update();
}

void Ringer::onRinging(const QString& accountId, const QString& callId) {
    if (m_settings.doNotDisturb()) {
        return;
    }
    const Key key{accountId, callId};
    if (!m_ringing.contains(key) && stillRinging(m_calls.find(accountId, callId))) {
        m_ringing.append(key);
    }
    update();
}

void Ringer::onChanged(const QString& accountId, const QString& callId) {
    const Key key{accountId, callId};
    if (m_ringing.contains(key) && !stillRinging(m_calls.find(accountId, callId))) {
        m_ringing.removeAll(key);
        update();
    }
}

void Ringer::prune() {
    m_ringing.removeIf(
        [this](const Key& k) { return !stillRinging(m_calls.find(k.first, k.second)); });
}

void Ringer::update() {
    if (!m_player) {
        return;
    }
    const bool want = !m_ringing.isEmpty();
    if (want == m_player->isPlaying()) {
        return;
    }
    if (want) {
        m_player->start(m_settings.ringerDevice());
    } else {
        m_player->stop();
    }
    Q_EMIT ringingChanged(want);
}

} // namespace services
