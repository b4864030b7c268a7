// services::ServerMonitorSettings: defaults, round trip through the settings file, change
// signal, validation, conversion to HookServer/RestApiClient options, and secrets kept in the
// keychain (a fake CredentialStore) and never in the settings file.
#include "support/FakeCredentialStore.h"

#include "services/ServerMonitorSettings.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using services::ServerMonitorConfig;
using services::ServerMonitorSettings;
using services::ServerNodeConfig;

namespace {

ServerMonitorConfig sample() {
    ServerMonitorConfig c;
    c.hookServerEnabled = true;
    c.hookAddress = u"0.0.0.0"_s;
    c.hookPort = 19091;
    c.hookPathPrefix = u"/rest/other"_s;
    c.hookMaxBodyBytes = 4096;
    c.hookAllowList = {u"10.0.0.0/8"_s, u"192.168.1.7"_s};
    c.verifySignature = true;
    c.staleMultiple = 5;
    c.keepAliveIntervalMs = 2000;
    hooks::RestMethodConfig m;
    m.restOnError = hooks::RestMethodConfig::OnError::Fail;
    m.restExclude = u"sdp"_s;
    c.restClientConfig.set(u"StreamStatusEvent"_s, m);
    c.nodes.append({u"wcs-1"_s, u"Main"_s, QUrl(u"http://wcs1:8081/rest-api"_s), u"admin"_s, 3000});
    c.nodes.append({u"wcs-2"_s, {}, QUrl(u"https://wcs2:8444/rest-api"_s), {}, 10000});
    return c;
}

} // namespace

class tst_ServerMonitorSettings : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_round = 0;
    QString m_path;

