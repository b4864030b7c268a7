#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QPushButton;

namespace ui {

/// A small always-on-top tool window announcing one incoming call: caller, account, Answer and
/// Reject. It never takes keyboard focus (Qt::WindowDoesNotAcceptFocus,
/// Qt::WA_ShowWithoutActivating), so typing elsewhere goes on undisturbed; it is clicked, not
/// typed into. Where it stands is the caller's business (see placeAt()); several popups stack.
class IncomingCallPopup : public QWidget {
    Q_OBJECT

public:
    IncomingCallPopup(const QString& accountId, const QString& callId, const QString& caller,
                      const QString& callerName, const QString& accountName,
                      QWidget* parent = nullptr);
    ~IncomingCallPopup() override;

    QString accountId() const { return m_accountId; }
    QString callId() const { return m_callId; }
    QPushButton* answerButton() const { return m_answer; }
    QPushButton* rejectButton() const { return m_reject; }

    /// Moves the popup so that its bottom-right corner is at `bottomRight` (global pixels).
    void placeAt(const QPoint& bottomRight);

Q_SIGNALS:
    void answerRequested(const QString& accountId, const QString& callId);
    void rejectRequested(const QString& accountId, const QString& callId);

private:
    QString m_accountId;
    QString m_callId;
    QPushButton* m_answer = nullptr;
    QPushButton* m_reject = nullptr;
};

} // namespace ui
