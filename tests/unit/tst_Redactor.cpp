// services::Redactor: every secret form of the table is masked, everything else is kept.
#include "services/Redactor.h"

#include <QTest>

using services::Redactor;

class tst_Redactor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void redact_data();
    void redact();
    void redactIsIdempotent_data() { redact_data(); }
    void redactIsIdempotent();
    void redactUtf8();
};

void tst_Redactor::redact_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    auto row = [](const char* name, const char* in, const char* out) {
        QTest::newRow(name) << QString::fromUtf8(in) << QString::fromUtf8(out);
    };
    // JSON "key":"value"
    row("json sipPassword", R"({"sipLogin":"1000","sipPassword":"s3cret"})",
        R"({"sipLogin":"1000","sipPassword":"***"})");
    row("json password spaced", R"({"password" : "a b c"})", R"({"password" : "***"})");
    row("json authToken", R"(<<< {"message":"connect","data":[{"authToken":"tok-123"}]})",
        R"(<<< {"message":"connect","data":[{"authToken":"***"}]})");
    row("json escaped quote in value", R"({"password":"a\"b","x":1})",
        R"({"password":"***","x":1})");
    row("json truncated value", R"({"sipPassword":"abcdef)", R"({"sipPassword":"***)");
    row("json empty value", R"({"password":""})", R"({"password":"***"})");
    row("json number value", R"({"password":12345,"a":2})", R"({"password":"***","a":2})");
    row("json null kept", R"({"password":null})", R"({"password":null})");
    row("json key case", R"({"SIPPASSWORD":"x"})", R"({"SIPPASSWORD":"***"})");
    row("json two secrets", R"({"sipPassword":"p1","authToken":"t1"})",
        R"({"sipPassword":"***","authToken":"***"})");
    row("json escaped in string", R"({"raw":"{\"sipPassword\":\"p1\",\"a\":1}"})",
        R"({"raw":"{\"sipPassword\":\"***\",\"a\":1}"})");
    row("json other keys kept", R"({"sipLogin":"1000","passwordHint":"x","token":"y"})",
        R"({"sipLogin":"1000","passwordHint":"x","token":"y"})");
    // key=value
    row("kv password", "login=alice password=hunter2 next", "login=alice password=*** next");
    row("kv query string", "GET /?authToken=abc.def&x=1", "GET /?authToken=***&x=1");
    row("kv spaces and quotes", R"(sipPassword = "two words" done)", "sipPassword = *** done");
    row("kv single quotes", "password='x y'", "password=***");
    row("kv semicolon", "password=abc;user=bob", "password=***;user=bob");
    row("kv comma", "password=abc, user=bob", "password=***, user=bob");
    row("kv upper case", "PASSWORD=abc", "PASSWORD=***");
    // URL user-info
    row("url wss", "connecting to wss://alice:pa55@wcs.example.net:8443/ now",
        "connecting to wss://alice:***@wcs.example.net:8443/ now");
    row("url http", "http://u:p@h/path", "http://u:***@h/path");
    row("url no password kept", "wss://alice@wcs.example.net", "wss://alice@wcs.example.net");
    row("url no userinfo kept", "ws://127.0.0.1:8080/ws", "ws://127.0.0.1:8080/ws");
    row("sip uri", "To: <sip:alice:pa55@pbx.example.net>", "To: <sip:alice:***@pbx.example.net>");
    row("sip uri kept", "sip:alice@pbx.example.net:5060;transport=ws",
        "sip:alice@pbx.example.net:5060;transport=ws");
    row("email kept", "mail bob@example.com", "mail bob@example.com");
    // nothing secret
    row("empty", "", "");
    row("plain", "CallStatusEvent ESTABLISHED 2042", "CallStatusEvent ESTABLISHED 2042");
    row("word password alone", "password changed", "password changed");
}

void tst_Redactor::redact() {
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(Redactor::redact(input), expected);
}

void tst_Redactor::redactIsIdempotent() {
    QFETCH(QString, input);
    const QString once = Redactor::redact(input);
    QCOMPARE(Redactor::redact(once), once);
}

void tst_Redactor::redactUtf8() {
    const QByteArray in = R"({"name":"камера","sipPassword":"пароль"})";
    QCOMPARE(Redactor::redact(QByteArrayView(in)),
             QByteArray(R"({"name":"камера","sipPassword":"***"})"));
}

QTEST_APPLESS_MAIN(tst_Redactor)
#include "tst_Redactor.moc"
