// The Servers tab end to end: the app composition with --demo in-process, whose emulator POSTs
// its hooks to our hook server and serves its REST API. A second WCS client (raw frames)
// publishes on the emulator. Node status and errors per node (no modal dialogs), metrics of
// the selected stream, terminate with confirmation (declined: nothing happens), refuse a name
// pattern (the emulator's publish is refused), end at the next keep-alive, and the
// configuration dialog round trip through the settings file, secrets handed out only for
// the keychain, and a bind error shown in the hook server panel.
#include "AppComposition.h"
#include "AppServices.h"
#include "integration/EmulatorTestClient.h"

#include "emulator/EmulatorServer.h"
#include "models/StreamTableModel.h"
#include "services/CredentialStore.h"
#include "services/ServerMonitorSettings.h"
#include "ui/dialogs/ServerMonitorDialog.h"
#include "ui/dialogs/ServerNodesEditor.h"
#include "ui/widgets/HookServerBox.h"
#include "ui/widgets/NodeTable.h"
#include "ui/widgets/RefuseRulesBox.h"
#include "ui/widgets/ServersPanel.h"
#include "ui/widgets/StreamMetricsBox.h"
#include "ui/windows/MainWindow.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTcpServer>
#include <QTest>

using models::StreamTableModel;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kDemoNode = u"demo@callboard-emulator"_s;

QJsonObject stream(const QString& id, const QString& name) {
    return {{u"mediaSessionId"_s, id}, {u"name"_s, name},           {u"hasAudio"_s, true},
            {u"hasVideo"_s, true},     {u"status"_s, u"PENDING"_s}, {u"sdp"_s, u"v=0\r\n"_s}};
}

} // namespace

