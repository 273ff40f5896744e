// GET /api/export through server::route(): every hit of a search as CSV
// or NDJSON, in the search's order, streamed in pieces.
#include "core/export.h"
#include "server/export_api.h"
#include "server/router.h"
#include "server/url.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_index.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

using nlohmann::json;
using server::Method;
using server::percent_encode;
using test_support::make_article;

namespace {

constexpr int kFloodSize = 1200;  // articles that all mention "ледоход": more than two pieces of 500 rows

core::Article dated(core::Article article, std::string date, std::string source = "РИА Новости") {
    article.date = std::move(date);
    article.source = std::move(source);
    article.url = "https://example.org/" + article.id;
    return article;
}

class ExportFixture {
public:
    static ExportFixture& instance() {
        static ExportFixture fixture;
        return fixture;
    }
    server::IndexHandle& index() { return index_; }

private:
    ExportFixture() : index_((dir_ / "idx").string()) {
        const std::string story =
            "Парламент Киргизии в четверг утвердил новый состав правительства республики, сообщила пресс-служба "
            "Жогорку Кенеша. За решение проголосовали восемьдесят депутатов из девяноста.";
        std::vector<core::Article> articles = {
            dated(make_article("odd", "Лавров, \"да\" и\nнет", "Лавров ответил на вопрос о ледоходе & разметке <b>."),
                  "2024-05-02"),
            dated(make_article("quoted", "Заявление министра",
                               "«Мы остаёмся партнерами и союзниками на ледоходе», — сказал Сергей Лавров журналистам."),
                  "2024-04-01"),
            dated(make_article("copy-a", "Парламент утвердил правительство", story), "2024-03-01"),
            dated(make_article("copy-b", "Кабмин утверждён", story), "2024-03-01", "Sputnik"),
            dated(make_article("copy-c", "Правительство утверждено", story), "2024-03-02", "ТАСС"),
        };
        for (int i = 0; i < kFloodSize; ++i) {
            const std::string n = std::to_string(i);
            articles.push_back(dated(make_article("flood-" + n, "Ледоход номер " + n,
                                                  "На реке начался ледоход. Выпуск " + n + (i % 3 == 0 ? " на Неве." : ".")),
                                     "2023-" + std::string(i % 12 < 9 ? "0" : "") + std::to_string(i % 12 + 1) + "-15"));
        }
        test_support::build_index(dir_ / "idx", articles);
    }

    test_support::TempDir dir_;
    server::IndexHandle index_;
};

server::Reply get(const std::string& target) { return server::route(Method::Get, target, ExportFixture::instance().index()); }

std::string q(const std::string& words) { return percent_encode(words); }

// The body's lines (CRLF or LF ends), outside quoted fields only.
std::vector<std::vector<std::string>> read_csv(const std::string& text) {
    std::vector<std::vector<std::string>> records(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += text[++i];
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            records.back().push_back(std::move(field));
            field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            records.back().push_back(std::move(field));
            field.clear();
            records.emplace_back();
            ++i;
        } else {
            field += c;
        }
    }
    records.pop_back();  // after the last CRLF
    return records;
}

std::vector<std::string> ids_of_search(const std::string& query_string) {
    std::vector<std::string> ids;
    for (int offset = 0;; offset += 100) {
        const server::Reply reply = get("/api/search?" + query_string + "&limit=100&offset=" + std::to_string(offset));
        const json page = json::parse(reply.body);
        for (const json& hit : page["hits"]) ids.push_back(hit["id"]);
        if (page["hits"].size() < 100) return ids;
    }
}

std::vector<std::string> ids_of_export(const std::string& query_string) {
    server::Reply reply = get("/api/export?format=ndjson&" + query_string);
    REQUIRE(reply.status == 200);
    std::istringstream lines(whole_body(reply));
    std::vector<std::string> ids;
    for (std::string line; std::getline(lines, line);) ids.push_back(json::parse(line)["id"]);
    return ids;
}

}  // namespace

TEST_CASE("a CSV export has a header row and one row per hit, as many as the search's total, in pieces") {
    server::Reply reply = get("/api/export?q=" + q("ледоход"));
    REQUIRE(reply.status == 200);
    CHECK(reply.content_type.find("text/csv; charset=utf-8") == 0);
    CHECK(reply.headers.at(0).first == "Content-Disposition");
    CHECK(reply.headers.at(0).second == "attachment; filename=\"newsearch-hits.csv\"");
    REQUIRE(reply.more);
    const std::size_t first_piece = reply.body.size();
    const std::string body = whole_body(reply);
    CHECK(body.size() > 2 * first_piece);  // the rest came in further pieces

    const auto records = read_csv(body);
    REQUIRE(records.size() > 1);
    CHECK(records.front() == std::vector<std::string>{"id", "date", "source", "title", "url", "snippet", "speaker"});
    const json search = json::parse(get("/api/search?q=" + q("ледоход")).body);
    REQUIRE(search["total_exact"] == true);
    CHECK(records.size() - 1 == search["total"].get<std::size_t>());
    CHECK(records.size() - 1 == kFloodSize + 2);
    for (const auto& record : records) CHECK(record.size() == 7);
}

TEST_CASE("a title with a comma, quotes and a new line is one quoted CSV field, quotes doubled") {
    server::Reply reply = get("/api/export?q=" + q("Лавров разметке"));
    const std::string body = whole_body(reply);
    CHECK(body.find("\"odd\",\"2024-05-02\",\"РИА Новости\",\"Лавров, \"\"да\"\" и\nнет\",\"https://example.org/odd\",") !=
          std::string::npos);
    const auto records = read_csv(body);
    REQUIRE(records.size() >= 2);
    CHECK(records[1][3] == "Лавров, \"да\" и\nнет");
    CHECK(body.substr(body.size() - 2) == "\r\n");
}

