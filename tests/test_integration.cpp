// The real programs end to end: the indexer builds an index of corpus/ in a
// temporary folder, the server serves it on an ephemeral port, and the
// checks go over HTTP.
#include "server/url.h"
#include "tests/support/http_client.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <regex>
#include <thread>

using nlohmann::json;
using server::percent_encode;
using test_support::HttpClient;
using test_support::HttpResponse;

namespace {

constexpr const char* kLavrovArticle = "001_d8841eb2ca9e328e";
constexpr const char* kKosachevArticle = "000_45e618fe6b6cb5b2";

struct Served {
    test_support::TempDir dir;
    test_support::RunResult indexing;
    std::unique_ptr<test_support::ServerProcess> server;

    Served() {
        indexing = test_support::run_indexer(dir / "idx", {test_support::corpus_dir().string()});
        if (indexing.exit_code != 0) throw std::runtime_error("indexer failed: " + indexing.err);
        server = std::make_unique<test_support::ServerProcess>(dir / "idx");
    }
    unsigned short port() const { return server->port(); }
};

// One index and one server per test process (CTest runs each case in its own).
Served& served() {
    static Served instance;
    return instance;
}

HttpResponse get(const std::string& target) { return test_support::http_get(served().port(), target); }

json get_json(const std::string& target) {
    const HttpResponse r = get(target);
    INFO(target << " → " << r.status << " " << r.body);
    REQUIRE(r.status == 200);
    return json::parse(r.body);
}

std::string search_target(const std::string& query) { return "/api/search?q=" + percent_encode(query); }

bool is_json_error(const HttpResponse& r) {
    const json j = json::parse(r.body, nullptr, false);
    return !j.is_discarded() && j.contains("error") && j["error"].is_string();
}

}  // namespace

TEST_CASE("Казакбаев Лавров finds the Lavrov article first and the Kosachev article among the hits") {
    const json j = get_json(search_target("Казакбаев Лавров"));
    REQUIRE_FALSE(j["hits"].empty());
    CHECK(j["hits"][0]["id"] == kLavrovArticle);
    bool kosachev = false;
    for (const json& hit : j["hits"]) kosachev = kosachev || hit["id"] == kKosachevArticle;
    CHECK(kosachev);
    for (const json& hit : j["hits"]) {
        INFO(hit["id"]);
        CHECK(hit["snippet"].get<std::string>().find("<mark>") != std::string::npos);
    }
    CHECK(j["hits"][0]["source"] == "Sputnik");
    CHECK(j["hits"][0]["place"] == "Бишкек");
}

TEST_CASE("the article endpoint returns the whole text over HTTP") {
    const HttpResponse r = get(std::string("/api/doc/") + kLavrovArticle);
    REQUIRE(r.status == 200);
    CHECK(r.header("Content-Type") == "application/json; charset=utf-8");
    const json j = json::parse(r.body);
    CHECK(j["id"] == kLavrovArticle);
    const std::string text = j["text"];
    CHECK(text.find("Сергей Лавров рассказал о важных моментах") != std::string::npos);
    CHECK(text.size() > 1000);
}

TEST_CASE("the HTML search page shows the results with marks and links to the articles") {
    const HttpResponse r = get("/search?q=" + percent_encode("Казакбаев Лавров"));
    REQUIRE(r.status == 200);
    CHECK(r.header("Content-Type") == "text/html; charset=utf-8");
    CHECK(r.body.find("<mark class=\"match-") != std::string::npos);
    CHECK(r.body.find(std::string("href=\"/doc/") + kLavrovArticle) != std::string::npos);
    CHECK(r.body.find("Найдено") != std::string::npos);
    CHECK(r.body.find("value=\"Казакбаев Лавров\"") != std::string::npos);
}

