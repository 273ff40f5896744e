// Facet counts (core/facets.h) and the HTML search page's filters, called
// directly against a small index; tests/browser drives the same page in Chromium.
#include "core/searcher.h"
#include "server/router.h"
#include "server/url.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_index.h"

#include <catch2/catch.hpp>

#include <string>

using server::percent_encode;

namespace {

core::Article news(const std::string& id, const std::string& source, const std::string& place,
                   const std::string& date) {
    core::Article a = test_support::make_article(id, "Переговоры " + id, "Министры провели переговоры о торговле.");
    a.source = source;
    a.place = place;
    a.date = date;
    return a;
}

class PageFixture {
public:
    static PageFixture& instance() {
        static PageFixture fixture;
        return fixture;
    }
    server::IndexHandle& index() { return index_; }
    std::string path() const { return (dir_ / "idx").string(); }

private:
    PageFixture() : index_(build()) {}

    std::string build() {
        test_support::build_index(dir_ / "idx", {news("a", "Sputnik", "Бишкек", "2021-05-03"),
                                                 news("b", "sputnik", "Бишкек", "2021-05-20"),
                                                 news("c", "Sputnik", "Москва", "2020-11-02"),
                                                 news("d", "ТАСС", "Москва", "2021-06-01"),
                                                 news("e", "", "", ""),
                                                 test_support::make_article(
                                                     "q", "Заявление министра",
                                                     "Министр Олег Лапин выступил в парламенте. «Мы продолжим работу "
                                                     "над торговым соглашением», — сказал Лапин.")});
        return path();
    }

