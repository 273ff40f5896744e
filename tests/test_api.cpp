// The HTTP handlers called directly through server::route() against a small
// index built in a temporary folder.
#include "server/router.h"
#include "server/url.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_index.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>
#include <string>

using nlohmann::json;
using server::Method;
using server::percent_encode;
using test_support::make_article;

namespace {

constexpr int kSeriesSize = 15;  // articles that all mention "саммит"

// One index for the whole file: building it takes a moment.
class ApiFixture {
public:
    static ApiFixture& instance() {
        static ApiFixture fixture;
        return fixture;
    }
    server::IndexHandle& index() { return index_; }

private:
    ApiFixture() : index_((dir_ / "idx").string()) {
        std::vector<core::Article> articles = {
            make_article("lavrov", "Лавров встретился с Казакбаевым",
                         "Министр иностранных дел России Сергей Лавров провёл переговоры с Русланом Казакбаевым "
                         "в Бишкеке.\nСтороны обсудили сотрудничество."),
            make_article("weather", "Погода в Москве", "В Москве ожидается снег и мороз до минус десяти градусов."),
            make_article("xss", "Заметка <b>о разметке</b>",
                         "Текст статьи содержит <script>alert(1)</script> и слово разметка & амперсанд."),
        };
        articles.push_back(make_article("kosachev", "Косачев о Киргизии",
                                        "«Россия и Киргизия остаются партнерами и союзниками», — отметил "
                                        "председатель комитета Константин Косачев."));
        core::Article hostile = make_article("hostile", "Статья с опасной ссылкой", "Текст про черепаху.");
        hostile.url = "javascript:alert(3)";
        hostile.source = "<script>alert(4)</script>";
        hostile.place = "\"><img src=x onerror=alert(5)>";
        articles.push_back(hostile);
        for (int i = 0; i < kSeriesSize; ++i) {
            articles.push_back(make_article("summit-" + std::to_string(i), "Саммит номер " + std::to_string(i),
                                            "На саммите обсуждали торговлю. Выпуск " + std::to_string(i) + "."));
        }
        test_support::build_index(dir_ / "idx", articles);
    }

    test_support::TempDir dir_;
    server::IndexHandle index_;
};

server::Reply get(const std::string& target) { return server::route(Method::Get, target, ApiFixture::instance().index()); }

json body_json(const server::Reply& reply) {
    json j = json::parse(reply.body, nullptr, false);
    INFO(reply.body);
    REQUIRE_FALSE(j.is_discarded());
    return j;
}

// A refusal: the status given, JSON with a non-empty "error" string.
void check_json_error(const std::string& target, int status) {
    INFO("target: " << target);
    const server::Reply reply = get(target);
    CHECK(reply.status == status);
    CHECK(reply.content_type.find("application/json") == 0);
    const json j = body_json(reply);
    REQUIRE(j.contains("error"));
    CHECK(j["error"].is_string());
    CHECK_FALSE(j["error"].get<std::string>().empty());
}

std::string search(const std::string& query) { return "/api/search?q=" + percent_encode(query); }

std::vector<std::string> hit_ids(const json& body) {
    std::vector<std::string> ids;
    for (const json& hit : body["hits"]) ids.push_back(hit["id"].get<std::string>());
    return ids;
}

}  // namespace

TEST_CASE("a search answers JSON with the query, total, timing, paging and hits") {
    const server::Reply reply = get(search("Лавров"));
    REQUIRE(reply.status == 200);
    CHECK(reply.content_type == "application/json; charset=utf-8");
    const json j = body_json(reply);
    CHECK(j["query"] == "Лавров");
    CHECK(j["total"].is_number_unsigned());
    CHECK(j["total"].get<int>() >= 1);
    CHECK(j["took_ms"].is_number());
    CHECK(j["took_ms"].get<double>() >= 0);
    CHECK(j["limit"] == 10);
    CHECK(j["offset"] == 0);
    REQUIRE(j["hits"].is_array());
    REQUIRE_FALSE(j["hits"].empty());
    const json& hit = j["hits"][0];
    CHECK(hit["id"] == "lavrov");
    CHECK(hit["title"] == "Лавров встретился с Казакбаевым");
    CHECK(hit["score"].is_number());
    for (const char* field : {"title_html", "snippet", "date", "url", "source", "place"}) {
        INFO(field);
        CHECK(hit[field].is_string());
    }
    CHECK(hit["snippet"].get<std::string>().find("<mark>") != std::string::npos);
    CHECK(hit["title_html"].get<std::string>().find("<mark>Лавров</mark>") != std::string::npos);
}

