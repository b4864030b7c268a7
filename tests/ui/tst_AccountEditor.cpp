// ui::AccountEditor and ui::AccountsDialog: validator errors land under the right field,
// backend-specific fields hide, the password goes to the keychain (never to the settings
// file) or, when secure storage is unavailable, only to the session's memory by explicit
// choice; duplicate and connect failures in the accounts list.
#include "support/FakeClock.h"
#include "support/FakeCredentialStore.h"

#include "services/AccountConnector.h"
#include "services/AccountService.h"
#include "services/CallService.h"
#include "services/SessionMonitor.h"
#include "services/SessionPasswordCache.h"
#include "services/StreamMonitor.h"
#include "ui/dialogs/AccountEditor.h"
#include "ui/dialogs/AccountsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using services::AccountProfile;

namespace {

/// A keychain that is not there at all: every operation fails with NoSecretService.
class NoKeychain : public services::CredentialStore {
public:
    int writes = 0;
    static services::KeychainError error() {
        return {services::KeychainError::Kind::NoSecretService,
                u"No secret service (keychain) is available: test bus"_s};
    }
    void readPassword(const QString&, ReadCallback cb) override {
        later([cb] { cb(error()); });
    }
    void writePassword(const QString&, const QString&, DoneCallback cb) override {
        ++writes;
        later([cb] { cb(error()); });
    }
    void deletePassword(const QString&, DoneCallback cb) override {
        later([cb] { cb(error()); });
    }
    void checkAvailability(DoneCallback cb) override {
        later([this, cb] {
            noteOutcome(error());
            cb(error());
        });
    }

private:
    void later(std::function<void()> f) {
        QMetaObject::invokeMethod(this, std::move(f), Qt::QueuedConnection);
    }
};

AccountProfile validWcs() {
    AccountProfile p;
    p.name = u"Office"_s;
    p.serverUrl = QUrl(u"wss://wcs.example.net:8443"_s);
    p.sipLogin = u"1001"_s;
    p.sipDomain = u"pbx.example.net"_s;
    return p;
}

void setText(QWidget* w, const QString& text) {
    if (auto* line = qobject_cast<QLineEdit*>(w)) {
        line->setText(text);
    } else if (auto* plain = qobject_cast<QPlainTextEdit*>(w)) {
        plain->setPlainText(text);
    } else if (auto* spin = qobject_cast<QSpinBox*>(w)) {
        spin->setValue(text.toInt());
    } else if (auto* combo = qobject_cast<QComboBox*>(w)) {
        combo->setCurrentIndex(text.toInt());
    }
}

} // namespace

class tst_AccountEditor : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir;
    std::unique_ptr<QSettings> file;
    support::FakeCredentialStore keychain;
    services::SessionPasswordCache typed;
    std::unique_ptr<services::AccountService> accounts;

    std::unique_ptr<ui::AccountEditor> editor(const std::optional<AccountProfile>& p,
                                              services::CredentialStore* store = nullptr) {
        return std::make_unique<ui::AccountEditor>(*accounts, store ? *store : keychain, typed, p);
    }

