#include "hooks/RestApiClient.h"

#include "hooks/HookDecoder.h"
#include "hooks/HooksLogging.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace hooks {

namespace {

/// The JSON array of a find answer; 404 = nothing found = empty (spec §14.1).
std::optional<QJsonArray> arrayOf(int status, const QByteArray& body) {
    if (status == 404) {
        return QJsonArray{};
    }
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isArray()) {
        return doc.array();
    }
    if (doc.isObject()) {
        return QJsonArray{doc.object()}; // some builds answer a single object
    }
    if (body.trimmed().isEmpty()) {
        return QJsonArray{};
    }
    return std::nullopt;
}

} // namespace

RestApiClient::RestApiClient(const RestApiNodeOptions& options,
                             std::shared_ptr<const core::Clock> clock, QObject* parent)
    : QObject(parent)
    , m_options(options)
    , m_clock(clock ? std::move(clock) : std::make_shared<core::SystemClock>())
    , m_nam(new QNetworkAccessManager(this)) {
    QString path = m_options.baseUrl.path();
    while (path.endsWith(u'/')) {
        path.chop(1);
    }
    m_options.baseUrl.setPath(path);
    connect(&m_timer, &QTimer::timeout, this, &RestApiClient::pollNow);
}

RestApiClient::~RestApiClient() = default;

void RestApiClient::start() {
    if (m_options.pollIntervalMs > 0) {
        m_timer.start(m_options.pollIntervalMs);
    }
    pollNow();
}

void RestApiClient::stop() {
    m_timer.stop();
}

void RestApiClient::pollNow() {
    if (m_pending > 0) {
        return; // the previous poll is still running (slow node): no pile-up
    }
    m_status.lastAttemptMs = m_clock->nowMs();
    m_pending = 1;
    post(u"/stream/find_all"_s, {}, [this](const Answer& a) {
        const QString endpoint = u"/stream/find_all"_s;
        if (note(endpoint, a) || a.status == 404) {
            const auto array = arrayOf(a.status, a.body);
            if (!array) {
                m_status.reachability = NodeReachability::ServerError;
                m_status.lastError = u"/stream/find_all: answer is not a JSON array"_s;
                Q_EMIT requestFailed(m_options.nodeId, endpoint, a.status, m_status.lastError);
            } else {
                const QList<core::StreamStatusEvent> streams = toStreams(*array);
                m_status.streams = static_cast<int>(streams.size());
                Q_EMIT streamsPolled(m_options.nodeId, streams);
            }
        }
        finishPollStep();
    });
    if (m_options.pollConnections) {
        ++m_pending;
        post(u"/connection/find_all"_s, {}, [this](const Answer& a) {
            if (note(u"/connection/find_all"_s, a) || a.status == 404) {
                const auto array = arrayOf(a.status, a.body);
                if (array) {
                    m_status.connections = static_cast<int>(array->size());
                    Q_EMIT connectionsPolled(m_options.nodeId, *array);
                }
            }
            finishPollStep();
        });
    }
    if (m_options.pollStats) {
        ++m_pending;
        QUrl url = m_options.baseUrl;
        url.setPath(u"/"_s);
        url.setQuery(u"action=stat&format=json"_s);
        get(url, [this](const Answer& a) {
            if (note(u"/?action=stat"_s, a)) {
                const QJsonDocument doc = QJsonDocument::fromJson(a.body);
                if (doc.isObject()) {
                    m_status.stats = doc.object();
                    Q_EMIT statsPolled(m_options.nodeId, m_status.stats);
                }
            }
            finishPollStep();
        });
    }
}

void RestApiClient::finishPollStep() {
    if (--m_pending == 0) {
        Q_EMIT statusChanged(m_options.nodeId);
    }
}

void RestApiClient::fetchStream(const QString& mediaSessionId) {
    const QJsonObject body{{u"mediaSessionId"_s, mediaSessionId},
                           {u"display"_s, QJsonArray{u"metrics"_s}}};
    post(u"/stream/find"_s, body, [this, mediaSessionId](const Answer& a) {
        if (a.status == 404) {
            Q_EMIT streamNotFound(m_options.nodeId, mediaSessionId);
            return;
        }
        if (!note(u"/stream/find"_s, a)) {
            return;
        }
        const auto array = arrayOf(a.status, a.body);
        for (const QJsonValue& v : array.value_or(QJsonArray{})) {
            const QJsonObject o = v.toObject();
            if (HookDecoder::text(o, u"mediaSessionId") == mediaSessionId) {
                const auto streams = toStreams(QJsonArray{o});
                if (!streams.isEmpty()) {
                    Q_EMIT streamFetched(m_options.nodeId, streams.first(),
                                         o.value(u"metrics").toObject());
                    return;
                }
            }
        }
        Q_EMIT streamNotFound(m_options.nodeId, mediaSessionId);
    });
}

