#include "sip/PlaceholderOffer.h"

namespace sip {

QByteArray PlaceholderOffer::make(quint64 sessionId) {
    const QByteArray id = QByteArray::number(sessionId);
    return "v=0\r\n"
           "o=- " +
           id +
           " 1 IN IP4 127.0.0.1\r\n"
           "s=Callboard\r\n"
           "c=IN IP4 127.0.0.1\r\n"
           "t=0 0\r\n"
           "m=audio 9 RTP/AVP 0\r\n"
           "a=rtpmap:0 PCMU/8000\r\n"
           "a=inactive\r\n";
}

} // namespace sip
