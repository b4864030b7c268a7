#include "models/CallListModel.h"

#include "models/CallQualityText.h"
#include "models/StatusLabels.h"

#include <QDateTime>

using namespace Qt::Literals::StringLiterals;

namespace models {

namespace {

using Action = CallActions::Action;

QString formatDuration(qint64 ms) {
    const qint64 s = ms / 1000;
    const QString mmss = u"%1:%2"_s.arg(s / 60 % 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return s >= 3600 ? u"%1:%2"_s.arg(s / 3600).arg(mmss.rightJustified(5, QLatin1Char('0')))
                     : mmss;
}

} // namespace

CallListModel::CallListModel(services::CallService* service,
                             std::shared_ptr<const core::Clock> clock, QObject* parent)
    : QAbstractTableModel(parent)
    , m_service(service)
    , m_clock(std::move(clock)) {
    m_rows = m_service->calls();
    rebuildIndex();
    connect(m_service, &services::CallService::callAdded, this, &CallListModel::onCallAdded);
    connect(m_service, &services::CallService::callChanged, this, &CallListModel::onCallChanged);
    connect(m_service, &services::CallService::callEnded, this, &CallListModel::onCallEnded);
    connect(m_service, &services::CallService::endedCallsCleared, this, &CallListModel::reload);
    m_durationTimer.setInterval(1000);
    connect(&m_durationTimer, &QTimer::timeout, this, &CallListModel::refreshDurations);
    m_durationTimer.start();
}

int CallListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CallListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

int CallListModel::rowOf(const QString& accountId, const QString& callId) const {
    return m_index.value(Key{accountId, callId}, -1);
}

void CallListModel::rebuildIndex() {
    m_index.clear();
    for (int i = 0; i < m_rows.size(); ++i) {
        m_index.insert(Key{m_rows[i].accountId, m_rows[i].callId}, i);
    }
}

void CallListModel::reload() {
    beginResetModel();
    m_rows = m_service->calls();
    rebuildIndex();
    endResetModel();
}

void CallListModel::onCallAdded(const QString& accountId, const QString& callId) {
    const services::CallRecord* r = m_service->find(accountId, callId);
    if (!r || m_index.contains(Key{accountId, callId})) {
        onCallChanged(accountId, callId);
        return;
    }
    const int row = static_cast<int>(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(*r);
    m_index.insert(Key{accountId, callId}, row);
    endInsertRows();
}

void CallListModel::onCallChanged(const QString& accountId, const QString& callId) {
    const int row = rowOf(accountId, callId);
    const services::CallRecord* r = m_service->find(accountId, callId);
    if (row < 0) {
        if (r) {
            onCallAdded(accountId, callId);
        }
        return;
    }
    if (r) {
        m_rows[row] = *r;
    }
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void CallListModel::onCallEnded(const services::CallRecord& record) {
    const int row = rowOf(record.accountId, record.callId);
    if (row >= 0) {
        m_rows[row] = record;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

void CallListModel::refreshDurations() {
    if (!m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0, DurationColumn),
                           index(static_cast<int>(m_rows.size()) - 1, DurationColumn),
                           {Qt::DisplayRole, DurationMsRole, SortRole});
    }
}

bool CallListModel::requestAction(int row, CallActions::Action action) {
    if (row < 0 || row >= m_rows.size() || !CallActions::isAllowed(action, m_rows[row])) {
        return false;
    }
    const services::CallRecord& r = m_rows[row];
    switch (action) {
    case Action::Answer:
        Q_EMIT answerRequested(r.accountId, r.callId);
        break;
    case Action::HangUp:
        Q_EMIT hangUpRequested(r.accountId, r.callId);
        break;
    case Action::Hold:
        Q_EMIT holdRequested(r.accountId, r.callId);
        break;
    case Action::Resume:
        Q_EMIT resumeRequested(r.accountId, r.callId);
        break;
    case Action::Transfer:
        Q_EMIT transferRequested(r.accountId, r.callId, QString());
        break;
    }
    return true;
}

bool CallListModel::requestMute(int row, bool muted) {
    if (row < 0 || row >= m_rows.size() || !mediaData(m_rows[row], CanMuteRole).toBool()) {
        return false;
    }
    Q_EMIT muteRequested(m_rows[row].accountId, m_rows[row].callId, muted);
    return true;
}

bool CallListModel::requestTransfer(int row, const QString& target) {
    if (row < 0 || row >= m_rows.size() || !CallActions::isAllowed(Action::Transfer, m_rows[row])) {
        return false;
    }
    Q_EMIT transferRequested(m_rows[row].accountId, m_rows[row].callId, target);
    return true;
}

QVariant CallListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const services::CallRecord& r = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return displayText(r, index.column());
    case Qt::ToolTipRole:
        if (index.column() == MediaColumn) {
            const QString tip = mediaToolTip(r);
            return tip.isEmpty() ? QVariant() : QVariant(tip);
        }
        return index.column() == StatusColumn && !r.info.isEmpty() ? QVariant(r.info) : QVariant();
    case StatusRole:
        return static_cast<int>(r.status);
    case StatusTextRole:
        return StatusLabels::call(r.status);
    case WireStatusRole:
        return QString(core::toWire(r.status));
    case TransferStatusRole:
        return static_cast<int>(r.transferStatus);
    case TransferStatusTextRole:
        return StatusLabels::transfer(r.transferStatus);
    case AccountIdRole:
        return r.accountId;
    case CallIdRole:
        return r.callId;
    case PeerRole:
        return r.peer;
    case PeerNameRole:
        return r.peerName;
    case IncomingRole:
        return r.direction == services::CallRecord::Direction::Incoming;
    case HeldRole:
        return r.isHeld();
    case EndedRole:
        return r.hasEnded();
    case HasVideoRole:
        return r.hasVideo;
    case DurationMsRole:
        return r.durationMs(m_clock->nowMs());
    case CreatedAtMsRole:
        return r.createdAtMs;
    case InfoRole:
        return r.info;
    case CanAnswerRole:
        return CallActions::isAllowed(Action::Answer, r);
    case CanHangUpRole:
        return CallActions::isAllowed(Action::HangUp, r);
    case CanHoldRole:
        return CallActions::isAllowed(Action::Hold, r);
    case CanResumeRole:
        return CallActions::isAllowed(Action::Resume, r);
    case CanTransferRole:
        return CallActions::isAllowed(Action::Transfer, r);
    case SortRole:
        return sortValue(r, index.column());
    default:
        return mediaData(r, role);
    }
}

QVariant CallListModel::mediaData(const services::CallRecord& r, int role) const {
    const services::CallQuality& q = r.quality;
    switch (role) {
    case HasMediaRole:
        return r.hasMedia;
    case MutedRole:
        return r.muted;
    case CanMuteRole:
        return r.hasMedia && !r.hasEnded() && r.mediaError.isEmpty();
    case MediaErrorRole:
        return r.mediaError;
    case QualityTextRole:
        return CallQualityText::compact(q);
    case RttMsRole:
        return q.rttMs();
    case JitterMsRole:
        return q.jitterMs();
    case LossPercentRole:
        return q.lossPercent();
    case SendKbpsRole:
        return q.sendKbps();
    case ReceiveKbpsRole:
        return q.receiveKbps();
    case MosRole:
        return q.mos();
    default:
        return {};
    }
}

QString CallListModel::mediaText(const services::CallRecord& r) {
    if (!r.mediaError.isEmpty()) {
        return CallQualityText::mediaProblem(r.mediaError);
    }
    // An ended call shows its figures over the whole call, a live one the latest.
    QString text = r.hasEnded() ? CallQualityText::summary(r.quality.summary())
                                : CallQualityText::compact(r.quality);
    if (r.muted && !r.hasEnded()) {
        //: A call whose microphone is muted (the call list's audio column)
        text = text.isEmpty() ? tr("muted") : tr("muted") + QStringLiteral(" · ") + text;
    }
    return text;
}

QString CallListModel::mediaToolTip(const services::CallRecord& r) {
    QStringList lines;
    if (!r.mediaError.isEmpty()) {
        lines << CallQualityText::mediaProblem(r.mediaError);
    }
    if (r.muted && !r.hasEnded()) {
        lines << tr("Your microphone is muted for this call.");
    }
    const QString details = CallQualityText::details(r.quality);
    if (!details.isEmpty()) {
        lines << details;
    }
    return lines.join(QLatin1Char('\n'));
}

QVariant CallListModel::displayText(const services::CallRecord& r, int column) const {
    switch (column) {
    case PeerColumn:
        return r.peer;
    case PeerNameColumn:
        return r.peerName;
    case DirectionColumn:
        return r.direction == services::CallRecord::Direction::Incoming ? tr("incoming")
                                                                        : tr("outgoing");
    case StatusColumn:
        return StatusLabels::call(r.status);
    case TransferColumn:
        return StatusLabels::transfer(r.transferStatus);
    case HeldColumn:
        return r.isHeld() ? tr("held") : QString();
    case DurationColumn:
        return r.answeredAtMs == 0 ? QString() : formatDuration(r.durationMs(m_clock->nowMs()));
    case CreatedColumn:
        return r.createdAtMs == 0 ? QString()
                                  : QDateTime::fromMSecsSinceEpoch(r.createdAtMs)
                                        .toLocalTime()
                                        .toString(u"HH:mm:ss"_s);
    case MediaColumn:
        return mediaText(r);
    default:
        return {};
    }
}

QVariant CallListModel::sortValue(const services::CallRecord& r, int column) const {
    switch (column) {
    case DirectionColumn:
        return static_cast<int>(r.direction);
    case StatusColumn:
        return static_cast<int>(r.status);
    case TransferColumn:
        return static_cast<int>(r.transferStatus);
    case HeldColumn:
        return r.isHeld() ? 1 : 0;
    case DurationColumn:
        return r.durationMs(m_clock->nowMs());
    case CreatedColumn:
        return r.createdAtMs;
    case MediaColumn:
        return r.hasEnded() ? r.quality.summary().mos : r.quality.mos();
    default:
        return displayText(r, column);
    }
}

QVariant CallListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case PeerColumn:
        return tr("Peer");
    case PeerNameColumn:
        return tr("Name");
    case DirectionColumn:
        return tr("Direction");
    case StatusColumn:
        return tr("Status");
    case TransferColumn:
        return tr("Transfer");
    case HeldColumn:
        return tr("Held");
    case DurationColumn:
        return tr("Duration");
    case CreatedColumn:
        return tr("Started");
    case MediaColumn:
        //: Column of the call list: audio quality figures, mute, audio problems
        return tr("Audio");
    default:
        return {};
    }
}

