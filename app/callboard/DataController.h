#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

namespace models {
class DataLogModel;
}
namespace ui {
class DataPanel;
class MainWindow;
} // namespace ui

namespace app {

class AppServices;

/// Wires the Data tab (ui::DataPanel) to the backend data channel of every connected account
/// (spec §8): the panel's sendRequested() becomes wcs::Session::sendData() on that account's
/// session, and each session's dataStatusReceived() / dataReceived() land in a
/// models::DataLogModel shown by the panel. Sessions are picked up when they start
/// (services::AccountConnector::sessionStarted) and the account picker follows connects and
/// disconnects.
class DataController : public QObject {
    Q_OBJECT

public:
    /// `services` and `window` must outlive the controller. The model is parented to the panel.
    DataController(AppServices& services, ui::MainWindow* window, QObject* parent = nullptr);

    models::DataLogModel* model() const;

    /// Sends `compactJson` from `accountId`; the operationId, empty (error shown in the panel)
    /// when the account is not connected or the session refused.
    QString send(const QString& accountId, const QByteArray& compactJson);

private:
    void attach(const QString& accountId);
    void updateAccounts();

    AppServices& m_services;
    QPointer<ui::DataPanel> m_panel;
    QPointer<models::DataLogModel> m_model; ///< owned by the panel
};

} // namespace app
