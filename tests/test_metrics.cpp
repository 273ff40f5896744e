// GET /metrics: Prometheus' text format, read by a strict parser here and by
// Debian's python3-prometheus-client, with counters that follow the requests.
#include "tests/support/http_client.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>

using nlohmann::json;
using test_support::HttpClient;
using test_support::ServerProcess;
using test_support::TempDir;

namespace {

// A series: metric name and its labels, e.g. newsearch_http_requests_total{route,status}.
struct Series {
    std::string name;
    std::map<std::string, std::string> labels;
    bool operator<(const Series& other) const {
        return std::tie(name, labels) < std::tie(other.name, other.labels);
    }
};

double parse_value(const std::string& text) {
    if (text == "+Inf") return INFINITY;
    if (text == "-Inf") return -INFINITY;
    if (text == "NaN") return NAN;
    static const std::regex number(R"([-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?)");
    INFO("value: " << text);
    REQUIRE(std::regex_match(text, number));
    return std::stod(text);
}

// Labels `a="x",b="y\"z"`: the only escapes are \\, \" and \n.
std::map<std::string, std::string> parse_labels(const std::string& text) {
    std::map<std::string, std::string> labels;
    static const std::regex name(R"([a-zA-Z_][a-zA-Z0-9_]*)");
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t eq = text.find('=', i);
        REQUIRE(eq != std::string::npos);
        const std::string key = text.substr(i, eq - i);
        REQUIRE(std::regex_match(key, name));
        REQUIRE(eq + 1 < text.size());
        REQUIRE(text[eq + 1] == '"');
        std::string value;
        std::size_t j = eq + 2;
        for (; j < text.size() && text[j] != '"'; ++j) {
            if (text[j] != '\\') {
                value += text[j];
                continue;
            }
            REQUIRE(j + 1 < text.size());
            const char escaped = text[++j];
            REQUIRE((escaped == '\\' || escaped == '"' || escaped == 'n'));
            value += escaped == 'n' ? '\n' : escaped;
        }
        REQUIRE(j < text.size());
        REQUIRE(labels.emplace(key, value).second);  // no label twice
        i = j + 1;
        if (i < text.size()) {
            REQUIRE(text[i] == ',');
            ++i;
        }
    }
    return labels;
}

// Reads the whole exposition strictly: every sample belongs to a family
// declared by one TYPE line before it, its samples together, each series once.
std::map<Series, double> parse_exposition(const std::string& text) {
    static const std::regex type_line(R"(# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped))");
    static const std::regex help_line(R"(# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .*)");
    static const std::regex sample_line(R"(([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+))");
    std::map<Series, double> samples;
    std::map<std::string, std::string> types;
    std::set<std::string> finished;  // families whose samples are over
    std::string current;
    std::istringstream in(text);
    std::string line;
    REQUIRE(!text.empty());
    REQUIRE(text.back() == '\n');
    while (std::getline(in, line)) {
        INFO("line: " << line);
        std::smatch m;
        if (line.empty()) continue;
        if (std::regex_match(line, m, type_line)) {
            REQUIRE(types.emplace(m[1], m[2]).second);
            continue;
        }
        if (std::regex_match(line, m, help_line)) continue;
        REQUIRE(line[0] != '#');
        REQUIRE(std::regex_match(line, m, sample_line));
        const std::string name = m[1];
        std::string family = name;
        for (const char* suffix : {"_bucket", "_sum", "_count"}) {
            const std::string s = suffix;
            if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0 &&
                types.count(name.substr(0, name.size() - s.size())) &&
                types[name.substr(0, name.size() - s.size())] == "histogram") {
                family = name.substr(0, name.size() - s.size());
            }
        }
        REQUIRE(types.count(family) == 1);
        if (family != current) {
            REQUIRE(finished.count(family) == 0);
            if (!current.empty()) finished.insert(current);
            current = family;
        }
        const Series series{name, parse_labels(m[3])};
        REQUIRE(samples.emplace(series, parse_value(m[4])).second);
    }
    return samples;
}

double value_of(const std::map<Series, double>& samples, const std::string& name,
                const std::map<std::string, std::string>& labels = {}) {
    auto it = samples.find(Series{name, labels});
    return it == samples.end() ? -1 : it->second;
}

