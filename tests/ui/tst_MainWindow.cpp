// ui::MainWindow builds over real models with every tab, the status strip follows the
// accounts, and the Streams and Events panels show their models.
#include "models/AccountListModel.h"
#include "models/CallListModel.h"
#include "models/EventLogModel.h"
#include "models/HistoryModel.h"
#include "models/StreamFilterProxy.h"
#include "models/StreamTableModel.h"
#include "services/CallService.h"
#include "services/SessionMonitor.h"
#include "services/StreamMonitor.h"
#include "support/FakeClock.h"
#include "ui/widgets/DataPanel.h"
#include "ui/widgets/EventsPanel.h"
#include "ui/widgets/HistoryPanel.h"
#include "ui/widgets/PhonePanel.h"
#include "ui/widgets/ServersPanel.h"
#include "ui/widgets/StatusBadge.h"
#include "ui/widgets/StatusStrip.h"
#include "ui/widgets/StreamsPanel.h"
#include "ui/windows/MainWindow.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_MainWindow : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<testsupport::FakeClock> clock = std::make_shared<testsupport::FakeClock>();
    std::unique_ptr<services::CallService> calls;
    std::unique_ptr<services::StreamMonitor> streams;
    std::unique_ptr<services::SessionMonitor> sessions;
    std::unique_ptr<models::AccountListModel> accountModel;
    std::unique_ptr<models::CallListModel> callModel;
    std::unique_ptr<models::StreamTableModel> streamModel;
    std::unique_ptr<models::EventLogModel> eventModel;
    std::unique_ptr<models::HistoryModel> historyModel;
    std::unique_ptr<ui::MainWindow> window;

private Q_SLOTS:
    void init() {
        calls = std::make_unique<services::CallService>(clock);
        streams = std::make_unique<services::StreamMonitor>(clock);
        sessions = std::make_unique<services::SessionMonitor>(clock);
        accountModel = std::make_unique<models::AccountListModel>(sessions.get(), clock);
        callModel = std::make_unique<models::CallListModel>(calls.get(), clock);
        streamModel = std::make_unique<models::StreamTableModel>(streams.get(), clock);
        eventModel = std::make_unique<models::EventLogModel>();
        historyModel = std::make_unique<models::HistoryModel>(
            [](const services::CallQuery&) { return QList<services::CallHistoryEntry>{}; });
        ui::MainWindow::Models m{accountModel.get(), callModel.get(), streamModel.get(),
                                 eventModel.get(), historyModel.get()};
        window = std::make_unique<ui::MainWindow>(m);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    }

    void cleanup() {
        window.reset();
        historyModel.reset();
        eventModel.reset();
        streamModel.reset();
        callModel.reset();
        accountModel.reset();
        sessions.reset();
        streams.reset();
        calls.reset();
    }

    void buildsWithAllTabs() {
        QTabWidget* tabs = window->tabs();
        QCOMPARE(tabs->widget(0), window->phonePanel());
        QCOMPARE(tabs->widget(1), window->streamsPanel());
        QCOMPARE(tabs->indexOf(window->serversPanel()), 2);
        QCOMPARE(tabs->indexOf(window->dataPanel()), 3);
        QCOMPARE(tabs->indexOf(window->eventsPanel()), tabs->count() - 2);
        QCOMPARE(tabs->indexOf(window->historyPanel()), tabs->count() - 1);
        for (const char* name : {"phone", "streams", "servers", "events", "history"}) {
            QVERIFY(window->showTab(QString::fromLatin1(name)));
        }
        QCOMPARE(tabs->currentWidget(), window->historyPanel());
        QVERIFY(!window->showTab(u"nonsense"_s));
        QVERIFY(window->statusStrip()->isVisible());
        QCOMPARE(window->phonePanel()->callTable()->model(), callModel.get());
    }

    void statusStripFollowsTheAccounts() {
        ui::StatusStrip* strip = window->statusStrip();
        QCOMPARE(strip->accountCount(), 0);
        sessions->addAccount(u"acc"_s, true);
        QCOMPARE(strip->accountCount(), 1);
        core::ConnectionStatusEvent e;
        e.status = core::SessionStatus::Failed;
        e.info = u"Connection refused"_s;
        sessions->apply(u"acc"_s, e);
        sessions->reconnectScheduled(u"acc"_s, 2, 4000);
        QTRY_COMPARE(strip->connectionBadge(0)->badge().tone, ui::StatusBadgeStyle::Tone::Bad);
        QVERIFY(strip->connectionBadge(0)->toolTip().contains(u"Connection refused"_s));
        QTRY_VERIFY(!strip->reconnectLabel(0)->text().isEmpty());
        QVERIFY(strip->registrationBadge(0)->accessibleName().contains(
            strip->registrationBadge(0)->text()));
        sessions->removeAccount(u"acc"_s);
        QCOMPARE(strip->accountCount(), 0);
    }

    void streamsPanelFilters() {
        for (const auto& [id, name, status] :
             {std::tuple{"m1", "lobby-cam", core::StreamStatus::Publishing},
              std::tuple{"m2", "parking-lot", core::StreamStatus::Failed}}) {
            core::StreamStatusEvent e;
            e.mediaSessionId = QString::fromLatin1(id);
            e.name = QString::fromLatin1(name);
            e.status = status;
            streams->apply(e, services::SourceOwnSession, u"acc"_s);
        }
        ui::StreamsPanel* panel = window->streamsPanel();
        QTRY_COMPARE(panel->table()->model()->rowCount(), 2);
        panel->filterEdit()->setText(u"lobby"_s);
        QCOMPARE(panel->table()->model()->rowCount(), 1);
        panel->filterEdit()->clear();
        const int failed = panel->statusCombo()->findData(int(core::StreamStatus::Failed));
        QVERIFY(failed > 0);
        panel->statusCombo()->setCurrentIndex(failed);
        QCOMPARE(panel->table()->model()->rowCount(), 1);
        QCOMPARE(panel->table()->model()->index(0, 0).data().toString(), u"parking-lot"_s);
    }

    void eventsPanelPausesAndExports() {
        ui::EventsPanel* panel = window->eventsPanel();
        services::JournalEntry entry;
        entry.timestampMs = clock->nowMs();
        entry.type = u"CallStatusEvent"_s;
        entry.status = u"RING"_s;
        entry.json = R"({"type":"CallStatusEvent","status":"RING"})";
        eventModel->append(entry);
        QTRY_COMPARE(panel->table()->model()->rowCount(), 1);
        panel->pauseButton()->click();
        QVERIFY(eventModel->isPaused());
        eventModel->append(entry);
        QTest::qWait(50);
        QCOMPARE(panel->table()->model()->rowCount(), 1);
        panel->pauseButton()->click();
        QTRY_COMPARE(panel->table()->model()->rowCount(), 2);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"events.jsonl"_s);
        QCOMPARE(panel->exportTo(path), 2);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().count('\n'), 2);
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_MainWindow.moc"
