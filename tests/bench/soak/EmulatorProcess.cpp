#include "EmulatorProcess.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>
#include <QWebSocket>

namespace soak {

EmulatorProcess::EmulatorProcess(QObject* parent)
    : QObject(parent) {
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
}

EmulatorProcess::~EmulatorProcess() {
    if (m_control) {
        m_control->abort();
    }
    if (isRunning()) {
        stop(3000);
    }
}

bool EmulatorProcess::start(const QString& program, const QString& scenarioFile,
                            const QString& recordFile, const QStringList& extraArgs,
                            int timeoutMs) {
    QStringList args{QStringLiteral("--scenario"),     scenarioFile,
                     QStringLiteral("--port"),         QStringLiteral("0"),
                     QStringLiteral("--control-port"), QStringLiteral("0"),
                     QStringLiteral("--record"),       recordFile,
                     QStringLiteral("--quiet")};
    args += extraArgs;
    m_process.start(program, args);
    const QDeadlineTimer deadline(timeoutMs);
    QJsonObject listening;
    while (!deadline.hasExpired() && listening.isEmpty()) {
        if (!m_process.canReadLine() &&
            !m_process.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())))) {
            break;
        }
        while (m_process.canReadLine()) {
            const QJsonObject o = QJsonDocument::fromJson(m_process.readLine()).object();
            if (o.value(QLatin1StringView("event")).toString() == QLatin1StringView("listening")) {
                listening = o;
            }
        }
    }
    if (listening.isEmpty()) {
        m_error = QStringLiteral("%1 did not print its listening line (%2)")
                      .arg(program, m_process.errorString());
        return false;
    }
    m_ws = QUrl(listening.value(QLatin1StringView("ws")).toString());
    const QUrl control(listening.value(QLatin1StringView("control")).toString());
    m_control = std::make_unique<QWebSocket>();
    QEventLoop loop;
    connect(m_control.get(), &QWebSocket::connected, &loop, &QEventLoop::quit);
    connect(m_control.get(), &QWebSocket::disconnected, &loop, &QEventLoop::quit);
    QTimer::singleShot(int(std::max<qint64>(1, deadline.remainingTime())), &loop,
                       &QEventLoop::quit);
    m_control->open(control);
    loop.exec();
    if (m_control->state() != QAbstractSocket::ConnectedState) {
        m_error = QStringLiteral("the control endpoint %1 did not open").arg(control.toString());
        return false;
    }
    return true;
}

QJsonObject EmulatorProcess::request(const QJsonObject& action, int timeoutMs) {
    if (!m_control || m_control->state() != QAbstractSocket::ConnectedState) {
        return {{QStringLiteral("ok"), false},
                {QStringLiteral("error"), QStringLiteral("no control connection")}};
    }
    QJsonObject reply;
    QEventLoop loop;
    const auto c =
        connect(m_control.get(), &QWebSocket::textMessageReceived, &loop, [&](const QString& text) {
            reply = QJsonDocument::fromJson(text.toUtf8()).object();
            loop.quit();
        });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    m_control->sendTextMessage(
        QString::fromUtf8(QJsonDocument(action).toJson(QJsonDocument::Compact)));
    loop.exec();
    disconnect(c);
    if (reply.isEmpty()) {
        return {{QStringLiteral("ok"), false},
                {QStringLiteral("error"), QStringLiteral("no reply within %1 ms").arg(timeoutMs)}};
    }
    return reply;
}

int EmulatorProcess::stop(int timeoutMs) {
    if (m_control) {
        m_control->abort();
    }
    if (m_process.state() == QProcess::NotRunning) {
        return m_process.exitCode();
    }
    m_process.terminate();
    if (m_process.waitForFinished(timeoutMs)) {
        return m_process.exitCode();
    }
    m_process.kill();
    m_process.waitForFinished(3000);
    return -1;
}

} // namespace soak
