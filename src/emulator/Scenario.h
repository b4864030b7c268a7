#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace emulator {

/// What the emulated WCS does: accounts, callee behaviour, data rules, background streams and a
/// timeline of actions. Plain data, filled by ScenarioParser from the JSON format documented in
/// src/emulator/SCENARIO.md; a default-constructed Scenario is a quiet server where every
/// account registers and every callee answers after 1000 ms. All times are milliseconds.
struct Scenario {
    /// Result of SIP REGISTER for one account (spec §3.3).
    enum class RegistrationOutcome {
        Registered, ///< `registered {status:"REGISTERED", sipLogin}`
        AuthFail,   ///< `fail {apiMethod:"RegistrationStatusEvent", status:"AUTHENTICATION_FAIL"}`
        Failed,     ///< `fail {..., status:"FAILED", info:"SIP 503 Service Unavailable"}`
        Silent,     ///< no answer at all
    };

    struct Account {
        QString password; ///< null: any password is accepted
        RegistrationOutcome outcome = RegistrationOutcome::Registered;
        int delayMs = -1; ///< -1: Scenario::registerDelayMs
    };

    enum class TransferOutcome { Completed, Failed };

    /// How a callee of an outgoing call behaves (spec §7.1).
    struct Callee {
        enum class Outcome { Answer, Busy, Reject, NeverAnswer };
        Outcome outcome = Outcome::Answer;
        int answerAfterMs = 1000; ///< from the `call` command to ESTABLISHED (Answer)
        int ringAfterMs = -1;     ///< TRYING -> RING (or -> BUSY/FAILED); -1: Scenario::ringAfterMs
        int rejectCode = 0;       ///< SIP code 400..699 (Reject)
        QString rejectInfo;       ///< null: "SIP <code> <REASON>"
        int hangupAfterMs = 0;    ///< remote party hangs up this long after ESTABLISHED; 0: never
        /// Echo test: a real WebRTC offer (MediaPeers::isRealWebRtc) is answered by an echo
        /// endpoint that sends the caller's audio back; other offers get the fake answer.
        bool echo = false;
        QHash<QString, TransferOutcome> transferTargets; ///< "*" matches any other target
    };

    /// Reply to a `sendData` whose payload matches (spec §8). First matching rule wins.
    struct DataRule {
        QString key;        ///< matches when the payload object has this top-level key
        QString contains;   ///< matches when the compact payload JSON contains this text
        bool accept = true; ///< ACCEPTED or FAILED
        QString info;       ///< DataStatusEvent `info`
        bool echo = false;  ///< also push OnDataEvent {payload:{echo:<payload>, from:"emulator"}}
        int delayMs = 0;    ///< before the DataStatusEvent
    };

    /// A stream of "another user" that publishes, is played and ends over and over (spec §6).
    struct BackgroundStream {
        enum class End { Unpublish, Fail, Alternate };
        QString name;
        int startAfterMs = 0; ///< first publish, from listen()
        int upMs = 0;         ///< how long each publication lasts; 0: forever
        int downMs = 5000;    ///< gap before publishing again
        End end = End::Unpublish;
        QString failInfo = QStringLiteral("Failed by RTP activity");
        int viewers = 0; ///< background players created with each publication
        bool hasAudio = true;
        bool hasVideo = true;
        bool record = false;
        QString mediaProvider = QStringLiteral("WebRTC");
        int width = 1280; ///< pixels
        int height = 720; ///< pixels
    };

    /// One timeline entry: run `action` (an ActionCatalog action object, the same vocabulary as
    /// the control endpoint) at `atMs`, then every `everyMs` (0: once), at most `repeat` times
    /// (0: no limit). Session scope counts from each session's getUserData and targets only
    /// that session; server scope counts from listen() and targets every session.
    struct TimelineEntry {
        int atMs = 0;
        int everyMs = 0;
        int repeat = 0;
        bool serverScope = false;
        QJsonObject action; ///< {"action":"incomingCall", "caller":"2001", ...}
    };

    /// REST hooks (spec §13.1, SCENARIO.md `restHooks`): what a WCS node POSTs to its backends.
    struct RestHooks {
        QHash<QString, QString> apps;    ///< appKey -> REST base URL (http/https); none = no hooks
        QString secret;                  ///< rest_hook_secret_key; non-empty: `Authorization: WCS`
        int keepAliveIntervalMs = 10000; ///< streaming_sessions_keep_alive_interval; 0 = none
        int timeoutMs = 15000;           ///< rest_request_timeout; 0 = none
    };

    QString description;
    RestHooks restHooks;
    QString nodeId;                    ///< getUserData `nodeId`; empty: "emulator@<server IP>"
    int keepAliveGraceMs = 60000;      ///< kept-alive session survives a lost socket this long
    int registerDelayMs = 100;         ///< `connection` -> `registered`
    bool acceptUnknownAccounts = true; ///< unlisted sipLogin: REGISTERED (else AUTHENTICATION_FAIL)
    QHash<QString, Account> accounts;  ///< by sipLogin
    int ringAfterMs = 100;             ///< default TRYING -> RING
    int transferStepMs = 100;          ///< between notifyTransferEvent steps
    Callee defaultCallee;              ///< for numbers not in `callees`
    QHash<QString, Callee> callees;    ///< by number (user part of a SIP URI)
    int publishDelayMs = 0;            ///< setRemoteSDP -> PUBLISHING
    int playDelayMs = 0;               ///< setRemoteSDP -> PLAYING
    bool resizeOnPlay = true;          ///< `notifyStreamEvent resize` after PLAYING (video)
    QList<DataRule> dataRules;
    QList<BackgroundStream> backgroundStreams;
    QList<TimelineEntry> timeline;
};

} // namespace emulator