TEST_CASE("a quotation pasted into the search box finds its article first and says who said it") {
    for (const char* pasted : {"«Россия и Киргизия остаются партнерами и союзниками»",
                               "\"россия и киргизия остаются партнёрами\"", "Киргизия остаются партнерами"}) {
        INFO(pasted);
        const json j = body_json(get("/api/search?q=" + percent_encode(pasted)));
        REQUIRE_FALSE(j["hits"].empty());
        const json& first = j["hits"][0];
        CHECK(first["id"] == "kosachev");
        REQUIRE(first.contains("quote"));
        CHECK(first["quote"]["speaker_full"] == "Константин Косачев");
        CHECK(first["quote"]["citation"].get<std::string>().rfind(
                  "«Россия и Киргизия остаются партнерами и союзниками» — Константин Косачев", 0) == 0);
    }
    const server::Reply page = get("/search?q=" + percent_encode("«остаются партнерами и союзниками»"));
    CHECK(page.body.find("Цитата — <a class=\"speaker\"") != std::string::npos);
}

TEST_CASE("words that do not all stand in one quotation say nothing about quotations") {
    for (const char* query : {"Косачев Киргизия", "Косачев отметил союзниками"}) {
        INFO(query);
        const json j = body_json(get("/api/search?q=" + percent_encode(query)));
        REQUIRE_FALSE(j["hits"].empty());
        CHECK_FALSE(j["hits"][0].contains("quote"));
    }
}

TEST_CASE("limit and offset page through the hits without overlap") {
    const json first = body_json(get(search("саммит") + "&limit=5"));
    const json second = body_json(get(search("саммит") + "&limit=5&offset=5"));
    CHECK(first["limit"] == 5);
    CHECK(second["offset"] == 5);
    const auto a = hit_ids(first), b = hit_ids(second);
    REQUIRE(a.size() == 5);
    REQUIRE(b.size() == 5);
    std::set<std::string> all(a.begin(), a.end());
    all.insert(b.begin(), b.end());
    CHECK(all.size() == 10);
    CHECK(first["total"] == kSeriesSize);
}

TEST_CASE("the default page has ten hits and the largest limit is accepted") {
    CHECK(hit_ids(body_json(get(search("саммит")))).size() == 10);
    CHECK(hit_ids(body_json(get(search("саммит") + "&limit=100"))).size() == kSeriesSize);
    CHECK(get(search("саммит") + "&offset=10000").status == 200);
}

TEST_CASE("an offset past the last hit answers an empty page, not an error") {
    const server::Reply reply = get(search("саммит") + "&offset=500");
    REQUIRE(reply.status == 200);
    CHECK(body_json(reply)["hits"].empty());
}

TEST_CASE("limit and offset that are negative, not numbers or too large are refused with 400") {
    for (const char* bad : {"-1", "abc", "101", "5x", "1e2", "1.5", " 5", "99999999999999999999999", "%2B5"}) {
        check_json_error(search("саммит") + "&limit=" + bad, 400);
    }
    for (const char* bad : {"-1", "abc", "10001", "0x10", "99999999999999999999999"}) {
        check_json_error(search("саммит") + "&offset=" + bad, 400);
    }
}

TEST_CASE("an empty, blank or missing query is refused with 400") {
    check_json_error("/api/search?q=", 400);
    check_json_error("/api/search?q=+++", 400);
    check_json_error("/api/search?q=%09%0A", 400);
    check_json_error("/api/search", 400);
    check_json_error("/api/search?limit=5", 400);
}

