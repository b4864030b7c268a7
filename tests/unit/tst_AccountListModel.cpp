// models::AccountListModel: rows follow SessionMonitor; status roles and texts, last failure,
// reconnect countdown with a fake clock.
#include "support/FakeClock.h"

#include "models/AccountListModel.h"
#include "models/StatusLabels.h"
#include "services/SessionMonitor.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using core::SessionStatus;
using models::AccountListModel;
using namespace Qt::Literals::StringLiterals;

class tst_AccountListModel : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<testsupport::FakeClock> clock = std::make_shared<testsupport::FakeClock>();

private Q_SLOTS:
    void rowsAndRoles() {
        services::SessionMonitor monitor(clock);
        monitor.addAccount(u"a1"_s, true);
        AccountListModel model(&monitor, clock, [](const QString& id) {
            return id == u"a1"_s ? u"Office"_s : QString();
        });
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        monitor.addAccount(u"a2"_s, false);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, AccountListModel::NameColumn).data().toString(), u"Office"_s);
        QCOMPARE(model.index(1, AccountListModel::NameColumn).data().toString(), u"a2"_s);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        core::ConnectionStatusEvent up;
        up.status = SessionStatus::Established;
        monitor.apply(u"a1"_s, up);
        core::RegistrationStatusEvent reg;
        reg.status = core::RegistrationStatus::AuthenticationFail;
        reg.info = u"401 Unauthorized"_s;
        monitor.apply(u"a1"_s, reg);
        QCOMPARE(changed.count(), 2);
        const QModelIndex i = model.index(0, 0);
        QCOMPARE(i.data(AccountListModel::ConnectionStatusRole).toInt(),
                 int(SessionStatus::Established));
        QCOMPARE(i.data(AccountListModel::ConnectionTextRole).toString(),
                 models::StatusLabels::session(SessionStatus::Established));
        QCOMPARE(i.data(AccountListModel::RegistrationStatusRole).toInt(),
                 int(core::RegistrationStatus::AuthenticationFail));
        QCOMPARE(model.index(0, AccountListModel::RegistrationColumn).data().toString(),
                 models::StatusLabels::registration(core::RegistrationStatus::AuthenticationFail));
        QCOMPARE(model.index(1, AccountListModel::RegistrationColumn).data().toString(),
                 QString()); // does not register
        QCOMPARE(i.data(AccountListModel::LastFailureRole).toString(), u"401 Unauthorized"_s);
        QCOMPARE(i.data(AccountListModel::LastFailureMsRole).toLongLong(), clock->nowMs());
        QCOMPARE(i.data(AccountListModel::DebugStatusRole).toInt(),
                 int(core::SessionDebugStatus::Stopped));

        monitor.removeAccount(u"a1"_s);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowOf(u"a2"_s), 0);
    }

    void connectionStatusTexts_data() {
        QTest::addColumn<SessionStatus>("status");
        for (int v = 1; v <= static_cast<int>(SessionStatus::Failed); ++v) {
            const auto s = static_cast<SessionStatus>(v);
            QTest::newRow(core::toWire(s).data()) << s;
        }
    }

    void connectionStatusTexts() {
        QFETCH(SessionStatus, status);
        services::SessionMonitor monitor(clock);
        monitor.addAccount(u"a"_s, true);
        AccountListModel model(&monitor, clock);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        core::ConnectionStatusEvent e;
        e.status = status;
        e.info = u"why"_s;
        monitor.apply(u"a"_s, e);
        const QModelIndex i = model.index(0, AccountListModel::ConnectionColumn);
        QCOMPARE(i.data(AccountListModel::ConnectionStatusRole).toInt(), int(status));
        QCOMPARE(i.data().toString(), models::StatusLabels::session(status));
        QVERIFY(!i.data().toString().isEmpty());
        QCOMPARE(i.data(AccountListModel::LastFailureRole).toString(),
                 status == SessionStatus::Failed ? u"why"_s : QString());
    }

    void reconnectCountdown() {
        services::SessionMonitor monitor(clock);
        monitor.addAccount(u"a"_s, false);
        AccountListModel model(&monitor, clock);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QModelIndex i = model.index(0, AccountListModel::ReconnectColumn);
        QCOMPARE(i.data().toString(), QString());
        QCOMPARE(i.data(AccountListModel::ReconnectInMsRole).toLongLong(), -1);
        monitor.reconnectScheduled(u"a"_s, 3, 8000);
        QCOMPARE(i.data().toString(), u"reconnecting in 8 s, attempt 3"_s);
        clock->advance(2500);
        QCOMPARE(i.data().toString(), u"reconnecting in 6 s, attempt 3"_s);
        QCOMPARE(i.data(AccountListModel::ReconnectInMsRole).toLongLong(), 5500);
        QCOMPARE(i.data(AccountListModel::ReconnectAttemptRole).toInt(), 3);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.refreshCountdowns();
        QCOMPARE(changed.count(), 1);
        clock->advance(10000);
        QCOMPARE(i.data().toString(), u"reconnecting, attempt 3"_s);
        core::ConnectionStatusEvent up;
        up.status = SessionStatus::Established;
        monitor.apply(u"a"_s, up);
        QCOMPARE(i.data().toString(), QString());
        changed.clear();
        model.refreshCountdowns();
        QCOMPARE(changed.count(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_AccountListModel)
#include "tst_AccountListModel.moc"
