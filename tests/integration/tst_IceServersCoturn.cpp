// ICE servers of an account against a REAL STUN/TURN server: Debian's coturn (`turnserver`),
// started by each test function on free ports with a static long-term-credential user (RFC 8489
// §9.2, RFC 8656), `--no-tls --no-dtls`, relaying on 127.0.0.1 with `--allow-loopback-peers`, run
// in the foreground as a child QProcess and killed at the end. It listens on 127.0.0.1 and on
// this host's first non-loopback IPv4 address (see serverIp()): libnice ignores loopback
// interfaces for host candidates, and here its UDP datagrams from the interface address to
// 127.0.0.1 never arrive, so the servers are addressed at the interface address.
// The endpoint is configured the way AccountConnector does it: an AccountProfile's servers ->
// services::IceServerUris -> MediaEngine::setAccountIceServers() -> createEndpoint() for that
// account; the offer's candidates (media::SdpInspector) show what ICE gathered.
//
// * TURN with the right password (UDP and TCP to the server): a `typ relay` candidate on
//   coturn's relay address.
// * TURN with a wrong password: no relay candidate, and the offer still comes within
//   iceGatheringTimeoutMs.
// * STUN: without a NAT the server-reflexive address equals the host address, and libnice drops
//   such a srflx candidate as redundant (RFC 8445 §5.1.3), so no `typ srflx` appears here. What
//   is observable: the binding requests reach the configured server, and with coturn
//   answering, gathering ends at once instead of waiting out the STUN retransmissions (~2 s
//   with a server that never answers).

#include "media/Gst.h"
#include "media/SdpInspector.h"
#include "media/WebRtcEndpoint.h"
#include "services/AccountProfile.h"
#include "services/IceServerUris.h"
#include "services/MediaEngine.h"

#include <QElapsedTimer>
#include <QNetworkDatagram>
#include <QNetworkInterface>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <memory>

using services::AccountProfile;
using services::IceServerUris;
using services::MediaEngine;

namespace {

const QString kRealm = QStringLiteral("callboard.test");
const QString kUser = QStringLiteral("alice");
const QString kSecret = QStringLiteral("turn-secret");

/// A loopback port free for both UDP and TCP (coturn listens on both).
quint16 freePort() {
    for (int attempt = 0; attempt < 50; ++attempt) {
        QTcpServer tcp;
        if (!tcp.listen(QHostAddress::LocalHost, 0))
            continue;
        QUdpSocket udp;
        if (udp.bind(QHostAddress::LocalHost, tcp.serverPort()))
            return tcp.serverPort();
    }
    return 0;
}

/// The address the servers are reached at: the first non-loopback IPv4 address of this host,
/// else 127.0.0.1. libnice gathers no loopback host candidates, and in our CI sandbox its UDP
/// datagrams from the interface address to 127.0.0.1 never arrive (TCP does), so UDP STUN/TURN
/// use the interface address; coturn listens there too for the test's lifetime only.
QString serverIp() {
    const QList<QHostAddress> all = QNetworkInterface::allAddresses();
    for (const QHostAddress& a : all) {
        if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback())
            return a.toString();
    }
    return QStringLiteral("127.0.0.1");
}

/// coturn on 127.0.0.1:port and serverIp():port (UDP+TCP), relaying on 127.0.0.1, until
/// destroyed.
class Coturn {
public:
    bool start(QString* error) {
        const QString exe = QStandardPaths::findExecutable(QStringLiteral("turnserver"));
        if (exe.isEmpty()) {
            *error = QStringLiteral("turnserver not found (apt-get install coturn, "
                                    "packaging/install-deps.sh --test)");
            return false;
        }
        port = freePort();
        const quint16 relayMin = freePort();
        if (port == 0 || relayMin == 0 || !m_dir.isValid()) {
            *error = QStringLiteral("no free port or temporary directory");
            return false;
        }
        const int relayBase = relayMin < 60000 ? relayMin : 50000;
        QStringList args{
            QStringLiteral("-n"), // no configuration file
            QStringLiteral("--listening-ip=127.0.0.1"),
            QStringLiteral("--relay-ip=127.0.0.1"),
            QStringLiteral("--listening-port=%1").arg(port),
            QStringLiteral("--min-port=%1").arg(relayBase),
            QStringLiteral("--max-port=%1").arg(relayBase + 200),
            QStringLiteral("--realm=%1").arg(kRealm),
            QStringLiteral("--user=%1:%2").arg(kUser, kSecret),
            QStringLiteral("--lt-cred-mech"),
            QStringLiteral("--no-tls"),
            QStringLiteral("--no-dtls"),
            QStringLiteral("--allow-loopback-peers"),
            QStringLiteral("--no-cli"),
            QStringLiteral("--log-file=stdout"),
            QStringLiteral("--simple-log"),
            QStringLiteral("-v"),
            QStringLiteral("--db=%1").arg(m_dir.filePath(QStringLiteral("turndb"))),
            QStringLiteral("--pidfile=%1").arg(m_dir.filePath(QStringLiteral("turnserver.pid")))};
        if (ip != QLatin1String("127.0.0.1"))
            args.append(QStringLiteral("--listening-ip=%1").arg(ip));
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        QObject::connect(&m_process, &QProcess::readyRead,
                         [this] { m_log += m_process.readAll(); });
        m_process.start(exe, args);
        if (!m_process.waitForStarted(5000)) {
            *error = QStringLiteral("turnserver did not start: %1").arg(m_process.errorString());
            return false;
        }
        // Ready once it says so and its TCP listener accepts.
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 10000 && m_process.state() == QProcess::Running) {
            QTest::qWait(50);
            if (!m_log.contains("Total General servers"))
                continue;
            QTcpSocket probe;
            probe.connectToHost(QHostAddress(ip), port);
            if (probe.waitForConnected(500))
                return true;
        }
        *error =
            QStringLiteral("turnserver not ready: %1").arg(QString::fromUtf8(m_log.right(2000)));
        return false;
    }
    ~Coturn() {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill(); // our own child, by its pid
            m_process.waitForFinished(5000);
        }
    }
    QByteArray log() const { return m_log; }

    quint16 port = 0;
    const QString ip = serverIp();

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QByteArray m_log;
};

