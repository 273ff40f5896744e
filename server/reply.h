// What a handler answers, independent of the HTTP library.
#pragma once

#include <string>

namespace server {

struct Reply {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::string body;
};

// `{"error": message}` with the given status.
Reply error_reply(int status, const std::string& message);

}  // namespace server
