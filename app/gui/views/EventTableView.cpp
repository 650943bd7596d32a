#include "views/EventTableView.h"

#include "SelectionState.h"
#include "TraceSession.h"
#include "models/EventTableModel.h"
#include "models/FilteredEvents.h"
#include "views/EventDetailPane.h"
#include "views/FilterBar.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace syscope::gui {

EventTableView::EventTableView(TraceSession* session, SelectionState* selection,
                               FilteredEvents* events, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_selection(selection)
    , m_events(events) {
    m_filterBar = new FilterBar(selection, this);
    m_model = new EventTableModel(events, this);
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->setVisible(false);
    // Fixed row heights: the view never asks millions of rows for their size.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(EventTableModel::ArgsColumn,
                                                      QHeaderView::Stretch);
    const QFontMetrics fm(font());
    const auto widthOf = [&](const char* sample) {
        return fm.horizontalAdvance(QString::fromLatin1(sample)) + 24;
    };
    m_table->setColumnWidth(EventTableModel::TimeColumn, widthOf("0000.000000"));
    m_table->setColumnWidth(EventTableModel::PidColumn, widthOf("0000000"));
    m_table->setColumnWidth(EventTableModel::TidColumn, widthOf("0000000"));
    m_table->setColumnWidth(EventTableModel::SyscallColumn, widthOf("rt_sigprocmask  "));
    m_table->setColumnWidth(EventTableModel::ResultColumn,
                            widthOf("-1 ENOENT (No such file or directory)"));
    m_table->setColumnWidth(EventTableModel::DurationColumn, widthOf("unfinished"));

    m_detail = new EventDetailPane(session, selection, this);
    m_count = new QLabel(this);
    m_count->setContentsMargins(6, 2, 6, 2);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({480, 220});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_count);
    layout->addWidget(splitter, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &EventTableView::onCurrentRowChanged);
    connect(selection, &SelectionState::selectedEventChanged, this,
            &EventTableView::onSelectedEvent);
    connect(events, &FilteredEvents::changed, this, &EventTableView::updateCount);
    connect(events, &FilteredEvents::resetDone, this,
            [this] { onSelectedEvent(m_selection->selectedEvent()); });
    updateCount();
}

void EventTableView::updateCount() {
    const std::size_t total = m_session->store().eventCount();
    const std::size_t shown = m_events->size();
    m_count->setText(
        shown == total
            ? tr("%L1 events").arg(shown)
            : tr("%L1 of %L2 events match the filter and time range").arg(shown).arg(total));
}

void EventTableView::onCurrentRowChanged() {
    if (m_syncing) {
        return;
    }
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        return;
    }
    m_syncing = true;
    m_selection->setSelectedEvent(qint64(m_model->eventAt(current.row())));
    m_syncing = false;
}

void EventTableView::onSelectedEvent(qint64 event) {
    if (m_syncing) {
        return;
    }
    m_syncing = true;
    const int row = event >= 0 ? m_model->rowOfEvent(quint64(event)) : -1;
    if (row < 0) {
        m_table->clearSelection();
    } else {
        const QModelIndex index = m_model->index(row, EventTableModel::SyscallColumn);
        m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                              QItemSelectionModel::Rows);
        m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
    }
    m_syncing = false;
}

} // namespace syscope::gui
