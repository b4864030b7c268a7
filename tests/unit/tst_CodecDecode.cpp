// wcs::Codec::decode against golden frames: every server -> client message of spec §4 with every
// field checked in its typed struct, every S>C frame of the official-SDK captures, the tolerance
// rules of §2.1, and bad input (which must give a DecodeError or an UnknownMessage, never crash).

#include "Fixtures.h"

#include "wcs/Codec.h"

#include <QJsonDocument>
#include <QTest>

#include <thread>
#include <variant>
#include <vector>

using namespace Qt::StringLiterals;
using wcs::Codec;
using wcs::Decoded;
using wcs::ServerMessage;

namespace {

template <typename T> const T* as(const Decoded& d) {
    const auto* m = std::get_if<ServerMessage>(&d);
    return m ? std::get_if<T>(m) : nullptr;
}

QString describe(const Decoded& d) {
    if (const auto* e = std::get_if<wcs::DecodeError>(&d)) {
        return u"DecodeError: "_s + e->reason;
    }
    const auto& m = std::get<ServerMessage>(d);
    if (const auto* u = std::get_if<wcs::UnknownMessage>(&m)) {
        return u"UnknownMessage '%1' (legacy %2)"_s.arg(u->name).arg(u->legacy);
    }
    return u"ServerMessage alternative %1"_s.arg(m.index());
}

/// Decodes `frame` into `var` (a `const T*`), failing the test when it is anything else.
#define DECODE_AS(T, var, frame)                                                                   \
    const Decoded var##Decoded = Codec::decode(frame);                                             \
    const T* var = as<T>(var##Decoded);                                                            \
    QVERIFY2(var != nullptr, qPrintable(describe(var##Decoded)))

/// Which alternative of ServerMessage a message name decodes to (spec §4).
std::size_t expectedIndex(const QString& name) {
    const auto idx = [](ServerMessage m) { return m.index(); };
    static const QStringList call{u"notifyTryingResponse"_s,
                                  u"ring"_s,
                                  u"talk"_s,
                                  u"hold"_s,
                                  u"finish"_s,
                                  u"sessionProgress"_s,
                                  u"busy"_s,
                                  u"notifyIncomingCall"_s};
    if (name == u"ping") {
        return idx(wcs::Ping{});
    }
    if (name == u"getUserData") {
        return idx(wcs::UserData{});
    }
    if (name == u"registered") {
        return idx(core::RegistrationStatusEvent{});
    }
    if (name == u"setRemoteSDP") {
        return idx(wcs::RemoteSdp{});
    }
    if (name == u"notifyStreamStatusEvent" || name == u"notifyVideoFormat") {
        return idx(core::StreamStatusEvent{});
    }
    if (name == u"notifyStreamEvent") {
        return idx(wcs::StreamEvent{});
    }
    if (name == u"availableStream") {
        return idx(wcs::StreamAvailability{});
    }
    if (name == u"outboundVideoRate" || name == u"inboundVideoRate") {
        return idx(wcs::VideoRate{});
    }
    if (call.contains(name)) {
        return idx(core::CallStatusEvent{});
    }
    if (name == u"notifyTransferEvent") {
        return idx(core::TransferStatusEvent{});
    }
    if (name == u"notifyAudioCodec") {
        return idx(wcs::AudioCodec{});
    }
    if (name == u"DataStatusEvent") {
        return idx(core::DataStatusEvent{});
    }
    if (name == u"OnDataEvent") {
        return idx(core::OnDataEvent{});
    }
    if (name == u"notifySessionDebugEvent") {
        return idx(core::SessionDebugStatusEvent{});
    }
    if (name == u"fail") {
        return idx(core::ErrorEvent{});
    }
    if (name == u"webRTCMetricsDescriptionUpdate" || name == u"webRTCMetricsTokenRefresh") {
        return idx(wcs::MetricsControl{});
    }
    return idx(wcs::UnknownMessage{});
}

/// An OnDataEvent frame of exactly `size` bytes (the size of a typical Room API event).
QByteArray onDataFrame(int size) {
    QByteArray head =
        R"({"message":"OnDataEvent","data":[{"operationId":"5d7f3a2e-6b1c-4e0a-9f3d-2c8b1a0e4f57","payload":{"roomName":"standup","name":"MESSAGE","info":")";
    const QByteArray tail = R"("}}]})";
    const qsizetype fill = size - head.size() - tail.size();
    head.append(QByteArray(fill, 'x')).append(tail);
    return head;
}

} // namespace

class tst_CodecDecode : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void routing_data();
    void routing();
    void ping_data();
    void ping();
    void getUserData();
    void getUserDataTolerance_data();
    void getUserDataTolerance();
    void registered_data();
    void registered();
    void setRemoteSdp_data();
    void setRemoteSdp();
    void streamStatusFull_data();
    void streamStatusFull();
    void streamStatusSparse_data();
    void streamStatusSparse();
    void streamEvent_data();
    void streamEvent();
    void availableStream_data();
    void availableStream();
    void videoRate_data();
    void videoRate();
    void callStatus_data();
    void callStatus();
    void callFullObject();
    void incomingCall();
    void transfer_data();
    void transfer();
    void audioCodec_data();
    void audioCodec();
    void dataStatus_data();
    void dataStatus();
    void onData_data();
    void onData();
    void sessionDebug_data();
    void sessionDebug();
    void fail_data();
    void fail();
    void metrics_data();
    void metrics();
    void legacyAndUnknownNames_data();
    void legacyAndUnknownNames();
    void fixtureFrames_data();
    void fixtureFrames();
    void tolerance_data();
    void tolerance();
    void badInput_data();
    void badInput();
    void oversizeFrame();
    void frameAtTheLimit();
    void deepNesting_data();
    void deepNesting();
    void parserRecoversAfterErrors();
    void concurrentDecoding();
    void utf16Input_data();
    void utf16Input();
    void utf16OversizeFrame();
    void byteOrderMarks();
};

// ---------------------------------------------------------------------------------------------
// Every §4 name, minimal valid frame -> the right alternative

void tst_CodecDecode::routing_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("name");
    const auto row = [](const char* name, const char* data) {
        QTest::newRow(name) << QByteArray(R"({"message":")" + QByteArray(name) + R"(","data":)" +
                                          data + "}")
                            << QString::fromLatin1(name);
    };
    row("ping", "[]");
    row("getUserData", R"([{"authToken":"t"}])");
    row("registered", R"([{}])");
    row("setRemoteSDP", R"(["id-1","v=0\r\n"])");
    row("notifyStreamStatusEvent", R"([{"mediaSessionId":"m"}])");
    row("notifyVideoFormat", R"([{"mediaSessionId":"m"}])");
    row("notifyStreamEvent", R"([{"mediaSessionId":"m","type":"resize"}])");
    row("availableStream", R"([{"id":"m","status":"true"}])");
    row("outboundVideoRate", R"([{"mediaSessionId":"m","videoRate":1}])");
    row("inboundVideoRate", R"([{"mediaSessionId":"m","videoRate":1}])");
    row("notifyTryingResponse", R"([{"callId":"c"}])");
    row("ring", R"([{"callId":"c"}])");
    row("talk", R"([{"callId":"c"}])");
    row("hold", R"([{"callId":"c"}])");
    row("finish", R"([{"callId":"c"}])");
    row("sessionProgress", R"([{"callId":"c"}])");
    row("busy", R"([{"callId":"c"}])");
    row("notifyIncomingCall", R"([{"callId":"c"}])");
    row("notifyTransferEvent", R"([{"callId":"c","status":"ACCEPTED"}])");
    row("notifyAudioCodec", R"(["c",{"name":"opus"}])");
    row("DataStatusEvent", R"([{"operationId":"o","status":"ACCEPTED"}])");
    row("OnDataEvent", R"([{"operationId":"o","payload":{}}])");
    row("notifySessionDebugEvent", R"([{"status":"STARTED"}])");
    row("fail", R"([{"info":"x"}])");
    row("webRTCMetricsDescriptionUpdate", R"([{"collect":"on"}])");
    row("webRTCMetricsTokenRefresh", R"([{"authorization":"Bearer x"}])");
    row("someFutureMessage", R"([{}])");
}

void tst_CodecDecode::routing() {
    QFETCH(QByteArray, frame);
    QFETCH(QString, name);
    const Decoded d = Codec::decode(frame);
    const auto* m = std::get_if<ServerMessage>(&d);
    QVERIFY2(m, qPrintable(describe(d)));
    QCOMPARE(m->index(), expectedIndex(name));
}

// ---------------------------------------------------------------------------------------------
// §2.2 ping

void tst_CodecDecode::ping_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::newRow("data []") << QByteArray(R"({"message":"ping","data":[]})");
    QTest::newRow("no data") << QByteArray(R"({"message":"ping"})");
    QTest::newRow("data [null]") << QByteArray(R"({"message":"ping","data":[null]})");
    QTest::newRow("data null") << QByteArray(R"({"message":"ping","data":null})");
    QTest::newRow("data {}") << QByteArray(R"({"message":"ping","data":{}})");
    QTest::newRow("data first") << QByteArray(R"({"data":[],"message":"ping"})");
    QTest::newRow("white space") << QByteArray(
        " \r\n\t{ \"message\" : \"ping\" , \"data\" : [ ] }\n");
    QTest::newRow("extra envelope keys")
        << QByteArray(R"({"message":"ping","data":[],"seq":7,"id":null})");
}

void tst_CodecDecode::ping() {
    QFETCH(QByteArray, frame);
    DECODE_AS(wcs::Ping, p, frame);
}

// ---------------------------------------------------------------------------------------------
// §3.2 getUserData

void tst_CodecDecode::getUserData() {
    const QByteArray frame = R"({"message":"getUserData","data":[{
        "appKey":"defaultApp","mediaProviders":["WebRTC"],"keepAlive":true,"clientVersion":"2.0",
        "sipLogin":"2001","sipPassword":"p4ss","sipDomain":"pbx.example.net","sipRegisterRequired":true,
        "custom":{"operator":"desk-7"},"nodeId":"node-1@10.0.0.2",
        "sessionId":"/10.0.0.15:53122/10.0.0.2:8443","status":"ESTABLISHED",
        "authToken":"3f0b6c8e-2a57-4d52-9b1e-6a0e5f1c7d44",
        "webRTCMetricsServerDescription":{"types":["inbound-rtp"],"sampling":1000,"batchSize":10,
                                          "compression":"none","collect":"on"},
        "useWsTunnel":false}]})";
    DECODE_AS(wcs::UserData, u, frame);
    QCOMPARE(u->sessionId, u"/10.0.0.15:53122/10.0.0.2:8443"_s);
    QCOMPARE(u->authToken, u"3f0b6c8e-2a57-4d52-9b1e-6a0e5f1c7d44"_s);
    QCOMPARE(u->status, u"ESTABLISHED"_s);
    QCOMPARE(u->appKey, u"defaultApp"_s);
    QCOMPARE(u->nodeId, u"node-1@10.0.0.2"_s);
    QCOMPARE(u->sipLogin, u"2001"_s);
    // kept as compact JSON in the server's key order
    QCOMPARE(
        u->webRTCMetricsServerDescription,
        QByteArray(
            R"({"types":["inbound-rtp"],"sampling":1000,"batchSize":10,"compression":"none","collect":"on"})"));
}

