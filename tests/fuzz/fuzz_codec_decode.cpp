// libFuzzer target for the WCS frame decoder (wcs::Codec::decode) and the log redactor
// (wcs::Codec::redact). Built only with -DCALLBOARD_BUILD_FUZZ=ON and clang; run it with
// tests/fuzz/run-fuzz.sh fuzz_codec_decode <seconds>. Crashers go to tests/fuzz/regressions/,
// which the unit test tst_CodecCorpus replays on every build.

#include "wcs/Codec.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringDecoder>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <variant>

namespace {

/// Aborts (so libFuzzer records the input) when an invariant of the decoder does not hold,
/// naming the invariant and its line.
#define require(condition) requireImpl((condition), #condition, __LINE__)

void requireImpl(bool condition, const char* what, int line) {
    if (!condition) {
        std::fprintf(stderr, "fuzz_codec_decode.cpp:%d: invariant failed: %s\n", line, what);
        std::abort();
    }
}

/// Touches every field of the decoded message so that the sanitizers see any bad string.
struct Toucher {
    qsizetype sum = 0;
    void operator()(const wcs::Ping&) {}
    void operator()(const wcs::UserData& u) {
        sum += u.sessionId.size() + u.authToken.size() + u.webRTCMetricsServerDescription.size();
    }
    void operator()(const core::RegistrationStatusEvent& e) { sum += e.status.text().size(); }
    void operator()(const wcs::RemoteSdp& r) {
        require(!r.id.isEmpty());
        sum += r.sdp.size();
    }
    void operator()(const core::StreamStatusEvent& s) {
        require(!s.mediaSessionId.isEmpty());
        sum += s.status.text().size() + s.audioState.size() + s.videoState.size();
    }
    void operator()(const wcs::StreamEvent& s) {
        require(!s.mediaSessionId.isEmpty());
        require(!s.payload.isEmpty());
        sum += s.type.text().size();
    }
    void operator()(const wcs::StreamAvailability& a) {
        require(!a.id.isEmpty());
        sum += a.info.size();
    }
    void operator()(const wcs::VideoRate& v) { sum += v.mediaSessionId.size(); }
    void operator()(const core::CallStatusEvent& c) {
        require(!c.callId.isEmpty());
        sum += c.status.text().size() + c.custom.size() + c.inviteParameters.size();
    }
    void operator()(const core::TransferStatusEvent& t) {
        require(!t.callId.isEmpty());
        sum += t.status.text().size();
    }
    void operator()(const wcs::AudioCodec& a) { sum += a.callId.size() + a.codecName.size(); }
    void operator()(const core::DataStatusEvent& d) {
        require(!d.operationId.isEmpty());
        sum += d.status.text().size();
    }
    void operator()(const core::OnDataEvent& d) {
        require(!d.payload.isEmpty());
        sum += d.operationId.size();
    }
    void operator()(const core::SessionDebugStatusEvent& d) { sum += d.status.text().size(); }
    void operator()(const core::ErrorEvent& e) { sum += e.apiMethod.size() + e.info.size(); }
    void operator()(const wcs::MetricsControl& m) { sum += m.message.size() + m.json.size(); }
    void operator()(const wcs::UnknownMessage& u) { sum += u.name.size(); }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArrayView frame(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));

    const wcs::Decoded decoded = wcs::Codec::decode(frame);
    if (const auto* error = std::get_if<wcs::DecodeError>(&decoded)) {
        require(!error->reason.isEmpty());
        require(error->size == frame.size());
        require(error->raw.size() <= wcs::Codec::kMaxRawKept);
        require(error->raw == frame.first(error->raw.size()));
    } else {
        Toucher t;
        std::visit(t, std::get<wcs::ServerMessage>(decoded));
    }

    // The UTF-16 entry point (frames from QWebSocket::textMessageReceived).
    const QString text = QString::fromUtf8(frame);
    const wcs::Decoded fromText = wcs::Codec::decode(QStringView(text));
    if (const auto* error = std::get_if<wcs::DecodeError>(&fromText)) {
        require(!error->reason.isEmpty());
        require(error->raw.size() <= wcs::Codec::kMaxRawKept);
    } else {
        Toucher t;
        std::visit(t, std::get<wcs::ServerMessage>(fromText));
    }
    // valid UTF-8 decodes the same either way
    if (text.toUtf8() == frame) {
        require(fromText.index() == decoded.index());
    }

    const QByteArray redacted = wcs::Codec::redact(frame);
    (void)redacted;

    // Round trip: any text as a callId survives encode (Qt JSON) -> decode (simdjson). The text
    // keeps a leading U+FEFF (QString::fromUtf8 would drop it); an empty id is not an id.
    QStringDecoder exact(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    const QString callId = size < 4096 ? exact.decode(frame) : QString();
    if (!callId.isEmpty()) {
        const wcs::Decoded back = wcs::Codec::decode(wcs::Codec::hangup(callId));
        const auto* message = std::get_if<wcs::ServerMessage>(&back);
        require(message != nullptr);
        if (const auto* unknown = std::get_if<wcs::UnknownMessage>(message)) {
            require(unknown->name == QStringLiteral("hangup"));
        } else {
            require(!"hangup decodes as UnknownMessage");
        }
        const wcs::Decoded held = wcs::Codec::decode(wcs::Codec::hold(callId));
        const auto* heldMessage = std::get_if<wcs::ServerMessage>(&held);
        require(heldMessage != nullptr);
        const auto* call = std::get_if<core::CallStatusEvent>(heldMessage);
        require(call != nullptr);
        require(call->callId == callId);
        require(call->status == core::CallStatus::Hold);
    }
    return 0;
}
