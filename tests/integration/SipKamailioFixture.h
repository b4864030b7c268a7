#pragma once

// Shared set-up of the tst_SipKamailio* tests: one loopback Kamailio per test function
// (shared/testbed/kamailio/start.sh --background on free ports, stopped by pid).
#include "sip/ConnectionManager.h"
#include "support/KamailioTestbed.h"
#include "support/SipEventRecorder.h"

#include <QJsonArray>
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
    }
