#pragma once

#include "hooks/HookCounters.h"

#include <QGroupBox>

class QLabel;
class QPushButton;

namespace ui {

/// The hook server panel of the Servers tab: where Callboard listens for WCS REST hooks (or
/// why it cannot), requests per second, errors and the last request. Display only; the
/// "Configure…" button states the intent (configureRequested()).
class HookServerBox : public QGroupBox {
    Q_OBJECT

public:
    explicit HookServerBox(QWidget* parent = nullptr);

    /// Listening at `baseUrl` (the URL to configure on WCS, e.g.
    /// http://127.0.0.1:9091/rest/my_api); `signed_` = HMAC signatures are checked.
    void setListening(const QString& baseUrl, bool signed_);
    /// Not listening: `error` (bind failure, secret unavailable); empty = switched off.
    void setStopped(const QString& error);
    /// Counters of hooks::HookServer::counters(); `nowMs` = epoch ms for the last request's age.
    void setCounters(const hooks::HookCounters& counters, qint64 nowMs);

    QLabel* addressLabel() const { return m_address; }
    QLabel* rateLabel() const { return m_rate; }
    QLabel* errorsLabel() const { return m_errors; }
    QLabel* lastLabel() const { return m_last; }
    QPushButton* configureButton() const { return m_configure; }

Q_SIGNALS:
    void configureRequested();

private:
    QLabel* m_address;
    QLabel* m_rate;
    QLabel* m_errors;
    QLabel* m_last;
    QPushButton* m_configure;
};

} // namespace ui
