// Request ids and the request log: one line per request, as text or as
// JSON lines (--log-format json) for log collectors.
#pragma once

#include "server/reply.h"

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace server {

enum class LogFormat { Text, Json };

inline constexpr std::size_t kMaxRequestIdChars = 64;

// The client's X-Request-Id kept to letters, digits and `-_.:/+=@`, at most
// kMaxRequestIdChars; a fresh random one when nothing is left of it.
std::string request_id(std::string_view given);

// Sets X-Request-Id on the reply and, in a JSON error body
// (`{"error": ...}`), adds "request_id", so that a user reporting an error
// can name the log line.
void tag_reply(Reply& reply, const std::string& id);

struct LoggedRequest {
    std::chrono::system_clock::time_point time;
    std::string_view method;
    std::string_view target;  // as received: path and query string
    int status = 0;
    std::size_t bytes = 0;    // of the body sent
    std::chrono::nanoseconds duration{0};
    std::string_view request_id;
};

// The log line (with its newline). The query string is left out unless
// `with_query`: queries can say what a journalist is working on.
std::string log_line(const LoggedRequest& request, LogFormat format, bool with_query);

}  // namespace server
