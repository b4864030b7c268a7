#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace emulator {

/// The HTTP side of a WCS node's REST hooks (spec §13.1): `POST <baseURL>/<MethodName>` with
/// `Content-Type: application/json` and the object as body, signed with `Authorization: WCS
/// <hex HMAC-MD5 of body>` when a secret is set, with `rest_request_timeout` as the transfer
/// timeout. The base URL comes from the session's `appKey` (Scenario::RestHooks::apps).
class RestHookClient : public QObject {
    Q_OBJECT

public:
    /// Outcome of one hook: `status` is the HTTP status (0 when no answer came: unreachable,
    /// timeout), `body` the JSON object answered (empty when none or not an object), `error`
    /// a text for logs and `info` of ErrorEvents ("Backend returned 500", "Backend
    /// unreachable: ...").
    struct Result {
        int status = 0;
        QJsonObject body;
        QString error;
        bool ok() const { return status == 200; }
    };
    using Callback = std::function<void(const Result&)>;

    explicit RestHookClient(QObject* parent = nullptr);

    /// appKey -> REST base URL; replaces the whole map.
    void setApps(const QHash<QString, QString>& apps);
    /// HMAC key (rest_hook_secret_key); empty = unsigned. Never logged.
    void setSecret(const QByteArray& secret) { m_secret = secret; }
    /// Transfer timeout (ms, 0 = none).
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    /// StreamKeepAliveEvent period (ms, 0 = none), read by the sessions.
    void setKeepAliveIntervalMs(int ms) { m_keepAliveMs = ms; }
    int keepAliveIntervalMs() const { return m_keepAliveMs; }

    bool enabledFor(const QString& appKey) const { return m_apps.contains(appKey); }
    /// POSTs `body` as hook `method` for `appKey`; `done` runs once with the outcome, unless
    /// `context` is destroyed first. An appKey without a base URL completes at once with
    /// status 0.
    void post(const QString& appKey, const QString& method, const QJsonObject& body,
              QObject* context, Callback done);

    quint64 posted() const { return m_posted; }
    quint64 failed() const { return m_failed; }

private:
    QNetworkAccessManager* m_nam;
    QHash<QString, QUrl> m_apps;
    QByteArray m_secret;
    int m_timeoutMs = 15000;
    int m_keepAliveMs = 10000;
    quint64 m_posted = 0;
    quint64 m_failed = 0;
};

} // namespace emulator
