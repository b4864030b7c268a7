#pragma once
// The desktop app's service stack (AccountConnector, CallService, StreamMonitor, SessionMonitor,
// History with its journal and the call history recorder, wired as app::AppServices and
// AppComposition wire them), headless, against the in-process WCS emulator on a fixed loopback
// port, so that a test can break the server (drop, stall, garbage, restart) and check what the
// user would see afterwards.
#include "support/FakeCredentialStore.h"

#include "emulator/EmulatorServer.h"
#include "emulator/ScenarioParser.h"
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

/// Short delays so every step of a call, a registration and a stream lasts long enough
/// (>= 300 ms) to be hit by a fault, and the whole matrix stays within seconds.
inline constexpr char kScenario[] = R"({
  "registration": {"delayMs": 600, "unknownAccounts": "register"},
  "calls": {"ringAfterMs": 300, "transferStepMs": 400,
            "defaultCallee": {"answerAfterMs": 600}},
  "streams": {"publishDelayMs": 400, "playDelayMs": 400}
})";

class WcsFaultRig {
public:
    QTemporaryDir dir;
    std::shared_ptr<core::SystemClock> clock = std::make_shared<core::SystemClock>();
    std::unique_ptr<emulator::EmulatorServer> server;
    quint16 port = 0;
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
    QString account;
    qint64 journalEntries = 0; ///< entries handed to History::append()

    /// Builds the services and the profile (sip login 1000, reconnect 100..400 ms,
    /// `watchdogMs` receive watchdog). Does not start the server or connect.
    void build(int watchdogMs = 50000) {
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
        services::AccountProfile p;
        p.name = QStringLiteral("Desk");
        p.serverUrl = QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port));
        p.sipLogin = QStringLiteral("1000");
        p.sipDomain = QStringLiteral("demo.callboard");
        p.reconnectMinMs = 100;
        p.reconnectMaxMs = 400;
        p.watchdogMs = watchdogMs;
        const auto saved = accounts->add(p);
        QVERIFY2(saved.errors.isEmpty(), "profile rejected");
        account = saved.id;
        keychain.entries.insert(services::AccountService::credentialKey(account),
                                QStringLiteral("1000-secret"));
    }

    /// Starts the emulator on `port` (0: any free port, remembered for restarts).
    void startServer(int pingIntervalMs = 200) {
        server = std::make_unique<emulator::EmulatorServer>();
        const auto parsed = emulator::ScenarioParser::parse(kScenario);
        QVERIFY(parsed.scenario.has_value());
        server->setScenario(*parsed.scenario);
        server->setControlPort(-1);
        server->setPingIntervalMs(pingIntervalMs);
        QVERIFY2(server->listen(QHostAddress::LocalHost, port), qPrintable(server->errorString()));
        port = static_cast<quint16>(server->serverUrl().port());
    }

    /// Connects the account and waits until it is registered.
    void connectAndRegister() {
        QVERIFY(connector->connectAccount(account));
        waitRegistered();
    }

    void waitRegistered(int timeoutMs = 8000) {
        QTRY_VERIFY_WITH_TIMEOUT(
            sessions->state(account).connection == core::SessionStatus::Registered ||
                sessions->state(account).registration == core::RegistrationStatus::Registered,
            timeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(sessions->state(account).registration,
                                  core::RegistrationStatus::Registered, timeoutMs);
    }

    const services::CallRecord* call(const QString& id) const { return calls->find(account, id); }
    core::CallStatus callStatus(const QString& id) const {
        const auto* c = call(id);
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

    /// Journal rows on disk for this account (flushes the buffer first).
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
    /// Call history rows (every call that ended).
    qint64 callRows() const {
        services::CallQuery q;
        q.limit = 0;
        return history->calls(q).size();
    }
};

} // namespace faults
