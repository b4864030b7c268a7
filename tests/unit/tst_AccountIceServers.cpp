// ICE servers of an account profile (issue #7): the validation rows of stunServer / turnServer /
// turnUser, the URIs services::IceServerUris builds for webrtcbin and for RFC 7064/7065, the
// round trip through a QSettings ini file (the TURN password only in the keychain), the SIP
// mapping into sip::ConnectionParameters::iceServers, and that redactedJson() and
// services::Redactor hide the TURN password.

#include "services/AccountService.h"
#include "services/IceServerUris.h"
#include "services/Redactor.h"
#include "services/SipProfileMapper.h"
#include "support/FakeCredentialStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using services::AccountProfile;
using services::AccountService;
using services::IceServerUris;
using services::KeychainResult;
using Transport = AccountProfile::TurnTransport;

namespace {

const QString kTurnSecret = QStringLiteral("turn-canary-s3cret");

AccountProfile iceProfile() {
    AccountProfile p;
    p.name = QStringLiteral("Kamailio with TURN");
    p.backend = AccountProfile::Backend::SipWebSocket;
    p.serverUrl = QUrl(QStringLiteral("wss://sip.example.net:7443/ws"));
    p.sipLogin = QStringLiteral("alice");
    p.sipDomain = QStringLiteral("example.net");
    p.stunServer = QStringLiteral("stun.example.net");
    p.turnServer = QStringLiteral("turn.example.net:3479");
    p.turnTransport = Transport::Tcp;
    p.turnUser = QStringLiteral("alice@turn");
    return p;
}

QString readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class tst_AccountIceServers : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void validation_data() {
        QTest::addColumn<QString>("stun");
        QTest::addColumn<QString>("turn");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QStringList>("errors"); // fields, in order
        const QStringList none;
        QTest::newRow("none") << QString() << QString() << QString() << none;
        QTest::newRow("stun host") << u"stun.example.net"_qs << QString() << QString() << none;
        QTest::newRow("stun host:port") << u"192.0.2.1:19302"_qs << QString() << QString() << none;
        QTest::newRow("stun [v6]:port")
            << u"[2001:db8::1]:3478"_qs << QString() << QString() << none;
        QTest::newRow("stun [v6]") << u"[::1]"_qs << QString() << QString() << none;
        QTest::newRow("stun v6 without brackets")
            << u"2001:db8::1"_qs << QString() << QString() << QStringList{u"stunServer"_qs};
        QTest::newRow("stun uri") << u"stun:stun.example.net:3478"_qs << QString() << QString()
                                  << QStringList{u"stunServer"_qs};
        QTest::newRow("stun host called stun") << u"stun:3478"_qs << QString() << QString() << none;
        QTest::newRow("stun port 0")
            << u"stun.example.net:0"_qs << QString() << QString() << QStringList{u"stunServer"_qs};
        QTest::newRow("stun port 65536")
            << u"h:65536"_qs << QString() << QString() << QStringList{u"stunServer"_qs};
        QTest::newRow("stun port text")
            << u"h:abc"_qs << QString() << QString() << QStringList{u"stunServer"_qs};
        QTest::newRow("stun empty port")
            << u"h:"_qs << QString() << QString() << QStringList{u"stunServer"_qs};
        QTest::newRow("stun space in host")
            << u"my host"_qs << QString() << QString() << QStringList{u"stunServer"_qs};
        QTest::newRow("turn with user") << QString() << u"turn.example.net"_qs << u"bob"_qs << none;
        QTest::newRow("turn without user")
            << QString() << u"turn.example.net"_qs << QString() << QStringList{u"turnUser"_qs};
        QTest::newRow("turn user with spaces")
            << QString() << u"t:3478"_qs << u" bob"_qs << QStringList{u"turnUser"_qs};
        QTest::newRow("turn uri with credentials")
            << QString() << u"turn://bob:pw@turn.example.net"_qs << u"bob"_qs
            << QStringList{u"turnServer"_qs};
        QTest::newRow("turns uri") << QString() << u"turns:turn.example.net:5349"_qs << u"bob"_qs
                                   << QStringList{u"turnServer"_qs};
        QTest::newRow("user without turn server is ignored")
            << QString() << QString() << u"bob"_qs << none;
        QTest::newRow("both wrong")
            << u"stun://x"_qs << u"x:99999"_qs << QString()
            << QStringList{u"stunServer"_qs, u"turnServer"_qs, u"turnUser"_qs};
    }
    void validation() {
        QFETCH(QString, stun);
        QFETCH(QString, turn);
        QFETCH(QString, user);
        QFETCH(QStringList, errors);
        AccountProfile p = iceProfile();
        p.stunServer = stun;
        p.turnServer = turn;
        p.turnUser = user;
        QStringList fields;
        for (const services::AccountFieldError& e : AccountService::validate(p)) {
            fields.append(e.field);
            QVERIFY(!e.message.isEmpty());
        }
        QCOMPARE(fields, errors);
    }

