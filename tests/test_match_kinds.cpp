// Why it matched: each marked word of a title, snippet or article says how
// it matched the query (core/highlight.h MatchKind), in the API's "matches"
// and in the pages' <mark> tooltips. Against a small index built here.
#include "core/searcher.h"
#include "server/router.h"
#include "server/url.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_index.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

using nlohmann::json;
using server::percent_encode;
using test_support::make_article;

namespace {

class MatchFixture {
public:
    static MatchFixture& instance() {
        static MatchFixture fixture;
        return fixture;
    }
    server::IndexHandle& index() { return index_; }
    std::string path() const { return (dir_ / "idx").string(); }

private:
    MatchFixture() : index_(build()) {}

    std::string build() {
        test_support::build_index(
            dir_ / "idx",
            {make_article("lavrov", "Лавров встретился с Казакбаевым",
                          "Министр иностранных дел Сергей Лавров провёл переговоры с Русланом Казакбаевым. "
                          "Встреча Лаврова и Казакбаева прошла в Бишкеке."),
             make_article("kazakbaev", "Казакбаев о визите", "Руслан Казакбаев рассказал о переговорах."),
             make_article("kyrgyz", "Новости Кыргызстана", "Кыргызстан и Казахстан подписали соглашение."),
             make_article("tree", "Праздник", "На площади поставили ёлку."),
             make_article("talks", "Переговоры в Москве", "Стороны продолжат переговоры после праздников.")});
        return path();
    }

    test_support::TempDir dir_;
    server::IndexHandle index_;
};

// Every marked word of the article for `query`, title first.
std::vector<core::MatchSpan> article_spans(const std::string& query, const std::string& id) {
    core::Searcher searcher(MatchFixture::instance().path());
    const auto view = searcher.article(id, query);
    REQUIRE(view);
    std::vector<core::MatchSpan> spans = view->title_matches;
    spans.insert(spans.end(), view->text_matches.begin(), view->text_matches.end());
    return spans;
}

// The kind and query word of the first mark on `word` (as the text writes it).
std::pair<std::string, std::string> why(const std::string& query, const std::string& id, const std::string& word) {
    for (const core::MatchSpan& span : article_spans(query, id)) {
        if (span.text == word) return {core::match_kind_name(span.kind), span.query_word};
    }
    FAIL("no mark on " << word << " for " << query);
    return {};
}

server::Reply get(const std::string& target) {
    return server::route(server::Method::Get, target, MatchFixture::instance().index());
}

}  // namespace

TEST_CASE("the word as typed is an exact match") {
    CHECK(why("Лавров", "lavrov", "Лавров") == std::pair<std::string, std::string>{"exact", "лавров"});
}

TEST_CASE("a surname in another case matches as a form of the name") {
    CHECK(why("Лавров", "lavrov", "Лаврова") == std::pair<std::string, std::string>{"name", "лавров"});
    CHECK(why("Казакбаев", "lavrov", "Казакбаевым") == std::pair<std::string, std::string>{"name", "казакбаев"});
}

TEST_CASE("another grammatical form of a word matches as a form") {
    CHECK(why("переговоры", "kazakbaev", "переговорах") == std::pair<std::string, std::string>{"form", "переговоры"});
}

TEST_CASE("е typed for ё matches as a ё/е difference, the query word as typed") {
    CHECK(why("елку", "tree", "ёлку") == std::pair<std::string, std::string>{"yo", "елку"});
    CHECK(why("ёлку", "tree", "ёлку") == std::pair<std::string, std::string>{"exact", "ёлку"});
}

TEST_CASE("an equivalent name matches as an equivalent of the word typed") {
    CHECK(why("Киргизия", "kyrgyz", "Кыргызстан") == std::pair<std::string, std::string>{"equivalent", "киргизия"});
}