TEST_CASE("the HTML search page pages through many results") {
    const std::string query = "России";
    const json first = get_json(search_target(query));
    REQUIRE(first["total"].get<int>() > 10);
    const HttpResponse page1 = get("/search?q=" + percent_encode(query));
    REQUIRE(page1.status == 200);
    CHECK(page1.body.find("class=\"pages\"") != std::string::npos);
    static const std::regex next_link(R"(<a rel="next" href="/search\?q=[^"]*&amp;offset=10")");
    CHECK(std::regex_search(page1.body, next_link));
    const HttpResponse page2 = get("/search?q=" + percent_encode(query) + "&offset=10");
    REQUIRE(page2.status == 200);
    static const std::regex current_page(R"(class="current"[^>]*>2</span>)");
    CHECK(std::regex_search(page2.body, current_page));
    CHECK(page2.body.find("rel=\"prev\"") != std::string::npos);
}

TEST_CASE("the article page shows the whole text with the matches marked") {
    const HttpResponse r = get(std::string("/doc/") + kLavrovArticle + "?q=" + percent_encode("Лавров"));
    REQUIRE(r.status == 200);
    CHECK(r.body.find(" id=\"first-match\">") != std::string::npos);
    CHECK(r.body.find("<mark class=\"match-exact\" title=\"слово запроса „лавров“\">Лавров") != std::string::npos);
}

TEST_CASE("HEAD answers the headers of GET without a body") {
    const std::string target = search_target("Лавров");
    HttpClient client(served().port());
    const HttpResponse head = client.head(target);
    const HttpResponse full = client.get(target);
    CHECK(head.status == 200);
    CHECK(head.body.empty());
    CHECK(head.header("Content-Type") == full.header("Content-Type"));
    CHECK(std::stoul(head.header("Content-Length")) > 0);
}

TEST_CASE("two requests are answered on one kept-alive connection") {
    HttpClient client(served().port());
    const HttpResponse first = client.get("/healthz");
    const HttpResponse second = client.get(search_target("Лавров"));
    CHECK(first.status == 200);
    CHECK(first.keep_alive);
    CHECK(second.status == 200);
    CHECK(json::parse(second.body)["hits"].size() > 0);
}

TEST_CASE("healthz counts the indexed documents") {
    static const std::regex indexed(R"((\d+) indexed)");
    std::smatch m;
    REQUIRE(std::regex_search(served().indexing.out, m, indexed));
    const json j = get_json("/healthz");
    CHECK(j["status"] == "ok");
    CHECK(j["documents"] == std::stol(m[1]));
}

TEST_CASE("the indexer summary line counts the corpus: read = indexed + skipped") {
    static const std::regex summary(R"(indexer: (\d+) read, (\d+) indexed, (\d+) skipped)");
    std::smatch m;
    REQUIRE(std::regex_search(served().indexing.out, m, summary));
    const long read = std::stol(m[1]), indexed = std::stol(m[2]), skipped = std::stol(m[3]);
    CHECK(read == indexed + skipped);
    CHECK(indexed >= 5);
}

TEST_CASE("oversized request headers are refused with 431") {
    HttpClient client(served().port());
    const HttpResponse r = client.request("GET", "/healthz", {{"X-Padding", std::string(16 * 1024, 'a')}});
    CHECK(r.status == 431);
    CHECK(is_json_error(r));
}

TEST_CASE("many small request headers over the limit together are refused with 431") {
    std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 200; ++i) request += "X-Header-" + std::to_string(i) + ": " + std::string(100, 'b') + "\r\n";
    HttpClient client(served().port());
    CHECK(client.send_raw(request + "\r\n").status == 431);
}

TEST_CASE("a 100 KB query in the request target is refused with 414") {
    HttpClient client(served().port());
    const HttpResponse r = client.get("/api/search?q=" + std::string(100 * 1024, 'a'));
    CHECK(r.status == 414);
    CHECK(is_json_error(r));
}

TEST_CASE("a request body over the limit is refused with 413, which the client reads after sending it all") {
    HttpClient client(served().port());
    client.limit_send_buffer(16 * 1024);  // the body cannot sit in the kernel: the server must read it
    const HttpResponse r = client.request("POST", "/api/search?q=x", {}, std::string(2 * 1024 * 1024, 'x'));
    CHECK(r.status == 413);
    CHECK(is_json_error(r));
    CHECK(client.closed_by_server());
}

TEST_CASE("a refused client that goes on sending is cut off within seconds") {
    using namespace std::chrono_literals;
    HttpClient client(served().port());
    CHECK(client.send_raw("GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n").status == 413);
    const auto started = std::chrono::steady_clock::now();
    bool cut_off = false;
    while (!cut_off && std::chrono::steady_clock::now() - started < 15s) {
        cut_off = !client.write_only(std::string(1024, 'x'));
        std::this_thread::sleep_for(20ms);
    }
    CHECK(cut_off);
    CHECK(std::chrono::steady_clock::now() - started < 8s);
}

TEST_CASE("a declared body length over the limit is refused with 413 before the body is sent") {
    HttpClient client(served().port());
    const HttpResponse r =
        client.send_raw("GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n");
    CHECK(r.status == 413);
}

TEST_CASE("POST, PUT, DELETE and unknown methods are refused with 405 and Allow") {
    for (const char* method : {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "BREW"}) {
        INFO(method);
        HttpClient client(served().port());
        const HttpResponse r = client.request(method, search_target("Лавров"), {}, "{}");
        CHECK(r.status == 405);
        CHECK(r.header("Allow") == "GET, HEAD");
        CHECK(is_json_error(r));
    }
}

