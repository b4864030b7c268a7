#pragma once

#include <QString>

namespace services {

/// One reason a services::AccountProfile cannot be saved. `field` is the AccountProfile member
/// name ("name", "serverUrl", "sipPort", ...) so the editor can mark that input; `message` is
/// a plain sentence for the user.
struct AccountFieldError {
    QString field;
    QString message;

    bool operator==(const AccountFieldError&) const = default;
};

} // namespace services
