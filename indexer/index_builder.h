// Builds a new index generation from articles and publishes it atomically.
#pragma once

#include "core/article.h"
#include "core/document.h"

#include <xapian.h>

#include <map>
#include <unordered_map>
#include <string>

namespace indexer {

struct IndexStats {
    std::size_t read = 0;        // articles found in the input
    std::size_t indexed = 0;     // distinct articles in the new index
    std::size_t duplicates = 0;  // articles that replaced an earlier one with the same id
    std::map<std::string, std::size_t> skipped;  // reason → count
    std::size_t skipped_total() const;
};

class IndexBuilder {
public:
    // Starts a new generation beside `db_path`; nothing is visible to
    // servers until publish().
    explicit IndexBuilder(const std::string& db_path);
    ~IndexBuilder();

    // Adds or replaces (same id: the last one wins). Returns true when it
    // replaced an article added earlier in this run.
    bool add(const core::Article& article);
    // Commits, writes spelling data and switches `db_path` to the new index.
    void publish();

private:
    std::string db_path_;
    std::string generation_;
    Xapian::WritableDatabase db_;
    core::DocumentBuilder documents_;
    std::unordered_map<std::string, Xapian::docid> docids_;  // article id → document
    bool published_ = false;
};

}  // namespace indexer