TEST_CASE("a Cyrillic spelling of a Latin word matches as a Latin spelling") {
    CHECK(why("Lavrov", "lavrov", "Лавров") == std::pair<std::string, std::string>{"latin", "lavrov"});
    CHECK(why("Lavrov", "lavrov", "Лаврова") == std::pair<std::string, std::string>{"latin", "lavrov"});
}

TEST_CASE("a correction of a misspelt word matches as a spelling correction") {
    CHECK(why("Казакбаеф", "kazakbaev", "Казакбаев") == std::pair<std::string, std::string>{"spelling", "казакбаеф"});
}

TEST_CASE("a word starting with a typed prefix matches as a prefix, the query word with its star") {
    CHECK(why("перегов*", "talks", "Переговоры") == std::pair<std::string, std::string>{"prefix", "перегов*"});
}

TEST_CASE("the spans of a hit come one per mark, in the order of the marks") {
    core::Searcher searcher(MatchFixture::instance().path());
    core::SearchRequest request;
    request.query = "Лавров";
    const core::SearchResult result = searcher.search(request);
    REQUIRE_FALSE(result.hits.empty());
    for (const core::SearchHit& hit : result.hits) {
        auto marks = [](const std::string& html) {
            std::size_t n = 0;
            for (std::size_t at = html.find("<mark>"); at != std::string::npos; at = html.find("<mark>", at + 1)) ++n;
            return n;
        };
        CHECK(hit.title_matches.size() == marks(hit.title_html));
        CHECK(hit.snippet_matches.size() == marks(hit.snippet_html));
        for (const core::MatchSpan& span : hit.snippet_matches) {
            CHECK(hit.snippet_html.find("<mark>" + span.text + "</mark>") != std::string::npos);
        }
    }
}

TEST_CASE("the API lists why each word of a hit matched, each text, kind and query word once") {
    const server::Reply reply = get("/api/search?q=" + percent_encode("Лавров"));
    REQUIRE(reply.status == 200);
    const json body = json::parse(reply.body);
    const json* hit = nullptr;
    for (const json& h : body["hits"]) {
        if (h["id"] == "lavrov") hit = &h;
    }
    REQUIRE(hit);
    const json& matches = (*hit)["matches"];
    INFO(matches.dump());
    CHECK(matches.size() == 2);  // Лавров in the title and the snippet: once
    CHECK(matches.at(0) == json{{"text", "Лавров"}, {"kind", "exact"}, {"query_word", "лавров"}});
    CHECK(matches.at(1) == json{{"text", "Лаврова"}, {"kind", "name"}, {"query_word", "лавров"}});
}

TEST_CASE("on the search page each mark has a class and a Russian tooltip saying why it matched") {
    const server::Reply reply = get("/search?q=" + percent_encode("Лавров"));
    REQUIRE(reply.status == 200);
    CHECK(reply.body.find("<mark class=\"match-name\" title=\"падежная форма имени „лавров“\">Лаврова</mark>") !=
          std::string::npos);
    CHECK(reply.body.find("<mark class=\"match-exact\" title=\"слово запроса „лавров“\">Лавров</mark>") !=
          std::string::npos);
    CHECK(reply.body.find("<mark>") == std::string::npos);
}

TEST_CASE("on the page the search's guesses carry the guess class; words as typed do not") {
    const server::Reply latin = get("/search?q=" + percent_encode("Lavrov"));
    CHECK(latin.body.find("<mark class=\"match-latin match-guess\" title=\"написание латиницей: „lavrov“ (догадка)\">") !=
          std::string::npos);
    const server::Reply equivalent = get("/search?q=" + percent_encode("Киргизия"));
    CHECK(equivalent.body.find("class=\"match-equivalent match-guess\"") != std::string::npos);
    const server::Reply typed = get("/search?q=" + percent_encode("Казакбаев"));
    CHECK(typed.body.find("match-guess") == std::string::npos);
}

