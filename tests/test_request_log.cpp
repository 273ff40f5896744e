// The request log (text or JSON lines) and X-Request-Id.
#include "server/request_log.h"
#include "tests/support/http_client.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <regex>
#include <sstream>
#include <thread>

using nlohmann::json;
using test_support::HttpClient;
using test_support::ServerProcess;
using test_support::TempDir;

TEST_CASE("a request id keeps only safe characters, is bounded, and is made up when nothing is left") {
    CHECK(server::request_id("abc-123_x.y:z") == "abc-123_x.y:z");
    CHECK(server::request_id("a b\"c\\d<e>{}\x01\xd0\xb0") == "abcde");
    CHECK(server::request_id(std::string(500, 'x')).size() == server::kMaxRequestIdChars);
    const std::string made = server::request_id("");
    CHECK(std::regex_match(made, std::regex("[0-9a-f]{32}")));
    CHECK(made.substr(0, 16) != made.substr(16));  // both halves random
    CHECK(server::request_id("") != made);
    CHECK(std::regex_match(server::request_id("\"\"\n"), std::regex("[0-9a-f]{32}")));
}

TEST_CASE("an error answer names its request id in the body and every answer in the header") {
    server::Reply error = server::error_reply(404, "no such article");
    server::tag_reply(error, "req-1");
    CHECK(json::parse(error.body) == json{{"error", "no such article"}, {"request_id", "req-1"}});
    server::Reply ok{200, "application/json; charset=utf-8", R"({"status":"ok"})"};
    server::tag_reply(ok, "req-2");
    CHECK(ok.body == R"({"status":"ok"})");
    CHECK(ok.headers.back() == std::pair<std::string, std::string>("X-Request-Id", "req-2"));
}

TEST_CASE("a JSON log line has time, method, path without the query string, status, bytes, duration and id") {
    const server::LoggedRequest request{std::chrono::system_clock::from_time_t(1764270000), "GET",
                                        "/api/search?q=%D0%BB%D0%B0%D0%B2%D1%80%D0%BE%D0%B2", 200, 1234,
                                        std::chrono::microseconds(1500), "r\"1"};
    const std::string line = server::log_line(request, server::LogFormat::Json, false);
    REQUIRE(line.back() == '\n');
    const json j = json::parse(line);
    CHECK(j["time"] == "2025-11-27T19:00:00.000Z");
    CHECK(j["method"] == "GET");
    CHECK(j["path"] == "/api/search");
    CHECK(j["status"] == 200);
    CHECK(j["bytes"] == 1234);
    CHECK(j["duration_ms"].get<double>() == Approx(1.5));
    CHECK(j["request_id"] == "r\"1");
    CHECK(json::parse(server::log_line(request, server::LogFormat::Json, true))["path"] == request.target);
    const std::string text = server::log_line(request, server::LogFormat::Text, false);
    CHECK(text == "GET /api/search 200 1234B 1500us id=r\"1\n");
}

TEST_CASE("the server logs JSON lines with the request id it returns, taken from X-Request-Id or made up") {
    TempDir dir;
    dir.write("in/a.txt", "Статья о погоде.");
    REQUIRE(test_support::run_indexer(dir / "idx", {(dir / "in").string()}).exit_code == 0);
    ServerProcess server(dir / "idx", {"--log-format", "json"});
    HttpClient client(server.port());
    const auto given = client.request("GET", "/api/doc/nosuch?secret=1", {{"X-Request-Id", "trace<42>"}});
    CHECK(given.status == 404);
    CHECK(given.header("X-Request-Id") == "trace42");
    CHECK(json::parse(given.body)["request_id"] == "trace42");
    const auto made = client.get("/healthz");
    const std::string made_id = made.header("X-Request-Id");
    CHECK(made_id.size() == 32);

    std::vector<json> lines;
    for (int tries = 0; tries < 50 && lines.size() < 2; ++tries) {
        lines.clear();
        std::istringstream log(server.log());
        for (std::string line; std::getline(log, line);) {
            const json j = json::parse(line, nullptr, false);
            if (j.is_object() && j.contains("request_id")) lines.push_back(j);
        }
        if (lines.size() < 2) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    REQUIRE(lines.size() == 2);
    CHECK(lines[0]["path"] == "/api/doc/nosuch");
    CHECK(lines[0]["status"] == 404);
    CHECK(lines[0]["request_id"] == "trace42");
    CHECK(lines[0]["bytes"] == given.body.size());
    CHECK(lines[1]["path"] == "/healthz");
    CHECK(lines[1]["request_id"] == made_id);
}
