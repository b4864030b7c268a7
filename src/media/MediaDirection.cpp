#include "media/MediaDirection.h"

namespace media {

QString toSdpAttribute(MediaDirection direction) {
    switch (direction) {
    case MediaDirection::SendRecv:
        return QStringLiteral("sendrecv");
    case MediaDirection::SendOnly:
        return QStringLiteral("sendonly");
    case MediaDirection::RecvOnly:
        return QStringLiteral("recvonly");
    case MediaDirection::Inactive:
        return QStringLiteral("inactive");
    }
    return QStringLiteral("sendrecv");
}

std::optional<MediaDirection> directionFromSdpAttribute(const QString& attribute) {
    for (const auto d : {MediaDirection::SendRecv, MediaDirection::SendOnly,
                         MediaDirection::RecvOnly, MediaDirection::Inactive}) {
        if (attribute == toSdpAttribute(d))
            return d;
    }
    return std::nullopt;
}

bool sends(MediaDirection direction) {
    return direction == MediaDirection::SendRecv || direction == MediaDirection::SendOnly;
}

bool receives(MediaDirection direction) {
    return direction == MediaDirection::SendRecv || direction == MediaDirection::RecvOnly;
}

MediaDirection directionFrom(bool send, bool receive) {
    if (send)
        return receive ? MediaDirection::SendRecv : MediaDirection::SendOnly;
    return receive ? MediaDirection::RecvOnly : MediaDirection::Inactive;
}

MediaDirection reversed(MediaDirection direction) {
    return directionFrom(receives(direction), sends(direction));
}

MediaDirection answerDirection(MediaDirection offered, MediaDirection local) {
    return directionFrom(sends(local) && receives(offered), receives(local) && sends(offered));
}

MediaDirection holdDirection(MediaDirection current) {
    return directionFrom(sends(current), false);
}

} // namespace media
