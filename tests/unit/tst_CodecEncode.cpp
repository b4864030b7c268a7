// wcs::Codec encoders against the frames the official Web SDK 2.0.276 sent (the "C>S" lines of
// shared/fixtures/wcs-official-sdk): same envelope, same field names, same JSON types and values,
// compared as parsed JSON. Where Callboard deliberately differs, the difference is asserted
// explicitly. Also Codec::redact.

#include "Fixtures.h"

#include "wcs/Codec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using wcs::Codec;

namespace {

const char* typeName(QJsonValue::Type t) {
    switch (t) {
    case QJsonValue::Null:
        return "null";
    case QJsonValue::Bool:
        return "bool";
    case QJsonValue::Double:
        return "number";
    case QJsonValue::String:
        return "string";
    case QJsonValue::Array:
        return "array";
    case QJsonValue::Object:
        return "object";
    case QJsonValue::Undefined:
        return "undefined";
    }
    return "?";
}

/// The envelope of a client frame: `{"message": <name>, "data": [<one value>]}` and nothing
/// else, compact. Gives data[0], or fails the test.
bool parseEnvelope(const QByteArray& frame, const QString& name, QJsonValue* arg0, QString* why) {
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(frame, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        *why = u"not a JSON object: "_s + err.errorString();
        return false;
    }
    const QJsonObject o = doc.object();
    if (o.keys() != QStringList{u"data"_s, u"message"_s}) {
        *why = u"envelope keys are "_s + o.keys().join(u',');
        return false;
    }
    if (o.value(u"message"_s) != QJsonValue(name)) {
        *why = u"message is "_s + o.value(u"message"_s).toString();
        return false;
    }
    const QJsonValue data = o.value(u"data"_s);
    if (!data.isArray() || data.toArray().size() != 1) {
        *why = u"data is not an array of one value"_s;
        return false;
    }
    if (frame.contains('\n')) {
        *why = u"frame is not compact"_s;
        return false;
    }
    *arg0 = data.toArray().at(0);
    return true;
}

#define ENVELOPE(frame, name, arg0)                                                                \
    QJsonValue arg0;                                                                               \
    do {                                                                                           \
        QString why_;                                                                              \
        QVERIFY2(parseEnvelope(frame, name, &arg0, &why_),                                         \
                 qPrintable(why_ + u"\n"_s + QString::fromUtf8(frame)));                           \
    } while (false)

QString str(const QJsonObject& o, const char* key) {
    return o.value(QLatin1StringView(key)).toString();
}
bool flag(const QJsonObject& o, const char* key) {
    return o.value(QLatin1StringView(key)).toBool();
}
int num(const QJsonObject& o, const char* key) {
    return o.value(QLatin1StringView(key)).toInt();
}
QByteArray json(const QJsonObject& o, const char* key) {
    const QJsonValue v = o.value(QLatin1StringView(key));
    if (v.isUndefined()) {
        return {};
    }
    if (v.isObject()) {
        return QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
    }
    if (v.isArray()) {
        return QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
    }
    // scalars: wrap and unwrap
    QByteArray a = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return a.mid(1, a.size() - 2);
}
QString optStr(const QJsonObject& o, const char* key) {
    const QJsonValue v = o.value(QLatin1StringView(key));
    return v.isString() ? v.toString() : QString();
}

wcs::StreamRequest streamRequestFrom(const QJsonObject& sdk) {
    wcs::StreamRequest r;
    r.mediaSessionId = str(sdk, "mediaSessionId");
    r.name = str(sdk, "name");
    r.published = flag(sdk, "published");
    r.hasVideo = flag(sdk, "hasVideo");
    r.hasAudio = flag(sdk, "hasAudio");
    r.status = str(sdk, "status");
    r.record = flag(sdk, "record");
    r.mediaProvider = str(sdk, "mediaProvider");
    r.sdp = str(sdk, "sdp");
    r.custom = json(sdk, "custom");
    r.width = num(sdk, "width");
    r.height = num(sdk, "height");
    r.bitrate = num(sdk, "bitrate");
    r.minBitrate = num(sdk, "minBitrate");
    r.maxBitrate = num(sdk, "maxBitrate");
    r.quality = num(sdk, "quality");
    r.rtmpUrl = optStr(sdk, "rtmpUrl");
    r.transport = optStr(sdk, "transport");
    return r;
}

wcs::CallRequest callRequestFrom(const QJsonObject& sdk) {
    wcs::CallRequest r;
    r.callId = str(sdk, "callId");
    r.incoming = flag(sdk, "incoming");
    r.hasAudio = flag(sdk, "hasAudio");
    r.hasVideo = flag(sdk, "hasVideo");
    r.mediaProvider = str(sdk, "mediaProvider");
    r.sdp = str(sdk, "sdp");
    for (const QJsonValue& line : sdk.value(u"sipSDP"_s).toArray()) {
        r.sipSDP.append(line.toString());
    }
    r.caller = optStr(sdk, "caller");
    r.callee = str(sdk, "callee");
    r.visibleName = optStr(sdk, "visibleName");
    r.custom = json(sdk, "custom");
    r.inviteParameters = json(sdk, "inviteParameters");
    return r;
}

wcs::ConnectionParameters connectionFrom(const QJsonObject& sdk) {
    wcs::ConnectionParameters p;
    p.appKey = str(sdk, "appKey");
    p.mediaProviders.clear();
    for (const QJsonValue& m : sdk.value(u"mediaProviders"_s).toArray()) {
        p.mediaProviders.append(m.toString());
    }
    if (sdk.contains(u"keepAlive"_s)) {
        p.keepAlive = flag(sdk, "keepAlive");
    }
    p.authToken = optStr(sdk, "authToken");
    p.clientVersion = str(sdk, "clientVersion");
    p.clientOSVersion = str(sdk, "clientOSVersion");
    p.clientBrowserVersion = str(sdk, "clientBrowserVersion");
    p.msePacketizationVersion = num(sdk, "msePacketizationVersion");
    p.custom = json(sdk, "custom");
    p.sendClientInfo = sdk.contains(u"clientInfo"_s);
    p.sipLogin = optStr(sdk, "sipLogin");
    p.sipAuthenticationName = optStr(sdk, "sipAuthenticationName");
    p.sipPassword = optStr(sdk, "sipPassword");
    p.sipDomain = optStr(sdk, "sipDomain");
    p.sipOutboundProxy = optStr(sdk, "sipOutboundProxy");
    p.sipProxy = optStr(sdk, "sipProxy");
    if (sdk.contains(u"sipPort"_s)) {
        p.sipPort = num(sdk, "sipPort");
    }
    if (sdk.contains(u"sipRegisterRequired"_s)) {
        p.sipRegisterRequired = flag(sdk, "sipRegisterRequired");
    }
    return p;
}

core::StreamEventType streamEventType(const QString& text) {
    return core::fromWire<core::StreamEventType>(QStringView(text)).value;
}

/// Our frame for the same command with the same values as the SDK's frame.
QByteArray encodeLike(const QString& message, const QJsonValue& sdkArg) {
    const QJsonObject sdk = sdkArg.toObject();
    if (message == u"connection") {
        return Codec::connection(connectionFrom(sdk));
    }
    if (message == u"pong") {
        return Codec::pong();
    }
    if (message == u"ping") {
        return Codec::ping();
    }
    if (message == u"sendData") {
        return Codec::sendData(str(sdk, "operationId"), json(sdk, "payload"));
    }
    if (message == u"sessionDebug") {
        return Codec::sessionDebug(str(sdk, "command") == u"start");
    }
    if (message == u"pushLogs") {
        return Codec::pushLogs(str(sdk, "logs"));
    }
    if (message == u"publishStream") {
        return Codec::publishStream(streamRequestFrom(sdk));
    }
    if (message == u"playStream") {
        return Codec::playStream(streamRequestFrom(sdk));
    }
    if (message == u"unPublishStream") {
        return Codec::unPublishStream(streamRequestFrom(sdk));
    }
    if (message == u"stopStream") {
        return Codec::stopStream(streamRequestFrom(sdk));
    }
    if (message == u"availableStream") {
        return Codec::availableStream(str(sdk, "mediaSessionId"), str(sdk, "name"));
    }
    if (message == u"snapshot") {
        return Codec::snapshot(str(sdk, "mediaSessionId"), str(sdk, "name"));
    }
    if (message == u"sendStreamEvent") {
        return Codec::sendStreamEvent(str(sdk, "mediaSessionId"), streamEventType(str(sdk, "type")),
                                      json(sdk, "payload"));
    }
    if (message == u"call") {
        return Codec::call(callRequestFrom(sdk));
    }
    if (message == u"answer") {
        wcs::CallRequest r = callRequestFrom(sdk);
        r.caller = u"1000"_s; // we always send the caller (spec §16); the SDK leaves it out
        return Codec::answer(r);
    }
    if (message == u"hangup") {
        return Codec::hangup(str(sdk, "callId"));
    }
    if (message == u"hold") {
        return Codec::hold(str(sdk, "callId"), flag(sdk, "holdForTransfer"));
    }
    if (message == u"unhold") {
        return Codec::unhold(str(sdk, "callId"));
    }
    if (message == u"sendDtmf") {
        return Codec::sendDtmf(str(sdk, "callId"), str(sdk, "dtmf"),
                               core::fromWire<core::DtmfType>(QStringView(str(sdk, "type"))).value);
    }
    if (message == u"transfer") {
        return Codec::transfer(str(sdk, "callId"), str(sdk, "target"));
    }
    return {};
}

/// Fields the SDK sends that Callboard deliberately leaves out, per command.
QSet<QString> omittedByUs(const QString& message) {
    if (message == u"publishStream") {
        // constraints: the SDK's media constraints, informational; localMediaInfo: browser
        // device list, diagnostics only (spec §5.2)
        return {u"constraints"_s, u"localMediaInfo"_s};
    }
    if (message == u"playStream") {
        return {u"constraints"_s};
    }
    if (message == u"call" || message == u"answer") {
        return {u"localMediaInfo"_s};
    }
    return {};
}

/// Fields Callboard sends that the SDK does not, per command.
QSet<QString> addedByUs(const QString& message) {
    if (message == u"answer") {
        return {u"caller"_s}; // spec §5.3, §16: the SDK forgets it
    }
    return {};
}

/// Fixture C>S frames that have no encoder (not Callboard commands).
bool hasNoEncoder(const QString& message) {
    return message == u"x-test"                    // the capture harness's own control frames
           || message == u"connectMediaTransport"; // MSE/WSPlayer media socket (spec §1.2, §15)
}

QSet<QString> keySet(const QJsonObject& o) {
    const QStringList keys = o.keys();
    return QSet<QString>(keys.cbegin(), keys.cend());
}

QJsonObject objectOf(const QByteArray& frame) {
    return QJsonDocument::fromJson(frame).object()[u"data"_s][0].toObject();
}

} // namespace

