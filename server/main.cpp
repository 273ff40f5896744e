// server --db DIR [--port 8080] [--bind 127.0.0.1] [--threads N]
#include "server/http_server.h"
#include "server/index_handle.h"

#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

namespace {

constexpr const char* kUsage =
    "usage: server --db DIR [--port 8080] [--bind 127.0.0.1] [--threads N] [--quiet]\n"
    "  Serves the index at DIR (made by `indexer --db DIR ...`) over HTTP:\n"
    "  /api/search?q=..., /api/doc/{id}, /healthz, and the search page at /.\n"
    "  Binds to 127.0.0.1 unless --bind says otherwise. Port 0 picks a free one.\n";

bool parse_number(const std::string& text, unsigned long max, unsigned long& out) {
    char* end = nullptr;
    out = std::strtoul(text.c_str(), &end, 10);
    return !text.empty() && *end == '\0' && out <= max;
}

bool parse_options(int argc, char** argv, std::string& db, server::ServerOptions& options) {
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        unsigned long number = 0;
        if (arg == "--db" && has_value) {
            db = argv[++i];
        } else if (arg == "--port" && has_value && parse_number(argv[i + 1], 65535, number)) {
            options.port = static_cast<unsigned short>(number);
            ++i;
        } else if (arg == "--bind" && has_value) {
            options.bind = argv[++i];
        } else if (arg == "--threads" && has_value && parse_number(argv[i + 1], 256, number)) {
            options.threads = static_cast<unsigned>(number);
            ++i;
        } else if (arg == "--quiet") {
            options.log_requests = false;
        } else {
            std::cerr << "server: bad argument " << arg << "\n";
            return false;
        }
    }
    return !db.empty();
}

// Idle keep-alive connections each hold a descriptor: allow as many as the
// system lets us.
void raise_open_files_limit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
}

}  // namespace

int main(int argc, char** argv) {
    std::string db;
    server::ServerOptions options;
    if (!parse_options(argc, argv, db, options)) {
        std::cerr << kUsage;
        return 2;
    }
    raise_open_files_limit();
    server::IndexHandle index(db);
    try {
        const auto documents = index.searcher().document_count();
        server::HttpServer http(options, index);
        std::printf("server: listening on http://%s:%u/ (%u documents in %s)\n", options.bind.c_str(),
                    static_cast<unsigned>(http.port()), static_cast<unsigned>(documents), db.c_str());
        std::fflush(stdout);
        http.run();
    } catch (const server::IndexUnavailable& e) {
        std::cerr << "server: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "server: cannot serve " << db << " on " << options.bind << ":" << options.port << ": "
                  << e.what() << "\n";
        return 1;
    }
    std::fprintf(stderr, "server: stopped\n");
    return 0;
}
