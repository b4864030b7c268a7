#include "services/DoNotDisturbPolicy.h"

#include "core/Clock.h"
#include "services/AppSettings.h"
#include "services/CallService.h"
#include "services/LogControlCategories.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace services {

DoNotDisturbPolicy::DoNotDisturbPolicy(AppSettings& settings, CallService& calls,
                                       const core::Clock& clock, JournalSink journal,
                                       QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_calls(calls)
    , m_clock(clock)
    , m_journal(std::move(journal)) {
    connect(&calls, &CallService::incomingCallRinging, this, &DoNotDisturbPolicy::onRinging);
}

void DoNotDisturbPolicy::onRinging(const QString& accountId, const QString& callId) {
    if (!m_settings.doNotDisturb()) {
        return;
    }
    const CallRecord* r = m_calls.find(accountId, callId);
    if (r == nullptr || r->hungUpHere) {
        return;
    }
    const QString caller = r->peer;
    const bool accepted = m_calls.hangUp(accountId, callId);
    ++m_rejected;
    qCInfo(lcServices) << "incoming call rejected by do not disturb:" << callId
                       << (accepted ? "" : "(backend refused the reject)");
    if (m_journal) {
        JournalEntry e;
        e.timestampMs = m_clock.nowMs();
        e.type = QStringLiteral("DoNotDisturbEvent");
        e.accountId = accountId;
        e.objectId = callId;
        e.status = QStringLiteral("REJECTED");
        QJsonObject json{
            {QStringLiteral("type"), e.type},
            {QStringLiteral("status"), e.status},
            {QStringLiteral("callId"), callId},
            {QStringLiteral("caller"), caller},
            {QStringLiteral("info"), QStringLiteral("Incoming call rejected: do not disturb")},
        };
        e.json = QJsonDocument(json).toJson(QJsonDocument::Compact);
        m_journal(e);
    }
    Q_EMIT callRejected(accountId, callId, caller, !accepted);
}

} // namespace services