void tst_CodecDecode::getUserDataTolerance_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("authToken");
    QTest::newRow("no data") << QByteArray(R"({"message":"getUserData"})") << QString();
    QTest::newRow("data []") << QByteArray(R"({"message":"getUserData","data":[]})") << QString();
    QTest::newRow("data [null]") << QByteArray(R"({"message":"getUserData","data":[null]})")
                                 << QString();
    QTest::newRow("data [\"text\"]")
        << QByteArray(R"({"message":"getUserData","data":["text"]})") << QString();
    QTest::newRow("data object, no array")
        << QByteArray(R"({"message":"getUserData","data":{"authToken":"t-1"}})") << u"t-1"_s;
    QTest::newRow("null fields")
        << QByteArray(
               R"({"message":"getUserData","data":[{"authToken":null,"sessionId":null,"webRTCMetricsServerDescription":null}]})")
        << QString();
    QTest::newRow("empty token") << QByteArray(
                                        R"({"message":"getUserData","data":[{"authToken":""}]})")
                                 << u""_s;
    QTest::newRow("two args, first used")
        << QByteArray(R"({"message":"getUserData","data":[{"authToken":"a"},{"authToken":"b"}]})")
        << u"a"_s;
}

void tst_CodecDecode::getUserDataTolerance() {
    QFETCH(QByteArray, frame);
    QFETCH(QString, authToken);
    DECODE_AS(wcs::UserData, u, frame);
    QCOMPARE(u->authToken, authToken);
    QCOMPARE(u->authToken.isNull(), authToken.isNull());
    QVERIFY(u->sessionId.isNull());
    QVERIFY(u->webRTCMetricsServerDescription.isEmpty());
}

// ---------------------------------------------------------------------------------------------
// §3.3 registered

void tst_CodecDecode::registered_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("info");
    QTest::addColumn<QString>("sipLogin");
    QTest::addColumn<int>("sipStatus");
    const int registered = int(core::RegistrationStatus::Registered);
    QTest::newRow("fixture")
        << QByteArray(
               R"({"message":"registered","data":[{"status":"REGISTERED","sipLogin":"1000"}]})")
        << registered << QString() << QString() << u"1000"_s << -1;
    QTest::newRow("all fields")
        << QByteArray(
               R"({"message":"registered","data":[{"status":"REGISTERED","info":"200 OK","sipLogin":"2001","sipStatus":200}]})")
        << registered << QString() << u"200 OK"_s << u"2001"_s << 200;
    QTest::newRow("sipStatus as string")
        << QByteArray(R"({"message":"registered","data":[{"sipStatus":"200"}]})") << registered
        << QString() << QString() << QString() << 200;
    QTest::newRow("status absent: REGISTERED")
        << QByteArray(R"({"message":"registered","data":[{}]})") << registered << QString()
        << QString() << QString() << -1;
    QTest::newRow("status null: REGISTERED")
        << QByteArray(R"({"message":"registered","data":[{"status":null}]})") << registered
        << QString() << QString() << QString() << -1;
    QTest::newRow("no data: REGISTERED") << QByteArray(R"({"message":"registered"})") << registered
                                         << QString() << QString() << QString() << -1;
    QTest::newRow("data [] : REGISTERED")
        << QByteArray(R"({"message":"registered","data":[]})") << registered << QString()
        << QString() << QString() << -1;
    QTest::newRow("status field is the truth")
        << QByteArray(
               R"({"message":"registered","data":[{"status":"AUTHENTICATION_FAIL","info":"SIP 401","sipStatus":401}]})")
        << int(core::RegistrationStatus::AuthenticationFail) << QString() << u"SIP 401"_s
        << QString() << 401;
    QTest::newRow("unknown status keeps raw")
        << QByteArray(R"({"message":"registered","data":[{"status":"REGISTERING"}]})")
        << int(core::RegistrationStatus::Unknown) << u"REGISTERING"_s << QString() << QString()
        << -1;
}

void tst_CodecDecode::registered() {
    QFETCH(QByteArray, frame);
    QFETCH(int, status);
    QFETCH(QString, raw);
    QFETCH(QString, info);
    QFETCH(QString, sipLogin);
    QFETCH(int, sipStatus);
    DECODE_AS(core::RegistrationStatusEvent, e, frame);
    QCOMPARE(int(e->status.value), status);
    QCOMPARE(e->status.raw, raw);
    QCOMPARE(e->info, info);
    QCOMPARE(e->sipLogin, sipLogin);
    QCOMPARE(e->sipStatus, sipStatus);
}

// ---------------------------------------------------------------------------------------------
// §4 setRemoteSDP [id, sdp]

void tst_CodecDecode::setRemoteSdp_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("sdp");
    QTest::newRow("answer")
        << QByteArray(
               R"({"message":"setRemoteSDP","data":["545c4d50-e547-11f1-be18-338ebb05d0d6","v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\na=ice-lite\r\n"]})")
        << u"545c4d50-e547-11f1-be18-338ebb05d0d6"_s
        << u"v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\na=ice-lite\r\n"_s;
    QTest::newRow("extra positional args ignored")
        << QByteArray(R"({"message":"setRemoteSDP","data":["in-1","v=0\r\n",{"x":1}]})")
        << u"in-1"_s << u"v=0\r\n"_s;
    QTest::newRow("empty sdp") << QByteArray(R"({"message":"setRemoteSDP","data":["in-1",""]})")
                               << u"in-1"_s << u""_s;
    QTest::newRow("escapes and non-ASCII")
        << QByteArray(
               R"({"message":"setRemoteSDP","data":["c\u0041ll","s=\u0421\u0435\u0441\u0441\u0438\u044f \"q\"\\\r\n"]})")
        << u"cAll"_s << u"s=Сессия \"q\"\\\r\n"_s;
}

void tst_CodecDecode::setRemoteSdp() {
    QFETCH(QByteArray, frame);
    QFETCH(QString, id);
    QFETCH(QString, sdp);
    DECODE_AS(wcs::RemoteSdp, r, frame);
    QCOMPARE(r->id, id);
    QCOMPARE(r->sdp, sdp);
}

// ---------------------------------------------------------------------------------------------
// §4 notifyStreamStatusEvent / notifyVideoFormat

void tst_CodecDecode::streamStatusFull_data() {
    QTest::addColumn<QByteArray>("name");
    QTest::newRow("notifyStreamStatusEvent") << QByteArray("notifyStreamStatusEvent");
    QTest::newRow("notifyVideoFormat (legacy, same handler)") << QByteArray("notifyVideoFormat");
}

void tst_CodecDecode::streamStatusFull() {
    QFETCH(QByteArray, name);
    const QByteArray frame = R"({"message":")" + name + R"(","data":[{
        "mediaSessionId":"b2f6f7e0-a1b2-11ee-9c3d-5f2a1e0c7b11","name":"lobby-cam",
        "published":false,"hasVideo":true,"hasAudio":false,"status":"PLAYING",
        "info":"Stopped by user","record":true,"recordName":"lobby-cam-1732100000.mp4",
        "width":1280,"height":720,"bitrate":2500,"quality":3,"mediaProvider":"WebRTC",
        "audioState":{"muted":false},"videoState":{"muted":true,"reason":"user"},
        "sdp":"v=0\r\n","nodeId":"node-1@10.0.0.2","appKey":"defaultApp",
        "sessionId":"/10.0.0.31:50211/10.0.0.2:8443","createDate":1732100000000,
        "futureField":{"a":[1,2,3]}}]})";
    DECODE_AS(core::StreamStatusEvent, s, frame);
    QCOMPARE(s->mediaSessionId, u"b2f6f7e0-a1b2-11ee-9c3d-5f2a1e0c7b11"_s);
    QCOMPARE(s->name, u"lobby-cam"_s);
    QVERIFY(s->status == core::StreamStatus::Playing);
    QVERIFY(s->status.raw.isNull());
    QCOMPARE(s->info, u"Stopped by user"_s);
    QCOMPARE(s->published, std::optional<bool>(false));
    QCOMPARE(s->hasVideo, std::optional<bool>(true));
    QCOMPARE(s->hasAudio, std::optional<bool>(false));
    QCOMPARE(s->record, std::optional<bool>(true));
    QCOMPARE(s->recordName, u"lobby-cam-1732100000.mp4"_s);
    QCOMPARE(s->width, std::optional<int>(1280));
    QCOMPARE(s->height, std::optional<int>(720));
    QCOMPARE(s->bitrate, std::optional<int>(2500));
    QCOMPARE(s->quality, std::optional<int>(3));
    QCOMPARE(s->mediaProvider, u"WebRTC"_s);
    QCOMPARE(s->audioState, u"{\"muted\":false}"_s);
    QCOMPARE(s->videoState, u"{\"muted\":true,\"reason\":\"user\"}"_s);
    QCOMPARE(s->sdp, u"v=0\r\n"_s);
    QCOMPARE(s->nodeId, u"node-1@10.0.0.2"_s);
    QCOMPARE(s->appKey, u"defaultApp"_s);
    QCOMPARE(s->sessionId, u"/10.0.0.31:50211/10.0.0.2:8443"_s);
}

