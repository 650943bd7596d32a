// Signal names as strace prints them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace syscope {

// "SIGSEGV"; as strace 6.1 prints them: 32 is "SIGRTMIN", 33..64 are "SIGRT_1".."SIGRT_32";
// 0 and numbers above 64 give their decimal value.
std::string signalName(int sig);
// Accepts "SIGSEGV", "SEGV", "SIGRT_3", "SIGRTMIN", "SIGRTMIN+3", "SIGRTMAX", "SIGIOT",
// "SIGPOLL" and decimal numbers.
std::optional<int> signalFromName(std::string_view name);

} // namespace syscope
