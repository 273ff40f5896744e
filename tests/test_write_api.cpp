// The write API (POST /api/articles, DELETE /api/articles/{id}) called
// through server::route() over a live index in a temporary folder, and the
// one-writer rule between the server and the indexer.
#include "core/index_writer.h"
#include "indexer/index_builder.h"
#include "server/router.h"
#include "server/url.h"
#include "server/write_api.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_index.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

using nlohmann::json;
using server::Method;
using test_support::make_article;

namespace {

// An index as `indexer --db` builds it, term lists kept (writes need them).
void build_live_index(const std::filesystem::path& db, const std::vector<core::Article>& articles) {
    indexer::IndexBuilder builder(db.string(), 0, true);
    for (const core::Article& article : articles) builder.add(article);
    builder.publish();
}

const std::string kToken = "test-token-0123456789";

std::string line(const std::string& id, const std::string& title, const std::string& text,
                 const std::string& date = "") {
    json j = {{"id", id}, {"title", title}, {"text", text}};
    if (!date.empty()) j["date"] = date;
    return j.dump() + "\n";
}

// A server's write path over its own index, without HTTP.
class LiveIndex {
public:
    LiveIndex()
        : db_((dir_ / "idx").string()),
          built_(build()),
          writer_(db_, "test", false),
          index_(db_),
          writes_(writer_, index_, kToken) {}

    server::Reply post(const std::string& body, const std::string& token = kToken) {
        return write(Method::Post, "POST", "/api/articles", body, token);
    }
    server::Reply remove(const std::string& id, const std::string& token = kToken) {
        return write(Method::Delete, "DELETE", "/api/articles/" + server::percent_encode(id), "", token);
    }
    server::Reply write(Method method, std::string_view name, const std::string& target, const std::string& body,
                        const std::string& token, bool shutting_down = false) {
        server::Request request;
        if (!token.empty()) request.headers.emplace_back("Authorization", "Bearer " + token);
        request.body = body;
        server::Services services{index_, &writes_, shutting_down};
        return server::route(method, target, services, std::move(request));
    }
    json get(const std::string& target) { return json::parse(server::route(Method::Get, target, index_).body); }
    int status(const std::string& target) { return server::route(Method::Get, target, index_).status; }
    std::vector<std::string> ids(const std::string& query) {
        std::vector<std::string> out;
        const json answer = get("/api/search?q=" + server::percent_encode(query));
        for (const json& hit : answer["hits"]) out.push_back(hit["id"]);
        return out;
    }
    const std::string& db() const { return db_; }
    std::uint64_t commits() const { return writes_.commits(); }

private:
    bool build() {
        build_live_index(dir_ / "idx", {make_article("old", "Погода в Москве", "В Москве идёт снег.")});
        return true;
    }

    test_support::TempDir dir_;
    std::string db_;
    bool built_;
    core::IndexWriter writer_;
    server::IndexHandle index_;
    server::WriteService writes_;
};

}  // namespace

TEST_CASE("a posted article is found by the next search, in any case form of a surname") {
    LiveIndex live;
    const server::Reply reply = live.post(line("new-1", "Казакбаев в Москве", "Министр Руслан Казакбаев прилетел."));
    REQUIRE(reply.status == 200);
    CHECK(json::parse(reply.body) == json{{"accepted", 1}, {"rejected", json::array()}});
    CHECK(live.ids("Казакбаевым") == std::vector<std::string>{"new-1"});
    CHECK(live.get("/api/doc/new-1")["title"] == "Казакбаев в Москве");
    CHECK(live.get("/healthz")["documents"] == 2);
}

TEST_CASE("posting an article with an id already present replaces it") {
    LiveIndex live;
    REQUIRE(live.post(line("old", "Погода в Сочи", "В Сочи тепло и солнечно.")).status == 200);
    CHECK(live.ids("Сочи") == std::vector<std::string>{"old"});
    CHECK(live.ids("снег").empty());
    CHECK(live.get("/healthz")["documents"] == 1);
}

