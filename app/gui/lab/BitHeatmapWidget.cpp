#include "lab/BitHeatmapWidget.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <vector>

namespace syscope::gui::lab {

QColor shareColor(double share) {
    share = std::clamp(share, 0.0, 1.0);
    const QColor mid(0xff, 0x8c, 0x00);
    const auto lerp = [](const QColor& a, const QColor& b, double t) {
        return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                                float(a.greenF() + (b.greenF() - a.greenF()) * t),
                                float(a.blueF() + (b.blueF() - a.blueF()) * t));
    };
    return share <= 0.5 ? lerp(Qt::black, mid, share * 2) : lerp(mid, Qt::white, share * 2 - 1);
}

BitHeatmapWidget::BitHeatmapWidget(QWidget* parent)
    : QWidget(parent) {
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void BitHeatmapWidget::setResult(const AslrResult& result) {
    m_rows = result.presentRegions();
    m_shares.clear();
    for (const auto& r : m_rows) {
        m_shares.push_back(
            computeBitShares(std::vector<std::uint64_t>(r.addresses.begin(), r.addresses.end())));
    }
    m_mmapRndBits = result.mmapRndBits;
    m_runs = result.runs;
    updateGeometry();
    update();
}

QSize BitHeatmapWidget::minimumSizeHint() const {
    const int line = fontMetrics().height();
    return {600, int((m_rows.size() + 4.5) * line * 1.2)};
}

QSize BitHeatmapWidget::sizeHint() const {
    return minimumSizeHint().expandedTo({900, 200});
}

BitHeatmapWidget::Geometry BitHeatmapWidget::geometryFor(const QRect& target) const {
    Geometry g;
    const QFontMetrics fm = fontMetrics();
    g.labelW = fm.horizontalAdvance(QStringLiteral("[vvar_vclock]")) + 10;
    const int statsW = fm.horizontalAdvance(QStringLiteral("vary 30  qual 30  H 6.64/6.64")) + 10;
    g.left = target.left() + 4;
    g.top = target.top() + int(fm.height() * 2.4);
    g.gapW = std::max(6, fm.height() / 2);
    const int columns = 49;
    g.cellW = std::max(4, (target.width() - g.labelW - statsW - g.gapW - 12) / columns);
    g.cellH = int(fm.height() * 1.2);
    g.statsX = g.left + g.labelW + g.gapW + columns * g.cellW + 10;
    return g;
}

void BitHeatmapWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    paintTo(p, rect());
}

void BitHeatmapWidget::paintTo(QPainter& p, const QRect& target) const {
    p.save();
    p.setFont(font());
    const QPalette& pal = palette();
    p.fillRect(target, pal.color(QPalette::Base));
    const QColor text = pal.color(QPalette::Text);
    const Geometry g = geometryFor(target);
    const QFontMetrics fm(font());
    const std::vector<int> columns = heatmapBitColumns();
    const auto columnX = [&](std::size_t c) {
        // Bit 63 stands apart from bits 47..0 (48..62 are copies of 47 in user space).
        return g.left + g.labelW + int(c) * g.cellW + (c > 0 ? g.gapW : 0);
    };
    p.setPen(text);
    QString title = tr("Share of runs with each address bit set (%1 runs) — black: always 0, "
                       "white: always 1, orange: random")
                        .arg(m_runs);
    p.drawText(QRect(g.left, target.top(), target.width(), fm.height()), Qt::AlignLeft, title);
    // Bit numbers every 4 columns, and bit 63.
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.8);
    p.setFont(small);
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const int bit = columns[c];
        if (bit == 63 || (bit % 4 == 0 && bit < 47)) {
            p.drawText(QRect(columnX(c) - g.cellW, g.top - fm.height(), 3 * g.cellW, fm.height()),
                       Qt::AlignHCenter | Qt::AlignBottom, QString::number(bit));
        }
    }
    p.setFont(font());
    // Grey under the cells, so that white (always 1) cells keep visible borders.
    const QColor grid(0x99, 0x99, 0x99);
    p.fillRect(QRect(columnX(0), g.top, g.cellW, int(m_rows.size()) * g.cellH), grid);
    p.fillRect(QRect(columnX(1), g.top, 48 * g.cellW, int(m_rows.size()) * g.cellH), grid);
    for (int r = 0; r < m_rows.size(); ++r) {
        const int y = g.top + r * g.cellH;
        p.setPen(text);
        p.drawText(QRect(g.left, y, g.labelW - 6, g.cellH), Qt::AlignVCenter | Qt::AlignRight,
                   m_rows[r].name);
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const QRect cell(columnX(c), y, g.cellW, g.cellH);
            p.fillRect(cell.adjusted(0, 1, -1, -1), shareColor(m_shares[r].share[columns[c]]));
        }
        const auto& s = m_rows[r];
        p.setPen(text);
        p.drawText(QRect(g.statsX, y, target.right() - g.statsX, g.cellH),
                   Qt::AlignVCenter | Qt::AlignLeft,
                   tr("vary %1  qual %2  H %3/%4")
                       .arg(s.varyingBits)
                       .arg(s.qualityBits)
                       .arg(s.shannonBits, 0, 'f', 2)
                       .arg(s.shannonCapBits, 0, 'f', 2));
    }
    // Frame, so that white (always-1) cells stay visible on a white page.
    p.setPen(QPen(pal.color(QPalette::Mid), 1));
    p.setBrush(Qt::NoBrush);
    const int h = int(m_rows.size()) * g.cellH;
    p.drawRect(QRect(columnX(0), g.top, g.cellW, h));
    p.drawRect(QRect(columnX(1), g.top, 48 * g.cellW, h));
    // Page-offset bits 0..11 are never random: mark them.
    const int y = g.top + h + 2;
    p.setPen(text);
    p.setFont(small);
    p.drawText(QRect(columnX(columns.size() - 12), y, 12 * g.cellW, fm.height()),
               Qt::AlignHCenter | Qt::AlignTop, tr("page offset"));
    p.drawText(QRect(g.left, y, g.labelW + 20 * g.cellW, fm.height()), Qt::AlignLeft | Qt::AlignTop,
               m_mmapRndBits >= 0 ? tr("kernel: vm.mmap_rnd_bits = %1").arg(m_mmapRndBits)
                                  : tr("kernel: mmap_rnd_bits unknown"));
    p.drawText(QRect(g.left, y + fm.height(), target.width(), fm.height()),
               Qt::AlignLeft | Qt::AlignTop,
               tr("vary: bits that differed · qual: varying bits set in 35–65 % of runs "
                  "(paxtest) · H: Shannon estimate / its cap log2(runs)"));
    p.restore();
}

bool BitHeatmapWidget::event(QEvent* e) {
    if (e->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(e);
        const Geometry g = geometryFor(rect());
        const int row = (help->pos().y() - g.top) / std::max(1, g.cellH);
        int col = (help->pos().x() - g.left - g.labelW) / std::max(1, g.cellW);
        if (col >= 1) {
            col = (help->pos().x() - g.left - g.labelW - g.gapW) / std::max(1, g.cellW);
        }
        const std::vector<int> columns = heatmapBitColumns();
        if (help->pos().y() >= g.top && row >= 0 && row < m_rows.size() && col >= 0 &&
            col < int(columns.size())) {
            const int bit = columns[std::size_t(col)];
            QToolTip::showText(help->globalPos(),
                               tr("%1, bit %2: set in %3 % of the runs")
                                   .arg(m_rows[row].name)
                                   .arg(bit)
                                   .arg(m_shares[row].share[bit] * 100, 0, 'f', 1),
                               this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(e);
}

} // namespace syscope::gui::lab
