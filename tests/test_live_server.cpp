// The living archive end to end: the server taking writes over HTTP,
// surviving kill -9 right after a 200, and the indexer's update mode.
#include "tests/support/http_client.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

using nlohmann::json;
using test_support::HttpClient;
using test_support::ServerProcess;
using test_support::TempDir;

namespace {

const std::string kToken = "live-server-token-0123456789";

std::string article_line(const std::string& id, const std::string& text) {
    return json{{"id", id}, {"title", "Новость " + id}, {"text", text}, {"date", "2024-03-01"}}.dump() + "\n";
}

std::vector<std::pair<std::string, std::string>> bearer(const std::string& token = kToken) {
    return {{"Authorization", "Bearer " + token}, {"Content-Type", "application/x-ndjson"}};
}

// A folder of two articles indexed, and the token file.
struct LiveSetup {
    TempDir dir;
    std::filesystem::path db = dir / "idx";
    std::filesystem::path token_file = dir.write("token", kToken + "\n");
    LiveSetup() {
        dir.write("in/a.jsonl", article_line("a", "Первая статья о погоде.") + article_line("b", "Вторая статья о спорте."));
        const auto built = test_support::run_indexer(db, {(dir / "in").string()});
        REQUIRE(built.exit_code == 0);
    }
    std::vector<std::string> server_args() const { return {"--write-token-file", token_file.string(), "--quiet"}; }
};

}  // namespace

TEST_CASE("an article acknowledged with 200 survives kill -9 of the server the moment after") {
    LiveSetup setup;
    auto server = std::make_unique<ServerProcess>(setup.db, setup.server_args());
    std::string body;
    for (int i = 0; i < 200; ++i) body += article_line("k" + std::to_string(i), "Статья номер " + std::to_string(i) + " про ледоход.");
    const auto reply = HttpClient(server->port()).request("POST", "/api/articles", bearer(), body);
    REQUIRE(reply.status == 200);
    CHECK(json::parse(reply.body)["accepted"] == 200);
    server->kill_now();

    server = std::make_unique<ServerProcess>(setup.db, setup.server_args());
    HttpClient client(server->port());
    CHECK(json::parse(client.get("/healthz").body)["documents"] == 202);
    CHECK(client.get("/api/doc/k199").status == 200);
    const json found = json::parse(client.get("/api/search?q=%D0%BB%D0%B5%D0%B4%D0%BE%D1%85%D0%BE%D0%B4&limit=100").body);
    CHECK(found["hits"].size() == 100);
    CHECK(found["hits"][0]["id"].get<std::string>().front() == 'k');
}

TEST_CASE("over HTTP: 401 without a token, 413 over the body limit, DELETE answers 200 then 404") {
    LiveSetup setup;
    ServerProcess server(setup.db, setup.server_args());
    HttpClient client(server.port());
    const auto unauthorized = client.request("POST", "/api/articles", {}, article_line("x", "текст"));
    CHECK(unauthorized.status == 401);
    CHECK(unauthorized.header("WWW-Authenticate") == "Bearer");
    CHECK(client.request("DELETE", "/api/articles/a", bearer()).status == 200);
    CHECK(client.get("/api/doc/a").status == 404);
    CHECK(client.request("DELETE", "/api/articles/a", bearer()).status == 404);
    CHECK(client.request("PUT", "/api/articles", bearer()).status == 405);
    std::string large;  // well over the 64 KiB that other requests may carry
    for (int i = 0; i < 100; ++i) large += article_line("big" + std::to_string(i), std::string(2000, 'x') + " текст");
    const auto accepted = client.request("POST", "/api/articles", bearer(), large);
    CHECK(accepted.status == 200);
    CHECK(json::parse(accepted.body)["accepted"] == 100);
    CHECK(HttpClient(server.port()).request("GET", "/healthz", {}, std::string(65 * 1024, 'x')).status == 413);
    HttpClient big(server.port());
    const auto too_large = big.request("POST", "/api/articles", bearer(), std::string(64 * 1024 * 1024 + 1, ' '));
    CHECK(too_large.status == 413);
}

TEST_CASE("writes are committed and found at the lowest --write-niceness and the highest; past 19 is refused") {
    LiveSetup setup;
    for (const std::string niceness : {"0", "19"}) {
        auto args = setup.server_args();
        args.insert(args.end(), {"--write-niceness", niceness});
        ServerProcess server(setup.db, args);
        HttpClient client(server.port());
        const std::string id = "n" + niceness;
        const auto written = client.request("POST", "/api/articles", bearer(),
                                            article_line(id, "Статья со словом уступчивость" + niceness + "."));
        CHECK(written.status == 200);
        CHECK(client.get("/api/doc/" + id).status == 200);
    }
    const auto refused = test_support::run_program({test_support::program("server").string(), "--db",
                                                    setup.db.string(), "--write-niceness", "20"});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("--write-niceness") != std::string::npos);
}

