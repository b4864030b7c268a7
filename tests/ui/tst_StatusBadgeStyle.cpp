// ui::StatusBadgeStyle: every value of every status family has a badge with text, accessible
// text, a colour and an icon; good and bad states differ in colour; unknown values are grey and
// show the raw text.
#include "ui/widgets/StatusBadgeStyle.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Style = ui::StatusBadgeStyle;
using Family = Style::Family;
using Tone = Style::Tone;

Q_DECLARE_METATYPE(Style::Family)
Q_DECLARE_METATYPE(Style::Tone)

namespace {

template <typename E> void addRows(Family family, const char* name) {
    for (const auto& [value, wire] : core::WireTable<E>::entries) {
        const QByteArray tag =
            QByteArray(name) + '/' + QByteArray(wire.data(), qsizetype(wire.size()));
        QTest::newRow(tag.constData()) << family << static_cast<int>(value);
    }
}

} // namespace

class tst_StatusBadgeStyle : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyValueHasABadge_data() {
        QTest::addColumn<Family>("family");
        QTest::addColumn<int>("value");
        addRows<core::SessionStatus>(Family::Session, "session");
        addRows<core::RegistrationStatus>(Family::Registration, "registration");
        addRows<core::SessionDebugStatus>(Family::Debug, "debug");
        addRows<core::CallStatus>(Family::Call, "call");
        addRows<core::TransferStatus>(Family::Transfer, "transfer");
        addRows<core::StreamStatus>(Family::Stream, "stream");
    }

    void everyValueHasABadge() {
        QFETCH(Family, family);
        QFETCH(int, value);
        const Style::Badge b = Style::forFamily(family, value);
        QVERIFY(!b.text.isEmpty());
        QVERIFY(!b.unknown);
        QVERIFY(b.tone != Tone::Neutral); // grey is for unknown values only
        QVERIFY(b.color().isValid());
        QVERIFY(b.accessibleText.contains(b.text));
        QVERIFY(b.accessibleText.contains(Style::familyName(family)));
        QVERIFY(!Style::icon(b.shape, b.color()).isNull());
    }

    void toneOfTellingStates_data() {
        QTest::addColumn<Family>("family");
        QTest::addColumn<int>("value");
        QTest::addColumn<Tone>("tone");
        const auto row = [](const char* tag, Family f, auto v, Tone t) {
            QTest::newRow(tag) << f << static_cast<int>(v) << t;
        };
        row("session ESTABLISHED", Family::Session, core::SessionStatus::Established, Tone::Good);
        row("session REGISTERED", Family::Session, core::SessionStatus::Registered, Tone::Good);
        row("session FAILED", Family::Session, core::SessionStatus::Failed, Tone::Bad);
        row("registration REGISTERED", Family::Registration, core::RegistrationStatus::Registered,
            Tone::Good);
        row("registration AUTHENTICATION_FAIL", Family::Registration,
            core::RegistrationStatus::AuthenticationFail, Tone::Bad);
        row("registration FAILED", Family::Registration, core::RegistrationStatus::Failed,
            Tone::Bad);
        row("call ESTABLISHED", Family::Call, core::CallStatus::Established, Tone::Good);
        row("call RING", Family::Call, core::CallStatus::Ring, Tone::Attention);
        row("call HOLD", Family::Call, core::CallStatus::Hold, Tone::Attention);
        row("call BUSY", Family::Call, core::CallStatus::Busy, Tone::Bad);
        row("call FAILED", Family::Call, core::CallStatus::Failed, Tone::Bad);
        row("call FINISH", Family::Call, core::CallStatus::Finish, Tone::Idle);
        row("transfer COMPLETED", Family::Transfer, core::TransferStatus::Completed, Tone::Good);
        row("transfer FAILED", Family::Transfer, core::TransferStatus::Failed, Tone::Bad);
        row("stream PUBLISHING", Family::Stream, core::StreamStatus::Publishing, Tone::Good);
        row("stream PLAYING", Family::Stream, core::StreamStatus::Playing, Tone::Good);
        row("stream FAILED", Family::Stream, core::StreamStatus::Failed, Tone::Bad);
        row("stream PLAYBACK_PROBLEM", Family::Stream, core::StreamStatus::PlaybackProblem,
            Tone::Attention);
        row("debug STARTED", Family::Debug, core::SessionDebugStatus::Started, Tone::Attention);
    }

    void toneOfTellingStates() {
        QFETCH(Family, family);
        QFETCH(int, value);
        QFETCH(Tone, tone);
        QCOMPARE(Style::forFamily(family, value).tone, tone);
    }

    void tonesHaveDistinctColours() {
        const QList<Tone> tones{Tone::Good, Tone::Progress, Tone::Attention,
                                Tone::Bad,  Tone::Idle,     Tone::Neutral};
        for (qsizetype i = 0; i < tones.size(); ++i) {
            for (qsizetype j = i + 1; j < tones.size(); ++j) {
                QVERIFY2(Style::color(tones[i]) != Style::color(tones[j]),
                         qPrintable(u"tones %1 and %2"_s.arg(i).arg(j)));
            }
        }
        QVERIFY(Style::call(core::CallStatus::Established).color() !=
                Style::call(core::CallStatus::Failed).color());
        QVERIFY(Style::stream(core::StreamStatus::Publishing).color() !=
                Style::stream(core::StreamStatus::Failed).color());
    }

    void unknownValuesAreGreyWithTheRawText_data() {
        QTest::addColumn<Family>("family");
        QTest::newRow("session") << Family::Session;
        QTest::newRow("registration") << Family::Registration;
        QTest::newRow("debug") << Family::Debug;
        QTest::newRow("call") << Family::Call;
        QTest::newRow("transfer") << Family::Transfer;
        QTest::newRow("stream") << Family::Stream;
    }

    void unknownValuesAreGreyWithTheRawText() {
        QFETCH(Family, family);
        const Style::Badge b = Style::forFamily(family, 0, u"SOMETHING_NEW"_s);
        QVERIFY(b.unknown);
        QCOMPARE(b.tone, Tone::Neutral);
        QCOMPARE(b.text, u"SOMETHING_NEW"_s);
        QCOMPARE(b.shape, Style::Shape::Question);
        QVERIFY(b.accessibleText.contains(u"SOMETHING_NEW"_s));
    }

    void noTransferIsAnEmptyBadge() {
        QVERIFY(Style::transfer(core::TransferStatus::Unknown).isEmpty());
    }
};

QTEST_MAIN(tst_StatusBadgeStyle)
#include "tst_StatusBadgeStyle.moc"
