#include "core/sharded_index_writer.h"

#include "core/shards.h"

#include <filesystem>
#include <stdexcept>

namespace core {
namespace fs = std::filesystem;

namespace {

// The shard paths in shard_of() order. Writing to a stub whose lines are in
// another order would send articles to the wrong shard, so only the stub the
// indexer writes is accepted.
std::vector<std::string> local_shard_paths(const std::string& db_path) {
    const std::vector<ShardSpec> specs = read_shards(db_path);
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const ShardSpec& spec = specs[i];
        if (spec.kind != ShardSpec::Kind::Local) {
            throw std::runtime_error("cannot write to " + db_path + ": shard " + spec.label() +
                                     " is remote; write to it on its own host");
        }
        if (fs::path(spec.path).filename() != shard_name(static_cast<unsigned>(i))) {
            throw std::runtime_error("cannot write to " + db_path + ": its stub line " + std::to_string(i + 1) +
                                     " names " + spec.path + ", not " + shard_name(static_cast<unsigned>(i)) +
                                     " as `indexer --shards` writes it");
        }
        paths.push_back(spec.path);
    }
    return paths;
}

}  // namespace

ShardedIndexWriter::ShardedIndexWriter(const std::string& db_path, const std::string& holder) {
    for (const std::string& path : local_shard_paths(db_path)) {
        shards_.push_back(std::make_unique<IndexWriter>(path, holder));
    }
}

IndexWriter& ShardedIndexWriter::shard_for(const std::string& id) {
    return *shards_[shard_of(id, static_cast<unsigned>(shards_.size()))];
}

void ShardedIndexWriter::put(const PreparedArticle& prepared) { shard_for(prepared.article.id).put(prepared); }

bool ShardedIndexWriter::erase(const std::string& id) { return shard_for(id).erase(id); }

void ShardedIndexWriter::commit() {
    std::size_t committed = 0;
    try {
        for (; committed < shards_.size(); ++committed) shards_[committed]->commit();
    } catch (...) {
        for (std::size_t i = committed + 1; i < shards_.size(); ++i) shards_[i]->cancel();
        throw;
    }
}

void ShardedIndexWriter::cancel() {
    for (auto& shard : shards_) shard->cancel();
}

Compaction ShardedIndexWriter::compact() {
    Compaction total;
    for (auto& shard : shards_) {
        const Compaction one = shard->compact();
        total.bytes_before += one.bytes_before;
        total.bytes_after += one.bytes_after;
        total.seconds += one.seconds;
    }
    return total;
}

std::unique_ptr<ArticleWriter> open_article_writer(const std::string& db_path, const std::string& holder) {
    if (is_stub(db_path)) return std::make_unique<ShardedIndexWriter>(db_path, holder);
    return std::make_unique<IndexWriter>(db_path, holder, true);
}

}  // namespace core
