#pragma once

#include <QObject>

namespace services {

class CallService;
class MediaEngine;

/// Carries what services::MediaEngine says about the audio of each call into CallService, so
/// that the call rows (and, at the end, the history) show it: statistics ->
/// CallService::applyQuality(), endpoint created/removed -> applyMediaEndpoint(), mute ->
/// applyMuted(), failure -> applyMediaFailure(). A call that CallService learns about after its
/// endpoint was created (e.g. an outgoing call whose first event comes after the offer) takes
/// its media state from MediaEngine::endpoint() / isMuted() when it is added.
class CallMediaBinding : public QObject {
    Q_OBJECT

public:
    /// Both must outlive this object.
    CallMediaBinding(MediaEngine& media, CallService& calls, QObject* parent = nullptr);
};

} // namespace services