private Q_SLOTS:
    void init() {
        file = std::make_unique<QSettings>(dir.filePath(u"a.ini"_s), QSettings::IniFormat);
        file->clear();
        keychain.entries.clear();
        typed.clearAll();
        accounts = std::make_unique<services::AccountService>(*file, keychain);
    }
    void cleanup() {
        accounts.reset();
        file.reset();
    }

    void errorsGoUnderTheirField_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("blank name") << u"name"_s << u"  "_s;
        QTest::newRow("http url") << u"serverUrl"_s << u"http://wcs.example.net"_s;
        QTest::newRow("no app key") << u"appKey"_s << QString();
        QTest::newRow("custom not an object") << u"customJson"_s << u"[1, 2]"_s;
        QTest::newRow("max below min") << u"reconnectMaxMs"_s << u"10"_s;
        QTest::newRow("bad pin") << u"tlsPinnedSha256"_s << u"xyz"_s;
        QTest::newRow("missing CA file") << u"tlsCaFile"_s << u"/nonexistent/ca.pem"_s;
        QTest::newRow("STUN uri") << u"stunServer"_s << u"stun://stun.example.net"_s;
    }
    void errorsGoUnderTheirField() {
        QFETCH(QString, field);
        QFETCH(QString, value);
        auto e = editor(validWcs());
        QVERIFY(e->field(field));
        setText(e->field(field), value);
        QVERIFY(!e->save());
        QVERIFY(accounts->profiles().isEmpty()); // nothing stored
        for (const QString& name : {u"name"_s, u"serverUrl"_s, u"appKey"_s, u"customJson"_s,
                                    u"reconnectMaxMs"_s, u"tlsPinnedSha256"_s, u"tlsCaFile"_s,
                                    u"sipLogin"_s, u"sipDomain"_s, u"stunServer"_s}) {
            QLabel* label = e->errorLabel(name);
            QVERIFY(label);
            QCOMPARE(label->isVisibleTo(e.get()), name == field);
            QCOMPARE(label->text().isEmpty(), name != field);
            QCOMPARE(e->field(name)->accessibleDescription(), label->text());
        }
        // Fixing the field clears the mark and saves.
        const AccountProfile good = validWcs();
        setText(e->field(u"name"_s), good.name);
        setText(e->field(u"serverUrl"_s), good.serverUrl.toString());
        setText(e->field(u"appKey"_s), good.appKey);
        setText(e->field(u"customJson"_s), QString());
        setText(e->field(u"reconnectMaxMs"_s), QString::number(good.reconnectMaxMs));
        setText(e->field(u"tlsPinnedSha256"_s), QString());
        setText(e->field(u"tlsCaFile"_s), QString());
        setText(e->field(u"stunServer"_s), QString());
        QVERIFY(e->save());
        QVERIFY(!e->errorLabel(field)->isVisibleTo(e.get()));
        QCOMPARE(accounts->profiles().size(), 1);
    }

    void sipProfileNeedsLoginAndDomain() {
        auto e = editor(std::nullopt);
        setText(e->field(u"name"_s), u"Kamailio"_s);
        setText(e->field(u"serverUrl"_s), u"wss://sip.example.net:8443"_s);
        setText(e->field(u"backend"_s), u"1"_s); // SIP over WebSocket
        QVERIFY(!e->save());
        QVERIFY(e->errorLabel(u"sipLogin"_s)->isVisibleTo(e.get()));
        QVERIFY(e->errorLabel(u"sipDomain"_s)->isVisibleTo(e.get()));
        QVERIFY(!e->errorLabel(u"serverUrl"_s)->isVisibleTo(e.get()));
    }

    void backendSpecificFieldsHide_data() {
        QTest::addColumn<int>("backend");
        QTest::addColumn<bool>("wcsFieldsShown");
        QTest::newRow("WCS") << static_cast<int>(AccountProfile::Backend::Wcs) << true;
        QTest::newRow("SIP over WebSocket")
            << static_cast<int>(AccountProfile::Backend::SipWebSocket) << false;
    }
    void backendSpecificFieldsHide() {
        QFETCH(int, backend);
        QFETCH(bool, wcsFieldsShown);
        AccountProfile p = validWcs();
        p.backend = AccountProfile::Backend::Wcs;
        auto e = editor(p);
        auto* combo = qobject_cast<QComboBox*>(e->field(u"backend"_s));
        combo->setCurrentIndex(combo->findData(backend));
        for (const QString& wcsOnly : {u"appKey"_s, u"customJson"_s, u"keepAlive"_s}) {
            QCOMPARE(e->isFieldShown(wcsOnly), wcsFieldsShown);
        }
        for (const QString& both : {u"serverUrl"_s, u"sipLogin"_s, u"sipDomain"_s, u"sipPort"_s,
                                    u"registerRequired"_s, u"watchdogMs"_s}) {
            QVERIFY2(e->isFieldShown(both), qPrintable(both));
        }
        QVERIFY(e->save());
        QCOMPARE(static_cast<int>(accounts->profiles().value(0).backend), backend);
    }

    void passwordGoesToTheKeychainOnly() {
        auto e = editor(std::nullopt);
        QTRY_VERIFY(e->keychainChoice()->isEnabled());
        QVERIFY(e->keychainChoice()->isChecked());
        const AccountProfile p = validWcs();
        setText(e->field(u"name"_s), p.name);
        setText(e->field(u"serverUrl"_s), p.serverUrl.toString());
        setText(e->field(u"sipLogin"_s), p.sipLogin);
        e->passwordEdit()->setText(u"s3cret-pw"_s);
        QSignalSpy finished(e.get(), &QDialog::finished);
        QVERIFY(e->save());
        QTRY_COMPARE(finished.size(), 1);
        const QString id = accounts->profiles().value(0).id;
        QCOMPARE(keychain.entries.value(services::AccountService::credentialKey(id)),
                 u"s3cret-pw"_s);
        QVERIFY(!typed.contains(id));
        file->sync();
        QFile ini(file->fileName());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray stored = ini.readAll();
        QVERIFY(stored.contains("1001"));
        QVERIFY(!stored.contains("s3cret-pw"));
    }

    /// The Media tab: ICE servers in the profile, the TURN password in the keychain only.
    void iceServersAndTurnPassword() {
        auto e = editor(std::nullopt);
        QTRY_VERIFY(e->keychainChoice()->isEnabled());
        const AccountProfile p = validWcs();
        setText(e->field(u"name"_s), p.name);
        setText(e->field(u"serverUrl"_s), p.serverUrl.toString());
        setText(e->field(u"stunServer"_s), u"stun.example.net:19302"_s);
        setText(e->field(u"turnServer"_s), u"turn.example.net"_s);
        QVERIFY(!e->save()); // a TURN server needs a user
        QVERIFY(e->errorLabel(u"turnUser"_s)->isVisibleTo(e.get()));
        auto* transport = qobject_cast<QComboBox*>(e->field(u"turnTransport"_s));
        QVERIFY(transport);
        transport->setCurrentIndex(transport->findData(int(AccountProfile::TurnTransport::Tls)));
        setText(e->field(u"turnUser"_s), u"alice"_s);
        e->turnPasswordEdit()->setText(u"turn-s3cret"_s);
        QSignalSpy finished(e.get(), &QDialog::finished);
        QVERIFY(e->save());
        QTRY_COMPARE(finished.size(), 1);
        const AccountProfile saved = accounts->profiles().value(0);
        QCOMPARE(saved.stunServer, u"stun.example.net:19302"_s);
        QCOMPARE(saved.turnServer, u"turn.example.net"_s);
        QCOMPARE(saved.turnTransport, AccountProfile::TurnTransport::Tls);
        QCOMPARE(saved.turnUser, u"alice"_s);
        QCOMPARE(keychain.entries.value(services::AccountService::turnCredentialKey(saved.id)),
                 u"turn-s3cret"_s);
        file->sync();
        QFile ini(file->fileName());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(!ini.readAll().contains("turn-s3cret"));
    }

    void keychainUnavailableIsShown() {
        NoKeychain none;
        auto e = editor(validWcs(), &none);
        QTRY_VERIFY(!e->keychainChoice()->isEnabled());
        QVERIFY(e->sessionChoice()->isChecked());
        QVERIFY(e->keychainState()->text().contains(u"Secure storage is unavailable"_s));
        QVERIFY(e->keychainState()->toolTip().contains(u"test bus"_s));
        e->passwordEdit()->setText(u"typed-pw"_s);
        QVERIFY(e->save());
        const QString id = accounts->profiles().value(0).id;
        QCOMPARE(typed.password(id), std::optional<QString>(u"typed-pw"_s));
        QCOMPARE(none.writes, 0);
        QCOMPARE(e->result(), int(QDialog::Accepted));
    }

    void duplicateMakesANewProfile() {
        auto clock = std::make_shared<testsupport::FakeClock>();
        services::CallService calls(clock);
        services::StreamMonitor streams(clock);
        services::SessionMonitor sessions(clock);
        services::AccountConnector connector(*accounts, typed, calls, streams, sessions, clock);
        const QString id = accounts->add(validWcs()).id;
        ui::AccountsDialog d(*accounts, connector, sessions, keychain, typed);
        QCOMPARE(d.list()->count(), 1);
        QVERIFY(d.select(id));
        d.duplicateSelected();
        QVERIFY(d.editor());
        QCOMPARE(qobject_cast<QLineEdit*>(d.editor()->field(u"name"_s))->text(),
                 u"Office (copy)"_s);
        QVERIFY(d.editor()->save());
        QTRY_COMPARE(d.list()->count(), 2);
        QCOMPARE(accounts->profiles().size(), 2);
        QVERIFY(d.selectedId() != id);
    }

    void listFollowsTheConnection() {
        auto clock = std::make_shared<testsupport::FakeClock>();
        services::CallService calls(clock);
        services::StreamMonitor streams(clock);
        services::SessionMonitor sessions(clock);
        services::AccountConnector connector(*accounts, typed, calls, streams, sessions, clock);
        AccountProfile p = validWcs();
        p.sipLogin.clear(); // no password needed
        p.serverUrl = QUrl(u"ws://127.0.0.1:9"_s);
        const QString id = accounts->add(p).id;
        ui::AccountsDialog d(*accounts, connector, sessions, keychain, typed);
        QVERIFY(d.select(id));
        QVERIFY(d.list()->currentItem()->text().endsWith(u"not connected"_s));
        QTest::mouseClick(d.findChild<QPushButton*>(u"connectButton"_s), Qt::LeftButton);
        QVERIFY(connector.isConnected(id));
        QTRY_VERIFY(!d.list()->currentItem()->text().endsWith(u"not connected"_s));
        auto* disconnectButton = d.findChild<QPushButton*>(u"disconnectButton"_s);
        QVERIFY(disconnectButton->isEnabled());
        QVERIFY(!d.findChild<QPushButton*>(u"connectButton"_s)->isEnabled());
        QTest::mouseClick(disconnectButton, Qt::LeftButton);
        QVERIFY(!connector.isConnected(id));
        QTRY_VERIFY(d.list()->currentItem()->text().endsWith(u"not connected"_s));
    }

    void connectFailureIsShownInline() {
        auto clock = std::make_shared<testsupport::FakeClock>();
        services::CallService calls(clock);
        services::StreamMonitor streams(clock);
        services::SessionMonitor sessions(clock);
        services::AccountConnector connector(*accounts, typed, calls, streams, sessions, clock);
        AccountProfile sip = validWcs();
        sip.backend = AccountProfile::Backend::SipWebSocket;
        sip.tlsPinnedSha256 = QByteArray(64, 'a'); // refused for SIP: connectFailed
        const QString id = accounts->add(sip).id;
        typed.set(id, u"1001-secret"_s);
        ui::AccountsDialog d(*accounts, connector, sessions, keychain, typed);
        QVERIFY(d.select(id));
        auto* connectButton = d.findChild<QPushButton*>(u"connectButton"_s);
        QVERIFY(connectButton->isEnabled());
        QVERIFY(!d.findChild<QPushButton*>(u"disconnectButton"_s)->isEnabled());
        QTest::mouseClick(connectButton, Qt::LeftButton);
        auto* message = d.findChild<QLabel*>(u"accountsMessage"_s);
        QVERIFY(message->isVisibleTo(&d));
        QVERIFY(message->text().startsWith(u"Cannot connect"_s));
        d.removeSelected(false);
        QCOMPARE(d.list()->count(), 0);
        QVERIFY(!connectButton->isEnabled());
    }
};

QTEST_MAIN(tst_AccountEditor)
#include "tst_AccountEditor.moc"
