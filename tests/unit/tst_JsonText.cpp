// core::JsonText: any JSON value to and from text, scalars included.
#include "core/JsonText.h"

#include <QJsonObject>
#include <QTest>

class tst_JsonText : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parse_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QByteArray>("canonical");
        QTest::newRow("object") << QByteArray(R"({"a":1})") << true << QByteArray(R"({"a":1})");
        QTest::newRow("array") << QByteArray("[1, 2]") << true << QByteArray("[1,2]");
        QTest::newRow("string") << QByteArray(R"("hi")") << true << QByteArray(R"("hi")");
        QTest::newRow("number") << QByteArray("42") << true << QByteArray("42");
        QTest::newRow("null") << QByteArray("null") << true << QByteArray("null");
        QTest::newRow("empty") << QByteArray("") << false << QByteArray();
        QTest::newRow("blank") << QByteArray("  ") << false << QByteArray();
        QTest::newRow("broken") << QByteArray(R"({"a":)") << false << QByteArray();
        QTest::newRow("two values") << QByteArray("1],[2") << false << QByteArray();
    }

    void parse() {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QFETCH(QByteArray, canonical);
        const auto value = core::JsonText::parse(text);
        QCOMPARE(value.has_value(), valid);
        if (valid) {
            QCOMPARE(core::JsonText::serialize(*value), canonical);
        }
    }

    void undefinedIsNull() {
        QCOMPARE(core::JsonText::serialize(QJsonValue(QJsonValue::Undefined)), QByteArray("null"));
    }
};

QTEST_GUILESS_MAIN(tst_JsonText)
#include "tst_JsonText.moc"