void RestApiClient::terminateStream(const QString& mediaSessionId) {
    post(u"/stream/terminate"_s, QJsonObject{{u"mediaSessionId"_s, mediaSessionId}},
         [this, mediaSessionId](const Answer& a) {
             const bool ok = a.status == 200;
             if (a.status != 404) {
                 note(u"/stream/terminate"_s, a);
             }
             Q_EMIT actionFinished(m_options.nodeId, u"terminateStream"_s, mediaSessionId, ok,
                                   a.status == 404 ? u"stream not found"_s : a.error);
         });
}

void RestApiClient::terminateConnection(const QString& sessionId) {
    post(u"/connection/terminate"_s, QJsonObject{{u"sessionId"_s, sessionId}},
         [this, sessionId](const Answer& a) {
             const bool ok = a.status == 200;
             if (a.status != 404) {
                 note(u"/connection/terminate"_s, a);
             }
             Q_EMIT actionFinished(m_options.nodeId, u"terminateConnection"_s, sessionId, ok,
                                   a.status == 404 ? u"connection not found"_s : a.error);
         });
}

bool RestApiClient::note(const QString& endpoint, const Answer& a) {
    const NodeReachability before = m_status.reachability;
    m_status.lastHttpStatus = a.status;
    if (a.status == 200 || a.status == 404) {
        m_status.reachability = NodeReachability::Reachable;
        m_status.lastError.clear();
        m_status.lastSuccessMs = m_clock->nowMs();
        return a.status == 200;
    }
    if (a.status == 401 || a.status == 403) {
        m_status.reachability = NodeReachability::Unauthorized;
    } else if (a.status == 0) {
        m_status.reachability = NodeReachability::Unreachable;
    } else {
        m_status.reachability = NodeReachability::ServerError;
    }
    m_status.lastError = endpoint + u": "_s + a.error;
    if (before != m_status.reachability) {
        qCInfo(lcHooks).noquote() << "REST API of node" << m_options.nodeId << m_status.lastError;
    }
    Q_EMIT requestFailed(m_options.nodeId, endpoint, a.status, a.error);
    return false;
}

QList<core::StreamStatusEvent> RestApiClient::toStreams(const QJsonArray& array) const {
    QList<core::StreamStatusEvent> out;
    out.reserve(array.size());
    for (const QJsonValue& v : array) {
        QString error;
        auto e = HookDecoder::streamStatus(v.toObject(), &error);
        if (!e) {
            qCDebug(lcHooks).noquote() << "REST API stream object skipped:" << error;
            continue;
        }
        if (e->nodeId.isEmpty()) {
            e->nodeId = m_options.nodeId;
        }
        out.append(std::move(*e));
    }
    return out;
}

void RestApiClient::post(const QString& endpoint, const QJsonObject& body, Done done) {
    QUrl url = m_options.baseUrl;
    url.setPath(url.path() + endpoint);
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    send(req, &bytes, std::move(done));
}

void RestApiClient::get(const QUrl& url, Done done) {
    send(QNetworkRequest(url), nullptr, std::move(done));
}

void RestApiClient::send(const QNetworkRequest& request, const QByteArray* body, Done done) {
    QNetworkRequest req = request;
    if (m_options.timeoutMs > 0) {
        req.setTransferTimeout(m_options.timeoutMs);
    }
    if (!m_options.user.isEmpty()) {
        req.setRawHeader("Authorization",
                         "Basic " + (m_options.user.toUtf8() + ':' + m_password).toBase64());
    }
    QNetworkReply* reply = body ? m_nam->post(req, *body) : m_nam->get(req);
    const int timeoutMs = m_options.timeoutMs;
    connect(reply, &QNetworkReply::finished, this, [reply, done, timeoutMs] {
        reply->deleteLater();
        Answer a;
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.body = reply->readAll();
        if (a.status == 0) {
            a.error = reply->error() == QNetworkReply::OperationCanceledError ||
                              reply->error() == QNetworkReply::TimeoutError
                          ? u"no answer within %1 ms"_s.arg(timeoutMs)
                          : reply->errorString();
        } else if (a.status != 200) {
            a.error = u"HTTP %1"_s.arg(a.status);
        }
        done(a);
    });
}

} // namespace hooks
