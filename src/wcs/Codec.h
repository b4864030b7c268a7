#pragma once

#include "core/DtmfType.h"
#include "core/StreamEventType.h"
#include "wcs/CallRequest.h"
#include "wcs/ConnectionParameters.h"
#include "wcs/StreamRequest.h"
#include "wcs/messages/ServerMessage.h"

#include <QByteArray>
#include <QByteArrayView>

namespace wcs {

/// The client side of the WCS WebSocket protocol (shared/spec/wcs-protocol.md): decodes every
/// server -> client frame of §4 into a typed ServerMessage, encodes every client -> server
/// command of §5 as one compact JSON text frame `{"message":..., "data":[{...}]}`.
///
/// Tolerant as §2.1 demands: absent and null are alike, unknown messages and fields are ignored,
/// `"true"`/`"false"` strings are read as booleans and numeric strings as numbers. Never throws.
/// Thread-safe (parser state is thread-local).
class Codec {
public:
    /// Frames larger than this are refused with a DecodeError (bytes).
    static constexpr qsizetype kMaxFrameBytes = 4 * 1024 * 1024;
    /// DecodeError::raw keeps at most this many bytes of the frame.
    static constexpr qsizetype kMaxRawKept = 4096;

    /// Decodes one UTF-8 text frame. Gives a DecodeError when the frame is over
    /// kMaxFrameBytes, is not a JSON object, has no string `message`, or is a known message
    /// whose identifying field (callId, mediaSessionId, operationId, the setRemoteSDP pair,
    /// a `status` of the wrong type) is missing or of the wrong type.
    static Decoded decode(QByteArrayView utf8Frame);
    /// As above for a frame already decoded to UTF-16 (QWebSocket::textMessageReceived): it is
    /// encoded straight into the parser's buffer, saving a copy.
    static Decoded decode(QStringView text);

    // §3.1 / §5.1 session level
    static QByteArray connection(const ConnectionParameters& p);
    static QByteArray pong();
    static QByteArray ping();
    /// `sendData {operationId, payload}`; `payloadJson` is any JSON text, invalid text -> null.
    static QByteArray sendData(const QString& operationId, QByteArrayView payloadJson);
    static QByteArray sessionDebug(bool start);
    static QByteArray pushLogs(const QString& logs);
    /// `submitBugReport {...}`; `reportJson` must be a JSON object text, else `{}` is sent.
    static QByteArray submitBugReport(QByteArrayView reportJson);

    // §5.2 streams
    static QByteArray publishStream(const StreamRequest& r);
    static QByteArray playStream(const StreamRequest& r);
    static QByteArray unPublishStream(const StreamRequest& r);
    static QByteArray stopStream(const StreamRequest& r);
    static QByteArray availableStream(const QString& mediaSessionId, const QString& name);
    static QByteArray snapshot(const QString& mediaSessionId, const QString& name);
    /// `sendStreamEvent`; `payloadJson` is sent only for type `data` (empty = absent).
    static QByteArray sendStreamEvent(const QString& mediaSessionId, core::StreamEventType type,
                                      QByteArrayView payloadJson = {});

    // §5.3 calls
    static QByteArray call(const CallRequest& r);
    static QByteArray answer(const CallRequest& r);
    static QByteArray hangup(const QString& callId);
    static QByteArray hold(const QString& callId, bool holdForTransfer = false);
    static QByteArray unhold(const QString& callId);
    static QByteArray sendDtmf(const QString& callId, const QString& dtmf, core::DtmfType type);
    static QByteArray transfer(const QString& callId, const QString& target);

    /// Copy of `frame` with secrets (`sipPassword`, `authToken`, `password`) replaced by
    /// "***", for logs. Non-JSON input (e.g. a truncated frame) is cut to kMaxRawKept bytes and
    /// the values after those keys are masked textually, as far as they can be found.
    static QByteArray redact(QByteArrayView frame);

private:
    /// Decodes the `len` bytes already in the thread-local padded buffer.
    static Decoded decodeBuffered(size_t len);
};

} // namespace wcs