TEST_CASE("the snippet of an export is plain text: no <mark>, no escaped characters") {
    server::Reply reply = get("/api/export?format=ndjson&q=" + q("разметке"));
    const json row = json::parse(whole_body(reply));
    CHECK(row["id"] == "odd");
    const std::string snippet = row["snippet"];
    CHECK(snippet.find("ледоходе & разметке <b>.") != std::string::npos);
    CHECK(snippet.find("<mark>") == std::string::npos);
    CHECK(snippet.find("&amp;") == std::string::npos);
}

TEST_CASE("an NDJSON export is one JSON object a line with the CSV's fields") {
    server::Reply reply = get("/api/export?format=ndjson&q=" + q("ледоход") + "&limit=3");
    CHECK(reply.content_type.find("application/x-ndjson") == 0);
    CHECK(reply.headers.at(0).second == "attachment; filename=\"newsearch-hits.ndjson\"");
    std::istringstream lines(whole_body(reply));
    int count = 0;
    for (std::string line; std::getline(lines, line); ++count) {
        const json row = json::parse(line);
        for (const char* field : {"id", "date", "source", "title", "url", "snippet", "speaker"}) {
            INFO(field);
            CHECK(row[field].is_string());
        }
    }
    CHECK(count == 3);
}

TEST_CASE("the export lists the hits in the order the search pages them, by relevance and newest first") {
    for (const std::string& query : {"q=" + q("ледоход Неве"), "q=" + q("ледоход") + "&sort=date",
                                    "q=" + q("парламент ледоход") + "&collapse=0"}) {
        INFO(query);
        const auto exported = ids_of_export(query);
        CHECK(exported.size() > 100);
        CHECK(exported == ids_of_search(query));
    }
}

TEST_CASE("copies of one story are one row, as the search counts stories; collapse=0 gives every copy") {
    const auto stories = ids_of_export("q=" + q("Жогорку Кенеша"));
    CHECK(stories.size() == 1);
    const auto copies = ids_of_export("q=" + q("Жогорку Кенеша") + "&collapse=0");
    CHECK(copies.size() == 3);
}

TEST_CASE("the page's filters narrow an export as they narrow the search") {
    CHECK(ids_of_export("q=" + q("Жогорку") + "&collapse=0&source=" + q("ТАСС")) == std::vector<std::string>{"copy-c"});
    CHECK(ids_of_export("q=" + q("ледоход") + "&from=2024-05").front() == "odd");
    CHECK(ids_of_export("q=" + q("ледоход") + "&from=2024-05").size() == 1);
}

TEST_CASE("the speaker column names who said a quotation matching the query") {
    server::Reply reply = get("/api/export?format=ndjson&q=" + q("партнерами союзниками"));
    const json row = json::parse(whole_body(reply));
    CHECK(row["id"] == "quoted");
    CHECK(row["speaker"] == "Сергей Лавров");
    server::Reply by_speaker = get("/api/export?format=ndjson&q=" + q("speaker:Лаврова"));
    CHECK(json::parse(whole_body(by_speaker))["speaker"] == "Сергей Лавров");
    server::Reply none = get("/api/export?format=ndjson&q=" + q("разметке"));
    CHECK(json::parse(whole_body(none))["speaker"] == "");
}

TEST_CASE("kind=quotes exports the quotations of a speaker with their citation lines") {
    server::Reply reply = get("/api/export?kind=quotes&speaker=" + q("Лавров"));
    REQUIRE(reply.status == 200);
    CHECK(reply.headers.at(0).second == "attachment; filename=\"newsearch-quotes.csv\"");
    const auto records = read_csv(whole_body(reply));
    REQUIRE(records.size() == 2);
    CHECK(records[0] == std::vector<std::string>{"id", "date", "source", "title", "url", "speaker", "speaker_full",
                                                 "speaker_title", "quote", "citation"});
    CHECK(records[1][0] == "quoted");
    CHECK(records[1][6] == "Сергей Лавров");
    CHECK(records[1][8] == "Мы остаёмся партнерами и союзниками на ледоходе");
    CHECK(records[1][9].find("— Сергей Лавров, РИА Новости, 2024-04-01") != std::string::npos);
}

TEST_CASE("limit caps the rows of an export") {
    CHECK(ids_of_export("q=" + q("ледоход") + "&limit=501").size() == 501);
    CHECK(ids_of_export("q=" + q("ледоход") + "&limit=0").empty());
}

TEST_CASE("bad export parameters get 400 with a JSON error") {
    for (const char* target :
         {"/api/export?q=x&format=xml", "/api/export?q=x&kind=people", "/api/export?q=x&limit=100001",
          "/api/export?q=x&limit=-1", "/api/export?q=x&offset=10", "/api/export?q=", "/api/export?q=x&from=yesterday",
          "/api/export?q=x&sort=title", "/api/export?kind=quotes"}) {
        INFO(target);
        const server::Reply reply = get(target);
        CHECK(reply.status == 400);
        CHECK_FALSE(reply.more);
        CHECK(json::parse(reply.body)["error"].is_string());
    }
}

TEST_CASE("a CSV field is quoted, with its quotes doubled, and the record ends in CRLF") {
    std::string out;
    server::append_csv_record(out, {"a", "", "x,\"y\"\r\nz"});
    CHECK(out == "\"a\",\"\",\"x,\"\"y\"\"\r\nz\"\r\n");
}

TEST_CASE("html_to_text drops tags and reads entities back") {
    CHECK(core::html_to_text("<mark class=\"form\">Лаврова</mark> &amp; &lt;b&gt; &quot;да&quot; &#39;нет&#39; &x") ==
          "Лаврова & <b> \"да\" 'нет' &x");
}
