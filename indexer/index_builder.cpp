#include "indexer/index_builder.h"

#include "core/index_location.h"

#include <filesystem>

namespace indexer {

std::size_t IndexStats::skipped_total() const {
    std::size_t total = 0;
    for (const auto& [reason, count] : skipped) total += count;
    return total;
}

IndexBuilder::IndexBuilder(const std::string& db_path)
    : db_path_(db_path),
      generation_(core::new_generation_path(db_path)),
      db_(generation_, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS) {}

IndexBuilder::~IndexBuilder() {
    if (published_) return;
    // An unfinished generation is never published: remove it.
    db_.close();
    std::error_code ec;
    std::filesystem::remove_all(generation_, ec);
}

bool IndexBuilder::add(const core::Article& article) {
    // Ids are tracked here rather than looked up in the index: a lookup in
    // a database with uncommitted changes is slow.
    auto [entry, added] = docids_.try_emplace(article.id, 0);
    if (added) {
        entry->second = db_.add_document(documents_.build(article));
    } else {
        db_.replace_document(entry->second, documents_.build(article));
    }
    return !added;
}

void IndexBuilder::publish() {
    documents_.write_spelling(db_);
    db_.commit();
    db_.close();
    core::publish_generation(db_path_, generation_);
    published_ = true;
}

}  // namespace indexer
