#pragma once

#include "services/ServerMonitorConfig.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTabWidget;

namespace ui {

class RestClientConfigEditor;
class ServerNodesEditor;

/// Edits services::ServerMonitorConfig: the hook server (on/off, address, port, path prefix,
/// body limit, allow-list, keep-alive interval and stale multiple, HMAC signature check and
/// its shared secret), `restClientConfig` per REST method, and the REST API nodes with their
/// passwords. Secrets typed here are handed out only as secretEdits() (for the keychain).
/// When the keychain is unavailable (setKeychainState()), a visible line says so and the
/// secret fields are disabled. OK validates (ServerMonitorSettings::validate()) and shows the
/// problems inline instead of closing.
class ServerMonitorDialog : public QDialog {
    Q_OBJECT

public:
    explicit ServerMonitorDialog(const services::ServerMonitorConfig& config,
                                 QWidget* parent = nullptr);

    services::ServerMonitorConfig config() const;
    /// Keychain changes: key -> new secret, "" = delete ("hooks/secret", "restapi/<id>").
    QHash<QString, QString> secretEdits() const;
    /// `available` false: secrets cannot be stored; `message` says why.
    void setKeychainState(bool available, const QString& message);

    void accept() override;

    QTabWidget* pages() const { return m_pages; }
    QCheckBox* enabledCheck() const { return m_enabled; }
    QLineEdit* addressEdit() const { return m_address; }
    QSpinBox* portSpin() const { return m_port; }
    QLineEdit* prefixEdit() const { return m_prefix; }
    QLineEdit* allowEdit() const { return m_allow; }
    QCheckBox* verifyCheck() const { return m_verify; }
    QLineEdit* secretEdit() const { return m_secret; }
    QLabel* keychainLabel() const { return m_keychain; }
    QLabel* errorLabel() const { return m_errors; }
    RestClientConfigEditor* restConfigEditor() const { return m_rest; }
    ServerNodesEditor* nodesEditor() const { return m_nodes; }

private:
    QWidget* buildHookPage();

    services::ServerMonitorConfig m_initial;
    QTabWidget* m_pages;
    QCheckBox* m_enabled = nullptr;
    QLineEdit* m_address = nullptr;
    QSpinBox* m_port = nullptr;
    QLineEdit* m_prefix = nullptr;
    QSpinBox* m_bodyKiB = nullptr;
    QLineEdit* m_allow = nullptr;
    QSpinBox* m_keepAlive = nullptr;
    QSpinBox* m_stale = nullptr;
    QCheckBox* m_verify = nullptr;
    QLineEdit* m_secret = nullptr;
    bool m_secretTyped = false;
    RestClientConfigEditor* m_rest;
    ServerNodesEditor* m_nodes;
    QLabel* m_keychain;
    QLabel* m_errors;
};

} // namespace ui
