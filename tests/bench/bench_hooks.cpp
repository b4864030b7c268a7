// callboard-bench-hooks: the REST hook server (hooks::HookServer) under a StreamKeepAliveEvent
// load, with every event checked into services::StreamMonitor (none lost).
//
//   callboard-bench-hooks [--streams 10000] [--requests 200000] [--connections 16]
//       Built-in load: a client thread with N keep-alive connections, one request in flight
//       each, realistic keep-alive bodies over `streams` distinct mediaSessionIds. Prints
//       requests/s, latency p50/p99/max (ms) and the lost-event check; exit 1 when lost.
//   callboard-bench-hooks --serve [--port 9091] [--duration-s 30]
//       Server only, for tests/bench/run-wrk-hooks.sh: serves for the duration, then prints
//       one JSON line with the server's counts for the lost-event check.
#include "core/Clock.h"
#include "hooks/HookServer.h"
#include "services/HookBinding.h"
#include "services/StreamMonitor.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

/// A StreamKeepAliveEvent body as WCS sends it (spec §11, §13.1), ~370 bytes.
QByteArray keepAliveBody(int stream) {
    return QByteArrayLiteral(
               R"({"nodeId":"Qb3rAjf3lzoy6PEl1WZkUhRG1DsTykgj@192.168.1.10","appKey":"defaultApp",)"
               R"("sessionId":"/192.168.1.55:53412/192.168.1.10:8443","mediaSessionId":"5f0c2b9e-77aa-4a51-8d0e-)") +
           QByteArray::number(stream).rightJustified(12, '0') +
           QByteArrayLiteral(R"(","name":"stream-)") + QByteArray::number(stream) +
           QByteArrayLiteral(
               R"(","published":true,"hasVideo":true,"hasAudio":true,"status":"PUBLISHING",)"
               R"("mediaProvider":"WebRTC","record":false,"width":1280,"height":720,"bitrate":0,"quality":0})");
}

