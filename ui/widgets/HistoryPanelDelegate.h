#pragma once

#include <QIcon>
#include <QStyledItemDelegate>

namespace ui {

/// Paints call history rows (models::HistoryModel roles): a missed call is bold, in the "bad"
/// badge colour, with a warning icon before the outcome, so it stands out without colour too;
/// the direction column gets an arrow icon (incoming / outgoing).
class HistoryPanelDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit HistoryPanelDelegate(QObject* parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;

private:
    QIcon m_incoming;
    QIcon m_outgoing;
    QIcon m_missed;
};

} // namespace ui