TEST_CASE("each bad line is rejected with its number and reason and never stops the others") {
    LiveIndex live;
    const std::string body = line("a", "Первая", "Текст первой статьи.") + "not json at all\n" +
                             R"({"title": "без id", "text": "текст"})" "\n" + R"({"id": "no-text"})" "\n" +
                             "{\"id\": \"bad-utf8\", \"text\": \"\xff\xfe\"}\n" + std::string(100, '[') + "\n" +
                             "{\"id\": \"huge\", \"text\": \"" + std::string(server::kMaxWriteLineBytes, 'a') +
                             "\"}\n" + line("b", "Вторая", "Текст второй статьи.");
    const server::Reply reply = live.post(body);
    REQUIRE(reply.status == 200);
    const json answer = json::parse(reply.body);
    CHECK(answer["accepted"] == 2);
    REQUIRE(answer["rejected"].size() == 6);
    CHECK(answer["rejected"][0] == json{{"line", 2}, {"id", ""}, {"error", "not a JSON object"}});
    CHECK(answer["rejected"][1]["error"] == "no \"id\"");
    CHECK(answer["rejected"][2] == json{{"line", 4}, {"id", "no-text"}, {"error", "no \"text\""}});
    CHECK(answer["rejected"][3]["error"] == "not UTF-8");
    CHECK(answer["rejected"][4]["error"] == "JSON nested too deeply");
    CHECK(answer["rejected"][5]["line"] == 7);
    CHECK(answer["rejected"][5]["error"].get<std::string>().find("longer than") != std::string::npos);
    CHECK(live.status("/api/doc/a") == 200);
    CHECK(live.status("/api/doc/b") == 200);
}

TEST_CASE("a source too long to be a filter term is refused for its line, never answered 500") {
    LiveIndex live;
    json article = {{"id", "long-source"}, {"title", "Заголовок"}, {"text", "Текст статьи."}};
    article["source"] = std::string(300, 's');
    const server::Reply reply = live.post(article.dump() + "\n" + line("fine", "Заголовок", "Текст."));
    REQUIRE(reply.status == 200);
    const json answer = json::parse(reply.body);
    CHECK(answer["accepted"] == 1);
    REQUIRE(answer["rejected"].size() == 1);
    CHECK(answer["rejected"][0]["id"] == "long-source");
    CHECK(answer["rejected"][0]["error"].get<std::string>().find("source") != std::string::npos);
    CHECK(live.status("/api/doc/fine") == 200);
}

TEST_CASE("an article whose URL host is too long to filter on is still written and found") {
    LiveIndex live;
    json article = {{"id", "long-host"}, {"title", "Снегопад"}, {"text", "В Москве выпал снег."}};
    article["url"] = "https://" + std::string(300, 'h') + ".ru/news/1";
    const server::Reply reply = live.post(article.dump() + "\n");
    REQUIRE(reply.status == 200);
    CHECK(json::parse(reply.body)["accepted"] == 1);
    CHECK(live.ids("Снегопад") == std::vector<std::string>{"long-host"});
}

TEST_CASE("writes sent at the same time share commits, and each is acknowledged only once committed") {
    LiveIndex live;
    constexpr int kWriters = 8;
    constexpr int kPostsEach = 15;
    std::atomic<int> acknowledged{0};
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w) {
        writers.emplace_back([&live, &acknowledged, w] {
            for (int i = 0; i < kPostsEach; ++i) {
                const std::string id = "w" + std::to_string(w) + "-" + std::to_string(i);
                if (live.post(line(id, "Заметка " + id, "Министр Руслан Казакбаев прилетел в Бишкек.")).status == 200) {
                    ++acknowledged;
                }
            }
        });
    }
    for (std::thread& writer : writers) writer.join();
    REQUIRE(acknowledged == kWriters * kPostsEach);
    CHECK(live.get("/healthz")["documents"] == 1 + kWriters * kPostsEach);
    CHECK(live.get("/api/doc/w7-14")["title"] == "Заметка w7-14");
    CHECK(live.commits() < static_cast<std::uint64_t>(kWriters * kPostsEach));
    REQUIRE(live.remove("w0-0").status == 200);
    CHECK(live.status("/api/doc/w0-0") == 404);
}