class tst_CodecEncode : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sameAsOfficialSdk_data();
    void sameAsOfficialSdk();
    void everyCommandCovered();
    void envelopeOfEveryEncoder_data();
    void envelopeOfEveryEncoder();
    void connectionVariants();
    void connectionWithoutSip();
    void answerDiffersFromSdk();
    void holdForTransfer();
    void streamCommandsFixValues();
    void sendStreamEventPayload_data();
    void sendStreamEventPayload();
    void sendDataPayload_data();
    void sendDataPayload();
    void submitBugReport_data();
    void submitBugReport();
    void dtmfTypes_data();
    void dtmfTypes();
    void escaping_data();
    void escaping();
    void callOptionalFields();
    void redact_data();
    void redact();
    void redactFixtureFrames();
    void redactNonJson_data();
    void redactNonJson();
};

// ---------------------------------------------------------------------------------------------
// Field-by-field against every C>S frame of the captures

void tst_CodecEncode::sameAsOfficialSdk_data() {
    QTest::addColumn<QString>("message");
    QTest::addColumn<QByteArray>("sdkFrame");
    int rows = 0;
    for (const auto& f : testutil::fixtureFrames()) {
        if (f.dir != u"C>S" || hasNoEncoder(f.message)) {
            continue;
        }
        QTest::addRow("%s:%d %s", qPrintable(f.file), f.line, qPrintable(f.message))
            << f.message << f.raw;
        ++rows;
    }
    if (rows < 40) {
        QTest::newRow("fixtures missing") << QString() << testutil::fixtureDir().toUtf8();
    }
}

