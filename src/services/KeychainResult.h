#pragma once

#include "services/KeychainError.h"

#include <QtGlobal>

#include <optional>
#include <utility>
#include <variant>

namespace services {

/// A value of type T or a services::KeychainError: the answer of every asynchronous
/// services::CredentialStore operation. `KeychainResult<void>` carries only the error.
///
/// value() and error() have a precondition (ok() resp. !ok()); check ok() first.
template <typename T> class KeychainResult {
public:
    KeychainResult(T value)
        : m_data(std::in_place_index<0>, std::move(value)) {}
    KeychainResult(KeychainError error)
        : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    const T& value() const {
        Q_ASSERT(ok());
        return std::get<0>(m_data);
    }
    const KeychainError& error() const {
        Q_ASSERT(!ok());
        return std::get<1>(m_data);
    }
    /// True when this is an error of the given kind.
    bool is(KeychainError::Kind kind) const { return !ok() && error().kind == kind; }

private:
    std::variant<T, KeychainError> m_data;
};

/// Success without a value, or an error.
template <> class KeychainResult<void> {
public:
    KeychainResult() = default;
    KeychainResult(KeychainError error)
        : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    const KeychainError& error() const {
        Q_ASSERT(!ok());
        return *m_error;
    }
    bool is(KeychainError::Kind kind) const { return !ok() && m_error->kind == kind; }

private:
    std::optional<KeychainError> m_error;
};

} // namespace services
