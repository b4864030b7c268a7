#pragma once

#include "hooks/HookPolicy.h"

#include <QGroupBox>

class QComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace ui {

/// The hook server's refuse rules (spec §13.2): a direct invocation (`publishStream`,
/// `playStream`) whose stream name matches a wildcard pattern (`*`, `?`) is answered 403, so
/// WCS refuses it. Lists the rules and states the user's intents (add, remove); the Servers
/// tab confirms them and the controller applies them to hooks::HookPolicy.
class RefuseRulesBox : public QGroupBox {
    Q_OBJECT

public:
    explicit RefuseRulesBox(QWidget* parent = nullptr);

    void setRules(const QList<hooks::HookPolicy::RefuseRule>& rules);

    QComboBox* methodCombo() const { return m_method; }
    QLineEdit* patternEdit() const { return m_pattern; }
    QPushButton* refuseButton() const { return m_add; }
    QListWidget* ruleList() const { return m_rules; }
    QPushButton* removeButton() const { return m_remove; }

Q_SIGNALS:
    /// Refuse `method` ("publishStream"/"playStream") for names matching `pattern`.
    void refuseRequested(const QString& method, const QString& pattern);
    void removeRequested(int ruleId);

private:
    QComboBox* m_method;
    QLineEdit* m_pattern;
    QPushButton* m_add;
    QListWidget* m_rules;
    QPushButton* m_remove;
};

} // namespace ui
