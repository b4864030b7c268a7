#include "media/PeerConnectionState.h"

namespace media {

QString toString(PeerConnectionState state) {
    switch (state) {
    case PeerConnectionState::New:
        return QStringLiteral("new");
    case PeerConnectionState::Connecting:
        return QStringLiteral("connecting");
    case PeerConnectionState::Connected:
        return QStringLiteral("connected");
    case PeerConnectionState::Disconnected:
        return QStringLiteral("disconnected");
    case PeerConnectionState::Failed:
        return QStringLiteral("failed");
    case PeerConnectionState::Closed:
        return QStringLiteral("closed");
    }
    return QStringLiteral("new");
}

} // namespace media