// Buckets of one route: cumulative, ending in +Inf, which equals _count.
void check_histogram(const std::map<Series, double>& samples, const std::string& route) {
    std::vector<std::pair<double, double>> buckets;
    for (const auto& [series, value] : samples) {
        if (series.name != "newsearch_http_request_duration_seconds_bucket") continue;
        if (series.labels.at("route") != route) continue;
        buckets.emplace_back(parse_value(series.labels.at("le")), value);
    }
    std::sort(buckets.begin(), buckets.end());
    REQUIRE(buckets.size() >= 2);
    CHECK(std::isinf(buckets.back().first));
    for (std::size_t i = 1; i < buckets.size(); ++i) CHECK(buckets[i - 1].second <= buckets[i].second);
    CHECK(buckets.back().second ==
          value_of(samples, "newsearch_http_request_duration_seconds_count", {{"route", route}}));
}

std::map<Series, double> scrape(unsigned short port) {
    const auto reply = test_support::http_get(port, "/metrics");
    REQUIRE(reply.status == 200);
    CHECK(reply.header("Content-Type").rfind("text/plain; version=0.0.4", 0) == 0);
    return parse_exposition(reply.body);
}

// The in-flight gauge a scrape reads once the requests before it have been
// let go: a client has its answer a moment before the server counts that
// request done, so a scrape right after may still see it, briefly.
double settled_in_flight(unsigned short port) {
    double in_flight = 0;
    for (int attempt = 0; attempt < 100; ++attempt) {
        in_flight = value_of(scrape(port), "newsearch_http_requests_in_flight");
        if (in_flight <= 1) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return in_flight;
}

const std::string kToken = "metrics-test-token-0123456789";

struct Setup {
    TempDir dir;
    std::filesystem::path db = dir / "idx";
    std::filesystem::path token_file = dir.write("token", kToken + "\n");
    Setup() {
        dir.write("in/a.txt", "Первая статья о погоде в Бишкеке.");
        dir.write("in/b.txt", "Вторая статья о спорте.");
        REQUIRE(test_support::run_indexer(db, {(dir / "in").string()}).exit_code == 0);
    }
};

}  // namespace

TEST_CASE("requests are counted by route pattern and status, not by raw path") {
    Setup setup;
    ServerProcess server(setup.db, {"--quiet"});
    HttpClient client(server.port());
    REQUIRE(client.get("/api/doc/a").status == 200);
    REQUIRE(client.get("/api/doc/b").status == 200);
    REQUIRE(client.get("/api/doc/nosuch").status == 404);
    REQUIRE(client.get("/api/search?q=%D1%81%D1%82%D0%B0%D1%82%D1%8C%D1%8F").status == 200);
    REQUIRE(client.get("/api/search?limit=5").status == 400);
    REQUIRE(client.get("/no/such/endpoint").status == 404);

    const auto samples = scrape(server.port());
    const std::string requests = "newsearch_http_requests_total";
    CHECK(value_of(samples, requests, {{"route", "/api/doc/{id}"}, {"status", "200"}}) == 2);
    CHECK(value_of(samples, requests, {{"route", "/api/doc/{id}"}, {"status", "404"}}) == 1);
    CHECK(value_of(samples, requests, {{"route", "/api/search"}, {"status", "200"}}) == 1);
    CHECK(value_of(samples, requests, {{"route", "/api/search"}, {"status", "400"}}) == 1);
    CHECK(value_of(samples, requests, {{"route", "none"}, {"status", "404"}}) == 1);
    for (const auto& [series, value] : samples) {
        if (series.name == requests) CHECK(series.labels.at("route").find("nosuch") == std::string::npos);
    }
    check_histogram(samples, "/api/doc/{id}");
    check_histogram(samples, "/api/search");
    CHECK(value_of(samples, "newsearch_http_request_duration_seconds_count", {{"route", "/api/doc/{id}"}}) == 3);
    CHECK(settled_in_flight(server.port()) == 1);  // the scrape itself
    CHECK(value_of(samples, "newsearch_http_open_connections") >= 1);
    CHECK(value_of(samples, "newsearch_index_documents") == 2);
    CHECK(value_of(samples, "newsearch_index_up") == 1);
    int shards = 0;
    for (const auto& [series, value] : samples) {
        if (series.name != "newsearch_shard_up") continue;
        ++shards;
        CHECK(value == 1);
    }
    CHECK(shards == 1);
}

