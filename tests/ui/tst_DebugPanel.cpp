// ui::DebugPanel and ui::LogView without a server: the level combos change LogControl's rules
// (and follow setLevel() from elsewhere), the live log shows new lines as they are logged,
// filters them by category, level and text, and exports them; a badge per account follows the
// SessionDebugStatusEvent and the switch raises debugSessionToggled().
#include "models/AccountListModel.h"
#include "models/LogFilterProxy.h"
#include "models/LogLineModel.h"
#include "services/LogControl.h"
#include "services/SessionMonitor.h"
#include "support/FakeClock.h"
#include "ui/widgets/DebugPanel.h"
#include "ui/widgets/LogView.h"
#include "ui/widgets/StatusBadge.h"
#include "ui/widgets/StatusBadgeStyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLoggingCategory>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Level = services::LogControl::Level;

Q_DECLARE_METATYPE(services::LogControl::Level)

namespace {

Q_LOGGING_CATEGORY(lcTestProtocol, "callboard.wcs.protocol")
Q_LOGGING_CATEGORY(lcTestUi, "callboard.ui")

struct Rig {
    QTemporaryDir dir;
    QSettings settings{dir.filePath(u"s.ini"_s), QSettings::IniFormat};
    services::LogControl control{settings, 100};
    std::shared_ptr<testsupport::FakeClock> clock = std::make_shared<testsupport::FakeClock>();
    services::SessionMonitor sessions{clock};
    models::AccountListModel accounts{&sessions, clock};
    ui::DebugPanel panel{&accounts, &control};

    QAbstractItemModel* shown() const { return panel.logView()->list()->model(); }
    bool shows(const QString& text) const {
        for (int i = 0; i < shown()->rowCount(); ++i) {
            if (shown()->index(i, 0).data().toString().contains(text)) {
                return true;
            }
        }
        return false;
    }
};

} // namespace

class tst_DebugPanel : public QObject {
    Q_OBJECT

public Q_SLOTS:
    /// QDesktopServices URL handler for http: records instead of opening a browser.
    void openUrlHandler(const QUrl& url) { m_opened << url; }

private:
    QList<QUrl> m_opened;

private Q_SLOTS:
    void levelCombosChangeTheRules_data() {
        QTest::addColumn<Level>("level");
        QTest::addColumn<QString>("enabled");  // rule expected "=true"
        QTest::addColumn<QString>("disabled"); // rule expected "=false" (empty: none)
        QTest::newRow("debug") << Level::Debug << u"debug"_s << QString();
        QTest::newRow("info") << Level::Info << u"info"_s << u"debug"_s;
        QTest::newRow("warning") << Level::Warning << u"warning"_s << u"info"_s;
        QTest::newRow("critical") << Level::Critical << u"critical"_s << u"warning"_s;
        QTest::newRow("off") << Level::Off << QString() << u"critical"_s;
    }

    void levelCombosChangeTheRules() {
        QFETCH(Level, level);
        QFETCH(QString, enabled);
        QFETCH(QString, disabled);
        Rig rig;
        const QString category = u"callboard.wcs.protocol"_s;
        QComboBox* combo = rig.panel.levelCombo(category);
        QVERIFY(combo);
        QCOMPARE(combo->count(), 5);
        QCOMPARE(combo->currentData().toInt(), int(rig.control.level(category)));
        if (rig.control.level(category) == level) {
            rig.control.setLevel(category, level == Level::Off ? Level::Debug : Level::Off);
        }
        combo->setCurrentIndex(combo->findData(int(level)));
        QCOMPARE(rig.control.level(category), level);
        const QString rules = rig.control.filterRules();
        if (!enabled.isEmpty()) {
            QVERIFY2(rules.contains(category + u'.' + enabled + u"=true"_s), qPrintable(rules));
        }
        if (!disabled.isEmpty()) {
            QVERIFY2(rules.contains(category + u'.' + disabled + u"=false"_s), qPrintable(rules));
        }
        QCOMPARE(lcTestProtocol().isDebugEnabled(), level == Level::Debug);
        QCOMPARE(lcTestProtocol().isWarningEnabled(), level <= Level::Warning);
        // A change made elsewhere (e.g. restored settings) shows in the combo.
        rig.control.setLevel(category, Level::Critical);
        QCOMPARE(combo->currentData().toInt(), int(Level::Critical));
        rig.control.setLevel(category, Level::Info);
    }

    void everyCategoryHasACombo() {
        Rig rig;
        for (const QString& c : services::LogControl::categories()) {
            QVERIFY2(rig.panel.levelCombo(c), qPrintable(c));
        }
    }

