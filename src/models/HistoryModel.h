#pragma once

#include "services/CallHistoryEntry.h"
#include "services/CallQuery.h"

#include <QAbstractTableModel>
#include <QList>

#include <functional>

namespace models {

/// Call history rows (newest first, as the query returns them) from an injected query
/// function: services::History::calls() in the app, a fake in tests. Not live: refresh()
/// re-runs the query (e.g. on CallService::callEnded once History has recorded the call).
class HistoryModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        StartedColumn, ///< local date and time
        DirectionColumn,
        PeerColumn, ///< peer name, else peer
        OutcomeColumn,
        DurationColumn, ///< talk time m:ss
        AccountColumn,
        QualityColumn, ///< audio quality over the call (CallQualityText::summary)
        ReasonColumn,  ///< end reason (info)
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        MissedRole = Qt::UserRole + 1, ///< bool: a missed incoming call (to flag it)
        OutcomeRole,                   ///< int(services::CallHistoryEntry::Outcome)
        OutcomeTextRole,               ///< translated outcome text
        IncomingRole,                  ///< bool
        AccountIdRole,                 ///< QString
        CallIdRole,                    ///< QString
        PeerRole,                      ///< QString
        PeerNameRole,                  ///< QString
        StartedAtMsRole,               ///< qint64 ms since the epoch
        DurationMsRole,                ///< qint64 talk time in ms
        SipStatusRole,                 ///< int, 0 = unknown
        SortRole,                      ///< per column: a value that sorts naturally
        QualityTextRole,               ///< QString: quality over the call, empty if unknown
        MosRole,                       ///< double: MOS estimate over the call; -1 unknown
    };
    Q_ENUM(Role)

    using QueryFunction =
        std::function<QList<services::CallHistoryEntry>(const services::CallQuery&)>;

    explicit HistoryModel(QueryFunction query, QObject* parent = nullptr);

    /// Display name of an account id for the account column (e.g. the profile name); empty
    /// result or no lookup: the id is shown. Roles keep the id.
    using AccountNameLookup = std::function<QString(const QString& accountId)>;
    void setAccountNameLookup(AccountNameLookup lookup);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The filter of the next refresh(); setQuery() refreshes.
    void setQuery(const services::CallQuery& query);
    const services::CallQuery& query() const { return m_query; }
    /// Re-runs the query (model reset).
    void refresh();

    const services::CallHistoryEntry& entryAt(int row) const { return m_rows.at(row); }
    /// Rows flagged missed.
    int missedCount() const;

    /// "Call back" pressed on `row`: emits dialRequested(). False for a row out of range.
    Q_INVOKABLE bool requestCallBack(int row);

    static QString outcomeText(services::CallHistoryEntry::Outcome outcome);

Q_SIGNALS:
    /// The user wants to call `peer` again from `accountId`.
    void dialRequested(const QString& accountId, const QString& peer);

private:
    QVariant displayText(const services::CallHistoryEntry& e, int column) const;

    QueryFunction m_queryFn;
    services::CallQuery m_query;
    QList<services::CallHistoryEntry> m_rows;
    AccountNameLookup m_accountName;
};

} // namespace models
