#include "emulator/EmulatedConnection.h"

#include "emulator/ClientFrame.h"
#include "emulator/EmulatorLog.h"
#include "emulator/FrameRecorder.h"
#include "emulator/ServerFrames.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QPointer>
#include <QWebSocket>

#include <algorithm>

namespace emulator {

namespace {

QString addressText(const QHostAddress& a) {
    bool isV4 = false;
    const quint32 v4 = a.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : a.toString();
}

} // namespace

EmulatedConnection::EmulatedConnection(QWebSocket* socket, int conn, FrameRecorder* recorder,
                                       int pingIntervalMs, int probes, QObject* parent)
    : QObject(parent)
    , m_socket(socket)
    , m_conn(conn)
    , m_recorder(recorder)
    , m_probes(std::max(1, probes)) {
    m_socket->setParent(nullptr);
    m_socket->setMaxAllowedIncomingMessageSize(ClientFrame::kMaxFrameBytes);
    m_clock.start();
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, &EmulatedConnection::onText);
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this,
            &EmulatedConnection::onBinary);
    connect(m_socket.get(), &QWebSocket::disconnected, this, &EmulatedConnection::onDisconnected);
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &EmulatedConnection::flush);
    connect(&m_pingTimer, &QTimer::timeout, this, &EmulatedConnection::onPingTimer);
    if (pingIntervalMs > 0) {
        m_pingTimer.start(pingIntervalMs);
    }
    if (m_socket->state() != QAbstractSocket::ConnectedState) {
        // Gone before we could listen: report it from the event loop, once the owner is attached.
        QMetaObject::invokeMethod(this, &EmulatedConnection::onDisconnected, Qt::QueuedConnection);
    }
    if (m_recorder) {
        QJsonObject headers;
        const QNetworkRequest request = m_socket->request();
        for (const QByteArray& h : request.rawHeaderList()) {
            headers.insert(QString::fromLatin1(h.toLower()),
                           QString::fromLatin1(request.rawHeader(h)));
        }
        QString path = m_socket->requestUrl().path();
        m_recorder->opened(m_conn, QJsonObject{{QStringLiteral("url"),
                                                path.isEmpty() ? QStringLiteral("/") : path},
                                               {QStringLiteral("headers"), headers}});
    }
    qCInfo(lcEmulator).noquote() << "conn" << m_conn << "opened from" << sessionKey();
}

