// "Похожие": articles on the same story that are not copies of it. The
// article's most distinctive word stems (Xapian's expand set over its term
// list) are searched as one OR query, its own reprint cluster left out.
#pragma once

#include "core/article.h"

#include <xapian.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace core {

class NoTermLists : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct RelatedArticle {
    Article article;  // text and quotations left empty
    double score = 0;
};

// Up to `limit` related articles, best first, one per reprint cluster;
// nullopt when there is no article `id`. Throws NoTermLists over an index
// built without term lists (indexer --no-termlists).
std::optional<std::vector<RelatedArticle>> related_articles(const Xapian::Database& db, const std::string& id,
                                                            Xapian::doccount limit);

}  // namespace core
