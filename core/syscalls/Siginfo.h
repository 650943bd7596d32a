// siginfo as strace prints it in a signal line: "{si_signo=SIGCHLD, si_code=CLD_EXITED, ...}".
#pragma once

#include "trace/Event.h"

#include <csignal>
#include <string>

namespace syscope {

// The fields strace 6.1 shows for this signal and code, in its order and notation: si_code by
// name (SI_USER, SEGV_MAPERR, CLD_EXITED, ...), then si_errno when set, the sender for signals
// from processes, the child's status and times for SIGCHLD, the address for SIGSEGV, SIGBUS,
// SIGILL, SIGFPE and SIGTRAP, band and descriptor for SIGIO, the syscall for SIGSYS, and
// si_int and si_ptr for queued and timer signals.
std::string formatSiginfo(const siginfo_t& si);

// The numbers of `si` (its signo is the event's value), and the siginfo they stand for.
RawSiginfo rawSiginfo(const siginfo_t& si);
siginfo_t siginfoFromRaw(int signo, const RawSiginfo& raw);

// A Signal event with numbers and no text gets its text: what the trace's readers show.
void fillSignalDetail(ProcessEvent& ev);

} // namespace syscope
