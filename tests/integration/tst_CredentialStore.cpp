// services::CredentialStore against a real keychain and against none at all, picked by
// $CALLBOARD_KEYRING (set by CTest):
//   gnome-keyring  run through with-keyring.sh: a private D-Bus session with an unlocked
//                  gnome-keyring secret service. Write, read back, overwrite, delete, NotFound.
//   none           DBUS_SESSION_BUS_ADDRESS points nowhere: every operation fails with
//                  NoSecretService and a plain message, nothing is written anywhere, and the
//                  explicit alternative (services::SessionPasswordCache) works.
// Every wait is bounded; the keyring session dies with dbus-run-session.

#include "services/CredentialStore.h"
#include "services/SessionPasswordCache.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusVirtualObject>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

using services::CredentialStore;
using services::KeychainError;
using services::KeychainResult;
using services::SessionPasswordCache;
using Kind = KeychainError::Kind;

namespace {

constexpr int waitMs = 20000;

/// Runs one asynchronous store operation and waits (bounded) for its callback.
template <typename T, typename Start> std::optional<KeychainResult<T>> await(Start start) {
    struct State {
        std::optional<KeychainResult<T>> result;
        bool returned = false;
        bool calledSynchronously = false;
    };
    auto state = std::make_shared<State>();
    start([state](const KeychainResult<T>& r) {
        state->calledSynchronously = !state->returned;
        state->result = r;
    });
    state->returned = true;
    if (!QTest::qWaitFor([&] { return state->result.has_value(); }, waitMs)) {
        qWarning("no answer within %d ms", waitMs);
        return std::nullopt;
    }
    if (state->calledSynchronously) {
        qWarning("callback ran inside the call");
        return std::nullopt;
    }
    return state->result;
}

std::optional<KeychainResult<QString>> readKey(CredentialStore& s, const QString& key) {
    return await<QString>([&](auto cb) { s.readPassword(key, cb); });
}
std::optional<KeychainResult<void>> writeKey(CredentialStore& s, const QString& key,
                                             const QString& secret) {
    return await<void>([&](auto cb) { s.writePassword(key, secret, cb); });
}
std::optional<KeychainResult<void>> deleteKey(CredentialStore& s, const QString& key) {
    return await<void>([&](auto cb) { s.deletePassword(key, cb); });
}

QString uniqueKey() {
    return QStringLiteral("account/") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

/// Files under `dir` whose bytes contain `needle` (UTF-8 or UTF-16).
QStringList filesContaining(const QString& dir, const QString& needle) {
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (!f.open(QIODevice::ReadOnly)) {
            continue;
        }
        const QByteArray bytes = f.readAll();
        const QByteArray utf16(reinterpret_cast<const char*>(needle.utf16()), needle.size() * 2);
        if (bytes.contains(needle.toUtf8()) || bytes.contains(utf16)) {
            hits.append(f.fileName());
        }
    }
    return hits;
}

/// Swallows every D-Bus call without answering: a secret service that hangs.
class SilentService : public QDBusVirtualObject {
public:
    QString introspect(const QString&) const override { return {}; }
    bool handleMessage(const QDBusMessage&, const QDBusConnection&) override { return true; }
};

} // namespace

/// Skips the calling test function unless $CALLBOARD_KEYRING is `mode` (QSKIP must be used in
/// the test function itself).
#define REQUIRE_MODE(mode)                                                                         \
    do {                                                                                           \
        if (m_mode != QLatin1StringView(mode)) {                                                   \
            QSKIP("needs CALLBOARD_KEYRING=" mode " (set by ctest)");                              \
        }                                                                                          \
    } while (false)

class tst_CredentialStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // CALLBOARD_KEYRING=gnome-keyring
    void keyringAvailable();
    void writeReadOverwriteDelete();
    void readMissingIsNotFound();
    void deleteMissingSucceeds();
    void keysAreSeparate();
    void secretNotInPlainFiles();

    // CALLBOARD_KEYRING=none
    void noServiceProbe();
    void noServiceOperations_data();
    void noServiceOperations();
    void noServiceWritesNothing();
    void sessionPasswordCache();
    void silentServiceTimesOut(); // last: it leaves a hung QtKeychain job behind

private:
    QString m_mode;
    std::unique_ptr<QTemporaryDir> m_home; ///< HOME of the "none" run
};

void tst_CredentialStore::initTestCase() {
    m_mode = qEnvironmentVariable("CALLBOARD_KEYRING");
    if (m_mode == QLatin1StringView("none")) {
        // A fresh HOME, so "nothing is written anywhere" can be checked.
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        const QByteArray home = QFile::encodeName(m_home->path());
        qputenv("HOME", home);
        qputenv("XDG_CONFIG_HOME", home + "/config");
        qputenv("XDG_DATA_HOME", home + "/data");
        qputenv("XDG_CACHE_HOME", home + "/cache");
    }
    QCoreApplication::setOrganizationName(QStringLiteral("callboard-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_CredentialStore"));
}