void tst_CodecDecode::streamStatusSparse_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("raw");
    QTest::addColumn<int>("width");     // -1: absent
    QTest::addColumn<int>("published"); // -1: absent, 0/1
    QTest::addColumn<QString>("name");  // null: absent
    QTest::addColumn<QString>("info");

    const int playing = int(core::StreamStatus::Playing);
    QTest::newRow("fixture UNPUBLISHED")
        << QByteArray(
               R"({"message":"notifyStreamStatusEvent","data":[{"mediaSessionId":"545c","name":"pub1","published":true,"status":"UNPUBLISHED","info":"Stopped by user"}]})")
        << int(core::StreamStatus::Unpublished) << QString() << -1 << 1 << u"pub1"_s
        << u"Stopped by user"_s;
    QTest::newRow("only the key")
        << QByteArray(R"({"message":"notifyStreamStatusEvent","data":[{"mediaSessionId":"m"}]})")
        << int(core::StreamStatus::Unknown) << QString() << -1 << -1 << QString() << QString();
    QTest::newRow("null == absent")
        << QByteArray(
               R"({"message":"notifyStreamStatusEvent","data":[{"mediaSessionId":"m","status":null,"name":null,"width":null,"published":null,"info":null,"audioState":null}]})")
        << int(core::StreamStatus::Unknown) << QString() << -1 << -1 << QString() << QString();
    QTest::newRow("numbers and booleans as strings")
        << QByteArray(
               R"({"message":"notifyStreamStatusEvent","data":[{"mediaSessionId":"m","status":"PLAYING","width":"640","published":"false"}]})")
        << playing << QString() << 640 << 0 << QString() << QString();
    QTest::newRow("numeric string with spaces")
        << QByteArray(
               R"({"message":"notifyStreamStatusEvent","data":[{"mediaSessionId":"m","status":"PLAYING","width":" 640 ","published":"true"}]})")
        << playing << QString() << 640 << 1 << QString() << QString();
    QTest::newRow("number as double")
        << QByteArray(
               R"({"message":"notifyStreamStatusEvent","data":[{"mediaSessionId":"m","status":"PLAYING","width":640.0}]})")
        << playing << QString() << 640 << -1 << QString() << QString();
    QTest::newRow("width over int32: absent")
        << QByteArray(
               R"({"message":"notifyStreamStatusEvent","data":[{"mediaSessionId":"m","status":"PLAYING","width":4294967296}]})")
        << playing << QString() << -1 << -1 << QString() << QString();
    QTest::newRow("not a number: absent")
        << QByteArray(
               R"({"message":"notifyStreamStatusEvent","data":[{"mediaSessionId":"m","status":"PLAYING","width":"wide","published":"yes"}]})")
        << playing << QString() << -1 << -1 << QString() << QString();
    QTest::newRow("wrong types of non-key fields: absent")
        << QByteArray(
               R"({"message":"notifyStreamStatusEvent","data":[{"mediaSessionId":"m","status":"PLAYING","width":[640],"published":{},"name":{"x":1},"info":true}]})")
        << playing << QString() << -1 << -1 << QString() << QString();
    QTest::newRow("name as number: text")
        << QByteArray(
               R"({"message":"notifyStreamStatusEvent","data":[{"mediaSessionId":"m","status":"PLAYING","name":12345}]})")
        << playing << QString() << -1 << -1 << u"12345"_s << QString();
    QTest::newRow("info as double: text")
        << QByteArray(
               R"({"message":"notifyStreamStatusEvent","data":[{"mediaSessionId":"m","status":"PLAYING","info":2.5}]})")
        << playing << QString() << -1 << -1 << QString() << u"2.5"_s;
    QTest::newRow("deprecated RESIZE status")
        << QByteArray(
               R"({"message":"notifyStreamStatusEvent","data":[{"mediaSessionId":"m","status":"RESIZE","width":320,"height":240}]})")
        << int(core::StreamStatus::Resize) << QString() << 320 << -1 << QString() << QString();
    QTest::newRow("unknown status keeps raw")
        << QByteArray(
               R"({"message":"notifyStreamStatusEvent","data":[{"mediaSessionId":"m","status":"BUFFERING"}]})")
        << int(core::StreamStatus::Unknown) << u"BUFFERING"_s << -1 << -1 << QString() << QString();
    QTest::newRow("data object, no array")
        << QByteArray(
               R"({"message":"notifyStreamStatusEvent","data":{"mediaSessionId":"m","status":"PLAYING"}})")
        << playing << QString() << -1 << -1 << QString() << QString();
}

void tst_CodecDecode::streamStatusSparse() {
    QFETCH(QByteArray, frame);
    QFETCH(int, status);
    QFETCH(QString, raw);
    QFETCH(int, width);
    QFETCH(int, published);
    QFETCH(QString, name);
    QFETCH(QString, info);
    DECODE_AS(core::StreamStatusEvent, s, frame);
    QCOMPARE(int(s->status.value), status);
    QCOMPARE(s->status.raw, raw);
    QCOMPARE(s->width, width < 0 ? std::nullopt : std::optional<int>(width));
    QCOMPARE(s->published, published < 0 ? std::nullopt : std::optional<bool>(published == 1));
    QCOMPARE(s->name, name);
    QCOMPARE(s->name.isNull(), name.isNull());
    QCOMPARE(s->info, info);
    QCOMPARE(s->info.isNull(), info.isNull());
    if (!frame.contains("audioState\":{")) {
        QVERIFY(s->audioState.isNull());
    }
}

// ---------------------------------------------------------------------------------------------
// §4, §6 notifyStreamEvent

void tst_CodecDecode::streamEvent_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QByteArray>("payload");
    const auto row = [](const char* tag, const char* type, const char* payload, int expected,
                        const QString& raw, const char* expectedPayload) {
        QByteArray frame =
            R"({"message":"notifyStreamEvent","data":[{"mediaSessionId":"m-1","type":")" +
            QByteArray(type) + '"';
        if (payload) {
            frame += R"(,"payload":)" + QByteArray(payload);
        }
        frame += "}]}";
        QTest::newRow(tag) << frame << expected << raw << QByteArray(expectedPayload);
    };
    using T = core::StreamEventType;
    row("resize", "resize", R"({"streamerVideoWidth":640,"streamerVideoHeight":360})",
        int(T::Resize), {}, R"({"streamerVideoWidth":640,"streamerVideoHeight":360})");
    row("notEnoughBandwidth", "notEnoughBandwidth", R"({"info":"300000/1000000"})",
        int(T::NotEnoughBandwidth), {}, R"({"info":"300000/1000000"})");
    row("snapshotCompleted", "snapshotCompleted", R"({"snapshot":"iVBORw0KGgo="})",
        int(T::SnapshotCompleted), {}, R"({"snapshot":"iVBORw0KGgo="})");
    row("snapshotFailed", "snapshotFailed", R"({"info":"no keyframe"})", int(T::SnapshotFailed), {},
        R"({"info":"no keyframe"})");
    row("data object", "data", R"({ "a" : [1, 2, {"b": null}] })", int(T::Data), {},
        R"({"a":[1,2,{"b":null}]})");
    row("data string", "data", R"("hello")", int(T::Data), {}, R"("hello")");
    row("data number", "data", "42", int(T::Data), {}, "42");
    row("audioMuted, no payload", "audioMuted", nullptr, int(T::AudioMuted), {}, "null");
    row("audioUnmuted, null payload", "audioUnmuted", "null", int(T::AudioUnmuted), {}, "null");
    row("videoMuted", "videoMuted", nullptr, int(T::VideoMuted), {}, "null");
    row("videoUnmuted", "videoUnmuted", nullptr, int(T::VideoUnmuted), {}, "null");
    row("unknown type keeps raw", "qualityChanged", "[1]", int(T::Unknown), u"qualityChanged"_s,
        "[1]");
    QTest::newRow("type absent")
        << QByteArray(R"({"message":"notifyStreamEvent","data":[{"mediaSessionId":"m-1"}]})")
        << int(T::Unknown) << QString() << QByteArray("null");
}

void tst_CodecDecode::streamEvent() {
    QFETCH(QByteArray, frame);
    QFETCH(int, type);
    QFETCH(QString, raw);
    QFETCH(QByteArray, payload);
    DECODE_AS(wcs::StreamEvent, e, frame);
    QCOMPARE(e->mediaSessionId, u"m-1"_s);
    QCOMPARE(int(e->type.value), type);
    QCOMPARE(e->type.raw, raw);
    QCOMPARE(e->payload, payload);
}

// ---------------------------------------------------------------------------------------------
// §6.3 availableStream: `id`, string boolean status

void tst_CodecDecode::availableStream_data() {
    QTest::addColumn<QByteArray>("status");
    QTest::addColumn<bool>("available");
    QTest::newRow("\"true\"") << QByteArray(R"("true")") << true;
    QTest::newRow("\"false\"") << QByteArray(R"("false")") << false;
    QTest::newRow("true") << QByteArray("true") << true;
    QTest::newRow("false") << QByteArray("false") << false;
    QTest::newRow("null") << QByteArray("null") << false;
    QTest::newRow("\"TRUE\" (not a boolean text)") << QByteArray(R"("TRUE")") << false;
    QTest::newRow("1 (not a boolean)") << QByteArray("1") << false;
    QTest::newRow("\"\"") << QByteArray(R"("")") << false;
}

void tst_CodecDecode::availableStream() {
    QFETCH(QByteArray, status);
    QFETCH(bool, available);
    const QByteArray frame =
        R"({"message":"availableStream","data":[{"id":"419887b0-e547-11f1-82e1-176a28c9b022","status":)" +
        status + R"(,"info":"Stream not found"}]})";
    DECODE_AS(wcs::StreamAvailability, a, frame);
    QCOMPARE(a->id, u"419887b0-e547-11f1-82e1-176a28c9b022"_s);
    QCOMPARE(a->available, available);
    QCOMPARE(a->info, u"Stream not found"_s);
}

// ---------------------------------------------------------------------------------------------
// §4 outboundVideoRate / inboundVideoRate

void tst_CodecDecode::videoRate_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<qint64>("rate");
    QTest::addColumn<bool>("inbound");
    QTest::newRow("outbound")
        << QByteArray(
               R"({"message":"outboundVideoRate","data":[{"mediaSessionId":"m","videoRate":2480000}]})")
        << qint64(2480000) << false;
    QTest::newRow("inbound")
        << QByteArray(
               R"({"message":"inboundVideoRate","data":[{"mediaSessionId":"m","videoRate":1500000}]})")
        << qint64(1500000) << true;
    QTest::newRow("as string")
        << QByteArray(
               R"({"message":"inboundVideoRate","data":[{"mediaSessionId":"m","videoRate":"1500000"}]})")
        << qint64(1500000) << true;
    QTest::newRow("over 32 bits")
        << QByteArray(
               R"({"message":"outboundVideoRate","data":[{"mediaSessionId":"m","videoRate":10000000000}]})")
        << qint64(10000000000) << false;
    QTest::newRow("as double")
        << QByteArray(
               R"({"message":"outboundVideoRate","data":[{"mediaSessionId":"m","videoRate":2.48e6}]})")
        << qint64(2480000) << false;
    QTest::newRow("absent: 0")
        << QByteArray(R"({"message":"outboundVideoRate","data":[{"mediaSessionId":"m"}]})")
        << qint64(0) << false;
    QTest::newRow("garbage: 0")
        << QByteArray(
               R"({"message":"outboundVideoRate","data":[{"mediaSessionId":"m","videoRate":"fast"}]})")
        << qint64(0) << false;
    QTest::newRow("huge double: 0")
        << QByteArray(
               R"({"message":"outboundVideoRate","data":[{"mediaSessionId":"m","videoRate":1e300}]})")
        << qint64(0) << false;
}

