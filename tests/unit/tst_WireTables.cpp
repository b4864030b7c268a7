// The wire-name tables of every status enum (spec §12.1-12.4, §5.3 DTMF, §12.2 STREAM_EVENT_TYPE),
// row by row in both directions, plus unknown, case-changed and empty text.

#include "StatusFamilies.h"

#include <QStringDecoder>
#include <QTest>

#include <set>
#include <string>
#include <string_view>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

struct Row {
    const char16_t* family;
    const char* wire;
    int value;
};

template <typename E> constexpr int v(E e) {
    return static_cast<int>(e);
}

/// Every value of spec §12.1-12.4 (and DTMF, STREAM_EVENT_TYPE) with its exact wire text,
/// written from the spec, not from the tables under test.
const std::vector<Row>& expectedRows() {
    using namespace core;
    static const std::vector<Row> rows{
        // §12.1 SESSION_STATUS (states only; WARN, DEBUG, ... are callbacks, see unknownText)
        {u"session", "PENDING", v(SessionStatus::Pending)},
        {u"session", "CONNECTED", v(SessionStatus::Connected)},
        {u"session", "ESTABLISHED", v(SessionStatus::Established)},
        {u"session", "REGISTERED", v(SessionStatus::Registered)},
        {u"session", "UNREGISTERED", v(SessionStatus::Unregistered)},
        {u"session", "DISCONNECTED", v(SessionStatus::Disconnected)},
        {u"session", "FAILED", v(SessionStatus::Failed)},
        // §3.3, §11, §12.1 RegistrationStatusEvent (+ API v1 FAILED)
        {u"registration", "REGISTERED", v(RegistrationStatus::Registered)},
        {u"registration", "UNREGISTERED", v(RegistrationStatus::Unregistered)},
        {u"registration", "AUTHENTICATION_FAIL", v(RegistrationStatus::AuthenticationFail)},
        {u"registration", "FAILED", v(RegistrationStatus::Failed)},
        // §12.2 STREAM_STATUS
        {u"stream", "NEW", v(StreamStatus::New)},
        {u"stream", "PENDING", v(StreamStatus::Pending)},
        {u"stream", "PUBLISHING", v(StreamStatus::Publishing)},
        {u"stream", "PLAYING", v(StreamStatus::Playing)},
        {u"stream", "PAUSED", v(StreamStatus::Paused)},
        {u"stream", "UNPUBLISHED", v(StreamStatus::Unpublished)},
        {u"stream", "STOPPED", v(StreamStatus::Stopped)},
        {u"stream", "FAILED", v(StreamStatus::Failed)},
        {u"stream", "PLAYBACK_PROBLEM", v(StreamStatus::PlaybackProblem)},
        {u"stream", "RESIZE", v(StreamStatus::Resize)},
        {u"stream", "SNAPSHOT_COMPLETE", v(StreamStatus::SnapshotComplete)},
        {u"stream", "NOT_ENOUGH_BANDWIDTH", v(StreamStatus::NotEnoughBandwidth)},
        // §12.3 CALL_STATUS
        {u"call", "NEW", v(CallStatus::New)},
        {u"call", "PENDING", v(CallStatus::Pending)},
        {u"call", "TRYING", v(CallStatus::Trying)},
        {u"call", "RING", v(CallStatus::Ring)},
        {u"call", "RING_MEDIA", v(CallStatus::RingMedia)},
        {u"call", "SESSION_PROGRESS", v(CallStatus::SessionProgress)},
        {u"call", "BUSY", v(CallStatus::Busy)},
        {u"call", "ESTABLISHED", v(CallStatus::Established)},
        {u"call", "HOLD", v(CallStatus::Hold)},
        {u"call", "FINISH", v(CallStatus::Finish)},
        {u"call", "FAILED", v(CallStatus::Failed)},
        // §12.4 TransferStatusEvent (+ legacy PENDING)
        {u"transfer", "PENDING", v(TransferStatus::Pending)},
        {u"transfer", "ACCEPTED", v(TransferStatus::Accepted)},
        {u"transfer", "TRYING", v(TransferStatus::Trying)},
        {u"transfer", "COMPLETED", v(TransferStatus::Completed)},
        {u"transfer", "FAILED", v(TransferStatus::Failed)},
        // §12.4 StreamKeepAliveEvent, SessionDebugStatusEvent, DataStatusEvent
        {u"keepAlive", "PUBLISHING", v(StreamKeepAliveStatus::Publishing)},
        {u"keepAlive", "PLAYING", v(StreamKeepAliveStatus::Playing)},
        {u"debug", "STARTED", v(SessionDebugStatus::Started)},
        {u"debug", "STOPPED", v(SessionDebugStatus::Stopped)},
        {u"data", "ACCEPTED", v(DataStatus::Accepted)},
        {u"data", "FAILED", v(DataStatus::Failed)},
        // §12.2 STREAM_EVENT_TYPE (camelCase on the wire)
        {u"streamEvent", "audioMuted", v(StreamEventType::AudioMuted)},
        {u"streamEvent", "audioUnmuted", v(StreamEventType::AudioUnmuted)},
        {u"streamEvent", "videoMuted", v(StreamEventType::VideoMuted)},
        {u"streamEvent", "videoUnmuted", v(StreamEventType::VideoUnmuted)},
        {u"streamEvent", "data", v(StreamEventType::Data)},
        {u"streamEvent", "snapshotCompleted", v(StreamEventType::SnapshotCompleted)},
        {u"streamEvent", "snapshotFailed", v(StreamEventType::SnapshotFailed)},
        {u"streamEvent", "resize", v(StreamEventType::Resize)},
        {u"streamEvent", "notEnoughBandwidth", v(StreamEventType::NotEnoughBandwidth)},
        // §5.3 sendDtmf type
        {u"dtmf", "RFC2833", v(DtmfType::Rfc2833)},
        {u"dtmf", "INFO", v(DtmfType::Info)},
        {u"dtmf", "INFO_RELAY", v(DtmfType::InfoRelay)},
    };
    return rows;
}