void tst_CodecEncode::sameAsOfficialSdk() {
    QFETCH(QString, message);
    QFETCH(QByteArray, sdkFrame);
    if (message.isEmpty()) {
        QFAIL(qPrintable(u"too few fixture frames under "_s + QString::fromUtf8(sdkFrame)));
    }
    ENVELOPE(sdkFrame, message, sdkArg);
    const QByteArray ours = encodeLike(message, sdkArg);
    QVERIFY2(!ours.isEmpty(), qPrintable(u"no encoder for "_s + message));
    ENVELOPE(ours, message, ourArg);

    QCOMPARE(ourArg.type(), sdkArg.type()); // null for ping/pong, an object for the rest
    if (!sdkArg.isObject()) {
        QCOMPARE(ourArg, sdkArg);
        return;
    }
    const QJsonObject sdk = sdkArg.toObject();
    const QJsonObject our = ourArg.toObject();
    const QSet<QString> omitted = omittedByUs(message);
    const QSet<QString> added = addedByUs(message);
    for (auto it = sdk.begin(); it != sdk.end(); ++it) {
        if (omitted.contains(it.key())) {
            QVERIFY2(!our.contains(it.key()),
                     qPrintable(it.key() + u" is documented as left out"_s));
            continue;
        }
        QVERIFY2(our.contains(it.key()), qPrintable(u"missing field "_s + it.key()));
        const QJsonValue mine = our.value(it.key());
        QVERIFY2(mine.type() == it.value().type(),
                 qPrintable(u"field %1: we send %2, the SDK sends %3"_s.arg(
                     it.key(), QLatin1StringView(typeName(mine.type())),
                     QLatin1StringView(typeName(it.value().type())))));
        QVERIFY2(mine == it.value(), qPrintable(u"field %1 differs"_s.arg(it.key())));
    }
    for (auto it = our.begin(); it != our.end(); ++it) {
        QVERIFY2(sdk.contains(it.key()) || added.contains(it.key()),
                 qPrintable(u"we send %1, the SDK does not"_s.arg(it.key())));
    }
    for (const QString& key : added) {
        QVERIFY2(our.contains(key) && !sdk.contains(key),
                 qPrintable(key + u": documented difference no longer holds"_s));
    }
}

/// Every command of spec §5 that the SDK sent in the captures was compared above.
void tst_CodecEncode::everyCommandCovered() {
    QSet<QString> seen;
    for (const auto& f : testutil::fixtureFrames()) {
        if (f.dir == u"C>S" && !hasNoEncoder(f.message)) {
            seen.insert(f.message);
        }
    }
    const QSet<QString> expected{u"connection"_s,
                                 u"sendData"_s,
                                 u"availableStream"_s,
                                 u"sessionDebug"_s,
                                 u"pushLogs"_s,
                                 u"publishStream"_s,
                                 u"playStream"_s,
                                 u"unPublishStream"_s,
                                 u"stopStream"_s,
                                 u"sendStreamEvent"_s,
                                 u"snapshot"_s,
                                 u"call"_s,
                                 u"answer"_s,
                                 u"hangup"_s,
                                 u"hold"_s,
                                 u"unhold"_s,
                                 u"sendDtmf"_s,
                                 u"transfer"_s,
                                 u"pong"_s,
                                 u"ping"_s};
    QCOMPARE(seen, expected);
    // both forms of hold were captured
    int holds = 0;
    int holdsForTransfer = 0;
    for (const auto& f : testutil::fixtureFrames()) {
        if (f.dir == u"C>S" && f.message == u"hold") {
            ++holds;
            holdsForTransfer += f.arg0.contains(u"holdForTransfer"_s);
        }
    }
    QVERIFY(holds >= 2);
    QCOMPARE(holdsForTransfer, 1);
}

// ---------------------------------------------------------------------------------------------
// Envelope of every encoder