TEST_CASE("a query longer than 1000 characters is refused with 414") {
    check_json_error(search(std::string(1001, 'a')), 414);
    check_json_error(search(std::string(100 * 1024, 'a')), 414);
    std::string long_russian;
    for (int i = 0; i < 1001; ++i) long_russian += "ж";
    check_json_error(search(long_russian), 414);
}

TEST_CASE("the query limit counts characters, not bytes") {
    std::string words;
    for (int i = 0; i < 99; ++i) words += "жжжжжжжжж ";  // 990 characters, 1,881 bytes
    CHECK(get(search(words)).status == 200);
}

TEST_CASE("a query that is not valid UTF-8 is refused with 400") {
    check_json_error("/api/search?q=%FF%FE", 400);
    check_json_error("/api/search?q=%D0", 400);             // a truncated two-byte letter
    check_json_error("/api/search?q=%C0%AF", 400);          // an overlong slash
    check_json_error("/api/search?q=%ED%A0%80", 400);       // a UTF-16 surrogate
    check_json_error("/api/search?q=a%00b", 400);           // NUL
}

TEST_CASE("percent-encoding garbage in the target is refused with 400") {
    check_json_error("/api/search?q=%", 400);
    check_json_error("/api/search?q=%G1", 400);
    check_json_error("/api/search?q=abc%2", 400);
    check_json_error("/api/search?q%ZZ=1", 400);
    check_json_error("/api/doc/%", 400);
}

TEST_CASE("unknown parameters are ignored") {
    const json plain = body_json(get(search("саммит") + "&limit=3"));
    const server::Reply extra = get(search("саммит") + "&limit=3&foo=bar&debug=1&%D0%B6=1&callback=x");
    REQUIRE(extra.status == 200);
    CHECK(hit_ids(body_json(extra)) == hit_ids(plain));
}

TEST_CASE("unbalanced quotes, brackets and operator soup never fail the server") {
    for (const char* query : {"\"Лавров", "(Лавров", "Лавров)", "AND OR NOT ( * \"", "NOT", "*", "\"\"", "((((",
                              "-", "title:", "Лавров AND", "OR OR OR", ")))(((", "\\", "' OR 1=1 --"}) {
        INFO("query: " << query);
        const server::Reply reply = get(search(query));
        CHECK((reply.status == 200 || reply.status == 400));
        const json j = body_json(reply);
        if (reply.status == 200) CHECK(j["hits"].is_array());
        else CHECK(j.contains("error"));
    }
}

TEST_CASE("the article endpoint answers the whole article as JSON") {
    const server::Reply reply = get("/api/doc/lavrov");
    REQUIRE(reply.status == 200);
    const json j = body_json(reply);
    CHECK(j["id"] == "lavrov");
    CHECK(j["title"] == "Лавров встретился с Казакбаевым");
    CHECK(j["text"].get<std::string>().find("Сторон") != std::string::npos);
}

TEST_CASE("an unknown article id answers 404 with a JSON error") {
    check_json_error("/api/doc/no-such-article", 404);
    check_json_error("/api/doc/" + percent_encode("нет-такой"), 404);
}

TEST_CASE("article ids with dot-dot, slashes or NUL are refused with 4xx and reveal no file") {
    for (const char* target : {"/api/doc/..", "/api/doc/%2E%2E", "/api/doc/.", "/api/doc/%2F", "/api/doc/..%2F..%2Fetc%2Fpasswd",
                               "/api/doc/../../etc/passwd", "/api/doc/a%00b", "/api/doc/%00", "/api/doc/",
                               "/api/doc/a%5Cb", "/api/doc/%FF", "/api/doc/a%0Ab"}) {
        INFO("target: " << target);
        const server::Reply reply = get(target);
        CHECK(reply.status >= 400);
        CHECK(reply.status < 500);
        CHECK(body_json(reply).contains("error"));
        CHECK(reply.body.find("root:") == std::string::npos);
    }
}

