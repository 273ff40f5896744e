#include "indexer/sharded_index_builder.h"

#include "core/shards.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <unistd.h>

namespace indexer {
namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

ShardedIndexBuilder::ShardedIndexBuilder(const std::string& db_dir, unsigned shard_count, std::optional<unsigned> only,
                                         std::size_t memory_mb)
    : db_dir_(db_dir), shard_count_(shard_count), only_(only) {
    if (shard_count_ == 0) throw std::runtime_error("--shards must be at least 1");
    if (only_ && *only_ >= shard_count_) {
        throw std::runtime_error("--shard " + std::to_string(*only_) + " is not one of the " +
                                 std::to_string(shard_count_) + " shards (0 to " + std::to_string(shard_count_ - 1) + ")");
    }
    check_existing_layout();
    std::error_code ec;
    fs::create_directories(db_dir_, ec);
    if (ec) throw std::runtime_error("cannot create the folder " + db_dir_ + ": " + ec.message());
    // Several shards built at once share the cores and the memory: one
    // analysis thread each. Shards keep term lists so that xapian-tcpsrv can
    // serve them.
    const unsigned threads = only_ || shard_count_ == 1 ? 0 : 1;
    const std::size_t shard_memory_mb = only_ ? memory_mb : memory_mb / shard_count_;
    for (unsigned i = 0; i < shard_count_; ++i) {
        const bool rebuilt = !only_ || *only_ == i;
        const std::string path = (fs::path(db_dir_) / core::shard_name(i)).string();
        builders_.push_back(rebuilt ? std::make_unique<IndexBuilder>(path, threads, true, shard_memory_mb) : nullptr);
    }
}

// A sharded index is rebuilt in place only when it has the same number of
// shards: other shards' articles would otherwise be in the wrong place.
void ShardedIndexBuilder::check_existing_layout() const {
    std::error_code ec;
    const fs::file_status status = fs::symlink_status(db_dir_, ec);
    if (!fs::exists(status)) {
        if (only_) throw std::runtime_error("no sharded index at " + db_dir_ + " to rebuild one shard of");
        return;
    }
    const fs::path stub = fs::path(db_dir_) / core::kStubFileName;
    if (!fs::is_directory(status) || !fs::exists(stub, ec)) {
        if (fs::is_directory(status) && fs::is_empty(db_dir_, ec) && !only_) return;
        throw std::runtime_error(db_dir_ + " exists and is not a sharded index made by the indexer; "
                                 "remove it or choose another --db");
    }
    if (read_file(stub) != core::local_stub_text(shard_count_)) {
        throw std::runtime_error(db_dir_ + " holds an index with another number of shards (see " + stub.string() +
                                 "); rebuild it whole into a new --db");
    }
}

AddOutcome ShardedIndexBuilder::add(const core::Article& article) {
    IndexBuilder* builder = builders_[core::shard_of(article.id, shard_count_)].get();
    if (!builder) return AddOutcome::OtherShard;
    return builder->add(article) ? AddOutcome::Replaced : AddOutcome::Added;
}

void ShardedIndexBuilder::publish() {
    for (auto& builder : builders_) {
        if (builder) builder->publish();
    }
    write_stub();
}

// Written last and replaced with one rename, so a server never reads a stub
// that names a shard not yet published.
void ShardedIndexBuilder::write_stub() const {
    const fs::path stub = fs::path(db_dir_) / core::kStubFileName;
    const std::string text = core::local_stub_text(shard_count_);
    if (fs::exists(stub) && read_file(stub) == text) return;
    const fs::path temporary = stub.string() + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out.flush()) throw std::runtime_error("cannot write " + temporary.string());
    }
    fs::rename(temporary, stub);
}

PhaseTimes ShardedIndexBuilder::phase_times() const {
    PhaseTimes total;
    for (const auto& builder : builders_) {
        if (!builder) continue;
        const PhaseTimes& t = builder->phase_times();
        total.analysis += t.analysis;
        total.writing += t.writing;
        total.spelling += t.spelling;
        total.commit += t.commit;
        total.compact += t.compact;
        total.commits += t.commits;
    }
    return total;
}

}  // namespace indexer
