#include "services/LogControlCategories.h"

namespace services {

Q_LOGGING_CATEGORY(lcServices, "callboard.services", QtInfoMsg)

QStringList knownLogCategories() {
    return {
        QStringLiteral("callboard.wcs.transport"),
        QStringLiteral("callboard.wcs.protocol"),
        QStringLiteral("callboard.sip.transport"),
        QStringLiteral("callboard.sip.ua"),
        QStringLiteral("callboard.hooks"),
        QStringLiteral("callboard.media"),
        QStringLiteral("callboard.ui"),
        QStringLiteral("callboard.emulator"),
        QStringLiteral("callboard.services"),
        QStringLiteral("callboard.accounts"),
        QStringLiteral("callboard.keychain"),
    };
}

} // namespace services