TEST_CASE("a read-only server refuses writes, and a full rebuild is refused while a server takes writes") {
    LiveSetup setup;
    {
        ServerProcess read_only(setup.db);
        CHECK(HttpClient(read_only.port()).request("POST", "/api/articles", bearer(), article_line("x", "т")).status ==
              403);
    }
    ServerProcess server(setup.db, setup.server_args());
    const auto rebuild = test_support::run_indexer(setup.db, {(setup.dir / "in").string()});
    CHECK(rebuild.exit_code == 1);
    CHECK(rebuild.err.find("is being written by server pid") != std::string::npos);
    const auto update = test_support::run_program(
        {test_support::program("indexer").string(), "--db", setup.db.string(), "--update", (setup.dir / "in").string()});
    CHECK(update.exit_code == 1);
    CHECK(update.err.find("one writer at a time") != std::string::npos);
}

TEST_CASE("the indexer's update mode writes only new and changed articles and removes those gone") {
    LiveSetup setup;
    auto update = [&] {
        return test_support::run_program({test_support::program("indexer").string(), "--db", setup.db.string(),
                                          "--update", (setup.dir / "in").string()});
    };
    auto unchanged = update();
    REQUIRE(unchanged.exit_code == 0);
    CHECK(unchanged.out.find("2 read, 0 added, 0 changed, 2 unchanged, 0 removed") != std::string::npos);

    setup.dir.write("in/a.jsonl", article_line("a", "Первая статья о погоде, исправленная.") +
                                      article_line("c", "Третья статья о театре."));
    const auto changed = update();
    REQUIRE(changed.exit_code == 0);
    CHECK(changed.out.find("2 read, 1 added, 1 changed, 0 unchanged, 1 removed") != std::string::npos);

    ServerProcess server(setup.db);
    HttpClient client(server.port());
    CHECK(client.get("/api/doc/b").status == 404);
    CHECK(client.get("/api/doc/c").status == 200);
    CHECK(json::parse(client.get("/api/doc/a").body)["text"] == "Первая статья о погоде, исправленная.");
}

TEST_CASE("GET /feed is an Atom feed of the newest matches that a real feed parser reads, odd titles included") {
    LiveSetup setup;
    ServerProcess server(setup.db, setup.server_args());
    HttpClient client(server.port());
    const std::string odd_title = "Лавров <ответил> & сказал \"да\" и 'нет'";
    const std::string body =
        json{{"id", "odd"}, {"title", odd_title}, {"text", "Ответ Лаврова о ледоходе."}, {"date", "2024-05-02"},
             {"source", "РИА Новости"}}.dump() + "\n" +
        json{{"id", "older"}, {"title", "Ледоход"}, {"text", "Лавров и ледоход."}, {"date", "2023-01-01"}}.dump() + "\n";
    REQUIRE(client.request("POST", "/api/articles", bearer(), body).status == 200);
    REQUIRE(client.request("DELETE", "/api/articles/a", bearer()).status == 200);

    const auto feed = client.get("/feed?q=%D0%9B%D0%B0%D0%B2%D1%80%D0%BE%D0%B2");  // Лавров
    REQUIRE(feed.status == 200);
    CHECK(feed.header("Content-Type").find("application/atom+xml") == 0);
    const auto saved = setup.dir.write("feed.xml", feed.body);
    const auto parsed = test_support::run_program(
        {"/usr/bin/python3", std::string(NEWSEARCH_SOURCE_DIR) + "/tests/feed/read_feed.py", saved.string()});
    REQUIRE(parsed.exit_code == 0);
    const json read = json::parse(parsed.out);
    CHECK(read["bozo"] == false);
    CHECK(read["version"] == "atom10");
    REQUIRE(read["entries"].size() == 2);
    const json& first = read["entries"][0];
    CHECK(first["title"] == odd_title);
    CHECK(first["id"] == "urn:newsearch:article:odd");
    CHECK(first["link"].get<std::string>().find("/doc/odd") != std::string::npos);
    CHECK(first["updated"] == "2024-05-02T00:00:00Z");
    CHECK(first["author"] == "РИА Новости");
    CHECK(first["summary"].get<std::string>().find("Лаврова") != std::string::npos);
    CHECK(read["entries"][1]["id"] == "urn:newsearch:article:older");

    const auto withdrawn = client.get("/feed?q=%D0%BF%D0%BE%D0%B3%D0%BE%D0%B4%D0%B5");  // погоде: only in "a"
    CHECK(withdrawn.body.find("<entry>") == std::string::npos);
}
