#include "indexer/index_builder.h"

#include "core/index_location.h"
#include "core/schema.h"
#include "core/index_writer.h"

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
constexpr unsigned kMaxParts = 2;

// Xapian keeps this many documents' postings in memory before merging them
// into the tables (default 10,000). Each merge rewrites the postlist chunks of
// every term it touches, and a news archive touches most of the vocabulary
// every time, so fewer, larger merges are much cheaper. Memory grows with it.
constexpr const char* kFlushThreshold = "40000";

// No termlists (DB_NO_TERMLIST) unless asked for: they were a fifth of the
// index, cost the writers time, and nothing reads them when the server
// searches the index itself. xapian-tcpsrv does (its get_document checks the
// term list), so shards keep them. Without them Xapian cannot remove a
// replaced document's postings: see rebuild_part().
Xapian::WritableDatabase open_part(const std::string& path, bool termlists) {
    setenv("XAPIAN_FLUSH_THRESHOLD", kFlushThreshold, 0);  // an explicit setting wins
    const int flags = Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS | (termlists ? 0 : Xapian::DB_NO_TERMLIST);
    return Xapian::WritableDatabase(path, flags);
}

unsigned part_count(unsigned wanted) {
    if (wanted > 0) return wanted;
    return std::clamp(std::thread::hardware_concurrency(), 1u, kMaxParts);
}

