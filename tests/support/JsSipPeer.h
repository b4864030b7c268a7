#pragma once

// JsSIP in Debian's headless Chromium as a SIP-over-WebSocket peer with real WebRTC audio
// (tests/interop/jssip/jssip-peer.mjs): started with QProcess, its JSON lines collected.
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <functional>
#include <memory>

namespace testsupport {

class JsSipPeer {
public:
    ~JsSipPeer() { stop(); }

    /// Starts the peer with `args` (see tests/interop/jssip/README.md); false with error() set
    /// when node, the peer script or its npm packages are missing (packaging/install-deps.sh
    /// --test installs them) or the process does not start.
    bool start(const QStringList& args) {
        const QString source = qEnvironmentVariable("CALLBOARD_SOURCE_DIR", QStringLiteral("."));
        const QString dir = source + QStringLiteral("/tests/interop/jssip");
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty()) {
            m_error = QStringLiteral("node not found (packaging/install-deps.sh --test)");
            return false;
        }
        if (!QFile::exists(dir + QStringLiteral("/node_modules/jssip/package.json"))) {
            m_error = QStringLiteral("%1/node_modules missing: run tests/interop/jssip/setup.sh "
                                     "(packaging/install-deps.sh --test does)")
                          .arg(dir);
            return false;
        }
        m_process = std::make_unique<QProcess>();
        m_process->setWorkingDirectory(dir);
        QObject::connect(m_process.get(), &QProcess::readyReadStandardOutput, m_process.get(),
                         [this] { readLines(); });
        QObject::connect(m_process.get(), &QProcess::readyReadStandardError, m_process.get(),
                         [this] { m_stderr += m_process->readAllStandardError(); });
        m_process->start(node, QStringList{QStringLiteral("jssip-peer.mjs")} + args);
        if (!m_process->waitForStarted(5000)) {
            m_error = QStringLiteral("node did not start: ") + m_process->errorString();
            return false;
        }
        return true;
    }

    /// SIGTERM: the peer hangs up and unregisters, then exits (at most 10 s).
    void stop() {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            if (!m_process->waitForFinished(10000)) {
                m_process->kill();
                m_process->waitForFinished(3000);
            }
            readLines();
        }
    }

    /// Index of the first line with `event` at or after `from`, waiting up to `ms`; -1 if none.
    int waitFor(const QString& event, int ms, int from = 0) {
        QDeadlineTimer deadline(ms);
        for (;;) {
            for (int i = from; i < m_events.size(); ++i) {
                if (m_events[i].value(QStringLiteral("event")).toString() == event)
                    return i;
            }
            if (deadline.hasExpired() || !m_process || m_process->state() == QProcess::NotRunning)
                return -1;
            QTest::qWait(50);
        }
    }

    /// Waits up to `ms` until `count` `audio` lines satisfy `heard`; true when they did.
    bool waitForAudio(int count, int ms, const std::function<bool(const QJsonObject&)>& heard) {
        QDeadlineTimer deadline(ms);
        for (;;) {
            int n = 0;
            for (const QJsonObject& e : std::as_const(m_events)) {
                if (e.value(QStringLiteral("event")).toString() == QStringLiteral("audio") &&
                    heard(e))
                    ++n;
            }
            if (n >= count)
                return true;
            if (deadline.hasExpired() || !m_process || m_process->state() == QProcess::NotRunning)
                return false;
            QTest::qWait(100);
        }
    }

    const QList<QJsonObject>& events() const { return m_events; }
    QString error() const { return m_error; }
    /// Every line and the stderr tail, for failure messages.
    QString transcript() const {
        QStringList lines;
        for (const QJsonObject& e : m_events)
            lines << QString::fromUtf8(QJsonDocument(e).toJson(QJsonDocument::Compact)).left(300);
        return lines.join(u'\n') + QStringLiteral("\n--- stderr tail:\n") +
               QString::fromUtf8(m_stderr.right(3000));
    }

private:
    void readLines() {
        if (!m_process)
            return;
        m_stdout += m_process->readAllStandardOutput();
        qsizetype eol;
        while ((eol = m_stdout.indexOf('\n')) >= 0) {
            const QByteArray line = m_stdout.left(eol);
            m_stdout.remove(0, eol + 1);
            const QJsonDocument doc = QJsonDocument::fromJson(line);
            if (doc.isObject())
                m_events << doc.object();
        }
    }

    std::unique_ptr<QProcess> m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QList<QJsonObject> m_events;
    QString m_error;
};

} // namespace testsupport
