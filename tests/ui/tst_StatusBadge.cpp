// ui::StatusBadge and ui::BadgeDelegate: text always present, accessible name and tooltip.
#include "models/CallListModel.h"
#include "ui/delegates/BadgeDelegate.h"
#include "ui/widgets/StatusBadge.h"

#include <QStandardItemModel>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Style = ui::StatusBadgeStyle;

class tst_StatusBadge : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void accessibleNameContainsTheText() {
        ui::StatusBadge badge;
        badge.setBadge(Style::call(core::CallStatus::Established));
        QVERIFY(!badge.text().isEmpty());
        QVERIFY(badge.accessibleName().contains(badge.text()));
        QVERIFY(badge.toolTip().contains(badge.text()));
        QVERIFY(badge.sizeHint().width() > badge.fontMetrics().horizontalAdvance(badge.text()));
    }

    void tooltipHasTheReasonAndTime() {
        ui::StatusBadge badge;
        badge.setBadge(Style::session(core::SessionStatus::Failed), u"Connection refused"_s,
                       1'700'000'000'000);
        QVERIFY(badge.toolTip().contains(u"Connection refused"_s));
        QVERIFY(badge.toolTip().contains(badge.text()));
        QCOMPARE(badge.accessibleDescription(), u"Connection refused"_s);
    }

    void paintsWithoutAWindowSystem() {
        ui::StatusBadge badge;
        badge.setBadge(Style::stream(core::StreamStatus::Unknown, u"WEIRD"_s));
        badge.resize(badge.sizeHint());
        const QPixmap pm = badge.grab();
        QVERIFY(!pm.isNull());
        QCOMPARE(badge.text(), u"WEIRD"_s);
    }

    void delegateReadsTheStatusRoles() {
        QStandardItemModel model(1, 1);
        auto* item = new QStandardItem;
        item->setData(static_cast<int>(core::CallStatus::Hold), models::CallListModel::StatusRole);
        item->setData(u"On hold"_s, models::CallListModel::StatusTextRole);
        model.setItem(0, 0, item);
        ui::BadgeDelegate delegate(Style::Family::Call, models::CallListModel::StatusRole,
                                   models::CallListModel::StatusTextRole);
        const Style::Badge b = delegate.badgeFor(model.index(0, 0));
        QCOMPARE(b.tone, Style::Tone::Attention);
        QCOMPARE(b.text, Style::call(core::CallStatus::Hold).text);

        item->setData(0, models::CallListModel::StatusRole);
        item->setData(u"STRANGE"_s, models::CallListModel::StatusTextRole);
        QCOMPARE(delegate.badgeFor(model.index(0, 0)).text, u"STRANGE"_s);
        QVERIFY(delegate.badgeFor(model.index(0, 0)).unknown);
    }
};

QTEST_MAIN(tst_StatusBadge)
#include "tst_StatusBadge.moc"
