#pragma once

#include "services/ServerNodeConfig.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace ui {

/// Edits the WCS nodes polled through their REST API: a list of nodes and, for the current
/// one, id (as WCS reports `nodeId`, so hooks and polls meet), name, REST API URL, Basic user
/// and password, poll interval. Passwords typed here are only handed out as secretEdits() for
/// the keychain; they are never shown back (the field says whether one is kept).
class ServerNodesEditor : public QWidget {
    Q_OBJECT

public:
    explicit ServerNodesEditor(QWidget* parent = nullptr);

    void setNodes(const QList<services::ServerNodeConfig>& nodes);
    QList<services::ServerNodeConfig> nodes() const;
    /// Keychain changes: key ("restapi/<id>") -> new password, "" = delete. Typed passwords,
    /// cleared users, removed and renamed nodes.
    QHash<QString, QString> secretEdits() const;
    /// Disables the password field (no keychain) with `reason` as its placeholder.
    void setPasswordsAvailable(bool available, const QString& reason);

    QListWidget* list() const { return m_list; }
    QLineEdit* idEdit() const { return m_id; }
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* urlEdit() const { return m_url; }
    QLineEdit* userEdit() const { return m_user; }
    QLineEdit* passwordEdit() const { return m_password; }
    QSpinBox* pollSpin() const { return m_poll; }
    QPushButton* addButton() const { return m_add; }
    QPushButton* removeButton() const { return m_remove; }

private:
    struct Entry {
        services::ServerNodeConfig node;
        QString originalId;   ///< id when loaded, empty for a new node
        QString originalUser; ///< Basic user when loaded
        QString password;
        bool passwordTyped = false;
    };
    void commit();
    void load(int row);
    void refreshList();

    QList<Entry> m_entries;
    QStringList m_removedIds;
    int m_current = -1;
    bool m_loading = false;
    QListWidget* m_list;
    QLineEdit* m_id;
    QLineEdit* m_name;
    QLineEdit* m_url;
    QLineEdit* m_user;
    QLineEdit* m_password;
    QSpinBox* m_poll;
    QPushButton* m_add;
    QPushButton* m_remove;
    QWidget* m_form;
};

} // namespace ui
