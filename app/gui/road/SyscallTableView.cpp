#include "road/SyscallTableView.h"

#include "SelectionState.h"
#include "TraceSession.h"
#include "road/KernelFacts.h"
#include "road/RoadFocus.h"
#include "road/SyscallTableModel.h"
#include "syscalls/SyscallTable.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace syscope::gui::road {

void SyscallSearchProxy::setSearch(const QString& text) {
    m_words = text.simplified().toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QString& w : m_words) {
        if (w.startsWith(QLatin1Char('%'))) {
            w.remove(0, 1);
        }
    }
    invalidateFilter();
}

bool SyscallSearchProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (m_words.isEmpty()) {
        return true;
    }
    const QAbstractItemModel* m = sourceModel();
    const int nr = m->index(sourceRow, SyscallTableModel::Number, sourceParent)
                       .data(SyscallTableModel::NumberRole)
                       .toInt();
    const QString name =
        m->index(sourceRow, SyscallTableModel::Name, sourceParent).data().toString();
    const QString category =
        m->index(sourceRow, SyscallTableModel::Category, sourceParent).data().toString();
    const QString classes = m->index(sourceRow, SyscallTableModel::Name, sourceParent)
                                .data(SyscallTableModel::ClassesRole)
                                .toString();
    for (const QString& w : m_words) {
        bool isNumber = false;
        const int n = w.toInt(&isNumber, 0);
        if (isNumber) {
            if (n != nr) {
                return false;
            }
            continue;
        }
        if (!name.contains(w) && category != w && !classes.split(QLatin1Char(' ')).contains(w)) {
            return false;
        }
    }
    return true;
}

SyscallTableView::SyscallTableView(TraceSession* session, SelectionState* selection,
                                   RoadFocus* focus, std::function<void()> showTrace,
                                   QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_selection(selection)
    , m_focus(focus)
    , m_showTrace(std::move(showTrace))
    , m_model(new SyscallTableModel(nullptr, this))
    , m_proxy(new SyscallSearchProxy(this))
    , m_arch(new QComboBox)
    , m_search(new QLineEdit)
    , m_shown(new QLabel)
    , m_note(new QLabel)
    , m_table(new QTableView) {
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SyscallTableModel::SortRole);

    m_arch->addItem(tr("x86_64 (syscall)"), int(Arch::X86_64));
    m_arch->addItem(tr("i386 (int $0x80)"), int(Arch::I386));
    m_arch->setToolTip(tr("Which syscall table: 64-bit programs, or the 32-bit ABI"));
    m_search->setPlaceholderText(tr("Search: name, number or category (file, network, memory, …)"));
    m_search->setClearButtonEnabled(true);
    m_note->setText(tr("Kernel handler addresses are read from /proc/kallsyms when this view is "
                       "first shown."));
    m_note->setWordWrap(true);
    auto* hint = new QLabel(tr("Click a syscall to see its road into the kernel; double-click "
                               "to show only its calls in the trace."));
    hint->setWordWrap(true);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_arch);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_shown);

    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SyscallTableModel::Number, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(SyscallTableModel::Arguments,
                                                      QHeaderView::Interactive);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_note);
    layout->addWidget(m_table, 1);
    layout->addWidget(hint);

    const auto updateShown = [this] {
        m_shown->setText(tr("%1 of %2").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
    };
    connect(m_search, &QLineEdit::textChanged, this, [this, updateShown](const QString& t) {
        m_proxy->setSearch(t);
        updateShown();
    });
    connect(m_arch, &QComboBox::currentIndexChanged, this,
            [this](int) { setArch(static_cast<Arch>(m_arch->currentData().toInt())); });
    connect(m_table, &QTableView::clicked, this, &SyscallTableView::onClicked);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { onClicked(current); });
    connect(m_table, &QTableView::activated, this,
            [this](const QModelIndex& index) { filterTraceTo(index.row()); });

    m_countTimer.setSingleShot(true);
    m_countTimer.setInterval(250);
    connect(&m_countTimer, &QTimer::timeout, this, &SyscallTableView::updateCounts);
    if (m_session) {
        connect(m_session, &TraceSession::eventsAppended, this, [this] {
            if (!m_countTimer.isActive()) {
                m_countTimer.start();
            }
        });
        connect(m_session, &TraceSession::cleared, this, &SyscallTableView::resetCounts);
        connect(m_session, &TraceSession::finished, this, &SyscallTableView::updateCounts);
    }
    updateShown();
    updateCounts();
    // Long argument lists and wrapper lists must not push the kernel columns off the screen;
    // the full text is in the cell's tooltip and in `syscope-cli syscalls`.
    m_table->resizeColumnsToContents();
    const auto cap = [this](int column, int maxChars) {
        const int limit = m_table->fontMetrics().averageCharWidth() * maxChars;
        m_table->setColumnWidth(column, qMin(m_table->columnWidth(column), limit));
    };
    cap(SyscallTableModel::Name, 18);
    cap(SyscallTableModel::Arguments, 36);
    cap(SyscallTableModel::Handler, 30);
    // The wrapper list takes whatever width is left.
    m_table->horizontalHeader()->setSectionResizeMode(SyscallTableModel::Glibc,
                                                      QHeaderView::Stretch);
}

