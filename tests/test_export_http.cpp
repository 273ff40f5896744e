// GET /api/export over real HTTP: chunked, read by Python's HTTP client and
// csv module, with the connection kept alive after it.
#include "tests/support/http_client.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>
#include <string>

using nlohmann::json;
using test_support::HttpClient;
using test_support::ServerProcess;
using test_support::TempDir;

namespace {

constexpr int kArticles = 1500;

// Articles about a flood whose titles hold what CSV must quote: commas,
// quote marks of both kinds and new lines.
std::string flood_articles() {
    std::string lines;
    for (int i = 0; i < kArticles; ++i) {
        const std::string n = std::to_string(i);
        const std::string title = i % 4 == 0   ? "Паводок, номер " + n
                                  : i % 4 == 1 ? "Паводок \"" + n + "\" и «вода»"
                                  : i % 4 == 2 ? "Паводок\nномер " + n + ",\r\nвторая строка"
                                               : "Паводок " + n;
        lines += json{{"id", "p" + n}, {"title", title}, {"text", "Вода поднялась: паводок, выпуск " + n + "."},
                      {"date", "2024-04-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1)},
                      {"source", "Источник, \"кавычки\""}}
                     .dump() +
                 "\n";
    }
    return lines;
}

json read_export(unsigned short port, const std::string& target) {
    const auto read = test_support::run_program({"/usr/bin/python3",
                                                 std::string(NEWSEARCH_SOURCE_DIR) + "/tests/export/read_export.py",
                                                 "http://127.0.0.1:" + std::to_string(port) + target});
    INFO(read.err);
    REQUIRE(read.exit_code == 0);
    return json::parse(read.out);
}

}  // namespace

TEST_CASE("a chunked CSV export read by Python's csv module has every hit of the search, titles intact") {
    TempDir dir;
    dir.write("in/flood.jsonl", flood_articles());
    REQUIRE(test_support::run_indexer(dir / "idx", {(dir / "in").string()}).exit_code == 0);
    ServerProcess server(dir / "idx", {"--quiet"});
    HttpClient client(server.port());
    const json search = json::parse(client.get("/api/search?q=%D0%BF%D0%B0%D0%B2%D0%BE%D0%B4%D0%BE%D0%BA").body);  // паводок
    REQUIRE(search["total"] == kArticles);

    const json csv = read_export(server.port(), "/api/export?q=%D0%BF%D0%B0%D0%B2%D0%BE%D0%B4%D0%BE%D0%BA&format=csv");
    CHECK(csv["status"] == 200);
    CHECK(csv["transfer_encoding"] == "chunked");
    CHECK(csv["content_length"] == "");
    CHECK(csv["content_disposition"] == "attachment; filename=\"newsearch-hits.csv\"");
    CHECK(csv["header"] == json::array({"id", "date", "source", "title", "url", "snippet", "speaker"}));
    REQUIRE(csv["rows"].size() == search["total"]);
    std::set<std::string> ids;
    for (const json& row : csv["rows"]) {
        REQUIRE(row.size() == 7);
        const std::string id = row[0];
        ids.insert(id);
        const int n = std::stoi(id.substr(1));
        const std::string title = row[3];
        if (n % 4 == 0) CHECK(title == "Паводок, номер " + std::to_string(n));
        if (n % 4 == 1) CHECK(title == "Паводок \"" + std::to_string(n) + "\" и «вода»");
        if (n % 4 == 2) CHECK(title.find("Паводок\nномер " + std::to_string(n) + ",") == 0);
        CHECK(row[2] == "Источник, \"кавычки\"");
    }
    CHECK(ids.size() == kArticles);

    const json ndjson = read_export(server.port(), "/api/export?q=%D0%BF%D0%B0%D0%B2%D0%BE%D0%B4%D0%BE%D0%BA&format=ndjson&sort=date");
    REQUIRE(ndjson["rows"].size() == kArticles);
    CHECK(ndjson["rows"][0]["date"] == "2024-04-28");

    // The same connection goes on after a streamed answer.
    const auto streamed = client.get("/api/export?q=%D0%BF%D0%B0%D0%B2%D0%BE%D0%B4%D0%BE%D0%BA&limit=2000");
    CHECK(streamed.status == 200);
    CHECK(streamed.header("Transfer-Encoding") == "chunked");
    CHECK(streamed.keep_alive);
    CHECK(client.get("/healthz").status == 200);
    const auto head = client.head("/api/export?q=%D0%BF%D0%B0%D0%B2%D0%BE%D0%B4%D0%BE%D0%BA");
    CHECK(head.status == 200);
    CHECK(client.get("/api/export?q=%D0%BF%D0%B0%D0%B2%D0%BE%D0%B4%D0%BE%D0%BA&format=xml").status == 400);
    CHECK(client.get("/healthz").status == 200);

    const std::string metrics = client.get("/metrics").body;
    CHECK(metrics.find("newsearch_http_requests_total{route=\"/api/export\",status=\"200\"} 4") != std::string::npos);
}
