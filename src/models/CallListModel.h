#pragma once

#include "core/Clock.h"
#include "models/CallActions.h"
#include "services/CallService.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimer>

#include <memory>

namespace models {

/// One row per call of a services::CallService, in creation order, with an (accountId, callId)
/// -> row index for live updates. Says which actions are legal now (Can*Role, spec §7.3) and
/// routes the in-row buttons back as intent signals (answerRequested()...): the composition
/// root connects them to CallService. The duration column is refreshed once a second.
///
/// CallService::clearEnded() raises no signal: call reload() after it.
class CallListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        PeerColumn,
        PeerNameColumn,
        DirectionColumn,
        StatusColumn, ///< the status badge
        TransferColumn,
        HeldColumn,
        DurationColumn, ///< talk time, m:ss
        CreatedColumn,  ///< creation time, local hh:mm:ss
        MediaColumn,    ///< audio: quality figures, "muted", or why there is no audio
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        StatusRole = Qt::UserRole + 1, ///< int(core::CallStatus)
        StatusTextRole,                ///< translated badge text
        WireStatusRole,                ///< wire text ("ESTABLISHED")
        TransferStatusRole,            ///< int(core::TransferStatus); Unknown = no transfer
        TransferStatusTextRole,        ///< translated text, empty without transfer
        AccountIdRole,                 ///< QString
        CallIdRole,                    ///< QString
        PeerRole,                      ///< QString
        PeerNameRole,                  ///< QString
        IncomingRole,                  ///< bool
        HeldRole,                      ///< bool: status HOLD
        EndedRole,                     ///< bool: terminal status reached
        HasVideoRole,                  ///< bool
        DurationMsRole,                ///< qint64 talk time in ms (0 if never answered)
        CreatedAtMsRole,               ///< qint64 ms since the epoch
        InfoRole,                      ///< QString reason text
        CanAnswerRole,                 ///< bool: answer is legal now
        CanHangUpRole,                 ///< bool: hang up is legal now
        CanHoldRole,                   ///< bool: hold is legal now
        CanResumeRole,                 ///< bool: resume (unhold) is legal now
        CanTransferRole,               ///< bool: blind transfer is legal now
        SortRole,                      ///< per column: a value that sorts naturally
        HasMediaRole,                  ///< bool: a media endpoint carries the call's audio
        MutedRole,                     ///< bool: the call's microphone is muted
        CanMuteRole,                   ///< bool: mute/unmute is possible now
        MediaErrorRole,                ///< QString: why the audio failed, empty if it did not
        QualityTextRole,               ///< QString: compact quality line, empty while unknown
        RttMsRole,                     ///< double: latest round-trip time, ms; -1 unknown
        JitterMsRole,                  ///< double: latest jitter, ms; -1 unknown
        LossPercentRole,               ///< double: latest packet loss, percent; -1 unknown
        SendKbpsRole,                  ///< double: latest sending bitrate, kbit/s; -1 unknown
        ReceiveKbpsRole,               ///< double: latest receiving bitrate, kbit/s; -1 unknown
        MosRole,                       ///< double: latest MOS estimate, 1..4.5; -1 unknown
    };
    Q_ENUM(Role)

    /// `service` must outlive the model.
    CallListModel(services::CallService* service, std::shared_ptr<const core::Clock> clock,
                  QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Row of the call, -1 when unknown.
    int rowOf(const QString& accountId, const QString& callId) const;
    /// The call shown in `row` (a copy kept by the model).
    const services::CallRecord& callAt(int row) const { return m_rows.at(row); }

    /// In-row button pressed: emits the matching *Requested() signal when the action is legal
    /// in the call's current status. Returns false (nothing emitted) otherwise.
    Q_INVOKABLE bool requestAction(int row, models::CallActions::Action action);
    /// Transfer button with its target: emits transferRequested() when legal.
    Q_INVOKABLE bool requestTransfer(int row, const QString& target);
    /// Mute button: emits muteRequested() when the call has audio (CanMuteRole).
    Q_INVOKABLE bool requestMute(int row, bool muted);

    /// Re-reads every call from the service (model reset), e.g. after clearEnded().
    void reload();
    /// Emits the once-a-second dataChanged of the duration column.
    void refreshDurations();

Q_SIGNALS:
    void answerRequested(const QString& accountId, const QString& callId);
    void hangUpRequested(const QString& accountId, const QString& callId);
    void holdRequested(const QString& accountId, const QString& callId);
    void resumeRequested(const QString& accountId, const QString& callId);
    /// `target` is empty when the button was pressed without one (the UI asks for it).
    void transferRequested(const QString& accountId, const QString& callId, const QString& target);
    /// Mute (true) or unmute the call's microphone.
    void muteRequested(const QString& accountId, const QString& callId, bool muted);

private:
    void onCallAdded(const QString& accountId, const QString& callId);
    void onCallChanged(const QString& accountId, const QString& callId);
    void onCallEnded(const services::CallRecord& record);
    void rebuildIndex();
    QVariant displayText(const services::CallRecord& r, int column) const;
    QVariant sortValue(const services::CallRecord& r, int column) const;
    QVariant mediaData(const services::CallRecord& r, int role) const;
    static QString mediaText(const services::CallRecord& r);
    static QString mediaToolTip(const services::CallRecord& r);

    using Key = QPair<QString, QString>;
    services::CallService* m_service;
    std::shared_ptr<const core::Clock> m_clock;
    QList<services::CallRecord> m_rows;
    QHash<Key, int> m_index;
    QTimer m_durationTimer;
};

} // namespace models
