// ui::HistoryPanel: missed calls stand out without colour alone (bold + warning icon + colour),
// the kind / account / text filters, and Call back (button, double-click) asks to dial the peer.
#include "models/AccountListModel.h"
#include "models/HistoryModel.h"
#include "services/CallHistoryEntry.h"
#include "services/SessionMonitor.h"
#include "support/FakeClock.h"
#include "ui/widgets/HistoryPanel.h"
#include "ui/widgets/HistoryPanelDelegate.h"

#include <QAbstractItemDelegate>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyleOptionViewItem>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Entry = services::CallHistoryEntry;
using HM = models::HistoryModel;

namespace {

Entry call(const QString& account, const QString& peer, Entry::Direction d, Entry::Outcome o,
           qint64 started) {
    Entry e;
    e.accountId = account;
    e.callId = peer + QString::number(started);
    e.peer = peer;
    e.direction = d;
    e.outcome = o;
    e.startedAtMs = started;
    e.endedAtMs = started + 1000;
    if (o == Entry::Outcome::Answered) {
        e.answeredAtMs = started + 100;
    }
    return e;
}

QList<Entry> sample() {
    using D = Entry::Direction;
    using O = Entry::Outcome;
    return {call(u"a1"_s, u"2001"_s, D::Incoming, O::Missed, 5000),
            call(u"a1"_s, u"9999"_s, D::Outgoing, O::Answered, 4000),
            call(u"a2"_s, u"2042"_s, D::Incoming, O::Answered, 3000),
            call(u"a2"_s, u"486"_s, D::Outgoing, O::Busy, 2000),
            call(u"a2"_s, u"2001"_s, D::Incoming, O::Missed, 1000)};
}

/// The panel's delegate with initStyleOption() public: what it would paint for an index.
struct PeekDelegate : ui::HistoryPanelDelegate {
    using ui::HistoryPanelDelegate::initStyleOption;
};

QStyleOptionViewItem optionFor(QTableView* view, const QModelIndex& index) {
    static PeekDelegate* peek = new PeekDelegate; // leaked on purpose: outlives every view
    QStyleOptionViewItem option;
    option.initFrom(view);
    peek->initStyleOption(&option, index);
    return option;
}

} // namespace

class tst_HistoryPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void missedCallsStandOut() {
        HM model([](const services::CallQuery&) { return sample(); });
        model.refresh();
        ui::HistoryPanel panel(&model);
        QTableView* view = panel.table();
        QVERIFY(qobject_cast<ui::HistoryPanelDelegate*>(view->itemDelegate()));
        QAbstractItemModel* shown = view->model();
        QCOMPARE(shown->rowCount(), 5);
        int missed = 0;
        for (int row = 0; row < shown->rowCount(); ++row) {
            const bool isMissed = shown->index(row, 0).data(HM::MissedRole).toBool();
            const QStyleOptionViewItem peer = optionFor(view, shown->index(row, HM::PeerColumn));
            const QStyleOptionViewItem outcome =
                optionFor(view, shown->index(row, HM::OutcomeColumn));
            QCOMPARE(peer.font.bold(), isMissed);
            QCOMPARE(!outcome.icon.isNull(), isMissed); // an icon, not colour alone
            QCOMPARE(peer.palette.color(QPalette::Text) != view->palette().color(QPalette::Text),
                     isMissed);
            // Direction shows an arrow for every row.
            QVERIFY(!optionFor(view, shown->index(row, HM::DirectionColumn)).icon.isNull());
            missed += isMissed ? 1 : 0;
        }
        QCOMPARE(missed, 2);
        QVERIFY(panel.summaryLabel()->text().contains(u"2"_s));
    }

    void filters_data() {
        QTest::addColumn<int>("kind"); // index in the kind combo
        QTest::addColumn<QString>("account");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("peers"); // newest first
        QTest::newRow("all") << 0 << QString() << QString()
                             << QStringList{u"2001"_s, u"9999"_s, u"2042"_s, u"486"_s, u"2001"_s};
        QTest::newRow("missed") << 1 << QString() << QString() << QStringList{u"2001"_s, u"2001"_s};
        QTest::newRow("incoming") << 2 << QString() << QString()
                                  << QStringList{u"2001"_s, u"2042"_s, u"2001"_s};
        QTest::newRow("outgoing") << 3 << QString() << QString()
                                  << QStringList{u"9999"_s, u"486"_s};
        QTest::newRow("account a2")
            << 0 << u"a2"_s << QString() << QStringList{u"2042"_s, u"486"_s, u"2001"_s};
        QTest::newRow("missed on a2") << 1 << u"a2"_s << QString() << QStringList{u"2001"_s};
        QTest::newRow("text") << 0 << QString() << u"20"_s
                              << QStringList{u"2001"_s, u"2042"_s, u"2001"_s};
    }

    void filters() {
        QFETCH(int, kind);
        QFETCH(QString, account);
        QFETCH(QString, text);
        QFETCH(QStringList, peers);
        HM model([](const services::CallQuery&) { return sample(); });
        model.refresh();
        auto clock = std::make_shared<testsupport::FakeClock>();
        services::SessionMonitor sessions(clock);
        models::AccountListModel accounts(&sessions, clock);
        ui::HistoryPanel panel(&model);
        panel.setAccountModel(&accounts);
        sessions.addAccount(u"a1"_s, true);
        sessions.addAccount(u"a2"_s, true);
        QCOMPARE(panel.accountCombo()->count(), 3); // All + two accounts
        panel.kindCombo()->setCurrentIndex(kind);
        if (!account.isEmpty()) {
            panel.accountCombo()->setCurrentIndex(panel.accountCombo()->findData(account));
        }
        panel.searchEdit()->setText(text);
        QAbstractItemModel* shown = panel.table()->model();
        QStringList got;
        for (int row = 0; row < shown->rowCount(); ++row) {
            got << shown->index(row, 0).data(HM::PeerRole).toString();
        }
        QCOMPARE(got, peers);
        QVERIFY(panel.summaryLabel()->text().startsWith(QString::number(peers.size())));
    }

    void callBackAsksToDialThePeer() {
        HM model([](const services::CallQuery&) { return sample(); });
        model.refresh();
        ui::HistoryPanel panel(&model);
        QSignalSpy dial(&model, &HM::dialRequested);
        QVERIFY(!panel.callBackButton()->isEnabled()); // nothing selected
        panel.kindCombo()->setCurrentIndex(3);         // outgoing: 9999, 486
        panel.table()->selectRow(1);
        QVERIFY(panel.callBackButton()->isEnabled());
        QTest::mouseClick(panel.callBackButton(), Qt::LeftButton);
        QCOMPARE(dial.size(), 1);
        QCOMPARE(dial.first().at(0).toString(), u"a2"_s);
        QCOMPARE(dial.first().at(1).toString(), u"486"_s);
        // Double-click on a row does the same (through the filter's row mapping).
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTableView* view = panel.table();
        const QRect cell = view->visualRect(view->model()->index(0, HM::PeerColumn));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(dial.size(), 2);
        QCOMPARE(dial.last().at(1).toString(), u"9999"_s);
        QVERIFY(!panel.callBack(5));
    }
};

QTEST_MAIN(tst_HistoryPanel)
#include "tst_HistoryPanel.moc"
