// core::EventJsonText and services::JournalEntry::fromEvent: the journal's direct path gives
// exactly what the reference path gives (core::EventJson -> QJsonDocument compact text ->
// JournalEntry::fromEventJson), byte for byte, for every event type, including odd strings
// (controls, quotes, non-ASCII, lone surrogates), absent / empty fields and embedded JSON text
// in and out of Qt's compact form. Random cases are seeded, so failures reproduce.
#include "core/EventJson.h"
#include "core/EventJsonText.h"
#include "services/JournalEntry.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using services::JournalEntry;

namespace {

/// Empty when both paths agree on `e`, else what differs.
template <typename Event> QString difference(const Event& e) {
    const QJsonObject o = core::EventJson::toJson(e);
    const QByteArray want = QJsonDocument(o).toJson(QJsonDocument::Compact);
    const QByteArray got = core::EventJsonText::toJson(e);
    if (got != want) {
        return u"json\n  got:  %1\n  want: %2"_s.arg(
            QString::fromUtf8(got.toPercentEncoding(" {}\":,[]")),
            QString::fromUtf8(want.toPercentEncoding(" {}\":,[]")));
    }
    const JournalEntry a = JournalEntry::fromEvent(1'700'000'000'123, u"acc"_s, e);
    const JournalEntry b = JournalEntry::fromEventJson(1'700'000'000'123, u"acc"_s, o);
    if (!(a == b) || a.type.isNull() != b.type.isNull() || a.status.isNull() != b.status.isNull() ||
        a.objectId.isNull() != b.objectId.isNull()) {
        return u"entry: type %1/%2 status '%3'(null %4)/'%5'(null %6) objectId '%7'/'%8'"_s.arg(
            a.type, b.type, a.status, a.status.isNull() ? u"y"_s : u"n"_s, b.status,
            b.status.isNull() ? u"y"_s : u"n"_s, a.objectId, b.objectId);
    }
    return {};
}

/// Seeded source of field values, from plain to hostile.
class Gen {
public:
    explicit Gen(quint32 seed)
        : m_rng(seed) {}

    int pick(int n) { return int(m_rng.bounded(n)); }

    /// Null (absent), empty, plain ASCII id, or random UTF-16 with escapes and surrogates.
    QString string() {
        switch (pick(5)) {
        case 0:
            return {};
        case 1:
            return u""_s;
        case 2:
            return u"id-%1"_s.arg(m_rng.generate());
        default: {
            static const char16_t pool[] = {u'a',   u'Z',   u'0',   u' ',   u'/',   u'"',   u'\\',
                                            0x00,   0x01,   0x08,   0x09,   0x0a,   0x0c,   0x0d,
                                            0x1f,   0x7f,   0xe9,   0x7ff,  0x800,  0x20ac, 0xfeff,
                                            0xfffe, 0xffff, 0xd83d, 0xde00, 0xdbff, 0xdc00};
            QString s;
            const int n = pick(12);
            for (int i = 0; i < n; ++i) {
                if (pick(6) == 0) { // a proper pair
                    s.append(QChar(char16_t(0xd83d))).append(QChar(char16_t(0xde00)));
                } else {
                    s.append(QChar(pool[pick(int(std::size(pool)))]));
                }
            }
            return s;
        }
        }
    }

    std::optional<bool> flag() {
        const int v = pick(3);
        return v == 0 ? std::nullopt : std::optional<bool>(v == 1);
    }
    std::optional<int> number() {
        const int v = pick(4);
        return v == 0 ? std::nullopt : std::optional<int>(v == 1 ? 0 : int(m_rng.generate()));
    }
    int code() { return pick(3) == 0 ? -1 : pick(700); }

    /// A status: known, unknown wire text, empty wire text, or default (Unknown, null).
    template <typename E> core::WireValue<E> status(E known) {
        switch (pick(4)) {
        case 0:
            return known;
        case 1:
            return core::WireValue<E>(E::Unknown, u"SOMETHING_NEW"_s);
        case 2:
            return core::WireValue<E>(E::Unknown, u""_s);
        default:
            return {};
        }
    }

