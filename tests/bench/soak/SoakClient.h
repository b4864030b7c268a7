#pragma once

#include "FrameTally.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

namespace app {
class AppServices;
}
namespace models {
class AccountListModel;
class CallListModel;
class EventLogModel;
class HistoryModel;
class StreamTableModel;
} // namespace models
namespace wcs {
class Session;
}

namespace soak {

/// Callboard's client stack, headless, wired as the desktop app's composition root
/// (app/callboard/AppComposition.cpp) wires it minus the window: app::AppServices (settings,
/// AccountService, History with its SQLite journal, CallService, StreamMonitor, SessionMonitor,
/// CallHistoryRecorder, AccountConnector, MediaEngine) and the item models (accounts, calls,
/// streams, event log, history), with the journal sink that feeds History and the event log.
///
/// One WCS account (`sipLogin` 1000, `keepAlive` as asked) on `server`. Its password is "typed
/// for this session" (SessionPasswordCache), as the demo does, so no keychain is involved.
/// Calls are signalled without audio: the media engine is not handed to the connector
/// (callboard-bench-media-echo measures call audio).
///
/// Every path (settings file, history.sqlite) is under `dataDir`.
class SoakClient : public QObject {
    Q_OBJECT

public:
    SoakClient(const QString& dataDir, QObject* parent = nullptr);
    ~SoakClient() override;

    /// Opens the history and connects the account. False with error() set when the history
    /// cannot be opened or the profile is refused.
    bool start(const QUrl& server, bool keepAlive);
    /// Closes the session by user intent (DISCONNECTED, no reconnect).
    void disconnectAccount();

    app::AppServices& services() const { return *m_services; }
    const QString& accountId() const { return m_accountId; }
    /// The account's session while connected, else null.
    wcs::Session* session() const;
    const FrameTally& frames() const { return m_frames; }
    /// Journal entries handed to History::append() so far.
    qint64 journalAppended() const { return m_appended; }
    /// Rows in the event log model (bounded by its capacity).
    int eventLogRows() const;
    /// Rows of the stream table model and of the calls model.
    int streamRows() const;
    int callRows() const;
    QString historyPath() const;
    QString error() const { return m_error; }

private:
    QString m_dataDir;
    std::unique_ptr<app::AppServices> m_services;
    std::unique_ptr<models::AccountListModel> m_accountModel;
    std::unique_ptr<models::CallListModel> m_callModel;
    std::unique_ptr<models::StreamTableModel> m_streamModel;
    std::unique_ptr<models::EventLogModel> m_eventModel;
    std::unique_ptr<models::HistoryModel> m_historyModel;
    FrameTally m_frames;
    QString m_accountId;
    qint64 m_appended = 0;
    QString m_error;
};

} // namespace soak
