#include "StreamActionsController.h"

#include "AppServices.h"

#include "services/AccountConnector.h"
#include "services/AccountService.h"
#include "services/History.h"
#include "services/MediaEngine.h"
#include "services/StreamMonitor.h"
#include "services/StreamPreview.h"
#include "services/StreamUrls.h"
#include "services/WcsBinding.h"
#include "ui/dialogs/PublishDialog.h"
#include "ui/dialogs/SnapshotDialog.h"
#include "ui/dialogs/StreamDetailsDialog.h"
#include "ui/dialogs/StreamPreviewDialog.h"
#include "ui/widgets/StreamsPanel.h"
#include "ui/windows/MainWindow.h"
#include "wcs/Session.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QStatusBar>
#include <QTimer>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace app {

StreamActionsController::StreamActionsController(AppServices& services, ui::MainWindow* window,
                                                 QObject* parent)
    : QObject(parent)
    , m_services(services)
    , m_window(window)
    , m_panel(window->streamsPanel()) {
    m_panel->setAccountNames([this](const QString& id) { return accountName(id); });
    connect(m_panel, &ui::StreamsPanel::publishRequested, this, [this] { askPublish(true); });
    connect(m_panel, &ui::StreamsPanel::playRequested, this, [this] { askPublish(false); });
    connect(m_panel, &ui::StreamsPanel::stopRequested, this, &StreamActionsController::stop);
    connect(m_panel, &ui::StreamsPanel::snapshotRequested, this,
            &StreamActionsController::snapshot);
    connect(m_panel, &ui::StreamsPanel::copyHlsUrlRequested, this,
            &StreamActionsController::copyHlsUrl);
    connect(m_panel, &ui::StreamsPanel::copyRecordUrlRequested, this,
            &StreamActionsController::copyRecordUrl);
    connect(m_panel, &ui::StreamsPanel::detailsRequested, this,
            &StreamActionsController::showDetails);
    connect(m_panel, &ui::StreamsPanel::previewRequested, this, &StreamActionsController::preview);
    connect(&m_services.accounts(), &services::AccountService::profileChanged, m_panel,
            [panel = m_panel] { panel->refreshSources(); });
}

QString StreamActionsController::accountName(const QString& id) const {
    const auto profile = m_services.accounts().profile(id);
    return profile ? profile->name : QString();
}

QList<QPair<QString, QString>> StreamActionsController::connectedAccounts() const {
    QList<QPair<QString, QString>> list;
    for (const QString& id : m_services.connector().connectedAccounts()) {
        if (m_services.connector().session(id)) { // WCS only: SIP accounts have no streams
            list.append({id, accountName(id)});
        }
    }
    return list;
}

void StreamActionsController::showMessage(const QString& text) {
    if (ui::MainWindow* w = m_window.data()) {
        w->statusBar()->showMessage(text, 10000);
    }
}

const services::StreamRecord* StreamActionsController::record(const QString& mediaSessionId) {
    const services::StreamMonitor& monitor = m_services.streams();
    const int row = monitor.rowOf(mediaSessionId);
    if (row < 0) {
        showMessage(tr("The stream is no longer listed."));
        return nullptr;
    }
    return &monitor.at(row);
}

QString StreamActionsController::accountFor(const services::StreamRecord& r) const {
    const services::AccountConnector& connector = m_services.connector();
    if (!r.accountId.isEmpty()) {
        return connector.isConnected(r.accountId) ? r.accountId : QString();
    }
    for (const QString& id : connector.connectedAccounts()) {
        if (connector.session(id)) {
            return id;
        }
    }
    return {};
}

void StreamActionsController::askPublish(bool publishing) {
    const auto accounts = connectedAccounts();
    if (accounts.isEmpty()) {
        showMessage(tr("Connect an account first."));
        return;
    }
    auto* dialog = new ui::PublishDialog(publishing ? ui::PublishDialog::Mode::Publish
                                                    : ui::PublishDialog::Mode::Play,
                                         accounts, m_window.data());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (dialog->mode() == ui::PublishDialog::Mode::Publish) {
            publish(dialog->accountId(), dialog->streamName(), dialog->hasAudio(),
                    dialog->hasVideo(), dialog->record());
        } else {
            play(dialog->accountId(), dialog->streamName());
        }
    });
    dialog->open();
}