    void uris_data() {
        QTest::addColumn<QString>("stun");
        QTest::addColumn<QString>("turn");
        QTest::addColumn<int>("transport");
        QTest::addColumn<QString>("webrtcbinStun");
        QTest::addColumn<QString>("webrtcbinTurn");
        QTest::addColumn<QString>("stunUrl");
        QTest::addColumn<QString>("turnUrl");
        QTest::newRow("defaults udp")
            << u"stun.example.net"_qs << u"turn.example.net"_qs << int(Transport::Udp)
            << u"stun://stun.example.net:3478"_qs
            << u"turn://u%40x:p%3Aw%20d@turn.example.net:3478?transport=udp"_qs
            << u"stun:stun.example.net:3478"_qs << u"turn:turn.example.net:3478?transport=udp"_qs;
        QTest::newRow("tcp with port")
            << u" 10.0.0.1:19302 "_qs << u"10.0.0.2:443"_qs << int(Transport::Tcp)
            << u"stun://10.0.0.1:19302"_qs
            << u"turn://u%40x:p%3Aw%20d@10.0.0.2:443?transport=tcp"_qs << u"stun:10.0.0.1:19302"_qs
            << u"turn:10.0.0.2:443?transport=tcp"_qs;
        QTest::newRow("tls default port, v6")
            << u"[::1]"_qs << u"[2001:db8::2]"_qs << int(Transport::Tls) << u"stun://[::1]:3478"_qs
            << u"turns://u%40x:p%3Aw%20d@[2001:db8::2]:5349"_qs << u"stun:[::1]:3478"_qs
            << u"turns:[2001:db8::2]:5349?transport=tcp"_qs;
        QTest::newRow("none") << QString() << QString() << int(Transport::Udp) << QString()
                              << QString() << QString() << QString();
    }
    void uris() {
        QFETCH(QString, stun);
        QFETCH(QString, turn);
        QFETCH(int, transport);
        AccountProfile p;
        p.stunServer = stun;
        p.turnServer = turn;
        p.turnTransport = static_cast<Transport>(transport);
        p.turnUser = u"u@x"_qs;
        QTEST(IceServerUris::webrtcbinStun(p), "webrtcbinStun");
        QTEST(IceServerUris::webrtcbinTurn(p, u"p:w d"_qs), "webrtcbinTurn");
        QTEST(IceServerUris::stunUrl(p), "stunUrl");
        QTEST(IceServerUris::turnUrl(p), "turnUrl");
        p.turnUser.clear(); // TURN needs a long-term credential (RFC 8656 §9.2)
        QCOMPARE(IceServerUris::webrtcbinTurn(p, u"pw"_qs), QString());
    }

