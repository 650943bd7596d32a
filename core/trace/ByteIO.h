// Little helpers to write and read the .syscope encoding: LEB128 varints, zigzag for signed
// values, fixed little-endian integers. ByteReader never reads past its end: every getter
// returns false (and stays failed) when the bytes run out or a varint is malformed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace syscope::format {

inline std::uint64_t zigzag(std::int64_t v) {
    return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
inline std::int64_t unzigzag(std::uint64_t v) {
    return static_cast<std::int64_t>((v >> 1) ^ (~(v & 1) + 1));
}

class ByteWriter {
public:
    explicit ByteWriter(std::string& out)
        : m_out(out) {}

    void u8(std::uint8_t v) { m_out.push_back(static_cast<char>(v)); }
    void u32le(std::uint32_t v) {
        char b[4] = {static_cast<char>(v), static_cast<char>(v >> 8), static_cast<char>(v >> 16),
                     static_cast<char>(v >> 24)};
        m_out.append(b, 4);
    }
    void varint(std::uint64_t v) {
        char b[10];
        int n = 0;
        while (v >= 0x80) {
            b[n++] = static_cast<char>((v & 0x7f) | 0x80);
            v >>= 7;
        }
        b[n++] = static_cast<char>(v);
        m_out.append(b, static_cast<std::size_t>(n));
    }
    void svarint(std::int64_t v) { varint(zigzag(v)); }
    void bytes(std::string_view s) {
        varint(s.size());
        m_out.append(s);
    }

private:
    std::string& m_out;
};

// The same encoding into a fixed buffer that the caller sized for the worst case (no bounds
// checks): for the event encoder, which appends one finished event to its chunk at a time.
class ArrayWriter {
public:
    explicit ArrayWriter(char* out)
        : m_begin(out)
        , m_p(out) {}

    void u8(std::uint8_t v) { *m_p++ = static_cast<char>(v); }
    void varint(std::uint64_t v) {
        while (v >= 0x80) {
            *m_p++ = static_cast<char>((v & 0x7f) | 0x80);
            v >>= 7;
        }
        *m_p++ = static_cast<char>(v);
    }
    void svarint(std::int64_t v) { varint(zigzag(v)); }
    std::string_view written() const { return {m_begin, static_cast<std::size_t>(m_p - m_begin)}; }

private:
    char* m_begin;
    char* m_p;
};

class ByteReader {
public:
    ByteReader(const unsigned char* data, std::size_t size)
        : m_p(data)
        , m_end(data + size) {}

    bool ok() const { return m_ok; }
    bool atEnd() const { return m_p == m_end; }
    std::size_t remaining() const { return static_cast<std::size_t>(m_end - m_p); }

    bool u8(std::uint8_t* v) {
        if (!m_ok || m_p == m_end) {
            return m_ok = false;
        }
        *v = *m_p++;
        return true;
    }
    bool varint(std::uint64_t* v) {
        if (!m_ok) {
            return false;
        }
        std::uint64_t result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_p == m_end) {
                return m_ok = false;
            }
            const std::uint8_t b = *m_p++;
            if (shift == 63 && (b & 0x7e)) {
                return m_ok = false; // more than 64 bits
            }
            result |= static_cast<std::uint64_t>(b & 0x7f) << shift;
            if (!(b & 0x80)) {
                *v = result;
                return true;
            }
        }
        return m_ok = false;
    }
    bool svarint(std::int64_t* v) {
        std::uint64_t u;
        if (!varint(&u)) {
            return false;
        }
        *v = unzigzag(u);
        return true;
    }
    // A varint that must fit in 32 signed bits.
    bool svarint32(std::int32_t* v) {
        std::int64_t w;
        if (!svarint(&w) || w < INT32_MIN || w > INT32_MAX) {
            return m_ok = false;
        }
        *v = static_cast<std::int32_t>(w);
        return true;
    }
    bool count(std::uint64_t* v, std::uint64_t max) {
        if (!varint(v) || *v > max) {
            return m_ok = false;
        }
        return true;
    }
    bool bytes(std::string_view* s) {
        std::uint64_t n;
        if (!varint(&n) || n > remaining()) {
            return m_ok = false;
        }
        *s = std::string_view(reinterpret_cast<const char*>(m_p), static_cast<std::size_t>(n));
        m_p += n;
        return true;
    }

private:
    const unsigned char* m_p;
    const unsigned char* m_end;
    bool m_ok = true;
};

inline std::uint32_t loadU32le(const unsigned char* p) {
    return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
           static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}

} // namespace syscope::format
