// sip::PlaceholderSdp: offers, answers (RFC 3264 §6.1), directions and hold (RFC 3264 §8.4,
// RFC 6337 §5.3) and the reasons an offer cannot be used.
#include "sip/PlaceholderSdp.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using sip::PlaceholderSdp;

namespace {

const QByteArray kOffer = "v=0\r\n"
                          "o=peer 42 7 IN IP4 192.0.2.10\r\n"
                          "s=-\r\n"
                          "c=IN IP4 192.0.2.10\r\n"
                          "t=0 0\r\n"
                          "m=audio 40000 RTP/AVP 101 8 0\r\n"
                          "a=rtpmap:101 telephone-event/8000\r\n"
                          "a=sendrecv\r\n"
                          "m=video 40002 RTP/AVP 96\r\n"
                          "a=rtpmap:96 H264/90000\r\n";

} // namespace

class tst_PlaceholderSdp : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void offerCarriesOriginCodecsAndDirection() {
        const QByteArray o = PlaceholderSdp::offer(77, 3, u"sendonly"_s);
        QVERIFY(o.startsWith("v=0\r\no=- 77 3 IN IP4 127.0.0.1\r\n"));
        QVERIFY(o.contains("m=audio 9 RTP/AVP 0 8 9\r\n"));
        QVERIFY(o.contains("a=rtpmap:9 G722/8000\r\n"));
        QVERIFY(o.endsWith("a=sendonly\r\n"));
        QCOMPARE(PlaceholderSdp::origin(o), std::make_optional(std::make_pair(77ull, 3ull)));
        QCOMPARE(PlaceholderSdp::direction(o), u"sendonly"_s);
    }

    void answerPicksTheFirstCommonCodecAndRefusesOtherStreams() {
        QString why;
        const auto a = PlaceholderSdp::answer(kOffer, 5, 1, u"sendrecv"_s, &why);
        QVERIFY2(a, qPrintable(why));
        QVERIFY(a->contains("o=- 5 1 IN IP4"));
        QVERIFY(a->contains("m=audio 9 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\na=sendrecv\r\n"));
        QVERIFY(a->contains("m=video 0 RTP/AVP 96\r\n")); // refused, same order (RFC 3264 §6)
        QVERIFY(a->indexOf("m=audio") < a->indexOf("m=video"));
    }

    void answerDirectionMirrorsTheOfferWithinWhatWeWant_data() {
        QTest::addColumn<QString>("offered");
        QTest::addColumn<QString>("wanted");
        QTest::addColumn<QString>("answered");
        QTest::newRow("both ways") << u"sendrecv"_s << u"sendrecv"_s << u"sendrecv"_s;
        QTest::newRow("peer holds") << u"sendonly"_s << u"sendrecv"_s << u"recvonly"_s;
        QTest::newRow("peer only listens") << u"recvonly"_s << u"sendrecv"_s << u"sendonly"_s;
        QTest::newRow("we hold") << u"sendrecv"_s << u"sendonly"_s << u"sendonly"_s;
        QTest::newRow("both hold") << u"sendonly"_s << u"sendonly"_s << u"inactive"_s;
        QTest::newRow("no media engine") << u"sendrecv"_s << u"inactive"_s << u"inactive"_s;
    }
    void answerDirectionMirrorsTheOfferWithinWhatWeWant() {
        QFETCH(QString, offered);
        QFETCH(QString, wanted);
        QFETCH(QString, answered);
        QCOMPARE(PlaceholderSdp::answerDirection(offered, wanted), answered);
        QByteArray offer = kOffer;
        offer.replace("a=sendrecv", "a=" + offered.toUtf8());
        const auto a = PlaceholderSdp::answer(offer, 1, 1, wanted);
        QVERIFY(a);
        QCOMPARE(PlaceholderSdp::direction(*a), answered);
    }

    void directionReadsMediaThenSessionLevelAndLegacyHold() {
        QCOMPARE(PlaceholderSdp::direction("v=0\r\nm=audio 1 RTP/AVP 0\r\n"), u"sendrecv"_s);
        QCOMPARE(PlaceholderSdp::direction("v=0\r\na=inactive\r\nm=audio 1 RTP/AVP 0\r\n"),
                 u"inactive"_s);
        QCOMPARE(PlaceholderSdp::direction("v=0\r\na=inactive\r\nm=audio 1 RTP/AVP 0\r\n"
                                           "a=recvonly\r\n"),
                 u"recvonly"_s);
        QCOMPARE(PlaceholderSdp::direction("v=0\r\nc=IN IP4 0.0.0.0\r\nm=audio 1 RTP/AVP 0\r\n"),
                 u"sendonly"_s); // RFC 2543 hold
        QCOMPARE(PlaceholderSdp::direction("v=0\r\nm=video 1 RTP/AVP 96\r\n"), QString());
        QVERIFY(PlaceholderSdp::isHold(u"sendonly"_s));
        QVERIFY(PlaceholderSdp::isHold(u"inactive"_s));
        QVERIFY(!PlaceholderSdp::isHold(u"recvonly"_s));
        QCOMPARE(PlaceholderSdp::holdDirection(u"sendrecv"_s), u"sendonly"_s);
        QCOMPARE(PlaceholderSdp::holdDirection(u"recvonly"_s), u"inactive"_s);
        QCOMPARE(PlaceholderSdp::holdDirection(u"inactive"_s), u"inactive"_s);
    }

    void unusableOffersSayWhy_data() {
        QTest::addColumn<QByteArray>("offer");
        QTest::addColumn<QString>("why");
        QTest::newRow("webrtc") << QByteArray(kOffer).replace("RTP/AVP 101",
                                                              "UDP/TLS/RTP/SAVPF 101")
                                << u"encrypted media"_s;
        QTest::newRow("codec") << QByteArray(kOffer).replace("101 8 0", "101 18")
                               << u"no common audio codec"_s;
        QTest::newRow("port 0") << QByteArray(kOffer).replace("audio 40000", "audio 0")
                                << u"no audio stream"_s;
        QTest::newRow("garbage") << QByteArray("m=audio\r\n") << u"malformed"_s;
        QTest::newRow("empty") << QByteArray() << u"no audio stream"_s;
    }
    void unusableOffersSayWhy() {
        QFETCH(QByteArray, offer);
        QFETCH(QString, why);
        QString got;
        QVERIFY(!PlaceholderSdp::answer(offer, 1, 1, u"sendrecv"_s, &got));
        QVERIFY2(got.contains(why), qPrintable(got));
    }

    void originRejectsMalformedLines() {
        QCOMPARE(PlaceholderSdp::origin("v=0\r\no=- x 1 IN IP4 h\r\n"), std::nullopt);
        QCOMPARE(PlaceholderSdp::origin("v=0\r\n"), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(tst_PlaceholderSdp)
#include "tst_PlaceholderSdp.moc"