EmulatedConnection::~EmulatedConnection() {
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

QString EmulatedConnection::serverAddress() const {
    return addressText(m_socket->localAddress());
}

QString EmulatedConnection::sessionKey() const {
    return QStringLiteral("/%1:%2/%3:%4")
        .arg(addressText(m_socket->peerAddress()))
        .arg(m_socket->peerPort())
        .arg(serverAddress())
        .arg(m_socket->localPort());
}

void EmulatedConnection::send(const QByteArray& frame) {
    if (!m_open) {
        return;
    }
    m_outgoing.enqueue({m_clock.elapsed() + m_delayMs, frame});
    writeDue(); // never delivers inbound frames: a sender is never re-entered
}

void EmulatedConnection::notePong() {
    m_awaitingPong = false;
    m_missed = 0;
}

void EmulatedConnection::drop() {
    if (!m_open) {
        return;
    }
    qCInfo(lcEmulator) << "conn" << m_conn << "fault: drop (abort, no close frame)";
    m_outgoing.clear();
    m_dropped = true;
    m_socket->abort();
    onDisconnected(); // abort() may or may not emit disconnected synchronously
}

void EmulatedConnection::stall(int ms) {
    qCInfo(lcEmulator) << "conn" << m_conn << "fault: stall for" << ms << "ms";
    m_stallUntilMs = std::max(m_stallUntilMs, m_clock.elapsed() + ms);
    scheduleFlush();
}

void EmulatedConnection::setDelay(int ms) {
    qCInfo(lcEmulator) << "conn" << m_conn << "fault: delay outgoing frames by" << ms << "ms";
    m_delayMs = std::max(0, ms);
}

void EmulatedConnection::sendGarbage(const QString& text) {
    const QString garbage =
        text.isEmpty() ? QStringLiteral("}{ this is not JSON <%1>").arg(m_conn) : text;
    qCInfo(lcEmulator) << "conn" << m_conn << "fault: garbage frame";
    send(garbage.toUtf8());
}

void EmulatedConnection::closeWith(int code, const QString& reason) {
    if (!m_open) {
        return;
    }
    qCInfo(lcEmulator) << "conn" << m_conn << "closing with code" << code << reason;
    writeDue();
    m_socket->close(static_cast<QWebSocketProtocol::CloseCode>(code), reason);
}

void EmulatedConnection::onText(const QString& text) {
    if (m_recorder) {
        m_recorder->frame(m_conn, false, text);
    }
    m_incoming.enqueue(text);
    deliverDue();
}

void EmulatedConnection::onBinary(const QByteArray& data) {
    qCDebug(lcEmulator) << "conn" << m_conn << "ignored a binary frame of" << data.size()
                        << "bytes";
}

void EmulatedConnection::onDisconnected() {
    if (!m_open) {
        return;
    }
    m_open = false;
    m_pingTimer.stop();
    m_flushTimer.stop();
    m_outgoing.clear();
    m_incoming.clear();
    const int code = m_dropped ? int(QWebSocketProtocol::CloseCodeAbnormalDisconnection)
                               : int(m_socket->closeCode());
    const QString reason = m_dropped ? QString() : m_socket->closeReason();
    if (m_recorder) {
        m_recorder->closed(m_conn, code, reason);
    }
    qCInfo(lcEmulator).noquote() << "conn" << m_conn << "closed, code" << code << reason;
    Q_EMIT closed();
}

void EmulatedConnection::onPingTimer() {
    if (!m_open || m_clock.elapsed() < m_stallUntilMs) {
        return; // a stalled server sends nothing, keep-alive included
    }
    if (m_awaitingPong && ++m_missed >= m_probes) {
        qCInfo(lcEmulator) << "conn" << m_conn << "missed" << m_missed << "pongs in a row, closing";
        closeWith(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("keep-alive timeout"));
        return;
    }
    m_awaitingPong = true;
    send(ServerFrames::ping());
}

void EmulatedConnection::scheduleFlush() {
    qint64 next = -1;
    const qint64 now = m_clock.elapsed();
    if (now < m_stallUntilMs) {
        next = m_stallUntilMs;
    } else if (!m_incoming.isEmpty()) {
        next = now;
    } else if (!m_outgoing.isEmpty()) {
        next = m_outgoing.head().dueMs;
    }
    if (next >= 0) {
        m_flushTimer.start(static_cast<int>(std::max<qint64>(0, next - now)));
    }
}

void EmulatedConnection::flush() {
    writeDue();
    deliverDue();
}

void EmulatedConnection::writeDue() {
    if (!m_open) {
        return;
    }
    const qint64 now = m_clock.elapsed();
    if (now >= m_stallUntilMs) {
        while (m_open && !m_outgoing.isEmpty() && m_outgoing.head().dueMs <= now) {
            write(m_outgoing.dequeue().frame);
        }
    }
    if (m_open) {
        scheduleFlush();
    }
}

void EmulatedConnection::deliverDue() {
    // Inbound frames are handed on one at a time, in order, and only from onText() or the flush
    // timer: never from inside send(), so no server code that is sending a frame (a call step, a
    // stream status fan-out, a control action looping over sessions) is re-entered by a client
    // frame. A handler may send, stall or close; a nested call returns at once and the outer
    // loop carries on.
    if (!m_open || m_draining) {
        return;
    }
    const QPointer<EmulatedConnection> self(this);
    m_draining = true;
    while (m_open && !m_incoming.isEmpty() && m_clock.elapsed() >= m_stallUntilMs) {
        Q_EMIT frameReceived(m_incoming.dequeue());
        if (!self) {
            return; // an owner deleted us from a handler: nothing of ours may be touched
        }
    }
    m_draining = false;
    if (m_open) {
        scheduleFlush();
    }
}

void EmulatedConnection::write(const QByteArray& frame) {
    if (m_recorder) {
        m_recorder->frame(m_conn, true, QString::fromUtf8(frame));
    }
    m_socket->sendTextMessage(QString::fromUtf8(frame));
    Q_EMIT frameWritten(frame);
}

} // namespace emulator
