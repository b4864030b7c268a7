#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace testsupport {

/// One loopback Kamailio from `$CALLBOARD_SHARED_DIR/testbed/kamailio/start.sh --background`
/// on free ports with a private runtime dir; stopped by its pid (SIGTERM, then SIGKILL after
/// 5 s) when the object dies. Users alice/bob/carol/dave, password `<user>-secret`, domain
/// `sip.test` (shared/testbed/kamailio/README.md).
class KamailioTestbed {
public:
    KamailioTestbed();
    ~KamailioTestbed();
    KamailioTestbed(const KamailioTestbed&) = delete;
    KamailioTestbed& operator=(const KamailioTestbed&) = delete;

    /// Starts it; false (with error()) when start.sh or kamailio is missing or fails.
    /// `tls`: also wss:// on wssPort() with a self-signed certificate (certificatePath()).
    bool start(int regMinExpires = 10, bool tls = false);
    void stop();
    /// stop(), then the same instance again on the same ports and runtime dir (a server
    /// restart as clients see it: registrations are gone). False (with error()) on failure.
    bool restart();
    QString error() const { return m_error; }

    int wsPort() const { return m_wsPort; }
    int sipPort() const { return m_sipPort; }
    int wssPort() const { return m_wssPort; }
    QString certificatePath() const;
    qint64 pid() const { return m_pid; }
    QString wsUrl() const;
    /// `kamcmd -s unix:<rundir>/kamailio_ctl <args>`; returns stdout ("" on failure).
    QString kamcmd(const QStringList& args) const;
    /// Id of the first WebSocket connection in `ws.dump`, -1 when none.
    int firstWsConnectionId() const;
    /// The last `bytes` of the Kamailio log (failure messages, log assertions).
    QString logTail(qsizetype bytes = 3000) const;

    /// A port that was free a moment ago (TCP and UDP on 127.0.0.1).
    static int freePort();

private:
    bool launch(const QString& script);

    std::unique_ptr<QTemporaryDir> m_dir;
    int m_regMinExpires = 10;
    bool m_tls = false;
    QString m_error;
    QString m_rundir;
    int m_wsPort = 0;
    int m_sipPort = 0;
    int m_wssPort = 0;
    qint64 m_pid = 0;
};

} // namespace testsupport
