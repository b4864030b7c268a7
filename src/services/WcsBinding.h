#pragma once

#include "core/Clock.h"
#include "core/StreamStatusEvent.h"
#include "services/CallBackend.h"
#include "services/JournalEntry.h"
#include "wcs/StreamRequest.h"

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
class WcsStreamMedia;

/// Connects one account's wcs::Session to the state services: every domain event goes to
/// CallService / StreamMonitor / SessionMonitor under `accountId` and, when a journal sink is
/// set, into the event journal (core::EventJson form, secrets never included); a server frame
/// the session ignored (wcs::Session::protocolWarning: not JSON, unknown message) is journaled
/// as an ErrorEvent whose `info` starts "server frame ignored: ". It is also the account's
/// CallBackend, so CallService intents reach the session.
///
/// Audio (issue #7): with an available MediaEngine, calls carry real WebRTC audio through a
/// WcsCallMedia (outgoing offer before `call`, answer to the server's offer, hold mutes the
/// microphone, endpoint gone with the call; see there). Without an engine calls are signalled
/// with wcs::PlaceholderSdp as before; with an engine that is not available they are too, and
/// their `info` says "no audio: <MediaEngine::unavailableReason()>".
///
/// Streams: publishStream()/playStream() carry a real sendonly/recvonly audio offer through a
/// WcsStreamMedia when the engine is available (endpoint gone with UNPUBLISHED/STOPPED/FAILED;
/// see there), else placeholder SDP as before.
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

    // Streams (spec §5.2, §6.1)
    /// True when streams started now carry audio (an engine is set and isAvailable()).
    bool streamsHaveMedia() const;
    /// `publishStream` for `request` (published:true): with media, the sendonly offer of a
    /// microphone endpoint (audio only: `hasVideo` goes out false) once ICE gathering is done,
    /// and the stream shows up at once as PENDING; else placeholder SDP. The mediaSessionId, or
    /// empty when the session is not ready (wcs::Session::commandRefused says why).
    QString publishStream(wcs::StreamRequest request);
    /// `playStream` for `request` (published:false), like publishStream() with a recvonly
    /// offer: what is received goes to the speaker and MediaEngine::outputLevelChanged(account,
    /// mediaSessionId).
    QString playStream(wcs::StreamRequest request);
    /// Ends our stream `mediaSessionId`: `unPublishStream` (published) or `stopStream`; a stream
    /// whose command has not gone out yet ends locally. False when the session refused.
    bool stopStream(const QString& mediaSessionId, bool published);

Q_SIGNALS:
    /// A status event of one of our streams (from the server or local), after it was applied
    /// to the StreamMonitor.
    void streamStatusApplied(const core::StreamStatusEvent& event);
    /// Our stream `mediaSessionId` goes on without (working) audio; `info` is "no audio:
    /// <reason>" (also applied to the stream's info in the StreamMonitor).
    void streamMediaProblem(const QString& mediaSessionId, const QString& info);

private:
    /// Journals `event` (a core:: domain event) when a sink is set; nothing is built otherwise.
    template <typename Event> void journal(const Event& event);
    /// The call media helper when the engine is available (created on first use), else null.
    WcsCallMedia* callMedia();
    /// The stream media helper when the engine is available (created on first use), else null.
    WcsStreamMedia* streamMedia();
    /// Applies `info` to our stream as it is now (same status).
    void applyStreamInfo(const QString& mediaSessionId, const QString& info);
    /// Applies `info` to the call as it is now (same status), e.g. why it has no audio.
    void applyInfo(const QString& callId, const QString& info);
    /// "no audio: <reason>" when an engine is set but not available, else "".
    QString noAudioInfo() const;

    QString m_accountId;
    wcs::Session& m_session;
    CallService& m_calls;
    StreamMonitor& m_streams;
    std::shared_ptr<const core::Clock> m_clock;
    JournalSink m_journal;
    MediaEngine* m_media = nullptr;
    WcsCallMedia* m_callMedia = nullptr;     ///< child, see callMedia()
    WcsStreamMedia* m_streamMedia = nullptr; ///< child, see streamMedia()
};

} // namespace services