TEST_CASE("a hundred thousand tiny lines are each answered") {
    LiveIndex live;
    std::string body;
    for (int i = 0; i < 100000; ++i) body += "{}\n";
    const server::Reply reply = live.post(body);
    REQUIRE(reply.status == 200);
    const json answer = json::parse(reply.body);
    CHECK(answer["accepted"] == 0);
    CHECK(answer["rejected"].size() == 100000);
}

TEST_CASE("a deleted article is gone from search, the article API, quotations and facets") {
    LiveIndex live;
    REQUIRE(live.post(line("q", "Косачев о партнерах",
                           "«Россия и Киргизия остаются партнерами и союзниками», — отметил Константин Косачев.",
                           "2021-05-04"))
                .status == 200);
    REQUIRE(live.get("/api/quotes?speaker=" + server::percent_encode("Косачев"))["total"] == 1);
    const server::Reply reply = live.remove("q");
    REQUIRE(reply.status == 200);
    CHECK(json::parse(reply.body) == json{{"deleted", "q"}});
    CHECK(live.ids("партнерами").empty());
    CHECK(live.status("/api/doc/q") == 404);
    CHECK(live.get("/api/quotes?speaker=" + server::percent_encode("Косачев"))["total"] == 0);
    CHECK(live.ids("date:2021").empty());
    CHECK(live.remove("q").status == 404);
}

// How often the spelling table has seen `word` (0: not there).
Xapian::doccount spelling_frequency(const std::string& db, const std::string& word) {
    const Xapian::Database database(db);
    for (auto it = database.spellings_begin(); it != database.spellings_end(); ++it) {
        if (*it == word) return it.get_termfreq();
    }
    return 0;
}

TEST_CASE("deleting takes back the spelling data drawn from the article") {
    test_support::TempDir dir;
    const std::string db = (dir / "idx").string();
    build_live_index(dir / "idx", {make_article("x", "Погода", "Гроссмейстер выиграл."),
                                   make_article("y", "Шахматы", "Гроссмейстер проиграл.")});
    REQUIRE(spelling_frequency(db, "гроссмейстер") == 2);
    core::IndexWriter writer(db, "test");
    writer.put(make_article("s", "Гроссмейстер", "Гроссмейстер выиграл. Гроссмейстер доволен."));
    writer.commit();
    CHECK(spelling_frequency(db, "гроссмейстер") == 5);
    REQUIRE(writer.erase("s"));
    writer.commit();
    CHECK(spelling_frequency(db, "гроссмейстер") == 2);
    writer.erase("x");
    writer.erase("y");
    writer.commit();
    CHECK(spelling_frequency(db, "гроссмейстер") == 0);
}

TEST_CASE("writes need the bearer token: 401 without one, 403 with a wrong one; reads stay open") {
    LiveIndex live;
    CHECK(live.post(line("t", "Т", "текст"), "").status == 401);
    CHECK(live.post(line("t", "Т", "текст"), "wrong-token-0123456789").status == 403);
    CHECK(live.remove("old", "").status == 401);
    CHECK(live.status("/api/doc/t") == 404);
    CHECK(live.status("/api/doc/old") == 200);
}

TEST_CASE("writes are refused with 503 while the server shuts down, and with 403 when writes are off") {
    LiveIndex live;
    CHECK(live.write(Method::Post, "POST", "/api/articles", line("t", "Т", "текст"), kToken, true).status == 503);
    test_support::TempDir dir;
    test_support::build_index(dir / "idx", {make_article("x", "Погода", "Снег.")});
    server::IndexHandle read_only((dir / "idx").string());
    server::Request request;
    request.body = line("t", "Т", "текст");
    const server::Reply reply = server::route(Method::Post, "/api/articles", read_only, std::move(request));
    CHECK(reply.status == 403);
    CHECK(server::route(Method::Get, "/api/articles", read_only).status == 405);
}

