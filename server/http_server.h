// The HTTP/1.1 server: Boost.Beast, asynchronous, keep-alive, a pool of
// threads. It only moves bytes; route() decides what to answer.
#pragma once

#include "server/index_handle.h"
#include "server/request_log.h"
#include "server/write_api.h"

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

namespace server {

struct ServerOptions {
    std::string bind = "127.0.0.1";
    unsigned short port = 8080;  // 0: any free port
    unsigned threads = 0;        // 0: one per core
    std::size_t max_connections = 4096;
    std::size_t max_header_bytes = 8 * 1024;   // larger: 431
    std::size_t max_body_bytes = 64 * 1024;    // larger: 413
    std::size_t max_write_body_bytes = kMaxWriteBodyBytes;  // POST /api/articles; larger: 413
    std::chrono::seconds request_timeout{20};  // a whole request must arrive within this
    std::chrono::seconds idle_timeout{60};     // keep-alive connections with no request
    std::chrono::seconds shutdown_grace{10};   // for requests in flight at SIGTERM
    bool log_requests = true;
    LogFormat log_format = LogFormat::Text;
    bool log_query = false;  // log the query string too
    bool metrics = true;     // keep counters and answer GET /metrics
};

class HttpServer {
public:
    // `writes`: the write API, or null when writes are off.
    HttpServer(ServerOptions options, IndexHandle& index, WriteService* writes = nullptr);
    ~HttpServer();

    // The port actually bound (useful with port 0).
    unsigned short port() const;
    // Serves until SIGTERM or SIGINT, then stops accepting, lets requests in
    // flight finish and returns.
    void run();

    struct State;  // shared with the sessions, which may outlive run()

private:
    std::shared_ptr<State> state_;
};

}  // namespace server
