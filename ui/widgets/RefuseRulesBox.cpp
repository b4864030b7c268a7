#include "ui/widgets/RefuseRulesBox.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

namespace ui {

RefuseRulesBox::RefuseRulesBox(QWidget* parent)
    : QGroupBox(tr("Refuse by name"), parent)
    , m_method(new QComboBox(this))
    , m_pattern(new QLineEdit(this))
    , m_add(new QPushButton(tr("&Refuse"), this))
    , m_rules(new QListWidget(this))
    , m_remove(new QPushButton(tr("Remo&ve"), this)) {
    m_method->addItem(tr("Publishing"), QStringLiteral("publishStream"));
    m_method->addItem(tr("Playing"), QStringLiteral("playStream"));
    m_method->setAccessibleName(tr("Refused action"));
    m_pattern->setPlaceholderText(tr("name pattern, e.g. test-*"));
    m_pattern->setAccessibleName(tr("Stream name pattern"));
    m_pattern->setToolTip(tr("* = any text, ? = one character; the whole name must match."));
    m_rules->setAccessibleName(tr("Refuse rules"));
    m_rules->setMaximumHeight(m_rules->fontMetrics().height() * 4 + 12);
    m_add->setEnabled(false);
    m_remove->setEnabled(false);
    auto* grid = new QGridLayout(this);
    grid->addWidget(m_method, 0, 0);
    grid->addWidget(m_add, 0, 2);
    grid->addWidget(m_pattern, 1, 0, 1, 3);
    grid->addWidget(m_rules, 2, 0, 1, 2);
    grid->addWidget(m_remove, 2, 2, Qt::AlignTop);
    grid->setColumnStretch(1, 1);
    connect(m_pattern, &QLineEdit::textChanged, this,
            [this](const QString& t) { m_add->setEnabled(!t.trimmed().isEmpty()); });
    auto request = [this] {
        const QString pattern = m_pattern->text().trimmed();
        if (!pattern.isEmpty()) {
            Q_EMIT refuseRequested(m_method->currentData().toString(), pattern);
        }
    };
    connect(m_add, &QPushButton::clicked, this, request);
    connect(m_pattern, &QLineEdit::returnPressed, this, request);
    connect(m_rules, &QListWidget::currentRowChanged, this,
            [this](int row) { m_remove->setEnabled(row >= 0); });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (const QListWidgetItem* it = m_rules->currentItem()) {
            Q_EMIT removeRequested(it->data(Qt::UserRole).toInt());
        }
    });
}

void RefuseRulesBox::setRules(const QList<hooks::HookPolicy::RefuseRule>& rules) {
    m_rules->clear();
    for (const auto& r : rules) {
        const QString what = r.method == QLatin1String("playStream")      ? tr("Playing")
                             : r.method == QLatin1String("publishStream") ? tr("Publishing")
                                                                          : r.method;
        auto* it = new QListWidgetItem(tr("%1 of \"%2\" refused").arg(what, r.pattern), m_rules);
        it->setData(Qt::UserRole, r.id);
    }
    m_remove->setEnabled(m_rules->currentRow() >= 0);
}

} // namespace ui
