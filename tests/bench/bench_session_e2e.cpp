// End-to-end throughput: a separate server process pushes OnDataEvent frames over loopback into
// wcs::Session, which decodes them and emits typed dataReceived() events. Prints frames/s, MB/s
// and peak RSS of the client. Usage:
//   callboard-bench-session-e2e [--frames N] [--frame-bytes B] [--rounds R]
// The server mode (--serve) is internal: the bench spawns itself as the server process.
#include "wcs/Session.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTextStream>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

/// A realistic OnDataEvent frame of exactly `bytes` bytes (UTF-8), as a backend would push.
QByteArray onDataFrame(int bytes, int seq) {
    QByteArray head =
        QByteArrayLiteral(R"({"message":"OnDataEvent","data":[{"operationId":")") +
        QByteArray::number(seq).rightJustified(8, '0') +
        QByteArrayLiteral(R"(-5b1c-4e8e-9c1d-0a2b3c4d5e6f","payload":{"room":"lobby",)"
                          R"("from":"operator-7","kind":"chat","text":")");
    const QByteArray tail = QByteArrayLiteral(R"("}}]})");
    const int fill = std::max(0, bytes - static_cast<int>(head.size() + tail.size()));
    QByteArray text(fill, 'a');
    for (int i = 0; i < fill; ++i) {
        text[i] = static_cast<char>('a' + (i * 7 + seq) % 26);
    }
    return head + text + tail;
}

/// Server process: answers `connection` with getUserData, then pushes `frames` frames with
/// flow control (at most ~4 MB queued in the socket).
int serve(int frames, int frameBytes) {
    QWebSocketServer server(QStringLiteral("bench"), QWebSocketServer::NonSecureMode);
    if (!server.listen(QHostAddress::LocalHost, 0)) {
        return 1;
    }
    QTextStream(stdout) << server.serverPort() << Qt::endl;
    const QString frame = QString::fromUtf8(onDataFrame(frameBytes, 1));
    QObject::connect(&server, &QWebSocketServer::newConnection, [&] {
        QWebSocket* c = server.nextPendingConnection();
        auto sent = std::make_shared<int>(0);
        auto queued = std::make_shared<qint64>(0);
        auto pump = [c, sent, queued, frames, frame] {
            while (*sent < frames && *queued < 4 * 1024 * 1024) {
                *queued += c->sendTextMessage(frame);
                ++*sent;
            }
        };
        QObject::connect(c, &QWebSocket::bytesWritten, c, [queued, pump](qint64 n) {
            *queued -= n;
            pump();
        });
        QObject::connect(c, &QWebSocket::textMessageReceived, c, [c, pump](const QString& t) {
            if (t.contains(QLatin1StringView("\"connection\""))) {
                c->sendTextMessage(QStringLiteral(
                    R"({"message":"getUserData","data":[{"sessionId":"/bench","authToken":"x"}]})"));
                pump();
            }
        });
        QObject::connect(c, &QWebSocket::disconnected, qApp, &QCoreApplication::quit);
    });
    return QCoreApplication::exec();
}

long peakRssKb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

struct Round {
    double seconds = 0;
    int received = 0;
};

Round runRound(int frames, int frameBytes) {
    QProcess server;
    server.setProgram(QCoreApplication::applicationFilePath());
    server.setArguments({QStringLiteral("--serve"), QStringLiteral("--frames"),
                         QString::number(frames), QStringLiteral("--frame-bytes"),
                         QString::number(frameBytes)});
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start();
    if (!server.waitForReadyRead(10000)) {
        qFatal("bench server did not start");
    }
    const int port = server.readLine().trimmed().toInt();

    wcs::SessionOptions o;
    o.url = QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port));
    o.autoReconnect = false;
    o.watchdogMs = 0;
    wcs::Session session(o);
    Round r;
    QElapsedTimer timer;
    QObject::connect(&session, &wcs::Session::connectionStatusChanged,
                     [&](const core::ConnectionStatusEvent& e) {
                         if (e.status == core::SessionStatus::Established) {
                             timer.start();
                         }
                     });
    QObject::connect(&session, &wcs::Session::dataReceived, [&](const core::OnDataEvent& e) {
        if (!e.operationId.isEmpty()) {
            ++r.received;
        }
        if (r.received == frames) {
            r.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
            QCoreApplication::quit();
        }
    });
    QTimer::singleShot(600000, qApp, &QCoreApplication::quit);
    session.open();
    QCoreApplication::exec();
    session.close();
    server.waitForFinished(5000);
    if (server.state() != QProcess::NotRunning) {
        server.kill();
        server.waitForFinished();
    }
    return r;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addOption({QStringLiteral("serve"), QStringLiteral("internal: run the server side")});
    p.addOption({QStringLiteral("frames"), QStringLiteral("frames per round"), QStringLiteral("n"),
                 QStringLiteral("1000000")});
    p.addOption({QStringLiteral("frame-bytes"), QStringLiteral("frame size"), QStringLiteral("b"),
                 QStringLiteral("527")});
    p.addOption({QStringLiteral("rounds"), QStringLiteral("rounds"), QStringLiteral("r"),
                 QStringLiteral("3")});
    p.addHelpOption();
    p.process(app);
    const int frames = p.value(QStringLiteral("frames")).toInt();
    const int bytes = p.value(QStringLiteral("frame-bytes")).toInt();
    if (p.isSet(QStringLiteral("serve"))) {
        return serve(frames, bytes);
    }
    const int frameSize = static_cast<int>(onDataFrame(bytes, 1).size());
    std::vector<double> rates;
    for (int i = 0; i < p.value(QStringLiteral("rounds")).toInt(); ++i) {
        const Round r = runRound(frames, bytes);
        if (r.received != frames || r.seconds <= 0) {
            std::fprintf(stderr, "round %d: received %d of %d frames\n", i + 1, r.received, frames);
            return 1;
        }
        const double fps = frames / r.seconds;
        rates.push_back(fps);
        std::printf("round %d: %d frames of %d bytes in %.3f s = %.0f frames/s, %.1f MB/s\n", i + 1,
                    frames, frameSize, r.seconds, fps, fps * frameSize / 1e6);
    }
    std::sort(rates.begin(), rates.end());
    const double median = rates[rates.size() / 2];
    std::printf("median: %.0f frames/s, %.1f MB/s; client peak RSS %ld KiB\n", median,
                median * frameSize / 1e6, peakRssKb());
    return 0;
}
