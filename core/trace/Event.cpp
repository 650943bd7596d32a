#include "trace/Event.h"

namespace syscope {

const char* archName(Arch arch) {
    switch (arch) {
    case Arch::X86_64:
        return "x86_64";
    case Arch::I386:
        return "i386";
    case Arch::X32:
        return "x32";
    }
    return "unknown";
}

} // namespace syscope
