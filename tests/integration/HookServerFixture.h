#pragma once

// Shared by the hook server tests: a hooks::HookServer on a free loopback port and the HTTP
// calls they make to it (Qt Network, or raw bytes over a socket for what Qt will not send).

#include "hooks/HookServer.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

namespace hooktest {

using namespace Qt::Literals::StringLiterals;

struct Reply {
    int status = 0;
    QByteArray body;
    QByteArray allow;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

class HookServerFixture {
protected:
    QNetworkAccessManager nam;
    std::unique_ptr<hooks::HookServer> server;

    void start(hooks::HookServerOptions o = {}) {
        server = std::make_unique<hooks::HookServer>();
        o.port = 0;
        if (o.pathPrefix.isEmpty()) {
            o.pathPrefix = u"/rest/my_api"_s;
        }
        server->setOptions(o);
        QVERIFY2(server->listen(), qPrintable(server->errorString()));
    }

    QUrl url(const QString& name) const {
        QUrl u = server->baseUrl();
        u.setPath(u.path() + u'/' + name);
        return u;
    }

    Reply send(const QUrl& u, const QByteArray& body, const QByteArray& verb = "POST",
               const QByteArray& contentType = "application/json",
               const QByteArray& authorization = {}) {
        QNetworkRequest req(u);
        if (!contentType.isEmpty()) {
            req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        }
        if (!authorization.isEmpty()) {
            req.setRawHeader("Authorization", authorization);
        }
        QNetworkReply* r = nam.sendCustomRequest(req, verb, body);
        QSignalSpy done(r, &QNetworkReply::finished);
        if (!r->isFinished()) {
            done.wait(5000);
        }
        Reply out;
        out.status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.body = r->readAll();
        out.allow = r->rawHeader("Allow");
        r->deleteLater();
        return out;
    }

    Reply post(const QString& name, const QByteArray& body) { return send(url(name), body); }

    /// Raw HTTP over a socket; returns everything the server sent until it closed (or
    /// `waitMs`). Waits with the event loop running: the server lives on this thread.
    QByteArray raw(const QByteArray& request, int waitMs = 3000) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, server->port());
        s.write(request);
        QByteArray got;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < waitMs) {
            QTest::qWait(20);
            got += s.readAll();
            if (s.state() == QAbstractSocket::UnconnectedState) {
                break;
            }
        }
        return got + s.readAll();
    }
};

} // namespace hooktest