TEST_CASE("methods other than GET and HEAD are refused with 405 on every endpoint") {
    for (const char* target : {"/api/search?q=x", "/api/doc/lavrov", "/healthz", "/", "/search?q=x", "/nowhere"}) {
        const server::Reply reply = server::route(Method::Other, target, ApiFixture::instance().index());
        CHECK(reply.status == 405);
        CHECK(body_json(reply).contains("error"));
    }
}

TEST_CASE("HEAD is routed like GET") {
    const server::Reply head = server::route(Method::Head, "/healthz", ApiFixture::instance().index());
    CHECK(head.status == 200);
    CHECK(head.body == get("/healthz").body);
}

TEST_CASE("healthz reports the number of documents") {
    const json j = body_json(get("/healthz"));
    CHECK(j["status"] == "ok");
    CHECK(j["documents"] == 5 + kSeriesSize);
}

TEST_CASE("an unknown endpoint answers 404 with a JSON error") {
    check_json_error("/api/nothing", 404);
    check_json_error("/etc/passwd", 404);
}

TEST_CASE("markup in the article text is escaped in API snippets and titles") {
    const json j = body_json(get(search("разметка")));
    REQUIRE_FALSE(j["hits"].empty());
    const json& hit = j["hits"][0];
    CHECK(hit["id"] == "xss");
    const std::string snippet = hit["snippet"];
    CHECK(snippet.find("<script>") == std::string::npos);
    CHECK(snippet.find("&lt;script&gt;") != std::string::npos);
    CHECK(snippet.find("&amp;") != std::string::npos);
    CHECK(hit["title_html"].get<std::string>().find("<b>") == std::string::npos);
}