struct Offer {
    QString sdp;
    qint64 elapsedMs = -1; ///< from createOffer() to the published offer
};

/// Creates an endpoint through `engine` for account "acc" and returns its complete offer.
Offer offerFor(MediaEngine& engine, int waitMs) {
    QObject owner;
    media::WebRtcEndpoint* endpoint = engine.createEndpoint(
        QStringLiteral("acc"), QStringLiteral("call-1"), media::MediaDirection::SendRecv, &owner);
    QSignalSpy ready(endpoint, &media::WebRtcEndpoint::localDescriptionReady);
    QElapsedTimer timer;
    timer.start();
    Offer offer;
    if (!endpoint->createOffer() || !ready.wait(waitMs))
        return offer;
    offer.elapsedMs = timer.elapsed();
    offer.sdp = ready.at(0).at(0).toString();
    return offer;
}

QStringList ofType(const QString& sdp, const char* type) {
    QStringList out;
    const QStringList all = media::SdpInspector(sdp).candidates();
    for (const QString& c : all) {
        if (c.contains(QStringLiteral(" typ %1").arg(QLatin1String(type))))
            out.append(c);
    }
    return out;
}

} // namespace

class tst_IceServersCoturn : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<MediaEngine> newEngine() {
        auto engine = std::make_unique<MediaEngine>(nullptr);
        engine->setElementOverride(QStringLiteral("audiotestsrc is-live=true wave=silence"),
                                   QStringLiteral("fakesink"));
        return engine;
    }

