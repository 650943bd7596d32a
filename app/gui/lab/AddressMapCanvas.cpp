#include "lab/AddressMapCanvas.h"

#include "lab/LabUi.h"

#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <algorithm>

namespace syscope::gui::lab {

namespace {
constexpr int kMargin = 8;

bool sameMapping(const MapEntry& a, const MapEntry& b) {
    return a.start == b.start && a.end == b.end && a.perms == b.perms && a.path == b.path &&
           a.offset == b.offset;
}

QString baseName(const std::string& path) {
    const auto slash = path.rfind('/');
    return QString::fromStdString(slash == std::string::npos ? path : path.substr(slash + 1));
}
} // namespace

AddressMapCanvas::AddressMapCanvas(QWidget* parent)
    : QWidget(parent) {
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::MinimumExpanding);
}

void AddressMapCanvas::setSnapshot(const MapsSnapshot& snapshot,
                                   const std::vector<MapEntry>& previous,
                                   const std::string& exePath, const QString& causeName) {
    m_entries = snapshot.entries;
    m_exe = exePath;
    m_cause = causeName;
    m_changed.clear();
    if (!previous.empty()) {
        for (std::size_t i = 0; i < m_entries.size(); ++i) {
            const bool old = std::any_of(previous.begin(), previous.end(), [&](const MapEntry& p) {
                return sameMapping(p, m_entries[i]);
            });
            if (!old) {
                m_changed.insert(i);
            }
        }
    }
    relayout();
}

void AddressMapCanvas::setGrouping(bool on) {
    if (on != m_grouping) {
        m_grouping = on;
        relayout();
    }
}

void AddressMapCanvas::relayout() {
    m_groups = groupMappings(m_entries, m_grouping);
    std::vector<MapEntry> merged;
    merged.reserve(m_groups.size());
    for (const auto& g : m_groups) {
        merged.push_back(g.merged);
    }
    m_layout = AddressLayout::compute(merged);
    updateGeometry();
    update();
}

bool AddressMapCanvas::groupChanged(const MappingGroup& g) const {
    return std::any_of(g.members.begin(), g.members.end(),
                       [this](std::size_t i) { return m_changed.count(i) > 0; });
}

void AddressMapCanvas::clear() {
    m_entries.clear();
    m_groups.clear();
    m_layout = {};
    m_changed.clear();
    updateGeometry();
    update();
}

double AddressMapCanvas::rowUnit() const {
    // A one-page mapping gets one line of text.
    return fontMetrics().height() * 1.15;
}

QSize AddressMapCanvas::minimumSizeHint() const {
    return {480, int(m_layout.totalExtent() * rowUnit()) + 2 * kMargin};
}

QSize AddressMapCanvas::sizeHint() const {
    return minimumSizeHint().expandedTo({800, 400});
}

AddressMapCanvas::Geometry AddressMapCanvas::geometryFor(const QRect& target) const {
    Geometry g;
    const QFontMetrics fm = fontMetrics();
    const double total = std::max(1e-9, m_layout.totalExtent());
    g.unit = std::max(rowUnit(), (target.height() - 2.0 * kMargin) / total);
    g.top = target.top() + kMargin;
    g.addrX = target.left() + kMargin;
    g.barX = g.addrX + fm.horizontalAdvance(QStringLiteral("0xffffffffff600000")) + 12;
    g.barW = std::max(60, target.width() / 5);
    g.labelX = g.barX + g.barW + 12;
    return g;
}

void AddressMapCanvas::paintEvent(QPaintEvent*) {
    QPainter p(this);
    paintTo(p, rect());
}

