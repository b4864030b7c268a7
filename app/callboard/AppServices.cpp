#include "AppServices.h"

#include "core/Clock.h"
#include "services/AccountConnector.h"
#include "services/AccountService.h"
#include "services/AppSettings.h"
#include "services/AudioDevices.h"
#include "services/CallHistoryRecorder.h"
#include "services/CallMediaBinding.h"
#include "services/CallService.h"
#include "services/CredentialStore.h"
#include "services/History.h"
#include "services/LogControl.h"
#include "services/MediaEngine.h"
#include "services/SessionMonitor.h"
#include "services/SessionPasswordCache.h"
#include "services/StreamMonitor.h"

#include <QSettings>

namespace app {

AppServices::AppServices(const QString& dataDir, const QString& settingsPath,
                         std::shared_ptr<core::Clock> clock)
    : m_clock(std::move(clock))
    , m_settingsFile(settingsPath.isEmpty()
                         ? std::make_unique<QSettings>()
                         : std::make_unique<QSettings>(settingsPath, QSettings::IniFormat))
    , m_settings(std::make_unique<services::AppSettings>(*m_settingsFile))
    , m_logControl(std::make_unique<services::LogControl>(*m_settingsFile))
    , m_credentials(std::make_unique<services::CredentialStore>())
    , m_typed(std::make_unique<services::SessionPasswordCache>())
    , m_accounts(std::make_unique<services::AccountService>(*m_settingsFile, *m_credentials))
    , m_history(std::make_unique<services::History>(dataDir + QStringLiteral("/history.sqlite"),
                                                    m_clock.get()))
    , m_calls(std::make_unique<services::CallService>(m_clock))
    , m_streams(std::make_unique<services::StreamMonitor>(m_clock))
    , m_sessions(std::make_unique<services::SessionMonitor>(m_clock))
    , m_recorder(std::make_unique<services::CallHistoryRecorder>(*m_calls, *m_history))
    , m_connector(std::make_unique<services::AccountConnector>(*m_accounts, *m_typed, *m_calls,
                                                               *m_streams, *m_sessions, m_clock))
    , m_audioDevices(std::make_unique<services::AudioDevices>())
    , m_media(std::make_unique<services::MediaEngine>(m_settings.get(), m_audioDevices.get())) {
    // GStreamer starts on the first call (isAvailable()), not here: start-up stays fast.
    m_connector->setMediaEngine(m_media.get());
    // Per-call quality figures, mute state and media failures reach the call rows and history.
    m_callMedia = std::make_unique<services::CallMediaBinding>(*m_media, *m_calls);
}

AppServices::~AppServices() {
    // Sessions close (and report DISCONNECTED) while every service is still alive.
    m_connector.reset();
    m_callMedia.reset();
    m_media.reset();
    m_recorder.reset();
}

} // namespace app
