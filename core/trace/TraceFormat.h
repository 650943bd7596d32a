// Constants of the native .syscope format shared by TraceWriter and TraceReader. The format is
// documented byte by byte in docs/FORMAT.md; keep the two in step.
#pragma once

#include <cstddef>
#include <cstdint>

namespace syscope::format {

// File header: 8 magic bytes, u32le version, u32le header flags (0).
inline constexpr unsigned char kMagic[8] = {0x89, 'S', 'Y', 'S', 'C', 'O', 'P', 'E'};
// 2: process events carry `detail`; 3: and a signal's siginfo as numbers.
inline constexpr std::uint32_t kVersion = 3;
inline constexpr std::size_t kFileHeaderSize = 16;

// Chunk header: u32le type, u32le payload length, u32le CRC-32C over type, length and payload.
inline constexpr std::size_t kChunkHeaderSize = 12;
// No chunk is larger than this; a bigger length is corruption, not a reason to allocate.
inline constexpr std::uint32_t kMaxChunkPayload = 64u << 20;
// The writer completes an event chunk once its payload reaches this size.
inline constexpr std::size_t kEventChunkTarget = 64u << 10;
// And a chunk is also closed once its events come from this many tasks: the encoder keeps each
// task's last call per syscall, and a chunk of 64 KiB from a fork loop (a new task every few
// events) made that state half a megabyte, looked up at random for every event.
inline constexpr std::size_t kEventChunkMaxTasks = 256;

enum ChunkType : std::uint32_t {
    ChunkMetadata = 1,
    ChunkStrings = 2,
    ChunkEvents = 3,
    ChunkProcessEvents = 4,
    ChunkMaps = 5,
    ChunkAuxv = 6,
    ChunkEnd = 7,
};

// Metadata fields (tag, then length-prefixed value); unknown tags are skipped by readers.
enum MetadataTag : std::uint64_t {
    TagCommandArg = 1,  // repeated, one per argv element
    TagAttachedPid = 2, // repeated, value: svarint
    TagWorkingDir = 3,
    TagStartWallNs = 4, // svarint
    TagStartMonoNs = 5, // svarint
    TagKernelRelease = 6,
    TagHostname = 7,
    TagMachine = 8,
    TagRandomizeVaSpace = 9, // svarint
    TagVsyscallMode = 10,
    TagSyscopeVersion = 11,
};

// The control byte of one encoded event.
namespace Ctl {
enum : std::uint8_t {
    ArchMask = 0x03,
    NewNr = 0x04,    // nr differs from the task's previous event in this chunk: svarint follows
    HasFlags = 0x08, // u8 flags follows (absent: 0)
    HasArgs = 0x10,  // u8 mask + one svarint delta per set bit follow (absent: all args as last)
    NewRet = 0x20,   // svarint delta of ret follows (absent: ret as last)
    HasStrings = 0x40,
    Reserved = 0x80,
};
}

} // namespace syscope::format
