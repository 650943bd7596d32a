#include "lab/AslrResultPanel.h"

#include "lab/AddressLayout.h"
#include "lab/AslrRegionModel.h"
#include "lab/BitHeatmapWidget.h"
#include "lab/LabUi.h"
#include "lab/LectureMode.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace syscope::gui::lab {

AslrResultPanel::AslrResultPanel(QWidget* parent)
    : QWidget(parent) {
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    m_system = new QLabel(this);
    m_system->setWordWrap(true);
    m_strip = new QCustomPlot(this);
    m_strip->setMinimumHeight(160);
    m_heatmap = new BitHeatmapWidget(this);
    m_model = new AslrRegionModel(this);
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_offsets = new QTableWidget(0, 3, this);
    m_offsets->setHorizontalHeaderLabels({tr("Region"), tr("moves with"), tr("constant offset")});
    m_offsets->verticalHeader()->hide();
    m_offsets->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_offsets->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_offsets->setToolTip(tr("Regions whose distance never changed across the runs: one leaked "
                             "address reveals the other."));

    auto* tabs = new QTabWidget(this);
    auto* stripPage = new QWidget;
    auto* sl = new QVBoxLayout(stripPage);
    sl->setContentsMargins(0, 0, 0, 0);
    sl->addWidget(m_strip, 1);
    sl->addWidget(
        makePlotExportButton(this, tr("Export Strip Chart"), QStringLiteral("aslr-strip"), m_strip),
        0, Qt::AlignRight);
    auto* heatPage = new QWidget;
    auto* hl = new QVBoxLayout(heatPage);
    hl->setContentsMargins(0, 0, 0, 0);
    hl->addWidget(m_heatmap, 1);
    hl->addWidget(
        makeExportButton(this, tr("Export Bit Heatmap"), QStringLiteral("aslr-bits"), m_heatmap,
                         [this](QPainter& p, const QRect& r) { m_heatmap->paintTo(p, r); }),
        0, Qt::AlignRight);
    // The strip chart and the heatmap together: the moving addresses and the bits that move.
    auto* pictures = new QSplitter(Qt::Vertical);
    pictures->addWidget(stripPage);
    pictures->addWidget(heatPage);
    pictures->setStretchFactor(0, 3);
    pictures->setStretchFactor(1, 2);
    tabs->addTab(pictures, tr("Addresses and bits"));
    tabs->addTab(m_table, tr("Statistics"));
    tabs->addTab(m_offsets, tr("Constant offsets"));
    tabs->setObjectName(QStringLiteral("aslrPanelTabs"));
    m_tabs = tabs;
    m_heatPage = heatPage;

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_system);
    layout->addWidget(tabs, 1);
}

void AslrResultPanel::setCompact(bool compact) {
    m_title->setVisible(!compact);
    m_system->setVisible(!compact);
    m_heatPage->setVisible(!compact);
    m_tabs->tabBar()->setVisible(!compact);
}

QString AslrResultPanel::titleText() const {
    return m_title->text();
}

void AslrResultPanel::setResult(const AslrResult& result) {
    m_result = result;
    const QString colour = result.randomize ? QStringLiteral("#1f77b4") : QStringLiteral("#d62728");
    m_title->setText(QStringLiteral("<b style='color:%1;font-size:large'>%2</b>")
                         .arg(colour, result.describe().toHtmlEscaped()));
    m_system->setText(
        tr("kernel %1 · randomize_va_space = %2 (%3) · mmap_rnd_bits = %4 · "
           "vsyscall: %5")
            .arg(result.kernel.isEmpty() ? tr("?") : result.kernel)
            .arg(result.randomizeVaSpace)
            .arg(result.randomizeVaSpaceText.isEmpty() ? tr("?") : result.randomizeVaSpaceText)
            .arg(result.mmapRndBits < 0 ? tr("?") : QString::number(result.mmapRndBits))
            .arg(result.vsyscallMode.isEmpty() ? tr("?") : result.vsyscallMode));
    m_heatmap->setResult(result);
    m_model->resetData(result);
    m_offsets->setRowCount(0);
    for (const auto& c : result.constantOffsets) {
        const int row = m_offsets->rowCount();
        m_offsets->insertRow(row);
        m_offsets->setItem(row, 0, new QTableWidgetItem(c.a));
        m_offsets->setItem(row, 1, new QTableWidgetItem(c.b));
        m_offsets->setItem(
            row, 2,
            new QTableWidgetItem(
                QStringLiteral("+%1 (%2)")
                    .arg(hexAddress(c.offset), QString::fromStdString(formatBytes(c.offset)))));
    }
    updateStripChart();
}

void AslrResultPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if ((event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange) &&
        m_result.runs > 0) {
        updateStripChart();
    }
}

void AslrResultPanel::updateStripChart() {
    QCustomPlot* plot = m_strip;
    plot->clearPlottables();
    plot->clearItems();
    const auto regions = m_result.presentRegions();
    const int n = int(regions.size());
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    auto rightTicker = QSharedPointer<QCPAxisTickerText>::create();
    static const QColor kColours[] = {QColor(0xe6, 0x55, 0x0d), QColor(0x31, 0x82, 0xbd),
                                      QColor(0x31, 0xa3, 0x54), QColor(0x75, 0x6b, 0xb1),
                                      QColor(0xe7, 0xba, 0x52), QColor(0xd6, 0x27, 0x8b),
                                      QColor(0x63, 0x63, 0x63), QColor(0x8c, 0x56, 0x4b),
                                      QColor(0x6a, 0x3d, 0x9a), QColor(0x17, 0xbe, 0xcf)};
    const QFont f = font();
    int maxRuns = 1;
    for (int i = 0; i < n; ++i) {
        const auto& r = regions[i];
        // Top row = first region: rows count downwards.
        const double base = n - 1 - i;
        ticker->addTick(base + 0.5, r.name);
        QCPGraph* g = plot->addGraph();
        const QColor c = kColours[i % 10];
        g->setLineStyle(QCPGraph::lsNone);
        const double span = double(r.max - r.min);
        QVector<double> xs;
        QVector<double> ys;
        for (int k = 0; k < r.addresses.size(); ++k) {
            xs << k + 1;
            ys << base + 0.5 +
                      (span > 0 ? 0.8 * (double(r.addresses[k] - r.min) / span - 0.5) : 0.0);
        }
        maxRuns = std::max(maxRuns, int(r.addresses.size()));
        g->setData(xs, ys, true);
        g->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssDisc, c, c, 6 * LectureMode::lineScale()));
        if (span == 0) {
            g->setLineStyle(QCPGraph::lsLine);
            g->setPen(QPen(c, 3 * LectureMode::lineScale()));
        }
        rightTicker->addTick(
            base + 0.5, span == 0 ? tr("fixed at %1").arg(hexAddress(r.min))
                                  : tr("%1 bits vary, spread %2")
                                        .arg(r.varyingBits)
                                        .arg(QString::fromStdString(formatBytes(r.max - r.min))));
    }
    plot->yAxis->setTicker(ticker);
    plot->yAxis2->setVisible(true);
    plot->yAxis2->setTicker(rightTicker);
    plot->yAxis2->setRange(0, std::max(1, n));
    plot->yAxis2->grid()->setVisible(false);
    plot->yAxis2->setSubTicks(false);
    plot->yAxis2->setTickLabelFont(f);
    plot->yAxis->setRange(0, std::max(1, n));
    plot->yAxis->grid()->setVisible(false);
    plot->yAxis->setSubTicks(false);
    plot->yAxis->setTickLabelFont(f);
    plot->xAxis->setTickLabelFont(f);
    plot->xAxis->setLabelFont(f);
    plot->xAxis->setLabel(tr("run (each band: that region's lowest to highest address)"));
    plot->xAxis->setRange(0, maxRuns + 1);
    // Horizontal separators between bands.
    for (int i = 1; i < n; ++i) {
        auto* line = new QCPItemStraightLine(plot);
        line->point1->setCoords(0, i);
        line->point2->setCoords(1, i);
        line->setPen(QPen(QColor(160, 160, 160), 1, Qt::DotLine));
    }
    const QColor fg = palette().color(QPalette::Text);
    const QColor bg = palette().color(QPalette::Base);
    plot->setBackground(bg);
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis, plot->yAxis2}) {
        axis->setBasePen(QPen(fg));
        axis->setTickPen(QPen(fg));
        axis->setSubTickPen(QPen(fg));
        axis->setTickLabelColor(fg);
        axis->setLabelColor(fg);
    }
    plot->replot();
}

} // namespace syscope::gui::lab
