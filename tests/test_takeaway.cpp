// What a reader takes away: an article's citations in the usual Russian
// forms (core/citation.h, /api/doc, the article page) and, on the search
// page, the export links and the link that reproduces the search.
#include "core/citation.h"
#include "server/json_objects.h"
#include "server/router.h"
#include "server/url.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_index.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

using nlohmann::json;
using server::percent_encode;

namespace {

core::Article ria_article() {
    core::Article a = test_support::make_article("ria-1", "Лавров назвал условия переговоров",
                                                 "«Условия переговоров всем известны», — сказал Сергей Лавров журналистам в Москве.");
    a.source = "РИА Новости";
    a.place = "Москва";
    a.date = "2021-03-05";
    a.url = "https://ria.ru/20210305/lavrov.html";
    return a;
}

class TakeawayFixture {
public:
    static TakeawayFixture& instance() {
        static TakeawayFixture fixture;
        return fixture;
    }
    server::IndexHandle& index() { return index_; }

private:
    TakeawayFixture() : index_((dir_ / "idx").string()) {
        std::vector<core::Article> articles = {ria_article()};
        for (int i = 0; i < 25; ++i) {
            // Each its own story: the same short post a day apart would be a reprint.
            core::Article a = test_support::make_article("t" + std::to_string(i), "Переговоры " + std::to_string(i),
                                                         "Министры провели переговоры о торговле, раунд " +
                                                             std::to_string(i) + ".");
            a.source = "ТАСС";
            a.date = "2021-05-" + std::to_string(10 + i);
            articles.push_back(a);
        }
        test_support::build_index(dir_ / "idx", articles);
    }

    test_support::TempDir dir_;
    server::IndexHandle index_;
};

server::Reply get(const std::string& target) {
    return server::route(server::Method::Get, target, TakeawayFixture::instance().index());
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string citation(const std::vector<core::Citation>& all, const std::string& style) {
    for (const core::Citation& c : all) {
        if (c.style == style) return c.text;
    }
    return {};
}

}  // namespace

TEST_CASE("an article is cited in the short form and in the forms of ГОСТ Р 7.0.100–2018 and ГОСТ Р 7.0.5–2008") {
    const auto all = core::article_citations(ria_article(), "2026-11-27");
    REQUIRE(all.size() == 3);
    CHECK(all.front().style == "short");
    CHECK(citation(all, "short") ==
          "«Лавров назвал условия переговоров» // РИА Новости, Москва, 5 марта 2021. https://ria.ru/20210305/lavrov.html");
    CHECK(citation(all, "gost-2018") ==
          "Лавров назвал условия переговоров // РИА Новости : [сайт]. – 2021. – 5 марта. – "
          "URL: https://ria.ru/20210305/lavrov.html (дата обращения: 27.11.2026).");
    CHECK(citation(all, "gost-2008") ==
          "Лавров назвал условия переговоров [Электронный ресурс] // РИА Новости. 2021. 5 марта. "
          "URL: https://ria.ru/20210305/lavrov.html (дата обращения: 27.11.2026).");
}

TEST_CASE("a citation leaves out what the article lacks, with its punctuation") {
    core::Article bare = test_support::make_article("x", "Заметка без источника.", "Текст.");
    const auto all = core::article_citations(bare, "2026-11-27");
    CHECK(citation(all, "short") == "«Заметка без источника.».");
    CHECK(citation(all, "gost-2018") == "Заметка без источника.");
    CHECK(citation(all, "gost-2008") == "Заметка без источника [Электронный ресурс].");
    bare.url = "https://example.org/x";
    CHECK(citation(core::article_citations(bare, "2026-01-02"), "gost-2018") ==
          "Заметка без источника. – URL: https://example.org/x (дата обращения: 02.01.2026).");
}

TEST_CASE("/api/doc gives the article's citations, the short line as \"citation\"") {
    const json doc = json::parse(get("/api/doc/ria-1").body);
    CHECK(doc["citation"] == citation(core::article_citations(ria_article(), server::utc_date_today()), "short"));
    REQUIRE(doc["citations"].size() == 3);
    CHECK(doc["citations"][1]["style"] == "gost-2018");
    CHECK(doc["citations"][1]["name"] == "ГОСТ Р 7.0.100–2018");
    CHECK(contains(doc["citations"][1]["text"], "(дата обращения: "));
}

TEST_CASE("the article page shows each citation form in its own text area, the short one to copy") {
    const std::string page = get("/doc/ria-1").body;
    CHECK(contains(page, "id=\"citation-text\""));
    CHECK(contains(page, "id=\"citation-gost-2018\""));
    CHECK(contains(page, "id=\"citation-gost-2008\""));
    CHECK(contains(page, "ГОСТ Р 7.0.100–2018"));
    CHECK(contains(page, "РИА Новости : [сайт]. – 2021. – 5 марта."));
}

TEST_CASE("the search page links to the export of the search shown and to itself with every parameter") {
    const std::string target = "/search?q=" + percent_encode("переговоры") + "&source=" + percent_encode("ТАСС") +
                               "&from=2021-05&sort=date&collapse=0&offset=10&limit=5";
    const std::string page = get(target).body;
    const std::string same_search = "/search?q=" + percent_encode("переговоры") + "&amp;source=" +
                                    percent_encode("ТАСС") + "&amp;from=2021-05&amp;sort=date&amp;collapse=0";
    CHECK(contains(page, "id=\"copy-link\" href=\"" + same_search + "&amp;offset=10&amp;limit=5\""));
    CHECK(contains(page, "id=\"copy-link-button\" hidden"));
    const std::string export_csv = "/api/export?q=" + percent_encode("переговоры") + "&amp;source=" +
                                   percent_encode("ТАСС") + "&amp;from=2021-05&amp;sort=date&amp;collapse=0&amp;format=csv";
    CHECK(contains(page, "id=\"export-csv\" href=\"" + export_csv + "\""));
    CHECK(contains(page, "format=ndjson"));
}

TEST_CASE("the copy link, followed, shows the same page of the same search") {
    const std::string target = "/search?q=" + percent_encode("переговоры") + "&sort=date&offset=10&limit=5";
    const std::string page = get(target).body;
    const std::size_t at = page.find("id=\"copy-link\" href=\"");
    REQUIRE(at != std::string::npos);
    const std::size_t start = at + std::string("id=\"copy-link\" href=\"").size();
    std::string link = page.substr(start, page.find('"', start) - start);
    for (std::size_t amp; (amp = link.find("&amp;")) != std::string::npos;) link.replace(amp, 5, "&");
    const std::string again = get(link).body;
    auto results = [](const std::string& html) {
        const std::size_t from = html.find("<ol class=\"results\"");
        return html.substr(from, html.find("</ol>", from) - from);
    };
    CHECK(results(again) == results(page));
    CHECK(contains(results(page), "start=\"11\""));
}

TEST_CASE("the Цитаты view links to the export of its quotations") {
    const std::string page = get("/search?view=quotes&q=&speaker=" + percent_encode("Лавров")).body;
    CHECK(contains(page, "id=\"export-csv\" href=\"/api/export?kind=quotes&amp;q=&amp;speaker=" + percent_encode("Лавров") +
                             "&amp;format=csv\""));
}