TEST_CASE("refusals before routing are counted by reason: 414, 431 and 413") {
    Setup setup;
    ServerProcess server(setup.db, {"--quiet"});
    CHECK(HttpClient(server.port()).get("/api/search?q=" + std::string(10000, 'a')).status == 414);
    CHECK(HttpClient(server.port()).request("GET", "/healthz", {{"X-Big", std::string(10000, 'b')}}).status == 431);
    CHECK(HttpClient(server.port()).request("GET", "/healthz", {}, std::string(100 * 1024, 'c')).status == 413);

    const auto samples = scrape(server.port());
    CHECK(value_of(samples, "newsearch_http_refusals_total", {{"reason", "uri_too_long"}}) == 1);
    CHECK(value_of(samples, "newsearch_http_refusals_total", {{"reason", "headers_too_large"}}) == 1);
    CHECK(value_of(samples, "newsearch_http_refusals_total", {{"reason", "payload_too_large"}}) == 1);
    CHECK(value_of(samples, "newsearch_http_refusals_total", {{"reason", "connection_limit"}}) == 0);
    CHECK(value_of(samples, "newsearch_http_requests_total", {{"route", "none"}, {"status", "414"}}) == 1);
}

TEST_CASE("articles written, rejected and deleted over HTTP are counted, and the index age restarts") {
    Setup setup;
    ServerProcess server(setup.db, {"--quiet", "--write-token-file", setup.token_file.string()});
    HttpClient client(server.port());
    const std::vector<std::pair<std::string, std::string>> auth = {{"Authorization", "Bearer " + kToken}};
    const std::string body = json{{"id", "w1"}, {"text", "Новая статья."}}.dump() + "\n" + "{broken\n" +
                             json{{"id", "w2"}, {"text", "Ещё одна статья."}}.dump() + "\n";
    REQUIRE(client.request("POST", "/api/articles", auth, body).status == 200);
    REQUIRE(client.request("DELETE", "/api/articles/w1", auth).status == 200);
    REQUIRE(client.request("DELETE", "/api/articles/w1", auth).status == 404);

    const auto samples = scrape(server.port());
    CHECK(value_of(samples, "newsearch_articles_written_total") == 2);
    CHECK(value_of(samples, "newsearch_articles_rejected_total") == 1);
    CHECK(value_of(samples, "newsearch_articles_deleted_total") == 1);
    CHECK(value_of(samples, "newsearch_index_documents") == 3);
    CHECK(value_of(samples, "newsearch_index_age_seconds") >= 0);
    CHECK(value_of(samples, "newsearch_index_age_seconds") < 60);
    CHECK(value_of(samples, "newsearch_http_requests_total", {{"route", "/api/articles"}, {"status", "200"}}) == 1);
}

TEST_CASE("Debian's python3-prometheus-client reads the metrics page") {
    Setup setup;
    ServerProcess server(setup.db, {"--quiet"});
    REQUIRE(test_support::http_get(server.port(), "/api/search?q=x").status == 200);
    TempDir dir;
    const auto saved = dir.write("metrics.txt", test_support::http_get(server.port(), "/metrics").body);
    const std::string script =
        "import sys\n"
        "from prometheus_client.parser import text_string_to_metric_families\n"
        "families = {f.name: f for f in text_string_to_metric_families(open(sys.argv[1]).read())}\n"
        "hist = families['newsearch_http_request_duration_seconds']\n"
        "assert hist.type == 'histogram', hist.type\n"
        "print(len(families), families['newsearch_http_requests'].type, families['newsearch_index_documents'].samples[0].value)\n";
    const auto script_file = dir.write("read.py", script);
    const auto result = test_support::run_program({"/usr/bin/python3", script_file.string(), saved.string()});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(result.out.find(" counter 2.0") != std::string::npos);
}

TEST_CASE("a server started with --no-metrics answers /metrics with 404") {
    Setup setup;
    ServerProcess server(setup.db, {"--quiet", "--no-metrics"});
    const auto reply = test_support::http_get(server.port(), "/metrics");
    CHECK(reply.status == 404);
    CHECK(json::parse(reply.body).contains("error"));
}
