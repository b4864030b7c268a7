// services::SessionMonitor: per-account connection, registration and debug state, failure
// reasons, reconnect schedule (fake clock), lost/restored announcements.
#include "support/FakeClock.h"

#include "services/SessionMonitor.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using core::SessionStatus;

namespace {

core::ConnectionStatusEvent conn(SessionStatus s, const QString& info = {}) {
    core::ConnectionStatusEvent e;
    e.status = s;
    e.info = info;
    return e;
}

} // namespace

class tst_SessionMonitor : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<testsupport::FakeClock> clock = std::make_shared<testsupport::FakeClock>();

private Q_SLOTS:
    void connectionRegistrationAndDebug() {
        services::SessionMonitor m(clock);
        m.addAccount(u"a"_s, true);
        m.apply(u"a"_s, conn(SessionStatus::Established));
        core::RegistrationStatusEvent r;
        r.status = core::RegistrationStatus::AuthenticationFail;
        r.info = u"SIP 401 Unauthorized"_s;
        m.apply(u"a"_s, r);
        auto s = m.state(u"a"_s);
        QCOMPARE(s.connection, SessionStatus::Established);
        QCOMPARE(s.registration, core::RegistrationStatus::AuthenticationFail);
        QCOMPARE(s.registrationInfo, u"SIP 401 Unauthorized"_s);
        QCOMPARE(s.lastFailure, u"SIP 401 Unauthorized"_s);
        core::SessionDebugStatusEvent d;
        d.status = core::SessionDebugStatus::Stopped;
        d.file = u"logs/client/x.log"_s;
        m.apply(u"a"_s, d);
        QCOMPARE(m.state(u"a"_s).debugFile, u"logs/client/x.log"_s);
    }

    void lossReconnectAndRestore() {
        services::SessionMonitor m(clock);
        QSignalSpy lost(&m, &services::SessionMonitor::connectionLost);
        QSignalSpy restored(&m, &services::SessionMonitor::connectionRestored);
        m.addAccount(u"a"_s, false);
        m.apply(u"a"_s, conn(SessionStatus::Established));
        QCOMPARE(restored.size(), 0); // a first connect is not a restore
        m.apply(u"a"_s, conn(SessionStatus::Failed, u"watchdog"_s));
        QCOMPARE(lost.size(), 1);
        QCOMPARE(lost.first().at(1).toString(), u"watchdog"_s);
        m.reconnectScheduled(u"a"_s, 2, 4000);
        const auto s = m.state(u"a"_s);
        QCOMPARE(s.reconnectAttempt, 2);
        QCOMPARE(s.nextAttemptAtMs, clock->nowMs() + 4000);
        QCOMPARE(s.connectionInfo, u"watchdog"_s);
        m.apply(u"a"_s, conn(SessionStatus::Established));
        QCOMPARE(restored.size(), 1);
        QCOMPARE(m.state(u"a"_s).reconnectAttempt, 0);
        QCOMPARE(m.state(u"a"_s).nextAttemptAtMs, 0);
    }

    void worstConnectionAcrossAccounts() {
        services::SessionMonitor m(clock);
        QCOMPARE(m.worstConnection(), SessionStatus::Disconnected);
        m.addAccount(u"a"_s, false);
        m.addAccount(u"b"_s, false);
        m.apply(u"a"_s, conn(SessionStatus::Established));
        m.apply(u"b"_s, conn(SessionStatus::Registered));
        QCOMPARE(m.worstConnection(), SessionStatus::Established);
        m.apply(u"b"_s, conn(SessionStatus::Failed, u"x"_s));
        QCOMPARE(m.worstConnection(), SessionStatus::Failed);
    }

    void unknownAccountsAreIgnored() {
        services::SessionMonitor m(clock);
        QSignalSpy changed(&m, &services::SessionMonitor::stateChanged);
        m.apply(u"ghost"_s, conn(SessionStatus::Established));
        QCOMPARE(changed.size(), 0);
        QVERIFY(m.accounts().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_SessionMonitor)
#include "tst_SessionMonitor.moc"
