// What the road views know about the running kernel: /proc/kallsyms (with the reason when the
// addresses are hidden) and this kernel's vDSO image (symbol offsets). Read once per process,
// on first use: kallsyms does not change while the machine is up.
#pragma once

#include "kernel/Kallsyms.h"
#include "vdso/VdsoImage.h"

#include <QString>
#include <optional>

namespace syscope::gui::road {

struct KernelFacts {
    std::optional<Kallsyms> kallsyms;
    QString kallsymsError; // why kallsyms could not be read
    std::optional<VdsoImage> vdso;

    const Kallsyms* symbols() const { return kallsyms ? &*kallsyms : nullptr; }
    // One plain sentence about kernel addresses for the views' notes: hidden (and why),
    // unreadable, or "Kernel addresses change at every boot (KASLR); this boot: text at 0x...".
    QString addressNote() const;

    static const KernelFacts& get();
};

} // namespace syscope::gui::road