TEST_CASE("a malformed request line is refused with 400 and the connection closed") {
    HttpClient client(served().port());
    const HttpResponse r = client.send_raw("GARBAGE\x01\x02 / HTTP/9.9\r\n\r\n");
    CHECK(r.status == 400);
    CHECK_FALSE(r.keep_alive);
    CHECK(client.closed_by_server());
    CHECK(get("/healthz").status == 200);
}

TEST_CASE("bad query input over HTTP answers JSON errors with 4xx") {
    for (const auto& [target, status] : std::vector<std::pair<std::string, int>>{
             {"/api/search?q=%FF", 400},
             {"/api/search?q=%", 400},
             {"/api/search?q=", 400},
             {"/api/search?q=" + std::string(5000, 'a'), 414},
             {"/api/search?q=x&limit=-1", 400},
             {"/api/search?q=x&offset=abc", 400},
             {"/api/doc/no-such-id", 404},
             {"/api/doc/..", 400},
             {"/api/doc/%2F", 400},
             {"/api/doc/a%00b", 400}}) {
        INFO(target);
        const HttpResponse r = get(target);
        CHECK(r.status == status);
        CHECK(is_json_error(r));
    }
    CHECK(get("/healthz").status == 200);
}

TEST_CASE("a script in the query is reflected escaped over HTTP") {
    const HttpResponse r = get("/search?q=" + percent_encode("<script>alert(1)</script>"));
    REQUIRE(r.status == 200);
    CHECK(r.body.find("<script>alert(1)") == std::string::npos);
    CHECK(r.body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(r.header("X-Content-Type-Options") == "nosniff");
}

TEST_CASE("re-indexing while queries run switches the index with no failed request") {
    // Its own index and server, so the switch does not change what the other cases see.
    test_support::TempDir dir;
    REQUIRE(test_support::run_indexer(dir / "live", {test_support::corpus_dir().string()}).exit_code == 0);
    test_support::ServerProcess live(dir / "live");
    const std::string target = search_target("Казакбаев Лавров");
    std::atomic<bool> done{false};
    std::atomic<int> requests{0}, failures{0};
    std::string first_failure;
    std::thread queries([&] {
        auto client = std::make_unique<HttpClient>(live.port());
        while (!done) {
            try {
                const HttpResponse r = client->get(target);
                const json j = json::parse(r.body, nullptr, false);
                const bool ok = r.status == 200 && !j.is_discarded() && !j["hits"].empty() &&
                                j["hits"][0]["id"] == kLavrovArticle;
                if (!ok && failures++ == 0) first_failure = std::to_string(r.status) + " " + r.body;
            } catch (const std::exception& e) {
                if (failures++ == 0) first_failure = e.what();
                client = std::make_unique<HttpClient>(live.port());
            }
            ++requests;
        }
    });
    // The second run adds one article, so the switch shows.
    dir.write("extra/extra_article.txt", "Дополнительная статья о погоде в Бишкеке.");
    const auto reindex =
        test_support::run_indexer(dir / "live", {test_support::corpus_dir().string(), (dir / "extra").string()});
    // Keep querying a little after the switch.
    const int after_switch = requests + 20;
    while (requests < after_switch && failures == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    done = true;
    queries.join();

    INFO(reindex.err);
    REQUIRE(reindex.exit_code == 0);
    INFO("first failure: " << first_failure);
    CHECK(failures == 0);
    CHECK(requests > 20);
    const HttpResponse after = test_support::http_get(live.port(), search_target("Дополнительная"));
    REQUIRE(after.status == 200);
    const json j = json::parse(after.body);
    REQUIRE_FALSE(j["hits"].empty());
    CHECK(j["hits"][0]["id"] == "extra_article");
}

TEST_CASE("SIGTERM stops the server with exit code 0") {
    test_support::ServerProcess second(served().dir / "idx");
    REQUIRE(test_support::http_get(second.port(), "/healthz").status == 200);
    CHECK(second.stop() == 0);
}

TEST_CASE("a server started over a missing index fails with one line naming the path") {
    test_support::TempDir dir;
    const std::string missing = (dir / "no-index").string();
    const auto result = test_support::run_program(
        {test_support::program("server").string(), "--db", missing, "--port", "0"}, std::chrono::seconds(20));
    CHECK(result.exit_code != 0);
    CHECK(result.err.find(missing) != std::string::npos);
    CHECK(result.err.find("listening") == std::string::npos);
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
}