const char16_t* const kAllFamilies[] = {u"session",     u"registration", u"stream", u"call",
                                        u"transfer",    u"keepAlive",    u"debug",  u"data",
                                        u"streamEvent", u"dtmf"};

/// What fromWire/toWire made of one text, for one family.
struct Lookup {
    int valueUtf8 = -1;
    int valueUtf16 = -1;
    QString rawUtf8;
    QString rawUtf16;
    QString textUtf8;
    bool unknown = false;
};

/// UTF-8 to UTF-16 keeping a leading U+FEFF (QString::fromUtf8 drops it as a byte order mark).
QString exactUtf16(const QByteArray& utf8) {
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    return decoder.decode(utf8);
}

Lookup lookUp(const QString& family, const QByteArray& wire) {
    Lookup l;
    const bool known = testutil::visitFamily(family, [&]<typename E>(std::type_identity<E>) {
        const core::WireValue<E> a =
            core::fromWire<E>(std::string_view(wire.constData(), size_t(wire.size())));
        const QString utf16 = exactUtf16(wire);
        const core::WireValue<E> b = core::fromWire<E>(QStringView(utf16));
        l.valueUtf8 = static_cast<int>(a.value);
        l.valueUtf16 = static_cast<int>(b.value);
        l.rawUtf8 = a.raw;
        l.rawUtf16 = b.raw;
        l.textUtf8 = a.text();
        l.unknown = a.isUnknown();
    });
    if (!known) {
        qFatal("unknown family %s", qPrintable(family));
    }
    return l;
}

QString toWireOf(const QString& family, int value) {
    QString out;
    testutil::visitFamily(family, [&]<typename E>(std::type_identity<E>) {
        out = QString(core::toWire(static_cast<E>(value)));
    });
    return out;
}

} // namespace

class tst_WireTables : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fromWireKnown_data();
    void fromWireKnown();
    void toWireKnown_data() { fromWireKnown_data(); }
    void toWireKnown();
    void tablesHoldExactlyTheSpecRows_data();
    void tablesHoldExactlyTheSpecRows();
    void unknownValueHasNoWireText_data();
    void unknownValueHasNoWireText();
    void unknownTextKeepsRaw_data();
    void unknownTextKeepsRaw();
    void emptyText_data() { unknownValueHasNoWireText_data(); }
    void emptyText();
    void wireValueSemantics();
    void toWireIsConstexpr();
};

void tst_WireTables::fromWireKnown_data() {
    QTest::addColumn<QString>("family");
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<int>("value");
    for (const Row& r : expectedRows()) {
        const QString family = QString::fromUtf16(r.family);
        QTest::addRow("%s %s", qPrintable(family), r.wire)
            << family << QByteArray(r.wire) << r.value;
    }
}

void tst_WireTables::fromWireKnown() {
    QFETCH(QString, family);
    QFETCH(QByteArray, wire);
    QFETCH(int, value);
    const Lookup l = lookUp(family, wire);
    QCOMPARE(l.valueUtf8, value);
    QCOMPARE(l.valueUtf16, value);
    QVERIFY(!l.unknown);
    QVERIFY2(l.rawUtf8.isNull(), "a known value must not allocate a raw copy");
    QVERIFY(l.rawUtf16.isNull());
    QCOMPARE(l.textUtf8, QString::fromLatin1(wire));
}

