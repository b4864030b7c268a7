#pragma once

#include <QString>

#include <memory>

class QSettings;

namespace core {
class Clock;
}
namespace services {
class AccountConnector;
class AccountService;
class AppSettings;
class CallHistoryRecorder;
class CallMediaBinding;
class CallService;
class CredentialStore;
class History;
class LogControl;
class MediaEngine;
class AudioDevices;
class SessionMonitor;
class SessionPasswordCache;
class StreamMonitor;
} // namespace services

namespace app {

/// Every long-lived service of the desktop app, built in dependency order and destroyed in
/// reverse. No widgets: a test can build it headless.
///
/// `settingsPath` empty = the user's QSettings (~/.config/Callboard/callboard.conf); otherwise an
/// INI file at that path (the demo and the tests use a temporary one). The history database is
/// `<dataDir>/history.sqlite`; it is opened later by the caller (History::open()), because opening
/// it must not delay the first paint.
class AppServices {
public:
    AppServices(const QString& dataDir, const QString& settingsPath,
                std::shared_ptr<core::Clock> clock);
    ~AppServices();
    AppServices(const AppServices&) = delete;
    AppServices& operator=(const AppServices&) = delete;

    std::shared_ptr<core::Clock> clock() const { return m_clock; }
    QSettings& settingsFile() const { return *m_settingsFile; }
    services::AppSettings& settings() const { return *m_settings; }
    services::LogControl& logControl() const { return *m_logControl; }
    services::CredentialStore& credentials() const { return *m_credentials; }
    services::SessionPasswordCache& typedPasswords() const { return *m_typed; }
    services::AccountService& accounts() const { return *m_accounts; }
    services::History& history() const { return *m_history; }
    services::CallService& calls() const { return *m_calls; }
    services::StreamMonitor& streams() const { return *m_streams; }
    services::SessionMonitor& sessions() const { return *m_sessions; }
    services::AccountConnector& connector() const { return *m_connector; }
    /// Call audio (GStreamer WebRTC), handed to every account binding.
    services::MediaEngine& media() const { return *m_media; }

private:
    std::shared_ptr<core::Clock> m_clock;
    std::unique_ptr<QSettings> m_settingsFile;
    std::unique_ptr<services::AppSettings> m_settings;
    std::unique_ptr<services::LogControl> m_logControl;
    std::unique_ptr<services::CredentialStore> m_credentials;
    std::unique_ptr<services::SessionPasswordCache> m_typed;
    std::unique_ptr<services::AccountService> m_accounts;
    std::unique_ptr<services::History> m_history;
    std::unique_ptr<services::CallService> m_calls;
    std::unique_ptr<services::StreamMonitor> m_streams;
    std::unique_ptr<services::SessionMonitor> m_sessions;
    std::unique_ptr<services::CallHistoryRecorder> m_recorder;
    std::unique_ptr<services::AccountConnector> m_connector;
    std::unique_ptr<services::AudioDevices> m_audioDevices; ///< hot-plug for the media engine
    std::unique_ptr<services::MediaEngine> m_media;
    std::unique_ptr<services::CallMediaBinding> m_callMedia; ///< quality, mute, media failures
};

} // namespace app
