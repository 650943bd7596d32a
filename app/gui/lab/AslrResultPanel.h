// One ASLR result in pictures: the strip chart of addresses across runs (one band per region,
// each band scaled to its own spread, so a fixed region is a flat line), the bit heatmap, the
// statistics table and the constant-offset table.
#pragma once

#include "lab/LabResults.h"

#include <QWidget>

class QCustomPlot;
class QLabel;
class QTableView;
class QTableWidget;
class QTabWidget;

namespace syscope::gui::lab {

class AslrRegionModel;
class BitHeatmapWidget;

class AslrResultPanel : public QWidget {
    Q_OBJECT
public:
    explicit AslrResultPanel(QWidget* parent = nullptr);
    void setResult(const AslrResult& result);
    const AslrResult& result() const { return m_result; }

    QCustomPlot* stripChart() const { return m_strip; }
    BitHeatmapWidget* heatmap() const { return m_heatmap; }
    AslrRegionModel* model() const { return m_model; }
    QTableWidget* offsets() const { return m_offsets; }
    QString titleText() const;
    // Only the strip chart, large (the lecture pages): no title, facts, heatmap or tables.
    void setCompact(bool compact);

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateStripChart();

    AslrResult m_result;
    QLabel* m_title;
    QLabel* m_system;
    QWidget* m_heatPage = nullptr;
    QTabWidget* m_tabs = nullptr;
    QCustomPlot* m_strip;
    BitHeatmapWidget* m_heatmap;
    AslrRegionModel* m_model;
    QTableView* m_table;
    QTableWidget* m_offsets;
};

} // namespace syscope::gui::lab
