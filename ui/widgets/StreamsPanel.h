#pragma once

#include "ui/widgets/DeferredRowScan.h"

#include <QSet>
#include <QWidget>

#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QToolBar;

namespace models {
class StreamFilterProxy;
class StreamTableModel;
} // namespace models

namespace ui {

/// The stream monitor: every stream of a models::StreamTableModel through a StreamFilterProxy,
/// with the status badge, a free-text filter, a status filter and a source filter (one of our
/// accounts or a WCS node). Every column sorts (StreamTableModel::SortRole). A toolbar and the
/// table's context menu offer the stream actions; the panel only states the user's intent
/// through the signals below (the composition root talks to the sessions).
class StreamsPanel : public QWidget {
    Q_OBJECT

public:
    explicit StreamsPanel(models::StreamTableModel* streams, QWidget* parent = nullptr);

    /// Maps an account id to its display name for the source filter (id shown when empty).
    void setAccountNames(std::function<QString(const QString&)> names);

    QTableView* table() const { return m_table; }
    QLineEdit* filterEdit() const { return m_filter; }
    QComboBox* statusCombo() const { return m_status; }
    /// Source filter: "All sources", then each account ("a:<id>"), then each node ("n:<id>").
    QComboBox* sourceCombo() const { return m_source; }
    QToolBar* toolBar() const { return m_toolBar; }
    models::StreamFilterProxy* proxy() const { return m_proxy; }

    QAction* publishAction() const { return m_publish; }
    QAction* playAction() const { return m_play; }
    QAction* stopAction() const { return m_stop; }
    QAction* snapshotAction() const { return m_snapshot; }
    QAction* copyHlsAction() const { return m_copyHls; }
    QAction* copyRecordAction() const { return m_copyRecord; }
    QAction* detailsAction() const { return m_details; }
    QAction* previewAction() const { return m_preview; }

    /// mediaSessionId of the current row, empty when none.
    QString selectedMediaSessionId() const;
    /// Makes the row of `mediaSessionId` current; false when it is not shown.
    bool selectStream(const QString& mediaSessionId);
    /// Scans every row for new accounts and nodes now (changed rows are scanned shortly after
    /// they change).
    void refreshSources();

Q_SIGNALS:
    void publishRequested();
    void playRequested();
    void stopRequested(const QString& mediaSessionId);
    void snapshotRequested(const QString& mediaSessionId);
    void copyHlsUrlRequested(const QString& mediaSessionId);
    void copyRecordUrlRequested(const QString& mediaSessionId);
    void detailsRequested(const QString& mediaSessionId);
    /// Play the selected stream in a preview pane (WebRTC audio, HLS fallback).
    void previewRequested(const QString& mediaSessionId);

private:
    void buildActions();
    void applyStatusFilter();
    void applySourceFilter();
    void updateCount();
    void updateActions();
    void showContextMenu(const QPoint& pos);
    void emitForSelection(void (StreamsPanel::*signal)(const QString&));
    /// Rows [first, last] of the source model may name new accounts / nodes: scan them soon.
    /// Adds the accounts / nodes of rows [first, last]; rebuilds the list when one is new or
    /// `rebuild` is set, keeping the choice when it still exists.
    void scanSources(int first, int last, bool rebuild = false);

    models::StreamTableModel* m_streams;
    models::StreamFilterProxy* m_proxy;
    QLineEdit* m_filter;
    QComboBox* m_status;
    QComboBox* m_source;
    QLabel* m_count;
    QToolBar* m_toolBar;
    QTableView* m_table;
    QAction* m_publish = nullptr;
    QAction* m_play = nullptr;
    QAction* m_stop = nullptr;
    QAction* m_snapshot = nullptr;
    QAction* m_copyHls = nullptr;
    QAction* m_copyRecord = nullptr;
    QAction* m_details = nullptr;
    QAction* m_preview = nullptr;
    /// Rows inserted or changed since the last scanSources(), read 200 ms after a burst.
    DeferredRowScan* m_sourceScan = new DeferredRowScan(
        200, [this](int first, int last) { scanSources(first, last); }, this);
    QSet<QString> m_accounts;
    QSet<QString> m_nodes;
    std::function<QString(const QString&)> m_names;
    /// The selected stream, selected again after a model reset (ended streams pruned).
    QString m_currentId;
    bool m_resetting = false; ///< between modelAboutToBeReset and modelReset
};

} // namespace ui
