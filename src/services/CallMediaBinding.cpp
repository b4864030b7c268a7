#include "services/CallMediaBinding.h"

#include "services/CallService.h"
#include "services/MediaEngine.h"

namespace services {

CallMediaBinding::CallMediaBinding(MediaEngine& media, CallService& calls, QObject* parent)
    : QObject(parent) {
    connect(&media, &MediaEngine::statsUpdated, &calls, &CallService::applyQuality);
    connect(&media, &MediaEngine::mutedChanged, &calls, &CallService::applyMuted);
    connect(&media, &MediaEngine::mediaFailed, &calls, &CallService::applyMediaFailure);
    connect(&media, &MediaEngine::endpointCreated, &calls,
            [&calls](const QString& accountId, const QString& callId) {
                calls.applyMediaEndpoint(accountId, callId, true);
            });
    connect(&media, &MediaEngine::endpointRemoved, &calls,
            [&calls](const QString& accountId, const QString& callId) {
                calls.applyMediaEndpoint(accountId, callId, false);
            });
    connect(&calls, &CallService::callAdded, this,
            [&media, &calls](const QString& accountId, const QString& callId) {
                if (media.endpoint(accountId, callId) == nullptr) {
                    return;
                }
                calls.applyMediaEndpoint(accountId, callId, true);
                calls.applyMuted(accountId, callId, media.isMuted(accountId, callId));
            });
}

} // namespace services
