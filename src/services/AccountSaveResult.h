#pragma once

#include "services/AccountFieldError.h"

#include <QList>
#include <QString>

namespace services {

/// Answer of AccountService::add()/update(): the profile id on success, or why it was not
/// saved (validation errors, or an "id" error for an unknown/duplicate id). Nothing is
/// written when `errors` is not empty.
struct AccountSaveResult {
    QString id;
    QList<AccountFieldError> errors;

    bool ok() const { return errors.isEmpty(); }
};

} // namespace services
