// A time limit on matching (core/match_deadline.h): a search that runs out of
// time answers with the best of what it looked at and says so; one with time
// to spare answers exactly as if there were no limit.
#include "core/searcher.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_index.h"

#include <catch2/catch.hpp>

#include <memory>

namespace {

using test_support::corpus_searcher;

// 4,000 articles, a third holding both words of `министры переговоры`, so
// that neither the page nor the count can be settled by Xapian's bounds alone.
core::Searcher& large_searcher() {
    static test_support::TempDir folder;
    static std::unique_ptr<core::Searcher> searcher = [] {
        std::vector<core::Article> articles;
        const char* texts[] = {"Министры провели переговоры.", "Министры отменили встречу.", "Послы провели переговоры."};
        for (int i = 0; i < 4000; ++i) {
            articles.push_back(test_support::make_article("a" + std::to_string(i), "Заголовок", texts[i % 3]));
        }
        test_support::build_index(folder / "many", articles);
        return std::make_unique<core::Searcher>((folder / "many").string());
    }();
    return *searcher;
}

core::SearchRequest request_for(const std::string& query, double page_limit, double count_limit) {
    core::SearchRequest request;
    request.query = query;
    request.snippets = false;
    request.page_time_limit = page_limit;
    request.count_time_limit = count_limit;
    return request;
}

struct Ranked {
    std::vector<std::pair<std::string, double>> hits;
    Xapian::doccount total;
    bool exact;
    bool operator==(const Ranked&) const = default;
};

Ranked ranked(core::Searcher& searcher, const core::SearchRequest& request) {
    const core::SearchResult result = searcher.search(request);
    Ranked out{{}, result.total, result.total_exact};
    for (const core::SearchHit& hit : result.hits) out.hits.emplace_back(hit.article.id, hit.score);
    return out;
}

}  // namespace

TEST_CASE("a search with time to spare ranks and counts exactly as one without a limit") {
    // Proximity and phrases included: a filter on the match must not change their bonuses.
    const char* queries[] = {"Казакбаев Лавров",     "Лавров",           "\"министр иностранных дел\"",
                             "президент России",     "Москва Киев",      "«хорошей»",
                             "переговоры в Москве", "Путин OR Медведев", "выборы -Москва"};
    for (const char* query : queries) {
        for (bool newest_first : {false, true}) {
            CAPTURE(query, newest_first);
            core::SearchRequest unlimited = request_for(query, 0, 0);
            core::SearchRequest limited = request_for(query, 600, 600);
            unlimited.newest_first = limited.newest_first = newest_first;
            const core::SearchResult result = corpus_searcher().search(limited);
            CHECK_FALSE(result.cut_short);
            CHECK(ranked(corpus_searcher(), limited) == ranked(corpus_searcher(), unlimited));
        }
    }
}

TEST_CASE("a page that runs out of time answers with the best of the articles looked at, and says it was cut short") {
    core::Searcher& searcher = large_searcher();
    core::SearchRequest request = request_for("министры переговоры", 1e-9, 0);
    request.limit = 5;
    const core::SearchResult hurried = searcher.search(request);
    CHECK(hurried.cut_short);
    CHECK_FALSE(hurried.total_exact);
    CHECK_FALSE(hurried.hits.empty());  // the clock is read after some articles were looked at
    for (const core::SearchHit& hit : hurried.hits) CHECK(hit.score > 0);

    const core::SearchResult unhurried = searcher.search(request_for("министры переговоры", 0, 0));
    CHECK_FALSE(unhurried.cut_short);
    CHECK(unhurried.total_exact);
    CHECK(unhurried.total == 4000);  // every article holds one of the words
}

TEST_CASE("a count that runs out of time keeps the whole page and says the total is an estimate") {
    core::Searcher& searcher = large_searcher();
    for (bool collapse : {true, false}) {
        CAPTURE(collapse);
        core::SearchRequest hurried = request_for("министры переговоры", 0, 1e-9);
        core::SearchRequest unhurried = request_for("министры переговоры", 0, 0);
        hurried.collapse = unhurried.collapse = collapse;
        hurried.limit = unhurried.limit = 3;
        const core::SearchResult cut = searcher.search(hurried);
        CHECK(cut.cut_short);
        CHECK_FALSE(cut.total_exact);
        CHECK(cut.total >= 3);
        CHECK(ranked(searcher, hurried).hits == ranked(searcher, unhurried).hits);
    }
}