void tst_CodecEncode::envelopeOfEveryEncoder_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("nullArg");
    const wcs::StreamRequest s{};
    const wcs::CallRequest c{};
    const auto row = [](const char* name, const QByteArray& frame, bool nullArg = false) {
        QTest::newRow(name) << frame << QString::fromLatin1(name) << nullArg;
    };
    row("connection", Codec::connection({}));
    row("pong", Codec::pong(), true);
    row("ping", Codec::ping(), true);
    row("sendData", Codec::sendData(u"o"_s, "{}"));
    row("sessionDebug", Codec::sessionDebug(true));
    row("pushLogs", Codec::pushLogs(u"line\n"_s));
    row("submitBugReport", Codec::submitBugReport(R"({"text":"bug"})"));
    row("publishStream", Codec::publishStream(s));
    row("playStream", Codec::playStream(s));
    row("unPublishStream", Codec::unPublishStream(s));
    row("stopStream", Codec::stopStream(s));
    row("availableStream", Codec::availableStream(u"m"_s, u"n"_s));
    row("snapshot", Codec::snapshot(u"m"_s, u"n"_s));
    row("sendStreamEvent", Codec::sendStreamEvent(u"m"_s, core::StreamEventType::VideoMuted));
    row("call", Codec::call(c));
    row("answer", Codec::answer(c));
    row("hangup", Codec::hangup(u"c"_s));
    row("hold", Codec::hold(u"c"_s));
    row("unhold", Codec::unhold(u"c"_s));
    row("sendDtmf", Codec::sendDtmf(u"c"_s, u"5"_s, core::DtmfType::Rfc2833));
    row("transfer", Codec::transfer(u"c"_s, u"2099"_s));
}

void tst_CodecEncode::envelopeOfEveryEncoder() {
    QFETCH(QByteArray, frame);
    QFETCH(QString, message);
    QFETCH(bool, nullArg);
    ENVELOPE(frame, message, arg);
    QCOMPARE(arg.isNull(), nullArg);
    QCOMPARE(arg.isObject(), !nullArg);
    // a client frame fed to our (server-frame) decoder does no harm either
    (void)Codec::decode(frame);
}

// ---------------------------------------------------------------------------------------------
// connection (spec §3.1)

void tst_CodecEncode::connectionVariants() {
    wcs::ConnectionParameters p;
    p.keepAlive = false;
    p.authToken = u"4b8ed07e-8327-4860-b8d5-194b17be266c"_s;
    p.clientOSVersion = u"Linux"_s;
    p.clientBrowserVersion = u"Callboard/0.1 (Qt 6.4)"_s;
    p.custom = R"({"operator":"desk-7","n":[1]})";
    p.sipLogin = u"2001"_s;
    p.sipPassword = u"p4ss"_s;
    p.sipDomain = u"pbx.example.net"_s;
    p.sipProxy = u"proxy.example.net"_s;
    p.sipVisibleName = u"Desk 7"_s;
    p.sipContactParams = u"line=7"_s;
    const QJsonObject o = objectOf(Codec::connection(p));
    QCOMPARE(o[u"appKey"_s], QJsonValue(u"defaultApp"_s));
    QCOMPARE(o[u"mediaProviders"_s], QJsonValue(QJsonArray{u"WebRTC"_s}));
    QCOMPARE(o[u"keepAlive"_s], QJsonValue(false)); // set, so sent, even when false
    QCOMPARE(o[u"authToken"_s], QJsonValue(p.authToken));
    QCOMPARE(o[u"clientVersion"_s], QJsonValue(u"2.0"_s));
    QCOMPARE(o[u"clientOSVersion"_s], QJsonValue(u"Linux"_s));
    QCOMPARE(o[u"clientBrowserVersion"_s], QJsonValue(p.clientBrowserVersion));
    QCOMPARE(o[u"msePacketizationVersion"_s], QJsonValue(2));
    QCOMPARE(o[u"custom"_s].toObject(),
             QJsonDocument::fromJson(R"({"operator":"desk-7","n":[1]})").object());
    QCOMPARE(o[u"clientInfo"_s], QJsonValue(QJsonObject())); // as the SDK on a non-https page
    QCOMPARE(o[u"sipLogin"_s], QJsonValue(u"2001"_s));
    QCOMPARE(o[u"sipAuthenticationName"_s], QJsonValue(u"2001"_s)); // defaults to the login
    QCOMPARE(o[u"sipPassword"_s], QJsonValue(u"p4ss"_s));
    QCOMPARE(o[u"sipDomain"_s], QJsonValue(u"pbx.example.net"_s));
    QCOMPARE(o[u"sipOutboundProxy"_s], QJsonValue(u"pbx.example.net"_s)); // defaults to domain
    QCOMPARE(o[u"sipProxy"_s], QJsonValue(u"proxy.example.net"_s));
    QCOMPARE(o[u"sipPort"_s], QJsonValue(5060)); // a number, as the SDK demos send
    QCOMPARE(o[u"sipRegisterRequired"_s], QJsonValue(true));
    // documented by WCS, not sent by 2.0.276 (spec §3.1): sent only when set
    QCOMPARE(o[u"sipVisibleName"_s], QJsonValue(u"Desk 7"_s));
    QCOMPARE(o[u"sipContactParams"_s], QJsonValue(u"line=7"_s));

    // custom that is not a JSON object is left out, as are unset optional fields
    wcs::ConnectionParameters q;
    q.custom = "[1,2]";
    q.sendClientInfo = false;
    q.sipLogin = u"2001"_s;
    q.sipAuthenticationName = u"auth-2001"_s;
    q.sipOutboundProxy = u"sbc.example.net"_s;
    q.sipPort = 5080;
    q.sipRegisterRequired = false;
    const QJsonObject r = objectOf(Codec::connection(q));
    QVERIFY(!r.contains(u"custom"_s));
    QVERIFY(!r.contains(u"clientInfo"_s));
    QVERIFY(!r.contains(u"keepAlive"_s));
    QVERIFY(!r.contains(u"authToken"_s));
    QVERIFY(!r.contains(u"sipProxy"_s));
    QVERIFY(!r.contains(u"sipVisibleName"_s));
    QCOMPARE(r[u"sipAuthenticationName"_s], QJsonValue(u"auth-2001"_s));
    QCOMPARE(r[u"sipOutboundProxy"_s], QJsonValue(u"sbc.example.net"_s));
    QCOMPARE(r[u"sipPort"_s], QJsonValue(5080));
    QCOMPARE(r[u"sipRegisterRequired"_s], QJsonValue(false));
    q.custom = "{not json";
    QVERIFY(!objectOf(Codec::connection(q)).contains(u"custom"_s));
}

