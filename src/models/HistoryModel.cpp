#include "models/HistoryModel.h"

#include "models/CallQualityText.h"

#include <QDateTime>

using namespace Qt::Literals::StringLiterals;

namespace models {

namespace {

using Outcome = services::CallHistoryEntry::Outcome;

bool isMissed(const services::CallHistoryEntry& e) {
    return e.outcome == Outcome::Missed;
}

} // namespace

HistoryModel::HistoryModel(QueryFunction query, QObject* parent)
    : QAbstractTableModel(parent)
    , m_queryFn(std::move(query)) {}

void HistoryModel::setAccountNameLookup(AccountNameLookup lookup) {
    m_accountName = std::move(lookup);
    if (!m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0, AccountColumn), index(rowCount() - 1, AccountColumn),
                           {Qt::DisplayRole, SortRole});
    }
}

int HistoryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

void HistoryModel::setQuery(const services::CallQuery& query) {
    m_query = query;
    refresh();
}

void HistoryModel::refresh() {
    beginResetModel();
    m_rows = m_queryFn ? m_queryFn(m_query) : QList<services::CallHistoryEntry>();
    endResetModel();
}

int HistoryModel::missedCount() const {
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(), isMissed));
}

bool HistoryModel::requestCallBack(int row) {
    if (row < 0 || row >= m_rows.size()) {
        return false;
    }
    Q_EMIT dialRequested(m_rows[row].accountId, m_rows[row].peer);
    return true;
}

QString HistoryModel::outcomeText(Outcome outcome) {
    switch (outcome) {
    case Outcome::Answered:
        return tr("Answered");
    case Outcome::Missed:
        return tr("Missed");
    case Outcome::Rejected:
        return tr("Rejected");
    case Outcome::Failed:
        return tr("Failed");
    case Outcome::Busy:
        return tr("Busy");
    case Outcome::Cancelled:
        return tr("Cancelled");
    case Outcome::NoAnswer:
        return tr("No answer");
    }
    return {};
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const services::CallHistoryEntry& e = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return displayText(e, index.column());
    case Qt::ToolTipRole:
        if (index.column() == QualityColumn) {
            const QString details = CallQualityText::summaryDetails(e.quality);
            return details.isEmpty() ? QVariant() : QVariant(details);
        }
        return e.endReason.isEmpty() ? QVariant() : QVariant(e.endReason);
    case MissedRole:
        return isMissed(e);
    case OutcomeRole:
        return static_cast<int>(e.outcome);
    case OutcomeTextRole:
        return outcomeText(e.outcome);
    case IncomingRole:
        return e.direction == services::CallHistoryEntry::Direction::Incoming;
    case AccountIdRole:
        return e.accountId;
    case CallIdRole:
        return e.callId;
    case PeerRole:
        return e.peer;
    case PeerNameRole:
        return e.peerName;
    case StartedAtMsRole:
        return e.startedAtMs;
    case DurationMsRole:
        return e.durationMs();
    case SipStatusRole:
        return e.sipStatus;
    case QualityTextRole:
        return CallQualityText::summary(e.quality);
    case MosRole:
        return e.quality.mos;
    case SortRole:
        switch (index.column()) {
        case StartedColumn:
            return e.startedAtMs;
        case DurationColumn:
            return e.durationMs();
        case OutcomeColumn:
            return static_cast<int>(e.outcome);
        case QualityColumn:
            return e.quality.mos;
        default:
            return displayText(e, index.column());
        }
    default:
        return {};
    }
}

QVariant HistoryModel::displayText(const services::CallHistoryEntry& e, int column) const {
    switch (column) {
    case StartedColumn:
        return QDateTime::fromMSecsSinceEpoch(e.startedAtMs)
            .toLocalTime()
            .toString(u"yyyy-MM-dd HH:mm"_s);
    case DirectionColumn:
        return e.direction == services::CallHistoryEntry::Direction::Incoming ? tr("incoming")
                                                                              : tr("outgoing");
    case PeerColumn:
        return e.peerName.isEmpty() ? e.peer : e.peerName;
    case OutcomeColumn:
        return outcomeText(e.outcome);
    case DurationColumn: {
        const qint64 s = e.durationMs() / 1000;
        return e.answeredAtMs == 0 ? QString()
                                   : u"%1:%2"_s.arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    }
    case AccountColumn: {
        const QString name = m_accountName ? m_accountName(e.accountId) : QString();
        return name.isEmpty() ? e.accountId : name;
    }
    case QualityColumn:
        return CallQualityText::summary(e.quality);
    case ReasonColumn:
        return e.endReason;
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case StartedColumn:
        return tr("Time");
    case DirectionColumn:
        return tr("Direction");
    case PeerColumn:
        return tr("Peer");
    case OutcomeColumn:
        return tr("Outcome");
    case DurationColumn:
        return tr("Duration");
    case AccountColumn:
        return tr("Account");
    case QualityColumn:
        //: Column of the call history: audio quality over the call
        return tr("Quality");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

QHash<int, QByteArray> HistoryModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(QHash<int, QByteArray>{{MissedRole, "missed"},
                                        {OutcomeRole, "outcome"},
                                        {OutcomeTextRole, "outcomeText"},
                                        {IncomingRole, "incoming"},
                                        {AccountIdRole, "accountId"},
                                        {CallIdRole, "callId"},
                                        {PeerRole, "peer"},
                                        {PeerNameRole, "peerName"},
                                        {StartedAtMsRole, "startedAtMs"},
                                        {DurationMsRole, "durationMs"},
                                        {SipStatusRole, "sipStatus"},
                                        {SortRole, "sortValue"},
                                        {QualityTextRole, "qualityText"},
                                        {MosRole, "mos"}});
    return names;
}

} // namespace models
