#pragma once

#include "services/CredentialStore.h"

#include <QHash>
#include <QMetaObject>
#include <QStringList>

namespace support {

/// An in-memory services::CredentialStore for tests: keeps entries in a hash, records reads
/// and deletions, and answers from the event loop like the real store. Never fails.
class FakeCredentialStore : public services::CredentialStore {
public:
    using services::CredentialStore::CredentialStore;

    void readPassword(const QString& key, ReadCallback cb) override {
        reads.append(key);
        const auto it = entries.constFind(key);
        services::KeychainResult<QString> r =
            it != entries.constEnd()
                ? services::KeychainResult<QString>(*it)
                : services::KeychainResult<QString>(services::KeychainError{
                      services::KeychainError::Kind::NotFound, QStringLiteral("none")});
        answer([cb, r] { cb(r); });
    }
    void writePassword(const QString& key, const QString& secret, DoneCallback cb) override {
        entries.insert(key, secret);
        answer([cb] { cb({}); });
    }
    void deletePassword(const QString& key, DoneCallback cb) override {
        deleted.append(key);
        entries.remove(key);
        answer([cb] { cb({}); });
    }

    void checkAvailability(DoneCallback cb) override {
        answer([this, cb] {
            noteOutcome(std::nullopt);
            cb({});
        });
    }

    QHash<QString, QString> entries;
    QStringList reads;
    QStringList deleted;

private:
    void answer(std::function<void()> f) {
        QMetaObject::invokeMethod(this, std::move(f), Qt::QueuedConnection);
    }
};

} // namespace support
