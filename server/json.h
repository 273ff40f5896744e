// The one way answers write JSON: a small writer appending to a string, with
// the escaping and number formatting of every endpoint in one place. It is
// as fast as hand-written appends (the search answer is on the hot path):
// nlohmann's tree of ten hits and its serializer cost more than a tenth of a
// search. Invalid UTF-8 in a string becomes U+FFFD, never a failure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace server {

class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : out_(out) {}

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    // The name of the next value in an object: a plain ASCII name, written as it is.
    JsonWriter& key(std::string_view name);

    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(double number);  // not finite: 0
    JsonWriter& value(std::uint64_t number);
    JsonWriter& value(unsigned number) { return value(std::uint64_t{number}); }
    JsonWriter& value(unsigned long long number) { return value(static_cast<std::uint64_t>(number)); }
    JsonWriter& value(bool flag);

    // A value to be filled in later, at the returned offset of the output
    // (a time taken that includes writing the rest).
    std::size_t value_slot();

    // key(name).value(v) in one call.
    template <class Value>
    JsonWriter& field(std::string_view name, const Value& v) {
        return key(name).value(v);
    }

private:
    void separate();

    std::string& out_;
    bool need_comma_ = false;
};

}  // namespace server
