#include "tests/support/test_index.h"

#include "indexer/index_builder.h"

namespace test_support {

void build_index(const std::filesystem::path& db, const std::vector<core::Article>& articles) {
    indexer::IndexBuilder builder(db.string());
    for (const core::Article& article : articles) builder.add(article);
    builder.publish();
}

core::Article make_article(std::string id, std::string title, std::string text) {
    core::Article article;
    article.id = std::move(id);
    article.title = std::move(title);
    article.text = std::move(text);
    return article;
}

}  // namespace test_support
