// What a handler answers, independent of the HTTP library.
#pragma once

#include <functional>
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
    // A body too long to hold whole (an export of every hit): `body` is its
    // first piece, and each call appends the next to `out`, returning false
    // once the body is complete. The server sends it with chunked transfer
    // encoding, asking for a piece only when the last one is written, so the
    // answer holds one piece at a time. A piece that cannot be made throws:
    // the connection is then cut, so that the client sees the body unfinished.
    std::function<bool(std::string& out)> more;
};

// The whole body of a reply, its streamed pieces included (for tests and small callers).
std::string whole_body(Reply& reply);

// `{"error": message}` with the given status.
Reply error_reply(int status, const std::string& message);

}  // namespace server
