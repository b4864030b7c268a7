#include "services/CredentialStore.h"

#include <qt6keychain/keychain.h>

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QTimer>

#include <memory>

Q_LOGGING_CATEGORY(lcKeychain, "callboard.keychain")

namespace services {

namespace {

using Kind = KeychainError::Kind;

/// D-Bus names a QtKeychain backend on Linux can talk to.
const QStringList& keychainBusNames() {
    static const QStringList names{
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("org.kde.kwalletd6"),
        QStringLiteral("org.kde.kwalletd5"), QStringLiteral("org.kde.kwalletd")};
    return names;
}

constexpr int busCallTimeoutMs = 5000;

/// A key nobody writes: reading it tells whether the keychain answers at all.
QString probeKey() {
    return QStringLiteral("callboard/availability-probe");
}

KeychainError noSecretService(const QString& why) {
    return {Kind::NoSecretService,
            QStringLiteral("No secret service (keychain) is available: %1").arg(why)};
}

QDBusMessage busCall(const QString& method) {
    return QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.DBus"),
                                          QStringLiteral("/org/freedesktop/DBus"),
                                          QStringLiteral("org.freedesktop.DBus"), method);
}

bool containsAny(const QStringList& haystack, const QStringList& needles) {
    for (const QString& n : needles) {
        if (haystack.contains(n)) {
            return true;
        }
    }
    return false;
}

} // namespace

CredentialStore::CredentialStore(QObject* parent)
    : QObject(parent) {}

CredentialStore::~CredentialStore() = default;

void CredentialStore::later(std::function<void()> f) {
    QMetaObject::invokeMethod(this, std::move(f), Qt::QueuedConnection);
}

void CredentialStore::readPassword(const QString& key, ReadCallback callback) {
    auto* job = new QKeychain::ReadPasswordJob(serviceName());
    run(job, key, "read",
        [callback = std::move(callback)](const std::optional<KeychainError>& error,
                                         QKeychain::Job* finished) {
            if (error) {
                callback(*error);
                return;
            }
            callback(static_cast<QKeychain::ReadPasswordJob*>(finished)->textData());
        });
}

void CredentialStore::writePassword(const QString& key, const QString& secret,
                                    DoneCallback callback) {
    auto* job = new QKeychain::WritePasswordJob(serviceName());
    job->setTextData(secret);
    run(job, key, "write",
        [callback = std::move(callback)](const std::optional<KeychainError>& error,
                                         QKeychain::Job*) {
            callback(error ? KeychainResult<void>(*error) : KeychainResult<void>());
        });
}

void CredentialStore::deletePassword(const QString& key, DoneCallback callback) {
    auto* job = new QKeychain::DeletePasswordJob(serviceName());
    run(job, key, "delete",
        [callback = std::move(callback)](const std::optional<KeychainError>& error,
                                         QKeychain::Job*) {
            callback(error ? KeychainResult<void>(*error) : KeychainResult<void>());
        });
}

void CredentialStore::checkAvailability(DoneCallback callback) {
    probeSecretService(
        [this, callback = std::move(callback)](const std::optional<KeychainError>& busError) {
            if (busError) {
                noteOutcome(busError);
                callback(*busError);
                return;
            }
            // The service is there; it must also answer a lookup (locked keyrings refuse).
            readPassword(probeKey(), [callback](const KeychainResult<QString>& result) {
                if (result.ok() || result.is(Kind::NotFound)) {
                    callback(KeychainResult<void>());
                } else {
                    callback(result.error());
                }
            });
        });
}

void CredentialStore::noteOutcome(const std::optional<KeychainError>& error) {
    Availability next = Availability::Available;
    QString message;
    if (error && error->kind != Kind::NotFound) {
        next = Availability::Unavailable;
        message = error->message;
    }
    if (next == m_availability && message == m_availabilityMessage) {
        return;
    }
    m_availability = next;
    m_availabilityMessage = message;
    Q_EMIT availabilityChanged(next, message);
}

