#pragma once

// Shared set-up of the tst_SipKamailio* tests: one loopback Kamailio per test function
// (shared/testbed/kamailio/start.sh --background on free ports, stopped by pid).
#include "sip/ConnectionManager.h"
#include "sip/RtcSession.h"
#include "support/KamailioTestbed.h"
#include "support/SipEventRecorder.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <memory>

namespace sipfixture {

using namespace Qt::Literals::StringLiterals;

inline sip::ConnectionParameters params(const testsupport::KamailioTestbed& kam,
                                        const QString& user, bool reg = true) {
    sip::ConnectionParameters p;
    p.sipServerIp = u"sip.test"_s;
    p.sipServerUrl = kam.wsUrl();
    p.displayName = u"Test "_s + user;
    p.register_ = reg;
    if (reg) {
        p.user = user;
        p.password = user + u"-secret"_s;
    }
    p.userAgent = u"Callboard-test"_s;
    return p;
}

inline sip::ConnectionManagerOptions fastOptions() {
    sip::ConnectionManagerOptions o;
    o.transactionTimeoutMs = 8000;
    return o;
}

/// Sends one SIP datagram (LF line ends, `PORT` replaced by the local port) to Kamailio's UDP
/// port from 127.0.0.1; the socket stays open to receive the answers.
inline std::unique_ptr<QUdpSocket> inject(const testsupport::KamailioTestbed& kam,
                                          const QByteArray& sip) {
    auto udp = std::make_unique<QUdpSocket>();
    udp->bind(QHostAddress::LocalHost, 0);
    QByteArray msg = sip;
    msg.replace("PORT", QByteArray::number(udp->localPort()));
    msg.replace("\n", "\r\n");
    udp->writeDatagram(msg, QHostAddress::LocalHost, static_cast<quint16>(kam.sipPort()));
    return udp;
}

/// Collects datagrams on `udp` for up to `ms` until `needle` has been seen.
inline QByteArray readUntil(QUdpSocket& udp, const QByteArray& needle, int ms) {
    QByteArray all;
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired() && !all.contains(needle)) {
        QTest::qWait(20);
        while (udp.hasPendingDatagrams()) {
            QByteArray d(static_cast<qsizetype>(udp.pendingDatagramSize()), '\0');
            udp.readDatagram(d.data(), d.size());
            all += d + "\n----\n";
        }
    }
    return all;
}

/// `m` answers every incoming call once it rings; the ids of the calls answered go to `answered`.
inline void autoAnswer(sip::ConnectionManager& m, QStringList& answered) {
    QObject::connect(&m, &sip::ConnectionManager::callProgress, &m,
                     [&m, &answered](const QString& id, int code, const QString&) {
                         sip::RtcSession* s = m.session(id);
                         if (code == 180 && s &&
                             s->direction() == sip::RtcSession::Direction::Incoming &&
                             s->answer()) {
                             answered.append(id);
                         }
                     });
}

/// Debian's baresip as a native SIP peer over UDP (shared/testbed/kamailio/baresip-peer.sh) on
/// free ports; killed (our own child, by its handle) when destroyed.
class BaresipPeer {
public:
    ~BaresipPeer() {
        if (m_process) {
            m_process->kill();
            m_process->waitForFinished(3000);
        }
    }
    /// Starts `user` with `extra` options; true once Kamailio has its binding (8 s at most).
    bool start(testsupport::KamailioTestbed& kam, const QString& user, const QStringList& extra) {
        const QString script = qEnvironmentVariable("CALLBOARD_SHARED_DIR", u"../shared"_s) +
                               u"/testbed/kamailio/baresip-peer.sh"_s;
        int port = 0;
        for (int i = 0; i < 20 && port == 0; ++i) {
            const int p = testsupport::KamailioTestbed::freePort();
            if (p < 65000) { // baresip also takes p + 1 (TLS)
                port = p;
            }
        }
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->start(u"bash"_s, QStringList{script, u"--user"_s, user, u"--sip-port"_s,
                                                QString::number(port), u"--proxy-port"_s,
                                                QString::number(kam.sipPort()), u"--dir"_s,
                                                m_dir.filePath(user), u"--seconds"_s, u"25"_s} +
                                        extra);
        if (!m_process->waitForStarted(5000)) {
            return false;
        }
        QDeadlineTimer deadline(8000);
        while (!deadline.hasExpired()) {
            if (kam.kamcmd({u"ul.dump"_s}).contains(u"AoR: "_s + user)) {
                return true;
            }
            QTest::qWait(100);
        }
        return false;
    }
    /// baresip's config/work directory for `user` (recordings of the sndfile module in `rec/`).
    QString directory(const QString& user) const { return m_dir.filePath(user); }
    /// Everything baresip printed so far (accumulated: reading never loses output).
    QString output() {
        if (m_process) {
            m_output += QString::fromLocal8Bit(m_process->readAll());
        }
        return m_output;
    }
    /// Waits up to `ms` for `needle` (case-insensitive) in the output.
    bool waitOutput(const QString& needle, int ms) {
        QDeadlineTimer deadline(ms);
        while (!output().contains(needle, Qt::CaseInsensitive)) {
            if (deadline.hasExpired()) {
                return false;
            }
            QTest::qWait(100);
        }
        return true;
    }

private:
    std::unique_ptr<QProcess> m_process;
    QTemporaryDir m_dir;
    QString m_output;
};

} // namespace sipfixture

#define SIP_KAMAILIO_FIXTURE                                                                       \
    std::unique_ptr<testsupport::KamailioTestbed> m_kam;                                           \
    void startKamailio() {                                                                         \
        m_kam = std::make_unique<testsupport::KamailioTestbed>();                                  \
        QVERIFY2(m_kam->start(), qPrintable(m_kam->error()));                                      \
    }                                                                                              \
    void stopKamailio() {                                                                          \
        if (QTest::currentTestFailed() && m_kam) {                                                 \
            qWarning().noquote() << "kamailio log tail:\n" << m_kam->logTail();                    \
        }                                                                                          \
        m_kam.reset();                                                                             \
    }                                                                                              \
    /** Connects `m` as a registered test user; true once `connect-succeeded` came (10 s). */      \
    bool connectUser(sip::ConnectionManager& m, testsupport::SipEventRecorder& rec,                \
                     const QString& user) {                                                        \
        m.connectTo(sipfixture::params(*m_kam, user));                                             \
        return rec.waitFor(QStringLiteral("connect-succeeded"), 10000) >= 0;                       \
    }