private Q_SLOTS:
    void initTestCase() {
        QString error;
        QVERIFY2(media::Gst::ensureInitialized(&error), qPrintable(error));
        MediaEngine probe(nullptr);
        QVERIFY2(probe.isAvailable(), qPrintable(probe.unavailableReason()));
    }

    void relayCandidateFromTurn_data() {
        QTest::addColumn<int>("transport");
        QTest::newRow("udp") << int(AccountProfile::TurnTransport::Udp);
        QTest::newRow("tcp") << int(AccountProfile::TurnTransport::Tcp);
    }
    void relayCandidateFromTurn() {
        QFETCH(int, transport);
        Coturn coturn;
        QString error;
        QVERIFY2(coturn.start(&error), qPrintable(error));

        AccountProfile profile;
        profile.turnServer = QStringLiteral("%1:%2").arg(coturn.ip).arg(coturn.port);
        profile.turnTransport = static_cast<AccountProfile::TurnTransport>(transport);
        profile.turnUser = kUser;
        auto engine = newEngine();
        engine->setAccountIceServers(QStringLiteral("acc"), IceServerUris::webrtcbinStun(profile),
                                     {IceServerUris::webrtcbinTurn(profile, kSecret)});
        const int timeoutMs =
            engine->endpointConfig(media::MediaDirection::SendRecv, QStringLiteral("acc"))
                .iceGatheringTimeoutMs;
        const Offer offer = offerFor(*engine, timeoutMs + 5000);
        QVERIFY2(!offer.sdp.isEmpty(), coturn.log().right(2000).constData());
        const QStringList relay = ofType(offer.sdp, "relay");
        if (relay.isEmpty())
            qWarning("coturn log:\n%s", coturn.log().right(3000).constData());
        qInfo("offer after %lld ms; relay candidates: %s", offer.elapsedMs,
              qPrintable(relay.join(u" | ")));
        QVERIFY2(!relay.isEmpty(),
                 qPrintable(offer.sdp + QString::fromUtf8(coturn.log().right(3000))));
        // The relayed transport address is on coturn's relay IP (RFC 8656 §7.3).
        QVERIFY2(relay.first().contains(QStringLiteral(" 127.0.0.1 ")), qPrintable(relay.first()));
        // Another account of the same engine does not use this TURN server.
        const auto other =
            engine->endpointConfig(media::MediaDirection::SendRecv, QStringLiteral("other"));
        QVERIFY(other.turnServers.isEmpty());
    }

    void wrongTurnPasswordGivesNoRelay() {
        Coturn coturn;
        QString error;
        QVERIFY2(coturn.start(&error), qPrintable(error));

        AccountProfile profile;
        profile.turnServer = QStringLiteral("%1:%2").arg(coturn.ip).arg(coturn.port);
        profile.turnUser = kUser;
        auto engine = newEngine();
        engine->setAccountIceServers(QStringLiteral("acc"), QString(),
                                     {IceServerUris::webrtcbinTurn(profile, u"wrong"_qs)});
        const int timeoutMs =
            engine->endpointConfig(media::MediaDirection::SendRecv, QStringLiteral("acc"))
                .iceGatheringTimeoutMs;
        const Offer offer = offerFor(*engine, timeoutMs + 5000);
        QVERIFY2(!offer.sdp.isEmpty(), "no offer");
        qInfo("offer after %lld ms (gathering timeout %d ms)", offer.elapsedMs, timeoutMs);
        QVERIFY2(ofType(offer.sdp, "relay").isEmpty(), qPrintable(offer.sdp));
        QVERIFY(!ofType(offer.sdp, "host").isEmpty()); // the call can still go direct
        // Within the gathering timeout (plus scheduling slack on a loaded machine).
        QVERIFY2(offer.elapsedMs <= timeoutMs + 1000, qPrintable(QString::number(offer.elapsedMs)));
    }

    void stunServerIsAskedAndAnswers() {
        Coturn coturn;
        QString error;
        QVERIFY2(coturn.start(&error), qPrintable(error));

        // A STUN server that never answers: binding requests (RFC 8489 §6) arrive, and
        // gathering waits for libnice's STUN retransmissions to give up.
        QUdpSocket silent;
        QVERIFY(silent.bind(QHostAddress(serverIp()), 0));
        int requests = 0;
        connect(&silent, &QUdpSocket::readyRead, &silent, [&] {
            while (silent.hasPendingDatagrams()) {
                const QByteArray d = silent.receiveDatagram().data();
                // STUN header: message type 0x0001 (Binding request), 20 bytes. libnice sends
                // the discovery in the RFC 3489 form (no RFC 8489 magic cookie).
                if (d.size() >= 20 && d.at(0) == 0 && d.at(1) == 1)
                    ++requests;
            }
        });
        AccountProfile profile;
        profile.stunServer = QStringLiteral("%1:%2").arg(serverIp()).arg(silent.localPort());
        auto engine = newEngine();
        engine->setAccountIceServers(QStringLiteral("acc"), IceServerUris::webrtcbinStun(profile),
                                     {});
        const Offer unanswered = offerFor(*engine, 15000);
        QVERIFY(!unanswered.sdp.isEmpty());
        qInfo("silent STUN server: %d binding requests, offer after %lld ms", requests,
              unanswered.elapsedMs);
        QVERIFY(requests > 0);

        // coturn answers at once: the offer does not wait for retransmissions.
        profile.stunServer = QStringLiteral("%1:%2").arg(coturn.ip).arg(coturn.port);
        engine->setAccountIceServers(QStringLiteral("acc"), IceServerUris::webrtcbinStun(profile),
                                     {});
        const Offer answered = offerFor(*engine, 15000);
        QVERIFY(!answered.sdp.isEmpty());
        const QStringList srflx = ofType(answered.sdp, "srflx");
        qInfo("coturn STUN: offer after %lld ms; srflx candidates: %lld (%s)", answered.elapsedMs,
              qlonglong(srflx.size()), qPrintable(srflx.join(u" | ")));
        QVERIFY2(answered.elapsedMs + 300 < unanswered.elapsedMs,
                 qPrintable(
                     QStringLiteral("%1 vs %2").arg(answered.elapsedMs).arg(unanswered.elapsedMs)));
        // Any srflx candidate libnice keeps must carry the host address it maps (RFC 8839 §5.1
        // raddr/rport); on loopback without NAT there is usually none (see the file comment).
        for (const QString& c : srflx)
            QVERIFY2(c.contains(QStringLiteral(" raddr ")), qPrintable(c));
    }
};

QTEST_GUILESS_MAIN(tst_IceServersCoturn)
#include "tst_IceServersCoturn.moc"
