#pragma once

#include "ui/widgets/DeferredRowScan.h"

#include "ui/widgets/StatusBadgeStyle.h"

#include <QJsonObject>
#include <QSet>
#include <QTimer>
#include <QWidget>

#include <functional>

class QListWidget;
class QPushButton;
class QTableView;

namespace models {
class StreamFilterProxy;
class StreamTableModel;
} // namespace models

namespace ui {

class HookServerBox;
class NodeTable;
class RefuseRulesBox;
class StreamMetricsBox;

/// The "Servers" tab: the server-wide stream monitor of issue #6.
/// * the hook server panel (HookServerBox): listening address or bind error, requests/s,
///   errors, last request, "Configure…";
/// * the nodes (NodeTable): reachability badge, counters, error inline per node;
/// * the streams of the selected node (a StreamFilterProxy over the StreamTableModel, by
///   nodeId) with keep-alive age and stale marker, and the selected stream's metrics;
/// * operator actions, each confirmed first: terminate stream / connection (WCS REST API),
///   end at the next keep-alive and refuse a name pattern (hook server); the stream actions
///   are also in the table's context menu;
/// * one outcome line per action (newest first), updated when the action ends.
/// The panel only states intents (signals); app::ServersController acts and reports back.
class ServersPanel : public QWidget {
    Q_OBJECT

public:
    /// Asks the user to confirm; true = go ahead. Default: a QMessageBox question.
    using Confirm = std::function<bool(const QString& title, const QString& text)>;

    /// `streams` must outlive the panel.
    explicit ServersPanel(models::StreamTableModel* streams, QWidget* parent = nullptr);

    HookServerBox* hookServerBox() const { return m_hookBox; }
    NodeTable* nodeTable() const { return m_nodes; }
    QTableView* streamTable() const { return m_table; }
    models::StreamFilterProxy* proxy() const { return m_proxy; }
    StreamMetricsBox* metricsBox() const { return m_metrics; }
    RefuseRulesBox* refuseBox() const { return m_refuse; }
    QListWidget* outcomeList() const { return m_outcomes; }
    QPushButton* terminateStreamButton() const { return m_terminateStream; }
    QPushButton* terminateConnectionButton() const { return m_terminateConnection; }
    QPushButton* endAtKeepAliveButton() const { return m_endAtKeepAlive; }
    QPushButton* pollNowButton() const { return m_pollNow; }

    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }

    /// mediaSessionId of the selected stream, empty when none.
    QString selectedMediaSessionId() const;
    bool selectStream(const QString& mediaSessionId);

    /// Adds an outcome line on top; returns its id for setOutcome().
    int addOutcome(const QString& text, StatusBadgeStyle::Tone tone);
    /// Replaces the text and tone of outcome `id` (no-op when it scrolled away).
    void setOutcome(int id, const QString& text, StatusBadgeStyle::Tone tone);
    /// Text of the newest outcome line, empty when none.
    QString lastOutcome() const;

    /// Metrics of `mediaSessionId` (shown when it is the selected stream).
    void setMetrics(const QString& mediaSessionId, const QJsonObject& metrics);
    /// A note on the metrics of `mediaSessionId` (e.g. why there are none).
    void setMetricsNote(const QString& mediaSessionId, const QString& note);

Q_SIGNALS:
    void terminateStreamRequested(const QString& mediaSessionId);
    void terminateConnectionRequested(const QString& mediaSessionId);
    void endAtKeepAliveRequested(const QString& mediaSessionId);
    void refuseRequested(const QString& method, const QString& pattern);
    void removeRefuseRuleRequested(int ruleId);
    void configureRequested();
    /// Poll node `nodeId` now ("" = every node).
    void pollRequested(const QString& nodeId);
    /// The selected stream changed (empty = none).
    void streamSelected(const QString& mediaSessionId);

private:
    QWidget* buildStreamsSide();
    bool confirm(const QString& title, const QString& text);
    void onSelectionChanged();
    void updateSelectedStream();
    void act(const QString& title, const QString& question,
             void (ServersPanel::*signal)(const QString&));
    void scanNodes(int first, int last);

    models::StreamTableModel* m_streams;
    models::StreamFilterProxy* m_proxy;
    HookServerBox* m_hookBox;
    NodeTable* m_nodes;
    QTableView* m_table;
    StreamMetricsBox* m_metrics;
    RefuseRulesBox* m_refuse;
    QListWidget* m_outcomes;
    QPushButton* m_terminateStream = nullptr;
    QPushButton* m_terminateConnection = nullptr;
    QPushButton* m_endAtKeepAlive = nullptr;
    QPushButton* m_pollNow;
    Confirm m_confirm;
    QString m_selected;
    int m_nextOutcome = 1;
    QTimer m_refreshTimer; ///< updateSelectedStream() once per burst of changes
    /// Rows to read for new nodes, 300 ms after a burst.
    DeferredRowScan* m_nodeScan = new DeferredRowScan(
        300, [this](int first, int last) { scanNodes(first, last); }, this);
    QSet<QString> m_seenNodes;
};

} // namespace ui
