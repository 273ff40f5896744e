// The write API over local shards (a folder made by `indexer --shards N`):
// each article goes to the shard its id hashes to (core::shard_of, as the
// indexer splits a build), a delete to the shard that holds the id, each
// shard through its own IndexWriter (its own lock and holder file).
//
// A commit commits the shards one after another, each atomically; a batch
// that spans shards is not one transaction across them. When a shard's
// commit fails, the shards not yet committed are cancelled and the error
// goes to the caller, who answers 5xx: the articles already committed are
// there, and a replayed batch is harmless (the same id replaces).
#pragma once

#include "core/index_writer.h"

#include <memory>
#include <string>
#include <vector>

namespace core {

class ShardedIndexWriter : public ArticleWriter {
public:
    // Opens every shard the stub at `db_path` lists for writing. Throws
    // std::runtime_error when a shard is remote or the stub is not the
    // indexer's own order (shard-0 ... shard-N-1), IndexLocked when another
    // writer holds a shard.
    ShardedIndexWriter(const std::string& db_path, const std::string& holder);

    void put(const PreparedArticle& prepared) override;
    bool erase(const std::string& id) override;
    void commit() override;
    void cancel() override;
    // Compacts each shard in turn; the sizes are summed.
    Compaction compact() override;

    std::size_t shard_count() const { return shards_.size(); }

private:
    IndexWriter& shard_for(const std::string& id);

    std::vector<std::unique_ptr<IndexWriter>> shards_;
};

// Opens the writer the index at `db_path` needs: a ShardedIndexWriter over
// a folder of local shards, else an IndexWriter (made empty when missing).
std::unique_ptr<ArticleWriter> open_article_writer(const std::string& db_path, const std::string& holder);

}  // namespace core