void AddressMapCanvas::paintTo(QPainter& p, const QRect& target) const {
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setFont(font());
    const QPalette& pal = palette();
    p.fillRect(target, pal.color(QPalette::Base));
    if (m_groups.empty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(target, Qt::AlignCenter,
                   tr("No address map here: the trace holds no maps snapshot for this process\n"
                      "(recorded with --no-maps, or before the process started)."));
        p.restore();
        return;
    }
    const Geometry g = geometryFor(target);
    const double total = m_layout.totalExtent();
    const QFontMetrics fm(font());
    QFont bold = font();
    bold.setBold(true);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    const QColor text = pal.color(QPalette::Text);
    QColor dim = text;
    dim.setAlphaF(0.6);
    const qreal lineW = std::max(1.0, fm.height() / 12.0);

    for (const auto& s : m_layout.segments()) {
        // High addresses at the top.
        const double y0 = g.top + (total - (s.position + s.extent)) * g.unit;
        const double h = s.extent * g.unit;
        const QRectF bar(g.barX, y0 + 1, g.barW, std::max(2.0, h - 2));
        if (s.gap) {
            QPen pen(dim, lineW, Qt::DashLine);
            p.setPen(pen);
            const double mid = bar.center().x();
            p.drawLine(QPointF(mid, bar.top()), QPointF(mid, bar.bottom()));
            p.setFont(small);
            p.setPen(dim);
            const QString size = QString::fromStdString(formatBytes(s.size()));
            p.drawText(QRectF(g.labelX, y0, target.right() - g.labelX, h),
                       Qt::AlignVCenter | Qt::AlignLeft,
                       spansNonCanonicalHole(s.start, s.end)
                           ? tr("%1: end of user space, non-canonical hole, kernel half").arg(size)
                           : tr("%1 unmapped").arg(size));
            p.setFont(font());
            continue;
        }
        const MappingGroup& group = m_groups[s.entry];
        const MapEntry& e = group.merged;
        const MapKind kind = classifyMapping(e, m_exe);
        const bool changed = groupChanged(group);
        // One block per member mapping, side by side; executable ones carry a dark stripe
        // (code is where the CPU jumps), ---p reservations and guard pages are pale.
        const double memberW = bar.width() / double(group.members.size());
        for (std::size_t k = 0; k < group.members.size(); ++k) {
            const MapEntry& m = m_entries[group.members[k]];
            QColor fill = mapKindColor(kind);
            if (!(m.perms & (MapPerm::Read | MapPerm::Write | MapPerm::Exec))) {
                fill.setAlphaF(0.35);
            }
            const QRectF block(bar.left() + double(k) * memberW, bar.top(), memberW, bar.height());
            p.setPen(QPen(pal.color(QPalette::Base), lineW));
            p.setBrush(fill);
            p.drawRect(block);
            if (m.perms & MapPerm::Exec) {
                p.fillRect(QRectF(block.left(), block.top(), std::min(6 * lineW, memberW / 3),
                                  block.height()),
                           QColor(0, 0, 0, 110));
            }
        }
        if (changed) {
            p.setPen(QPen(QColor(0xff, 0x20, 0x20), 3 * lineW));
            p.setBrush(Qt::NoBrush);
            p.drawRect(bar);
        }
        p.setPen(text);
        p.setFont(font());
        const QRectF row(g.addrX, y0, g.barX - g.addrX - 8, h);
        p.setPen(dim);
        p.drawText(row, Qt::AlignVCenter | Qt::AlignRight, hexAddress(e.start));
        const bool special = !explainSpecialMapping(e.path).empty();
        QString name = e.path.empty() ? tr("anonymous") : baseName(e.path);
        QStringList perms;
        for (const std::size_t m : group.members) {
            perms << QString::fromStdString(permissionText(m_entries[m].perms));
        }
        const QString label = perms.join(u' ') + QStringLiteral("  ");
        p.setPen(text);
        p.setFont(special ? bold : font());
        const QRectF labelRect(g.labelX, y0, target.right() - g.labelX - kMargin, h);
        QString full =
            label + name + QStringLiteral("  ") + QString::fromStdString(formatBytes(e.size()));
        if (group.members.size() > 1) {
            full += tr(" (%1 mappings)").arg(group.members.size());
        }
        if (changed) {
            full += QStringLiteral("   ◀ ") +
                    (m_cause.isEmpty() ? tr("new") : tr("new after %1").arg(m_cause));
        }
        p.drawText(labelRect, Qt::AlignVCenter | Qt::AlignLeft,
                   fm.elidedText(full, Qt::ElideMiddle, int(labelRect.width())));
    }
    p.restore();
}

QString AddressMapCanvas::describeSegment(int index) const {
    if (index < 0 || index >= int(m_layout.segments().size())) {
        return {};
    }
    const auto& s = m_layout.segments()[static_cast<std::size_t>(index)];
    if (s.gap) {
        return tr("<b>Unmapped gap</b> of %1<br>%2 – %3<br><i>Drawn collapsed: to scale it "
                  "would hide every small mapping.</i>")
            .arg(QString::fromStdString(formatBytes(s.size())), hexAddress(s.start),
                 hexAddress(s.end));
    }
    const MappingGroup& group = m_groups[s.entry];
    const MapEntry& e = group.merged;
    const MapKind kind = classifyMapping(e, m_exe);
    QString html = QStringLiteral("<b>%1</b><br>")
                       .arg(e.path.empty() ? tr("anonymous mapping")
                                           : QString::fromStdString(e.path).toHtmlEscaped());
    html +=
        tr("%1 – %2 (%3), kind: %4")
            .arg(hexAddress(e.start), hexAddress(e.end),
                 QString::fromStdString(formatBytes(e.size())),
                 QString::fromUtf8(mapKindName(kind).data(), qsizetype(mapKindName(kind).size())));
    for (const std::size_t i : group.members) {
        const MapEntry& m = m_entries[i];
        html += tr("<br>&nbsp;&nbsp;<tt>%1 %2</tt> %3 at file offset %4%5")
                    .arg(hexAddress(m.start), QString::fromStdString(permissionText(m.perms)),
                         QString::fromStdString(formatBytes(m.size())), hexAddress(m.offset),
                         m_changed.count(i) ? tr(" <b>(new)</b>") : QString());
    }
    if (e.inode != 0) {
        html += tr("<br>device %1:%2, inode %3").arg(e.devMajor).arg(e.devMinor).arg(e.inode);
    }
    const auto why = explainSpecialMapping(e.path);
    if (!why.empty()) {
        html += QStringLiteral("<br><br>") +
                QString::fromUtf8(why.data(), qsizetype(why.size())).toHtmlEscaped();
    }
    if (groupChanged(group)) {
        html += QStringLiteral("<br><br><b>") +
                (m_cause.isEmpty()
                     ? tr("New in this snapshot.")
                     : tr("New in this snapshot: created or changed by %1.").arg(m_cause)) +
                QStringLiteral("</b>");
    }
    return QStringLiteral("<qt>") + html + QStringLiteral("</qt>");
}

QString AddressMapCanvas::describeAt(const QPoint& pos) const {
    if (m_groups.empty()) {
        return {};
    }
    const Geometry g = geometryFor(rect());
    const double fromTop = (pos.y() - g.top) / g.unit;
    const double position = m_layout.totalExtent() - fromTop;
    return describeSegment(m_layout.segmentAt(position));
}

bool AddressMapCanvas::event(QEvent* event) {
    if (event->type() == QEvent::FontChange) {
        updateGeometry(); // rows are one line of text high
    }
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = describeAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace syscope::gui::lab
