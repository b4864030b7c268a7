#pragma once

// A minimal HTTP/1.1 file server on 127.0.0.1 for tests (HLS playlists and segments): GET of
// /<path> answers the file <root>/<path> with 200, a Content-Type from the extension and
// Content-Length, or 404 when there is no such file. One request per connection
// (`Connection: close`). Counts the requests it served.

#include <QDir>
#include <QFile>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

namespace testsupport {

class HttpFileServer : public QObject {
public:
    explicit HttpFileServer(QString root, QObject* parent = nullptr)
        : QObject(parent)
        , m_root(std::move(root)) {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    /// http://127.0.0.1:PORT/<path>
    QUrl url(const QString& path) const {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/%2").arg(m_server.serverPort()).arg(path));
    }
    /// Request paths served so far, in order ("/live/live.m3u8").
    const QStringList& requests() const { return m_requests; }

private:
    void serve(QTcpSocket* socket) {
        m_buffer[socket] += socket->readAll();
        const QByteArray request = m_buffer.value(socket);
        if (!request.contains("\r\n\r\n")) {
            return; // headers not complete yet
        }
        m_buffer.remove(socket);
        const QList<QByteArray> line = request.left(request.indexOf("\r\n")).split(' ');
        const QString path =
            line.size() >= 2 ? QUrl::fromPercentEncoding(line.at(1).split('?').first()) : QString();
        m_requests << path;
        const QString file = QDir(m_root).filePath(path.mid(1));
        QFile f(file);
        if (path.contains(QStringLiteral("..")) || !f.open(QIODevice::ReadOnly)) {
            socket->write("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\n"
                          "Content-Length: 9\r\nConnection: close\r\n\r\nnot found");
        } else {
            const QByteArray body = f.readAll();
            const QByteArray type = file.endsWith(QStringLiteral(".m3u8"))
                                        ? "application/vnd.apple.mpegurl"
                                        : (file.endsWith(QStringLiteral(".ts")) ? "video/mp2t"
                                                                                : "application/"
                                                                                  "octet-stream");
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: " +
                          QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        }
        socket->disconnectFromHost();
    }

    QString m_root;
    QTcpServer m_server;
    QHash<QTcpSocket*, QByteArray> m_buffer;
    QStringList m_requests;
};

} // namespace testsupport
