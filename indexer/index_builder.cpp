#include "indexer/index_builder.h"

#include "core/index_location.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>

namespace indexer {
namespace {

// Enough documents in flight to keep both threads busy, few enough to bound memory.
constexpr std::size_t kMaxQueuedDocuments = 256;

// Xapian keeps this many documents' postings in memory before merging them
// into the tables (default 10,000). Each merge rewrites the postlist chunks of
// every term it touches, and a news archive touches most of the vocabulary
// every time, so fewer, larger merges are much cheaper. Memory grows with it:
// about 1-2 GB at this value with full-length news articles.
constexpr const char* kFlushThreshold = "40000";

Xapian::WritableDatabase open_generation(const std::string& path) {
    setenv("XAPIAN_FLUSH_THRESHOLD", kFlushThreshold, 0);  // an explicit setting wins
    return Xapian::WritableDatabase(path, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
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

IndexBuilder::IndexBuilder(const std::string& db_path)
    : db_path_(db_path), generation_(core::new_generation_path(db_path)), db_(open_generation(generation_)) {
    writer_ = std::thread([this] { write_documents(); });
}

IndexBuilder::~IndexBuilder() {
    finish_writing();
    if (published_) return;
    // An unfinished generation is never published: remove it.
    db_.close();
    std::error_code ec;
    std::filesystem::remove_all(generation_, ec);
}

bool IndexBuilder::add(const core::Article& article) {
    // Ids are tracked here rather than looked up in the index: a lookup in
    // a database with uncommitted changes is slow. Docids are chosen here
    // too, so a replacement needs nothing back from the writer.
    auto [entry, added] = docids_.try_emplace(article.id, 0);
    if (added) entry->second = ++last_docid_;
    Pending pending{entry->second, {}};
    {
        Stopwatch watch(times_.analysis);
        pending.document = documents_.build(article);
    }
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return queue_.size() < kMaxQueuedDocuments || writer_error_; });
    if (writer_error_) std::rethrow_exception(writer_error_);
    queue_.push_back(std::move(pending));
    changed_.notify_all();
    return !added;
}

// The writer thread: replace_document() with a docid not yet used adds the
// document under that docid.
void IndexBuilder::write_documents() {
    double busy = 0;
    try {
        for (;;) {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [this] { return !queue_.empty() || no_more_; });
            if (queue_.empty()) break;
            Pending pending = std::move(queue_.front());
            queue_.pop_front();
            changed_.notify_all();
            lock.unlock();
            Stopwatch watch(busy);
            db_.replace_document(pending.docid, pending.document);
        }
    } catch (...) {
        std::lock_guard lock(mutex_);
        writer_error_ = std::current_exception();
        changed_.notify_all();
    }
    times_.writing = busy;  // read only after join()
}

void IndexBuilder::finish_writing() {
    if (!writer_.joinable()) return;
    {
        std::lock_guard lock(mutex_);
        no_more_ = true;
        changed_.notify_all();
    }
    writer_.join();
}

void IndexBuilder::publish() {
    finish_writing();
    if (writer_error_) std::rethrow_exception(writer_error_);
    {
        Stopwatch watch(times_.spelling);
        documents_.write_spelling(db_);
    }
    {
        Stopwatch watch(times_.commit);
        db_.commit();
    }
    db_.close();
    core::publish_generation(db_path_, generation_);
    published_ = true;
}

}  // namespace indexer
