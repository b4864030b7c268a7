#include "ui/tray/TrayIcon.h"

#include "models/StatusLabels.h"

#include <QAction>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QSystemTrayIcon>

namespace ui {

namespace {

using Shape = StatusBadgeStyle::Shape;

const char* const kAccountId = "callboardAccountId";

QPixmap paintIcon(int size, const StatusBadgeStyle::Badge& badge, bool dnd) {
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r(0, 0, size, size);
    const QColor tone = badge.color();
    if (badge.shape == Shape::Check || badge.shape == Shape::Cross) {
        // These shapes are a filled disc with a white glyph already.
        StatusBadgeStyle::paintShape(
            p, r.adjusted(-size * 0.12, -size * 0.12, size * 0.12, size * 0.12), badge.shape, tone);
    } else {
        p.setPen(Qt::NoPen);
        p.setBrush(tone);
        p.drawEllipse(r.adjusted(0.5, 0.5, -0.5, -0.5));
        const qreal inset = size * 0.2;
        StatusBadgeStyle::paintShape(p, r.adjusted(inset, inset, -inset, -inset), badge.shape,
                                     Qt::white);
    }
    if (dnd) {
        // A "no entry" mark in the bottom-right quarter: red disc, white bar, white rim.
        const qreal d = size * 0.5;
        const QRectF mark(size - d, size - d, d, d);
        p.setPen(QPen(Qt::white, qMax<qreal>(1.0, size / 24.0)));
        p.setBrush(StatusBadgeStyle::color(StatusBadgeStyle::Tone::Bad));
        p.drawEllipse(mark.adjusted(0.5, 0.5, -0.5, -0.5));
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::white);
        p.drawRect(QRectF(mark.left() + d * 0.22, mark.center().y() - d * 0.1, d * 0.56, d * 0.2));
    }
    p.end();
    return pm;
}

} // namespace

TrayIcon::TrayIcon(QObject* parent)
    : QObject(parent)
    , m_menu(std::make_unique<QMenu>())
    , m_tray(std::make_unique<QSystemTrayIcon>()) {
    m_showHide = m_menu->addAction(tr("Show window"));
    connect(m_showHide, &QAction::triggered, this, &TrayIcon::showHideRequested);
    m_menu->addSeparator();
    m_accountsSeparator = m_menu->addSeparator();
    m_dnd = m_menu->addAction(tr("Do not disturb"));
    m_dnd->setCheckable(true);
    m_dnd->setToolTip(tr("Reject incoming calls at once"));
    connect(m_dnd, &QAction::toggled, this, [this](bool on) {
        m_tray->setIcon(iconFor(m_worst, on));
        m_tray->setToolTip(toolTipFor(m_accounts, on));
        Q_EMIT doNotDisturbToggled(on);
    });
    m_menu->addSeparator();
    m_quit = m_menu->addAction(tr("Quit"));
    connect(m_quit, &QAction::triggered, this, &TrayIcon::quitRequested);

    m_tray->setContextMenu(m_menu.get());
    m_tray->setIcon(iconFor(m_worst, false));
    m_tray->setToolTip(toolTipFor({}, false));
    connect(m_tray.get(), &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick) {
                    Q_EMIT showHideRequested();
                }
            });
    connect(m_tray.get(), &QSystemTrayIcon::messageClicked, this, &TrayIcon::messageClicked);
}

TrayIcon::~TrayIcon() {
    m_tray->hide();
    m_tray->setContextMenu(nullptr);
}

bool TrayIcon::available() {
    return QSystemTrayIcon::isSystemTrayAvailable();
}

StatusBadgeStyle::Badge TrayIcon::badgeFor(core::SessionStatus worst) {
    return StatusBadgeStyle::session(worst);
}

QIcon TrayIcon::iconFor(core::SessionStatus worst, bool dnd) {
    const StatusBadgeStyle::Badge badge = badgeFor(worst);
    QIcon icon;
    for (const int size : {16, 22, 32, 48, 64}) {
        icon.addPixmap(paintIcon(size, badge, dnd));
    }
    return icon;
}

