#pragma once

#include "core/Clock.h"
#include "core/DataStatusEvent.h"
#include "core/OnDataEvent.h"

#include <QAbstractTableModel>
#include <QHash>

#include <deque>
#include <functional>
#include <memory>

namespace models {

/// The backend data channel of every connected account (spec §8), newest row first: each
/// `sendData` we sent with its DataStatusEvent result (Sending until the result comes, then
/// ACCEPTED or FAILED with `info`), and each OnDataEvent the backend pushed (Received).
/// Sent rows are matched to their result by `operationId` (and account).
///
/// Keeps at most maxRows() rows (default 1000); the oldest go first.
class DataLogModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        TimeColumn,    ///< local time (HH:mm:ss) the row was sent / received
        AccountColumn, ///< account name
        StatusColumn,  ///< badge: Sending / Accepted / Failed / Received
        PayloadColumn, ///< compact JSON, then the `info` of a FAILED result
        ColumnCount
    };
    Q_ENUM(Column)

    /// State of a row. Sent rows: Sending -> Accepted | Failed (| Unknown for an unknown wire
    /// status). Pushed rows: Received.
    enum class Status { Sending, Accepted, Failed, Unknown, Received };
    Q_ENUM(Status)

    enum Role {
        StatusRole = Qt::UserRole + 1, ///< int(Status)
        StatusTextRole,                ///< translated status text
        WireStatusRole,                ///< "ACCEPTED" / "FAILED" / raw text; empty otherwise
        OutgoingRole,                  ///< bool: true for sendData, false for OnDataEvent
        OperationIdRole,               ///< QString operationId
        AccountIdRole,                 ///< QString account id
        PayloadRole,                   ///< QByteArray compact UTF-8 JSON
        PrettyPayloadRole,             ///< QString indented JSON (scalars as they are)
        InfoRole,                      ///< QString `info` of the DataStatusEvent
        TimestampMsRole,               ///< qint64 ms since the epoch
    };
    Q_ENUM(Role)

    /// Maps an account id to the name shown (the id itself when it returns an empty string).
    using AccountNames = std::function<QString(const QString&)>;

    /// `clock` stamps the rows (ms since the epoch).
    explicit DataLogModel(std::shared_ptr<const core::Clock> clock, AccountNames names = {},
                          QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// A `sendData` went out from `accountId` with `operationId` and compact JSON `payload`.
    void addSent(const QString& accountId, const QString& operationId, const QByteArray& payload);
    /// The DataStatusEvent of a sent row of `accountId`; false when no row has its operationId.
    bool applyStatus(const QString& accountId, const core::DataStatusEvent& event);
    /// An OnDataEvent pushed to `accountId`.
    void addReceived(const QString& accountId, const core::OnDataEvent& event);
    /// Removes every row.
    void clear();

    /// Row of the sent message `operationId` of `accountId`, -1 when unknown.
    int rowOfSent(const QString& accountId, const QString& operationId) const;

    void setMaxRows(int rows);
    int maxRows() const { return m_maxRows; }

    /// Translated text of `status`.
    static QString statusText(Status status, const QString& raw = {});

private:
    struct Entry {
        qint64 timestampMs = 0;
        QString accountId;
        QString operationId;
        QByteArray payload;
        QString info;
        QString wireStatus;
        Status status = Status::Sending;
        bool outgoing = true;
    };

    void append(Entry entry);
    void trim();
    const Entry& entryAt(int row) const;
    int rowOfIndex(qint64 index) const;
    static QString key(const QString& accountId, const QString& operationId);

    std::shared_ptr<const core::Clock> m_clock;
    AccountNames m_names;
    std::deque<Entry> m_entries;   ///< oldest first; row 0 is the back
    qint64 m_dropped = 0;          ///< entries removed from the front so far
    QHash<QString, qint64> m_sent; ///< account + operationId -> absolute index (m_dropped + i)
    int m_maxRows = 1000;
};

} // namespace models