void SyscallTableView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    loadKernelSymbols();
}

void SyscallTableView::loadKernelSymbols() {
    const KernelFacts& facts = KernelFacts::get();
    if (m_model->kallsyms() == facts.symbols() && m_symbolsLoaded) {
        return;
    }
    m_symbolsLoaded = true;
    m_model->setKallsyms(facts.symbols());
    m_note->setText(facts.addressNote());
    m_table->resizeColumnToContents(SyscallTableModel::Address);
}

void SyscallTableView::sortByCalls() {
    m_table->sortByColumn(SyscallTableModel::Calls, Qt::DescendingOrder);
    m_table->scrollToTop();
}

void SyscallTableView::setArch(Arch arch) {
    const int i = m_arch->findData(int(arch));
    if (i >= 0 && i != m_arch->currentIndex()) {
        m_arch->setCurrentIndex(i); // comes back here through the signal
        return;
    }
    m_model->setArch(arch);
    updateCounts();
    m_shown->setText(tr("%1 of %2").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
}

void SyscallTableView::resetCounts() {
    for (int a = 0; a < 2; ++a) {
        m_calls[a].clear();
        m_errors[a].clear();
    }
    m_counted = 0;
    m_model->setCounts({}, {});
}

void SyscallTableView::updateCounts() {
    if (!m_session) {
        return;
    }
    const TraceStore& store = m_session->store();
    const std::size_t n = store.eventCount();
    if (n < m_counted) {
        resetCounts();
    }
    for (std::size_t i = m_counted; i < n; ++i) {
        const std::uint8_t flags = store.flags(i);
        if (flags & EventFlag::Vdso) {
            continue;
        }
        const Arch arch = store.arch(i);
        const int a = arch == Arch::I386 ? 1 : (arch == Arch::X86_64 ? 0 : -1);
        const std::int32_t nr = store.nr(i);
        if (a < 0 || nr < 0 || nr > 4096) {
            continue;
        }
        auto& calls = m_calls[a];
        auto& errors = m_errors[a];
        if (calls.size() <= std::size_t(nr)) {
            calls.resize(std::size_t(nr) + 1);
            errors.resize(std::size_t(nr) + 1);
        }
        ++calls[std::size_t(nr)];
        const std::int64_t ret = store.ret(i);
        if (!(flags & EventFlag::Unfinished) && ret < 0 && ret >= -4095) {
            ++errors[std::size_t(nr)];
        }
    }
    m_counted = n;
    const int a = m_model->arch() == Arch::I386 ? 1 : 0;
    if (n == 0 && m_session->state() == TraceSession::State::Empty) {
        m_model->setCounts({}, {});
        return;
    }
    std::vector<quint64> calls = m_calls[a];
    std::vector<quint64> errors = m_errors[a];
    if (calls.empty()) {
        calls.assign(1, 0); // a trace is open: show zeros rather than blanks
        errors.assign(1, 0);
    }
    m_model->setCounts(std::move(calls), std::move(errors));
}

void SyscallTableView::onClicked(const QModelIndex& index) {
    if (!index.isValid() || !m_focus) {
        return;
    }
    const int nr = m_proxy->index(index.row(), 0).data(SyscallTableModel::NumberRole).toInt();
    m_focus->setSyscall(m_model->arch(), nr);
}

void SyscallTableView::filterTraceTo(int row) {
    const QModelIndex index = m_proxy->index(row, SyscallTableModel::Name);
    if (!index.isValid() || !m_selection) {
        return;
    }
    EventFilter filter = m_selection->filter();
    QString error;
    if (!filter.setSyscalls(index.data().toString(), &error)) {
        return;
    }
    m_selection->setFilter(filter);
    if (m_showTrace) {
        m_showTrace();
    }
}

} // namespace syscope::gui::road
