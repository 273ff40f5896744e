#include "server/metrics.h"

#include "core/index_location.h"
#include "core/version.h"

#include <sys/stat.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>

namespace server {
namespace {

constexpr const char* kTextFormat = "text/plain; version=0.0.4; charset=utf-8";
constexpr std::array kRefusalNames = {"bad_request", "payload_too_large", "uri_too_long", "headers_too_large",
                                      "connection_limit"};

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// A label value with Prometheus' escapes (backslash, double quote, newline).
std::string label(std::string_view value) {
    std::string out;
    for (char c : value) {
        if (c == '\\') out += "\\\\";
        else if (c == '"') out += "\\\"";
        else if (c == '\n') out += "\\n";
        else out += c;
    }
    return out;
}

std::string number(double value) {
    if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string number(std::uint64_t value) { return std::to_string(value); }

void header(std::string& out, const char* name, const char* type, const char* help) {
    out += "# HELP ";
    out += name;
    out += ' ';
    out += help;
    out += "\n# TYPE ";
    out += name;
    out += ' ';
    out += type;
    out += '\n';
}

void sample(std::string& out, std::string_view name, std::string_view labels, const std::string& value) {
    out += name;
    if (!labels.empty()) {
        out += '{';
        out += labels;
        out += '}';
    }
    out += ' ';
    out += value;
    out += '\n';
}

void single(std::string& out, const char* name, const char* type, const char* help, const std::string& value) {
    header(out, name, type, help);
    sample(out, name, "", value);
}

// Seconds since the epoch of a file's last change, or of a symbolic link itself; 0 when absent.
double changed_at(const std::string& path, bool link_itself) {
    struct stat info {};
    if ((link_itself ? ::lstat(path.c_str(), &info) : ::stat(path.c_str(), &info)) != 0) return 0;
    return static_cast<double>(info.st_mtim.tv_sec) + static_cast<double>(info.st_mtim.tv_nsec) / 1e9;
}

// Documents, shard state and the generation: read from the index, cheaply, on each scrape.
void render_index(std::string& out, IndexHandle& index, std::int64_t last_commit_ms) {
    const std::vector<ShardHealth> shards = index.shard_health();
    std::uint64_t documents = 0;
    for (const ShardHealth& shard : shards) documents += shard.up ? shard.documents : 0;
    if (shards.empty()) documents = index.run([](core::Searcher& s) { return s.document_count(); });
    single(out, "newsearch_index_documents", "gauge", "Documents in the index (in the shards that answer).",
           number(documents));
    header(out, "newsearch_shard_up", "gauge", "1 when the shard (or the one database) answers, else 0.");
    for (const ShardHealth& shard : shards) sample(out, "newsearch_shard_up", "shard=\"" + label(shard.label) + "\"", shard.up ? "1" : "0");

    const std::string generation = core::current_generation(index.db_path());
    header(out, "newsearch_index_generation_info", "gauge", "The generation the index path points at now.");
    sample(out, "newsearch_index_generation_info",
           "generation=\"" + label(std::filesystem::path(generation).filename().string()) + "\"", "1");
    const double switched = changed_at(index.db_path(), true);
    const double committed = std::max(changed_at(generation + "/iamglass", false), static_cast<double>(last_commit_ms) / 1e3);
    single(out, "newsearch_index_switched_timestamp_seconds", "gauge",
           "When the index path was last pointed at a new generation (seconds since the epoch).", number(switched));
    single(out, "newsearch_index_committed_timestamp_seconds", "gauge",
           "When the current generation was last committed to (seconds since the epoch; 0 unknown).", number(committed));
    const double changed = std::max(switched, committed);
    single(out, "newsearch_index_age_seconds", "gauge", "Seconds since the index was last switched or committed.",
           number(changed > 0 ? std::max(0.0, static_cast<double>(now_ms()) / 1e3 - changed) : 0.0));
}

}  // namespace

Metrics::Metrics(std::vector<std::string_view> routes) : routes_(std::move(routes)), started_ms_(now_ms()) {
    routes_.push_back(kNoRoute);
    counters_ = std::make_unique<RouteCounters[]>(routes_.size());
}

std::size_t Metrics::route_index(std::string_view route) const {
    for (std::size_t i = 0; i + 1 < routes_.size(); ++i) {
        if (routes_[i] == route) return i;
    }
    return routes_.size() - 1;
}

void Metrics::count_request(std::string_view route, int status, std::chrono::nanoseconds took) {
    RouteCounters& counters = counters_[route_index(route)];
    const std::size_t code = status >= 100 && status < 600 ? static_cast<std::size_t>(status) : 0;
    counters.by_status[code].fetch_add(1, std::memory_order_relaxed);
    const double seconds = std::chrono::duration<double>(took).count();
    const std::size_t bucket = static_cast<std::size_t>(
        std::lower_bound(kBuckets.begin(), kBuckets.end(), seconds) - kBuckets.begin());
    counters.buckets[bucket].fetch_add(1, std::memory_order_relaxed);
    counters.nanoseconds.fetch_add(static_cast<std::uint64_t>(std::max<std::int64_t>(0, took.count())),
                                   std::memory_order_relaxed);
}

void Metrics::count_refusal(Refusal reason) {
    refusals_[static_cast<std::size_t>(reason)].fetch_add(1, std::memory_order_relaxed);
}

void Metrics::count_write(const WriteCounts& counts) {
    articles_written_.fetch_add(counts.accepted, std::memory_order_relaxed);
    articles_rejected_.fetch_add(counts.rejected, std::memory_order_relaxed);
    articles_deleted_.fetch_add(counts.deleted, std::memory_order_relaxed);
    if (counts.committed) last_commit_ms_.store(now_ms(), std::memory_order_relaxed);
}

void Metrics::watch(const std::atomic<std::size_t>* connections, const std::atomic<std::size_t>* in_flight) {
    connections_ = connections;
    in_flight_ = in_flight;
}

std::string Metrics::render_counters() const {
    std::string out;
    header(out, "newsearch_build_info", "gauge", "The running version.");
    sample(out, "newsearch_build_info", "version=\"" + label(core::kVersion) + "\"", "1");
    single(out, "newsearch_start_time_seconds", "gauge", "When the server started (seconds since the epoch).",
           number(static_cast<double>(started_ms_) / 1e3));

    header(out, "newsearch_http_requests_total", "counter", "Requests answered, by route pattern and status.");
    for (std::size_t r = 0; r < routes_.size(); ++r) {
        for (std::size_t code = 0; code < counters_[r].by_status.size(); ++code) {
            const std::uint64_t n = counters_[r].by_status[code].load(std::memory_order_relaxed);
            if (n == 0) continue;
            sample(out, "newsearch_http_requests_total",
                   "route=\"" + label(routes_[r]) + "\",status=\"" + (code ? std::to_string(code) : "other") + "\"",
                   number(n));
        }
    }
    header(out, "newsearch_http_request_duration_seconds", "histogram",
           "Time from a request read to its answer ready, by route pattern.");
    for (std::size_t r = 0; r < routes_.size(); ++r) {
        const RouteCounters& counters = counters_[r];
        const std::string route = "route=\"" + label(routes_[r]) + "\"";
        std::uint64_t cumulative = 0;
        for (std::size_t b = 0; b < counters.buckets.size(); ++b) {
            cumulative += counters.buckets[b].load(std::memory_order_relaxed);
            const double bound = b < kBuckets.size() ? kBuckets[b] : INFINITY;
            sample(out, "newsearch_http_request_duration_seconds_bucket", route + ",le=\"" + number(bound) + "\"",
                   number(cumulative));
        }
        sample(out, "newsearch_http_request_duration_seconds_sum", route,
               number(static_cast<double>(counters.nanoseconds.load(std::memory_order_relaxed)) / 1e9));
        sample(out, "newsearch_http_request_duration_seconds_count", route, number(cumulative));
    }
    header(out, "newsearch_http_refusals_total", "counter",
           "Requests refused before routing (malformed, 413, 414, 431) and connections over the limit.");
    for (std::size_t i = 0; i < refusals_.size(); ++i) {
        sample(out, "newsearch_http_refusals_total", std::string("reason=\"") + kRefusalNames[i] + "\"",
               number(refusals_[i].load(std::memory_order_relaxed)));
    }
    single(out, "newsearch_http_requests_in_flight", "gauge", "Requests being answered now.",
           number(std::uint64_t{in_flight_ ? in_flight_->load(std::memory_order_relaxed) : 0}));
    single(out, "newsearch_http_open_connections", "gauge", "Open client connections.",
           number(std::uint64_t{connections_ ? connections_->load(std::memory_order_relaxed) : 0}));
    single(out, "newsearch_articles_written_total", "counter", "Articles added or replaced through POST /api/articles.",
           number(articles_written_.load(std::memory_order_relaxed)));
    single(out, "newsearch_articles_rejected_total", "counter", "Lines of POST /api/articles rejected.",
           number(articles_rejected_.load(std::memory_order_relaxed)));
    single(out, "newsearch_articles_deleted_total", "counter", "Articles deleted through DELETE /api/articles/{id}.",
           number(articles_deleted_.load(std::memory_order_relaxed)));
    return out;
}

Reply metrics_page(const Request&, Services& services) {
    if (!services.metrics) return error_reply(404, "metrics are off (--no-metrics)");
    std::string body = services.metrics->render_counters();
    // The counters are worth having most when the index is not.
    std::string index;
    bool up = true;
    try {
        render_index(index, services.index, services.metrics->last_commit_ms());
    } catch (const std::exception&) {
        up = false;
    } catch (const Xapian::Error&) {
        up = false;
    }
    single(body, "newsearch_index_up", "gauge", "1 when the index can be read, else 0.", up ? "1" : "0");
    if (up) body += index;
    return Reply{200, kTextFormat, std::move(body)};
}

}  // namespace server