void tst_CodecDecode::videoRate() {
    QFETCH(QByteArray, frame);
    QFETCH(qint64, rate);
    QFETCH(bool, inbound);
    DECODE_AS(wcs::VideoRate, v, frame);
    QCOMPARE(v->mediaSessionId, u"m"_s);
    QCOMPARE(v->videoRate, rate);
    QCOMPARE(v->inbound, inbound);
}

// ---------------------------------------------------------------------------------------------
// §4, §7 call status messages: the `status` field is the truth; the name only fills in when
// the field is absent

void tst_CodecDecode::callStatus_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("raw");
    QTest::addColumn<int>("sipStatus");
    QTest::addColumn<QString>("info");
    using S = core::CallStatus;
    const auto row = [](const char* tag, const char* name, const char* fields, S status,
                        int sipStatus, const QString& info, const QString& raw = {}) {
        QTest::newRow(tag) << QByteArray(R"({"message":")" + QByteArray(name) +
                                         R"(","data":[{"callId":"c-1")" + QByteArray(fields) +
                                         "}]}")
                           << int(status) << raw << sipStatus << info;
    };
    row("notifyTryingResponse", "notifyTryingResponse", R"(,"status":"TRYING","sipStatus":100)",
        S::Trying, 100, {});
    row("ring RING", "ring", R"(,"status":"RING","sipStatus":180)", S::Ring, 180, {});
    row("ring RING_MEDIA", "ring", R"(,"status":"RING_MEDIA","sipStatus":183)", S::RingMedia, 183,
        {});
    row("ring SESSION_PROGRESS", "ring", R"(,"status":"SESSION_PROGRESS")", S::SessionProgress, -1,
        {});
    row("talk", "talk", R"(,"status":"ESTABLISHED","sipStatus":200)", S::Established, 200, {});
    row("hold", "hold", R"(,"status":"HOLD")", S::Hold, -1, {});
    row("finish FINISH", "finish", R"(,"status":"FINISH","info":"Normal call clearing")", S::Finish,
        -1, u"Normal call clearing"_s);
    row("finish BUSY", "finish", R"(,"status":"BUSY","sipStatus":486,"info":"SIP 486 BUSY HERE")",
        S::Busy, 486, u"SIP 486 BUSY HERE"_s);
    row("finish FAILED", "finish",
        R"(,"status":"FAILED","sipStatus":"403","info":"SIP 403 FORBIDDEN")", S::Failed, 403,
        u"SIP 403 FORBIDDEN"_s);
    row("sessionProgress (API v1)", "sessionProgress", R"(,"status":"SESSION_PROGRESS")",
        S::SessionProgress, -1, {});
    row("busy (API v1)", "busy", R"(,"status":"BUSY")", S::Busy, -1, {});
    // the field wins over the name
    row("talk carrying HOLD", "talk", R"(,"status":"HOLD")", S::Hold, -1, {});
    row("ring carrying FINISH", "ring", R"(,"status":"FINISH")", S::Finish, -1, {});
    row("hold carrying ESTABLISHED (unhold)", "hold", R"(,"status":"ESTABLISHED")", S::Established,
        -1, {});
    // status absent or null: implied by the name
    row("notifyTryingResponse, no status", "notifyTryingResponse", "", S::Trying, -1, {});
    row("ring, no status", "ring", "", S::Ring, -1, {});
    row("talk, no status", "talk", "", S::Established, -1, {});
    row("hold, null status", "hold", R"(,"status":null)", S::Hold, -1, {});
    row("finish, no status", "finish", "", S::Finish, -1, {});
    row("sessionProgress, no status", "sessionProgress", "", S::SessionProgress, -1, {});
    row("busy, no status", "busy", "", S::Busy, -1, {});
    row("notifyIncomingCall, no status", "notifyIncomingCall", "", S::Ring, -1, {});
    // unknown status text: Unknown with the raw text, not the name's status
    row("talk with unknown status", "talk", R"(,"status":"CONNECTED")", S::Unknown, -1, {},
        u"CONNECTED"_s);
    row("case matters", "ring", R"(,"status":"ring")", S::Unknown, -1, {}, u"ring"_s);
    // sipStatus variants
    row("sipStatus garbage", "talk", R"(,"status":"ESTABLISHED","sipStatus":"OK")", S::Established,
        -1, {});
    row("sipStatus null", "talk", R"(,"status":"ESTABLISHED","sipStatus":null)", S::Established, -1,
        {});
}

void tst_CodecDecode::callStatus() {
    QFETCH(QByteArray, frame);
    QFETCH(int, status);
    QFETCH(QString, raw);
    QFETCH(int, sipStatus);
    QFETCH(QString, info);
    DECODE_AS(core::CallStatusEvent, c, frame);
    QCOMPARE(c->callId, u"c-1"_s);
    QCOMPARE(int(c->status.value), status);
    QCOMPARE(c->status.raw, raw);
    QCOMPARE(c->sipStatus, sipStatus);
    QCOMPARE(c->info, info);
    QCOMPARE(c->isIncomingCallOffer, frame.contains("notifyIncomingCall"));
}

void tst_CodecDecode::callFullObject() {
    const QByteArray frame = R"({"message":"talk","data":[{
        "callId":"6a3e2f10-9c1d-4e8b-b7a5-0d4c3b2a1f09","status":"ESTABLISHED","sipStatus":200,
        "info":"OK","caller":"2001","callee":"2042","visibleName":"Desk 7","incoming":false,
        "hasAudio":true,"hasVideo":"false","mediaProvider":"WebRTC",
        "sipMessageRaw":"SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 10.0.0.2\r\n\r\n",
        "parentCallId":"p-1","target":"2099","holdForTransfer":true,
        "custom":{"tag":"c1","n":[1,2]},"inviteParameters":{"X-Account":"42"},
        "isMsrp":false,"sdp":"v=0\r\n","unknownExtra":[{"deep":{"er":null}}]}]})";
    DECODE_AS(core::CallStatusEvent, c, frame);
    QCOMPARE(c->callId, u"6a3e2f10-9c1d-4e8b-b7a5-0d4c3b2a1f09"_s);
    QVERIFY(c->status == core::CallStatus::Established);
    QCOMPARE(c->sipStatus, 200);
    QCOMPARE(c->info, u"OK"_s);
    QCOMPARE(c->caller, u"2001"_s);
    QCOMPARE(c->callee, u"2042"_s);
    QCOMPARE(c->visibleName, u"Desk 7"_s);
    QCOMPARE(c->incoming, std::optional<bool>(false));
    QCOMPARE(c->hasAudio, std::optional<bool>(true));
    QCOMPARE(c->hasVideo, std::optional<bool>(false));
    QCOMPARE(c->mediaProvider, u"WebRTC"_s);
    QCOMPARE(c->sipMessageRaw, u"SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 10.0.0.2\r\n\r\n"_s);
    QCOMPARE(c->parentCallId, u"p-1"_s);
    QCOMPARE(c->target, u"2099"_s);
    QCOMPARE(c->holdForTransfer, std::optional<bool>(true));
    QCOMPARE(c->custom, QByteArray(R"({"tag":"c1","n":[1,2]})"));
    QCOMPARE(c->inviteParameters, QByteArray(R"({"X-Account":"42"})"));
    QVERIFY(!c->isIncomingCallOffer);
    // REST-hook-only fields are not read from WS frames
    QVERIFY(c->nodeId.isNull());

    // the same call with nothing but the key: every other field absent
    DECODE_AS(core::CallStatusEvent, bare,
              QByteArray(R"({"message":"talk","data":[{"callId":"c"}]})"));
    QCOMPARE(bare->sipStatus, -1);
    QVERIFY(bare->info.isNull());
    QVERIFY(bare->caller.isNull());
    QVERIFY(!bare->incoming.has_value());
    QVERIFY(!bare->hasAudio.has_value());
    QVERIFY(!bare->holdForTransfer.has_value());
    QVERIFY(bare->custom.isEmpty());
    QVERIFY(bare->inviteParameters.isEmpty());
}

void tst_CodecDecode::incomingCall() {
    // fixture frame (chromium-calls-streams.jsonl)
    const QByteArray frame =
        R"({"message":"notifyIncomingCall","data":[{"callId":"in-ba747860-a117-4ebd-b5fe-1c38b6bd0503","caller":"1001","callee":"1000","incoming":true,"status":"RING","visibleName":"Alice","mediaProvider":"WebRTC","hasAudio":true,"hasVideo":false,"sipMessageRaw":"INVITE sip:1000@pbx SIP/2.0\r\n"}]})";
    DECODE_AS(core::CallStatusEvent, c, frame);
    QCOMPARE(c->callId, u"in-ba747860-a117-4ebd-b5fe-1c38b6bd0503"_s);
    QVERIFY(c->isIncomingCallOffer);
    QCOMPARE(c->incoming, std::optional<bool>(true));
    QVERIFY(c->status == core::CallStatus::Ring);
    QCOMPARE(c->caller, u"1001"_s);
    QCOMPARE(c->callee, u"1000"_s);
    QCOMPARE(c->visibleName, u"Alice"_s);
    QCOMPARE(c->mediaProvider, u"WebRTC"_s);
    QCOMPARE(c->hasAudio, std::optional<bool>(true));
    QCOMPARE(c->hasVideo, std::optional<bool>(false));
    QCOMPARE(c->sipMessageRaw, u"INVITE sip:1000@pbx SIP/2.0\r\n"_s);

    // `incoming` absent: an incoming-call offer is incoming
    DECODE_AS(
        core::CallStatusEvent, bare,
        QByteArray(R"({"message":"notifyIncomingCall","data":[{"callId":"c","status":"RING"}]})"));
    QCOMPARE(bare->incoming, std::optional<bool>(true));
    // a plain `ring` with no `incoming` stays unknown
    DECODE_AS(core::CallStatusEvent, ring,
              QByteArray(R"({"message":"ring","data":[{"callId":"c","status":"RING"}]})"));
    QVERIFY(!ring->incoming.has_value());
    QVERIFY(!ring->isIncomingCallOffer);
}

// ---------------------------------------------------------------------------------------------
// §7.5 notifyTransferEvent

