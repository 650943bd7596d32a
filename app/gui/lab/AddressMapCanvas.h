// Paints one maps snapshot as a column of mappings, high addresses at the top (as lecturers
// draw it), with collapsed gaps (AddressLayout), kind colours, permissions and file names.
// Mappings that are new since the previous snapshot (what the causing syscall changed) are
// outlined. Tooltips describe the mapping under the mouse.
#pragma once

#include "lab/AddressLayout.h"
#include "trace/Event.h"

#include <QWidget>
#include <set>
#include <string>

namespace syscope::gui::lab {

class AddressMapCanvas : public QWidget {
    Q_OBJECT
public:
    explicit AddressMapCanvas(QWidget* parent = nullptr);

    // `previous` may be empty (first snapshot): then nothing is highlighted.
    void setSnapshot(const MapsSnapshot& snapshot, const std::vector<MapEntry>& previous,
                     const std::string& exePath, const QString& causeName);
    void clear();

    // One row per file (true, the default) or per mapping.
    void setGrouping(bool on);
    bool grouping() const { return m_grouping; }

    // The layout's segments index groups().
    const AddressLayout& layout() const { return m_layout; }
    const std::vector<MappingGroup>& groups() const { return m_groups; }
    const std::vector<MapEntry>& entries() const { return m_entries; }
    // Indices (into entries()) of mappings not in the previous snapshot.
    const std::set<std::size_t>& changed() const { return m_changed; }
    // The tooltip text of the mapping or gap at a widget position (empty when none).
    QString describeAt(const QPoint& pos) const;

    void paintTo(QPainter& painter, const QRect& target) const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    struct Geometry {
        double unit = 1;
        int top = 0;
        int addrX = 0, barX = 0, barW = 0, labelX = 0;
    };
    Geometry geometryFor(const QRect& target) const;
    double rowUnit() const;
    QString describeSegment(int segment) const;
    void relayout();
    bool groupChanged(const MappingGroup& g) const;

    std::vector<MapEntry> m_entries;
    std::vector<MappingGroup> m_groups;
    bool m_grouping = true;
    AddressLayout m_layout;
    std::set<std::size_t> m_changed;
    std::string m_exe;
    QString m_cause;
};

} // namespace syscope::gui::lab