    void liveLogShowsNewLinesAndFilters() {
        Rig rig;
        rig.control.setLevel(u"callboard.wcs.protocol"_s, Level::Debug);
        rig.control.setLevel(u"callboard.ui"_s, Level::Debug);
        rig.panel.logView()->lineModel()->setFrameInterval(1);
        qCDebug(lcTestProtocol) << "frame one";
        qCWarning(lcTestUi) << "a ui warning";
        QTRY_VERIFY(rig.shows(u"frame one"_s));
        QVERIFY(rig.shows(u"a ui warning"_s));
        ui::LogView* log = rig.panel.logView();
        // Category filter.
        log->categoryCombo()->setCurrentIndex(log->categoryCombo()->findData(u"callboard.ui"_s));
        QVERIFY(!rig.shows(u"frame one"_s));
        QVERIFY(rig.shows(u"a ui warning"_s));
        log->categoryCombo()->setCurrentIndex(0);
        // Level filter: warnings and up.
        log->levelCombo()->setCurrentIndex(log->levelCombo()->findData(2));
        QVERIFY(!rig.shows(u"frame one"_s));
        QVERIFY(rig.shows(u"a ui warning"_s));
        log->levelCombo()->setCurrentIndex(0);
        // Text.
        log->searchEdit()->setText(u"FRAME ONE"_s);
        QVERIFY(rig.shows(u"frame one"_s));
        QVERIFY(!rig.shows(u"a ui warning"_s));
        log->searchEdit()->clear();
        QVERIFY(log->followCheck()->isChecked());

        QTemporaryDir dir;
        const QString path = dir.filePath(u"out.log"_s);
        QVERIFY(log->exportTo(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("frame one"));
        QVERIFY(text.contains("a ui warning"));
        QString error;
        QVERIFY(!log->exportTo(dir.filePath(u"missing/dir/out.log"_s), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(log->stateLabel()->text().contains(error));
    }

    void parsesSinkLines_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("level");
        QTest::addColumn<QString>("category");
        QTest::addColumn<QString>("message");
        QTest::newRow("info") << u"2024-05-01T12:00:00.123 info callboard.wcs.protocol: <<< {}"_s
                              << u"info"_s << u"callboard.wcs.protocol"_s << u"<<< {}"_s;
        QTest::newRow("colon in message") << u"2024-05-01T12:00:00.123 warning callboard.ui: a: b"_s
                                          << u"warning"_s << u"callboard.ui"_s << u"a: b"_s;
        QTest::newRow("garbage") << u"no format here"_s << u"info"_s << QString()
                                 << u"no format here"_s;
    }

    void parsesSinkLines() {
        QFETCH(QString, line);
        QFETCH(QString, level);
        QFETCH(QString, category);
        QFETCH(QString, message);
        models::LogLineModel model(nullptr);
        model.appendLine(line);
        model.processFrame();
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex i = model.index(0);
        QCOMPARE(i.data(models::LogLineModel::LevelRole).toString(), level);
        QCOMPARE(i.data(models::LogLineModel::CategoryRole).toString(), category);
        QCOMPARE(i.data(models::LogLineModel::MessageRole).toString(), message);
        QCOMPARE(i.data().toString(), line);
    }

    void logModelKeepsItsCapacity() {
        models::LogLineModel model(nullptr);
        model.setCapacity(3);
        for (int i = 0; i < 5; ++i) {
            model.appendLine(u"2024-05-01T12:00:00.123 info callboard.ui: line %1"_s.arg(i));
        }
        model.processFrame();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0).data(models::LogLineModel::MessageRole).toString(), u"line 2"_s);
    }

    void accountRowsFollowTheDebugSession() {
        Rig rig;
        QCOMPARE(rig.panel.accountCount(), 0);
        rig.sessions.addAccount(u"acc"_s, true);
        QCOMPARE(rig.panel.accountCount(), 1);
        QVERIFY(!rig.panel.debugSwitch(0)->isEnabled()); // not connected
        core::ConnectionStatusEvent c;
        c.status = core::SessionStatus::Established;
        rig.sessions.apply(u"acc"_s, c);
        QTRY_VERIFY(rig.panel.debugSwitch(0)->isEnabled());

        QSignalSpy toggled(&rig.panel, &ui::DebugPanel::debugSessionToggled);
        rig.panel.debugSwitch(0)->click();
        QCOMPARE(toggled.size(), 1);
        QCOMPARE(toggled.first().at(0).toString(), u"acc"_s);
        QCOMPARE(toggled.first().at(1).toBool(), true);

        core::SessionDebugStatusEvent started;
        started.status = core::SessionDebugStatus::Started;
        rig.sessions.apply(u"acc"_s, started);
        QTRY_COMPARE(rig.panel.debugBadge(0)->badge().tone,
                     ui::StatusBadgeStyle::debug(core::SessionDebugStatus::Started).tone);
        QVERIFY(rig.panel.debugSwitch(0)->isChecked());
        QVERIFY(rig.panel.debugBadge(0)->accessibleName().contains(
            ui::StatusBadgeStyle::debug(core::SessionDebugStatus::Started).text));

        rig.panel.setDebugFile(u"acc"_s, u"logs/client/x.log"_s,
                               QUrl(u"http://h:8081/logs/client/x.log"_s));
        QLabel* file = rig.panel.debugFileLabel(0);
        QVERIFY(file->text().contains(u"<a href=\"http://h:8081/logs/client/x.log\">"_s));
        QSignalSpy opened(&rig.panel, &ui::DebugPanel::debugFileOpened);
        QDesktopServices::setUrlHandler(u"http"_s, this, "openUrlHandler");
        Q_EMIT file->linkActivated(u"http://h:8081/logs/client/x.log"_s);
        QDesktopServices::unsetUrlHandler(u"http"_s);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(m_opened, QList<QUrl>{QUrl(u"http://h:8081/logs/client/x.log"_s)});
        rig.panel.setDebugFile(u"acc"_s, u"logs/client/y.log"_s, QUrl());
        QVERIFY(!file->text().contains(u"<a "_s));
        QVERIFY(file->text().contains(u"logs/client/y.log"_s));
    }
};

QTEST_MAIN(tst_DebugPanel)
#include "tst_DebugPanel.moc"