void tst_CodecDecode::transfer_data() {
    QTest::addColumn<QByteArray>("fields");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("target");
    QTest::addColumn<int>("sipStatus");
    using S = core::TransferStatus;
    QTest::newRow("ACCEPTED") << QByteArray(R"("target":"1003","status":"ACCEPTED")")
                              << int(S::Accepted) << QString() << u"1003"_s << -1;
    QTest::newRow("TRYING") << QByteArray(R"("status":"TRYING","sipStatus":100)") << int(S::Trying)
                            << QString() << QString() << 100;
    QTest::newRow("COMPLETED") << QByteArray(
                                      R"("target":"1003","status":"COMPLETED","sipStatus":"200")")
                               << int(S::Completed) << QString() << u"1003"_s << 200;
    QTest::newRow("FAILED") << QByteArray(R"("status":"FAILED","info":"SIP 603 DECLINE")")
                            << int(S::Failed) << QString() << QString() << -1;
    QTest::newRow("PENDING (API v1 incoming offer)")
        << QByteArray(R"("status":"PENDING")") << int(S::Pending) << QString() << QString() << -1;
    QTest::newRow("unknown keeps raw") << QByteArray(R"("status":"REFERRED")") << int(S::Unknown)
                                       << u"REFERRED"_s << QString() << -1;
    QTest::newRow("status absent")
        << QByteArray(R"("target":"1003")") << int(S::Unknown) << QString() << u"1003"_s << -1;
    QTest::newRow("target as number") << QByteArray(R"("target":1003,"status":"ACCEPTED")")
                                      << int(S::Accepted) << QString() << u"1003"_s << -1;
}

void tst_CodecDecode::transfer() {
    QFETCH(QByteArray, fields);
    QFETCH(int, status);
    QFETCH(QString, raw);
    QFETCH(QString, target);
    QFETCH(int, sipStatus);
    const QByteArray frame =
        R"({"message":"notifyTransferEvent","data":[{"callId":"54f6dfa0-e547-11f1-be18-338ebb05d0d6",)" +
        fields + "}]}";
    DECODE_AS(core::TransferStatusEvent, t, frame);
    QCOMPARE(t->callId, u"54f6dfa0-e547-11f1-be18-338ebb05d0d6"_s);
    QCOMPARE(int(t->status.value), status);
    QCOMPARE(t->status.raw, raw);
    QCOMPARE(t->target, target);
    QCOMPARE(t->sipStatus, sipStatus);
    if (fields.contains("info")) {
        QCOMPARE(t->info, u"SIP 603 DECLINE"_s);
    } else {
        QVERIFY(t->info.isNull());
    }
}

// ---------------------------------------------------------------------------------------------
// §4 notifyAudioCodec [callId, codec] (informational)

void tst_CodecDecode::audioCodec_data() {
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("callId");
    QTest::addColumn<QString>("codec");
    QTest::newRow("both") << QByteArray(R"(["c-1",{"name":"opus","rate":48000}])") << u"c-1"_s
                          << u"opus"_s;
    QTest::newRow("codec missing") << QByteArray(R"(["c-1"])") << u"c-1"_s << QString();
    QTest::newRow("codec not an object")
        << QByteArray(R"(["c-1","opus"])") << u"c-1"_s << QString();
    QTest::newRow("empty") << QByteArray("[]") << QString() << QString();
    QTest::newRow("null id") << QByteArray(R"([null,{"name":"PCMU"}])") << QString() << u"PCMU"_s;
}

void tst_CodecDecode::audioCodec() {
    QFETCH(QByteArray, data);
    QFETCH(QString, callId);
    QFETCH(QString, codec);
    DECODE_AS(wcs::AudioCodec, a,
              QByteArray(R"({"message":"notifyAudioCodec","data":)" + data + "}"));
    QCOMPARE(a->callId, callId);
    QCOMPARE(a->codecName, codec);
}

// ---------------------------------------------------------------------------------------------
// §8 DataStatusEvent / OnDataEvent

void tst_CodecDecode::dataStatus_data() {
    QTest::addColumn<QByteArray>("fields");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("info");
    QTest::newRow("fixture ACCEPTED") << QByteArray(R"("status":"ACCEPTED","info":"")")
                                      << int(core::DataStatus::Accepted) << u""_s;
    QTest::newRow("FAILED") << QByteArray(R"("status":"FAILED","info":"Backend returned 403")")
                            << int(core::DataStatus::Failed) << u"Backend returned 403"_s;
    QTest::newRow("no status") << QByteArray(R"("info":null)") << int(core::DataStatus::Unknown)
                               << QString();
}

void tst_CodecDecode::dataStatus() {
    QFETCH(QByteArray, fields);
    QFETCH(int, status);
    QFETCH(QString, info);
    const QByteArray frame =
        R"({"message":"DataStatusEvent","data":[{"operationId":"41981280-e547-11f1-82e1-176a28c9b022",)" +
        fields + "}]}";
    DECODE_AS(core::DataStatusEvent, d, frame);
    QCOMPARE(d->operationId, u"41981280-e547-11f1-82e1-176a28c9b022"_s);
    QCOMPARE(int(d->status.value), status);
    QCOMPARE(d->info, info);
    QCOMPARE(d->info.isNull(), info.isNull());
}

void tst_CodecDecode::onData_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("operationId");
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("fixture")
        << QByteArray(
               R"({"message":"OnDataEvent","data":[{"operationId":"463c3726-6e4b-4c3b-9c8f-2ace4db17483","payload":{"echo":{"hello":"world"},"from":"loopback"}}]})")
        << u"463c3726-6e4b-4c3b-9c8f-2ace4db17483"_s
        << QByteArray(R"({"echo":{"hello":"world"},"from":"loopback"})");
    QTest::newRow("room API event")
        << QByteArray(
               R"({"message":"OnDataEvent","data":[{"operationId":"o","payload":{"roomName":"r","name":"JOINED","info":"alice"}}]})")
        << u"o"_s << QByteArray(R"({"roomName":"r","name":"JOINED","info":"alice"})");
    QTest::newRow("array payload")
        << QByteArray(
               R"({"message":"OnDataEvent","data":[{"operationId":"o","payload":[1,"two",null]}]})")
        << u"o"_s << QByteArray(R"([1,"two",null])");
    QTest::newRow("string payload")
        << QByteArray(R"({"message":"OnDataEvent","data":[{"operationId":"o","payload":"a\"b"}]})")
        << u"o"_s << QByteArray(R"("a\"b")");
    QTest::newRow("false payload")
        << QByteArray(R"({"message":"OnDataEvent","data":[{"operationId":"o","payload":false}]})")
        << u"o"_s << QByteArray("false");
    QTest::newRow("payload absent: null")
        << QByteArray(R"({"message":"OnDataEvent","data":[{"operationId":"o"}]})") << u"o"_s
        << QByteArray("null");
    QTest::newRow("payload null: null")
        << QByteArray(R"({"message":"OnDataEvent","data":[{"operationId":"o","payload":null}]})")
        << u"o"_s << QByteArray("null");
    QTest::newRow("operationId absent (server-generated, not a key)")
        << QByteArray(R"({"message":"OnDataEvent","data":[{"payload":{}}]})") << QString()
        << QByteArray("{}");
    const QByteArray big = onDataFrame(527);
    const qsizetype start = big.indexOf(R"("payload":)") + 10;
    QTest::newRow("527-byte frame") << big << u"5d7f3a2e-6b1c-4e0a-9f3d-2c8b1a0e4f57"_s
                                    << big.mid(start, big.size() - start - 3);
}

void tst_CodecDecode::onData() {
    QFETCH(QByteArray, frame);
    QFETCH(QString, operationId);
    QFETCH(QByteArray, payload);
    if (QTest::currentDataTag() == QByteArray("527-byte frame")) {
        QCOMPARE(frame.size(), 527);
    }
    DECODE_AS(core::OnDataEvent, d, frame);
    QCOMPARE(d->operationId, operationId);
    QCOMPARE(d->payload, payload);
}

// ---------------------------------------------------------------------------------------------
// §9.1 notifySessionDebugEvent

void tst_CodecDecode::sessionDebug_data() {
    QTest::addColumn<QByteArray>("fields");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("file");
    QTest::newRow("STARTED") << QByteArray(R"("status":"STARTED")")
                             << int(core::SessionDebugStatus::Started) << QString();
    QTest::newRow("STOPPED with file")
        << QByteArray(R"("status":"STOPPED","file":"logs/client/loopback.log")")
        << int(core::SessionDebugStatus::Stopped) << u"logs/client/loopback.log"_s;
    QTest::newRow("unknown") << QByteArray(R"("status":"PAUSED")")
                             << int(core::SessionDebugStatus::Unknown) << QString();
}

void tst_CodecDecode::sessionDebug() {
    QFETCH(QByteArray, fields);
    QFETCH(int, status);
    QFETCH(QString, file);
    DECODE_AS(core::SessionDebugStatusEvent, d,
              QByteArray(R"({"message":"notifySessionDebugEvent","data":[{)" + fields + "}]}"));
    QCOMPARE(int(d->status.value), status);
    QCOMPARE(d->file, file);
    if (status == int(core::SessionDebugStatus::Unknown)) {
        QCOMPARE(d->status.raw, u"PAUSED"_s);
    }
}

// ---------------------------------------------------------------------------------------------
// §11 fail (ErrorEvent)

void tst_CodecDecode::fail_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("apiMethod");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("info");
    QTest::addColumn<QString>("status");
    QTest::newRow("fixture: StreamStatusEvent with status")
        << QByteArray(
               R"({"message":"fail","data":[{"apiMethod":"StreamStatusEvent","id":"x","status":"FAILED","info":"REST backend returned 500"}]})")
        << u"StreamStatusEvent"_s << u"x"_s << u"REST backend returned 500"_s << u"FAILED"_s;
    QTest::newRow("seed 003, no status")
        << QByteArray(
               R"({"message":"fail","data":[{"apiMethod":"StreamStatusEvent","id":"e9c002d0-fde2-11e6-a2bf-c99492323844","info":"Backend returned 500"}]})")
        << u"StreamStatusEvent"_s << u"e9c002d0-fde2-11e6-a2bf-c99492323844"_s
        << u"Backend returned 500"_s << QString();
    QTest::newRow("registration failure (API v1)")
        << QByteArray(
               R"({"message":"fail","data":[{"apiMethod":"RegistrationStatusEvent","info":"AUTHENTICATION_FAIL","status":"FAILED"}]})")
        << u"RegistrationStatusEvent"_s << QString() << u"AUTHENTICATION_FAIL"_s << u"FAILED"_s;
    QTest::newRow("generic, no apiMethod")
        << QByteArray(R"({"message":"fail","data":[{"info":"Something broke"}]})") << QString()
        << QString() << u"Something broke"_s << QString();
    QTest::newRow("no data") << QByteArray(R"({"message":"fail"})") << QString() << QString()
                             << QString() << QString();
    QTest::newRow("data [\"text\"]") << QByteArray(R"({"message":"fail","data":["oops"]})")
                                     << QString() << QString() << QString() << QString();
    QTest::newRow("status as number is kept as text")
        << QByteArray(R"({"message":"fail","data":[{"id":7,"status":500}]})") << QString() << u"7"_s
        << QString() << u"500"_s;
}

