#include "road/KernelFacts.h"

namespace syscope::gui::road {

const KernelFacts& KernelFacts::get() {
    static const KernelFacts facts = [] {
        KernelFacts f;
        std::string error;
        f.kallsyms = Kallsyms::read(&error);
        if (!f.kallsyms) {
            f.kallsymsError = QString::fromStdString(error);
        }
        f.vdso = VdsoImage::fromSelf(&error);
        return f;
    }();
    return facts;
}

QString KernelFacts::addressNote() const {
    if (!kallsyms) {
        return QStringLiteral("Kernel addresses unavailable: %1").arg(kallsymsError);
    }
    if (kallsyms->addressesHidden()) {
        return QStringLiteral("Kernel addresses hidden: %1")
            .arg(QString::fromStdString(kallsyms->access().hiddenReason()));
    }
    QString note = QStringLiteral("Kernel addresses change at every boot (KASLR).");
    if (auto base = kallsyms->textBase()) {
        note += QStringLiteral(" This boot: kernel text at %1")
                    .arg(QString::fromStdString(kernelAddressText(*base)));
        if (*base == kX86_64DefaultTextBase) {
            note += QStringLiteral(" (the link-time default: KASLR is off this boot)");
        }
        note += QLatin1Char('.');
    }
    return note;
}

} // namespace syscope::gui::road
