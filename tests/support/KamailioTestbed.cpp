#include "support/KamailioTestbed.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QThread>
#include <QUdpSocket>

#include <csignal>
#include <sys/types.h>

using namespace Qt::Literals::StringLiterals;

namespace testsupport {

namespace {

QString sharedDir() {
    const QByteArray env = qgetenv("CALLBOARD_SHARED_DIR");
    return env.isEmpty() ? u"../shared"_s : QString::fromLocal8Bit(env);
}

bool alive(qint64 pid) {
    return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) == 0;
}

} // namespace

KamailioTestbed::KamailioTestbed() = default;

KamailioTestbed::~KamailioTestbed() {
    stop();
}

int KamailioTestbed::freePort() {
    for (int i = 0; i < 50; ++i) {
        QTcpServer tcp;
        if (!tcp.listen(QHostAddress::LocalHost, 0)) {
            continue;
        }
        const quint16 port = tcp.serverPort();
        tcp.close();
        QUdpSocket udp;
        if (port > 1024 && udp.bind(QHostAddress::LocalHost, port)) {
            return port;
        }
    }
    return 0;
}

QString KamailioTestbed::certificatePath() const {
    return m_rundir + u"/cert.pem"_s;
}

bool KamailioTestbed::start(int regMinExpires, bool tls) {
    const QString script = sharedDir() + u"/testbed/kamailio/start.sh"_s;
    if (!QFile::exists(script)) {
        m_error = u"no testbed at "_s + script;
        return false;
    }
    m_dir = std::make_unique<QTemporaryDir>(u"/tmp/cb-kam-XXXXXX"_s);
    m_rundir = m_dir->path();
    m_regMinExpires = regMinExpires;
    m_tls = tls;
    for (int attempt = 0; attempt < 3; ++attempt) {
        m_wsPort = freePort();
        m_sipPort = freePort();
        m_wssPort = tls ? freePort() : 0;
        if (m_wsPort == m_sipPort || m_wssPort == m_wsPort || m_wssPort == m_sipPort) {
            continue;
        }
        if (launch(script)) {
            return true;
        }
    }
    return false;
}

bool KamailioTestbed::restart() {
    stop();
    return launch(sharedDir() + u"/testbed/kamailio/start.sh"_s);
}

bool KamailioTestbed::launch(const QString& script) {
    QStringList args{script,
                     u"--background"_s,
                     u"--ws-port"_s,
                     QString::number(m_wsPort),
                     u"--sip-port"_s,
                     QString::number(m_sipPort),
                     u"--rundir"_s,
                     m_rundir,
                     u"--reg-min-expires"_s,
                     QString::number(m_regMinExpires)};
    if (m_tls) {
        args << u"--tls"_s << u"--wss-port"_s << QString::number(m_wssPort);
    }
    QProcess p;
    p.start(u"bash"_s, args);
    if (!p.waitForFinished(30000)) {
        p.kill();
        m_error = u"start.sh did not finish"_s;
        return false;
    }
    const QString out = QString::fromLocal8Bit(p.readAllStandardOutput());
    const auto match = QRegularExpression(u"PID=(\\d+)"_s).match(out);
    if (p.exitCode() == 0 && match.hasMatch()) {
        m_pid = match.captured(1).toLongLong();
        return true;
    }
    m_error = u"start.sh failed: "_s + out + QString::fromLocal8Bit(p.readAllStandardError());
    return false;
}

void KamailioTestbed::stop() {
    if (m_pid <= 0) {
        return;
    }
    ::kill(static_cast<pid_t>(m_pid), SIGTERM);
    for (int i = 0; i < 50 && alive(m_pid); ++i) {
        QThread::msleep(100);
    }
    if (alive(m_pid)) {
        ::kill(static_cast<pid_t>(m_pid), SIGKILL);
    }
    m_pid = 0;
}

QString KamailioTestbed::wsUrl() const {
    return u"ws://127.0.0.1:%1/"_s.arg(m_wsPort);
}

QString KamailioTestbed::kamcmd(const QStringList& args) const {
    QProcess p;
    p.start(u"kamcmd"_s, QStringList{u"-s"_s, u"unix:"_s + m_rundir + u"/kamailio_ctl"_s} + args);
    if (!p.waitForFinished(10000)) {
        p.kill();
        return {};
    }
    return QString::fromLocal8Bit(p.readAllStandardOutput());
}

int KamailioTestbed::firstWsConnectionId() const {
    const QString dump = kamcmd({u"ws.dump"_s});
    const auto match =
        QRegularExpression(u"^\\s*(\\d+): ws"_s, QRegularExpression::MultilineOption).match(dump);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

QString KamailioTestbed::logTail(qsizetype bytes) const {
    QFile f(m_rundir + u"/kamailio.log"_s);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QByteArray all = f.readAll();
    return QString::fromLocal8Bit(all.right(bytes));
}

} // namespace testsupport
