// Replays every file of tests/fuzz/regressions/ (crash reproducers found by fuzz_codec_decode
// and hand-picked hostile inputs) through wcs::Codec::decode and wcs::Codec::redact, checking
// the same invariants as the fuzzer. A fuzz finding stays fixed without needing clang.

#include "wcs/Codec.h"

#include <QDir>
#include <QFile>
#include <QStringDecoder>
#include <QTest>

#include <variant>

using namespace Qt::StringLiterals;
using wcs::Codec;

namespace {

QString regressionsDir() {
    const QByteArray source = qgetenv("CALLBOARD_SOURCE_DIR");
    if (!source.isEmpty()) {
        return QString::fromLocal8Bit(source) + u"/tests/fuzz/regressions"_s;
    }
    return QStringLiteral(QT_TESTCASE_SOURCEDIR "/../fuzz/regressions");
}

} // namespace

class tst_CodecCorpus : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void regression_data();
    void regression();
};

void tst_CodecCorpus::regression_data() {
    QTest::addColumn<QString>("path");
    const QDir dir(regressionsDir());
    QVERIFY2(dir.exists(), qPrintable(dir.path()));
    const QStringList files = dir.entryList(QDir::Files, QDir::Name);
    int rows = 0;
    for (const QString& name : files) {
        if (name.startsWith(u"README"_s)) {
            continue;
        }
        QTest::newRow(qPrintable(name)) << dir.filePath(name);
        ++rows;
    }
    QVERIFY2(rows > 0, "tests/fuzz/regressions/ holds no inputs");
}

void tst_CodecCorpus::regression() {
    QFETCH(QString, path);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray frame = f.readAll();

    const wcs::Decoded d = Codec::decode(frame);
    if (const auto* e = std::get_if<wcs::DecodeError>(&d)) {
        QVERIFY(!e->reason.isEmpty());
        QCOMPARE(e->size, frame.size());
        QVERIFY(e->raw.size() <= Codec::kMaxRawKept);
        QCOMPARE(e->raw, frame.left(e->raw.size()));
    } else {
        QVERIFY(std::holds_alternative<wcs::ServerMessage>(d));
    }

    const QByteArray redacted = Codec::redact(frame);
    for (const char* secret :
         {"\"sipPassword\":\"s3cr3t", "\"authToken\":\"s3cr3t", "\"password\":\"s3cr3t"}) {
        QVERIFY2(!redacted.contains(secret), secret); // the regression inputs use "s3cr3t"
    }

    // the round trip the fuzzer checks: the text as a callId survives encode -> decode
    QStringDecoder exact(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    const QString callId = frame.size() < 4096 ? exact.decode(frame) : QString();
    if (!callId.isEmpty()) {
        const wcs::Decoded back = Codec::decode(Codec::hold(callId));
        const auto* m = std::get_if<wcs::ServerMessage>(&back);
        QVERIFY(m);
        const auto* c = std::get_if<core::CallStatusEvent>(m);
        QVERIFY(c);
        QCOMPARE(c->callId, callId);
    }
}

QTEST_APPLESS_MAIN(tst_CodecCorpus)
#include "tst_CodecCorpus.moc"