class tst_ServersPanel : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<app::AppComposition> app;
    std::unique_ptr<EmulatorTestClient> client;
    QStringList asked; ///< confirmation questions asked
    bool answer = true;

    ui::ServersPanel* panel() const { return app->window()->serversPanel(); }

    /// Publishes `name` from the raw client; true once the server says PUBLISHING.
    bool publish(const QString& id, const QString& name) {
        client->send(u"publishStream"_s, stream(id, name));
        return bool(client->waitFor(u"notifyStreamStatusEvent"_s, [&](const auto& f) {
            return f.arg.value(u"mediaSessionId").toString() == id &&
                   f.arg.value(u"status").toString() == u"PUBLISHING";
        }));
    }
    /// Status the client was last told for stream `id`.
    QString clientStatus(const QString& id) const {
        QString last;
        for (const auto& f : client->frames) {
            if (f.message == u"notifyStreamStatusEvent" &&
                f.arg.value(u"mediaSessionId").toString() == id) {
                last = f.arg.value(u"status").toString();
            }
        }
        return last;
    }
    bool noMessageBox() const {
        for (QWidget* w : QApplication::topLevelWidgets()) {
            if (qobject_cast<QMessageBox*>(w) && w->isVisible()) {
                return false;
            }
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase() {
        app::AppComposition::Options o;
        o.demo = true;
        o.tab = u"servers"_s;
        app = std::make_unique<app::AppComposition>(o);
        QSignalSpy ready(app.get(), &app::AppComposition::accountReady);
        QVERIFY(app->start());
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);
        QCOMPARE(app->window()->tabs()->currentWidget(), panel());
        panel()->setConfirm([this](const QString&, const QString& text) {
            asked.append(text);
            return answer;
        });
        client = std::make_unique<EmulatorTestClient>();
        QVERIFY(client->open(app->emulatorServer()->serverUrl()));
        QVERIFY(!client->connectSession().isEmpty());
    }
    void cleanupTestCase() {
        client.reset();
        app.reset();
    }

    void demoShowsHookServerAndNode() {
        QTRY_VERIFY(panel()->hookServerBox()->addressLabel()->text().contains(
            u"Listening on http://127.0.0.1:"_s));
        ui::NodeTable* nodes = panel()->nodeTable();
        QTRY_COMPARE_WITH_TIMEOUT(nodes->cellText(kDemoNode, ui::NodeTable::StatusColumn),
                                  u"Reachable"_s, 10000);
        QTRY_VERIFY(nodes->cellText(kDemoNode, ui::NodeTable::ConnectionsColumn).toInt() >= 2);
        QVERIFY(nodes->cellText(kDemoNode, ui::NodeTable::ProblemColumn).isEmpty());
        // Hooks arrive: the counters move.
        QTRY_VERIFY_WITH_TIMEOUT(panel()->hookServerBox()->lastLabel()->text().contains(u"200"_s),
                                 10000);
    }

    void nodeErrorsAreShownPerNodeInline() {
        QTcpServer probe; // a port nobody listens on
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 deadPort = probe.serverPort();
        probe.close();
        panel()->hookServerBox()->configureButton()->click();
        auto* dialog = app->window()->findChild<ui::ServerMonitorDialog*>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        ui::ServerNodesEditor* editor = dialog->nodesEditor();
        editor->addButton()->click();
        QTest::keyClick(editor->idEdit(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(editor->idEdit(), u"dead"_s);
        editor->urlEdit()->selectAll();
        QTest::keyClicks(editor->urlEdit(), u"http://127.0.0.1:%1/rest-api"_s.arg(deadPort));
        dialog->accept();
        QTRY_VERIFY(!dialog->isVisible());
        ui::NodeTable* nodes = panel()->nodeTable();
        QTRY_COMPARE_WITH_TIMEOUT(nodes->cellText(u"dead"_s, ui::NodeTable::StatusColumn),
                                  u"Unreachable"_s, 10000);
        QVERIFY(!nodes->cellText(u"dead"_s, ui::NodeTable::ProblemColumn).isEmpty());
        QCOMPARE(nodes->cellText(kDemoNode, ui::NodeTable::StatusColumn), u"Reachable"_s);
        QVERIFY(noMessageBox());
        // Stored in the settings file (group "servers/").
        services::ServerMonitorSettings stored(app->services().settingsFile(),
                                               app->services().credentials());
        const services::ServerMonitorConfig c = stored.config();
        QVERIFY(c.node(u"dead"_s));
        QCOMPARE(c.node(u"dead"_s)->baseUrl.port(), int(deadPort));
        QVERIFY(c.node(kDemoNode));
    }

    void invalidConfigurationIsRefusedInline() {
        panel()->hookServerBox()->configureButton()->click();
        QTRY_VERIFY(app->window()->findChild<ui::ServerMonitorDialog*>());
        auto* dialog = app->window()->findChild<ui::ServerMonitorDialog*>();
        QTRY_VERIFY(dialog->isVisible());
        dialog->prefixEdit()->setText(u"no-slash"_s);
        dialog->accept();
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->errorLabel()->isVisible());
        QVERIFY(!dialog->errorLabel()->text().isEmpty());
        dialog->setKeychainState(false, u"No secret service."_s);
        QVERIFY(dialog->keychainLabel()->isVisibleTo(dialog));
        QVERIFY(!dialog->secretEdit()->isEnabled());
        dialog->reject();
        QTRY_VERIFY(app->window()->findChild<ui::ServerMonitorDialog*>() == nullptr);
    }

    void dialogHandsSecretsOnlyToTheKeychain() {
        services::ServerMonitorConfig c;
        c.nodes.append({u"old"_s, {}, QUrl(u"http://h:8081/rest-api"_s), u"admin"_s, 5000});
        ui::ServerMonitorDialog dialog(c);
        dialog.verifyCheck()->setChecked(true);
        QTest::keyClicks(dialog.secretEdit(), u"hmac-secret"_s);
        ui::ServerNodesEditor* editor = dialog.nodesEditor();
        editor->addButton()->click();
        QTest::keyClicks(editor->userEdit(), u"ops"_s);
        QTest::keyClicks(editor->passwordEdit(), u"rest-pw"_s);
        editor->list()->setCurrentRow(0);
        editor->removeButton()->click(); // "old" had a user: its password is forgotten
        const QHash<QString, QString> secrets = dialog.secretEdits();
        QCOMPARE(secrets.value(u"hooks/secret"_s), u"hmac-secret"_s);
        QCOMPARE(secrets.value(u"restapi/node-2"_s), u"rest-pw"_s);
        QVERIFY(secrets.contains(u"restapi/old"_s));
        QCOMPARE(secrets.value(u"restapi/old"_s), QString());
        const services::ServerMonitorConfig out = dialog.config();
        QCOMPARE(out.nodes.size(), 1);
        QCOMPARE(out.nodes.first().user, u"ops"_s);
        QVERIFY(out.verifySignature);
    }

    void metricsOfTheSelectedStream() {
        QVERIFY(publish(u"m-1"_s, u"metrics-cam"_s));
        QTRY_VERIFY_WITH_TIMEOUT(panel()->selectStream(u"m-1"_s), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            panel()->metricsBox()->label(ui::StreamMetricsBox::Video)->text().contains(u"30 fps"_s),
            10000);
        QVERIFY(panel()
                    ->metricsBox()
                    ->label(ui::StreamMetricsBox::Stream)
                    ->text()
                    .contains(u"metrics-cam"_s));
    }

    void terminateAsksFirstThenCallsTheRestApi() {
        QVERIFY(publish(u"t-1"_s, u"term-cam"_s));
        QTRY_VERIFY_WITH_TIMEOUT(panel()->selectStream(u"t-1"_s), 10000);
        QVERIFY(panel()->terminateStreamButton()->isEnabled());
        const int linesBefore = panel()->outcomeList()->count();
        answer = false;
        asked.clear();
        panel()->terminateStreamButton()->click();
        QCOMPARE(asked.size(), 1);
        QVERIFY(asked.first().contains(u"term-cam"_s));
        QTest::qWait(300);
        QCOMPARE(panel()->outcomeList()->count(), linesBefore);
        QCOMPARE(clientStatus(u"t-1"_s), u"PUBLISHING"_s);

        answer = true;
        panel()->terminateStreamButton()->click();
        QCOMPARE(asked.size(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(panel()->lastOutcome(),
                                  u"Stream \"term-cam\" terminated on %1"_s.arg(kDemoNode), 10000);
        QTRY_VERIFY(clientStatus(u"t-1"_s) != u"PUBLISHING");
    }

    void refusedPatternRefusesThePublish() {
        ui::RefuseRulesBox* box = panel()->refuseBox();
        asked.clear();
        QTest::keyClicks(box->patternEdit(), u"blocked-*"_s);
        box->refuseButton()->click();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(box->ruleList()->count(), 1);
        QVERIFY(panel()->lastOutcome().contains(u"blocked-*"_s));
        client->send(u"publishStream"_s, stream(u"b-1"_s, u"blocked-cam"_s));
        QTRY_COMPARE_WITH_TIMEOUT(clientStatus(u"b-1"_s), u"FAILED"_s, 10000);
        QTRY_COMPARE(panel()->lastOutcome(),
                     u"Refused publishing of \"blocked-cam\" on %1"_s.arg(kDemoNode));
        // Others still publish; removing the rule lets the name through again.
        QVERIFY(publish(u"ok-1"_s, u"open-cam"_s));
        box->ruleList()->setCurrentRow(0);
        box->removeButton()->click();
        QCOMPARE(box->ruleList()->count(), 0);
        QVERIFY(publish(u"b-2"_s, u"blocked-cam"_s));
    }

    void endAtNextKeepAlive() {
        QVERIFY(publish(u"k-1"_s, u"ka-cam"_s));
        QTRY_VERIFY_WITH_TIMEOUT(panel()->selectStream(u"k-1"_s), 10000);
        // The hook server has seen the stream (hooks reach it).
        QTRY_VERIFY_WITH_TIMEOUT(
            panel()->streamTable()->currentIndex().data(StreamTableModel::SourcesRole).toInt() & 2,
            10000);
        panel()->endAtKeepAliveButton()->click();
        QVERIFY(panel()->lastOutcome().contains(u"next keep-alive"_s));
        QTRY_COMPARE_WITH_TIMEOUT(clientStatus(u"k-1"_s), u"FAILED"_s, 15000);
        QTRY_COMPARE(panel()->lastOutcome(), u"Stream \"ka-cam\" ended at its keep-alive"_s);
        QVERIFY(noMessageBox());
        if (const QString dir = qEnvironmentVariable("CALLBOARD_ARTIFACTS_DIR"); !dir.isEmpty()) {
            app->window()->resize(1280, 780);
            QTest::qWait(100);
            app->window()->grab().save(dir + u"/servers-panel.png"_s);
        }
    }

    // Last: it moves the demo's hook server.
    void bindErrorIsShownInThePanel() {
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost));
        panel()->hookServerBox()->configureButton()->click();
        QTRY_VERIFY(app->window()->findChild<ui::ServerMonitorDialog*>());
        auto* dialog = app->window()->findChild<ui::ServerMonitorDialog*>();
        QTRY_VERIFY(dialog->isVisible());
        dialog->portSpin()->setValue(taken.serverPort());
        dialog->accept();
        QTRY_VERIFY(panel()->hookServerBox()->addressLabel()->text().contains(u"Not listening"_s));
        QVERIFY(noMessageBox());
    }
};

QTEST_MAIN(tst_ServersPanel)
#include "tst_ServersPanel.moc"
