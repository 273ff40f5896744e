// server --db DIR [--port 8080] [--bind 127.0.0.1] [--threads N] [--max-connections N] [--shard-timeout MS] [--log-format json]
#include "core/dictionary.h"
#include "core/index_location.h"
#include "core/index_writer.h"
#include "core/sharded_index_writer.h"
#include "core/version.h"
#include "server/http_server.h"
#include "server/index_handle.h"
#include "server/write_api.h"

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

namespace {

constexpr const char* kUsage =
    "usage: server --db DIR [--port 8080] [--bind 127.0.0.1] [--threads N] [--max-connections 4096]\n"
    "              [--shard-timeout 2000] [--write-token-file FILE] [--write-niceness 10] [--quiet]\n"
    "              [--log-format text|json] [--log-query] [--no-metrics] [--version]\n"
    "  Serves the index at DIR (made by `indexer --db DIR ...`) over HTTP:\n"
    "  /api/search?q=..., /api/doc/{id}, /healthz, and the search page at /.\n"
    "  DIR may be a stub file or folder listing shards (`auto PATH`, `remote tcp HOST PORT`);\n"
    "  a remote shard that takes longer than --shard-timeout ms is left out of the answer.\n"
    "  Binds to 127.0.0.1 unless --bind says otherwise. Port 0 picks a free one.\n"
    "  Connections over --max-connections are closed at once.\n"
    "  --write-token-file FILE turns on POST /api/articles and DELETE /api/articles/{id}\n"
    "  for callers sending `Authorization: Bearer <the token in FILE>`; the server is then\n"
    "  the index's one writer (an empty index is made when DIR does not exist); over local\n"
    "  shards each article goes to the shard its id hashes to, as `indexer --shards` splits.\n"
    "  POST /api/admin/compact (same token) packs the index into a new generation.\n"
    "  Writes are analysed and committed --write-niceness steps (0-19) below the searches'\n"
    "  priority, so that searches go first while articles are ingested.\n"
    "  Each request is logged to stderr, one line: method, path, status, bytes, duration and\n"
    "  request id (X-Request-Id, taken from the request or made up, returned with every answer);\n"
    "  --log-format json writes JSON lines, --log-query adds the query string, --quiet logs nothing.\n"
    "  GET /metrics answers Prometheus' text format (requests, latency, refusals, index state)\n"
    "  unless --no-metrics.\n";

bool parse_number(const std::string& text, unsigned long max, unsigned long& out) {
    char* end = nullptr;
    out = std::strtoul(text.c_str(), &end, 10);
    return !text.empty() && *end == '\0' && out <= max;
}

bool parse_options(int argc, char** argv, std::string& db, server::ServerOptions& options,
                   server::ShardOptions& shard_options, std::string& token_file, int& write_niceness) {
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
        } else if (arg == "--max-connections" && has_value && parse_number(argv[i + 1], 1000000, number) &&
                   number > 0) {
            options.max_connections = number;
            ++i;
        } else if (arg == "--shard-timeout" && has_value && parse_number(argv[i + 1], 600000, number) && number > 0) {
            shard_options.timeout = std::chrono::milliseconds(number);
            ++i;
        } else if (arg == "--write-token-file" && has_value) {
            token_file = argv[++i];
        } else if (arg == "--write-niceness" && has_value && parse_number(argv[i + 1], 19, number)) {
            write_niceness = static_cast<int>(number);
            ++i;
        } else if (arg == "--quiet") {
            options.log_requests = false;
        } else if (arg == "--log-format" && has_value && (argv[i + 1] == std::string("text") || argv[i + 1] == std::string("json"))) {
            options.log_format = argv[++i] == std::string("json") ? server::LogFormat::Json : server::LogFormat::Text;
        } else if (arg == "--log-query") {
            options.log_query = true;
        } else if (arg == "--no-metrics") {
            options.metrics = false;
        } else {
            std::cerr << "server: bad argument " << arg << "\n";
            return false;
        }
    }
    return !db.empty();
}

// Idle keep-alive connections each hold a descriptor: allow as many as the
// system lets us, and keep the connection cap below that, with room for the
// index files, so the cap refuses connections before accept() runs out.
void fit_connections_to_open_files_limit(server::ServerOptions& options) {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
    limit.rlim_cur = limit.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &limit) != 0) getrlimit(RLIMIT_NOFILE, &limit);
    constexpr rlim_t kReserved = 128;
    if (limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur <= kReserved) return;
    if (options.max_connections > limit.rlim_cur - kReserved) options.max_connections = limit.rlim_cur - kReserved;
}

// Xapian reads an empty file as a stub naming no databases, an index of
// nothing; at start that is a mistaken --db, not something to serve.
bool is_empty_file(const std::string& db) {
    std::error_code ec;
    const std::string resolved = core::current_generation(db);
    return !resolved.empty() && std::filesystem::is_regular_file(resolved, ec) &&
           std::filesystem::file_size(resolved, ec) == 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (core::print_version_if_asked(argc, argv, "server")) return 0;
    if (argc == 2 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h")) {
        std::cout << kUsage;
        return 0;
    }
    std::string db;
    server::ServerOptions options;
    server::ShardOptions shard_options;
    std::string token_file;
    int write_niceness = server::kDefaultWriteNiceness;
    if (!parse_options(argc, argv, db, options, shard_options, token_file, write_niceness)) {
        std::cerr << kUsage;
        return 2;
    }
    fit_connections_to_open_files_limit(options);
    if (is_empty_file(db)) {
        std::cerr << "server: " << db << " is an empty file, not an index\n";
        return 1;
    }
    // The lemma cache the analysis of searches and writes shares, decided
    // once for the process (the server takes no memory budget: the default).
    core::RussianDictionary::set_cached_words(core::RussianDictionary::kDefaultCachedWords);
    server::IndexHandle index(db, shard_options);
    std::unique_ptr<core::ArticleWriter> writer;
    std::unique_ptr<server::WriteService> writes;
    try {
        if (!token_file.empty()) {
            std::string token = server::read_write_token(token_file);
            writer = core::open_article_writer(db, "server pid " + std::to_string(::getpid()));
            writes = std::make_unique<server::WriteService>(*writer, index, std::move(token), write_niceness);
        }
        const auto documents = index.searcher().document_count();
        server::HttpServer http(options, index, writes.get());
        std::printf("server: listening on http://%s:%u/ (%u documents in %s)\n", options.bind.c_str(),
                    static_cast<unsigned>(http.port()), static_cast<unsigned>(documents), db.c_str());
        std::fflush(stdout);
        // Health checks and the page answer at once; the first search waits
        // for the dictionary if it comes within the third of a second it takes.
        const std::jthread dictionary = core::RussianDictionary::load_in_background();
        http.run();
    } catch (const core::IndexLocked& e) {
        std::cerr << "server: cannot accept writes: " << e.what() << "\n";
        return 1;
    } catch (const server::IndexUnavailable& e) {
        std::cerr << "server: " << e.what() << "\n";
        return 1;
    } catch (const Xapian::Error& e) {  // not a std::exception: a corrupt index found after opening it
        std::cerr << "server: cannot read the index at " << db << ": " << e.get_description() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "server: cannot serve " << db << " on " << options.bind << ":" << options.port << ": "
                  << e.what() << "\n";
        return 1;
    }
    std::fprintf(stderr, "server: stopped\n");
    return 0;
}