    test_support::TempDir dir_;
    server::IndexHandle index_;
};

core::SearchResult search_with_facets(const std::string& query) {
    core::Searcher searcher(PageFixture::instance().path());
    core::SearchRequest request;
    request.query = query;
    request.facets = true;
    return searcher.search(request);
}

Xapian::doccount count_of(const std::vector<core::FacetValue>& values, const std::string& value) {
    for (const core::FacetValue& v : values) {
        if (v.value == value) return v.count;
    }
    return 0;
}

server::Reply get(const std::string& target) {
    return server::route(server::Method::Get, target, PageFixture::instance().index());
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("facets count every match by source, place, year and month") {
    const core::SearchResult result = search_with_facets("переговоры");
    CHECK(result.facets.complete);
    CHECK(result.facets.counted == 5);
    CHECK(count_of(result.facets.sources, "Sputnik") == 3);
    CHECK(count_of(result.facets.sources, "ТАСС") == 1);
    CHECK(count_of(result.facets.places, "Бишкек") == 2);
    CHECK(count_of(result.facets.places, "Москва") == 2);
    CHECK(count_of(result.facets.years, "2021") == 3);
    CHECK(count_of(result.facets.years, "2020") == 1);
    CHECK(count_of(result.facets.months, "2021-05") == 2);
}

TEST_CASE("spellings of a source that differ only in case are one facet value, shown as most written") {
    const core::SearchResult result = search_with_facets("переговоры");
    CHECK(count_of(result.facets.sources, "sputnik") == 0);
    REQUIRE_FALSE(result.facets.sources.empty());
    CHECK(result.facets.sources.front().value == "Sputnik");
}

TEST_CASE("facets count only the matches that the query's filters leave") {
    const core::SearchResult result = search_with_facets("переговоры place:Москва");
    CHECK(result.facets.counted == 2);
    CHECK(count_of(result.facets.sources, "Sputnik") == 1);
    CHECK(count_of(result.facets.sources, "ТАСС") == 1);
    CHECK(count_of(result.facets.places, "Бишкек") == 0);
}

TEST_CASE("a search without facets asked for counts none") {
    core::Searcher searcher(PageFixture::instance().path());
    core::SearchRequest request;
    request.query = "переговоры";
    CHECK(searcher.search(request).facets.counted == 0);
}

TEST_CASE("the search page's source filter narrows the results and lists the facets with counts") {
    const server::Reply all = get("/search?q=" + percent_encode("переговоры"));
    REQUIRE(all.status == 200);
    CHECK(contains(all.body, "Найдено: 5 статей"));
    CHECK(contains(all.body, "id=\"facet-source\""));
    CHECK(contains(all.body, "source=Sputnik\" title=\"Sputnik\">Sputnik</a><span class=\"count\">3</span>"));

    const server::Reply narrowed = get("/search?q=" + percent_encode("переговоры") + "&source=Sputnik");
    CHECK(contains(narrowed.body, "Найдено: 3 статьи"));
    CHECK(contains(narrowed.body, "id=\"active-filters\""));
    CHECK(contains(narrowed.body, "value=\"переговоры\""));  // the box keeps only the typed words
    CHECK_FALSE(contains(narrowed.body, "/doc/d?"));
}

TEST_CASE("the search page's date range keeps the articles between the dates") {
    const server::Reply reply = get("/search?q=" + percent_encode("переговоры") + "&from=2021-05-01&to=2021-05-31");
    CHECK(contains(reply.body, "Найдено: 2 статьи"));
    CHECK(contains(reply.body, "/doc/a?"));
    CHECK(contains(reply.body, "/doc/b?"));
}

TEST_CASE("filter values cannot break out of the query syntax or the page") {
    const server::Reply reply =
        get("/search?q=" + percent_encode("переговоры") + "&source=" + percent_encode("x» OR «Sputnik") +
            "&place=" + percent_encode("\"><script>alert(1)</script>") + "&from=2021&to=" + percent_encode("1 OR 2"));
    REQUIRE(reply.status == 200);
    CHECK(contains(reply.body, "Найдено: 0 статей"));
    CHECK_FALSE(contains(reply.body, "<script>alert"));
}

TEST_CASE("a filter alone, without words, lists the articles it leaves") {
    const server::Reply reply = get("/search?q=&place=" + percent_encode("Бишкек"));
    CHECK(contains(reply.body, "Найдено: 2 статьи"));
}

TEST_CASE("the page's style sheet and script are served by the server itself") {
    const server::Reply css = get("/assets/style.css");
    CHECK(css.status == 200);
    CHECK(css.content_type.rfind("text/css", 0) == 0);
    CHECK(contains(css.body, "mark"));
    const server::Reply js = get("/assets/app.js");
    CHECK(js.status == 200);
    CHECK(contains(js.body, "copy-citation"));
    CHECK(get("/assets/nothing.js").status == 404);
}

TEST_CASE("the article page offers a jump to the first match and a citation") {
    const server::Reply reply = get("/doc/a?q=" + percent_encode("торговле"));
    REQUIRE(reply.status == 200);
    CHECK(contains(reply.body, "href=\"#first-match\""));
    CHECK(contains(reply.body, "id=\"citation-text\""));
    CHECK(contains(reply.body, "Sputnik, Бишкек, 3 мая 2021"));
}

TEST_CASE("the search page's Цитаты view lists matching quotations with speaker, article and citation line") {
    const server::Reply reply = get("/search?view=quotes&q=" + percent_encode("торговым соглашением"));
    REQUIRE(reply.status == 200);
    CHECK(contains(reply.body, "Найдено цитат: 1"));
    CHECK(contains(reply.body, "id=\"quote-results\""));
    CHECK(contains(reply.body, "<mark>"));
    CHECK(contains(reply.body, ">Олег Лапин</a>"));
    CHECK(contains(reply.body, "/doc/q?"));
    CHECK(contains(reply.body, "» — Олег Лапин"));                                  // the citation line
    CHECK(contains(reply.body, "name=\"view\" value=\"quotes\""));              // the box stays in this view
}

TEST_CASE("the Цитаты view lists one speaker's quotations, named in any case form") {
    const server::Reply reply = get("/search?view=quotes&speaker=" + percent_encode("Лапина"));
    REQUIRE(reply.status == 200);
    CHECK(contains(reply.body, "Найдено цитат: 1"));
    CHECK(contains(reply.body, "Кто сказал: <b>Лапина</b>"));
    CHECK(contains(reply.body, "Мы продолжим работу"));
}

TEST_CASE("the articles view links to the Цитаты view of the same words, and back") {
    const server::Reply articles = get("/search?q=" + percent_encode("переговоры"));
    CHECK(contains(articles.body, "id=\"quotes-view\""));
    CHECK(contains(articles.body, "view=quotes&amp;q=" + percent_encode("переговоры")));
    const server::Reply quotes = get("/search?view=quotes&q=" + percent_encode("переговоры"));
    CHECK(contains(quotes.body, "Найдено цитат: 0"));
    CHECK(contains(quotes.body, ">Статьи</a>"));
}

TEST_CASE("the search page lists the newest first on request, and its links keep that order") {
    const std::string words = percent_encode("переговоры");
    const server::Reply newest = get("/search?q=" + words + "&sort=date");
    REQUIRE(newest.status == 200);
    const std::size_t d = newest.body.find("/doc/d?");  // 2021-06-01
    const std::size_t b = newest.body.find("/doc/b?");  // 2021-05-20
    const std::size_t c = newest.body.find("/doc/c?");  // 2020-11-02
    REQUIRE(d != std::string::npos);
    CHECK(d < b);
    CHECK(b < c);
    CHECK(contains(newest.body, "id=\"sort-relevance\""));
    CHECK_FALSE(contains(newest.body, "id=\"sort-date\""));
    CHECK(contains(newest.body, "source=Sputnik&amp;sort=date\""));  // a facet link keeps the order

    const server::Reply best = get("/search?q=" + words);
    CHECK(contains(best.body, "id=\"sort-date\" href=\"/search?q=" + words + "&amp;sort=date\""));
    CHECK(best.body.find("sort=date") == best.body.rfind("sort=date"));  // only the switch asks for it
}