void tst_WireTables::toWireKnown() {
    QFETCH(QString, family);
    QFETCH(QByteArray, wire);
    QFETCH(int, value);
    QCOMPARE(toWireOf(family, value), QString::fromLatin1(wire));
}

void tst_WireTables::tablesHoldExactlyTheSpecRows_data() {
    QTest::addColumn<QString>("family");
    for (const char16_t* f : kAllFamilies) {
        const QString family = QString::fromUtf16(f);
        QTest::newRow(qPrintable(family)) << family;
    }
}

/// Every table entry is a spec row and every spec row is in the table: a value added to an enum
/// without a test row, or a spec value missing from a table, fails here.
void tst_WireTables::tablesHoldExactlyTheSpecRows() {
    QFETCH(QString, family);
    std::set<std::pair<int, std::string>> expected;
    for (const Row& r : expectedRows()) {
        if (family == QStringView(r.family)) {
            expected.emplace(r.value, r.wire);
        }
    }
    std::set<std::pair<int, std::string>> actual;
    std::set<int> values;
    std::set<std::string> names;
    testutil::visitFamily(family, [&]<typename E>(std::type_identity<E>) {
        for (const auto& [e, name] : core::WireTable<E>::entries) {
            QVERIFY2(e != E::Unknown, "Unknown must not be in a wire table");
            actual.emplace(static_cast<int>(e), std::string(name));
            values.insert(static_cast<int>(e));
            names.emplace(name);
        }
        QCOMPARE(values.size(), core::WireTable<E>::entries.size()); // no value listed twice
        QCOMPARE(names.size(), core::WireTable<E>::entries.size());  // no text listed twice
    });
    QVERIFY(!expected.empty());
    QVERIFY(actual == expected);
}

void tst_WireTables::unknownValueHasNoWireText_data() {
    tablesHoldExactlyTheSpecRows_data();
}

void tst_WireTables::unknownValueHasNoWireText() {
    QFETCH(QString, family);
    testutil::visitFamily(family, [&]<typename E>(std::type_identity<E>) {
        QVERIFY(core::toWire(E::Unknown).isEmpty());
        const core::WireValue<E> def;
        QCOMPARE(def.value, E::Unknown);
        QVERIFY(def.isUnknown());
        QVERIFY(def.raw.isNull());
        QVERIFY(def.text().isEmpty());
    });
}

void tst_WireTables::unknownTextKeepsRaw_data() {
    QTest::addColumn<QString>("family");
    QTest::addColumn<QByteArray>("wire");

    const auto add = [](const char* tag, const char16_t* family, QByteArray wire) {
        QTest::newRow(tag) << QString::fromUtf16(family) << wire;
    };
    // case sensitivity: the SDK compares exactly
    add("call lower-case ring", u"call", "ring");
    add("call Title-case Ring", u"call", "Ring");
    add("stream lower-case playing", u"stream", "playing");
    add("streamEvent upper-case AUDIOMUTED", u"streamEvent", "AUDIOMUTED");
    add("streamEvent lower-case audiomuted", u"streamEvent", "audiomuted");
    add("streamEvent snake AUDIO_MUTED", u"streamEvent", "AUDIO_MUTED");
    add("dtmf lower-case rfc2833", u"dtmf", "rfc2833");
    add("dtmf dash INFO-RELAY", u"dtmf", "INFO-RELAY");
    add("debug lower-case started", u"debug", "started");
    // surrounding white space is not trimmed
    add("call leading space", u"call", " RING");
    add("call trailing space", u"call", "RING ");
    add("call trailing newline", u"call", "RING\n");
    add("stream embedded NUL", u"stream", QByteArray("FAILED\0", 7));
    add("call leading BOM is text, kept", u"call", "\xef\xbb\xbfRING");
    add("call two leading BOMs", u"call", "\xef\xbb\xbf\xef\xbb\xbfRING");
    // near misses and values of other families
    add("call RINGING", u"call", "RINGING");
    add("call FINISHED", u"call", "FINISHED");
    add("stream UNPUBLISH", u"stream", "UNPUBLISH");
    add("stream STREAM_EVENT", u"stream", "STREAM_EVENT");
    add("stream UNMUTE_REQUIRED", u"stream", "UNMUTE_REQUIRED");
    add("transfer ESTABLISHED", u"transfer", "ESTABLISHED");
    add("keepAlive STOPPED", u"keepAlive", "STOPPED");
    add("data PENDING", u"data", "PENDING");
    // §12.1: callback-only SESSION_STATUS names are not states
    add("session WARN", u"session", "WARN");
    add("session DEBUG", u"session", "DEBUG");
    add("session APP_DATA", u"session", "APP_DATA");
    add("session SEND_DATA_STATUS", u"session", "SEND_DATA_STATUS");
    add("session INCOMING_CALL", u"session", "INCOMING_CALL");
    // §12.1: UNAUTHORIZED appears nowhere in the protocol
    add("registration UNAUTHORIZED", u"registration", "UNAUTHORIZED");
    add("session AUTHENTICATION_FAIL", u"session", "AUTHENTICATION_FAIL");
    // non-ASCII text survives as UTF-8
    add("call cyrillic", u"call", "\xd0\xb7\xd0\xb2\xd0\xbe\xd0\xbd\xd0\xbe\xd0\xba");
    add("stream accented", u"stream", "\xc3\x89TABLI");
    add("call emoji", u"call", "\xf0\x9f\x93\x9e");
}

