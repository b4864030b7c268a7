#pragma once

#include <QCoreApplication>
#include <QString>

namespace services {

/// A number or URI to dial, as given on the command line or handed over by a second launch
/// (`callboard sip:2001@pbx.example.net`, `callboard tel:+1-555-0100`, `callboard 9999`).
///
/// Accepted forms (parsed with QUrl for the schemes):
/// * `sip:user@host[:port][;params][?headers]` and `sips:`: dialString() is `user@host[:port]`
///   (URI parameters and headers are dropped: the account decides the transport);
/// * `tel:+1-555-0100[;params]`: visual separators `-` `.` `(` `)` and spaces are removed,
///   dialString() is `+15550100`;
/// * a plain number or SIP user (`9999`, `*43#`, `alice`, `alice@host`): taken as it is.
///
/// Anything else (another scheme, an empty user, characters a dial string cannot carry) is
/// rejected: isValid() is false and error() says why, in words for the status bar.
class DialTarget {
    Q_DECLARE_TR_FUNCTIONS(services::DialTarget)

public:
    enum class Scheme { None, Sip, Sips, Tel, Plain };

    /// Parses `text` (leading/trailing spaces ignored). Never throws.
    static DialTarget parse(const QString& text);

    bool isValid() const { return m_error.isEmpty() && m_scheme != Scheme::None; }
    /// Why the text is not dialable (translated); empty when valid.
    QString error() const { return m_error; }
    Scheme scheme() const { return m_scheme; }
    /// The text as given (trimmed).
    QString input() const { return m_input; }
    /// What goes into the phone's number field: "2001@pbx.example.net", "+15550100", "9999".
    QString dialString() const { return m_dial; }
    /// SIP user part or telephone number (no host); empty when invalid.
    QString user() const { return m_user; }
    /// SIP host (with port when given); empty for tel: and plain numbers without '@'.
    QString host() const { return m_host; }

private:
    static DialTarget invalid(const QString& input, const QString& error);

    Scheme m_scheme = Scheme::None;
    QString m_input;
    QString m_dial;
    QString m_user;
    QString m_host;
    QString m_error;
};

} // namespace services
