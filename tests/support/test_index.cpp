#include "tests/support/test_index.h"

#include "indexer/corpus_reader.h"
#include "indexer/index_builder.h"
#include "tests/support/temp_dir.h"

#include <memory>

namespace test_support {

void build_index(const std::filesystem::path& db, const std::vector<core::Article>& articles) {
    indexer::IndexBuilder builder(db.string());
    for (const core::Article& article : articles) builder.add(article);
    builder.publish();
}

void build_corpus_index(const std::filesystem::path& db) {
    indexer::IndexBuilder builder(db.string());
    indexer::ReadCallbacks callbacks;
    callbacks.on_article = [&](core::Article&& article) { builder.add(article); };
    callbacks.on_skip = [](const indexer::Skip&) {};
    indexer::read_corpus(std::string(NEWSEARCH_SOURCE_DIR) + "/corpus", callbacks);
    builder.publish();
}

core::Searcher& corpus_searcher() {
    static TempDir folder;
    static std::unique_ptr<core::Searcher> searcher = [] {
        build_corpus_index(folder / "index");
        return std::make_unique<core::Searcher>((folder / "index").string());
    }();
    return *searcher;
}

core::Article make_article(std::string id, std::string title, std::string text) {
    core::Article article;
    article.id = std::move(id);
    article.title = std::move(title);
    article.text = std::move(text);
    return article;
}

}  // namespace test_support