QString StreamActionsController::publish(const QString& accountId, const QString& name, bool audio,
                                         bool video, bool record) {
    services::WcsBinding* binding = m_services.connector().wcsBinding(accountId);
    if (const QString error = ui::PublishDialog::nameError(name); !error.isEmpty()) {
        showMessage(error);
        return {};
    }
    if (!binding) {
        showMessage(tr("The account is not connected."));
        return {};
    }
    wcs::StreamRequest r;
    r.name = name.trimmed();
    r.published = true;
    r.hasAudio = audio;
    r.hasVideo = video;
    r.record = record;
    const bool withMedia = binding->streamsHaveMedia();
    const QString id = binding->publishStream(r);
    if (id.isEmpty()) {
        showMessage(tr("Cannot publish %1: the session is not ready.").arg(r.name));
    } else if (withMedia) {
        showMessage(tr("Publishing %1 from the microphone (audio only)…").arg(r.name));
    } else {
        showMessage(tr("Publishing %1…").arg(r.name));
    }
    return id;
}

QString StreamActionsController::play(const QString& accountId, const QString& name) {
    services::WcsBinding* binding = m_services.connector().wcsBinding(accountId);
    if (const QString error = ui::PublishDialog::nameError(name); !error.isEmpty()) {
        showMessage(error);
        return {};
    }
    if (!binding) {
        showMessage(tr("The account is not connected."));
        return {};
    }
    wcs::StreamRequest r;
    r.name = name.trimmed();
    r.published = false;
    const QString id = binding->playStream(r);
    showMessage(id.isEmpty() ? tr("Cannot play %1: the session is not ready.").arg(r.name)
                             : tr("Playing %1…").arg(r.name));
    return id;
}

bool StreamActionsController::stop(const QString& mediaSessionId) {
    const services::StreamRecord* r = record(mediaSessionId);
    if (!r) {
        return false;
    }
    if (r->accountId.isEmpty()) {
        showMessage(
            tr("%1 is not a stream of your sessions: it cannot be stopped here.").arg(r->name));
        return false;
    }
    services::WcsBinding* binding = m_services.connector().wcsBinding(r->accountId);
    if (!binding) {
        showMessage(tr("The account of %1 is not connected.").arg(r->name));
        return false;
    }
    const bool publisher = r->published == services::StreamRecord::Tri::True;
    const QString name = r->name; // r may move once the session reports
    const bool sent = binding->stopStream(mediaSessionId, publisher);
    if (!sent) {
        showMessage(tr("Cannot stop %1: the session is not ready.").arg(name));
    } else {
        showMessage(publisher ? tr("Unpublishing %1…").arg(name) : tr("Stopping %1…").arg(name));
    }
    return sent;
}

