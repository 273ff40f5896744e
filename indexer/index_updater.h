// The indexer's update mode: brings an existing index in line with the
// input in place, through core::IndexWriter (so a server cannot write at
// the same time): new articles are added, changed ones (by content hash)
// replaced, unchanged ones left alone, and those no longer in the input
// removed. Commits every few thousand articles and at the end.
#pragma once

#include "core/article.h"
#include "core/index_writer.h"

#include <cstddef>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace indexer {

struct UpdateCounts {
    std::size_t added = 0;
    std::size_t changed = 0;
    std::size_t unchanged = 0;
    std::size_t removed = 0;
};

class IndexUpdater {
public:
    // Opens the index at `db_path` (an empty one is made when there is none).
    // Throws core::IndexLocked when a server holds it for writing.
    explicit IndexUpdater(const std::string& db_path);

    // Returns true when an article with this id came earlier in this run.
    bool add(const core::Article& article);
    // Removes the articles not seen in this run, commits.
    void finish();

    const UpdateCounts& counts() const { return counts_; }

private:
    void commit_now_and_then();

    core::IndexWriter writer_;
    std::unordered_map<std::string, std::string> stored_;  // id → content hash, as the index held them
    std::unordered_set<std::string> seen_;
    std::size_t pending_ = 0;
    UpdateCounts counts_;
};

}  // namespace indexer
