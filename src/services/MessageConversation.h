#pragma once

#include <QString>

namespace services {

/// One conversation of MessageService: every MESSAGE between one account and one peer.
struct MessageConversation {
    QString accountId;
    QString peer;      ///< SIP URI, MessageService::peerKey() form
    QString peerName;  ///< last display name the peer sent; may be empty
    qint64 lastMs = 0; ///< ms since the epoch of the newest message
    int count = 0;     ///< messages in it
    QString lastBody;  ///< text of the newest message
};

} // namespace services
