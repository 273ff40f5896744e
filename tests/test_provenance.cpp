// Quotation provenance (/api/quotes?q=...&provenance=1): every article that
// carries a pasted quotation, earliest first, in the variants copies make.
#include "server/router.h"
#include "server/url.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_index.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using nlohmann::json;

namespace {

core::Article dated(std::string id, std::string text, std::string source, std::string date) {
    core::Article a = test_support::make_article(id, "Заявление министра", std::move(text));
    a.source = std::move(source);
    a.date = std::move(date);
    return a;
}

class ProvenanceFixture {
public:
    static ProvenanceFixture& instance() {
        static ProvenanceFixture fixture;
        return fixture;
    }
    server::Reply get(const std::string& quotation, const std::string& more = "&provenance=1") {
        return server::route(server::Method::Get, "/api/quotes?q=" + server::percent_encode(quotation) + more, index_);
    }
    server::Reply page(const std::string& query) {
        return server::route(server::Method::Get, "/search?q=" + server::percent_encode(query), index_);
    }

private:
    ProvenanceFixture() : index_(build()) {}
    std::string build() {
        test_support::build_index(dir_ / "idx", {
            dated("first", "«Мы не допустим эскалации конфликта в регионе и продолжим переговоры с партнёрами», — "
                           "заявил министр Сергей Лавров журналистам в Москве.", "ТАСС", "2024-03-01"),
            dated("straight", "Глава МИД Сергей Лавров заявил: \"Мы не допустим эскалации конфликта в регионе и "
                              "продолжим переговоры с партнёрами\". Других подробностей нет.", "Сайт", "2024-03-02"),
            dated("cut", "«Мы не допустим эскалации [...] в регионе и продолжим переговоры с партнёрами», — "
                         "сказал Лавров на брифинге.", "Газета", "2024-03-04"),
            dated("unattributed", "В регионе, по словам дипломатов, продолжим переговоры с партнёрами и не допустим "
                                  "эскалации конфликта: так звучит официальная позиция.", "Канал", ""),
            dated("same-words-apart", "Эскалация конфликта обсуждалась в регионе. Через неделю партнёры начали новые "
                                      "переговоры о ценах на зерно, а министр не допустил повышения пошлин. Мы "
                                      "продолжим следить за событиями.", "Вестник", "2024-02-01"),
            dated("other", "Погода в Москве: снег и гололедица, синоптики советуют ехать на метро.", "ТАСС", "2024-01-01"),
        });
        return (dir_ / "idx").string();
    }
    test_support::TempDir dir_;
    server::IndexHandle index_;
};

std::vector<std::string> ids_of(const json& carriers) {
    std::vector<std::string> ids;
    for (const json& c : carriers) ids.push_back(c["id"]);
    return ids;
}

const std::string kQuotation = "«Мы не допустим эскалации конфликта в регионе и продолжим переговоры с партнёрами»";

}  // namespace

TEST_CASE("provenance lists every article carrying the quotation, earliest first, undated last") {
    const server::Reply reply = ProvenanceFixture::instance().get(kQuotation);
    REQUIRE(reply.status == 200);
    const json answer = json::parse(reply.body);
    CHECK(ids_of(answer["carriers"]) == std::vector<std::string>{"first", "straight", "cut", "unattributed"});
    CHECK(answer["total"] == 4);
    CHECK(answer["first"]["id"] == "first");
    CHECK(answer["first"]["source"] == "ТАСС");
    CHECK(answer["speaker"].get<std::string>().find("Лавров") != std::string::npos);
}

TEST_CASE("a carrier says who it attributes the quotation to and whether every word is there") {
    const json answer = json::parse(ProvenanceFixture::instance().get(kQuotation).body);
    for (const json& carrier : answer["carriers"]) {
        CAPTURE(carrier["id"]);
        const bool attributed = carrier["id"] != "unattributed";
        CHECK(carrier["speaker"].get<std::string>().empty() == !attributed);
        CHECK(carrier["citation"].get<std::string>().empty() == !attributed);
        CHECK(carrier["whole"] == (carrier["id"] != "cut"));
    }
}

TEST_CASE("the pasted quotation is traced in any quote marks, with ё or е, cut or without marks") {
    auto& fixture = ProvenanceFixture::instance();
    const std::string pasted[] = {
        "„Мы не допустим эскалации конфликта в регионе и продолжим переговоры с партнерами“",
        "\"Мы не допустим эскалации конфликта в регионе и продолжим переговоры с партнёрами\"",
        "Мы не допустим эскалации конфликта … продолжим переговоры с партнёрами",
        "мы не допустим эскалации конфликта в регионе и продолжим переговоры с партнёрами",
    };
    for (const std::string& quotation : pasted) {
        CAPTURE(quotation);
        const json answer = json::parse(fixture.get(quotation).body);
        CHECK(answer["first"]["id"] == "first");
        CHECK(answer["total"].get<int>() >= 3);
    }
}

TEST_CASE("the same words scattered over an article do not make it a carrier") {
    const json answer = json::parse(ProvenanceFixture::instance().get(kQuotation).body);
    for (const json& carrier : answer["carriers"]) CHECK(carrier["id"] != "same-words-apart");
}

TEST_CASE("provenance needs three words of a quotation and a 0 or 1; other values are refused with 400") {
    auto& fixture = ProvenanceFixture::instance();
    CHECK(fixture.get("Лавров").status == 400);
    CHECK(json::parse(fixture.get("Лавров").body).contains("error"));
    CHECK(fixture.get(kQuotation, "&provenance=yes").status == 400);
    CHECK(fixture.get(kQuotation, "&provenance=0").status == 200);  // the plain quotation search
    CHECK(fixture.get("\xff\xfe", "&provenance=1").status == 400);
}

TEST_CASE("the search page for a pasted quotation names where it appeared first and lists the copies") {
    auto& fixture = ProvenanceFixture::instance();
    const server::Reply reply = fixture.page(kQuotation);
    REQUIRE(reply.status == 200);
    const std::size_t block = reply.body.find("<section class=\"provenance\" id=\"provenance\"><h2>Где впервые</h2>");
    REQUIRE(block != std::string::npos);
    const std::size_t results = reply.body.find("id=\"results\"");
    CHECK(reply.body.find("href=\"/doc/first?q=", block) < results);
    CHECK(reply.body.find("сказал: ", block) < results);
    CHECK(reply.body.find("Цитата есть ещё в 3 статьях", block) < results);
    // A query that is no quotation gets no such block.
    CHECK(fixture.page("Лавров").body.find("id=\"provenance\"") == std::string::npos);
}
