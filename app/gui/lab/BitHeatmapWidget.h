// The ASLR bit heatmap: one row per region, one column per address bit (63, then 47..0),
// colour = share of runs with the bit set (black 0 %, glowing orange 50 %, white 100 %), with
// varying bits, quality bits and the Shannon estimate beside each row.
#pragma once

#include "lab/BitHeatmap.h"
#include "lab/LabResults.h"

#include <QWidget>

namespace syscope::gui::lab {

// The colour of a share of ones: 0 black, 0.5 orange, 1 white.
QColor shareColor(double share);

class BitHeatmapWidget : public QWidget {
    Q_OBJECT
public:
    explicit BitHeatmapWidget(QWidget* parent = nullptr);
    void setResult(const AslrResult& result);

    // Rows in drawing order: present regions of the result.
    const QVector<AslrRegionResult>& rows() const { return m_rows; }
    const QVector<BitShares>& shares() const { return m_shares; }

    void paintTo(QPainter& painter, const QRect& target) const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    struct Geometry {
        int labelW = 0, cellW = 0, cellH = 0, top = 0, left = 0, gapW = 0, statsX = 0;
    };
    Geometry geometryFor(const QRect& target) const;

    QVector<AslrRegionResult> m_rows;
    QVector<BitShares> m_shares;
    int m_mmapRndBits = -1;
    int m_runs = 0;
};

} // namespace syscope::gui::lab
