#include "lab/VdsoView.h"

#include "TraceSession.h"
#include "lab/LabUi.h"
#include "lab/LatencyBins.h"
#include "lab/VdsoSymbolModel.h"
#include "syscalls/EventFormatter.h"
#include "trace/TraceStore.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <map>
#include <sys/utsname.h>

namespace syscope::gui::lab {

namespace {
constexpr std::uint64_t kAtSysinfoEhdr = 33;

QString runningKernel() {
    utsname u{};
    if (uname(&u) != 0) {
        return {};
    }
    return QString::fromLocal8Bit(u.release);
}
} // namespace

std::optional<std::uint64_t> traceVdsoBase(const TraceStore& store, std::int32_t pid) {
    for (const auto& snap : store.auxv()) {
        if (pid != 0 && snap.pid != pid) {
            continue;
        }
        for (const auto& e : snap.entries) {
            if (e.type == kAtSysinfoEhdr && e.value != 0) {
                return e.value;
            }
        }
    }
    return std::nullopt;
}

VdsoView::VdsoView(TraceSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session) {
    std::string error;
    m_image = VdsoImage::fromSelf(&error);
    m_imageError = QString::fromStdString(error);

    m_header = new QLabel(this);
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_model = new VdsoSymbolModel(this);
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    m_table = new QTableView(this);
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_calls = new QTableWidget(0, 4, this);
    m_calls->setHorizontalHeaderLabels({tr("vDSO call"), tr("Calls"), tr("Total"), tr("p50")});
    m_calls->verticalHeader()->hide();
    m_calls->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_calls->horizontalHeader()->setStretchLastSection(true);
    m_calls->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_callNote = new QLabel(this);
    m_callNote->setWordWrap(true);
    auto* save = new QPushButton(tr("Save Image…"), this);
    save->setToolTip(tr("Write the vDSO as a file that readelf and objdump -d accept"));
    save->setEnabled(m_image.has_value());
    connect(save, &QPushButton::clicked, this, &VdsoView::saveImage);

    auto* top = new QHBoxLayout;
    top->addWidget(m_header, 1);
    top->addWidget(save, 0, Qt::AlignTop);
    auto* callBox = new QWidget(this);
    auto* cl = new QVBoxLayout(callBox);
    cl->setContentsMargins(0, 0, 0, 0);
    cl->addWidget(new QLabel(tr("<b>vDSO calls in this trace</b>"), callBox));
    cl->addWidget(m_calls, 1);
    cl->addWidget(m_callNote);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(callBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(session, &TraceSession::finished, this, &VdsoView::refresh);
    connect(session, &TraceSession::cleared, this, &VdsoView::refresh);
    connect(session, &TraceSession::stateChanged, this, &VdsoView::refresh);
    refresh();
}

QString VdsoView::headerText() const {
    return m_header->text();
}

void VdsoView::refresh() {
    const TraceStore& store = m_session->store();
    const auto traceBase = traceVdsoBase(store, 0);
    const QString traceKernel = QString::fromStdString(store.metadata().kernelRelease);
    const QString ownKernel = runningKernel();
    QString html;
    if (!m_image) {
        html =
            tr("<b>vDSO</b>: cannot read syscope's own vDSO: %1").arg(m_imageError.toHtmlEscaped());
        m_model->resetData({}, traceBase);
    } else {
        m_model->resetData(m_image->symbols(), traceBase);
        const QString buildId = QString::fromStdString(m_image->buildId());
        html = tr("<b>vDSO</b> — %1 bytes, build-id <tt>%2</tt>, Linux %3 note.")
                   .arg(m_image->size())
                   .arg(buildId.isEmpty() ? tr("(none)") : buildId,
                        QString::fromStdString(m_image->linuxVersion()).toHtmlEscaped());
        html += QStringLiteral("<br>");
        if (traceBase) {
            html += tr("In the traced run the vDSO was mapped at <b>%1</b> (AT_SYSINFO_EHDR); "
                       "syscope's own copy is at %2 — ASLR puts it elsewhere in every process.")
                        .arg(hexAddress(*traceBase), hexAddress(m_image->base()));
        } else if (m_session->state() != TraceSession::State::Empty) {
            html += tr("The trace holds no auxiliary vector, so the run's vDSO address is unknown; "
                       "syscope's own copy is at %1.")
                        .arg(hexAddress(m_image->base()));
        } else {
            html += tr("No trace open: this is syscope's own vDSO at %1.")
                        .arg(hexAddress(m_image->base()));
        }
        html += QStringLiteral("<br><i>");
        if (traceKernel.isEmpty()) {
            html += tr("The trace does not hold the vDSO's bytes; the symbols are read from "
                       "syscope's own vDSO (kernel %1).")
                        .arg(ownKernel.toHtmlEscaped());
        } else if (traceKernel == ownKernel) {
            html += tr("The trace does not hold the vDSO's bytes; the symbols are read from "
                       "syscope's own vDSO — the same kernel (%1) as the recording, so the same "
                       "image and offsets.")
                        .arg(ownKernel.toHtmlEscaped());
        } else {
            html += tr("<span style='color:#d62728'>Caution: the trace was recorded on kernel "
                       "%1 but syscope runs on %2; the symbols below are this kernel's vDSO and "
                       "may differ from the recorded one.</span>")
                        .arg(traceKernel.toHtmlEscaped(), ownKernel.toHtmlEscaped());
        }
        html += QStringLiteral("</i>");
    }
    m_header->setText(html);

    // vDSO calls of the trace.
    struct Calls {
        std::vector<std::int64_t> durations;
        std::int64_t total = 0;
    };
    std::map<std::int32_t, Calls> calls;
    for (std::size_t i = 0; i < store.eventCount(); ++i) {
        if ((store.flags(i) & EventFlag::Vdso) && !(store.flags(i) & EventFlag::Unfinished)) {
            auto& c = calls[store.nr(i)];
            c.durations.push_back(store.duration(i));
            c.total += store.duration(i);
        }
    }
    m_calls->setRowCount(0);
    for (auto& [nr, c] : calls) {
        const int row = m_calls->rowCount();
        m_calls->insertRow(row);
        const auto name = vdsoFunctionName(static_cast<VdsoFunction>(nr));
        std::sort(c.durations.begin(), c.durations.end());
        m_calls->setItem(
            row, 0,
            new QTableWidgetItem(name.empty()
                                     ? QString::number(nr)
                                     : QString::fromUtf8(name.data(), qsizetype(name.size()))));
        auto* n = new QTableWidgetItem;
        n->setData(Qt::DisplayRole, qulonglong(c.durations.size()));
        m_calls->setItem(row, 1, n);
        m_calls->setItem(row, 2, new QTableWidgetItem(formatNs(double(c.total))));
        m_calls->setItem(row, 3,
                         new QTableWidgetItem(formatNs(double(nearestRank(c.durations, 0.5)))));
    }
    m_callNote->setText(
        calls.empty()
            ? tr("No vDSO calls recorded: ptrace cannot see them. Record with "
                 "<tt>syscope-cli record --vdso</tt> to catch them with breakpoints.")
            : tr("Caught with breakpoints (record --vdso); each call's duration includes the "
                 "breakpoint round trips."));
}

void VdsoView::saveImage() {
    if (!m_image) {
        return;
    }
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save vDSO Image"), QStringLiteral("vdso.so"),
                                     tr("Shared objects (*.so);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    std::string error;
    if (!m_image->save(path.toStdString(), &error)) {
        QMessageBox::warning(this, tr("Save vDSO Image"), QString::fromStdString(error));
    }
}

} // namespace syscope::gui::lab