QString TrayIcon::toolTipFor(const QList<Account>& accounts, bool dnd) {
    QStringList lines{tr("Callboard")};
    if (dnd) {
        lines << tr("Do not disturb: incoming calls are rejected");
    }
    if (accounts.isEmpty()) {
        lines << tr("No account");
    }
    for (const Account& a : accounts) {
        const QString name = a.name.isEmpty() ? a.id : a.name;
        QString state = models::StatusLabels::session(a.connection);
        const bool up = a.connection == core::SessionStatus::Established ||
                        a.connection == core::SessionStatus::Registered;
        if (up && a.registrationWanted) {
            state = models::StatusLabels::registration(a.registration);
        }
        if (!up && !a.info.isEmpty()) {
            lines << tr("%1: %2 (%3)").arg(name, state, a.info);
        } else {
            lines << tr("%1: %2").arg(name, state);
        }
    }
    return lines.join(u'\n');
}

void TrayIcon::setState(core::SessionStatus worst, const QList<Account>& accounts) {
    m_worst = worst;
    const bool dnd = m_dnd->isChecked();
    m_tray->setIcon(iconFor(worst, dnd));
    m_tray->setToolTip(toolTipFor(accounts, dnd));
    rebuildAccounts(accounts);
    m_accounts = accounts;
}

void TrayIcon::rebuildAccounts(const QList<Account>& accounts) {
    bool sameIds = accounts.size() == m_accountMenus.size();
    for (qsizetype i = 0; sameIds && i < accounts.size(); ++i) {
        sameIds = m_accountMenus[i]->property(kAccountId).toString() == accounts[i].id;
    }
    if (!sameIds) {
        for (QMenu* sub : std::as_const(m_accountMenus)) {
            m_menu->removeAction(sub->menuAction());
            sub->deleteLater();
        }
        m_accountMenus.clear();
        for (const Account& a : accounts) {
            auto* sub = new QMenu(m_menu.get());
            sub->setProperty(kAccountId, a.id);
            QAction* connectIt = sub->addAction(tr("Connect"));
            QAction* disconnectIt = sub->addAction(tr("Disconnect"));
            const QString id = a.id;
            connect(connectIt, &QAction::triggered, this,
                    [this, id] { Q_EMIT connectRequested(id); });
            connect(disconnectIt, &QAction::triggered, this,
                    [this, id] { Q_EMIT disconnectRequested(id); });
            m_menu->insertMenu(m_accountsSeparator, sub);
            m_accountMenus.append(sub);
        }
    }
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        const Account& a = accounts[i];
        QMenu* sub = m_accountMenus[i];
        const StatusBadgeStyle::Badge badge = StatusBadgeStyle::session(a.connection);
        sub->setTitle(a.name.isEmpty() ? a.id : a.name);
        sub->setIcon(StatusBadgeStyle::icon(badge.shape, badge.color()));
        sub->menuAction()->setToolTip(badge.accessibleText);
        const QList<QAction*> actions = sub->actions();
        actions[0]->setEnabled(!a.connected);
        actions[1]->setEnabled(a.connected);
    }
}

void TrayIcon::setDoNotDisturb(bool on) {
    const QSignalBlocker block(m_dnd);
    m_dnd->setChecked(on);
    m_tray->setIcon(iconFor(m_worst, on));
    m_tray->setToolTip(toolTipFor(m_accounts, on));
}

void TrayIcon::setWindowVisible(bool visible) {
    m_showHide->setText(visible ? tr("Hide window") : tr("Show window"));
}

void TrayIcon::showMessage(services::NotificationKind kind, const QString& title,
                           const QString& body, int ms) {
    if (!m_tray->isVisible()) {
        return;
    }
    QSystemTrayIcon::MessageIcon icon = QSystemTrayIcon::Information;
    if (kind == services::NotificationKind::StreamFailed ||
        kind == services::NotificationKind::ConnectionLost) {
        icon = QSystemTrayIcon::Warning;
    }
    m_tray->showMessage(title, body, icon, ms);
}

bool TrayIcon::show() {
    if (!available()) {
        return false;
    }
    m_tray->show();
    return true;
}

QIcon TrayIcon::icon() const {
    return m_tray->icon();
}

QString TrayIcon::toolTip() const {
    return m_tray->toolTip();
}

QAction* TrayIcon::connectAction(const QString& id) const {
    for (QMenu* sub : m_accountMenus) {
        if (sub->property(kAccountId).toString() == id) {
            return sub->actions().value(0);
        }
    }
    return nullptr;
}

QAction* TrayIcon::disconnectAction(const QString& id) const {
    for (QMenu* sub : m_accountMenus) {
        if (sub->property(kAccountId).toString() == id) {
            return sub->actions().value(1);
        }
    }
    return nullptr;
}

} // namespace ui