TEST_CASE("the article page labels every mark and keeps the jump to the first match") {
    const server::Reply reply = get("/doc/lavrov?q=" + percent_encode("Лавров"));
    REQUIRE(reply.status == 200);
    CHECK(reply.body.find("<mark class=\"match-exact\" title=\"слово запроса „лавров“\" id=\"first-match\">Лавров</mark>") !=
          std::string::npos);
    CHECK(reply.body.find("<mark class=\"match-name\" title=\"падежная форма имени „лавров“\">Лаврова</mark>") !=
          std::string::npos);
}

namespace {

core::SearchResult explained_search(const std::string& query) {
    core::Searcher searcher(MatchFixture::instance().path());
    core::SearchRequest request;
    request.query = query;
    request.explain = true;
    return searcher.search(request);
}

double share_of(const core::SearchHit& hit, const std::string& kind, const std::string& word = {}) {
    for (const core::ScoreShare& share : hit.explanation) {
        if (share.kind == kind && share.word == word) return share.score;
    }
    FAIL("no part " << kind << " " << word);
    return 0;
}

const core::SearchHit& hit_of(const core::SearchResult& result, const std::string& id) {
    for (const core::SearchHit& hit : result.hits) {
        if (hit.article.id == id) return hit;
    }
    FAIL("no hit " << id);
    return result.hits.front();
}

}  // namespace

TEST_CASE("explain: the parts of each hit's score add up to the score Xapian ranked it by") {
    for (const std::string query : {"Лавров Казакбаев", "Лавров", "Lavrov Казакбаев", "Киргизия соглашение",
                                    "«переговоры с Русланом»", "перегов* Лавров", "Казакбаеф"}) {
        INFO(query);
        const core::SearchResult result = explained_search(query);
        REQUIRE_FALSE(result.hits.empty());
        for (const core::SearchHit& hit : result.hits) {
            INFO(hit.article.id);
            REQUIRE_FALSE(hit.explanation.empty());
            double sum = 0;
            for (const core::ScoreShare& share : hit.explanation) sum += share.score;
            CHECK(sum == Approx(hit.score).epsilon(1e-9));
        }
    }
}

TEST_CASE("explain: each query word has its part, and the bonuses for all words and for words close together") {
    const core::SearchResult result = explained_search("Лавров Казакбаев");
    const core::SearchHit& both = hit_of(result, "lavrov");
    CHECK(share_of(both, "word", "Лавров") > 0);
    CHECK(share_of(both, "word", "Казакбаев") > 0);
    CHECK(share_of(both, "all_words") > 0);
    CHECK(share_of(both, "proximity") > 0);
    const core::SearchHit& one = hit_of(result, "kazakbaev");
    CHECK(share_of(one, "word", "Лавров") == 0);
    CHECK(share_of(one, "word", "Казакбаев") > 0);
    CHECK(share_of(one, "all_words") == 0);
    CHECK(share_of(one, "proximity") == 0);
}

TEST_CASE("explain=1 adds the parts to each hit of the API; without it they are left out; other values are refused") {
    const json with = json::parse(get("/api/search?explain=1&q=" + percent_encode("Лавров Казакбаев")).body);
    REQUIRE_FALSE(with["hits"].empty());
    for (const json& hit : with["hits"]) {
        double sum = 0;
        for (const json& part : hit.at("explain")) sum += part.at("score").get<double>();
        CHECK(sum == Approx(hit["score"].get<double>()).epsilon(1e-6));
    }
    CHECK(with["hits"][0]["explain"][0] ==
          json{{"part", "word"}, {"word", "Лавров"}, {"score", with["hits"][0]["explain"][0]["score"]}});
    const json without = json::parse(get("/api/search?q=" + percent_encode("Лавров")).body);
    CHECK_FALSE(without["hits"][0].contains("explain"));
    const server::Reply refused = get("/api/search?explain=yes&q=" + percent_encode("Лавров"));
    CHECK(refused.status == 400);
    CHECK(json::parse(refused.body).contains("error"));
}
