// Maps a request to the handler that answers it, by a table of routes
// (method, path, handler) in router.cpp: a new endpoint is one row there.
#pragma once

#include "server/index_handle.h"
#include "server/reply.h"
#include "server/request.h"

#include <string_view>
#include <vector>

namespace server {

class WriteService;
class Metrics;

// What the handlers answer from: the index, and the write API when the
// server takes writes.
struct Services {
    IndexHandle& index;
    WriteService* writes = nullptr;  // null: writes are off (403)
    bool stopping = false;           // the server is shutting down: writes get 503
    Metrics* metrics = nullptr;      // null: no metrics kept (/metrics answers 404)
};

using Handler = Reply (*)(const Request& request, Services& services);

struct Route {
    Method method;
    // An exact path, or one ending in `{name}`: then any rest of the path
    // (slashes included) matches and is given as Request::path_value.
    std::string_view path;
    Handler handler;
    bool html = false;  // answers pages: failures are shown as a page too
};

// Answers the request with that method and raw target (path and query
// string, percent-encoded); `request` brings the headers and body. Never
// throws: every failure becomes a Reply with a fitting status. A GET route
// answers HEAD too; a method no route takes for the path gets 405 with Allow.
Reply route(Method method, std::string_view target, Services& services, Request request);
// The path patterns of the route table, each once (the label of metrics).
std::vector<std::string_view> route_patterns();
// The same with reads only: no write API.
Reply route(Method method, std::string_view target, IndexHandle& index, Request request = {});

}  // namespace server
