// GET /metrics in Prometheus' text format. Counters are kept as requests go,
// with relaxed atomics (no lock on the request path); only cheap gauges
// (documents, shard state, the index generation and its age) are read when
// the page is asked for.
#pragma once

#include "server/reply.h"
#include "server/router.h"

#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace server {

// The route label of requests no route took (404, 405, unreadable requests).
inline constexpr std::string_view kNoRoute = "none";

// Why a connection or request was refused before any route saw it.
enum class Refusal { BadRequest, PayloadTooLarge, UriTooLong, HeadersTooLarge, ConnectionLimit };

// What one write request did, as the write API knows it when it answers.
struct WriteCounts {
    std::uint64_t accepted = 0;  // articles added or replaced
    std::uint64_t rejected = 0;  // lines refused
    std::uint64_t deleted = 0;
    bool committed = false;      // it committed (or compacted) the index
};

class Metrics {
public:
    // Upper bounds of the latency histogram's buckets, in seconds (+Inf is added).
    static constexpr std::array<double, 14> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                        0.1,    0.25,  0.5,    1,     2.5,   5,     10};

    // `routes`: the path patterns of the route table, the values of the route label.
    explicit Metrics(std::vector<std::string_view> routes);

    // One answered request: `route` is a pattern given to the constructor
    // (or anything else, counted as kNoRoute).
    void count_request(std::string_view route, int status, std::chrono::nanoseconds took);
    void count_refusal(Refusal reason);
    // A write (POST or DELETE /api/articles, a compaction): articles written, rejected, deleted.
    void count_write(const WriteCounts& counts);

    // Where the server keeps its open connections and requests in flight.
    void watch(const std::atomic<std::size_t>* connections, const std::atomic<std::size_t>* in_flight);

    // The counters in Prometheus' text format (version 0.0.4), without the index gauges.
    std::string render_counters() const;
    // When this process last committed a write (ms since the epoch; 0: never).
    std::int64_t last_commit_ms() const { return last_commit_ms_.load(std::memory_order_relaxed); }

private:
    struct RouteCounters {
        std::array<std::atomic<std::uint64_t>, 600> by_status{};  // index: the status code
        std::array<std::atomic<std::uint64_t>, kBuckets.size() + 1> buckets{};  // not cumulative; last: +Inf
        std::atomic<std::uint64_t> nanoseconds{0};
    };

    std::size_t route_index(std::string_view route) const;

    std::vector<std::string_view> routes_;  // the last one is kNoRoute
    std::unique_ptr<RouteCounters[]> counters_;
    std::array<std::atomic<std::uint64_t>, 5> refusals_{};
    std::atomic<std::uint64_t> articles_written_{0};
    std::atomic<std::uint64_t> articles_rejected_{0};
    std::atomic<std::uint64_t> articles_deleted_{0};
    std::atomic<std::int64_t> last_commit_ms_{0};  // since the epoch; 0: none by this process
    const std::atomic<std::size_t>* connections_ = nullptr;
    const std::atomic<std::size_t>* in_flight_ = nullptr;
    std::int64_t started_ms_;
};

// The route GET /metrics: the counters of `services.metrics` and the index
// gauges; 404 when the server keeps no metrics.
Reply metrics_page(const Request& request, Services& services);

}  // namespace server
