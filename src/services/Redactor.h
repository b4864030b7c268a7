#pragma once

#include <QString>
#include <QStringView>

namespace services {

/// Masks secrets in free text before it is logged, stored or exported. Stateless and
/// thread-safe (called from the message handler of any thread).
///
/// Secret keys: `sipPassword`, `password`, `authToken`, `credential` (a TURN password in an
/// iceServers entry) and any key ending in `password`, `passwd`, `authToken` or `credential`,
/// case-insensitively. Their values become `***` in these forms:
/// * JSON: `"key":"value"` (also truncated text without the closing quote, and JSON escaped
///   inside a JSON string: `\"key\":\"value\"`); a non-string, non-null value becomes `"***"`;
/// * `key=value` (value up to whitespace, `&`, `;`, `,` or a quote; or a quoted value);
/// * URL user-info: `scheme://user:secret@host` (also `turn://user:secret@host`) and
///   `sip:user:secret@host`.
/// Everything else is returned unchanged.
class Redactor {
public:
    /// The mask that replaces every secret value.
    static QLatin1StringView mask() { return QLatin1StringView("***"); }

    /// Copy of `text` with every secret value replaced by mask().
    static QString redact(const QString& text);

    /// UTF-8 variant of redact(const QString&).
    static QByteArray redact(QByteArrayView utf8);
};

} // namespace services
