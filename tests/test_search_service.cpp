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