QByteArray request(quint16 port, const QByteArray& body) {
    return "POST /rest/my_api/StreamKeepAliveEvent HTTP/1.1\r\nHost: 127.0.0.1:" +
           QByteArray::number(port) +
           "\r\nContent-Type: application/json\r\nConnection: keep-alive\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

/// One keep-alive connection of the built-in load: sends, waits for the whole answer, repeats.
class LoadConnection : public QObject {
public:
    LoadConnection(quint16 port, std::atomic<int>& next, std::atomic<int>& answered, int total,
                   int streams, std::vector<qint64>& latenciesNs, int& ok, int& bad)
        : m_port(port)
        , m_next(next)
        , m_answered(answered)
        , m_total(total)
        , m_streams(streams)
        , m_lat(latenciesNs)
        , m_ok(ok)
        , m_bad(bad) {
        connect(&m_socket, &QTcpSocket::connected, this, &LoadConnection::sendNext);
        connect(&m_socket, &QTcpSocket::readyRead, this, &LoadConnection::onRead);
        m_socket.connectToHost(u"127.0.0.1"_s, port);
    }
    bool done = false;

private:
    void sendNext() {
        const int i = m_next.fetch_add(1);
        if (i >= m_total) {
            done = true;
            m_socket.disconnectFromHost();
            return;
        }
        m_buffer.clear();
        m_timer.start();
        m_socket.write(request(m_port, keepAliveBody(i % m_streams)));
    }
    void onRead() {
        m_buffer += m_socket.readAll();
        const qsizetype head = m_buffer.indexOf("\r\n\r\n");
        if (head < 0) {
            return;
        }
        const qsizetype cl = m_buffer.indexOf("Content-Length: ");
        const qsizetype clEnd = m_buffer.indexOf("\r\n", cl);
        const qsizetype length =
            cl >= 0 && cl < head ? m_buffer.mid(cl + 16, clEnd - cl - 16).toLongLong() : 0;
        if (m_buffer.size() < head + 4 + length) {
            return;
        }
        m_lat.push_back(m_timer.nsecsElapsed());
        (m_buffer.startsWith("HTTP/1.1 200") ? m_ok : m_bad) += 1;
        m_answered.fetch_add(1);
        sendNext();
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
    QElapsedTimer m_timer;
    quint16 m_port;
    std::atomic<int>& m_next;
    std::atomic<int>& m_answered;
    int m_total;
    int m_streams;
    std::vector<qint64>& m_lat;
    int& m_ok;
    int& m_bad;
};

double percentileMs(std::vector<qint64>& v, double p) {
    if (v.empty()) {
        return 0;
    }
    const size_t k = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())));
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
    return static_cast<double>(v[k]) / 1e6;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"callboard.hooks.info=false"_s);
    QCommandLineParser cli;
    cli.addHelpOption();
    const QCommandLineOption serve(u"serve"_s, u"Server only (for wrk)."_s);
    const QCommandLineOption port(u"port"_s, u"Port (default 0 = free; 9091 with --serve)."_s,
                                  u"N"_s);
    const QCommandLineOption duration(u"duration-s"_s, u"--serve: seconds (default 30)."_s, u"S"_s,
                                      u"30"_s);
    const QCommandLineOption streams(u"streams"_s, u"Distinct streams (default 10000)."_s, u"N"_s,
                                     u"10000"_s);
    const QCommandLineOption requests(u"requests"_s, u"Built-in load: requests (200000)."_s, u"N"_s,
                                      u"200000"_s);
    const QCommandLineOption connections(u"connections"_s, u"Built-in load: connections (16)."_s,
                                         u"N"_s, u"16"_s);
    cli.addOptions({serve, port, duration, streams, requests, connections});
    cli.process(app);

    auto clock = std::make_shared<core::SystemClock>();
    hooks::HookServer server(clock);
    hooks::HookServerOptions o;
    o.port = static_cast<quint16>(cli.value(port).toUInt());
    if (!cli.isSet(port) && cli.isSet(serve)) {
        o.port = 9091;
    }
    o.pathPrefix = u"/rest/my_api"_s;
    o.maxConnections = 4096;
    server.setOptions(o);
    if (!server.listen()) {
        std::fprintf(stderr, "%s\n", qPrintable(server.errorString()));
        return 2;
    }
    services::StreamMonitor monitor(clock);
    services::HookBinding binding(server, monitor, clock);
    quint64 keepAlives = 0;
    QObject::connect(&server, &hooks::HookServer::streamKeepAliveReceived, &server,
                     [&keepAlives] { ++keepAlives; });
    const auto rowsWithKeepAlive = [&monitor] {
        int n = 0;
        for (int i = 0; i < monitor.size(); ++i) {
            n += monitor.at(i).lastKeepAliveMs > 0 ? 1 : 0;
        }
        return n;
    };

    if (cli.isSet(serve)) {
        std::fprintf(stderr, "callboard-bench-hooks: serving %s for %s s\n",
                     qPrintable(server.baseUrl().toString()), qPrintable(cli.value(duration)));
        QTimer::singleShot(cli.value(duration).toInt() * 1000, &app, &QCoreApplication::quit);
        QCoreApplication::exec();
        const auto c = server.counters();
        const QJsonObject out{
            {u"requests"_s, double(c.requests)}, {u"accepted"_s, double(c.accepted)},
            {u"errors"_s, double(c.errors)},     {u"keepAliveEvents"_s, double(keepAlives)},
            {u"monitorRows"_s, monitor.size()},  {u"rowsWithKeepAlive"_s, rowsWithKeepAlive()}};
        std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
        return 0;
    }

    const int total = cli.value(requests).toInt();
    const int nStreams = cli.value(streams).toInt();
    const int nConn = cli.value(connections).toInt();
    std::atomic<int> next{0};
    std::atomic<int> answered{0};
    std::vector<std::vector<qint64>> lat(static_cast<size_t>(nConn));
    std::vector<int> ok(static_cast<size_t>(nConn), 0);
    std::vector<int> bad(static_cast<size_t>(nConn), 0);
    QThread clientThread;
    QObject inClient; // context for running code on the client thread
    inClient.moveToThread(&clientThread);
    QElapsedTimer wall;
    std::vector<LoadConnection*> conns;
    clientThread.start();
    wall.start();
    for (int i = 0; i < nConn; ++i) {
        auto idx = static_cast<size_t>(i);
        lat[idx].reserve(static_cast<size_t>(total / nConn + 1));
        QMetaObject::invokeMethod(
            &inClient,
            [&, idx] {
                conns.push_back(new LoadConnection(server.port(), next, answered, total, nStreams,
                                                   lat[idx], ok[idx], bad[idx]));
            },
            Qt::BlockingQueuedConnection);
    }
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        if (answered.load() >= total || wall.elapsed() > 100000) {
            QCoreApplication::quit();
        }
    });
    poll.start(20);
    QCoreApplication::exec();
    const double seconds = static_cast<double>(wall.nsecsElapsed()) / 1e9;
    QMetaObject::invokeMethod(
        &inClient,
        [&] {
            for (LoadConnection* c : conns) {
                delete c;
            }
        },
        Qt::BlockingQueuedConnection);
    clientThread.quit();
    clientThread.wait();
    QCoreApplication::processEvents(); // deliver what is still queued to the monitor
    std::vector<qint64> all;
    int okTotal = 0;
    int badTotal = 0;
    for (size_t i = 0; i < lat.size(); ++i) {
        all.insert(all.end(), lat[i].begin(), lat[i].end());
        okTotal += ok[i];
        badTotal += bad[i];
    }
    const double rps = okTotal / seconds;
    const double p50 = percentileMs(all, 0.50);
    const double p99 = percentileMs(all, 0.99);
    const double pmax = percentileMs(all, 0.999999);
    const int rows = monitor.size();
    const int fresh = rowsWithKeepAlive();
    const bool lost = keepAlives != quint64(okTotal) || okTotal != total || badTotal != 0 ||
                      rows != std::min(nStreams, total) || fresh != rows;
    std::printf("callboard-bench-hooks: %d requests, %d connections, %d streams\n", total, nConn,
                nStreams);
    std::printf("  requests/s   %.0f (%.2f s)\n", rps, seconds);
    std::printf("  latency ms   p50 %.3f  p99 %.3f  max %.3f\n", p50, p99, pmax);
    std::printf("  answers      200: %d  other: %d\n", okTotal, badTotal);
    std::printf("  lost check   keep-alive events %llu, monitor rows %d (with keep-alive %d): %s\n",
                static_cast<unsigned long long>(keepAlives), rows, fresh,
                lost ? "LOST EVENTS" : "none lost");
    return lost ? 1 : 0;
}
