// models::CallFilterProxy over a CallListModel: direction / account / status / text filters and
// sorting by SortRole.
#include "support/FakeClock.h"

#include "models/CallFilterProxy.h"
#include "models/CallListModel.h"
#include "services/CallService.h"

#include <QAbstractItemModelTester>
#include <QTest>

using core::CallStatus;
using models::CallFilterProxy;
using models::CallListModel;
using namespace Qt::Literals::StringLiterals;

class tst_CallFilterProxy : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<testsupport::FakeClock> clock = std::make_shared<testsupport::FakeClock>();

    void add(services::CallService& s, const QString& account, const QString& id,
             const QString& peer, bool incoming, CallStatus status) {
        core::CallStatusEvent e;
        e.callId = id;
        e.incoming = incoming;
        e.status = incoming ? CallStatus::Ring : CallStatus::Trying;
        (incoming ? e.caller : e.callee) = peer;
        e.visibleName = peer == u"2001"_s ? u"Alice"_s : QString();
        s.apply(account, e);
        clock->advance(1000);
        if (status != e.status.value) {
            e.status = status;
            s.apply(account, e);
        }
    }

    static QStringList ids(const QAbstractItemModel& proxy) {
        QStringList out;
        for (int r = 0; r < proxy.rowCount(); ++r) {
            out << proxy.index(r, 0).data(CallListModel::CallIdRole).toString();
        }
        return out;
    }

private Q_SLOTS:
    void filtersAndSorts() {
        services::CallService service(clock);
        CallListModel model(&service, clock);
        CallFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        add(service, u"a1"_s, u"c1"_s, u"2001"_s, true, CallStatus::Established);
        add(service, u"a1"_s, u"c2"_s, u"2002"_s, false, CallStatus::Finish);
        add(service, u"a2"_s, u"c3"_s, u"3003"_s, true, CallStatus::Ring);
        QCOMPARE(proxy.rowCount(), 3);

        proxy.setDirectionFilter(CallFilterProxy::Direction::Incoming);
        QCOMPARE(ids(proxy), (QStringList{u"c1"_s, u"c3"_s}));
        proxy.setDirectionFilter(CallFilterProxy::Direction::Outgoing);
        QCOMPARE(ids(proxy), (QStringList{u"c2"_s}));
        proxy.setDirectionFilter(CallFilterProxy::Direction::Any);
        proxy.setAccountFilter(u"a2"_s);
        QCOMPARE(ids(proxy), (QStringList{u"c3"_s}));
        proxy.setAccountFilter({});
        proxy.setStatusFilter({CallStatus::Established, CallStatus::Ring});
        QCOMPARE(ids(proxy), (QStringList{u"c1"_s, u"c3"_s}));
        proxy.setStatusFilter({});
        proxy.setHideEnded(true);
        QCOMPARE(ids(proxy), (QStringList{u"c1"_s, u"c3"_s}));
        proxy.setHideEnded(false);
        proxy.setTextFilter(u"alice"_s);
        QCOMPARE(ids(proxy), (QStringList{u"c1"_s}));
        proxy.setTextFilter(u"300"_s);
        QCOMPARE(ids(proxy), (QStringList{u"c3"_s}));
        proxy.setTextFilter({});

        proxy.sort(CallListModel::CreatedColumn, Qt::DescendingOrder);
        QCOMPARE(ids(proxy), (QStringList{u"c3"_s, u"c2"_s, u"c1"_s}));
        proxy.sort(CallListModel::StatusColumn, Qt::AscendingOrder); // RING < FINISH < ESTAB.
        QCOMPARE(ids(proxy).first(), u"c3"_s);
    }
};

QTEST_GUILESS_MAIN(tst_CallFilterProxy)
#include "tst_CallFilterProxy.moc"
