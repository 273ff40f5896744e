#include "indexer/index_builder.h"

#include "core/index_location.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>
#include <vector>

namespace indexer {
namespace {

// Enough documents in flight to keep the threads busy, few enough to bound memory.
constexpr std::size_t kMaxQueuedDocuments = 256;
constexpr unsigned kMaxShards = 2;

// Xapian keeps this many documents' postings in memory before merging them
// into the tables (default 10,000). Each merge rewrites the postlist chunks of
// every term it touches, and a news archive touches most of the vocabulary
// every time, so fewer, larger merges are much cheaper. Memory grows with it.
constexpr const char* kFlushThreshold = "40000";

// No termlists (DB_NO_TERMLIST): they were a fifth of the index, cost the
// writers time, and nothing reads them at search time. Without them Xapian
// cannot remove a replaced document's postings: see rebuild_shard().
Xapian::WritableDatabase open_shard(const std::string& path) {
    setenv("XAPIAN_FLUSH_THRESHOLD", kFlushThreshold, 0);  // an explicit setting wins
    return Xapian::WritableDatabase(path, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_TERMLIST);
}

unsigned shard_count(unsigned wanted) {
    if (wanted > 0) return wanted;
    return std::clamp(std::thread::hardware_concurrency(), 1u, kMaxShards);
}

class Stopwatch {
public:
    explicit Stopwatch(double& total) : total_(total), started_(std::chrono::steady_clock::now()) {}
    ~Stopwatch() { total_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count(); }

private:
    double& total_;
    std::chrono::steady_clock::time_point started_;
};

}  // namespace

std::size_t IndexStats::skipped_total() const {
    std::size_t total = 0;
    for (const auto& [reason, count] : skipped) total += count;
    return total;
}

IndexBuilder::IndexBuilder(const std::string& db_path, unsigned shards)
    : db_path_(db_path), generation_(core::new_generation_path(db_path)) {
    try {
        for (unsigned i = 0; i < shard_count(shards); ++i) {
            auto shard = std::make_unique<Shard>();
            shard->path = generation_ + ".shard" + std::to_string(i);
            shard->db = open_shard(shard->path);
            shards_.push_back(std::move(shard));
        }
    } catch (...) {
        remove_shards();
        throw;
    }
    for (auto& shard : shards_) shard->writer = std::thread([s = shard.get()] { write_documents(*s); });
}

IndexBuilder::~IndexBuilder() {
    finish_writing();
    remove_shards();
    if (published_) return;
    // An unfinished generation is never published: remove it.
    std::error_code ec;
    std::filesystem::remove_all(generation_, ec);
}

bool IndexBuilder::add(const core::Article& article) {
    // Ids are tracked here rather than looked up in the index: a lookup in
    // a database with uncommitted changes is slow. Docids are chosen here
    // too, so a replacement needs nothing back from the writers; it goes to
    // the shard that holds the article it replaces.
    auto [entry, added] = placements_.try_emplace(article.id, Placement{0, 0});
    if (added) {
        entry->second.shard = next_shard_;
        entry->second.docid = ++shards_[next_shard_]->last_docid;
        next_shard_ = (next_shard_ + 1) % shards_.size();
    }
    Shard& shard = *shards_[entry->second.shard];
    Pending pending{entry->second.docid, {}};
    {
        Stopwatch watch(times_.analysis);
        pending.document = documents_.build(article);
    }
    std::unique_lock lock(shard.mutex);
    shard.changed.wait(lock, [&shard] { return shard.queue.size() < kMaxQueuedDocuments || shard.error; });
    if (shard.error) std::rethrow_exception(shard.error);
    if (!added) shard.replaced = true;
    shard.queue.push_back(std::move(pending));
    shard.changed.notify_all();
    return !added;
}

// A writer thread: replace_document() with a docid not yet used adds the
// document under that docid.
void IndexBuilder::write_documents(Shard& shard) {
    try {
        for (;;) {
            std::unique_lock lock(shard.mutex);
            shard.changed.wait(lock, [&shard] { return !shard.queue.empty() || shard.no_more; });
            if (shard.queue.empty()) break;
            Pending pending = std::move(shard.queue.front());
            shard.queue.pop_front();
            shard.changed.notify_all();
            lock.unlock();
            Stopwatch watch(shard.busy);
            shard.db.replace_document(pending.docid, pending.document);
        }
    } catch (...) {
        std::lock_guard lock(shard.mutex);
        shard.error = std::current_exception();
        shard.changed.notify_all();
    }
}

void IndexBuilder::finish_writing() {
    for (auto& shard : shards_) {
        if (!shard->writer.joinable()) continue;
        {
            std::lock_guard lock(shard->mutex);
            shard->no_more = true;
            shard->changed.notify_all();
        }
        shard->writer.join();
        times_.writing += shard->busy;
    }
}

void IndexBuilder::remove_shards() {
    for (auto& shard : shards_) {
        try {
            shard->db.close();
        } catch (const Xapian::Error&) {
        }
        std::error_code ec;
        std::filesystem::remove_all(shard->path, ec);
    }
    shards_.clear();
}

// A shard without termlists keeps the postings of an article that a later
// one with the same id replaced (replace_document() cannot know them), and
// its statistics count both. So a shard that had a replacement is built
// again, in a fresh database, from the articles it stores (the last version
// of each; analysis is deterministic, so the documents are the same). Runs
// only when an id came twice; a corpus without duplicates pays nothing.
void IndexBuilder::rebuild_shard(Shard& shard) {
    const std::string fresh_path = shard.path + ".rebuilt";
    Xapian::WritableDatabase fresh = open_shard(fresh_path);
    core::DocumentBuilder builder;  // its spelling counts are unused: every article was counted once
    for (Xapian::docid docid = 1; docid <= shard.last_docid; ++docid) {
        const core::Article article = core::deserialize_article(shard.db.get_document(docid).get_data());
        fresh.replace_document(docid, builder.build(article));
    }
    shard.db.close();
    std::error_code ec;
    std::filesystem::remove_all(shard.path, ec);
    shard.db = std::move(fresh);
    shard.path = fresh_path;
    shard.replaced = false;
}

void IndexBuilder::publish() {
    finish_writing();
    for (auto& shard : shards_) {
        if (shard->error) std::rethrow_exception(shard->error);
    }
    {
        // Side by side, one thread per shard to rebuild (see rebuild_shard()).
        Stopwatch watch(times_.writing);
        std::vector<std::thread> rebuilders;
        std::vector<std::exception_ptr> errors(shards_.size());
        for (std::size_t i = 0; i < shards_.size(); ++i) {
            if (!shards_[i]->replaced) continue;
            rebuilders.emplace_back([this, i, &errors] {
                try {
                    rebuild_shard(*shards_[i]);
                } catch (...) {
                    errors[i] = std::current_exception();
                }
            });
        }
        for (std::thread& rebuilder : rebuilders) rebuilder.join();
        for (const std::exception_ptr& error : errors) {
            if (error) std::rethrow_exception(error);
        }
    }
    {
        // Each shard commits (flushes its postings) on its own thread, the
        // first after taking the spelling table: ~1 s each on 10k articles,
        // so done side by side they cost the longest of them, not the sum.
        Stopwatch watch(times_.commit);
        std::vector<std::thread> committers;
        std::vector<std::exception_ptr> errors(shards_.size());
        for (std::size_t i = 1; i < shards_.size(); ++i) {
            committers.emplace_back([this, i, &errors] {
                try {
                    shards_[i]->db.commit();
                } catch (...) {
                    errors[i] = std::current_exception();
                }
            });
        }
        try {
            {
                Stopwatch spelling(times_.spelling);
                documents_.write_spelling(shards_.front()->db);
            }
            shards_.front()->db.commit();
        } catch (...) {
            errors[0] = std::current_exception();
        }
        for (std::thread& committer : committers) committer.join();
        for (const std::exception_ptr& error : errors) {
            if (error) std::rethrow_exception(error);
        }
    }
    {
        // Compaction also packs the B-tree blocks full: a smaller, faster index.
        Stopwatch watch(times_.compact);
        Xapian::Database all;
        for (auto& shard : shards_) all.add_database(Xapian::Database(shard->path));
        all.compact(generation_, Xapian::DBCOMPACT_MULTIPASS);
    }
    remove_shards();
    core::publish_generation(db_path_, generation_);
    published_ = true;
}

}  // namespace indexer