TEST_CASE("a script in the query is reflected as text on the search page") {
    const server::Reply reply = get("/search?q=" + percent_encode("<script>alert(1)</script>"));
    REQUIRE(reply.status == 200);
    CHECK(reply.content_type.find("text/html") == 0);
    CHECK(reply.body.find("<script>alert(1)") == std::string::npos);
    CHECK(reply.body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
}

TEST_CASE("a query that closes the search box attribute cannot inject markup") {
    const server::Reply reply = get("/search?q=" + percent_encode("саммит\"><img src=x onerror=alert(1)>"));
    REQUIRE(reply.status == 200);
    CHECK(reply.body.find("<img src=x") == std::string::npos);
    CHECK(reply.body.find("&quot;&gt;&lt;img") != std::string::npos);
}

TEST_CASE("a script in the article text is escaped on the article page") {
    const server::Reply reply = get("/doc/xss?q=" + percent_encode("разметка"));
    REQUIRE(reply.status == 200);
    CHECK(reply.body.find("<script>alert(1)") == std::string::npos);
    CHECK(reply.body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(reply.body.find("<b>о разметке</b>") == std::string::npos);
    CHECK(reply.body.find(" id=\"first-match\">разметка</mark>") != std::string::npos);
}

TEST_CASE("a script in the query is reflected as text on the article page") {
    const server::Reply reply = get("/doc/xss?q=" + percent_encode("\"><script>alert(2)</script>"));
    REQUIRE(reply.status == 200);
    CHECK(reply.body.find("<script>alert(2)") == std::string::npos);
    CHECK(reply.body.find("&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;") != std::string::npos);
}

TEST_CASE("a javascript: url and markup in article fields are never made live on the pages") {
    for (const std::string& target : {std::string("/doc/hostile"), "/search?q=" + percent_encode("черепаха")}) {
        INFO("target: " << target);
        const server::Reply reply = get(target);
        REQUIRE(reply.status == 200);
        CHECK(reply.body.find("Статья с опасной ссылкой") != std::string::npos);
        CHECK(reply.body.find("href=\"javascript:") == std::string::npos);
        CHECK(reply.body.find("<script>alert(4)") == std::string::npos);
        CHECK(reply.body.find("<img src=x") == std::string::npos);
    }
}

TEST_CASE("bad input to the HTML pages answers an HTML error page with the 4xx") {
    for (const auto& [target, status] : std::vector<std::pair<std::string, int>>{
             {"/search?q=%FF", 400}, {"/search?q=x&limit=-1", 400}, {"/search?q=" + std::string(1001, 'a'), 414},
             {"/doc/..", 400}, {"/doc/no-such-article", 404}}) {
        INFO("target: " << target);
        const server::Reply reply = get(target);
        CHECK(reply.status == status);
        CHECK(reply.content_type.find("text/html") == 0);
    }
}

TEST_CASE("a missing index answers 503 with a JSON error, not a crash") {
    test_support::TempDir dir;
    server::IndexHandle missing((dir / "none").string());
    const server::Reply reply = server::route(Method::Get, "/api/search?q=x", missing);
    CHECK(reply.status == 503);
    CHECK(body_json(reply).contains("error"));
    CHECK(server::route(Method::Get, "/search?q=x", missing).status == 503);
    CHECK(server::route(Method::Get, "/healthz", missing).status == 503);
}

TEST_CASE("the total counts every match exactly, beyond the first hundred, and says it is exact") {
    test_support::TempDir dir;
    std::vector<core::Article> articles;
    for (int i = 0; i < 340; ++i) {
        const std::string n = std::to_string(i);
        // Bodies under eight words never join a reprint cluster: each is its own story.
        articles.push_back(test_support::make_article("t" + n, "Выпуск " + n,
                                                      i % 2 ? "Саммит и переговоры, день " + n : "Саммит, день " + n));
    }
    test_support::build_index(dir / "idx", articles);
    server::IndexHandle index((dir / "idx").string());
    auto answer = [&](const std::string& words, const std::string& more) {
        return json::parse(server::route(server::Method::Get, search(words) + more, index).body);
    };
    for (const std::string more : {"&limit=1", "&limit=10&offset=200", "&collapse=0", "&sort=date"}) {
        CAPTURE(more);
        const json one_word = answer("саммит", more);
        CHECK(one_word["total"] == 340);
        CHECK(one_word["total_exact"] == true);
        const json two_words = answer("саммит переговоры", more);
        CHECK(two_words["total"] == 340);  // 170 with both words first, then 170 with one
        CHECK(two_words["total_exact"] == true);
    }
}

TEST_CASE("a prefix too short to expand says so, and is searched as the word itself") {
    const json answer = body_json(get(search("с* саммит")));
    REQUIRE(answer["notices"].size() == 1);
    CHECK(answer["notices"][0]["word"] == "с*");
    CHECK(answer["notices"][0]["notice"].get<std::string>().find("two letters") != std::string::npos);
    CHECK(answer["total"].get<int>() >= 1);
    CHECK_FALSE(body_json(get(search("сам*")))["hits"].empty());
    CHECK_FALSE(body_json(get(search("сам*"))).contains("notices"));
}

TEST_CASE("snippets=0 answers the same hits in the same order without snippets; other values are refused") {
    const json with = body_json(get(search("Казакбаев Лавров")));
    const json without = body_json(get(search("Казакбаев Лавров") + "&snippets=0"));
    REQUIRE_FALSE(with["hits"].empty());
    REQUIRE(without["hits"].size() == with["hits"].size());
    for (std::size_t i = 0; i < with["hits"].size(); ++i) {
        CHECK(without["hits"][i]["id"] == with["hits"][i]["id"]);
        CHECK(without["hits"][i]["title"] == with["hits"][i]["title"]);
        CHECK_FALSE(with["hits"][i]["snippet"].get<std::string>().empty());
        CHECK(without["hits"][i]["snippet"] == "");
    }
    CHECK(without["total"] == with["total"]);
    CHECK(get(search("Казакбаев") + "&snippets=2").status == 400);
    CHECK(get(search("Казакбаев") + "&snippets=no").status == 400);
}
