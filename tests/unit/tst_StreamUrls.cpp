// services::StreamUrls: HLS and record download addresses from an account's WebSocket URL
// (spec §5.2 record, §14.2 HLS), every scheme, odd names and invalid input.
#include "services/StreamUrls.h"

#include <QTest>

using services::StreamUrls;
using namespace Qt::Literals::StringLiterals;

class tst_StreamUrls : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hls_data() {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ws default port")
            << u"ws://wcs.example.net:8080"_s << u"lobby-cam"_s
            << u"http://wcs.example.net:8082/lobby-cam/lobby-cam.m3u8"_s;
        QTest::newRow("wss") << u"wss://wcs.example.net:8443/"_s << u"cam1"_s
                             << u"https://wcs.example.net:8445/cam1/cam1.m3u8"_s;
        QTest::newRow("odd port kept host")
            << u"ws://127.0.0.1:40123"_s << u"a"_s << u"http://127.0.0.1:8082/a/a.m3u8"_s;
        QTest::newRow("no port") << u"wss://h.example"_s << u"x"_s
                                 << u"https://h.example:8445/x/x.m3u8"_s;
        QTest::newRow("space encoded")
            << u"ws://h:8080"_s << u"my cam"_s << u"http://h:8082/my%20cam/my%20cam.m3u8"_s;
        QTest::newRow("unicode encoded") << u"ws://h:8080"_s << u"\u043a\u0430\u043c"_s
                                         << u"http://h:8082/%D0%BA%D0%B0%D0%BC/"
                                            "%D0%BA%D0%B0%D0%BC.m3u8"_s;
        QTest::newRow("user info dropped")
            << u"ws://bob:secret@h:8080"_s << u"c"_s << u"http://h:8082/c/c.m3u8"_s;
        QTest::newRow("empty name") << u"ws://h:8080"_s << QString() << QString();
        QTest::newRow("blank name") << u"ws://h:8080"_s << u"  "_s << QString();
        QTest::newRow("bad scheme") << u"ftp://h"_s << u"c"_s << QString();
        QTest::newRow("no host") << u"ws://"_s << u"c"_s << QString();
        QTest::newRow("empty url") << QString() << u"c"_s << QString();
    }
    void hls() {
        QFETCH(QString, server);
        QFETCH(QString, name);
        QFETCH(QString, expected);
        QCOMPARE(StreamUrls::hls(QUrl(server), name).toString(QUrl::FullyEncoded), expected);
    }

    void record_data() {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("recordName");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ws") << u"ws://wcs.example.net:8080"_s << u"cam-1700000000000.mp4"_s
                            << u"http://wcs.example.net:8081/client/records/"
                               "cam-1700000000000.mp4"_s;
        QTest::newRow("wss") << u"wss://wcs.example.net:8443"_s << u"a.mp4"_s
                             << u"https://wcs.example.net:8444/client/records/a.mp4"_s;
        QTest::newRow("slash encoded")
            << u"ws://h:8080"_s << u"../a.mp4"_s << u"http://h:8081/client/records/..%2Fa.mp4"_s;
        QTest::newRow("empty") << u"ws://h:8080"_s << QString() << QString();
        QTest::newRow("invalid server") << u"nonsense"_s << u"a.mp4"_s << QString();
    }
    void record() {
        QFETCH(QString, server);
        QFETCH(QString, recordName);
        QFETCH(QString, expected);
        QCOMPARE(StreamUrls::record(QUrl(server), recordName).toString(QUrl::FullyEncoded),
                 expected);
    }
};

QTEST_GUILESS_MAIN(tst_StreamUrls)
#include "tst_StreamUrls.moc"
