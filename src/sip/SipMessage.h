#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <utility>

struct osip_message;
struct osip_from;

namespace sip {

/// One Contact of a message (RFC 3261 §20.10): URI user, host and the header parameters
/// (names lower-case, values unquoted; a parameter without value maps to an empty string).
struct SipContact {
    QString uri;
    QString user;
    QString host;
    QMap<QString, QString> params;
};

/// A parsed SIP message (RFC 3261 §7), read-only. All syntax goes through libosip2
/// (`osip_message_parse`); this class only reads the parsed tree and keeps the raw bytes.
/// Header names are matched case-insensitively and osip expands the compact forms
/// (`v f t i m l c`). Copies share the parsed tree.
class SipMessage {
public:
    /// Parses one SIP message (one WebSocket frame, RFC 7118 §5). Returns nullopt and sets
    /// `error` (when given) if libosip2 rejects it or a mandatory header of RFC 3261 §8.1.1
    /// (Via, From, To, Call-ID, CSeq) is missing; a request whose CSeq method differs from the
    /// request method is refused too.
    static std::optional<SipMessage> parse(QByteArrayView raw, QString* error = nullptr);

    bool isRequest() const;
    bool isResponse() const { return !isRequest(); }
    /// Request method, or for a response the CSeq method.
    QString method() const;
    QString requestUri() const; ///< "" for responses
    QString requestUriScheme() const;
    QString requestUriUser() const;
    int statusCode() const;       ///< 0 for requests
    QString reasonPhrase() const; ///< "" for requests
    QString callId() const;
    quint32 cseq() const;
    QString fromUri() const;
    QString fromUser() const;
    QString fromDisplayName() const;
    QString fromTag() const;
    QString toUri() const;
    QString toTag() const;
    /// The whole To header value as libosip2 serialises it (for an ACK, RFC 3261 §17.1.1.3).
    QString toHeader() const;
    /// The whole From header value (with the tag), for a UAS building its dialog (§12.1.1).
    QString fromHeader() const;
    /// Record-Route values in message order (RFC 3261 §12.1.2: a UAC reverses them).
    QStringList recordRoutes() const;
    QString topViaBranch() const;
    QString contentType() const; ///< "type/subtype" or ""
    QByteArray body() const;
    /// First value of a header osip does not parse into a typed field (Expires, Event,
    /// Min-Expires, Subscription-State, User-Agent, X-*, ...); null when absent.
    QString header(const char* lowerCaseName) const;
    QList<SipContact> contacts() const;
    QByteArray raw() const { return m_raw; }
    /// The libosip2 tree, for readers inside src/sip (DigestChallenge). Never null.
    osip_message* native() const { return m_msg.get(); }

    /// Payload shape for events (spec §4 SipRequest/SipResponse):
    /// request  `{method, requestUri, callId, cseq, from, fromTag, to, toTag, contentType, body,
    /// raw}` response `{statusCode, reasonPhrase, method, callId, cseq, from, to, toTag, raw}`.
    /// `raw` has Authorization response digests redacted.
    QJsonObject toJson() const;

    /// Builds a response to this request with libosip2 (RFC 3261 §8.2.6): Via list, From,
    /// Call-ID and CSeq copied, To copied with `toTag` added when it has none (pass "" for 100),
    /// `extraHeaders` (name, value) appended, Content-Length computed. Empty for responses.
    QByteArray makeResponse(int code, const QString& reason, const QString& toTag,
                            const QList<std::pair<QByteArray, QByteArray>>& extraHeaders = {},
                            const QByteArray& body = {}) const;

    /// The raw message with every `response="..."` digest replaced by `response="<redacted>"`,
    /// for logs. Passwords never appear on the wire, so this is the only secret-derived value.
    static QByteArray redacted(QByteArrayView raw);

private:
    SipMessage() = default;
    static QString fromToString(const osip_from* value);
    std::shared_ptr<osip_message> m_msg;
    QByteArray m_raw;
};

} // namespace sip
