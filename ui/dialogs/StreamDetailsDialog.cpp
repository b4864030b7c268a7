#include "ui/dialogs/StreamDetailsDialog.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace ui {

namespace {

QString valueText(const QJsonValue& v) {
    switch (v.type()) {
    case QJsonValue::Bool:
        return v.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 15);
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QString tri(services::StreamRecord::Tri t) {
    using T = services::StreamRecord::Tri;
    return t == T::Unknown ? QString() : (t == T::True ? u"true"_s : u"false"_s);
}

QString number(int n) {
    return n < 0 ? QString() : QString::number(n);
}

QTableWidget* makeTable(const QStringList& headers, QWidget* parent) {
    auto* t = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 8);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setAlternatingRowColors(true);
    t->setWordWrap(false);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

} // namespace

StreamDetailsDialog::StreamDetailsDialog(const services::StreamRecord& record,
                                         const QList<services::JournalEntry>& history,
                                         QWidget* parent)
    : QDialog(parent)
    , m_source(new QLabel(this))
    , m_fields(makeTable({tr("Field"), tr("Value")}, this))
    , m_history(makeTable({tr("Time"), tr("Status"), tr("Info")}, this)) {
    setObjectName(u"streamDetailsDialog"_s);
    //: %1 is the stream name
    setWindowTitle(
        tr("Stream %1").arg(record.name.isEmpty() ? record.mediaSessionId : record.name));
    m_fields->setAccessibleName(tr("Last status event"));
    m_history->setAccessibleName(tr("Stream history"));

    if (!history.isEmpty()) {
        m_source->setText(tr("Last StreamStatusEvent, received %1")
                              .arg(QDateTime::fromMSecsSinceEpoch(history.first().timestampMs)
                                       .toString(u"yyyy-MM-dd HH:mm:ss"_s)));
        fillFromEvent(history.first().json);
    } else {
        m_source->setText(tr("No journal entry: fields as the monitor knows them"));
        fillFromRecord(record);
    }
    for (const services::JournalEntry& e : history) {
        const int row = m_history->rowCount();
        m_history->insertRow(row);
        const QJsonObject o = QJsonDocument::fromJson(e.json).object();
        auto* time = new QTableWidgetItem(
            QDateTime::fromMSecsSinceEpoch(e.timestampMs).toString(u"HH:mm:ss.zzz"_s));
        time->setToolTip(QString::fromUtf8(e.json));
        m_history->setItem(row, 0, time);
        m_history->setItem(row, 1, new QTableWidgetItem(e.status));
        m_history->setItem(row, 2, new QTableWidgetItem(o.value("info"_L1).toString()));
    }
    if (history.isEmpty()) {
        m_history->setRowCount(1);
        m_history->setItem(0, 0, new QTableWidgetItem(tr("No history recorded")));
    }

    auto* fieldsBox = new QWidget(this);
    auto* fieldsLayout = new QVBoxLayout(fieldsBox);
    fieldsLayout->setContentsMargins(0, 0, 0, 0);
    fieldsLayout->addWidget(m_source);
    fieldsLayout->addWidget(m_fields);
    auto* historyBox = new QWidget(this);
    auto* historyLayout = new QVBoxLayout(historyBox);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(new QLabel(tr("History (newest first)"), historyBox));
    historyLayout->addWidget(m_history);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(fieldsBox);
    splitter->addWidget(historyBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(560, 560);
}

void StreamDetailsDialog::addField(const QString& name, const QString& value) {
    const int row = m_fields->rowCount();
    m_fields->insertRow(row);
    m_fields->setItem(row, 0, new QTableWidgetItem(name));
    auto* v = new QTableWidgetItem(value);
    v->setToolTip(value);
    m_fields->setItem(row, 1, v);
}

void StreamDetailsDialog::fillFromEvent(const QByteArray& json) {
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    // The identifying fields first, then the rest in the event's (alphabetical) order.
    const QStringList first{u"mediaSessionId"_s, u"name"_s, u"status"_s, u"info"_s};
    for (const QString& key : first) {
        if (o.contains(key)) {
            addField(key, valueText(o.value(key)));
        }
    }
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!first.contains(it.key()) && it.key() != "type"_L1) {
            addField(it.key(), valueText(it.value()));
        }
    }
}

void StreamDetailsDialog::fillFromRecord(const services::StreamRecord& r) {
    const QList<QPair<QString, QString>> fields{
        {u"mediaSessionId"_s, r.mediaSessionId},
        {u"name"_s, r.name},
        {u"status"_s, r.statusText()},
        {u"info"_s, r.info},
        {u"published"_s, tri(r.published)},
        {u"hasAudio"_s, tri(r.hasAudio)},
        {u"hasVideo"_s, tri(r.hasVideo)},
        {u"record"_s, tri(r.record)},
        {u"recordName"_s, r.recordName},
        {u"width"_s, number(r.width)},
        {u"height"_s, number(r.height)},
        {u"bitrate"_s, number(r.bitrate)},
        {u"quality"_s, number(r.quality)},
        {u"mediaProvider"_s, r.mediaProvider},
        {u"nodeId"_s, r.nodeId},
        {u"appKey"_s, r.appKey},
        {u"sessionId"_s, r.sessionId},
    };
    for (const auto& [name, value] : fields) {
        addField(name, value);
    }
}

QString StreamDetailsDialog::fieldValue(const QString& name) const {
    for (int row = 0; row < m_fields->rowCount(); ++row) {
        if (m_fields->item(row, 0)->text() == name) {
            return m_fields->item(row, 1)->text();
        }
    }
    return {};
}

} // namespace ui