void tst_CredentialStore::keyringAvailable() {
    REQUIRE_MODE("gnome-keyring");
    CredentialStore store;
    QSignalSpy changed(&store, &CredentialStore::availabilityChanged);
    QCOMPARE(store.availability(), CredentialStore::Availability::Unknown);
    const auto r = await<void>([&](auto cb) { store.checkAvailability(cb); });
    QVERIFY(r.has_value());
    QVERIFY2(r->ok(), qPrintable(r->ok() ? QString() : r->error().message));
    QCOMPARE(store.availability(), CredentialStore::Availability::Available);
    QVERIFY(store.availabilityMessage().isEmpty());
    QCOMPARE(changed.count(), 1);
}

void tst_CredentialStore::writeReadOverwriteDelete() {
    REQUIRE_MODE("gnome-keyring");
    CredentialStore store;
    const QString key = uniqueKey();
    const QString first = QStringLiteral("first-s3cr\u00e9t-\u20ac");

    auto w = writeKey(store, key, first);
    QVERIFY(w.has_value());
    QVERIFY2(w->ok(), qPrintable(w->ok() ? QString() : w->error().message));
    auto r = readKey(store, key);
    QVERIFY(r.has_value());
    QVERIFY(r->ok());
    QCOMPARE(r->value(), first);

    w = writeKey(store, key, QStringLiteral("second"));
    QVERIFY(w.has_value() && w->ok());
    r = readKey(store, key);
    QVERIFY(r.has_value() && r->ok());
    QCOMPARE(r->value(), QStringLiteral("second"));

    const auto d = deleteKey(store, key);
    QVERIFY(d.has_value());
    QVERIFY(d->ok());
    r = readKey(store, key);
    QVERIFY(r.has_value());
    QVERIFY(r->is(Kind::NotFound));
    QCOMPARE(store.availability(), CredentialStore::Availability::Available);
}

void tst_CredentialStore::readMissingIsNotFound() {
    REQUIRE_MODE("gnome-keyring");
    CredentialStore store;
    const auto r = readKey(store, uniqueKey());
    QVERIFY(r.has_value());
    QVERIFY(!r->ok());
    QCOMPARE(KeychainError::kindName(r->error().kind), QStringLiteral("not-found"));
    QVERIFY(!r->error().message.isEmpty());
}

void tst_CredentialStore::deleteMissingSucceeds() {
    REQUIRE_MODE("gnome-keyring");
    CredentialStore store;
    const auto d = deleteKey(store, uniqueKey());
    QVERIFY(d.has_value());
    QVERIFY2(d->ok(), qPrintable(d->ok() ? QString() : d->error().message));
}

void tst_CredentialStore::keysAreSeparate() {
    REQUIRE_MODE("gnome-keyring");
    CredentialStore store;
    const QString a = uniqueKey();
    const QString b = uniqueKey();
    QVERIFY(writeKey(store, a, QStringLiteral("alpha")).value().ok());
    QVERIFY(writeKey(store, b, QStringLiteral("bravo")).value().ok());
    QCOMPARE(readKey(store, a).value().value(), QStringLiteral("alpha"));
    QCOMPARE(readKey(store, b).value().value(), QStringLiteral("bravo"));
    QVERIFY(deleteKey(store, a).value().ok());
    QVERIFY(readKey(store, a).value().is(Kind::NotFound));
    QCOMPARE(readKey(store, b).value().value(), QStringLiteral("bravo"));
    QVERIFY(deleteKey(store, b).value().ok());
}

void tst_CredentialStore::secretNotInPlainFiles() {
    REQUIRE_MODE("gnome-keyring");
    CredentialStore store;
    const QString key = uniqueKey();
    const QString secret = QStringLiteral("plain-text-canary-") + QUuid::createUuid().toString();
    QVERIFY(writeKey(store, key, secret).value().ok());
    // HOME is with-keyring.sh's throw-away directory; the keyring file there is encrypted.
    QCOMPARE(filesContaining(QDir::homePath(), secret), QStringList());
    QVERIFY(deleteKey(store, key).value().ok());
}

void tst_CredentialStore::noServiceProbe() {
    REQUIRE_MODE("none");
    CredentialStore store;
    QSignalSpy changed(&store, &CredentialStore::availabilityChanged);
    const auto r = await<void>([&](auto cb) { store.checkAvailability(cb); });
    QVERIFY(r.has_value());
    QVERIFY(r->is(Kind::NoSecretService));
    QVERIFY2(r->error().message.startsWith(
                 QStringLiteral("No secret service (keychain) is available: ")),
             qPrintable(r->error().message));
    QCOMPARE(store.availability(), CredentialStore::Availability::Unavailable);
    QCOMPARE(store.availabilityMessage(), r->error().message);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<CredentialStore::Availability>(),
             CredentialStore::Availability::Unavailable);
}

