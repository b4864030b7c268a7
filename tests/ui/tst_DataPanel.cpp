// ui::DataPanel without a server: JSON validation with line/column, no sendRequested() for
// invalid text or without an account, compact JSON for valid text, the log and the
// pretty-printed payload of the selected row, the status badges.
#include "models/DataLogModel.h"
#include "ui/delegates/DataStatusDelegate.h"
#include "ui/widgets/DataPanel.h"

#include <QComboBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using models::DataLogModel;
using namespace Qt::Literals::StringLiterals;

class tst_DataPanel : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<core::SystemClock> clock = std::make_shared<core::SystemClock>();

private Q_SLOTS:
    void jsonValidation_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("compact"); // empty: invalid
        QTest::addColumn<QString>("where");      // part of the error text
        QTest::newRow("object") << u"{ \"a\" : 1,\n \"b\": [true, null] }"_s
                                << QByteArray(R"({"a":1,"b":[true,null]})") << QString();
        QTest::newRow("array") << u"[1, 2]"_s << QByteArray("[1,2]") << QString();
        QTest::newRow("number") << u" 42 "_s << QByteArray("42") << QString();
        QTest::newRow("string") << u"\"hi\""_s << QByteArray(R"("hi")") << QString();
        QTest::newRow("empty") << QString() << QByteArray() << QString();
        QTest::newRow("blank") << u"  \n "_s << QByteArray() << QString();
        QTest::newRow("unclosed") << u"{\"a\": 1"_s << QByteArray() << u"line 1"_s;
        QTest::newRow("second line") << u"{\n  \"a\": ,\n}"_s << QByteArray() << u"line 2"_s;
        QTest::newRow("bare word") << u"hello"_s << QByteArray() << u"line 1"_s;
        QTest::newRow("two values") << u"1, 2"_s << QByteArray() << QString();
    }
    void jsonValidation() {
        QFETCH(QString, text);
        QFETCH(QByteArray, compact);
        QFETCH(QString, where);
        QByteArray out;
        const QString error = ui::DataPanel::jsonError(text, &out);
        QCOMPARE(error.isEmpty(), !compact.isEmpty());
        if (!compact.isEmpty()) {
            QCOMPARE(out, compact);
        }
        if (!where.isEmpty()) {
            QVERIFY2(error.contains(where), qPrintable(error));
        }
    }

    void invalidJsonIsNotSent() {
        ui::DataPanel panel;
        DataLogModel model(clock);
        panel.setModel(&model);
        panel.setAccounts({{u"acc"_s, u"Desk"_s}});
        QSignalSpy send(&panel, &ui::DataPanel::sendRequested);
        panel.editor()->setPlainText(u"{\"a\": }"_s);
        QTest::mouseClick(panel.sendButton(), Qt::LeftButton);
        QCOMPARE(send.size(), 0);
        QVERIFY(panel.errorLabel()->text().contains(u"line 1"_s));
        // fixing the text clears the message; sending raises the compact JSON
        panel.editor()->setPlainText(u"{\"a\": 1}"_s);
        QVERIFY(panel.errorLabel()->text().isEmpty());
        QTest::mouseClick(panel.sendButton(), Qt::LeftButton);
        QCOMPARE(send.size(), 1);
        QCOMPARE(send[0][0].toString(), u"acc"_s);
        QCOMPARE(send[0][1].toByteArray(), QByteArray(R"({"a":1})"));
    }

    void noAccountNoSend() {
        ui::DataPanel panel;
        panel.setAccounts({});
        QVERIFY(!panel.sendButton()->isEnabled());
        QSignalSpy send(&panel, &ui::DataPanel::sendRequested);
        panel.editor()->setPlainText(u"1"_s);
        QVERIFY(!panel.send());
        QCOMPARE(send.size(), 0);
        QVERIFY(!panel.errorLabel()->text().isEmpty());
        // accounts keep the choice across updates
        panel.setAccounts({{u"a"_s, u"A"_s}, {u"b"_s, u"B"_s}});
        panel.accountCombo()->setCurrentIndex(1);
        panel.setAccounts({{u"c"_s, u"C"_s}, {u"b"_s, u"B"_s}});
        QCOMPARE(panel.selectedAccountId(), u"b"_s);
    }

    void logShowsBadgesAndThePrettyPayload() {
        ui::DataPanel panel;
        DataLogModel model(clock);
        panel.setModel(&model);
        model.addSent(u"acc"_s, u"op-1"_s, R"({"fail":1})");
        core::DataStatusEvent failed;
        failed.operationId = u"op-1"_s;
        failed.status = core::DataStatus::Failed;
        failed.info = u"Rejected by the demo backend"_s;
        QVERIFY(model.applyStatus(u"acc"_s, failed));
        model.addReceived(u"acc"_s, core::OnDataEvent{u"p-1"_s, R"({"text":"hello"})"});

        const QModelIndex received = model.index(0, DataLogModel::StatusColumn);
        const QModelIndex sent = model.index(1, DataLogModel::StatusColumn);
        QCOMPARE(ui::DataStatusDelegate::badgeFor(sent).tone, ui::StatusBadgeStyle::Tone::Bad);
        QCOMPARE(ui::DataStatusDelegate::badgeFor(sent).text, u"Failed"_s);
        QCOMPARE(ui::DataStatusDelegate::badgeFor(received).text, u"Received"_s);
        model.addSent(u"acc"_s, u"op-2"_s, "2");
        QCOMPARE(ui::DataStatusDelegate::badgeFor(model.index(0, DataLogModel::StatusColumn)).tone,
                 ui::StatusBadgeStyle::Tone::Progress);

        panel.table()->selectionModel()->setCurrentIndex(model.index(2, 0),
                                                         QItemSelectionModel::SelectCurrent);
        const QString shown = panel.payloadView()->toPlainText();
        QVERIFY2(shown.startsWith(u"{\n    \"fail\": 1\n}"_s), qPrintable(shown));
        QVERIFY(shown.contains(u"Rejected by the demo backend"_s));
        QVERIFY(shown.contains(u"op-1"_s));
    }
};

QTEST_MAIN(tst_DataPanel)
#include "tst_DataPanel.moc"