    /// JSON text (UTF-8): compact and sorted, or not (key order, duplicates, whitespace,
    /// escapes, big / negative-zero / fractional numbers), sometimes not JSON at all.
    QByteArray json() {
        switch (pick(8)) {
        case 0:
            return {};
        case 1:
            return pick(2) ? QByteArray(R"({"muted":false})") : QByteArray(R"({"muted":true})");
        case 2: { // broken or blank
            static const char* bad[] = {"{",     " ",   "nul",       "[1,]",    "{\"a\":1}{",
                                        "1],[2", "\"x", "{\"a\" 1}", "\xff\xfe"};
            return QByteArray(bad[pick(int(std::size(bad)))]);
        }
        default:
            return value(0);
        }
    }

private:
    QByteArray value(int depth) {
        const int kind = depth > 4 ? 3 + pick(4) : pick(7);
        QByteArray out;
        switch (kind) {
        case 0:
        case 1: { // object
            static const char* keys[] = {"a", "b", "B", "_x", "muted", "a b", "\xc3\xa9", "ab"};
            out += '{';
            const int n = pick(4);
            for (int i = 0; i < n; ++i) {
                out += (i ? "," : "") + space() + '"' + keys[pick(int(std::size(keys)))] + '"' +
                       space() + ':' + value(depth + 1);
            }
            return out + space() + '}';
        }
        case 2: { // array
            out += '[';
            const int n = pick(4);
            for (int i = 0; i < n; ++i) {
                out += (i ? "," : "") + value(depth + 1);
            }
            return out + ']';
        }
        case 3: {
            static const char* strings[] = {
                R"("")",      R"("plain")",   R"("a\"b")",         R"("\u00e9")", R"("\/")",
                R"("tab\t")", "\"\xc3\xa9\"", R"("\ud83d\ude00")", R"("\ud800")", R"("\u0001")"};
            return QByteArray(strings[pick(int(std::size(strings)))]);
        }
        case 4: {
            static const char* numbers[] = {"0",
                                            "-0",
                                            "1",
                                            "-12",
                                            "123456789012345",
                                            "1234567890123456",
                                            "12345678901234567890",
                                            "1.5",
                                            "1e3",
                                            "-0.0",
                                            "2.50",
                                            "1E-7",
                                            "9007199254740993"};
            return QByteArray(numbers[pick(int(std::size(numbers)))]);
        }
        case 5: {
            static const char* literals[] = {"true", "false", "null"};
            return QByteArray(literals[pick(3)]);
        }
        default:
            return space() + QByteArray::number(pick(100)) + space();
        }
    }

    QByteArray space() { return pick(6) == 0 ? QByteArray(" ") : QByteArray(); }

    QRandomGenerator m_rng;
};

} // namespace