QString StreamActionsController::snapshot(const QString& mediaSessionId) {
    const services::StreamRecord* r = record(mediaSessionId);
    if (!r) {
        return {};
    }
    const QString name = r->name;
    wcs::Session* session = m_services.connector().session(accountFor(*r));
    if (!session) {
        showMessage(tr("No connected account can take a snapshot of %1.").arg(name));
        return {};
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    const QString id = session->snapshot(name);
    if (id.isEmpty()) {
        showMessage(tr("Cannot take a snapshot of %1: the session is not ready.").arg(name));
        return {};
    }
    *connection =
        connect(session, &wcs::Session::streamEventReceived, this,
                [this, connection, id, name](const wcs::StreamEvent& e) {
                    const bool done = e.type.value == core::StreamEventType::SnapshotCompleted;
                    if (e.mediaSessionId != id ||
                        (!done && e.type.value != core::StreamEventType::SnapshotFailed)) {
                        return;
                    }
                    QObject::disconnect(*connection);
                    auto* dialog = new ui::SnapshotDialog(name, done, e.payload, m_window.data());
                    dialog->setAttribute(Qt::WA_DeleteOnClose);
                    dialog->show();
                    showMessage(done ? tr("Snapshot of %1 received.").arg(name)
                                     : tr("The snapshot of %1 failed.").arg(name));
                    Q_EMIT snapshotShown(dialog);
                });
    QTimer::singleShot(m_snapshotTimeoutMs, this, [this, connection, name] {
        if (QObject::disconnect(*connection)) {
            showMessage(tr("No snapshot of %1 came back.").arg(name));
        }
    });
    showMessage(tr("Taking a snapshot of %1…").arg(name));
    return id;
}

QString StreamActionsController::copyHlsUrl(const QString& mediaSessionId) {
    const services::StreamRecord* r = record(mediaSessionId);
    if (!r) {
        return {};
    }
    const auto profile = m_services.accounts().profile(accountFor(*r));
    const QUrl url = profile ? services::StreamUrls::hls(profile->serverUrl, r->name) : QUrl();
    if (url.isEmpty()) {
        showMessage(tr("No HLS address is known for %1.").arg(r->name));
        return {};
    }
    const QString text = url.toString(QUrl::FullyEncoded);
    QGuiApplication::clipboard()->setText(text);
    showMessage(tr("Copied %1").arg(text));
    return text;
}

QString StreamActionsController::copyRecordUrl(const QString& mediaSessionId) {
    const services::StreamRecord* r = record(mediaSessionId);
    if (!r) {
        return {};
    }
    if (r->recordName.isEmpty()) {
        showMessage(tr("%1 is not recorded.").arg(r->name));
        return {};
    }
    const auto profile = m_services.accounts().profile(accountFor(*r));
    const QUrl url =
        profile ? services::StreamUrls::record(profile->serverUrl, r->recordName) : QUrl();
    if (url.isEmpty()) {
        showMessage(tr("No record address is known for %1.").arg(r->name));
        return {};
    }
    const QString text = url.toString(QUrl::FullyEncoded);
    QGuiApplication::clipboard()->setText(text);
    showMessage(tr("Copied %1").arg(text));
    return text;
}

ui::StreamDetailsDialog* StreamActionsController::showDetails(const QString& mediaSessionId) {
    const services::StreamRecord* r = record(mediaSessionId);
    if (!r) {
        return nullptr;
    }
    const services::StreamRecord copy = *r;
    services::JournalQuery query;
    query.type = u"StreamStatusEvent"_s;
    query.objectId = mediaSessionId;
    query.limit = 200;
    const QList<services::JournalEntry> history = m_services.history().isOpen()
                                                      ? m_services.history().journal(query)
                                                      : QList<services::JournalEntry>();
    auto* dialog = new ui::StreamDetailsDialog(copy, history, m_window.data());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

ui::StreamPreviewDialog* StreamActionsController::preview(const QString& mediaSessionId) {
    const services::StreamRecord* r = record(mediaSessionId);
    if (!r) {
        return nullptr;
    }
    const QString name = r->name;
    if (name.isEmpty()) {
        showMessage(tr("The stream has no name to play."));
        return nullptr;
    }
    if (ui::StreamPreviewDialog* open = m_previews.value(name).data(); open && open->isVisible()) {
        open->show();
        open->raise();
        open->activateWindow();
        return open;
    }
    const QString account = accountFor(*r);
    const auto profile = m_services.accounts().profile(account);
    auto* preview = new services::StreamPreview(
        name, profile ? services::StreamUrls::hls(profile->serverUrl, name) : QUrl());
    preview->setWebRtc(m_services.connector().wcsBinding(account), account, &m_services.media());
    const bool hasVideo = r->hasVideo != services::StreamRecord::Tri::False;
    auto* dialog = new ui::StreamPreviewDialog(preview, hasVideo, m_window.data());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_previews.insert(name, dialog);
    connect(dialog, &QObject::destroyed, this, [this, name] {
        if (m_previews.value(name).isNull()) {
            m_previews.remove(name);
        }
    });
    dialog->show();
    showMessage(tr("Previewing %1…").arg(name));
    return dialog;
}

} // namespace app
