#include "ui/windows/MainWindow.h"

#include "models/HistoryModel.h"
#include "ui/widgets/DataPanel.h"
#include "ui/widgets/EventsPanel.h"
#include "ui/widgets/HistoryPanel.h"
#include "ui/widgets/MessagesPanel.h"
#include "ui/widgets/PhonePanel.h"
#include "ui/widgets/ServersPanel.h"
#include "ui/widgets/StatusStrip.h"
#include "ui/widgets/StreamsPanel.h"
#include "ui_MainWindow.h"

#include <QApplication>
#include <QHeaderView>
#include <QMessageBox>
#include <QTableView>

namespace ui {

MainWindow::MainWindow(const Models& models, QWidget* parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>()) {
    m_ui->setupUi(this);
    m_strip = new StatusStrip(models.accounts, m_ui->statusFrame);
    m_ui->statusLayout->addWidget(m_strip);
    m_phone = new PhonePanel(models.calls, m_ui->tabs);
    m_streams = new StreamsPanel(models.streams, m_ui->tabs);
    m_events = new EventsPanel(models.events, m_ui->tabs);
    m_ui->tabs->addTab(m_phone, tr("&Phone"));
    m_ui->tabs->addTab(m_streams, tr("&Streams"));
    m_servers = new ServersPanel(models.streams, m_ui->tabs);
    m_ui->tabs->addTab(m_servers, tr("Se&rvers"));
    m_data = new DataPanel(m_ui->tabs);
    m_ui->tabs->addTab(m_data, tr("&Data"));
    m_messages = new MessagesPanel(m_ui->tabs);
    m_ui->tabs->addTab(m_messages, tr("&Messages"));
    m_ui->tabs->addTab(m_events, tr("&Events"));
    if (models.history) {
        m_historyPanel = new HistoryPanel(models.history, m_ui->tabs);
        m_historyPanel->setAccountModel(models.accounts);
        m_history = m_historyPanel->table();
        m_ui->tabs->addTab(m_historyPanel, tr("&History"));
        m_phone->setHistoryModel(models.history);
    }
    m_phone->setAccountModel(models.accounts);
    m_events->setAccountModel(models.accounts);
    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

MainWindow::~MainWindow() = default;

QTabWidget* MainWindow::tabs() const {
    return m_ui->tabs;
}

QAction* MainWindow::accountsAction() const {
    return m_ui->accountsAction;
}

QAction* MainWindow::settingsAction() const {
    return m_ui->settingsAction;
}

bool MainWindow::showTab(const QString& name) {
    const QString n = name.toLower();
    QWidget* tab = nullptr;
    if (n == QLatin1String("phone")) {
        tab = m_phone;
    } else if (n == QLatin1String("streams")) {
        tab = m_streams;
    } else if (n == QLatin1String("servers")) {
        tab = m_servers;
    } else if (n == QLatin1String("data")) {
        tab = m_data;
    } else if (n == QLatin1String("messages")) {
        tab = m_messages;
    } else if (n == QLatin1String("events")) {
        tab = m_events;
    } else if (n == QLatin1String("history")) {
        tab = m_historyPanel;
    }
    if (!tab) {
        return false;
    }
    m_ui->tabs->setCurrentWidget(tab);
    return true;
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About Callboard"),
                       tr("<b>Callboard %1</b><p>Desktop softphone and live stream monitor for "
                          "Flashphoner Web Call Server.</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace ui
