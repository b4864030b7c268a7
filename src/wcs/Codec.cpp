#include "wcs/Codec.h"

#include "wcs/JsonReader.h"

#include <QStringEncoder>

#include <array>
#include <string_view>
#include <vector>

namespace wcs {

using detail::JsonReader;
using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

namespace {

/// Everything a per-message decoder sees: the name, `data` as an array (maybe empty), its first
/// value and the object in data[0] when there is one. A `data` that is an object instead of an
/// array counts as that one argument.
struct Envelope {
    std::string_view name;
    array data;
    bool hasData = false;
    std::optional<element> first;
    std::optional<object> arg0;
};

using DecodeFn = Decoded (*)(const Envelope&);

DecodeError error(QString reason) {
    return DecodeError{std::move(reason), {}, 0};
}

/// data[0] as an object, or a DecodeError naming the message.
std::optional<DecodeError> needObject(const Envelope& env) {
    if (env.arg0) {
        return std::nullopt;
    }
    return error(
        QStringLiteral("'%1' needs an object in data[0]").arg(JsonReader::fromUtf8(env.name)));
}

template <typename T> Decoded finish(const JsonReader& r, T&& message) {
    if (!r.error.isEmpty()) {
        return error(r.error);
    }
    return ServerMessage(std::forward<T>(message));
}

Decoded decodePing(const Envelope&) {
    return ServerMessage(Ping{});
}

Decoded decodeUserData(const Envelope& env) {
    UserData u;
    if (env.arg0) {
        JsonReader r(*env.arg0);
        u.sessionId = r.string("sessionId");
        u.authToken = r.string("authToken");
        u.status = r.string("status");
        u.appKey = r.string("appKey");
        u.nodeId = r.string("nodeId");
        u.sipLogin = r.string("sipLogin");
        u.webRTCMetricsServerDescription = r.json("webRTCMetricsServerDescription");
    }
    return ServerMessage(std::move(u));
}

Decoded decodeRegistered(const Envelope& env) {
    core::RegistrationStatusEvent e;
    e.status = core::RegistrationStatus::Registered;
    if (!env.arg0) {
        return ServerMessage(std::move(e));
    }
    JsonReader r(*env.arg0);
    e.status = r.status("status", env.name, core::RegistrationStatus::Registered);
    e.info = r.string("info");
    e.sipLogin = r.string("sipLogin");
    e.sipStatus = r.int32("sipStatus").value_or(-1);
    return finish(r, std::move(e));
}

Decoded decodeRemoteSdp(const Envelope& env) {
    std::string_view id;
    std::string_view sdp;
    if (!env.hasData || env.data.size() < 2 || env.data.at(0).get_string().get(id) ||
        env.data.at(1).get_string().get(sdp) || id.empty()) {
        return error(QStringLiteral("'setRemoteSDP' needs data [id, sdp] as two strings"));
    }
    return ServerMessage(RemoteSdp{JsonReader::fromUtf8(id), JsonReader::fromUtf8(sdp)});
}

Decoded decodeStreamStatus(const Envelope& env) {
    if (auto e = needObject(env)) {
        return *e;
    }
    JsonReader r(*env.arg0);
    core::StreamStatusEvent s;
    s.mediaSessionId = r.requiredString("mediaSessionId", env.name);
    s.status = r.status("status", env.name, core::StreamStatus::Unknown);
    s.name = r.string("name");
    s.info = r.string("info");
    s.published = r.boolean("published");
    s.hasAudio = r.boolean("hasAudio");
    s.hasVideo = r.boolean("hasVideo");
    s.record = r.boolean("record");
    s.recordName = r.string("recordName");
    s.width = r.int32("width");
    s.height = r.int32("height");
    s.bitrate = r.int32("bitrate");
    s.quality = r.int32("quality");
    s.mediaProvider = r.string("mediaProvider");
    s.audioState = QString::fromUtf8(r.json("audioState"));
    s.videoState = QString::fromUtf8(r.json("videoState"));
    s.sdp = r.string("sdp");
    s.nodeId = r.string("nodeId");
    s.appKey = r.string("appKey");
    s.sessionId = r.string("sessionId");
    return finish(r, std::move(s));
}

Decoded decodeStreamEvent(const Envelope& env) {
    if (auto e = needObject(env)) {
        return *e;
    }
    JsonReader r(*env.arg0);
    StreamEvent s;
    s.mediaSessionId = r.requiredString("mediaSessionId", env.name);
    s.type = r.status("type", env.name, core::StreamEventType::Unknown);
    s.payload = r.json("payload");
    if (s.payload.isEmpty()) {
        s.payload = QByteArrayLiteral("null");
    }
    return finish(r, std::move(s));
}

Decoded decodeAvailableStream(const Envelope& env) {
    if (auto e = needObject(env)) {
        return *e;
    }
    JsonReader r(*env.arg0);
    StreamAvailability a;
    a.id = r.requiredString("id", env.name);
    a.available = r.boolean("status").value_or(false);
    a.info = r.string("info");
    return finish(r, std::move(a));
}

Decoded decodeVideoRate(const Envelope& env) {
    if (auto e = needObject(env)) {
        return *e;
    }
    JsonReader r(*env.arg0);
    VideoRate v;
    v.mediaSessionId = r.requiredString("mediaSessionId", env.name);
    v.videoRate = r.integer("videoRate").value_or(0);
    v.inbound = env.name == "inboundVideoRate";
    return finish(r, std::move(v));
}

/// Status implied by a call message name, used only when `status` is absent (§4: the field
/// is the truth whenever it is there).
core::CallStatus callStatusOfName(std::string_view name) {
    static constexpr std::array<std::pair<std::string_view, core::CallStatus>, 8> table{{
        {"notifyTryingResponse", core::CallStatus::Trying},
        {"ring", core::CallStatus::Ring},
        {"talk", core::CallStatus::Established},
        {"hold", core::CallStatus::Hold},
        {"finish", core::CallStatus::Finish},
        {"sessionProgress", core::CallStatus::SessionProgress},
        {"busy", core::CallStatus::Busy},
        {"notifyIncomingCall", core::CallStatus::Ring},
    }};
    for (const auto& [n, s] : table) {
        if (n == name) {
            return s;
        }
    }
    return core::CallStatus::Unknown;
}

Decoded decodeCall(const Envelope& env) {
    if (auto e = needObject(env)) {
        return *e;
    }
    JsonReader r(*env.arg0);
    core::CallStatusEvent c;
    c.callId = r.requiredString("callId", env.name);
    c.status = r.status("status", env.name, callStatusOfName(env.name));
    c.sipStatus = r.int32("sipStatus").value_or(-1);
    c.info = r.string("info");
    c.caller = r.string("caller");
    c.callee = r.string("callee");
    c.visibleName = r.string("visibleName");
    c.incoming = r.boolean("incoming");
    c.hasAudio = r.boolean("hasAudio");
    c.hasVideo = r.boolean("hasVideo");
    c.mediaProvider = r.string("mediaProvider");
    c.sipMessageRaw = r.string("sipMessageRaw");
    c.parentCallId = r.string("parentCallId");
    c.target = r.string("target");
    c.holdForTransfer = r.boolean("holdForTransfer");
    c.custom = r.json("custom");
    c.inviteParameters = r.json("inviteParameters");
    c.isIncomingCallOffer = env.name == "notifyIncomingCall";
    if (c.isIncomingCallOffer && !c.incoming) {
        c.incoming = true;
    }
    return finish(r, std::move(c));
}

Decoded decodeTransfer(const Envelope& env) {
    if (auto e = needObject(env)) {
        return *e;
    }
    JsonReader r(*env.arg0);
    core::TransferStatusEvent t;
    t.callId = r.requiredString("callId", env.name);
    t.status = r.status("status", env.name, core::TransferStatus::Unknown);
    t.target = r.string("target");
    t.info = r.string("info");
    t.sipStatus = r.int32("sipStatus").value_or(-1);
    return finish(r, std::move(t));
}

Decoded decodeAudioCodec(const Envelope& env) {
    AudioCodec a;
    if (env.first) {
        a.callId = JsonReader::toText(*env.first);
    }
    object codec;
    if (env.hasData && env.data.size() >= 2 && env.data.at(1).get_object().get(codec) == 0) {
        a.codecName = JsonReader(codec).string("name");
    }
    return ServerMessage(std::move(a));
}

Decoded decodeDataStatus(const Envelope& env) {
    if (auto e = needObject(env)) {
        return *e;
    }
    JsonReader r(*env.arg0);
    core::DataStatusEvent d;
    d.operationId = r.requiredString("operationId", env.name);
    d.status = r.status("status", env.name, core::DataStatus::Unknown);
    d.info = r.string("info");
    return finish(r, std::move(d));
}

Decoded decodeOnData(const Envelope& env) {
    if (auto e = needObject(env)) {
        return *e;
    }
    JsonReader r(*env.arg0);
    core::OnDataEvent d;
    d.operationId = r.string("operationId");
    d.payload = r.json("payload");
    if (d.payload.isEmpty()) {
        d.payload = QByteArrayLiteral("null");
    }
    return ServerMessage(std::move(d));
}

Decoded decodeSessionDebug(const Envelope& env) {
    if (auto e = needObject(env)) {
        return *e;
    }
    JsonReader r(*env.arg0);
    core::SessionDebugStatusEvent d;
    d.status = r.status("status", env.name, core::SessionDebugStatus::Unknown);
    d.file = r.string("file");
    return finish(r, std::move(d));
}

Decoded decodeFail(const Envelope& env) {
    core::ErrorEvent f;
    if (env.arg0) {
        JsonReader r(*env.arg0);
        f.apiMethod = r.string("apiMethod");
        f.id = r.string("id");
        f.info = r.string("info");
        f.status = r.string("status");
    }
    return ServerMessage(std::move(f));
}

Decoded decodeMetrics(const Envelope& env) {
    MetricsControl m;
    m.message = JsonReader::fromUtf8(env.name);
    if (env.first) {
        m.json = JsonReader::minify(*env.first);
    }
    return ServerMessage(std::move(m));
}

struct Route {
    std::string_view name;
    DecodeFn fn;
};

constexpr std::array<Route, 26> kRoutes{{
    {"ping", decodePing},
    {"getUserData", decodeUserData},
    {"registered", decodeRegistered},
    {"setRemoteSDP", decodeRemoteSdp},
    {"notifyStreamStatusEvent", decodeStreamStatus},
    {"notifyVideoFormat", decodeStreamStatus},
    {"notifyStreamEvent", decodeStreamEvent},
    {"availableStream", decodeAvailableStream},
    {"outboundVideoRate", decodeVideoRate},
    {"inboundVideoRate", decodeVideoRate},
    {"notifyTryingResponse", decodeCall},
    {"ring", decodeCall},
    {"talk", decodeCall},
    {"hold", decodeCall},
    {"finish", decodeCall},
    {"sessionProgress", decodeCall},
    {"busy", decodeCall},
    {"notifyIncomingCall", decodeCall},
    {"notifyTransferEvent", decodeTransfer},
    {"notifyAudioCodec", decodeAudioCodec},
    {"DataStatusEvent", decodeDataStatus},
    {"OnDataEvent", decodeOnData},
    {"notifySessionDebugEvent", decodeSessionDebug},
    {"fail", decodeFail},
    {"webRTCMetricsDescriptionUpdate", decodeMetrics},
    {"webRTCMetricsTokenRefresh", decodeMetrics},
}};

/// API v1 names that 2.0.276 no longer handles (spec §4).
constexpr std::array<std::string_view, 8> kLegacy{
    "getVersion",         "notifyMessage",      "notifyBugReport", "notifyRecordComplete",
    "notifySubscription", "notifyXcapResponse", "callbackHold",    "base64BinaryData"};

DecodeFn route(std::string_view name) {
    for (const Route& r : kRoutes) {
        if (r.name == name) {
            return r.fn;
        }
    }
    return nullptr;
}

/// Thread-local padded copy of the frame, as simdjson needs SIMDJSON_PADDING bytes after it.
struct ParserState {
    simdjson::dom::parser parser;
    std::vector<char> buffer;
};

ParserState& state() {
    thread_local ParserState s;
    return s;
}

DecodeError withRaw(DecodeError e, QByteArrayView frame) {
    e.size = frame.size();
    e.raw = frame.first(std::min(frame.size(), Codec::kMaxRawKept)).toByteArray();
    return e;
}

} // namespace

namespace {

DecodeError oversize(qsizetype size) {
    return error(QStringLiteral("frame of %1 bytes is over the %2-byte limit")
                     .arg(size)
                     .arg(Codec::kMaxFrameBytes));
}

/// Makes the thread-local buffer hold at least `len` bytes plus simdjson's padding.
char* reserveBuffer(ParserState& st, size_t len) {
    if (st.buffer.size() < len + simdjson::SIMDJSON_PADDING) {
        st.buffer.resize(len + simdjson::SIMDJSON_PADDING);
    }
    return st.buffer.data();
}

} // namespace

Decoded Codec::decode(QStringView text) {
    // Encode UTF-16 straight into the padded parse buffer: no intermediate QByteArray.
    if (text.size() > kMaxFrameBytes / 3) { // UTF-8 may need 3 bytes per UTF-16 unit
        const QByteArray utf8 = text.toUtf8();
        if (utf8.size() > kMaxFrameBytes) {
            return withRaw(oversize(utf8.size()), utf8);
        }
        return decode(QByteArrayView(utf8));
    }
    ParserState& st = state();
    QStringEncoder encoder(QStringEncoder::Utf8, QStringConverter::Flag::Stateless);
    char* begin = reserveBuffer(st, static_cast<size_t>(encoder.requiredSpace(text.size())));
    char* end = encoder.appendToBuffer(begin, text);
    return decodeBuffered(static_cast<size_t>(end - begin));
}

Decoded Codec::decode(QByteArrayView frame) {
    if (frame.size() > kMaxFrameBytes) {
        return withRaw(oversize(frame.size()), frame);
    }
    ParserState& st = state();
    const auto len = static_cast<size_t>(frame.size());
    std::copy_n(frame.data(), len, reserveBuffer(st, len));
    return decodeBuffered(len);
}

Decoded Codec::decodeBuffered(size_t len) {
    ParserState& st = state();
    const QByteArrayView frame(st.buffer.data(), static_cast<qsizetype>(len));
    element doc;
    if (const auto err = st.parser.parse(st.buffer.data(), len, false).get(doc)) {
        return withRaw(error(QStringLiteral("not JSON: %1")
                                 .arg(QString::fromUtf8(simdjson::error_message(err)))),
                       frame);
    }
    object root;
    if (doc.get_object().get(root)) {
        return withRaw(
            error(
                QStringLiteral("frame is a JSON %1, not an object").arg(JsonReader::typeName(doc))),
            frame);
    }
    Envelope env;
    element nameElement;
    if (root.at_key("message").get(nameElement) || nameElement.get_string().get(env.name)) {
        return withRaw(error(QStringLiteral("frame has no string 'message'")), frame);
    }
    element data;
    if (root.at_key("data").get(data) == simdjson::SUCCESS) {
        if (data.get_array().get(env.data) == simdjson::SUCCESS) {
            env.hasData = true;
            element e0;
            if (env.data.at(0).get(e0) == simdjson::SUCCESS) {
                env.first = e0;
                object o;
                if (e0.get_object().get(o) == simdjson::SUCCESS) {
                    env.arg0 = o;
                }
            }
        } else if (object o; data.get_object().get(o) == simdjson::SUCCESS) {
            env.first = data; // tolerate `data: {...}` without the array
            env.arg0 = o;
        }
    }

    if (const DecodeFn fn = route(env.name)) {
        Decoded d = fn(env);
        if (auto* e = std::get_if<DecodeError>(&d)) {
            return withRaw(std::move(*e), frame);
        }
        return d;
    }
    const bool legacy = std::ranges::find(kLegacy, env.name) != kLegacy.end();
    return ServerMessage(UnknownMessage{JsonReader::fromUtf8(env.name), legacy});
}

} // namespace wcs