TEST_CASE("an index built without term lists is refused for writing with the reason") {
    test_support::TempDir dir;
    test_support::build_index(dir / "idx", {make_article("x", "Погода", "Снег.")});
    try {
        core::IndexWriter writer((dir / "idx").string(), "test");
        FAIL("opened an index without term lists for writing");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).find("without term lists") != std::string::npos);
    }
}

TEST_CASE("a second writer fails with a message naming the one that holds the index") {
    LiveIndex live;
    try {
        core::IndexWriter second(live.db(), "another");
        FAIL("a second writer opened the index");
    } catch (const core::IndexLocked& e) {
        CHECK(std::string(e.what()).find("being written by test") != std::string::npos);
    }
    const auto rebuild = test_support::run_indexer(live.db(), {test_support::corpus_dir().string()});
    CHECK(rebuild.exit_code == 1);
    CHECK(rebuild.err.find("being written by test") != std::string::npos);
    CHECK(live.get("/healthz")["documents"] == 1);
}

TEST_CASE("sort=date puts the newest first and articles without a date last; date_facet counts by day or month") {
    LiveIndex live;
    REQUIRE(live.post(line("mid", "Ледоход на реке", "Начался ледоход.", "2024-03-01") +
                      line("new", "Ледоход закончился", "Ледоход закончился.", "2024-04-02") +
                      line("undated", "Ледоход ледоход ледоход", "Ледоход ледоход ледоход.") +
                      line("early", "Ледоход ждут", "Ждут ледоход.", "2024-03-20"))
                .status == 200);
    const json by_date = live.get("/api/search?sort=date&q=" + server::percent_encode("ледоход"));
    std::vector<std::string> order;
    for (const json& hit : by_date["hits"]) order.push_back(hit["id"]);
    CHECK(order == std::vector<std::string>{"new", "early", "mid", "undated"});
    CHECK(live.ids("ледоход").front() == "undated");  // relevance stays the default
    CHECK(live.status("/api/search?sort=oldest&q=x") == 400);

    const json months = live.get("/api/search?date_facet=month&q=" + server::percent_encode("ледоход"));
    CHECK(months["date_facet"] == json::parse(R"([{"value":"2024-03","count":2},{"value":"2024-04","count":1}])"));
    const json days = live.get("/api/search?date_facet=day&q=" + server::percent_encode("ледоход"));
    CHECK(days["date_facet"].size() == 3);
    CHECK(days["date_facet"][0] == json{{"value", "2024-03-01"}, {"count", 1}});
}

TEST_CASE("a copy posted later joins the reprint cluster of the story it copies, and search folds it") {
    LiveIndex live;
    const std::string story =
        "Министр иностранных дел Сергей Лавров провёл в Бишкеке переговоры с главой МИД Киргизии Русланом "
        "Казакбаевым. Стороны обсудили торговлю, транспортные коридоры и работу 12 совместных комиссий, а также "
        "подготовку визита президента осенью 2024 года.";
    REQUIRE(live.post(line("wire-1", "Лавров в Бишкеке", story, "2024-03-05")).status == 200);
    REQUIRE(live.post(line("other", "Погода", "В Бишкеке тепло и солнечно, ветер слабый, осадков не ожидается.",
                           "2024-03-05")).status == 200);
    REQUIRE(live.post(line("copy-1", "Лавров и Казакбаев обсудили торговлю", story, "2024-03-06")).status == 200);

    const json first = live.get("/api/doc/wire-1");
    const json copy = live.get("/api/doc/copy-1");
    CHECK(copy["cluster"] == first["cluster"]);
    CHECK(live.get("/api/doc/other")["cluster"] != first["cluster"]);
    REQUIRE(copy["reprints"].size() == 1);
    CHECK(copy["reprints"][0]["id"] == "wire-1");

    const json folded = live.get("/api/search?q=" + server::percent_encode("Казакбаев"));
    REQUIRE(folded["hits"].size() == 1);
    CHECK(folded["hits"][0]["reprints"] == 1);
    CHECK(folded["hits"][0]["first"]["id"] == "wire-1");
    CHECK(live.get("/api/search?collapse=0&q=" + server::percent_encode("Казакбаев"))["hits"].size() == 2);
}
