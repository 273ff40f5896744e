// Request targets: path and query-string parameters, percent-decoded.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace server {

struct Target {
    std::string path;                          // decoded
    std::map<std::string, std::string> params; // decoded; the first of repeated keys wins
    bool valid = true;                         // false on bad percent-encoding
};

Target parse_target(std::string_view target);

// Percent-decodes (and turns '+' into a space when `form` is set); nullopt
// when a '%' is not followed by two hex digits.
std::optional<std::string> percent_decode(std::string_view text, bool form);

// Percent-encodes everything but unreserved characters, for building links.
std::string percent_encode(std::string_view text);

}  // namespace server
