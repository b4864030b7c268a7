#pragma once

#include "core/Clock.h"
#include "services/CallBackend.h"
#include "services/JournalEntry.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace wcs {
class Session;
}

namespace services {

class CallService;
class MediaEngine;
class SessionMonitor;
class StreamMonitor;
class WcsCallMedia;

/// Connects one account's wcs::Session to the state services: every domain event goes to
/// CallService / StreamMonitor / SessionMonitor under `accountId` and, when a journal sink is
/// set, into the event journal (core::EventJson form, secrets never included). It is also the
/// account's CallBackend, so CallService intents reach the session.
///
/// Audio (issue #7): with an available MediaEngine, calls carry real WebRTC audio through a
/// WcsCallMedia (outgoing offer before `call`, answer to the server's offer, hold mutes the
/// microphone, endpoint gone with the call; see there). Without an engine calls are signalled
/// with wcs::PlaceholderSdp as before; with an engine that is not available they are too, and
/// their `info` says "no audio: <MediaEngine::unavailableReason()>".
class WcsBinding : public QObject, public CallBackend {
    Q_OBJECT

public:
    using JournalSink = std::function<void(const JournalEntry&)>;

    WcsBinding(QString accountId, wcs::Session& session, CallService& calls, StreamMonitor& streams,
               SessionMonitor& sessions, std::shared_ptr<const core::Clock> clock,
               QObject* parent = nullptr);
    ~WcsBinding() override;

    /// Where journal entries go (e.g. History::append); empty = no journal.
    void setJournal(JournalSink sink) { m_journal = std::move(sink); }
    /// Where calls get their audio (MediaEngine::createEndpoint); null, or an engine that is
    /// not isAvailable() when a call starts: that call is signalled without audio (and, with an
    /// unavailable engine, says why in its info). Set before the first call; must outlive this
    /// binding.
    void setMediaEngine(MediaEngine* engine) { m_media = engine; }
    const QString& accountId() const { return m_accountId; }

    // CallBackend
    QString dial(const QString& callee, bool video) override;
    bool answer(const QString& callId) override;
    bool hangUp(const QString& callId) override;
    bool hold(const QString& callId, bool forTransfer) override;
    bool unhold(const QString& callId) override;
    bool transfer(const QString& callId, const QString& target) override;
    bool sendDtmf(const QString& callId, const QString& digits, core::DtmfType type) override;

private:
    void journal(const QJsonObject& event);
    /// The call media helper when the engine is available (created on first use), else null.
    WcsCallMedia* callMedia();
    /// Applies `info` to the call as it is now (same status), e.g. why it has no audio.
    void applyInfo(const QString& callId, const QString& info);
    /// "no audio: <reason>" when an engine is set but not available, else "".
    QString noAudioInfo() const;

    QString m_accountId;
    wcs::Session& m_session;
    CallService& m_calls;
    std::shared_ptr<const core::Clock> m_clock;
    JournalSink m_journal;
    MediaEngine* m_media = nullptr;
    WcsCallMedia* m_callMedia = nullptr; ///< child, see callMedia()
};

} // namespace services