void tst_CredentialStore::noServiceOperations_data() {
    QTest::addColumn<QString>("operation");
    QTest::newRow("read") << QStringLiteral("read");
    QTest::newRow("write") << QStringLiteral("write");
    QTest::newRow("delete") << QStringLiteral("delete");
}

void tst_CredentialStore::noServiceOperations() {
    REQUIRE_MODE("none");
    QFETCH(QString, operation);
    CredentialStore store;
    const QString key = uniqueKey();
    std::optional<KeychainError> error;
    if (operation == QLatin1StringView("read")) {
        const auto r = readKey(store, key);
        QVERIFY(r.has_value() && !r->ok());
        error = r->error();
    } else if (operation == QLatin1StringView("write")) {
        const auto r = writeKey(store, key, QStringLiteral("never-stored"));
        QVERIFY(r.has_value() && !r->ok());
        error = r->error();
    } else {
        const auto r = deleteKey(store, key);
        QVERIFY(r.has_value() && !r->ok());
        error = r->error();
    }
    QCOMPARE(KeychainError::kindName(error->kind), QStringLiteral("no-secret-service"));
    QVERIFY2(
        error->message.startsWith(QStringLiteral("No secret service (keychain) is available: ")),
        qPrintable(error->message));
    QVERIFY(!error->message.contains(QStringLiteral("never-stored")));
    QCOMPARE(store.availability(), CredentialStore::Availability::Unavailable);
}

void tst_CredentialStore::noServiceWritesNothing() {
    REQUIRE_MODE("none");
    CredentialStore store;
    const QString secret = QStringLiteral("no-fallback-canary-") + QUuid::createUuid().toString();
    const auto w = writeKey(store, uniqueKey(), secret);
    QVERIFY(w.has_value());
    QVERIFY(w->is(Kind::NoSecretService));
    // No plaintext fallback: no file appeared in HOME (QtKeychain's insecure fallback would
    // have written a QSettings file there), and none anywhere in it holds the secret.
    QDirIterator it(m_home->path(), QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext()) {
        files.append(it.next());
    }
    QCOMPARE(files, QStringList());
    QCOMPARE(filesContaining(QDir::currentPath(), secret), QStringList());
}

void tst_CredentialStore::sessionPasswordCache() {
    REQUIRE_MODE("none");
    SessionPasswordCache cache;
    QVERIFY(!cache.password(QStringLiteral("p1")).has_value());
    cache.set(QStringLiteral("p1"), QStringLiteral("typed-1"));
    cache.set(QStringLiteral("p2"), QStringLiteral("typed-2"));
    cache.set(QString(), QStringLiteral("ignored"));
    QCOMPARE(cache.size(), 2);
    QCOMPARE(cache.password(QStringLiteral("p1")), std::optional(QStringLiteral("typed-1")));
    QCOMPARE(cache.password(QStringLiteral("p2")), std::optional(QStringLiteral("typed-2")));
    cache.set(QStringLiteral("p1"), QStringLiteral("retyped"));
    QCOMPARE(cache.password(QStringLiteral("p1")), std::optional(QStringLiteral("retyped")));
    cache.clear(QStringLiteral("p1"));
    QVERIFY(!cache.contains(QStringLiteral("p1")));
    QVERIFY(cache.contains(QStringLiteral("p2")));
    cache.clearAll();
    QCOMPARE(cache.size(), 0);
    QVERIFY(!cache.password(QStringLiteral("p2")).has_value());
}

void tst_CredentialStore::silentServiceTimesOut() {
    REQUIRE_MODE("none");
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        QSKIP("needs a session bus (tst_CredentialStore_busWithoutKeyring)");
    }
    SilentService silent;
    const QString name = QStringLiteral("org.freedesktop.secrets");
    QVERIFY(bus.registerVirtualObject(QStringLiteral("/org/freedesktop/secrets"), &silent,
                                      QDBusConnection::SubPath));
    QVERIFY(bus.registerService(name));
    CredentialStore store;
    store.setTimeoutMs(1500);
    QElapsedTimer clock;
    clock.start();
    const auto r = readKey(store, uniqueKey());
    bus.unregisterService(name);
    bus.unregisterObject(QStringLiteral("/org/freedesktop/secrets"),
                         QDBusConnection::UnregisterTree);
    QVERIFY(r.has_value());
    QVERIFY(r->is(Kind::Other));
    QVERIFY2(r->error().message.contains(QStringLiteral("did not answer")),
             qPrintable(r->error().message));
    QVERIFY(clock.elapsed() < 10000);
    QCOMPARE(store.availability(), CredentialStore::Availability::Unavailable);
}

QTEST_GUILESS_MAIN(tst_CredentialStore)
#include "tst_CredentialStore.moc"