void tst_CodecDecode::fail() {
    QFETCH(QByteArray, frame);
    QFETCH(QString, apiMethod);
    QFETCH(QString, id);
    QFETCH(QString, info);
    QFETCH(QString, status);
    DECODE_AS(core::ErrorEvent, e, frame);
    QCOMPARE(e->apiMethod, apiMethod);
    QCOMPARE(e->id, id);
    QCOMPARE(e->info, info);
    QCOMPARE(e->status, status);
    QCOMPARE(e->status.isNull(), status.isNull());
}

// ---------------------------------------------------------------------------------------------
// §9.4 metrics control

void tst_CodecDecode::metrics_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("description update")
        << QByteArray(
               R"({"message":"webRTCMetricsDescriptionUpdate","data":[{"ids":["m-1"],"compression":"none","batchSize":5,"sampling":500,"types":["outbound-rtp"],"collect":"on"}]})")
        << u"webRTCMetricsDescriptionUpdate"_s
        << QByteArray(
               R"({"ids":["m-1"],"compression":"none","batchSize":5,"sampling":500,"types":["outbound-rtp"],"collect":"on"})");
    QTest::newRow("token refresh")
        << QByteArray(
               R"({"message":"webRTCMetricsTokenRefresh","data":[{"authorization":"Bearer abc"}]})")
        << u"webRTCMetricsTokenRefresh"_s << QByteArray(R"({"authorization":"Bearer abc"})");
    QTest::newRow("no data") << QByteArray(R"({"message":"webRTCMetricsTokenRefresh"})")
                             << u"webRTCMetricsTokenRefresh"_s << QByteArray();
    QTest::newRow("data object, no array")
        << QByteArray(R"({"message":"webRTCMetricsTokenRefresh","data":{"authorization":"x"}})")
        << u"webRTCMetricsTokenRefresh"_s << QByteArray(R"({"authorization":"x"})");
}

void tst_CodecDecode::metrics() {
    QFETCH(QByteArray, frame);
    QFETCH(QString, message);
    QFETCH(QByteArray, json);
    DECODE_AS(wcs::MetricsControl, m, frame);
    QCOMPARE(m->message, message);
    QCOMPARE(m->json, json);
}

// ---------------------------------------------------------------------------------------------
// §4 legacy (API v1) and unknown names: UnknownMessage, ignored

void tst_CodecDecode::legacyAndUnknownNames_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("legacy");
    const auto row = [](const char* name, bool legacy, const char* data = R"([{}])") {
        QTest::newRow(name) << QByteArray(R"({"message":")" + QByteArray(name) + R"(","data":)" +
                                          data + "}")
                            << QString::fromUtf8(name) << legacy;
    };
    row("getVersion", true);
    row("notifyMessage", true, R"([{"from":"a","body":"hi"},{"status":"RECEIVED"}])");
    row("notifyBugReport", true, R"(["bug-1.zip"])");
    row("notifyRecordComplete", true);
    row("notifySubscription", true);
    row("notifyXcapResponse", true);
    row("callbackHold", true);
    row("base64BinaryData", true, R"(["AAEC"])");
    row("someFutureMessage", false);
    row("Ping", false, "[]"); // names are case-sensitive
    row("PING", false, "[]");
    row("NotifyStreamStatusEvent", false);
    row("connectMediaTransport", false); // client -> server only
    row("pong", false, "[null]");
    row("x-test", false);
    row("", false);
    row("\xd0\xbf\xd0\xb8\xd0\xbd\xd0\xb3", false); // non-ASCII name
    QTest::newRow("escaped name") << QByteArray(R"({"message":"p\u0069ng2","data":[]})")
                                  << u"ping2"_s << false;
    QTest::newRow("name with NUL")
        << QByteArray(R"({"message":"ping\u0000","data":[]})") << u"ping"_s + QChar(u'\0') << false;
}

void tst_CodecDecode::legacyAndUnknownNames() {
    QFETCH(QByteArray, frame);
    QFETCH(QString, name);
    QFETCH(bool, legacy);
    DECODE_AS(wcs::UnknownMessage, u, frame);
    QCOMPARE(u->name, name);
    QCOMPARE(u->legacy, legacy);
}

// ---------------------------------------------------------------------------------------------
// The official-SDK captures

void tst_CodecDecode::fixtureFrames_data() {
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("dir");
    QTest::addColumn<QString>("message");
    const auto frames = testutil::fixtureFrames();
    qsizetype serverFrames = 0;
    for (const auto& f : frames) {
        serverFrames += f.dir == u"S>C";
        QTest::addRow("%s:%d %s %s", qPrintable(f.file), f.line, qPrintable(f.dir),
                      qPrintable(f.message))
            << f.raw << f.dir << f.message;
    }
    if (serverFrames < 40) { // the captures hold 46 S>C frames
        QTest::newRow("fixtures missing") << QByteArray() << u"missing"_s << testutil::fixtureDir();
    }
}

void tst_CodecDecode::fixtureFrames() {
    QFETCH(QByteArray, raw);
    QFETCH(QString, dir);
    QFETCH(QString, message);
    if (dir == u"missing") {
        QFAIL(qPrintable(u"too few fixture frames under "_s + message));
    }
    const Decoded d = Codec::decode(raw);
    if (dir != u"S>C") {
        // client frames are not ours to decode, but they must not hurt either
        return;
    }
    const auto* m = std::get_if<ServerMessage>(&d);
    QVERIFY2(m, qPrintable(describe(d)));
    QCOMPARE(m->index(), expectedIndex(message));
    QVERIFY2(!std::holds_alternative<wcs::UnknownMessage>(*m), qPrintable(message));
}

// ---------------------------------------------------------------------------------------------
// §2.1 tolerance: absent == null, extra fields, data shapes, types as strings

void tst_CodecDecode::tolerance_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("name"); // expected message name (alternative)
    QTest::newRow("extra top-level keys")
        << QByteArray(R"({"message":"talk","data":[{"callId":"c"}],"x":{"y":[1]},"z":null})")
        << u"talk"_s;
    QTest::newRow("extra fields of every type")
        << QByteArray(
               R"({"message":"talk","data":[{"callId":"c","a":1,"b":"s","c":[{}],"d":{"e":{}},"f":null,"g":true,"h":-1.5e-3}]})")
        << u"talk"_s;
    QTest::newRow("data as object, not array")
        << QByteArray(R"({"message":"talk","data":{"callId":"c","status":"ESTABLISHED"}})")
        << u"talk"_s;
    QTest::newRow("data with two objects")
        << QByteArray(R"({"message":"talk","data":[{"callId":"c"},{"callId":"d"}]})") << u"talk"_s;
    QTest::newRow("duplicate keys")
        << QByteArray(R"({"message":"talk","data":[{"callId":"c","callId":"d"}]})") << u"talk"_s;
    QTest::newRow("unicode escapes in values")
        << QByteArray(R"({"message":"talk","data":[{"callId":"\u0063","caller":"\ud83d\udcde"}]})")
        << u"talk"_s;
    QTest::newRow("pretty printed")
        << QByteArray("{\n  \"message\": \"notifyStreamStatusEvent\",\n  \"data\": [\n    {\n      "
                      "\"mediaSessionId\": \"m\",\n      \"status\": \"PLAYING\"\n    }\n  ]\n}\n")
        << u"notifyStreamStatusEvent"_s;
    QTest::newRow("booleans as strings")
        << QByteArray(
               R"({"message":"notifyIncomingCall","data":[{"callId":"c","incoming":"true","hasAudio":"true","hasVideo":"false"}]})")
        << u"notifyIncomingCall"_s;
    QTest::newRow("numbers as strings")
        << QByteArray(R"({"message":"ring","data":[{"callId":"c","sipStatus":"180"}]})")
        << u"ring"_s;
    QTest::newRow("data missing, message needs none")
        << QByteArray(R"({"message":"fail"})") << u"fail"_s;
    QTest::newRow("data empty, message needs none")
        << QByteArray(R"({"message":"registered","data":[]})") << u"registered"_s;
    QTest::newRow("negative zero and exponent numbers")
        << QByteArray(
               R"({"message":"notifyStreamStatusEvent","data":[{"mediaSessionId":"m","width":-0.0,"height":7.2E2,"bitrate":1e-9}]})")
        << u"notifyStreamStatusEvent"_s;
    QTest::newRow("uint64 number")
        << QByteArray(
               R"({"message":"outboundVideoRate","data":[{"mediaSessionId":"m","videoRate":18446744073709551615}]})")
        << u"outboundVideoRate"_s;
}

void tst_CodecDecode::tolerance() {
    QFETCH(QByteArray, frame);
    QFETCH(QString, name);
    const Decoded d = Codec::decode(frame);
    const auto* m = std::get_if<ServerMessage>(&d);
    QVERIFY2(m, qPrintable(describe(d)));
    QCOMPARE(m->index(), expectedIndex(name));
    if (const auto* c = std::get_if<core::CallStatusEvent>(m)) {
        QCOMPARE(c->callId, u"c"_s); // first key / first object wins
        if (name == u"notifyIncomingCall") {
            QCOMPARE(c->hasAudio, std::optional<bool>(true));
            QCOMPARE(c->hasVideo, std::optional<bool>(false));
        }
        if (name == u"ring") {
            QCOMPARE(c->sipStatus, 180);
        }
        if (frame.contains("ud83d")) {
            QCOMPARE(c->caller, u"\U0001F4DE"_s);
        }
    }
    if (const auto* s = std::get_if<core::StreamStatusEvent>(m); s && frame.contains("7.2E2")) {
        QCOMPARE(s->width, std::optional<int>(0));
        QCOMPARE(s->height, std::optional<int>(720));
        QCOMPARE(s->bitrate, std::optional<int>(0));
    }
    if (const auto* v = std::get_if<wcs::VideoRate>(m)) {
        QCOMPARE(v->videoRate, qint64(0)); // out of qint64 range: treated as absent
    }
}

// ---------------------------------------------------------------------------------------------
// Bad input: a DecodeError (or, where the envelope is fine, an UnknownMessage), never a crash

