#include "ui/dialogs/RestClientConfigEditor.h"

#include "hooks/HookNames.h"

#include <QComboBox>
#include <QHeaderView>

namespace ui {

namespace {

using M = hooks::RestMethodConfig;

QComboBox* combo(QWidget* parent, const QStringList& items) {
    auto* c = new QComboBox(parent);
    c->addItems(items);
    c->setFrame(false);
    return c;
}

} // namespace

RestClientConfigEditor::RestClientConfigEditor(QWidget* parent)
    : QTableWidget(0, ColumnCount, parent) {
    setHorizontalHeaderLabels({QStringLiteral("clientExclude"), QStringLiteral("restExclude"),
                               QStringLiteral("restOnError"), QStringLiteral("restPolicy"),
                               QStringLiteral("restOverwrite")});
    const QStringList methods = hooks::HookNames::all();
    setRowCount(int(methods.size()));
    setVerticalHeaderLabels(methods);
    for (int r = 0; r < methods.size(); ++r) {
        for (int c : {int(ClientExcludeColumn), int(RestExcludeColumn), int(OverwriteColumn)}) {
            setItem(r, c, new QTableWidgetItem);
        }
        setCellWidget(r, OnErrorColumn,
                      combo(this, {QStringLiteral("LOG"), QStringLiteral("FAIL")}));
        setCellWidget(r, PolicyColumn,
                      combo(this, {QStringLiteral("NOTIFY"), QStringLiteral("OVERWRITE"),
                                   QStringLiteral("DISABLE")}));
    }
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    horizontalHeader()->setSectionResizeMode(OnErrorColumn, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(PolicyColumn, QHeaderView::ResizeToContents);
    setAccessibleName(tr("restClientConfig per REST method"));
    setToolTip(tr("Sent in the connect reply. Fields are comma-separated names, e.g. sdp."));
}

int RestClientConfigEditor::rowOf(const QString& method) const {
    for (int r = 0; r < rowCount(); ++r) {
        if (verticalHeaderItem(r)->text() == method) {
            return r;
        }
    }
    return -1;
}

void RestClientConfigEditor::setConfig(const hooks::RestClientConfig& config) {
    for (int r = 0; r < rowCount(); ++r) {
        const M m = config.method(verticalHeaderItem(r)->text());
        item(r, ClientExcludeColumn)->setText(m.clientExclude);
        item(r, RestExcludeColumn)->setText(m.restExclude);
        item(r, OverwriteColumn)->setText(m.restOverwrite);
        static_cast<QComboBox*>(cellWidget(r, OnErrorColumn))
            ->setCurrentIndex(m.restOnError == M::OnError::Fail ? 1 : 0);
        static_cast<QComboBox*>(cellWidget(r, PolicyColumn))
            ->setCurrentIndex(static_cast<int>(m.restPolicy));
    }
}

hooks::RestClientConfig RestClientConfigEditor::config() const {
    hooks::RestClientConfig out;
    for (int r = 0; r < rowCount(); ++r) {
        M m;
        m.clientExclude = item(r, ClientExcludeColumn)->text().trimmed();
        m.restExclude = item(r, RestExcludeColumn)->text().trimmed();
        m.restOverwrite = item(r, OverwriteColumn)->text().trimmed();
        m.restOnError = static_cast<QComboBox*>(cellWidget(r, OnErrorColumn))->currentIndex() == 1
                            ? M::OnError::Fail
                            : M::OnError::Log;
        m.restPolicy = static_cast<M::Policy>(
            static_cast<QComboBox*>(cellWidget(r, PolicyColumn))->currentIndex());
        if (!(m == M{})) {
            out.set(verticalHeaderItem(r)->text(), m);
        }
    }
    return out;
}

} // namespace ui
