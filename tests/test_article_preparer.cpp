// Analysing a batch of articles on every core (core/article_preparer.h), as
// the write API does with a POST: the documents must be exactly those
// prepare_article() gives one at a time, in the batch's order.
#include "core/article_preparer.h"
#include "core/thread_priority.h"
#include "indexer/corpus_reader.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

namespace {

// Everything Xapian stores of a document: terms with wdf and positions,
// values, data.
std::string describe(const Xapian::Document& doc) {
    std::string out;
    for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
        out += *term + " " + std::to_string(term.get_wdf()) + ":";
        for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos) {
            out += " " + std::to_string(*pos);
        }
        out += "\n";
    }
    for (auto value = doc.values_begin(); value != doc.values_end(); ++value) {
        out += "value " + std::to_string(value.get_valueno()) + " " + *value + "\n";
    }
    return out + "data " + doc.get_data();
}

// The shipped corpus, read as the indexer reads it.
std::vector<core::Article> corpus_articles() {
    std::vector<core::Article> articles;
    indexer::ReadCallbacks callbacks;
    callbacks.on_article = [&](core::Article&& article) { articles.push_back(std::move(article)); };
    callbacks.on_skip = [](const indexer::Skip&) {};
    indexer::read_corpus(std::string(NEWSEARCH_SOURCE_DIR) + "/corpus", callbacks);
    return articles;
}

void require_same(const std::vector<core::PreparedArticle>& prepared, const std::vector<core::Article>& articles) {
    REQUIRE(prepared.size() == articles.size());
    for (std::size_t i = 0; i < articles.size(); ++i) {
        const core::PreparedArticle alone = core::prepare_article(articles[i]);
        REQUIRE(prepared[i].article.id == articles[i].id);
        CHECK(describe(prepared[i].document) == describe(alone.document));
        CHECK(prepared[i].spelling == alone.spelling);
    }
}

}  // namespace

TEST_CASE("a batch analysed on several threads gives each article the document it gets alone, in order") {
    const std::vector<core::Article> articles = corpus_articles();
    REQUIRE(articles.size() > 100);
    core::ArticlePreparer preparer(3);
    require_same(preparer.prepare(articles), articles);
    // A second batch, once the threads' word caches are warm, is the same too.
    require_same(preparer.prepare(articles), articles);
}

TEST_CASE("batches sent from several threads at once each get back their own articles") {
    const std::vector<core::Article> all = corpus_articles();
    REQUIRE(all.size() > 100);
    const std::vector<core::Article> first(all.begin(), all.begin() + 50);
    const std::vector<core::Article> second(all.begin() + 50, all.begin() + 100);
    core::ArticlePreparer preparer(2);
    std::vector<core::PreparedArticle> a, b;
    std::thread other([&] { b = preparer.prepare(second); });
    a = preparer.prepare(first);
    other.join();
    require_same(a, first);
    require_same(b, second);
}

TEST_CASE("an empty batch gives nothing, and a batch of one its one document") {
    core::ArticlePreparer preparer(2);
    CHECK(preparer.prepare({}).empty());
    core::Article one;
    one.id = "one";
    one.text = "Сергей Лавров заявил, что переговоры продолжатся.";
    require_same(preparer.prepare({one}), {one});
}

TEST_CASE("helpers asked to give way run below the caller's priority, and the caller only waits") {
    const int caller = core::thread_niceness();
    core::ArticlePreparer preparer(2, 5);
    const std::vector<int> niceness = preparer.helper_niceness();
    REQUIRE(niceness.size() == 2);
    for (int n : niceness) CHECK(n == std::min(19, caller + 5));
    // The caller's own priority is untouched: it answers searches.
    CHECK(core::thread_niceness() == caller);
    const std::vector<core::Article> all = corpus_articles();
    const std::vector<core::Article> some(all.begin(), all.begin() + 20);
    require_same(preparer.prepare(some), some);
    CHECK(preparer.prepare({}).empty());
    require_same(preparer.prepare({some[0]}), {some[0]});
    CHECK(core::thread_niceness() == caller);
}

TEST_CASE("helpers not asked to give way run at the caller's priority") {
    core::ArticlePreparer preparer(3);
    const std::vector<int> niceness = preparer.helper_niceness();
    REQUIRE(niceness.size() == 2);
    for (int n : niceness) CHECK(n == core::thread_niceness());
}
