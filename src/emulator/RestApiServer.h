#pragma once

#include "emulator/EmulatedStream.h"

#include <QAbstractHttpServer>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QString>

#include <functional>

namespace emulator {

class EmulatedSession;
class StreamRegistry;

/// The WCS REST API of the emulated node (spec §14), for the stream monitor's REST client:
/// `POST /rest-api/stream/find_all` (also GET), `/stream/find` (filter `mediaSessionId`,
/// `name`, `published`; `display:["metrics"]` adds the `metrics` object), `/stream/terminate`
/// (same filter; publishers UNPUBLISHED, players STOPPED, "Stopped by rest /terminate"),
/// `/connection/find_all` (also GET), `/connection/terminate` (`sessionId`), and
/// `GET /?action=stat&format=json` (connections, streams_webrtc_in/out, streams_viewers,
/// ports_media_*, core_threads).
///
/// Status codes as §14.1: 200, 404 when nothing matches a find/terminate, 500 for a body that
/// is not a JSON object ("bad parameters"), 401 (with `WWW-Authenticate: Basic`) when
/// credentials are set and the request's Basic auth does not match, 405 for other methods.
class RestApiServer : public QAbstractHttpServer {
    Q_OBJECT

public:
    using Sessions = std::function<QList<QPointer<EmulatedSession>>()>;

    RestApiServer(StreamRegistry& registry, Sessions sessions, QObject* parent = nullptr);

    /// Requires HTTP Basic auth with these credentials (empty user = no auth, the default).
    void setCredentials(const QString& user, const QByteArray& password);
    /// Answers every request with `status` (0 = normal service); for fault tests.
    void setForcedStatus(int status) { m_forcedStatus = status; }

    /// The stream object of §14.2 for `s` (with `metrics` when asked).
    static QJsonObject streamObject(const EmulatedStream& s, bool metrics);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    QJsonArray findStreams(const QJsonObject& filter, bool metrics) const;
    QJsonArray connections() const;
    QJsonObject stats() const;

    StreamRegistry& m_registry;
    Sessions m_sessions;
    QString m_user;
    QByteArray m_password;
    int m_forcedStatus = 0;
};

} // namespace emulator
