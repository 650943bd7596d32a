#include "util/JsonWriter.h"

#include <cmath>
#include <cstdio>

namespace syscope {

JsonWriter::JsonWriter(std::ostream& out, bool pretty)
    : m_out(out)
    , m_pretty(pretty) {
}

void JsonWriter::newline() {
    if (!m_pretty) {
        return;
    }
    m_out << '\n';
    for (size_t i = 0; i < m_first.size(); ++i) {
        m_out << "  ";
    }
}

void JsonWriter::beforeValue() {
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first.empty()) {
        if (!m_first.back()) {
            m_out << ',';
        }
        m_first.back() = false;
        newline();
    }
}

JsonWriter& JsonWriter::beginObject() {
    beforeValue();
    m_out << '{';
    m_first.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
    const bool empty = m_first.back();
    m_first.pop_back();
    if (!empty) {
        newline();
    }
    m_out << bracket;
    return *this;
}

JsonWriter& JsonWriter::endObject() {
    return close('}');
}

JsonWriter& JsonWriter::beginArray() {
    beforeValue();
    m_out << '[';
    m_first.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::endArray() {
    return close(']');
}

JsonWriter& JsonWriter::key(std::string_view name) {
    beforeValue();
    writeEscaped(m_out, name);
    m_out << (m_pretty ? ": " : ":");
    m_afterKey = true;
    return *this;
}

void JsonWriter::writeEscaped(std::ostream& out, std::string_view text) {
    out << '"';
    for (unsigned char c : text) {
        switch (c) {
        case '"':
            out << "\\\"";
            break;
        case '\\':
            out << "\\\\";
            break;
        case '\n':
            out << "\\n";
            break;
        case '\r':
            out << "\\r";
            break;
        case '\t':
            out << "\\t";
            break;
        default:
            if (c < 0x20 || c == 0x7f) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out << buf;
            } else {
                out << static_cast<char>(c);
            }
        }
    }
    out << '"';
}

JsonWriter& JsonWriter::value(std::string_view text) {
    beforeValue();
    writeEscaped(m_out, text);
    return *this;
}

JsonWriter& JsonWriter::value(bool b) {
    beforeValue();
    m_out << (b ? "true" : "false");
    return *this;
}

JsonWriter& JsonWriter::value(std::int64_t n) {
    beforeValue();
    m_out << n;
    return *this;
}

JsonWriter& JsonWriter::value(std::uint64_t n) {
    beforeValue();
    m_out << n;
    return *this;
}

JsonWriter& JsonWriter::value(double d) {
    beforeValue();
    if (!std::isfinite(d)) {
        m_out << "null";
        return *this;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", d);
    m_out << buf;
    return *this;
}

JsonWriter& JsonWriter::null() {
    beforeValue();
    m_out << "null";
    return *this;
}

JsonWriter& JsonWriter::hexValue(std::uint64_t n) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(n));
    return value(std::string_view(buf));
}

} // namespace syscope
