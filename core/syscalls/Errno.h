// errno names and the messages strace prints beside them, including the kernel-internal codes
// (ERESTARTSYS and friends) that a tracer sees but a program never does.
#pragma once

#include <optional>
#include <string_view>

namespace syscope {

// "ENOENT"; empty for a number without a name.
std::string_view errnoName(int e);
// "No such file or directory" (strace's texts); empty for a number without a name.
std::string_view errnoMessage(int e);
std::optional<int> errnoFromName(std::string_view name);

// Kernel-internal codes that only a tracer sees.
inline constexpr int kErestartSys = 512;
inline constexpr int kErestartNoIntr = 513;
inline constexpr int kErestartNoHand = 514;
inline constexpr int kEnoIoctlCmd = 515;
inline constexpr int kErestartRestartBlock = 516;

// True for ERESTARTSYS, ERESTARTNOINTR, ERESTARTNOHAND and ERESTART_RESTARTBLOCK: the
// call was interrupted and may be restarted; strace shows these as `= ? ERESTARTSYS (...)`.
inline bool isRestartErrno(int e) {
    return e == kErestartSys || e == kErestartNoIntr || e == kErestartNoHand ||
           e == kErestartRestartBlock;
}

} // namespace syscope