void CredentialStore::run(QKeychain::Job* job, const QString& key, const char* operation,
                          JobDone done) {
    // The job is not parented to the store: QtKeychain's backends keep raw pointers to a
    // running job, so it must live until it finishes; it deletes itself then (autoDelete).
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plaintext copy in a settings file
    job->setKey(key);

    auto settled = std::make_shared<bool>(false);
    auto* timer = new QTimer(this);
    timer->setSingleShot(true);
    const QString op = QString::fromLatin1(operation);

    auto finish = [this, done, key, op](const std::optional<KeychainError>& error,
                                        QKeychain::Job* finishedJob) {
        if (error && error->kind == Kind::NotFound) {
            qCDebug(lcKeychain).noquote() << op << key << "not found";
        } else if (error) {
            qCInfo(lcKeychain).noquote()
                << op << key << "failed:" << KeychainError::kindName(error->kind) << error->message;
        } else {
            qCDebug(lcKeychain).noquote() << op << key << "ok";
        }
        noteOutcome(error);
        done(error, finishedJob);
    };

    connect(timer, &QTimer::timeout, this, [this, settled, timer, finish] {
        timer->deleteLater();
        if (*settled) {
            return;
        }
        *settled = true;
        finish(KeychainError{Kind::Other, QStringLiteral("The keychain did not answer within %1 s.")
                                              .arg(m_timeoutMs / 1000.0)},
               nullptr);
    });
    connect(job, &QKeychain::Job::finished, this,
            [this, settled, timer, finish](QKeychain::Job* finishedJob) {
                if (*settled) {
                    return; // timed out already; the job deletes itself
                }
                *settled = true;
                timer->stop();
                timer->deleteLater();
                if (finishedJob->error() == QKeychain::NoError) {
                    finish(std::nullopt, finishedJob); // the job is valid until we return
                    return;
                }
                classify(finishedJob->error(), finishedJob->errorString(),
                         [finish](const std::optional<KeychainError>& error) {
                             finish(error, nullptr);
                         });
            });
    timer->start(m_timeoutMs);
    job->start(); // QtKeychain runs it from the event loop, so callbacks are never synchronous
}

void CredentialStore::classify(int keychainError, const QString& message, ProbeDone done) {
    switch (static_cast<QKeychain::Error>(keychainError)) {
    case QKeychain::EntryNotFound:
        later([done] {
            done(KeychainError{Kind::NotFound, QStringLiteral("No such entry in the keychain.")});
        });
        return;
    case QKeychain::AccessDenied:
        later([done, message] {
            done(KeychainError{Kind::AccessDenied,
                               QStringLiteral("The keychain refused access: %1").arg(message)});
        });
        return;
    case QKeychain::NoBackendAvailable:
        later([done, message] { done(noSecretService(message)); });
        return;
    default:
        break;
    }
    // QtKeychain reports "no D-Bus" or "no secret service" as OtherError with a backend
    // message; find out whether a keychain is there at all before calling it "other".
    probeSecretService([done, message](const std::optional<KeychainError>& busError) {
        if (busError) {
            done(*busError);
            return;
        }
        done(KeychainError{Kind::Other, QStringLiteral("Keychain error: %1").arg(message)});
    });
}

void CredentialStore::probeSecretService(ProbeDone done) {
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        const QString why = bus.lastError().message();
        later([done, why] {
            done(noSecretService(QStringLiteral("the D-Bus session bus is not reachable (%1).")
                                     .arg(why.isEmpty() ? QStringLiteral("no address") : why)));
        });
        return;
    }
    auto* watcher = new QDBusPendingCallWatcher(
        bus.asyncCall(busCall(QStringLiteral("ListNames")), busCallTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, done](QDBusPendingCallWatcher* w) {
                w->deleteLater();
                const QDBusPendingReply<QStringList> reply = *w;
                if (reply.isError()) {
                    done(
                        noSecretService(QStringLiteral("the D-Bus session bus did not answer (%1).")
                                            .arg(reply.error().message())));
                    return;
                }
                if (containsAny(reply.value(), keychainBusNames())) {
                    done(std::nullopt);
                    return;
                }
                checkActivatable(done);
            });
}

void CredentialStore::checkActivatable(ProbeDone done) {
    QDBusConnection bus = QDBusConnection::sessionBus();
    auto* watcher = new QDBusPendingCallWatcher(
        bus.asyncCall(busCall(QStringLiteral("ListActivatableNames")), busCallTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [done](QDBusPendingCallWatcher* w) {
        w->deleteLater();
        const QDBusPendingReply<QStringList> reply = *w;
        if (!reply.isError() && containsAny(reply.value(), keychainBusNames())) {
            done(std::nullopt);
            return;
        }
        done(noSecretService(
            QStringLiteral("no secret service (org.freedesktop.secrets) or KWallet is "
                           "running or can be started on the D-Bus session bus.")));
    });
}

} // namespace services