// Runs `job(i)` for each of `indexes`, each on its own thread, and once all
// are done rethrows the first failure.
template <class Job>
void run_side_by_side(const std::vector<std::size_t>& indexes, Job job) {
    std::vector<std::exception_ptr> errors(indexes.size());
    std::vector<std::thread> threads;
    for (std::size_t n = 0; n < indexes.size(); ++n) {
        threads.emplace_back([&, n] {
            try {
                job(indexes[n]);
            } catch (...) {
                errors[n] = std::current_exception();
            }
        });
    }
    for (std::thread& thread : threads) thread.join();
    for (const std::exception_ptr& error : errors) {
        if (error) std::rethrow_exception(error);
    }
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

IndexBuilder::IndexBuilder(const std::string& db_path, unsigned parts, bool termlists)
    : db_path_(db_path), termlists_(termlists), generation_(core::new_generation_path(db_path)) {
    try {
        for (unsigned i = 0; i < part_count(parts); ++i) {
            auto part = std::make_unique<Part>();
            part->path = generation_ + ".part" + std::to_string(i);
            part->db = open_part(part->path, termlists_);
            parts_.push_back(std::move(part));
        }
    } catch (...) {
        remove_parts();
        throw;
    }
    for (auto& part : parts_) part->writer = std::thread([s = part.get()] { write_documents(*s); });
}

IndexBuilder::~IndexBuilder() {
    finish_writing();
    remove_parts();
    if (published_) return;
    // An unfinished generation is never published: remove it.
    std::error_code ec;
    std::filesystem::remove_all(generation_, ec);
}

bool IndexBuilder::add(const core::Article& article) {
    // Ids are tracked here rather than looked up in the index: a lookup in
    // a database with uncommitted changes is slow. Docids are chosen here
    // too, so a replacement needs nothing back from the writers; it goes to
    // the part that holds the article it replaces.
    auto [entry, added] = placements_.try_emplace(article.id, Placement{0, 0});
    if (added) {
        entry->second.part = next_part_;
        entry->second.docid = ++parts_[next_part_]->last_docid;
        next_part_ = (next_part_ + 1) % parts_.size();
    }
    Part& part = *parts_[entry->second.part];
    Pending pending{entry->second.docid, {}};
    {
        Stopwatch watch(times_.analysis);
        pending.document = documents_.build(article);
    }
    std::unique_lock lock(part.mutex);
    part.changed.wait(lock, [&part] { return part.queue.size() < kMaxQueuedDocuments || part.error; });
    if (part.error) std::rethrow_exception(part.error);
    if (!added && !termlists_) part.replaced = true;
    part.queue.push_back(std::move(pending));
    part.changed.notify_all();
    return !added;
}

// A writer thread: replace_document() with a docid not yet used adds the
// document under that docid.
void IndexBuilder::write_documents(Part& part) {
    try {
        for (;;) {
            std::unique_lock lock(part.mutex);
            part.changed.wait(lock, [&part] { return !part.queue.empty() || part.no_more; });
            if (part.queue.empty()) break;
            Pending pending = std::move(part.queue.front());
            part.queue.pop_front();
            part.changed.notify_all();
            lock.unlock();
            Stopwatch watch(part.busy);
            part.db.replace_document(pending.docid, pending.document);
        }
    } catch (...) {
        std::lock_guard lock(part.mutex);
        part.error = std::current_exception();
        part.changed.notify_all();
    }
}

void IndexBuilder::finish_writing() {
    for (auto& part : parts_) {
        if (!part->writer.joinable()) continue;
        {
            std::lock_guard lock(part->mutex);
            part->no_more = true;
            part->changed.notify_all();
        }
        part->writer.join();
        times_.writing += part->busy;
    }
}

void IndexBuilder::remove_parts() {
    for (auto& part : parts_) {
        try {
            part->db.close();
        } catch (const Xapian::Error&) {
        }
        std::error_code ec;
        std::filesystem::remove_all(part->path, ec);
    }
    parts_.clear();
}

// A part without termlists keeps the postings of an article that a later
// one with the same id replaced (replace_document() cannot know them), and
// its statistics count both. So a part that had a replacement is built
// again, in a fresh database, from the articles it stores (the last version
// of each; analysis is deterministic, so the documents are the same). Runs
// only when an id came twice; a corpus without duplicates pays nothing.
void IndexBuilder::rebuild_part(Part& part) {
    const std::string fresh_path = part.path + ".rebuilt";
    Xapian::WritableDatabase fresh = open_part(fresh_path, false);
    core::DocumentBuilder builder;  // its spelling counts are unused: every article was counted once
    for (Xapian::docid docid = 1; docid <= part.last_docid; ++docid) {
        const Xapian::Document old = part.db.get_document(docid);
        const core::Article article = core::deserialize_article(old.get_data());
        Xapian::Document document = builder.build(article);
        // The cluster was assigned against the whole batch; this builder saw one part.
        core::set_cluster(document, old.get_value(core::schema::kClusterSlot));
        fresh.replace_document(docid, document);
    }
    part.db.close();
    std::error_code ec;
    std::filesystem::remove_all(part.path, ec);
    part.db = std::move(fresh);
    part.path = fresh_path;
    part.replaced = false;
}

void IndexBuilder::publish() {
    finish_writing();
    for (auto& part : parts_) {
        if (part->error) std::rethrow_exception(part->error);
    }
    {
        // Side by side, one thread per part to rebuild (see rebuild_part()).
        Stopwatch watch(times_.writing);
        std::vector<std::size_t> replaced;
        for (std::size_t i = 0; i < parts_.size(); ++i) {
            if (parts_[i]->replaced) replaced.push_back(i);
        }
        run_side_by_side(replaced, [this](std::size_t i) { rebuild_part(*parts_[i]); });
    }
    {
        // Each part commits (flushes its postings) on its own thread, the
        // first after taking the spelling table: ~1 s each on 10k articles,
        // so done side by side they cost the longest of them, not the sum.
        Stopwatch watch(times_.commit);
        std::vector<std::size_t> all(parts_.size());
        for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
        run_side_by_side(all, [this](std::size_t i) {
            if (i == 0) {
                Stopwatch spelling(times_.spelling);
                documents_.write_spelling(parts_.front()->db);
                documents_.write_metadata(parts_.front()->db);
            }
            parts_[i]->db.commit();
        });
    }
    {
        // Compaction also packs the B-tree blocks full: a smaller, faster index.
        Stopwatch watch(times_.compact);
        Xapian::Database all;
        for (auto& part : parts_) all.add_database(Xapian::Database(part->path));
        all.compact(generation_, Xapian::DBCOMPACT_MULTIPASS);
    }
    remove_parts();
    // A server writing into the current generation would lose what it
    // acknowledged when the link moved on: refuse instead.
    core::check_no_writer(db_path_);
    core::publish_generation(db_path_, generation_);
    published_ = true;
}

}  // namespace indexer
