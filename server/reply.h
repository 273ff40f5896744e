// What a handler answers, independent of the HTTP library.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace server {

struct Reply {
    Reply() = default;
    Reply(int status_code, std::string type, std::string text)
        : status(status_code), content_type(std::move(type)), body(std::move(text)) {}

    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;  // beyond Content-Type, e.g. Allow
    std::string_view route;  // the path pattern of the route that answered (set by the router), for metrics
};

// `{"error": message}` with the given status.
Reply error_reply(int status, const std::string& message);

}  // namespace server