void tst_CodecEncode::connectionWithoutSip() {
    wcs::ConnectionParameters p;
    p.sipPassword = u"ignored"_s; // no login: no SIP fields at all
    const QJsonObject o = objectOf(Codec::connection(p));
    for (const QString& key : o.keys()) {
        QVERIFY2(!key.startsWith(u"sip"_s), qPrintable(key));
    }
    QCOMPARE(keySet(o), (QSet<QString>{u"appKey"_s, u"mediaProviders"_s, u"clientVersion"_s,
                                       u"clientOSVersion"_s, u"clientBrowserVersion"_s,
                                       u"msePacketizationVersion"_s, u"clientInfo"_s}));
    // the same key set as the SDK's connection without SIP options (node-probes.jsonl)
    for (const auto& f : testutil::fixtureFrames()) {
        if (f.file == u"node-probes" && f.message == u"connection") {
            QCOMPARE(keySet(f.arg0), keySet(o));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// calls (spec §5.3)

void tst_CodecEncode::answerDiffersFromSdk() {
    // the SDK's answer (chromium-calls-streams.jsonl) has no `caller`; ours always has one
    QJsonObject sdkAnswer;
    for (const auto& f : testutil::fixtureFrames()) {
        if (f.dir == u"C>S" && f.message == u"answer") {
            sdkAnswer = f.arg0;
        }
    }
    QVERIFY(!sdkAnswer.isEmpty());
    QVERIFY(!sdkAnswer.contains(u"caller"_s));
    QVERIFY(sdkAnswer.contains(u"localMediaInfo"_s));

    wcs::CallRequest r;
    r.callId = u"in-1"_s;
    r.callee = u"1000"_s;
    r.caller = u"1001"_s;
    r.hasVideo = false; // answer always sends hasVideo:true, as the SDK does
    const QJsonObject o = objectOf(Codec::answer(r));
    QCOMPARE(o[u"caller"_s], QJsonValue(u"1001"_s));
    QCOMPARE(o[u"incoming"_s], QJsonValue(true));
    QCOMPARE(o[u"hasVideo"_s], QJsonValue(true));
    QCOMPARE(o[u"status"_s], QJsonValue(u"PENDING"_s));
    QVERIFY(!o.contains(u"localMediaInfo"_s));
    // an unknown caller is sent as "" (never left out)
    r.caller = QString();
    QCOMPARE(objectOf(Codec::answer(r))[u"caller"_s], QJsonValue(u""_s));
    // `call` ignores the request's incoming flag
    r.incoming = true;
    QCOMPARE(objectOf(Codec::call(r))[u"incoming"_s], QJsonValue(false));
}

void tst_CodecEncode::holdForTransfer() {
    const QJsonObject plain = objectOf(Codec::hold(u"c-1"_s));
    QCOMPARE(plain.keys(), QStringList{u"callId"_s}); // no holdForTransfer key, like the SDK
    const QJsonObject transfer = objectOf(Codec::hold(u"c-1"_s, true));
    QCOMPARE(transfer.keys(), (QStringList{u"callId"_s, u"holdForTransfer"_s}));
    QCOMPARE(transfer[u"holdForTransfer"_s], QJsonValue(true));
    QCOMPARE(objectOf(Codec::unhold(u"c-1"_s)).keys(), QStringList{u"callId"_s});
    QCOMPARE(objectOf(Codec::hangup(u"c-1"_s)).keys(), QStringList{u"callId"_s});
}

void tst_CodecEncode::callOptionalFields() {
    wcs::CallRequest r;
    r.callId = u"c-1"_s;
    r.callee = u"2042"_s;
    r.sdp = u"v=0\r\n"_s;
    QJsonObject o = objectOf(Codec::call(r));
    QCOMPARE(o[u"caller"_s], QJsonValue(u""_s)); // click-to-call style: "" (spec §5.3)
    QVERIFY(!o.contains(u"sipSDP"_s));
    QVERIFY(!o.contains(u"visibleName"_s));
    QVERIFY(!o.contains(u"custom"_s));
    QVERIFY(!o.contains(u"inviteParameters"_s));
    QCOMPARE(o[u"mediaProvider"_s], QJsonValue(u"WebRTC"_s));
    QCOMPARE(o[u"hasAudio"_s], QJsonValue(true));
    QCOMPARE(o[u"hasVideo"_s], QJsonValue(false));

    r.sipSDP = QStringList{u"b=AS:64"_s, u"b=TIAS:64000"_s};
    r.custom = R"({"tag":"c1"})";
    r.inviteParameters = R"({"X-Account":"42"})";
    r.visibleName = u"Desk 7"_s;
    o = objectOf(Codec::call(r));
    QCOMPARE(o[u"sipSDP"_s], QJsonValue(QJsonArray{u"b=AS:64"_s, u"b=TIAS:64000"_s}));
    QCOMPARE(o[u"custom"_s].toObject()[u"tag"_s], QJsonValue(u"c1"_s));
    QCOMPARE(o[u"inviteParameters"_s].toObject()[u"X-Account"_s], QJsonValue(u"42"_s));
    QCOMPARE(o[u"visibleName"_s], QJsonValue(u"Desk 7"_s));
    r.inviteParameters = "\"not an object\"";
    QVERIFY(!objectOf(Codec::call(r)).contains(u"inviteParameters"_s));
}

void tst_CodecEncode::dtmfTypes_data() {
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("wire");
    QTest::newRow("RFC2833") << int(core::DtmfType::Rfc2833) << u"RFC2833"_s;
    QTest::newRow("INFO") << int(core::DtmfType::Info) << u"INFO"_s;
    QTest::newRow("INFO_RELAY") << int(core::DtmfType::InfoRelay) << u"INFO_RELAY"_s;
}

void tst_CodecEncode::dtmfTypes() {
    QFETCH(int, type);
    QFETCH(QString, wire);
    const QJsonObject o = objectOf(Codec::sendDtmf(u"c"_s, u"#"_s, core::DtmfType(type)));
    QCOMPARE(o[u"type"_s], QJsonValue(wire));
    QCOMPARE(o[u"dtmf"_s], QJsonValue(u"#"_s));
    QCOMPARE(o[u"callId"_s], QJsonValue(u"c"_s));
}

// ---------------------------------------------------------------------------------------------
// streams (spec §5.2)

void tst_CodecEncode::streamCommandsFixValues() {
    wcs::StreamRequest r;
    r.mediaSessionId = u"m-1"_s;
    r.name = u"cam"_s;
    r.published = false; // wrong for a publisher: publishStream sends true anyway
    r.record = true;
    r.status = u"PUBLISHING"_s;
    r.rtmpUrl = u"rtmp://cdn.example.net/live"_s;
    r.transport = u"TCP"_s;
    r.custom = R"({"name":"room-1"})";
    r.width = 640;
    const QJsonObject pub = objectOf(Codec::publishStream(r));
    QCOMPARE(pub[u"published"_s], QJsonValue(true));
    QCOMPARE(pub[u"record"_s], QJsonValue(true));
    QCOMPARE(pub[u"rtmpUrl"_s], QJsonValue(r.rtmpUrl));
    QCOMPARE(pub[u"transport"_s], QJsonValue(u"TCP"_s));
    QCOMPARE(pub[u"custom"_s].toObject()[u"name"_s], QJsonValue(u"room-1"_s));
    QVERIFY(!pub.contains(u"width"_s)); // play-only fields
    QVERIFY(!pub.contains(u"quality"_s));

    r.published = true;
    const QJsonObject play = objectOf(Codec::playStream(r));
    QCOMPARE(play[u"published"_s], QJsonValue(false));
    QCOMPARE(play[u"record"_s], QJsonValue(false)); // a player does not record
    QCOMPARE(play[u"width"_s], QJsonValue(640));
    QCOMPARE(play[u"height"_s], QJsonValue(0));
    QCOMPARE(play[u"quality"_s], QJsonValue(0));
    QVERIFY(!play.contains(u"rtmpUrl"_s));

    const QJsonObject unpub = objectOf(Codec::unPublishStream(r));
    QCOMPARE(keySet(unpub),
             (QSet<QString>{u"mediaSessionId"_s, u"name"_s, u"published"_s, u"hasVideo"_s,
                            u"hasAudio"_s, u"status"_s, u"record"_s}));
    QCOMPARE(unpub[u"published"_s], QJsonValue(true));
    QCOMPARE(unpub[u"record"_s], QJsonValue(false));
    QCOMPARE(unpub[u"status"_s], QJsonValue(u"PUBLISHING"_s)); // the current status
    r.published = true;
    const QJsonObject stop = objectOf(Codec::stopStream(r));
    QCOMPARE(stop.keys(), unpub.keys());
    QCOMPARE(stop[u"published"_s], QJsonValue(false));

    // no transport / rtmpUrl / custom when unset
    const QJsonObject bare = objectOf(Codec::publishStream(wcs::StreamRequest{}));
    QVERIFY(!bare.contains(u"transport"_s));
    QVERIFY(!bare.contains(u"rtmpUrl"_s));
    QVERIFY(!bare.contains(u"custom"_s));
    QCOMPARE(bare[u"status"_s], QJsonValue(u"PENDING"_s));
    QCOMPARE(bare[u"bitrate"_s], QJsonValue(0));
}

void tst_CodecEncode::sendStreamEventPayload_data() {
    QTest::addColumn<int>("type");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QByteArray>("expected"); // empty: no payload key
    using T = core::StreamEventType;
    QTest::newRow("audioMuted") << int(T::AudioMuted) << QByteArray() << QByteArray();
    QTest::newRow("audioMuted ignores a payload")
        << int(T::AudioMuted) << QByteArray(R"({"x":1})") << QByteArray();
    QTest::newRow("data object") << int(T::Data) << QByteArray(R"({"hello":1})")
                                 << QByteArray(R"({"hello":1})");
    QTest::newRow("data string") << int(T::Data) << QByteArray(R"("hi")") << QByteArray(R"("hi")");
    QTest::newRow("data number") << int(T::Data) << QByteArray("3.5") << QByteArray("3.5");
    QTest::newRow("data invalid -> null")
        << int(T::Data) << QByteArray("{oops") << QByteArray("null");
    QTest::newRow("data without payload") << int(T::Data) << QByteArray() << QByteArray();
}

void tst_CodecEncode::sendStreamEventPayload() {
    QFETCH(int, type);
    QFETCH(QByteArray, payload);
    QFETCH(QByteArray, expected);
    const QJsonObject o =
        objectOf(Codec::sendStreamEvent(u"m-1"_s, core::StreamEventType(type), payload));
    QCOMPARE(o[u"mediaSessionId"_s], QJsonValue(u"m-1"_s));
    QCOMPARE(o[u"type"_s], QJsonValue(QString(core::toWire(core::StreamEventType(type)))));
    if (expected.isEmpty()) {
        QVERIFY(!o.contains(u"payload"_s));
    } else {
        QCOMPARE(json(o, "payload"), expected);
    }
}

// ---------------------------------------------------------------------------------------------
// session level (spec §5.1)

void tst_CodecEncode::sendDataPayload_data() {
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("object") << QByteArray(R"({"command":"join","options":{"name":"r"}})")
                            << QByteArray(R"({"command":"join","options":{"name":"r"}})");
    QTest::newRow("array") << QByteArray("[1,2]") << QByteArray("[1,2]");
    QTest::newRow("string") << QByteArray(R"("x")") << QByteArray(R"("x")");
    QTest::newRow("true") << QByteArray("true") << QByteArray("true");
    QTest::newRow("null") << QByteArray("null") << QByteArray("null");
    QTest::newRow("empty -> null") << QByteArray() << QByteArray("null");
    QTest::newRow("blank -> null") << QByteArray("  ") << QByteArray("null");
    QTest::newRow("invalid -> null") << QByteArray("{\"a\":") << QByteArray("null");
    QTest::newRow("two values -> null") << QByteArray("1 2") << QByteArray("null");
    QTest::newRow("injection attempt -> null") << QByteArray(R"(1],"x":[2)") << QByteArray("null");
}

void tst_CodecEncode::sendDataPayload() {
    QFETCH(QByteArray, payload);
    QFETCH(QByteArray, expected);
    const QByteArray frame = Codec::sendData(u"op-1"_s, payload);
    ENVELOPE(frame, u"sendData"_s, arg);
    const QJsonObject o = arg.toObject();
    QCOMPARE(o.keys(), (QStringList{u"operationId"_s, u"payload"_s}));
    QCOMPARE(o[u"operationId"_s], QJsonValue(u"op-1"_s));
    QCOMPARE(o[u"payload"_s], QJsonDocument::fromJson("[" + expected + "]").array().at(0));
}

void tst_CodecEncode::submitBugReport_data() {
    QTest::addColumn<QByteArray>("report");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("object") << QByteArray(R"({"text":"crash","logs":["a"]})")
                            << QByteArray(R"({"logs":["a"],"text":"crash"})");
    QTest::newRow("array -> {}") << QByteArray("[1]") << QByteArray("{}");
    QTest::newRow("invalid -> {}") << QByteArray("{") << QByteArray("{}");
    QTest::newRow("empty -> {}") << QByteArray() << QByteArray("{}");
}

void tst_CodecEncode::submitBugReport() {
    QFETCH(QByteArray, report);
    QFETCH(QByteArray, expected);
    const QByteArray frame = Codec::submitBugReport(report);
    ENVELOPE(frame, u"submitBugReport"_s, arg);
    QVERIFY(arg.isObject());
    QCOMPARE(QJsonDocument(arg.toObject()).toJson(QJsonDocument::Compact), expected);
}

// ---------------------------------------------------------------------------------------------
// Escaping: any text survives the trip through our encoder and both JSON parsers

void tst_CodecEncode::escaping_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("quotes and backslashes") << u"a\"b\\c\\\"d"_s;
    QTest::newRow("control characters") << u"tab\tcr\rlf\nnul"_s + QChar(u'\0') + u"\x01\x1f"_s;
    QTest::newRow("cyrillic") << u"Алиса звонит"_s;
    QTest::newRow("emoji (non-BMP)") << u"\U0001F4DE call"_s;
    QTest::newRow("json-looking") << u"\"},{\"message\":\"hangup\""_s;
    QTest::newRow("html") << u"</script><b>&amp;"_s;
    QTest::newRow("U+2028 U+2029") << u"\u2028\u2029"_s;
    QTest::newRow("empty") << u""_s;
}

void tst_CodecEncode::escaping() {
    QFETCH(QString, text);
    const QByteArray frame = Codec::transfer(u"c-1"_s, text);
    ENVELOPE(frame, u"transfer"_s, arg);
    QCOMPARE(arg.toObject()[u"target"_s].toString(), text);
    // the frame is valid UTF-8 and non-ASCII text is sent as UTF-8, not as \u escapes
    QCOMPARE(QString::fromUtf8(frame).toUtf8(), frame);
    if (text == u"Алиса звонит") {
        QVERIFY(frame.contains(text.toUtf8()));
    }
    // our own decoder (simdjson) reads the same text back: `hold` is also a server message
    const wcs::Decoded d = Codec::decode(Codec::hold(text.isEmpty() ? u"x"_s : text));
    const auto* m = std::get_if<wcs::ServerMessage>(&d);
    QVERIFY(m);
    const auto* c = std::get_if<core::CallStatusEvent>(m);
    QVERIFY(c);
    QCOMPARE(c->callId, text.isEmpty() ? u"x"_s : text);
}

// ---------------------------------------------------------------------------------------------
// Codec::redact

void tst_CodecEncode::redact_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QByteArray>("expected"); // compact JSON after redaction
    QTest::newRow("connection sipPassword")
        << QByteArray(
               R"({"message":"connection","data":[{"sipLogin":"1000","sipPassword":"secret"}]})")
        << QByteArray(
               R"({"data":[{"sipLogin":"1000","sipPassword":"***"}],"message":"connection"})");
    QTest::newRow("getUserData authToken")
        << QByteArray(
               R"({"message":"getUserData","data":[{"authToken":"4b8e","sessionId":"/a/b"}]})")
        << QByteArray(
               R"({"data":[{"authToken":"***","sessionId":"/a/b"}],"message":"getUserData"})");
    QTest::newRow("connectMediaTransport authToken")
        << QByteArray(R"({"message":"connectMediaTransport","data":[{"authToken":"e9b7"}]})")
        << QByteArray(R"({"data":[{"authToken":"***"}],"message":"connectMediaTransport"})");
    QTest::newRow("nested password anywhere")
        << QByteArray(
               R"({"message":"sendData","data":[{"payload":{"password":"a","list":[{"password":"b"},[{"sipPassword":1}]],"x":{"y":{"authToken":{"t":"c"}}}}}]})")
        << QByteArray(
               R"({"data":[{"payload":{"list":[{"password":"***"},[{"sipPassword":"***"}]],"password":"***","x":{"y":{"authToken":"***"}}}}],"message":"sendData"})");
    QTest::newRow("null secret stays null")
        << QByteArray(R"({"message":"x","data":[{"password":null}]})")
        << QByteArray(R"({"data":[{"password":null}],"message":"x"})");
    QTest::newRow("empty secret is hidden too")
        << QByteArray(R"({"message":"x","data":[{"sipPassword":""}]})")
        << QByteArray(R"({"data":[{"sipPassword":"***"}],"message":"x"})");
    QTest::newRow("only exact key names")
        << QByteArray(
               R"({"message":"x","data":[{"sipPasswordHint":"h","Password":"p","passwords":["q"],"token":"t","info":"password"}]})")
        << QByteArray(
               R"({"data":[{"Password":"p","info":"password","passwords":["q"],"sipPasswordHint":"h","token":"t"}],"message":"x"})");
    QTest::newRow("array root") << QByteArray(R"([{"password":"x"},{"a":[{"authToken":"y"}]}])")
                                << QByteArray(
                                       R"([{"password":"***"},{"a":[{"authToken":"***"}]}])");
    QTest::newRow("nothing to hide") << QByteArray(R"({"message":"ping","data":[]})")
                                     << QByteArray(R"({"data":[],"message":"ping"})");
}

void tst_CodecEncode::redact() {
    QFETCH(QByteArray, frame);
    QFETCH(QByteArray, expected);
    const QByteArray out = Codec::redact(frame);
    QCOMPARE(out, expected);
}

void tst_CodecEncode::redactFixtureFrames() {
    // every capture line that holds a secret comes out without it
    int withSecrets = 0;
    for (const auto& f : testutil::fixtureFrames()) {
        const QJsonObject a = f.arg0;
        QStringList secrets;
        for (const char* key : {"sipPassword", "authToken", "password"}) {
            const QString v = a.value(QLatin1StringView(key)).toString();
            if (!v.isEmpty()) {
                secrets << v;
            }
        }
        const QByteArray out = Codec::redact(f.raw);
        for (const QString& s : secrets) {
            QVERIFY2(!out.contains(s.toUtf8()),
                     qPrintable(f.file + u":"_s + QString::number(f.line)));
        }
        withSecrets += !secrets.isEmpty();
        // nothing but the secrets changed
        QJsonObject expected = QJsonDocument::fromJson(f.raw).object();
        QJsonArray data = expected[u"data"_s].toArray();
        if (!data.isEmpty() && data.at(0).isObject()) {
            QJsonObject o = data.at(0).toObject();
            for (const char* key : {"sipPassword", "authToken", "password"}) {
                if (o.contains(QLatin1StringView(key))) {
                    o[QLatin1StringView(key)] = u"***"_s;
                }
            }
            data[0] = o;
            expected[u"data"_s] = data;
        }
        QCOMPARE(QJsonDocument::fromJson(out).object(), expected);
    }
    QVERIFY(withSecrets >= 6); // connection + getUserData frames, connectMediaTransport
}

void tst_CodecEncode::redactNonJson_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain text") << QByteArray("hello") << QByteArray("hello");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("truncated with a password")
        << QByteArray(R"({"message":"connection","data":[{"sipLogin":"1000","sipPassword":"sec)")
        << QByteArray(R"({"message":"connection","data":[{"sipLogin":"1000","sipPassword":"***")");
    QTest::newRow("truncated after a complete token")
        << QByteArray(
               R"({"message":"getUserData","data":[{"authToken": "4b8e-\"x", "sessionId":"/a)")
        << QByteArray(R"({"message":"getUserData","data":[{"authToken": "***", "sessionId":"/a)");
    QTest::newRow("bare values")
        << QByteArray(R"({"password":12345,"x":1,"sipPassword":true} trailing)")
        << QByteArray(R"({"password":"***","x":1,"sipPassword":"***"} trailing)");
    QTest::newRow("null stays") << QByteArray(R"({"password": null , "authToken":"t")")
                                << QByteArray(R"({"password": null , "authToken":"***")");
    QTest::newRow("key text inside a value")
        << QByteArray(R"({"info":"\"password\" is wrong", "x":)")
        << QByteArray(R"({"info":"\"password\" is wrong", "x":)");
    QTest::newRow("key at the very end")
        << QByteArray(R"({"password":)") << QByteArray(R"({"password":"***")");
    QTest::newRow("long text is cut")
        << QByteArray(10000, 'a') << QByteArray(Codec::kMaxRawKept, 'a');
    QTest::newRow("secret beyond the cut is gone with it")
        << QByteArray(R"({"x":")" + QByteArray(5000, 'a') + R"(","sipPassword":"abc")")
        << QByteArray(R"({"x":")" + QByteArray(Codec::kMaxRawKept - 6, 'a'));
    QTest::newRow("invalid UTF-8 around a secret")
        << QByteArray("{\"x\":\"\xff\",\"sipPassword\":\"abc\"}")
        << QByteArray("{\"x\":\"\xff\",\"sipPassword\":\"***\"}");
}

void tst_CodecEncode::redactNonJson() {
    QFETCH(QByteArray, frame);
    QFETCH(QByteArray, expected);
    QCOMPARE(Codec::redact(frame), expected);
}

QTEST_APPLESS_MAIN(tst_CodecEncode)
#include "tst_CodecEncode.moc"
