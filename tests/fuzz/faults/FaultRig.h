#pragma once
// The desktop app's service stack (AccountConnector, CallService, StreamMonitor, SessionMonitor,
// History with its journal and the call history recorder, wired as app::AppServices and
// AppComposition wire them), headless, so that a fault test can break the server (drop, stall,
// garbage, restart) and check what the user would see afterwards. The servers are the tests'.
#include "support/FakeCredentialStore.h"

#include "services/AccountConnector.h"
#include "services/AccountService.h"
#include "services/CallHistoryRecorder.h"
#include "services/CallService.h"
#include "services/History.h"
#include "services/SessionMonitor.h"
#include "services/SessionPasswordCache.h"
#include "services/StreamMonitor.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace faults {

class FaultRig {
public:
    QTemporaryDir dir;
    std::shared_ptr<core::SystemClock> clock = std::make_shared<core::SystemClock>();
    std::unique_ptr<QSettings> settings;
    support::FakeCredentialStore keychain;
    std::unique_ptr<services::AccountService> accounts;
    services::SessionPasswordCache typed;
    std::unique_ptr<services::History> history;
    std::unique_ptr<services::CallService> calls;
    std::unique_ptr<services::StreamMonitor> streams;
    std::unique_ptr<services::SessionMonitor> sessions;
    std::unique_ptr<services::CallHistoryRecorder> recorder;
    std::unique_ptr<services::AccountConnector> connector;
    qint64 journalEntries = 0; ///< entries handed to History::append()

    /// Builds the services with an empty account list.
    void build() {
        settings = std::make_unique<QSettings>(dir.filePath(QStringLiteral("settings.ini")),
                                               QSettings::IniFormat);
        accounts = std::make_unique<services::AccountService>(*settings, keychain);
        history = std::make_unique<services::History>(dir.filePath(QStringLiteral("h.sqlite")),
                                                      clock.get());
        QVERIFY(history->open());
        calls = std::make_unique<services::CallService>(clock);
        streams = std::make_unique<services::StreamMonitor>(clock);
        sessions = std::make_unique<services::SessionMonitor>(clock);
        recorder = std::make_unique<services::CallHistoryRecorder>(*calls, *history);
        connector = std::make_unique<services::AccountConnector>(*accounts, typed, *calls, *streams,
                                                                 *sessions, clock);
        connector->setJournal([this](const services::JournalEntry& e) {
            ++journalEntries;
            history->append(e);
        });
    }

    /// Saves `profile` with `password` in the (fake) keychain; its id, empty when rejected.
    QString addAccount(const services::AccountProfile& profile, const QString& password) {
        const auto saved = accounts->add(profile);
        if (!saved.errors.isEmpty()) {
            return {};
        }
        keychain.entries.insert(services::AccountService::credentialKey(saved.id), password);
        return saved.id;
    }

    /// Waits until `account` is registered.
    void waitRegistered(const QString& account, int timeoutMs = 8000) {
        QTRY_COMPARE_WITH_TIMEOUT(sessions->state(account).registration,
                                  core::RegistrationStatus::Registered, timeoutMs);
    }

    const services::CallRecord* call(const QString& account, const QString& id) const {
        return calls->find(account, id);
    }
    core::CallStatus callStatus(const QString& account, const QString& id) const {
        const auto* c = call(account, id);
        return c ? c->status : core::CallStatus::New;
    }
    const services::StreamRecord* stream(const QString& mediaSessionId) const {
        const int row = streams->rowOf(mediaSessionId);
        return row < 0 ? nullptr : &streams->at(row);
    }
    core::StreamStatus streamStatus(const QString& mediaSessionId) const {
        const auto* s = stream(mediaSessionId);
        return s ? s->status : core::StreamStatus::New;
    }

    /// Journal rows on disk (flushes the buffer first).
    qint64 journalRows() const {
        services::JournalQuery q;
        q.limit = 0;
        return history->journal(q).size();
    }
    /// Journal rows of `type` with `status` for `objectId`.
    qint64 journalRows(const QString& type, const QString& objectId, const QString& status) const {
        services::JournalQuery q;
        q.type = type;
        q.objectId = objectId;
        q.status = status;
        q.limit = 0;
        return history->journal(q).size();
    }
    /// Nothing lost: every entry handed to the journal is a row on disk, none was dropped, and
    /// every call that ended is a call-history row.
    void verifyNothingLost() const {
        QCOMPARE(journalRows(), journalEntries);
        QCOMPARE(history->droppedCount(), 0);
        qsizetype ended = 0;
        for (const auto& c : calls->calls()) {
            ended += c.hasEnded() ? 1 : 0;
        }
        QTRY_COMPARE(callRows(), ended);
    }

    /// The call history row of `callId`: its end status ("FAILED") and reason, empty when
    /// the call is not in the history.
    std::pair<QString, QString> historyEnd(const QString& accountId, const QString& callId) const {
        services::CallQuery q;
        q.accountId = accountId;
        q.limit = 0;
        for (const auto& c : history->calls(q)) {
            if (c.callId == callId) {
                return {c.endStatus, c.endReason};
            }
        }
        return {};
    }

    /// Call history rows (every call that ended).
    qint64 callRows() const {
        services::CallQuery q;
        q.limit = 0;
        return history->calls(q).size();
    }
};

} // namespace faults
