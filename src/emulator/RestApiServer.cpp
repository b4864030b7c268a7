#include "emulator/RestApiServer.h"

#include "emulator/EmulatedSession.h"
#include "emulator/EmulatedStream.h"
#include "emulator/EmulatorLog.h"
#include "emulator/StreamRegistry.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace emulator {

namespace {

using Status = QHttpServerResponder::StatusCode;
using Method = QHttpServerRequest::Method;

QByteArray header(const QHttpServerRequest& request, QByteArrayView name) {
    for (const auto& [key, value] : request.headers()) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

void reply(QHttpServerResponder& r, Status status, const QJsonDocument& doc) {
    r.write(doc.toJson(QJsonDocument::Compact), "application/json", status);
}

void error(QHttpServerResponder& r, Status status, const QString& text) {
    reply(r, status, QJsonDocument(QJsonObject{{u"error"_s, text}}));
}

bool isLive(core::StreamStatus s) {
    return s == core::StreamStatus::Publishing || s == core::StreamStatus::Playing ||
           s == core::StreamStatus::Pending;
}

} // namespace

RestApiServer::RestApiServer(StreamRegistry& registry, Sessions sessions, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_registry(registry)
    , m_sessions(std::move(sessions)) {}

void RestApiServer::setCredentials(const QString& user, const QByteArray& password) {
    m_user = user;
    m_password = password;
}

QJsonObject RestApiServer::streamObject(const EmulatedStream& s, bool metrics) {
    QJsonObject o{{u"appKey"_s, u"defaultApp"_s},
                  {u"sessionId"_s, s.sessionId},
                  {u"mediaSessionId"_s, s.mediaSessionId},
                  {u"name"_s, s.name},
                  {u"published"_s, s.published},
                  {u"hasVideo"_s, s.hasVideo},
                  {u"hasAudio"_s, s.hasAudio},
                  {u"status"_s, QString(core::toWire(s.status))},
                  {u"record"_s, s.record},
                  {u"width"_s, s.width},
                  {u"height"_s, s.height},
                  {u"bitrate"_s, s.bitrate},
                  {u"quality"_s, s.quality},
                  {u"audioCodec"_s, u"opus/48000/2"_s},
                  {u"videoCodec"_s, u"H264"_s},
                  {u"transport"_s, u"UDP"_s},
                  {u"createDate"_s, s.createdMs},
                  {u"mediaType"_s, s.published ? u"publish"_s : u"play"_s},
                  {u"mediaProvider"_s, s.mediaProvider}};
    if (metrics) {
        const bool video = s.hasVideo;
        o.insert(
            u"metrics"_s,
            QJsonObject{{u"VIDEO_WIDTH"_s, video ? (s.width > 0 ? s.width : 640) : 0},
                        {u"VIDEO_HEIGHT"_s, video ? (s.height > 0 ? s.height : 360) : 0},
                        {u"VIDEO_FPS"_s, video ? 30 : 0},
                        {u"VIDEO_RATE"_s, video ? (s.bitrate > 0 ? s.bitrate * 1000 : 1500000) : 0},
                        {u"AUDIO_RATE"_s, s.hasAudio ? 41000 : 0},
                        {u"VIDEO_CODEC"_s, 102},
                        {u"AUDIO_CODEC"_s, 111},
                        {u"VIDEO_NACK"_s, 0},
                        {u"VIDEO_PLI"_s, 0},
                        {u"VIDEO_LOST"_s, 0},
                        {u"AUDIO_LOST"_s, 0}});
    }
    return o;
}

QJsonArray RestApiServer::findStreams(const QJsonObject& filter, bool metrics) const {
    QJsonArray out;
    const QString id = filter.value(u"mediaSessionId").toString();
    const QJsonArray ids = filter.value(u"mediaSessionIds").toArray();
    const QString name = filter.value(u"name").toString();
    const QJsonValue published = filter.value(u"published");
    for (const EmulatedStream& s : m_registry.all()) {
        if ((!id.isEmpty() && s.mediaSessionId != id) || (!name.isEmpty() && s.name != name) ||
            (published.isBool() && published.toBool() != s.published) ||
            (!ids.isEmpty() && !ids.contains(QJsonValue(s.mediaSessionId)))) {
            continue;
        }
        out.append(streamObject(s, metrics));
    }
    return out;
}

QJsonArray RestApiServer::connections() const {
    QJsonArray out;
    for (const auto& guard : m_sessions()) {
        // One read of the guard: gcc -O2 cannot see that two reads agree.
        EmulatedSession* const s = guard.data();
        if (s == nullptr || !s->isEstablished() || s->isEnded()) {
            continue;
        }
        const QJsonObject d = s->describe();
        out.append(QJsonObject{{u"sessionId"_s, s->sessionId()},
                               {u"appKey"_s, u"defaultApp"_s},
                               {u"sipLogin"_s, s->sipLogin()},
                               {u"keepAlive"_s, s->keepAlive()},
                               {u"registered"_s, d.value(u"registered")},
                               {u"streams"_s, d.value(u"streams").toArray().size()}});
    }
    return out;
}

QJsonObject RestApiServer::stats() const {
    int in = 0;
    int out = 0;
    for (const EmulatedStream& s : m_registry.all()) {
        if (s.status == core::StreamStatus::Publishing) {
            ++in;
        } else if (s.status == core::StreamStatus::Playing) {
            ++out;
        }
    }
    const int conns = static_cast<int>(connections().size());
    return QJsonObject{{u"connections"_s, conns},
                       {u"connections_websocket"_s, conns},
                       {u"streams_webrtc_in"_s, in},
                       {u"streams_webrtc_out"_s, out},
                       {u"streams_rtmp_out"_s, 0},
                       {u"streams_rtsp_in"_s, 0},
                       {u"streams_websocket_out"_s, 0},
                       {u"streams_viewers"_s, out},
                       {u"ports_media_free"_s, 1000 - 2 * (in + out)},
                       {u"ports_media_busy"_s, 2 * (in + out)},
                       {u"core_threads"_s, 8}};
}

bool RestApiServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) {
    auto r = makeResponder(request, socket);
    if (m_forcedStatus > 0) {
        error(r, static_cast<Status>(m_forcedStatus), u"forced by the test"_s);
        return true;
    }
    if (!m_user.isEmpty()) {
        const QByteArray expected = "Basic " + (m_user.toUtf8() + ':' + m_password).toBase64();
        if (header(request, "authorization") != expected) {
            r.write(
                QJsonDocument(QJsonObject{{u"error"_s, u"Unauthorized"_s}})
                    .toJson(QJsonDocument::Compact),
                {{"Content-Type", "application/json"}, {"WWW-Authenticate", "Basic realm=\"WCS\""}},
                Status::Unauthorized);
            return true;
        }
    }
    const QString path = request.url().path();
    const Method method = request.method();
    if (path == u"/" || path.isEmpty()) {
        const QUrlQuery q(request.url());
        if (method == Method::Get && q.queryItemValue(u"action"_s) == u"stat") {
            reply(r, Status::Ok, QJsonDocument(stats()));
        } else {
            error(r, Status::NotFound, u"unknown action"_s);
        }
        return true;
    }
    static const QStringList kEndpoints{
        u"/rest-api/stream/find_all"_s, u"/rest-api/stream/find"_s, u"/rest-api/stream/terminate"_s,
        u"/rest-api/connection/find_all"_s, u"/rest-api/connection/terminate"_s};
    if (!kEndpoints.contains(path)) {
        error(r, Status::NotFound, u"no endpoint %1"_s.arg(path.left(100)));
        return true;
    }
    const bool findAll = path.endsWith(u"/find_all");
    if (method != Method::Post && !(findAll && method == Method::Get)) {
        error(r, Status::MethodNotAllowed, u"use POST"_s);
        return true;
    }
    QJsonObject body;
    if (!request.body().trimmed().isEmpty()) {
        const QJsonDocument doc = QJsonDocument::fromJson(request.body());
        if (!doc.isObject()) {
            error(r, Status::InternalServerError, u"bad parameters: body is not a JSON object"_s);
            return true;
        }
        body = doc.object();
    }
    if (path == u"/rest-api/stream/find_all") {
        reply(r, Status::Ok, QJsonDocument(findStreams({}, false)));
    } else if (path == u"/rest-api/stream/find") {
        const bool metrics = body.value(u"display").toArray().contains(QJsonValue(u"metrics"_s));
        const QJsonArray found = findStreams(body, metrics);
        if (found.isEmpty()) {
            error(r, Status::NotFound, u"Stream not found"_s);
        } else {
            reply(r, Status::Ok, QJsonDocument(found));
        }
    } else if (path == u"/rest-api/stream/terminate") {
        const QJsonArray found = findStreams(body, false);
        int ended = 0;
        for (const QJsonValue& v : found) {
            const QJsonObject o = v.toObject();
            const QString id = o.value(u"mediaSessionId").toString();
            const auto s = m_registry.find(id);
            if (s && isLive(s->status)) {
                m_registry.setStatus(id,
                                     s->published ? core::StreamStatus::Unpublished
                                                  : core::StreamStatus::Stopped,
                                     u"Stopped by rest /terminate"_s);
                ++ended;
            }
        }
        if (ended == 0) {
            error(r, Status::NotFound, u"Stream not found"_s);
        } else {
            r.write(Status::Ok);
        }
    } else if (path == u"/rest-api/connection/find_all") {
        reply(r, Status::Ok, QJsonDocument(connections()));
    } else { // /rest-api/connection/terminate
        const QString sessionId = body.value(u"sessionId").toString();
        for (const auto& guard : m_sessions()) {
            EmulatedSession* const s = guard.data();
            if (s != nullptr && !s->isEnded() && s->sessionId() == sessionId &&
                !sessionId.isEmpty()) {
                qCInfo(lcEmulator).noquote() << "REST API terminates session" << sessionId;
                s->terminate(1000, u"Terminated by REST API"_s);
                r.write(Status::Ok);
                return true;
            }
        }
        error(r, Status::NotFound, u"Connection not found"_s);
    }
    return true;
}

void RestApiServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) {
    auto r = makeResponder(request, socket);
    error(r, Status::NotFound, u"not found"_s);
}

} // namespace emulator