void tst_CodecDecode::badInput_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("reason"); // substring of DecodeError::reason

    const auto row = [](const char* tag, const QByteArray& frame, const QString& reason) {
        QTest::newRow(tag) << frame << reason;
    };
    row("empty frame", QByteArray(), u"not JSON"_s);
    row("white space only", QByteArray(" \n\t "), u"not JSON"_s);
    row("truncated object", QByteArray(R"({"message":"talk","data":[{"callId":"c")"),
        u"not JSON"_s);
    row("truncated string", QByteArray(R"({"message":"ta)"), u"not JSON"_s);
    row("trailing garbage", QByteArray(R"({"message":"ping","data":[]} x)"), u"not JSON"_s);
    row("two objects", QByteArray(R"({"message":"ping"}{"message":"ping"})"), u"not JSON"_s);
    row("single quotes", QByteArray(R"({'message':'ping'})"), u"not JSON"_s);
    row("trailing comma", QByteArray(R"({"message":"ping","data":[],})"), u"not JSON"_s);
    row("NaN", QByteArray(R"({"message":"talk","data":[{"callId":"c","sipStatus":NaN}]})"),
        u"not JSON"_s);
    row("array root", QByteArray(R"([{"message":"ping"}])"), u"array"_s);
    row("string root", QByteArray(R"("ping")"), u"string"_s);
    row("number root", QByteArray("42"), u"number"_s);
    row("null root", QByteArray("null"), u"null"_s);
    row("true root", QByteArray("true"), u"boolean"_s);
    row("no message", QByteArray(R"({"data":[]})"), u"message"_s);
    row("message a number", QByteArray(R"({"message":42,"data":[]})"), u"message"_s);
    row("message null", QByteArray(R"({"message":null})"), u"message"_s);
    row("message an object", QByteArray(R"({"message":{"name":"ping"}})"), u"message"_s);
    row("message an array", QByteArray(R"({"message":["ping"]})"), u"message"_s);
    row("empty object", QByteArray("{}"), u"message"_s);
    // key fields
    row("talk without callId",
        QByteArray(R"({"message":"talk","data":[{"status":"ESTABLISHED"}]})"), u"callId"_s);
    row("talk with empty callId", QByteArray(R"({"message":"talk","data":[{"callId":""}]})"),
        u"callId"_s);
    row("talk with null callId", QByteArray(R"({"message":"talk","data":[{"callId":null}]})"),
        u"callId"_s);
    row("callId an object", QByteArray(R"({"message":"ring","data":[{"callId":{"id":"c"}}]})"),
        u"callId"_s);
    row("callId a number", QByteArray(R"({"message":"ring","data":[{"callId":17}]})"), u"callId"_s);
    row("callId an array", QByteArray(R"({"message":"finish","data":[{"callId":["c"]}]})"),
        u"callId"_s);
    row("talk without data", QByteArray(R"({"message":"talk"})"), u"data[0]"_s);
    row("talk with data []", QByteArray(R"({"message":"talk","data":[]})"), u"data[0]"_s);
    row("talk with data [\"c\"]", QByteArray(R"({"message":"talk","data":["c"]})"), u"data[0]"_s);
    row("talk with data null", QByteArray(R"({"message":"talk","data":null})"), u"data[0]"_s);
    row("talk with data a string", QByteArray(R"({"message":"talk","data":"c"})"), u"data[0]"_s);
    row("status a number", QByteArray(R"({"message":"talk","data":[{"callId":"c","status":200}]})"),
        u"status"_s);
    row("status an object",
        QByteArray(R"({"message":"talk","data":[{"callId":"c","status":{"code":"ESTABLISHED"}}]})"),
        u"status"_s);
    row("status a boolean",
        QByteArray(
            R"({"message":"notifyStreamStatusEvent","data":[{"mediaSessionId":"m","status":true}]})"),
        u"status"_s);
    row("stream without mediaSessionId",
        QByteArray(R"({"message":"notifyStreamStatusEvent","data":[{"status":"PLAYING"}]})"),
        u"mediaSessionId"_s);
    row("stream with numeric mediaSessionId",
        QByteArray(R"({"message":"notifyStreamStatusEvent","data":[{"mediaSessionId":5}]})"),
        u"mediaSessionId"_s);
    row("notifyVideoFormat without data", QByteArray(R"({"message":"notifyVideoFormat"})"),
        u"data[0]"_s);
    row("stream event without mediaSessionId",
        QByteArray(R"({"message":"notifyStreamEvent","data":[{"type":"resize"}]})"),
        u"mediaSessionId"_s);
    row("stream event type a number",
        QByteArray(R"({"message":"notifyStreamEvent","data":[{"mediaSessionId":"m","type":3}]})"),
        u"type"_s);
    row("availableStream without id (uses id, not mediaSessionId)",
        QByteArray(
            R"({"message":"availableStream","data":[{"mediaSessionId":"m","status":"true"}]})"),
        u"'id'"_s);
    row("video rate without mediaSessionId",
        QByteArray(R"({"message":"inboundVideoRate","data":[{"videoRate":1}]})"),
        u"mediaSessionId"_s);
    row("transfer without callId",
        QByteArray(R"({"message":"notifyTransferEvent","data":[{"status":"ACCEPTED"}]})"),
        u"callId"_s);
    row("transfer status a number",
        QByteArray(R"({"message":"notifyTransferEvent","data":[{"callId":"c","status":1}]})"),
        u"status"_s);
    row("DataStatusEvent without operationId",
        QByteArray(R"({"message":"DataStatusEvent","data":[{"status":"ACCEPTED"}]})"),
        u"operationId"_s);
    row("DataStatusEvent operationId an object",
        QByteArray(
            R"({"message":"DataStatusEvent","data":[{"operationId":{},"status":"ACCEPTED"}]})"),
        u"operationId"_s);
    row("DataStatusEvent status an array",
        QByteArray(
            R"({"message":"DataStatusEvent","data":[{"operationId":"o","status":["ACCEPTED"]}]})"),
        u"status"_s);
    row("OnDataEvent without data", QByteArray(R"({"message":"OnDataEvent","data":[]})"),
        u"data[0]"_s);
    row("session debug status a number",
        QByteArray(R"({"message":"notifySessionDebugEvent","data":[{"status":1}]})"), u"status"_s);
    row("registered status a number",
        QByteArray(R"({"message":"registered","data":[{"status":200}]})"), u"status"_s);
    // setRemoteSDP
    row("setRemoteSDP with one element",
        QByteArray(R"({"message":"setRemoteSDP","data":["id-1"]})"), u"setRemoteSDP"_s);
    row("setRemoteSDP with no data", QByteArray(R"({"message":"setRemoteSDP"})"),
        u"setRemoteSDP"_s);
    row("setRemoteSDP with data []", QByteArray(R"({"message":"setRemoteSDP","data":[]})"),
        u"setRemoteSDP"_s);
    row("setRemoteSDP id a number", QByteArray(R"({"message":"setRemoteSDP","data":[1,"v=0"]})"),
        u"setRemoteSDP"_s);
    row("setRemoteSDP sdp null", QByteArray(R"({"message":"setRemoteSDP","data":["id",null]})"),
        u"setRemoteSDP"_s);
    row("setRemoteSDP empty id", QByteArray(R"({"message":"setRemoteSDP","data":["","v=0"]})"),
        u"setRemoteSDP"_s);
    row("setRemoteSDP as object",
        QByteArray(R"({"message":"setRemoteSDP","data":{"id":"x","sdp":"v=0"}})"),
        u"setRemoteSDP"_s);
    // encoding
    row("invalid UTF-8 in a value",
        QByteArray("{\"message\":\"talk\",\"data\":[{\"callId\":\"c\xff\xfe\"}]}"), u"not JSON"_s);
    row("invalid UTF-8 in the name", QByteArray("{\"message\":\"pi\xc3\x28ng\"}"), u"not JSON"_s);
    row("overlong UTF-8", QByteArray("{\"message\":\"\xc0\xafping\"}"), u"not JSON"_s);
    row("UTF-16 surrogate as UTF-8", QByteArray("{\"message\":\"\xed\xa0\x80\"}"), u"not JSON"_s);
    row("lone surrogate escape", QByteArray(R"({"message":"\ud800"})"), u"not JSON"_s);
    row("bad escape", QByteArray(R"({"message":"\q"})"), u"not JSON"_s);
    row("NUL byte outside strings", QByteArray("{\"message\":\"ping\"}\0", 19), u"not JSON"_s);
    row("UTF-16LE text", QByteArray("{\0\"\0m\0\"\0:\0\"\0p\0\"\0}\0", 18), u"not JSON"_s);
}

void tst_CodecDecode::badInput() {
    QFETCH(QByteArray, frame);
    QFETCH(QString, reason);
    const Decoded d = Codec::decode(frame);
    const auto* e = std::get_if<wcs::DecodeError>(&d);
    QVERIFY2(e, qPrintable(describe(d)));
    QVERIFY2(e->reason.contains(reason), qPrintable(e->reason));
    QCOMPARE(e->size, frame.size());
    QCOMPARE(e->raw, frame.left(Codec::kMaxRawKept));
}

void tst_CodecDecode::oversizeFrame() {
    // 10 MB: a valid frame except for its size
    QByteArray frame = R"({"message":"OnDataEvent","data":[{"operationId":"o","payload":")";
    frame.append(QByteArray(10 * 1024 * 1024, 'a')).append(R"("}]})");
    const Decoded d = Codec::decode(frame);
    const auto* e = std::get_if<wcs::DecodeError>(&d);
    QVERIFY2(e, qPrintable(describe(d)));
    QVERIFY2(e->reason.contains(QString::number(Codec::kMaxFrameBytes)), qPrintable(e->reason));
    QVERIFY2(e->reason.contains(u"limit"_s), qPrintable(e->reason));
    QCOMPARE(e->size, frame.size());
    QCOMPARE(e->raw.size(), Codec::kMaxRawKept);
    QCOMPARE(e->raw, frame.left(Codec::kMaxRawKept));

    // one byte over the limit is refused too
    QByteArray over(Codec::kMaxFrameBytes + 1, ' ');
    over.replace(0, 16, R"({"message":"ping")");
    over[over.size() - 1] = '}';
    QVERIFY(std::holds_alternative<wcs::DecodeError>(Codec::decode(over)));
}

void tst_CodecDecode::frameAtTheLimit() {
    // exactly kMaxFrameBytes: a big SDP still decodes
    QByteArray frame = R"({"message":"setRemoteSDP","data":["id-1",")";
    const QByteArray tail = R"("]})";
    const qsizetype sdpSize = Codec::kMaxFrameBytes - frame.size() - tail.size();
    frame.append(QByteArray(sdpSize, 'v')).append(tail);
    QCOMPARE(frame.size(), Codec::kMaxFrameBytes);
    DECODE_AS(wcs::RemoteSdp, r, frame);
    QCOMPARE(r->id, u"id-1"_s);
    QCOMPARE(r->sdp.size(), sdpSize);
    // and the parser is fine with a small frame after a big one
    DECODE_AS(wcs::Ping, p, QByteArray(R"({"message":"ping","data":[]})"));
}

