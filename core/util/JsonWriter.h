// A small streaming JSON writer: the CLI's --json outputs and the Chrome trace export use it.
#pragma once

#include <cstdint>
#include <ostream>
#include <string_view>
#include <vector>

namespace syscope {

class JsonWriter {
public:
    explicit JsonWriter(std::ostream& out, bool pretty = false);

    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    JsonWriter& key(std::string_view name);

    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(bool b);
    JsonWriter& value(std::int64_t n);
    JsonWriter& value(std::uint64_t n);
    JsonWriter& value(int n) { return value(static_cast<std::int64_t>(n)); }
    JsonWriter& value(unsigned n) { return value(static_cast<std::uint64_t>(n)); }
    JsonWriter& value(long long n) { return value(static_cast<std::int64_t>(n)); }
    JsonWriter& value(unsigned long long n) { return value(static_cast<std::uint64_t>(n)); }
    JsonWriter& value(double d);
    JsonWriter& null();
    // Addresses exceed JSON's exact integer range, so they travel as "0x..." strings.
    JsonWriter& hexValue(std::uint64_t n);

    template <typename T>
    JsonWriter& field(std::string_view name, const T& v) {
        key(name);
        return value(v);
    }

    static void writeEscaped(std::ostream& out, std::string_view text);

private:
    void beforeValue();
    void newline();
    JsonWriter& close(char bracket);

    std::ostream& m_out;
    bool m_pretty;
    std::vector<bool> m_first; // per open container: no element written yet
    bool m_afterKey = false;
};

} // namespace syscope