QHash<int, QByteArray> CallListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(QHash<int, QByteArray>{{StatusRole, "status"},
                                        {StatusTextRole, "statusText"},
                                        {WireStatusRole, "wireStatus"},
                                        {TransferStatusRole, "transferStatus"},
                                        {TransferStatusTextRole, "transferStatusText"},
                                        {AccountIdRole, "accountId"},
                                        {CallIdRole, "callId"},
                                        {PeerRole, "peer"},
                                        {PeerNameRole, "peerName"},
                                        {IncomingRole, "incoming"},
                                        {HeldRole, "held"},
                                        {EndedRole, "ended"},
                                        {HasVideoRole, "hasVideo"},
                                        {DurationMsRole, "durationMs"},
                                        {CreatedAtMsRole, "createdAtMs"},
                                        {InfoRole, "info"},
                                        {CanAnswerRole, "canAnswer"},
                                        {CanHangUpRole, "canHangUp"},
                                        {CanHoldRole, "canHold"},
                                        {CanResumeRole, "canResume"},
                                        {CanTransferRole, "canTransfer"},
                                        {SortRole, "sortValue"},
                                        {HasMediaRole, "hasMedia"},
                                        {MutedRole, "muted"},
                                        {CanMuteRole, "canMute"},
                                        {MediaErrorRole, "mediaError"},
                                        {QualityTextRole, "qualityText"},
                                        {RttMsRole, "rttMs"},
                                        {JitterMsRole, "jitterMs"},
                                        {LossPercentRole, "lossPercent"},
                                        {SendKbpsRole, "sendKbps"},
                                        {ReceiveKbpsRole, "receiveKbps"},
                                        {MosRole, "mos"}});
    return names;
}

} // namespace models