void tst_WireTables::unknownTextKeepsRaw() {
    QFETCH(QString, family);
    QFETCH(QByteArray, wire);
    const Lookup l = lookUp(family, wire);
    QVERIFY(l.unknown);
    QCOMPARE(l.valueUtf8, 0);
    QCOMPARE(l.valueUtf16, 0);
    const QString expected = exactUtf16(wire);
    QCOMPARE(l.rawUtf8, expected);
    QCOMPARE(l.rawUtf16, expected);
    QCOMPARE(l.textUtf8, expected);
}

void tst_WireTables::emptyText() {
    QFETCH(QString, family);
    const Lookup l = lookUp(family, QByteArray(""));
    QVERIFY(l.unknown);
    QCOMPARE(l.valueUtf8, 0);
    QCOMPARE(l.valueUtf16, 0);
    QVERIFY(l.rawUtf8.isEmpty());
    QVERIFY(l.rawUtf16.isEmpty());
    QVERIFY(l.textUtf8.isEmpty());
    // a default-constructed string_view (nullptr, 0) is the same as ""
    testutil::visitFamily(family, [&]<typename E>(std::type_identity<E>) {
        const auto w = core::fromWire<E>(std::string_view());
        QVERIFY(w.isUnknown());
        QVERIFY(w.raw.isEmpty());
        const auto u = core::fromWire<E>(QStringView());
        QVERIFY(u.isUnknown());
        QVERIFY(u.raw.isEmpty());
    });
}

void tst_WireTables::wireValueSemantics() {
    using core::CallStatus;
    using core::CallStatusValue;
    const CallStatusValue ring = CallStatus::Ring;
    QVERIFY(ring == CallStatus::Ring);
    QVERIFY(!(ring == CallStatus::Hold));
    QVERIFY(ring == core::fromWire<CallStatus>(std::string_view("RING")));
    // two unknown values are equal only when their raw text is
    const auto a = core::fromWire<CallStatus>(std::string_view("X_ONE"));
    const auto b = core::fromWire<CallStatus>(std::string_view("X_TWO"));
    QVERIFY(!(a == b));
    QVERIFY(a == core::fromWire<CallStatus>(u"X_ONE"_s));
    QVERIFY(a == CallStatus::Unknown);
    // a known value compares by value only, whatever raw holds
    QVERIFY(CallStatusValue(CallStatus::Hold, u"whatever"_s) == CallStatusValue(CallStatus::Hold));
    QCOMPARE(CallStatusValue(CallStatus::Hold, u"whatever"_s).text(), u"HOLD"_s);
    // same text, different families, different meaning
    QCOMPARE(core::fromWire<core::SessionStatus>(std::string_view("FAILED")).value,
             core::SessionStatus::Failed);
    QCOMPARE(core::fromWire<core::TransferStatus>(std::string_view("FAILED")).value,
             core::TransferStatus::Failed);
}

void tst_WireTables::toWireIsConstexpr() {
    constexpr auto sv = [](QLatin1StringView l) { return std::string_view(l.data(), l.size()); };
    static_assert(sv(core::toWire(core::CallStatus::RingMedia)) == "RING_MEDIA");
    static_assert(sv(core::toWire(core::StreamEventType::NotEnoughBandwidth)) ==
                  "notEnoughBandwidth");
    static_assert(core::toWire(core::DtmfType::Unknown).isEmpty());
    QVERIFY(true);
}

QTEST_APPLESS_MAIN(tst_WireTables)
#include "tst_WireTables.moc"
