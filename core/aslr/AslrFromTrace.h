// Region bases of a recorded program, so that several .syscope files of the same program can be
// compared like the runs of an experiment (syscope-cli aslr --from).
#pragma once

#include "aslr/AslrRegions.h"

#include <optional>
#include <string>

namespace syscope {

class TraceStore;

// The bases of the traced program: the first launched (or attached) process, in the image of
// its last exec. Each region's base comes from the first maps snapshot after that exec that
// shows it; [heap] falls back to the first successful brk() and anon_mmap is the first
// anonymous non-fixed mmap() -- the same definitions as AslrExperiment. Fails when the trace
// holds no address map of that process (recorded with --no-maps, or an empty trace).
std::optional<AslrBases> aslrBasesFromTrace(const TraceStore& store, std::string* error);

} // namespace syscope
