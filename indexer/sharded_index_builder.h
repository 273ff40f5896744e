// Builds an index split into shards by a stable hash of the article id
// (core::shard_of): DIR/shard-K, each published like a single index, and
// DIR/XAPIANDB, the stub that lists them. Rebuilding one shard (`only`)
// reads the same input, keeps that shard's articles and touches no other.
#pragma once

#include "indexer/index_builder.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace indexer {

enum class AddOutcome { Added, Replaced, OtherShard };

class ShardedIndexBuilder {
public:
    // Throws std::runtime_error when `db_dir` exists but is not a sharded
    // index, or holds one with another number of shards.
    // `memory_mb` is shared out among the shards built at once.
    ShardedIndexBuilder(const std::string& db_dir, unsigned shard_count, std::optional<unsigned> only = std::nullopt,
                        std::size_t memory_mb = IndexBuilder::kDefaultMemoryMb);

    AddOutcome add(const core::Article& article);
    // Publishes each rebuilt shard, then writes the stub if it changed.
    void publish();

    PhaseTimes phase_times() const;

private:
    void check_existing_layout() const;
    void write_stub() const;

    std::string db_dir_;
    unsigned shard_count_;
    std::optional<unsigned> only_;
    std::vector<std::unique_ptr<IndexBuilder>> builders_;  // one per shard rebuilt (null for the others)
};

}  // namespace indexer