private Q_SLOTS:
    void init() { m_path = m_dir.filePath(u"s-%1.ini"_s.arg(++m_round)); }

    void defaults() {
        QSettings file(m_path, QSettings::IniFormat);
        support::FakeCredentialStore keychain;
        const ServerMonitorSettings settings(file, keychain);
        const ServerMonitorConfig c = settings.config();
        QCOMPARE(c.hookServerEnabled, false);
        QCOMPARE(c.hookAddress, u"127.0.0.1"_s);
        QCOMPARE(c.hookPort, 9091);
        QCOMPARE(c.hookPathPrefix, u"/rest/my_api"_s);
        QCOMPARE(c.staleMultiple, 3);
        QVERIFY(c.nodes.isEmpty());
        QVERIFY(c.restClientConfig.isEmpty());
        QVERIFY(ServerMonitorSettings::validate(c).isEmpty());
        const hooks::HookServerOptions o = ServerMonitorSettings::hookServerOptions(c);
        QCOMPARE(o.address, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(o.port, quint16(9091));
    }

    void roundTripAcrossInstances() {
        const ServerMonitorConfig c = sample();
        {
            QSettings file(m_path, QSettings::IniFormat);
            support::FakeCredentialStore keychain;
            ServerMonitorSettings settings(file, keychain);
            QSignalSpy changed(&settings, &ServerMonitorSettings::changed);
            settings.setConfig(c);
            QCOMPARE(changed.size(), 1);
            settings.setConfig(c); // same value: no signal
            QCOMPARE(changed.size(), 1);
        }
        QSettings file(m_path, QSettings::IniFormat);
        support::FakeCredentialStore keychain;
        const ServerMonitorSettings settings(file, keychain);
        const ServerMonitorConfig back = settings.config();
        QCOMPARE(back.nodes.size(), 2);
        QCOMPARE(back.nodes.at(0).baseUrl, QUrl(u"http://wcs1:8081/rest-api"_s));
        QCOMPARE(back.nodes.at(1).displayName(), u"wcs-2"_s);
        QCOMPARE(back.restClientConfig.method(u"StreamStatusEvent"_s).restOnError,
                 hooks::RestMethodConfig::OnError::Fail);
        QVERIFY(back == c);
        // Fewer nodes later: the array shrinks, nothing stale is left behind.
        ServerMonitorConfig fewer = c;
        fewer.nodes.removeLast();
        ServerMonitorSettings writer(file, keychain);
        writer.setConfig(fewer);
        QCOMPARE(writer.config().nodes.size(), 1);
    }

    void options() {
        const ServerMonitorConfig c = sample();
        const hooks::HookServerOptions o = ServerMonitorSettings::hookServerOptions(c);
        QCOMPARE(o.address, QHostAddress(QHostAddress::AnyIPv4));
        QCOMPARE(o.port, quint16(19091));
        QCOMPARE(o.pathPrefix, u"/rest/other"_s);
        QCOMPARE(o.maxBodyBytes, qint64(4096));
        QCOMPARE(o.allowList.size(), 2);
        QCOMPARE(o.allowList.at(1).second, 32);
        const hooks::RestApiNodeOptions n = ServerMonitorSettings::nodeOptions(c.nodes.at(0));
        QCOMPARE(n.nodeId, u"wcs-1"_s);
        QCOMPARE(n.user, u"admin"_s);
        QCOMPARE(n.pollIntervalMs, 3000);
        QCOMPARE(n.timeoutMs, 3000);
    }

    void validate_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("address") << u"address"_s << u"localhost-ish"_s;
        QTest::newRow("port") << u"port"_s << u"70000"_s;
        QTest::newRow("prefix") << u"prefix"_s << u"rest"_s;
        QTest::newRow("allow") << u"allow"_s << u"10.0.0.0/99"_s;
        QTest::newRow("node id") << u"nodeId"_s << u""_s;
        QTest::newRow("duplicate id") << u"nodeId"_s << u"wcs-2"_s;
        QTest::newRow("url scheme") << u"url"_s << u"ws://wcs:8080"_s;
        QTest::newRow("poll") << u"poll"_s << u"100"_s;
    }
    void validate() {
        QFETCH(QString, field);
        QFETCH(QString, value);
        ServerMonitorConfig c = sample();
        QVERIFY(ServerMonitorSettings::validate(c).isEmpty());
        if (field == u"address") {
            c.hookAddress = value;
        } else if (field == u"port") {
            c.hookPort = value.toInt();
        } else if (field == u"prefix") {
            c.hookPathPrefix = value;
        } else if (field == u"allow") {
            c.hookAllowList.append(value);
        } else if (field == u"nodeId") {
            c.nodes[0].id = value;
        } else if (field == u"url") {
            c.nodes[0].baseUrl = QUrl(value);
        } else if (field == u"poll") {
            c.nodes[0].pollIntervalMs = value.toInt();
        }
        QCOMPARE(ServerMonitorSettings::validate(c).size(), 1);
    }

    void secretsGoToTheKeychainOnly() {
        QSettings file(m_path, QSettings::IniFormat);
        support::FakeCredentialStore keychain;
        ServerMonitorSettings settings(file, keychain);
        settings.setConfig(sample());
        int done = 0;
        settings.writeSecret(ServerMonitorSettings::hookSecretKey(), u"hmac-s3cret"_s,
                             [&](const services::KeychainResult<void>& r) { done += r.ok(); });
        settings.writeSecret(ServerMonitorSettings::nodePasswordKey(u"wcs-1"_s), u"rest-pw"_s,
                             [&](const services::KeychainResult<void>& r) { done += r.ok(); });
        QTRY_COMPARE(done, 2);
        QCOMPARE(keychain.entries.value(u"hooks/secret"_s), u"hmac-s3cret"_s);
        QCOMPARE(keychain.entries.value(u"restapi/wcs-1"_s), u"rest-pw"_s);
        QString read;
        settings.readSecret(u"restapi/wcs-1"_s, [&](const services::KeychainResult<QString>& r) {
            read = r.ok() ? r.value() : QString();
        });
        QTRY_COMPARE(read, u"rest-pw"_s);
        file.sync();
        QFile raw(m_path);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray text = raw.readAll();
        QVERIFY(text.contains("wcs1:8081")); // the file was written
        QVERIFY(!text.contains("hmac-s3cret"));
        QVERIFY(!text.contains("rest-pw"));
        // An empty secret deletes the entry.
        settings.writeSecret(ServerMonitorSettings::hookSecretKey(), {},
                             [&](const services::KeychainResult<void>& r) { done += r.ok(); });
        QTRY_COMPARE(done, 3);
        QVERIFY(!keychain.entries.contains(u"hooks/secret"_s));
        QCOMPARE(keychain.deleted, QStringList{u"hooks/secret"_s});
    }
};

QTEST_GUILESS_MAIN(tst_ServerMonitorSettings)
#include "tst_ServerMonitorSettings.moc"
