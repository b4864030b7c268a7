// hooks::HookDecoder and hooks::HookNames: REST hook bodies (spec §13.1, seed 003 example) to
// domain events, tolerant reading, missing key fields.
#include "hooks/HookDecoder.h"
#include "hooks/HookNames.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

QJsonObject obj(const QByteArray& json) {
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class tst_HookDecoder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void streamStatusSeed003() {
        // The field set of the seed 003 example (spec §13.1).
        const auto o =
            obj(R"({"nodeId":"Qb3rAjf3lzoy6PEl1WZkUhRG1DsTykgj@10.0.0.2","appKey":"defaultApp",
            "sessionId":"/10.0.0.31:50211/10.0.0.2:8443","mediaSessionId":"e9c002d0-fde2-11e6-a2bf-c99492323844",
            "name":"lobby-cam","published":true,"hasVideo":"true","hasAudio":false,"status":"PUBLISHING",
            "sdp":"v=0...","record":false,"width":1280,"height":"720","bitrate":2500,"quality":0,
            "mediaProvider":"WebRTC","info":""})");
        QString error;
        const auto e = hooks::HookDecoder::streamStatus(o, &error);
        QVERIFY2(e, qPrintable(error));
        QCOMPARE(e->mediaSessionId, u"e9c002d0-fde2-11e6-a2bf-c99492323844"_s);
        QCOMPARE(e->status.value, core::StreamStatus::Publishing);
        QCOMPARE(e->nodeId, u"Qb3rAjf3lzoy6PEl1WZkUhRG1DsTykgj@10.0.0.2"_s);
        QCOMPARE(e->appKey, u"defaultApp"_s);
        QCOMPARE(e->sessionId, u"/10.0.0.31:50211/10.0.0.2:8443"_s);
        QCOMPARE(e->published, std::optional<bool>(true));
        QCOMPARE(e->hasVideo, std::optional<bool>(true)); // "true" string read as boolean
        QCOMPARE(e->hasAudio, std::optional<bool>(false));
        QCOMPARE(e->height, std::optional<int>(720)); // numeric string read as number
        QCOMPARE(e->bitrate, std::optional<int>(2500));
        QCOMPARE(e->mediaProvider, u"WebRTC"_s);
    }

    void unknownStatusKeepsText() {
        QString error;
        const auto e = hooks::HookDecoder::streamStatus(
            obj(R"({"mediaSessionId":"m","status":"WARPING"})"), &error);
        QVERIFY(e);
        QCOMPARE(e->status.value, core::StreamStatus::Unknown);
        QCOMPARE(e->status.raw, u"WARPING"_s);
    }

    void missingKeyFields_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("which");
        QTest::newRow("stream no id")
            << QByteArray(R"({"name":"x","status":"PUBLISHING"})") << u"stream"_s;
        QTest::newRow("stream empty id") << QByteArray(R"({"mediaSessionId":""})") << u"stream"_s;
        QTest::newRow("stream id object") << QByteArray(R"({"mediaSessionId":{}})") << u"stream"_s;
        QTest::newRow("keep-alive no id")
            << QByteArray(R"({"status":"PLAYING"})") << u"keepAlive"_s;
        QTest::newRow("call no id") << QByteArray(R"({"status":"RING"})") << u"call"_s;
        QTest::newRow("transfer no id") << QByteArray(R"({"status":"TRYING"})") << u"transfer"_s;
        QTest::newRow("data no id") << QByteArray(R"({"status":"ACCEPTED"})") << u"data"_s;
    }
    void missingKeyFields() {
        QFETCH(QByteArray, json);
        QFETCH(QString, which);
        QString error;
        bool decoded = true;
        const QJsonObject o = obj(json);
        if (which == u"stream") {
            decoded = hooks::HookDecoder::streamStatus(o, &error).has_value();
        } else if (which == u"keepAlive") {
            decoded = hooks::HookDecoder::streamKeepAlive(o, &error).has_value();
        } else if (which == u"call") {
            decoded = hooks::HookDecoder::callStatus(o, &error).has_value();
        } else if (which == u"transfer") {
            decoded = hooks::HookDecoder::transferStatus(o, &error).has_value();
        } else {
            decoded = hooks::HookDecoder::dataStatus(o, &error).has_value();
        }
        QVERIFY(!decoded);
        QVERIFY2(error.contains(u"needs a non-empty string"), qPrintable(error));
    }

    void keepAliveAndCall() {
        QString error;
        const auto k = hooks::HookDecoder::streamKeepAlive(
            obj(R"({"mediaSessionId":"k","name":"n","status":"PLAYING","published":false,"nodeId":"N","appKey":"A"})"),
            &error);
        QVERIFY(k);
        QCOMPARE(k->status.value, core::StreamKeepAliveStatus::Playing);
        QCOMPARE(k->published, std::optional<bool>(false));
        QCOMPARE(k->nodeId, u"N"_s);
        const auto c = hooks::HookDecoder::callStatus(
            obj(R"({"callId":"c1","status":"FAILED","sipStatus":"403","info":"SIP 403 FORBIDDEN","caller":"2001","callee":"2002","incoming":false})"),
            &error);
        QVERIFY(c);
        QCOMPARE(c->status.value, core::CallStatus::Failed);
        QCOMPARE(c->sipStatus, 403);
        QCOMPARE(c->info, u"SIP 403 FORBIDDEN"_s);
    }

    void connectIsPendingAndDropsSecrets() {
        const auto c = hooks::HookDecoder::connectionStatus(obj(
            R"({"appKey":"defaultApp","sessionId":"/a:1/b:2","sipLogin":"2001","sipPassword":"p4ss","authToken":"t"})"));
        QCOMPARE(c.status.value, core::SessionStatus::Pending);
        QCOMPARE(c.sipLogin, u"2001"_s);
        QVERIFY(c.authToken.isNull());
        const auto e = hooks::HookDecoder::connectionStatus(
            obj(R"({"status":"DISCONNECTED","info":"Normal disconnect"})"));
        QCOMPARE(e.status.value, core::SessionStatus::Disconnected);
    }

    void onDataPayloadKinds() {
        QCOMPARE(
            hooks::HookDecoder::onData(obj(R"({"operationId":"o","payload":{"a":1}})")).payload,
            QByteArray(R"({"a":1})"));
        QCOMPARE(hooks::HookDecoder::onData(obj(R"({"operationId":"o","payload":"hi"})")).payload,
                 QByteArray(R"("hi")"));
        QCOMPARE(hooks::HookDecoder::onData(obj(R"({"operationId":"o"})")).payload,
                 QByteArray("null"));
    }

    void integerOutOfRange() {
        QCOMPARE(hooks::HookDecoder::integer(obj(R"({"w":1e20})"), u"w"), std::nullopt);
        QCOMPARE(hooks::HookDecoder::integer(obj(R"({"w":"abc"})"), u"w"), std::nullopt);
        QCOMPARE(hooks::HookDecoder::integer(obj(R"({"w":-5})"), u"w"), std::optional<int>(-5));
    }

    void hookNames_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("kind");
        QTest::newRow("connect") << u"connect"_s << int(hooks::HookKind::Connect);
        QTest::newRow("StreamStatusEvent") << u"StreamStatusEvent"_s << int(hooks::HookKind::Event);
        QTest::newRow("StreamKeepAliveEvent")
            << u"StreamKeepAliveEvent"_s << int(hooks::HookKind::Event);
        QTest::newRow("publishStream")
            << u"publishStream"_s << int(hooks::HookKind::DirectInvocation);
        QTest::newRow("OnCallEvent")
            << u"OnCallEvent"_s << int(hooks::HookKind::IncomingInvocation);
        QTest::newRow("sendDTMF") << u"sendDTMF"_s << int(hooks::HookKind::DirectInvocation);
        QTest::newRow("sendDtmf") << u"sendDtmf"_s << int(hooks::HookKind::DirectInvocation);
        QTest::newRow("case matters") << u"streamstatusevent"_s << int(hooks::HookKind::Unknown);
        QTest::newRow("unknown") << u"FooEvent"_s << int(hooks::HookKind::Unknown);
        QTest::newRow("empty") << QString() << int(hooks::HookKind::Unknown);
    }
    void hookNames() {
        QFETCH(QString, name);
        QFETCH(int, kind);
        QCOMPARE(int(hooks::HookNames::kind(name)), kind);
    }

    void everyListedNameIsKnown() {
        const QStringList all = hooks::HookNames::all();
        QCOMPARE(all.size(), 39);
        for (const QString& n : all) {
            QVERIFY2(hooks::HookNames::isKnown(n), qPrintable(n));
        }
    }
};

QTEST_APPLESS_MAIN(tst_HookDecoder)
#include "tst_HookDecoder.moc"
