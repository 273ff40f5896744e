#include "server/request_log.h"

#include "server/json.h"

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <random>

namespace server {
namespace {

bool allowed_in_id(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("-_.:/+=@").find(c) != std::string_view::npos;
}

std::uint64_t mix(std::uint64_t x) {  // splitmix64's finaliser
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// 32 hex digits, unique in this process and unlikely to repeat across restarts.
std::string fresh_id() {
    static const std::uint64_t seed = std::random_device{}() * 0x100000001ULL ^ std::random_device{}();
    static std::atomic<std::uint64_t> counter{0};
    const std::uint64_t n = counter.fetch_add(1, std::memory_order_relaxed);
    char buffer[33];
    std::snprintf(buffer, sizeof buffer, "%016llx%016llx", static_cast<unsigned long long>(mix(seed + 2 * n)),
                  static_cast<unsigned long long>(mix(seed + 2 * n + 1)));
    return buffer;
}

// 2026-11-27T19:50:01.123Z
std::string utc_time(std::chrono::system_clock::time_point time) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm parts{};
    ::gmtime_r(&seconds, &parts);
    char buffer[96];  // room for any int, so the compiler sees no truncation
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900, parts.tm_mon + 1,
                  parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec, static_cast<int>(ms % 1000));
    return buffer;
}

// Printable and bounded, for the text format.
std::string printable(std::string_view text) {
    std::string out;
    for (char c : text.substr(0, 300)) out.push_back(static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? '?' : c);
    if (text.size() > 300) out += "...";
    return out;
}

}  // namespace

std::string request_id(std::string_view given) {
    std::string id;
    for (char c : given) {
        if (id.size() == kMaxRequestIdChars) break;
        if (allowed_in_id(c)) id += c;
    }
    return id.empty() ? fresh_id() : id;
}

void tag_reply(Reply& reply, const std::string& id) {
    reply.headers.emplace_back("X-Request-Id", id);
    const bool json_error = reply.status >= 400 && reply.content_type.rfind("application/json", 0) == 0 &&
                            reply.body.rfind("{\"error\":", 0) == 0 && reply.body.back() == '}';
    if (json_error) reply.body.insert(reply.body.size() - 1, ",\"request_id\":\"" + id + "\"");
}

std::string log_line(const LoggedRequest& request, LogFormat format, bool with_query) {
    const std::string_view target = with_query ? request.target : request.target.substr(0, request.target.find('?'));
    const double ms = std::chrono::duration<double, std::milli>(request.duration).count();
    std::string line;
    if (format == LogFormat::Json) {
        JsonWriter json(line);
        json.begin_object()
            .field("time", utc_time(request.time))
            .field("method", request.method)
            .field("path", target)
            .field("status", static_cast<std::uint64_t>(request.status))
            .field("bytes", static_cast<std::uint64_t>(request.bytes))
            .field("duration_ms", ms)
            .field("request_id", request.request_id)
            .end_object();
    } else {
        char numbers[96];
        std::snprintf(numbers, sizeof numbers, " %d %zuB %lldus id=", request.status, request.bytes,
                      static_cast<long long>(request.duration.count() / 1000));
        line = std::string(request.method) + " " + printable(target) + numbers + std::string(request.request_id);
    }
    line += '\n';
    return line;
}

}  // namespace server