    void roundTripWithoutTurnPasswordInIni() {
        QTemporaryDir dir;
        QSettings ini(dir.filePath(u"callboard.ini"_qs), QSettings::IniFormat);
        support::FakeCredentialStore store;
        AccountService accounts(ini, store);
        const auto r = accounts.add(iceProfile());
        QVERIFY(r.ok());
        bool stored = false;
        accounts.storeTurnPassword(r.id, kTurnSecret,
                                   [&](const KeychainResult<void>& k) { stored = k.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(stored, 5000);
        QCOMPARE(AccountService::turnCredentialKey(r.id), u"turn/"_qs + r.id);
        QCOMPARE(store.entries.value(AccountService::turnCredentialKey(r.id)), kTurnSecret);

        ini.sync();
        const QString text = readAll(ini.fileName());
        QVERIFY(text.contains(u"turnServer=turn.example.net:3479"_qs));
        QVERIFY(text.contains(u"turnTransport=tcp"_qs));
        QVERIFY(!text.contains(kTurnSecret));
        QVERIFY(!text.contains(u"assword"_qs, Qt::CaseInsensitive));

        QSettings reopened(ini.fileName(), QSettings::IniFormat);
        AccountService again(reopened, store);
        AccountProfile expected = iceProfile();
        expected.id = r.id;
        QCOMPARE(again.profile(r.id), std::optional(expected));
        std::optional<KeychainResult<QString>> loaded;
        again.loadTurnPassword(r.id, [&](const KeychainResult<QString>& k) { loaded = k; });
        QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 5000);
        QVERIFY(loaded->ok());
        QCOMPARE(loaded->value(), kTurnSecret);

        // Removing the profile deletes the TURN entry too.
        QVERIFY(again.remove(r.id));
        QTRY_VERIFY_WITH_TIMEOUT(!store.entries.contains(AccountService::turnCredentialKey(r.id)),
                                 5000);
    }

    void transportWire() {
        for (const Transport t : {Transport::Udp, Transport::Tcp, Transport::Tls})
            QCOMPARE(AccountProfile::turnTransportFromWire(AccountProfile::toWire(t)), t);
        QCOMPARE(AccountProfile::turnTransportFromWire(u"sctp"_qs), Transport::Udp);
    }

    void sipParametersCarryIceServersRedacted() {
        const sip::ConnectionParameters params =
            services::SipProfileMapper::parameters(iceProfile(), u"sip-pw"_qs, kTurnSecret);
        QCOMPARE(params.iceServers.size(), 2);
        QCOMPARE(params.iceServers.at(0).urls, QStringList{u"stun:stun.example.net:3478"_qs});
        QVERIFY(!params.iceServers.at(0).username && !params.iceServers.at(0).credential);
        QCOMPARE(params.iceServers.at(1).urls,
                 QStringList{u"turn:turn.example.net:3479?transport=tcp"_qs});
        QCOMPARE(params.iceServers.at(1).username, std::optional(u"alice@turn"_qs));
        QCOMPARE(params.iceServers.at(1).credential, std::optional(kTurnSecret));

        const QJsonObject json = params.toJson();
        QCOMPARE(json.value(u"iceServers"_qs).toArray().at(1).toObject().value(u"credential"_qs),
                 QJsonValue(kTurnSecret)); // parity with sip-connector (spec §3.4)
        const QJsonObject safe = sip::ConnectionParameters::redactedJson(json);
        const QByteArray text = QJsonDocument(safe).toJson(QJsonDocument::Compact);
        QVERIFY2(!text.contains(kTurnSecret.toUtf8()), text.constData());
        QVERIFY(!text.contains("sip-pw"));
        QVERIFY(text.contains("turn:turn.example.net:3479?transport=tcp"));
        QVERIFY(text.contains("\"username\":\"alice@turn\""));

        // Without the TURN password the entry has no credential at all.
        const auto noSecret = services::SipProfileMapper::parameters(iceProfile(), u"x"_qs);
        QVERIFY(!noSecret.iceServers.at(1).credential);
        // A profile without ICE servers sends an empty list (spec §3.1: required, may be []).
        AccountProfile plain = iceProfile();
        plain.stunServer.clear();
        plain.turnServer.clear();
        QVERIFY(services::SipProfileMapper::parameters(plain, u"x"_qs).iceServers.isEmpty());
    }

    void redactorHidesTurnPassword_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("json credential")
            << u"{\"urls\":[\"turn:h:3478\"],\"username\":\"u\",\"credential\":\"%1\"}"_qs;
        QTest::newRow("escaped json credential") << u"{\\\"credential\\\":\\\"%1\\\"}"_qs;
        QTest::newRow("webrtcbin uri") << u"adding turn://alice:%1@127.0.0.1:3478"_qs;
        QTest::newRow("turns uri") << u"turns://alice:%1@turn.example.net:5349"_qs;
        QTest::newRow("key=value") << u"turnCredential=%1 next"_qs;
    }
    void redactorHidesTurnPassword() {
        QFETCH(QString, text);
        const QString line = text.arg(kTurnSecret);
        const QString out = services::Redactor::redact(line);
        QVERIFY2(!out.contains(kTurnSecret), qPrintable(out));
        QVERIFY2(out.contains(services::Redactor::mask()), qPrintable(out));
        // "credentials" (a plain word) is not a key.
        QCOMPARE(services::Redactor::redact(u"no credentials=given here"_qs),
                 u"no credentials=given here"_qs);
    }
};

QTEST_GUILESS_MAIN(tst_AccountIceServers)
#include "tst_AccountIceServers.moc"
