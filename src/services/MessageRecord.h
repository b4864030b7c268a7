#pragma once

#include <QString>

namespace services {

/// One SIP MESSAGE (RFC 3428) of one account, sent or received; kept by MessageService.
struct MessageRecord {
    enum class Direction { Incoming, Outgoing };
    /// Outgoing: Sending -> Delivered (2xx) | Failed (non-2xx, timeout, transport). Incoming:
    /// Received (Callboard's UA answered 200 already).
    enum class Delivery { Sending, Delivered, Failed, Received };

    QString accountId;
    QString id;       ///< Call-ID of the MESSAGE: the id of `connection:newMessage` / sendMessage()
    QString peer;     ///< the other side as a SIP URI, MessageService::peerKey() form
    QString peerName; ///< display name of an incoming From; may be empty
    Direction direction = Direction::Incoming;
    QString body;        ///< text (UTF-8 decoded)
    QString contentType; ///< "text/plain", ...
    qint64 timeMs = 0;   ///< ms since the epoch: when it was sent or received
    Delivery delivery = Delivery::Received;
    int sipStatus = -1; ///< final SIP status of an outgoing one (200, 404, ...); -1: none
    QString error;      ///< why it failed: JsSIP cause, status code and reason phrase
};

} // namespace services
