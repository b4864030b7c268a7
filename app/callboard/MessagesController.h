#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

namespace models {
class MessageListModel;
}
namespace services {
class MessageService;
}
namespace ui {
class MainWindow;
class MessagesPanel;
} // namespace ui

namespace app {

class AppServices;

/// Wires the Messages tab (ui::MessagesPanel) to SIP MESSAGE (RFC 3428; spec
/// sip-connection-manager.md §8.6) of every connected SIP-over-WebSocket account: each
/// account's sip::ConnectionManager is attached to a services::MessageService when it starts
/// (services::AccountConnector::sessionStarted), the panel's sendRequested() becomes
/// MessageService::send(), and the chosen conversation is shown through a
/// models::MessageListModel. A message from a new peer is listed at once and opened when no
/// conversation is open yet. WCS accounts have no MESSAGE and are not offered.
class MessagesController : public QObject {
    Q_OBJECT

public:
    /// `services` and `window` must outlive the controller.
    MessagesController(AppServices& services, ui::MainWindow* window, QObject* parent = nullptr);
    ~MessagesController() override;

    services::MessageService& messages() const { return *m_service; }
    models::MessageListModel* model() const { return m_model.get(); }

    /// Sends `text` to `peer` from `accountId` and opens that conversation; the message id, or
    /// empty with the reason shown in the panel.
    QString send(const QString& accountId, const QString& peer, const QString& text);
    /// Shows the conversation of `accountId` with `peer` (a MessageService::peerKey()).
    void open(const QString& accountId, const QString& peer);

private:
    void attach(const QString& accountId);
    void updateAccounts();
    void updateConversations();

    AppServices& m_services;
    QPointer<ui::MessagesPanel> m_panel;
    std::unique_ptr<services::MessageService> m_service;
    std::unique_ptr<models::MessageListModel> m_model; ///< after the service it reads
};

} // namespace app
