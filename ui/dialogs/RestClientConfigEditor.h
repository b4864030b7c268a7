#pragma once

#include "hooks/RestClientConfig.h"

#include <QTableWidget>

namespace ui {

/// Edits `restClientConfig` (spec §13.3): one row per REST method of §13.1, columns
/// clientExclude, restExclude (comma-separated field names), restOnError (LOG/FAIL),
/// restPolicy (NOTIFY/OVERWRITE/DISABLE) and restOverwrite. Rows left at the defaults are not
/// part of config().
class RestClientConfigEditor : public QTableWidget {
    Q_OBJECT

public:
    enum Column {
        ClientExcludeColumn,
        RestExcludeColumn,
        OnErrorColumn,
        PolicyColumn,
        OverwriteColumn,
        ColumnCount
    };

    explicit RestClientConfigEditor(QWidget* parent = nullptr);

    void setConfig(const hooks::RestClientConfig& config);
    hooks::RestClientConfig config() const;
    /// Row of REST method `method`, -1 when it is not a §13.1 name.
    int rowOf(const QString& method) const;
};

} // namespace ui
