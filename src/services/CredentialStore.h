#pragma once

#include "services/KeychainResult.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace QKeychain {
class Job;
} // namespace QKeychain

namespace services {

/// Passwords in the desktop keychain (QtKeychain: the freedesktop secret service through
/// libsecret, or KWallet), behind an asynchronous value-or-error interface.
///
/// * Every entry lives under the service name "callboard" and a caller-chosen key
///   (AccountService uses "account/<profile id>").
/// * Every callback is called exactly once, always later from the event loop (never from
///   inside the call), unless the store is destroyed first, in which case it is not called.
/// * The keychain may be slow (an unlock prompt), absent or refuse. Absent is reported as
///   KeychainError::Kind::NoSecretService with a message starting "No secret service
///   (keychain) is available: "; an operation that gets no answer within timeoutMs() fails
///   with Kind::Other. QtKeychain runs its jobs one after another, so after a timeout the
///   next operations may time out too until the keychain answers the stuck one.
/// * The first probe connects to the D-Bus session bus synchronously (fast for a local or
///   missing socket); everything else is asynchronous.
/// * There is NO plaintext fallback: QtKeychain's insecure fallback is switched off. A caller
///   that cannot use the keychain may let the user type the password each time and keep it in
///   a services::SessionPasswordCache.
/// * Keys are logged (category "callboard.keychain"), values never.
///
/// The operations are virtual so that tests can substitute an in-memory fake.
class CredentialStore : public QObject {
    Q_OBJECT

public:
    /// What the UI shows about secure storage.
    enum class Availability {
        Unknown,     ///< nothing tried yet
        Available,   ///< the last probe or operation reached the keychain
        Unavailable, ///< the last probe or operation could not (see availabilityMessage())
    };
    Q_ENUM(Availability)

    using ReadCallback = std::function<void(const KeychainResult<QString>&)>;
    using DoneCallback = std::function<void(const KeychainResult<void>&)>;

    /// Service name of every entry, as QtKeychain's `service`.
    static QString serviceName() { return QStringLiteral("callboard"); }
    static constexpr int defaultTimeoutMs = 60000;

    explicit CredentialStore(QObject* parent = nullptr);
    ~CredentialStore() override;

    /// Reads the secret stored under `key`. Errors: NotFound when there is no such entry,
    /// NoSecretService, AccessDenied (e.g. locked and the unlock was refused), Other.
    virtual void readPassword(const QString& key, ReadCallback callback);
    /// Stores `secret` under `key`, replacing any previous value. Errors as readPassword except
    /// NotFound.
    virtual void writePassword(const QString& key, const QString& secret, DoneCallback callback);
    /// Deletes the entry under `key`. Deleting a key that does not exist is not an error with
    /// the secret service backend. Errors: NoSecretService, AccessDenied, Other.
    virtual void deletePassword(const QString& key, DoneCallback callback);
    /// Probes whether a keychain can be used right now: a secret service (or KWallet) must be
    /// reachable on the D-Bus session bus and answer a lookup. Success means usable. Updates
    /// availability() and emits availabilityChanged() when it changes.
    virtual void checkAvailability(DoneCallback callback);

    Availability availability() const { return m_availability; }
    /// Why the keychain is unavailable (empty when Available or Unknown).
    QString availabilityMessage() const { return m_availabilityMessage; }

    /// How long one operation may take before it fails with Kind::Other (default 60 s, long
    /// enough for a user to answer an unlock prompt). Values < 1 restore the default.
    void setTimeoutMs(int ms) { m_timeoutMs = ms > 0 ? ms : defaultTimeoutMs; }
    int timeoutMs() const { return m_timeoutMs; }

Q_SIGNALS:
    /// The visible state of secure storage changed; `message` explains Unavailable.
    void availabilityChanged(services::CredentialStore::Availability availability,
                             const QString& message);

protected:
    /// Records the outcome of an operation or probe for availability(). Fakes may call it.
    void noteOutcome(const std::optional<KeychainError>& error);

private:
    using JobDone = std::function<void(const std::optional<KeychainError>&, QKeychain::Job*)>;
    using ProbeDone = std::function<void(const std::optional<KeychainError>&)>;

    void run(QKeychain::Job* job, const QString& key, const char* operation, JobDone done);
    void classify(int keychainError, const QString& message, ProbeDone done);
    void probeSecretService(ProbeDone done);
    void checkActivatable(ProbeDone done);
    /// Calls `f` later from the event loop, unless this store is gone by then.
    void later(std::function<void()> f);

    Availability m_availability = Availability::Unknown;
    QString m_availabilityMessage;
    int m_timeoutMs = defaultTimeoutMs;
};

} // namespace services
