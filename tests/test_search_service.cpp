// The index handle (core/search_service): each thread's searcher, kept per
// handle.
#include "core/search_service/index_handle.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_index.h"

#include <catch2/catch.hpp>

#include <thread>

namespace {

std::string index_of(const test_support::TempDir& dir, const std::string& name, int articles) {
    std::vector<core::Article> list;
    for (int i = 0; i < articles; ++i) {
        list.push_back(test_support::make_article(name + std::to_string(i), "Заголовок", "Министры провели переговоры."));
    }
    test_support::build_index(dir / name, list);
    return (dir / name).string();
}

}  // namespace

TEST_CASE("two handles used on one thread keep their own searchers") {
    test_support::TempDir dir;
    core::IndexHandle two(index_of(dir, "two", 2));
    core::IndexHandle three(index_of(dir, "three", 3));
    core::Searcher* first = &two.searcher();
    CHECK(three.searcher().document_count() == 3);
    CHECK(&two.searcher() == first);  // not reopened because the other handle was used
    CHECK(two.searcher().document_count() == 2);
    CHECK(two.run([](core::Searcher& s) { return s.document_count(); }) == 2);
    CHECK(three.run([](core::Searcher& s) { return s.document_count(); }) == 3);
}

TEST_CASE("each thread has its own searcher over the same index") {
    test_support::TempDir dir;
    core::IndexHandle handle(index_of(dir, "idx", 2));
    core::Searcher* mine = &handle.searcher();
    core::Searcher* other = nullptr;
    std::thread([&] { other = &handle.searcher(); }).join();
    CHECK(other != nullptr);
    CHECK(other != mine);
    CHECK(&handle.searcher() == mine);
}

TEST_CASE("a handle over a missing index says the index is unavailable") {
    test_support::TempDir dir;
    core::IndexHandle handle((dir / "none").string());
    CHECK_THROWS_AS(handle.searcher(), core::IndexUnavailable);
}

TEST_CASE("a count that runs past the time limit is cut short: the total is then an estimate and says so") {
    test_support::TempDir dir;
    // A third of the articles hold both words, so Xapian's bounds cannot prove the count.
    std::vector<core::Article> articles;
    const char* texts[] = {"Министры провели переговоры.", "Министры отменили встречу.", "Послы провели переговоры."};
    for (int i = 0; i < 4000; ++i) {
        articles.push_back(test_support::make_article("a" + std::to_string(i), "Заголовок", texts[i % 3]));
    }
    test_support::build_index(dir / "many", articles);
    core::Searcher searcher((dir / "many").string());
    core::SearchRequest request;
    request.query = "министры переговоры";  // one word alone is counted from its frequency, at no cost
    request.limit = 1;

    const core::SearchResult unhurried = searcher.search(request);
    CHECK_FALSE(unhurried.cut_short);
    CHECK(unhurried.total_exact);
    CHECK(unhurried.total == 4000);  // every article holds one of the words

    // Xapian checks its timer as it goes, so a count may still finish first:
    // a limit of a nanosecond must stop it in one of ten tries.
    request.time_limit = 1e-9;
    for (bool collapse : {true, false}) {
        CAPTURE(collapse);
        request.collapse = collapse;
        bool cut = false;
        for (int i = 0; i < 10 && !cut; ++i) {
            const core::SearchResult hurried = searcher.search(request);
            cut = hurried.cut_short;
            if (cut) CHECK_FALSE(hurried.total_exact);
            if (!cut) CHECK(hurried.total == 4000);
            CHECK(hurried.hits.size() == 1);  // the page itself is never cut
        }
        CHECK(cut);
    }
}