void tst_CodecDecode::deepNesting_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<bool>("mayDecode"); // payload nesting within the parser's depth limit
    QTest::newRow("100000 [") << QByteArray(100000, '[') << false;
    QTest::newRow("100000 [ closed") << QByteArray(100000, '[') + QByteArray(100000, ']') << false;
    QByteArray objects;
    for (int i = 0; i < 100000; ++i) {
        objects += R"({"a":)";
    }
    QTest::newRow("100000 objects") << objects << false;
    const QByteArray deepPayload =
        R"({"message":"OnDataEvent","data":[{"operationId":"o","payload":)" +
        QByteArray(5000, '[') + QByteArray(5000, ']') + "}]}";
    QTest::newRow("5000-deep payload") << deepPayload << false;
    const QByteArray okPayload =
        R"({"message":"OnDataEvent","data":[{"operationId":"o","payload":)" + QByteArray(500, '[') +
        QByteArray(500, ']') + "}]}";
    QTest::newRow("500-deep payload") << okPayload << true;
    const QByteArray deepUnknown =
        R"({"message":"x","data":)" + QByteArray(100000, '[') + QByteArray(100000, ']') + "}";
    QTest::newRow("100000-deep unknown message") << deepUnknown << false;
}

void tst_CodecDecode::deepNesting() {
    QFETCH(QByteArray, frame);
    QFETCH(bool, mayDecode);
    const Decoded d = Codec::decode(frame);
    if (mayDecode) {
        const auto* m = std::get_if<ServerMessage>(&d);
        QVERIFY2(m, qPrintable(describe(d)));
        const auto* onData = std::get_if<core::OnDataEvent>(m);
        QVERIFY(onData);
        QCOMPARE(onData->payload.size(), 1000);
    } else {
        const auto* e = std::get_if<wcs::DecodeError>(&d);
        QVERIFY2(e, qPrintable(describe(d)));
        QCOMPARE(e->raw.size(), std::min(frame.size(), Codec::kMaxRawKept));
    }
}

void tst_CodecDecode::parserRecoversAfterErrors() {
    const QList<QByteArray> bad{QByteArray(100000, '['), QByteArray("{\"message\":\"\xff\"}"),
                                QByteArray(R"({"message":"talk","data":[{"callId":"c")"),
                                QByteArray()};
    for (const QByteArray& b : bad) {
        QVERIFY(std::holds_alternative<wcs::DecodeError>(Codec::decode(b)));
        DECODE_AS(
            core::CallStatusEvent, c,
            QByteArray(R"({"message":"talk","data":[{"callId":"after","status":"ESTABLISHED"}]})"));
        QCOMPARE(c->callId, u"after"_s);
    }
    // the decoded message owns its data: it stays valid after later decodes reuse the parser
    const Decoded first = Codec::decode(QByteArray(
        R"({"message":"notifyStreamEvent","data":[{"mediaSessionId":"m1","type":"data","payload":{"k":"v"}}]})"));
    for (int i = 0; i < 10; ++i) {
        (void)Codec::decode(onDataFrame(527));
    }
    const auto* e = as<wcs::StreamEvent>(first);
    QVERIFY(e);
    QCOMPARE(e->mediaSessionId, u"m1"_s);
    QCOMPARE(e->payload, QByteArray(R"({"k":"v"})"));
}

void tst_CodecDecode::concurrentDecoding() {
    // Codec::decode keeps its parser per thread: four threads decode different frames at once
    constexpr int kThreads = 4;
    constexpr int kRounds = 2000;
    std::vector<int> failures(kThreads, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([t, &failures] {
            const QString id = u"call-%1"_s.arg(t);
            const QByteArray frame = R"({"message":"talk","data":[{"callId":")" + id.toUtf8() +
                                     R"(","status":"ESTABLISHED","sipStatus":)" +
                                     QByteArray::number(200 + t) + "}]}";
            for (int i = 0; i < kRounds; ++i) {
                const Decoded d = Codec::decode(frame);
                const auto* c = as<core::CallStatusEvent>(d);
                if (!c || c->callId != id || c->sipStatus != 200 + t) {
                    ++failures[size_t(t)];
                }
                if (i % 100 == 0) {
                    (void)Codec::decode(QByteArray(1000, '['));
                }
            }
        });
    }
    for (auto& th : threads) {
        th.join();
    }
    for (int t = 0; t < kThreads; ++t) {
        QCOMPARE(failures[size_t(t)], 0);
    }
}

// ---------------------------------------------------------------------------------------------
// decode(QStringView): the same result as decode(QByteArrayView) of the UTF-8 text

void tst_CodecDecode::utf16Input_data() {
    QTest::addColumn<QByteArray>("frame");
    for (const auto& f : testutil::fixtureFrames()) {
        QTest::addRow("%s:%d", qPrintable(f.file), f.line) << f.raw;
    }
    QTest::newRow("non-ASCII") << QByteArray(
        R"({"message":"talk","data":[{"callId":"Ð·Ð²","caller":"ð","status":"ESTABLISHED"}]})");
    QTest::newRow("truncated") << QByteArray(R"({"message":"talk","data":[{"callId":"c")");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("callId a number") << QByteArray(R"({"message":"ring","data":[{"callId":17}]})");
    QTest::newRow("deep") << QByteArray(100000, '[');
    QTest::newRow("527-byte OnDataEvent") << onDataFrame(527);
}

void tst_CodecDecode::utf16Input() {
    QFETCH(QByteArray, frame);
    const QString text = QString::fromUtf8(frame);
    const Decoded a = Codec::decode(QByteArrayView(frame));
    const Decoded b = Codec::decode(QStringView(text));
    QCOMPARE(b.index(), a.index());
    if (const auto* ea = std::get_if<wcs::DecodeError>(&a)) {
        const auto* eb = std::get_if<wcs::DecodeError>(&b);
        QCOMPARE(eb->reason, ea->reason);
        QCOMPARE(eb->size, ea->size);
        QCOMPARE(eb->raw, ea->raw);
        return;
    }
    const auto& ma = std::get<ServerMessage>(a);
    const auto& mb = std::get<ServerMessage>(b);
    QCOMPARE(mb.index(), ma.index());
    if (const auto* ca = std::get_if<core::CallStatusEvent>(&ma)) {
        const auto* cb = std::get_if<core::CallStatusEvent>(&mb);
        QCOMPARE(cb->callId, ca->callId);
        QCOMPARE(cb->caller, ca->caller);
        QVERIFY(cb->status == ca->status);
    }
    if (const auto* sa = std::get_if<core::StreamStatusEvent>(&ma)) {
        QCOMPARE(std::get<core::StreamStatusEvent>(mb).mediaSessionId, sa->mediaSessionId);
    }
    if (const auto* ra = std::get_if<wcs::RemoteSdp>(&ma)) {
        QCOMPARE(std::get<wcs::RemoteSdp>(mb).sdp, ra->sdp);
    }
    if (const auto* da = std::get_if<core::OnDataEvent>(&ma)) {
        QCOMPARE(std::get<core::OnDataEvent>(mb).payload, da->payload);
    }
}

void tst_CodecDecode::utf16OversizeFrame() {
    // 2 M three-byte characters: 6 MB of UTF-8, over the limit although only 4 MB of UTF-16
    const QString text = QString(2 * 1024 * 1024, QChar(u'\u4e2d'));
    const Decoded d = Codec::decode(QStringView(text));
    const auto* e = std::get_if<wcs::DecodeError>(&d);
    QVERIFY2(e, qPrintable(describe(d)));
    QVERIFY2(e->reason.contains(u"limit"_s), qPrintable(e->reason));
    QCOMPARE(e->raw.size(), Codec::kMaxRawKept);
    // and a big but legal UTF-16 frame still decodes
    QByteArray frame = R"({"message":"setRemoteSDP","data":["id-1",")";
    frame.append(QByteArray(2 * 1024 * 1024, 'v')).append(R"("]})");
    DECODE_AS(wcs::RemoteSdp, r, QString::fromLatin1(frame));
    QCOMPARE(r->sdp.size(), 2 * 1024 * 1024);
}

/// U+FEFF inside a string is text and must survive (QString::fromUtf8 would drop a leading
/// one as a byte order mark; found by fuzz_codec_decode, see tests/fuzz/regressions/README.md).
/// A byte order mark before the frame itself is not JSON (RFC 8259 §8.1 allows refusing it).
void tst_CodecDecode::byteOrderMarks() {
    DECODE_AS(core::CallStatusEvent, raw,
              QByteArray("{\"message\":\"talk\",\"data\":[{\"callId\":\"\xef\xbb\xbf"
                         "c-1\",\"caller\":\"\xef\xbb\xbf\xef\xbb\xbf\"}]}"));
    QCOMPARE(raw->callId, u"\uFEFFc-1"_s);
    QCOMPARE(raw->caller, u"\uFEFF\uFEFF"_s);
    DECODE_AS(
        core::CallStatusEvent, escaped,
        QByteArray(R"({"message":"talk","data":[{"callId":"\ufeffc-1","status":"\ufeffHOLD"}]})"));
    QCOMPARE(escaped->callId, u"\uFEFFc-1"_s);
    QVERIFY(escaped->status.isUnknown());
    QCOMPARE(escaped->status.raw, u"\uFEFFHOLD"_s);
    DECODE_AS(wcs::UnknownMessage, name, QByteArray(R"({"message":"\ufeffping"})"));
    QCOMPARE(name->name, u"\uFEFFping"_s);
    // the id we send comes back the same (encode with Qt JSON, decode with simdjson)
    const QString id = u"\uFEFF{\"message\":\"ping"_s;
    DECODE_AS(core::CallStatusEvent, held, Codec::hold(id));
    QCOMPARE(held->callId, id);

    // a BOM before the frame: refused as bytes; QString::fromUtf8 (as QWebSocket) drops it first
    const QByteArray bom = "\xef\xbb\xbf{\"message\":\"ping\",\"data\":[]}";
    QVERIFY(std::holds_alternative<wcs::DecodeError>(Codec::decode(QByteArrayView(bom))));
    DECODE_AS(wcs::Ping, p, QString::fromUtf8(bom));
}

QTEST_APPLESS_MAIN(tst_CodecDecode)
#include "tst_CodecDecode.moc"
