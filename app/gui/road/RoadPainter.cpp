#include "road/RoadPainter.h"

#include <QFontDatabase>
#include <QFontMetricsF>
#include <QObject>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace syscope::gui::road {

namespace {

QColor mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

bool isDark(const QPalette& pal) {
    return pal.color(QPalette::Base).lightnessF() < 0.5;
}

// The kernel's colour: a warm orange that stays readable on light and dark bases.
QColor kernelColor(const QPalette& pal) {
    return isDark(pal) ? QColor(255, 170, 80) : QColor(200, 90, 0);
}

QColor errorColor(const QPalette& pal) {
    return isDark(pal) ? QColor(255, 110, 110) : QColor(190, 20, 20);
}

QColor vdsoColor(const QPalette& pal) {
    return isDark(pal) ? QColor(120, 220, 140) : QColor(20, 130, 50);
}

struct Layout {
    QRectF header;
    QRectF userBand;
    QRectF kernelBand;
    QRectF left;   // x range of the way in
    QRectF middle; // x range of the registers
    QRectF right;  // x range of the way back
    double gap = 0;
    double basePx = 14;
    std::vector<QRectF> steps;
};

bool isWayBack(RoadStepKind k) {
    return k == RoadStepKind::Return || k == RoadStepKind::Errno || k == RoadStepKind::Result;
}

Layout layoutFor(const QRectF& rect, const SyscallRoad& road, double fontScale) {
    Layout l;
    const double w = rect.width();
    const double h = rect.height();
    // The picture already grows with its rectangle; a larger desktop font (lecture mode) only
    // nudges the text up, or the boxes could no longer hold it.
    const double nudge = 1.0 + std::clamp(fontScale - 1.0, 0.0, 1.0) * 0.2;
    l.basePx = std::clamp(std::min(w / 70.0, h / 42.0), 10.0, 30.0) * nudge;
    l.gap = std::max(6.0, l.basePx * 0.6);
    const double headerH = l.basePx * 3.7;
    l.header = QRectF(rect.left() + l.gap, rect.top() + l.gap * 0.5, w - 2 * l.gap, headerH);
    const double top = l.header.bottom() + l.gap * 0.5;
    const double bandsH = rect.bottom() - top - l.gap * 0.5;
    // The user band holds up to three boxes of the way in; the kernel band three more.
    // The user band holds more text (the registers, the program and glibc boxes).
    // A vDSO road never enters the kernel: its band only carries a note.
    const double userShare = road.vdso ? 0.7 : 0.54;
    l.userBand = QRectF(rect.left(), top, w, bandsH * userShare);
    l.kernelBand = QRectF(rect.left(), l.userBand.bottom(), w, bandsH * (1 - userShare));
    const double labelW = l.basePx * 1.8; // the rotated band labels
    const double x0 = rect.left() + labelW + l.gap;
    const double usable = rect.right() - l.gap - x0;
    const double colW = (usable - 2 * l.gap) * 0.37;
    const double midW = usable - 2 * l.gap - 2 * colW;
    l.left = QRectF(x0, top, colW, bandsH);
    l.middle = QRectF(x0 + colW + l.gap, top, midW, bandsH);
    l.right = QRectF(l.middle.right() + l.gap, top, colW, bandsH);

    // Assign boxes: the way in goes down the left column, user steps in the user band and kernel
    // steps in the kernel band; the way back goes up the right column.
    std::vector<int> inUser, inKernel, backKernel, backUser;
    for (int i = 0; i < int(road.steps.size()); ++i) {
        const RoadStep& s = road.steps[std::size_t(i)];
        if (isWayBack(s.kind)) {
            (s.inKernel ? backKernel : backUser).push_back(i);
        } else {
            (s.inKernel ? inKernel : inUser).push_back(i);
        }
    }
    l.steps.assign(road.steps.size(), QRectF());
    const auto stack = [&](const std::vector<int>& ids, const QRectF& col, const QRectF& band,
                           bool upward, int slotCount) {
        if (ids.empty()) {
            return;
        }
        const int n = std::max<int>(slotCount, int(ids.size()));
        const double boxH = (band.height() - (n + 1) * l.gap) / n;
        for (int k = 0; k < int(ids.size()); ++k) {
            const int slot = upward ? n - 1 - k : k;
            l.steps[std::size_t(ids[std::size_t(k)])] =
                QRectF(col.left(), band.top() + l.gap + slot * (boxH + l.gap), col.width(), boxH);
        }
    };
    stack(inUser, l.left, l.userBand, false, 3);
    stack(inKernel, l.left, l.kernelBand, false, 3);
    // The way back: bottom-up, so the last step is the highest box.
    if (!backKernel.empty()) {
        stack(backKernel, l.right, l.kernelBand, true, 3);
        stack(backUser, l.right, l.userBand, true, 3);
        // A box alone in its band on the way back is two rows high, so its text can be large.
        for (const auto* ids : {&backKernel, &backUser}) {
            if (ids->size() == 1) {
                QRectF& r = l.steps[std::size_t(ids->front())];
                r.setTop(r.top() - r.height() - l.gap);
            }
        }
    } else {
        stack(backUser, l.right, l.userBand, true, 3);
    }
    return l;
}

QFont monoFont(double px, bool bold = false) {
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    f.setPixelSize(std::max(6, int(std::lround(px))));
    f.setBold(bold);
    return f;
}

QFont textFont(double px, bool bold = false) {
    QFont f;
    f.setPixelSize(std::max(6, int(std::lround(px))));
    f.setBold(bold);
    return f;
}

void drawArrow(QPainter& p, QPointF from, QPointF to, const QColor& color, double width) {
    p.setPen(QPen(color, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawLine(from, to);
    const QPointF d = to - from;
    const double len = std::hypot(d.x(), d.y());
    if (len < 1) {
        return;
    }
    const QPointF u = d / len;
    const QPointF n(-u.y(), u.x());
    const double head = width * 4.5;
    QPainterPath tip;
    tip.moveTo(to);
    tip.lineTo(to - u * head + n * head * 0.55);
    tip.lineTo(to - u * head - n * head * 0.55);
    tip.closeSubpath();
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawPath(tip);
    p.setBrush(Qt::NoBrush);
}

QString addressText(std::uint64_t a) {
    return QStringLiteral("0x") + QString::number(a, 16);
}

// One box: title (small, muted), symbol (large, bold, monospace) with the address beside or
// below it, then the plain lines; text shrinks to fit the box.
void drawStep(QPainter& p, const QRectF& r, const RoadStep& s, const QColor& accent,
              const QPalette& pal, double basePx, bool highlight) {
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    p.setPen(QPen(accent, std::max(1.5, basePx * (highlight ? 0.22 : 0.12))));
    p.setBrush(mix(base, accent, highlight ? 0.16 : 0.08));
    const double radius = basePx * 0.5;
    p.drawRoundedRect(r, radius, radius);
    p.setBrush(Qt::NoBrush);

    // Registers first (monospace), then the plain lines.
    std::vector<QString> lines;
    for (const RoadRegister& reg : s.registers) {
        QString t = QString::fromStdString(reg.name) + QStringLiteral(" = ") +
                    (reg.value ? registerValueText(*reg.value) : QStringLiteral("…"));
        if (!reg.meaning.empty()) {
            t += QStringLiteral("   ") + QString::fromStdString(reg.meaning);
        }
        lines.push_back(t);
    }
    for (const auto& line : s.lines) {
        lines.push_back(QString::fromStdString(line));
    }
    const QString symbol = QString::fromStdString(s.symbol);
    const QString address = s.address ? addressText(*s.address) : QString();
    const double pad = basePx * 0.55;
    const QRectF inner = r.adjusted(pad, pad * 0.6, -pad, -pad * 0.6);

    // Fit: title 0.8, symbol 1.25 and each line `lineScale` of the scale, spaced by 1.25.
    // The detail lines give way first (down to 0.72), then everything shrinks together.
    double scale = basePx;
    double lineScale = 0.95;
    const auto need = [&] { return (0.75 + 1.2 + double(lines.size()) * lineScale) * 1.18; };
    while (lineScale > 0.72 && need() * scale > inner.height()) {
        lineScale -= 0.01;
    }
    if (need() * scale > inner.height()) {
        scale = inner.height() / need();
    }
    double y = inner.top();
    p.setFont(textFont(scale * 0.75, true));
    p.setPen(mix(text, accent, 0.55));
    QFontMetricsF fmTitle(p.font());
    p.drawText(QPointF(inner.left(), y + fmTitle.ascent()),
               QString::fromStdString(s.title).toUpper());
    // The address goes top-right, on the title's line.
    if (!address.isEmpty()) {
        p.setFont(monoFont(scale * 0.9, true));
        p.setPen(accent);
        QFontMetricsF fm(p.font());
        p.drawText(QPointF(inner.right() - fm.horizontalAdvance(address), y + fm.ascent()),
                   address);
    }
    y += scale * 0.75 * 1.18;
    QFont symFont = monoFont(scale * 1.2, true);
    for (int k = 0; k < 5 && QFontMetricsF(symFont).horizontalAdvance(symbol) > inner.width();
         ++k) {
        symFont.setPixelSize(std::max(6, int(symFont.pixelSize() * 0.92)));
    }
    p.setFont(symFont);
    p.setPen(text);
    QFontMetricsF fmSym(p.font());
    p.drawText(QPointF(inner.left(), y + fmSym.ascent()),
               fmSym.elidedText(symbol, Qt::ElideRight, inner.width()));
    y += scale * 1.2 * 1.18;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const bool isRegister = i < s.registers.size();
        p.setFont(isRegister ? monoFont(scale * lineScale, true) : textFont(scale * lineScale));
        p.setPen(isRegister ? text : mix(text, base, 0.2));
        QFontMetricsF fm(p.font());
        if (y + fm.height() > inner.bottom() + 1) {
            break;
        }
        p.drawText(QPointF(inner.left(), y + fm.ascent()),
                   fm.elidedText(lines[i], Qt::ElideRight, inner.width()));
        y += scale * lineScale * 1.18;
    }
}

// The registers at the instruction (or at the vDSO call) as a table in the middle column.
void drawRegisters(QPainter& p, const QRectF& r, const RoadStep& s, const QPalette& pal,
                   double basePx, const QColor& accent) {
    const QColor text = pal.color(QPalette::Text);
    const QColor base = pal.color(QPalette::Base);
    p.setPen(QPen(mix(base, text, 0.35), 1.0, Qt::DashLine));
    p.setBrush(mix(base, text, 0.03));
    p.drawRoundedRect(r, basePx * 0.4, basePx * 0.4);
    p.setBrush(Qt::NoBrush);
    const double pad = basePx * 0.6;
    const QRectF inner = r.adjusted(pad, pad * 0.6, -pad, -pad * 0.6);
    const int rows = int(s.registers.size());
    double scale = basePx;
    const double need = 1.0 + rows * 2.0; // title, then two lines per register
    if (need * 1.2 * scale > inner.height()) {
        scale = inner.height() / (need * 1.2);
    }
    double y = inner.top();
    p.setFont(textFont(scale * 0.85, true));
    p.setPen(mix(text, accent, 0.55));
    QFontMetricsF ft(p.font());
    p.drawText(QPointF(inner.left(), y + ft.ascent()),
               QObject::tr("REGISTERS AT %1").arg(QString::fromStdString(s.symbol).toUpper()));
    y += scale * 1.2;
    const QFont regFont = monoFont(scale * 1.05, true);
    const QFont valFont = monoFont(scale * 1.05);
    const QFont meaningFont = textFont(scale * 0.9);
    QFontMetricsF fmReg(regFont);
    const double regW = fmReg.horizontalAdvance(QStringLiteral("r10 "));
    for (const RoadRegister& reg : s.registers) {
        p.setFont(regFont);
        p.setPen(accent);
        p.drawText(QPointF(inner.left(), y + fmReg.ascent()), QString::fromStdString(reg.name));
        p.setFont(valFont);
        p.setPen(text);
        QFontMetricsF fmVal(valFont);
        const QString value = reg.value ? registerValueText(*reg.value) : QStringLiteral("…");
        p.drawText(QPointF(inner.left() + regW, y + fmVal.ascent()),
                   fmVal.elidedText(value, Qt::ElideRight, inner.width() - regW));
        y += scale * 1.05 * 1.15;
        if (!reg.meaning.empty()) {
            p.setFont(meaningFont);
            p.setPen(mix(text, base, 0.25));
            QFontMetricsF fm(meaningFont);
            p.drawText(QPointF(inner.left() + regW, y + fm.ascent()),
                       fm.elidedText(QString::fromStdString(reg.meaning), Qt::ElideMiddle,
                                     inner.width() - regW));
        }
        y += scale * 0.9 * 1.25;
    }
}

void drawWrapped(QPainter& p, const QRectF& r, const QString& text, const QFont& font,
                 const QColor& color) {
    p.setFont(font);
    p.setPen(color);
    p.drawText(r, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
}

} // namespace

QString registerValueText(std::uint64_t value) {
    const auto v = std::int64_t(value);
    if (v > -65536 && v < 1000000) {
        return QString::number(v);
    }
    return addressText(value);
}

std::vector<QRectF> roadStepRects(const QRectF& rect, const SyscallRoad& road) {
    return layoutFor(rect, road, 1.0).steps;
}

void paintRoad(QPainter& p, const QRectF& rect, const SyscallRoad& road,
               const RoadPaintOptions& options) {
    const QPalette& pal = options.palette;
    const Layout l = layoutFor(rect, road, options.fontScale);
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const QColor user = pal.color(QPalette::Highlight);
    const QColor kernel = kernelColor(pal);
    const QColor error = errorColor(pal);
    const QColor vdso = vdsoColor(pal);

    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect, base);

    // Bands.
    p.fillRect(l.kernelBand, mix(base, kernel, 0.07));
    p.setPen(QPen(mix(base, kernel, 0.8), std::max(2.0, l.basePx * 0.15), Qt::DashLine));
    p.drawLine(QPointF(l.kernelBand.left(), l.kernelBand.top()),
               QPointF(l.kernelBand.right(), l.kernelBand.top()));
    const auto bandLabel = [&](const QRectF& band, const QString& label, const QColor& c) {
        p.save();
        p.setFont(textFont(l.basePx * 0.95, true));
        p.setPen(c);
        p.translate(band.left() + l.basePx * 1.4, band.center().y());
        p.rotate(-90);
        QFontMetricsF fm(p.font());
        p.drawText(QPointF(-fm.horizontalAdvance(label) / 2, 0), label);
        p.restore();
    };
    bandLabel(l.userBand, QObject::tr("USER SPACE · ring 3"), mix(text, user, 0.6));
    bandLabel(l.kernelBand, QObject::tr("KERNEL · ring 0"), kernel);

    // Header: the call as strace shows it, and what kind of road this is.
    const QString call = QString::fromStdString(road.call);
    QFont callFont = monoFont(l.basePx * 1.45, true);
    for (int k = 0; k < 8 && QFontMetricsF(callFont).horizontalAdvance(call) > l.header.width();
         ++k) {
        callFont.setPixelSize(std::max(8, int(callFont.pixelSize() * 0.92)));
    }
    p.setFont(callFont);
    p.setPen(road.vdso ? vdso : text);
    QFontMetricsF fmCall(p.font());
    p.drawText(
        QPointF(l.header.left(), l.header.top() + fmCall.ascent()),
        fmCall.elidedText(QString::fromStdString(road.call), Qt::ElideRight, l.header.width()));
    QString sub;
    if (road.vdso) {
        sub = QObject::tr("vDSO call: %1 never enters the kernel — the short road")
                  .arg(QString::fromStdString(road.name));
    } else {
        sub = QObject::tr("%1 syscall %2 (%3) — %4")
                  .arg(QString::fromLatin1(archName(road.arch)))
                  .arg(road.nr)
                  .arg(QString::fromStdString(road.name),
                       road.fromEvent
                           ? QObject::tr("one recorded call: its values, this boot's addresses")
                           : QObject::tr("from the syscall table, no recorded values"));
    }
    p.setFont(textFont(l.basePx * 1.0));
    p.setPen(mix(text, base, 0.3));
    QFontMetricsF fmSub(p.font());
    p.drawText(QPointF(l.header.left(), l.header.top() + fmCall.height() * 1.1 + fmSub.ascent()),
               fmSub.elidedText(sub, Qt::ElideRight, l.header.width()));

    // Arrows first, boxes on top.
    const double aw = std::max(2.0, l.basePx * 0.18);
    const auto centerBottom = [](const QRectF& r) { return QPointF(r.center().x(), r.bottom()); };
    const auto centerTop = [](const QRectF& r) { return QPointF(r.center().x(), r.top()); };
    int lastIn = -1;
    int firstBack = -1;
    for (int i = 0; i < int(road.steps.size()); ++i) {
        const RoadStep& s = road.steps[std::size_t(i)];
        if (isWayBack(s.kind)) {
            if (firstBack < 0) {
                firstBack = i;
            }
            continue;
        }
        if (lastIn >= 0) {
            const QRectF& a = l.steps[std::size_t(lastIn)];
            const QRectF& b = l.steps[std::size_t(i)];
            const QColor c =
                s.inKernel ? kernel : (s.kind == RoadStepKind::VdsoFunction ? vdso : user);
            drawArrow(p, centerBottom(a), centerTop(b), c, aw);
        }
        lastIn = i;
    }
    if (lastIn >= 0 && firstBack >= 0) {
        const QRectF& a = l.steps[std::size_t(lastIn)];
        const QRectF& b = l.steps[std::size_t(firstBack)];
        const double y = std::min(a.center().y(), b.bottom() - l.gap);
        const QPointF from(a.right(), a.center().y());
        const QColor c =
            road.steps[std::size_t(firstBack)].inKernel ? kernel : (road.vdso ? vdso : user);
        if (a.center().y() > b.top() + aw * 3 && a.center().y() < b.bottom() - aw * 3) {
            drawArrow(p, from, QPointF(b.left(), a.center().y()), c, aw);
        } else {
            // Along under the registers, then into the first box of the way back.
            const double yy = std::max(y, b.center().y());
            p.setPen(QPen(c, aw));
            p.drawLine(from, QPointF(b.left() - l.gap * 0.5, a.center().y()));
            p.drawLine(QPointF(b.left() - l.gap * 0.5, a.center().y()),
                       QPointF(b.left() - l.gap * 0.5, yy));
            drawArrow(p, QPointF(b.left() - l.gap * 0.5, yy), QPointF(b.left(), yy), c, aw);
        }
    }
    for (int i = firstBack < 0 ? int(road.steps.size()) : firstBack + 1; i < int(road.steps.size());
         ++i) {
        const QRectF& a = l.steps[std::size_t(i - 1)];
        const QRectF& b = l.steps[std::size_t(i)];
        const RoadStep& s = road.steps[std::size_t(i)];
        drawArrow(p, centerTop(a), centerBottom(b), s.kind == RoadStepKind::Errno ? error : user,
                  aw);
    }

    // Boxes.
    const RoadStep* registers = nullptr;
    for (std::size_t i = 0; i < road.steps.size(); ++i) {
        const RoadStep& s = road.steps[i];
        QColor accent = s.inKernel ? kernel : user;
        if (s.kind == RoadStepKind::VdsoFunction) {
            accent = vdso;
        } else if (s.kind == RoadStepKind::Errno) {
            accent = error;
        }
        RoadStep shown = s;
        if (s.kind == RoadStepKind::Instruction || s.kind == RoadStepKind::VdsoFunction) {
            registers = &s;
            shown.registers.clear(); // drawn in the middle column
        }
        const bool highlight =
            s.kind == RoadStepKind::Instruction || s.kind == RoadStepKind::Handler ||
            s.kind == RoadStepKind::VdsoFunction || s.kind == RoadStepKind::Errno;
        drawStep(p, l.steps[i], shown, accent, pal, l.basePx, highlight);
    }
    if (registers && !registers->registers.empty()) {
        // A vDSO road crosses the user band's bottom row on its way back: stay above it.
        const double h = road.vdso ? l.userBand.height() * 0.64 : l.userBand.height() - 2 * l.gap;
        const QRectF r(l.middle.left(), l.userBand.top() + l.gap, l.middle.width(), h);
        drawRegisters(p, r, *registers, pal, l.basePx,
                      registers->kind == RoadStepKind::VdsoFunction ? vdso : user);
    }

    // The kernel band's middle: what is true of this boot's addresses.
    QString note;
    if (road.vdso) {
        note = QObject::tr("The kernel is not entered: the vDSO is kernel code mapped into the "
                           "process, reading data the kernel keeps up to date in [vvar].");
        if (!road.kaslrNote.empty()) {
            note += QStringLiteral("\n\n") + QString::fromStdString(road.kaslrNote);
        }
    } else {
        note = QString::fromStdString(road.kaslrNote);
        if (!road.addressNote.empty()) {
            note += QStringLiteral("\n\n") + QString::fromStdString(road.addressNote);
        }
    }
    // A syscall's note stays above the kernel band's bottom row, where the way back crosses;
    // a vDSO road leaves the whole kernel band to it.
    const QRectF noteRect =
        road.vdso ? QRectF(l.left.left(), l.kernelBand.top() + l.gap,
                           l.right.right() - l.left.left(), l.kernelBand.height() - 2 * l.gap)
                  : QRectF(l.middle.left(), l.kernelBand.top() + l.gap, l.middle.width(),
                           l.kernelBand.height() * 0.64);
    if (road.vdso) {
        note.replace(QStringLiteral("\n\n"), QStringLiteral(" "));
    }
    QFont nf = textFont(l.basePx * (road.vdso ? 1.1 : 0.95));
    // Shrink until the note fits.
    for (int k = 0; k < 6; ++k) {
        QFontMetricsF fm(nf);
        const QRectF need = fm.boundingRect(noteRect, Qt::TextWordWrap, note);
        if (need.height() <= noteRect.height()) {
            break;
        }
        nf.setPixelSize(std::max(6, int(nf.pixelSize() * 0.88)));
    }
    drawWrapped(p, noteRect, note, nf, road.addressNote.empty() ? mix(text, base, 0.2) : error);
    p.restore();
}

} // namespace syscope::gui::road