class tst_EventJsonText : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaultEvents() {
        QCOMPARE(difference(core::ConnectionStatusEvent{}), QString());
        QCOMPARE(difference(core::RegistrationStatusEvent{}), QString());
        QCOMPARE(difference(core::CallStatusEvent{}), QString());
        QCOMPARE(difference(core::TransferStatusEvent{}), QString());
        QCOMPARE(difference(core::StreamStatusEvent{}), QString());
        QCOMPARE(difference(core::StreamKeepAliveEvent{}), QString());
        QCOMPARE(difference(core::SessionDebugStatusEvent{}), QString());
        QCOMPARE(difference(core::DataStatusEvent{}), QString());
        QCOMPARE(difference(core::OnDataEvent{}), QString());
        QCOMPARE(difference(core::ErrorEvent{}), QString());
    }

    void typicalStreamEvent() {
        core::StreamStatusEvent e;
        e.mediaSessionId = u"9a4c1a10-0000-1000-8000-000000000001"_s;
        e.name = u"cam-1"_s;
        e.status = core::StreamStatus::Publishing;
        e.published = true;
        e.hasAudio = true;
        e.hasVideo = false;
        e.width = 1280;
        e.height = 720;
        e.bitrate = 2500;
        e.mediaProvider = u"WebRTC"_s;
        e.audioState = uR"({"muted":false})"_s;
        e.videoState = uR"({"muted":false})"_s;
        e.sdp = u"v=0"_s; // not journaled
        QCOMPARE(difference(e), QString());
        const JournalEntry j = JournalEntry::fromEvent(1, u"a"_s, e);
        QCOMPARE(j.type, u"StreamStatusEvent"_s);
        QCOMPARE(j.status, u"PUBLISHING"_s);
        QCOMPARE(j.objectId, e.mediaSessionId);
        QCOMPARE(j.streamName(), u"cam-1"_s);
        QVERIFY(j.json.contains(R"("audioState":{"muted":false})"));
    }

    void secretsNeverWritten() {
        core::ConnectionStatusEvent e;
        e.status = core::SessionStatus::Established;
        e.sessionId = u"/10.0.0.1:5000/10.0.0.2:8443"_s;
        e.authToken = u"very-secret-token"_s;
        QCOMPARE(difference(e), QString());
        QVERIFY(!core::EventJsonText::toJson(e).contains("very-secret-token"));
        QVERIFY(!JournalEntry::fromEvent(1, u"a"_s, e).json.contains("authToken"));
    }

    void embeddedJson_data() {
        QTest::addColumn<QByteArray>("text");
        for (const char* t : {"{}",
                              "[]",
                              "null",
                              "\"x\"",
                              "0",
                              "-0",
                              "1.0",
                              "1e3",
                              "12345678901234567890",
                              "{\"b\":1,\"a\":2}",
                              "{\"a\":1,\"a\":2}",
                              "{ \"a\":1}",
                              "{\"a\":\"\\u00e9\"}",
                              "{\"a\":\"\\/\"}",
                              "{\"B\":1,\"a\":[true,false,null,{\"c\":-7}]}",
                              "",
                              " ",
                              "{",
                              "not json",
                              "{\"muted\":false}",
                              "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]"
                              "]]]]]]]]]]]]]]]]]]]]]"}) {
            QTest::newRow(t) << QByteArray(t);
        }
    }

    void embeddedJson() {
        QFETCH(QByteArray, text);
        core::OnDataEvent d;
        d.operationId = u"op"_s;
        d.payload = text;
        QCOMPARE(difference(d), QString());
        core::CallStatusEvent c;
        c.callId = u"c1"_s;
        c.status = core::CallStatus::Ring;
        c.custom = text;
        c.inviteParameters = text;
        QCOMPARE(difference(c), QString());
        core::StreamStatusEvent s;
        s.mediaSessionId = u"s1"_s;
        s.audioState = QString::fromUtf8(text);
        s.videoState = QString::fromUtf8(text);
        QCOMPARE(difference(s), QString());
    }

    void randomEvents() {
        Gen g(20261121);
        for (int i = 0; i < 3000; ++i) {
            core::ConnectionStatusEvent conn;
            conn.status = g.status(core::SessionStatus::Established);
            conn.info = g.string();
            conn.sessionId = g.string();
            conn.authToken = g.string();
            conn.appKey = g.string();
            conn.nodeId = g.string();
            conn.sipLogin = g.string();
            conn.closeCode = g.code();
            QVERIFY2(difference(conn).isEmpty(), qPrintable(difference(conn)));

            core::RegistrationStatusEvent reg;
            reg.status = g.status(core::RegistrationStatus::Registered);
            reg.info = g.string();
            reg.sipLogin = g.string();
            reg.sipStatus = g.code();
            QVERIFY2(difference(reg).isEmpty(), qPrintable(difference(reg)));

            core::CallStatusEvent call;
            call.callId = g.string();
            call.status = g.status(core::CallStatus::Established);
            call.sipStatus = g.code();
            call.info = g.string();
            call.caller = g.string();
            call.callee = g.string();
            call.visibleName = g.string();
            call.incoming = g.flag();
            call.hasAudio = g.flag();
            call.hasVideo = g.flag();
            call.mediaProvider = g.string();
            call.sipMessageRaw = g.string();
            call.parentCallId = g.string();
            call.target = g.string();
            call.holdForTransfer = g.flag();
            call.custom = g.json();
            call.inviteParameters = g.json();
            call.isIncomingCallOffer = g.pick(2) == 0;
            call.nodeId = g.string();
            call.appKey = g.string();
            call.sessionId = g.string();
            QVERIFY2(difference(call).isEmpty(), qPrintable(difference(call)));

            core::TransferStatusEvent transfer;
            transfer.callId = g.string();
            transfer.status = g.status(core::TransferStatus::Accepted);
            transfer.target = g.string();
            transfer.info = g.string();
            transfer.sipStatus = g.code();
            QVERIFY2(difference(transfer).isEmpty(), qPrintable(difference(transfer)));

            core::StreamStatusEvent stream;
            stream.mediaSessionId = g.string();
            stream.name = g.string();
            stream.status = g.status(core::StreamStatus::Playing);
            stream.info = g.string();
            stream.published = g.flag();
            stream.hasAudio = g.flag();
            stream.hasVideo = g.flag();
            stream.record = g.flag();
            stream.recordName = g.string();
            stream.width = g.number();
            stream.height = g.number();
            stream.bitrate = g.number();
            stream.quality = g.number();
            stream.mediaProvider = g.string();
            stream.audioState = QString::fromUtf8(g.json());
            stream.videoState = QString::fromUtf8(g.json());
            stream.sdp = g.string();
            stream.nodeId = g.string();
            stream.appKey = g.string();
            stream.sessionId = g.string();
            QVERIFY2(difference(stream).isEmpty(), qPrintable(difference(stream)));

            core::StreamKeepAliveEvent keepAlive;
            keepAlive.mediaSessionId = g.string();
            keepAlive.name = g.string();
            keepAlive.status = g.status(core::StreamKeepAliveStatus::Publishing);
            keepAlive.published = g.flag();
            keepAlive.mediaProvider = g.string();
            keepAlive.nodeId = g.string();
            keepAlive.appKey = g.string();
            keepAlive.sessionId = g.string();
            QVERIFY2(difference(keepAlive).isEmpty(), qPrintable(difference(keepAlive)));

            core::SessionDebugStatusEvent debug;
            debug.status = g.status(core::SessionDebugStatus::Stopped);
            debug.file = g.string();
            QVERIFY2(difference(debug).isEmpty(), qPrintable(difference(debug)));

            core::DataStatusEvent data;
            data.operationId = g.string();
            data.status = g.status(core::DataStatus::Accepted);
            data.info = g.string();
            QVERIFY2(difference(data).isEmpty(), qPrintable(difference(data)));

            core::OnDataEvent onData;
            onData.operationId = g.string();
            onData.payload = g.json();
            QVERIFY2(difference(onData).isEmpty(), qPrintable(difference(onData)));

            core::ErrorEvent error;
            error.apiMethod = g.string();
            error.id = g.string();
            error.info = g.string();
            error.status = g.string();
            QVERIFY2(difference(error).isEmpty(), qPrintable(difference(error)));
        }
    }
};

QTEST_GUILESS_MAIN(tst_EventJsonText)
#include "tst_EventJsonText.moc"
