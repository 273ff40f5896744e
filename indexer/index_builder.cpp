#include "indexer/index_builder.h"

#include "core/index_location.h"
#include "core/schema.h"
#include "core/index_writer.h"
#include "core/spelling_table.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>
#include <vector>

namespace indexer {
namespace {

// Articles between the reader and the writer: enough to keep every thread
// busy while the writer commits, few enough to bound memory.
constexpr std::size_t kMaxInFlight = 128;

// The share of the memory budget for the postings Xapian holds until a
// commit; the rest is for the word caches of the analysis threads
// (kWordCacheShare), what is held until the next commit (reprint candidates,
// ids), the articles in flight, Xapian's spelling batches and the process
// itself (dictionaries, quotation rules).
constexpr double kPostingsShare = 0.4;

// The share for the analysis threads' stem and lemma caches, and what a
// word costs in them (its key, stem and lemmas in two hash maps), as
// measured.
constexpr double kWordCacheShare = 0.15;
constexpr std::size_t kBytesPerCachedWord = 400;
// Of that share, the part for the lemmas all analysis threads share
// (RussianDictionary), and what a word costs there (its key and lemmas).
// A word a thread's own cache forgot, or that the other thread already
// met, is found there instead of asked of Hunspell again: over the words
// of the 32,828 real texts, with the default budget, 0.79 M questions
// instead of 1.40 M at the same memory (a simulation of the caches).
constexpr double kSharedLemmaPart = 2.0 / 3.0;
constexpr std::size_t kBytesPerSharedLemma = 250;

// What Xapian's inverter holds in memory per document until a commit (a map
// entry per term and document, the encoded positions, the values), as
// measured: peak RSS against the estimate.
constexpr std::size_t kBytesPerTerm = 120;
constexpr std::size_t kBytesPerPosition = 4;
constexpr std::size_t kBytesPerValue = 64;

// Xapian would commit by itself after this many documents (default 10,000);
// the builder commits by memory instead (commit_bytes_).
constexpr const char* kFlushThreshold = "100000000";

// The spelling table is written in batches: Xapian holds a batch's n-gram
// fragments in memory until a commit, 2-3 KB a word. Every commit reads,
// merges and recompresses the word list of each fragment the batch touches,
// and most words share the common fragments, so fewer, larger batches are
// less work for the same table. It is written once the articles are
// committed, so a batch takes half of the postings' share of the budget
// (17,476 words at 256 MB): on the 47,371 words of 1,000 texts, Xapian's part
// took 3.26 CPU s in batches of 5,000 and 2.18 s in these, for 22 MB more.
constexpr std::size_t kSpellingBytesPerWord = 3 * 1024;

// No termlists (DB_NO_TERMLIST) unless asked for: they were a fifth of the
// index, cost the writer time, and nothing reads them when the server
// searches the index itself. xapian-tcpsrv does (its get_document checks the
// term list), so shards keep them. Without them Xapian cannot remove a
// replaced document's postings: see rebuild().
Xapian::WritableDatabase create_database(const std::string& path, bool termlists) {
    setenv("XAPIAN_FLUSH_THRESHOLD", kFlushThreshold, 0);  // an explicit setting wins
    const int flags = Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS | (termlists ? 0 : Xapian::DB_NO_TERMLIST);
    return Xapian::WritableDatabase(path, flags);
}

unsigned thread_count(unsigned wanted) {
    if (wanted > 0) return wanted;
    return std::max(std::thread::hardware_concurrency(), 1u);
}

std::size_t held_bytes(const Xapian::Document& document) {
    std::size_t bytes = 0;
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
        bytes += (*term).size() + kBytesPerTerm + term.positionlist_count() * kBytesPerPosition;
    }
    for (auto value = document.values_begin(); value != document.values_end(); ++value) {
        bytes += (*value).size() + kBytesPerValue;
    }
    return bytes;
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

std::size_t IndexBuilder::shared_lemma_words(std::size_t memory_mb) {
    const double cache_bytes = static_cast<double>(memory_mb << 20) * kWordCacheShare;
    return static_cast<std::size_t>(cache_bytes * kSharedLemmaPart) / kBytesPerSharedLemma;
}

IndexBuilder::IndexBuilder(const std::string& db_path, unsigned threads, bool termlists, std::size_t memory_mb)
    : db_path_(db_path),
      termlists_(termlists),
      commit_bytes_(static_cast<std::size_t>(static_cast<double>(memory_mb << 20) * kPostingsShare)),
      generation_(core::new_generation_path(db_path)),
      building_(generation_ + ".building"),
      db_(create_database(building_, termlists)),
      clusters_(building_) {
    const unsigned analysers = thread_count(threads);
    const double cache_bytes = static_cast<double>(memory_mb << 20) * kWordCacheShare;
    const auto cached_words =
        static_cast<std::size_t>(cache_bytes * (1 - kSharedLemmaPart)) / analysers / kBytesPerCachedWord;
    for (unsigned i = 0; i < analysers; ++i) {
        workers_.push_back(std::make_unique<Worker>());
        workers_.back()->documents.set_cached_words(cached_words);
    }
    for (auto& worker : workers_) worker->thread = std::thread([this, w = worker.get()] { analyse(*w); });
    writer_ = std::thread([this] { write_in_order(); });
}

IndexBuilder::~IndexBuilder() {
    stop_threads();
    remove_building();
    if (published_) return;
    // An unfinished generation is never published: remove it.
    std::error_code ec;
    std::filesystem::remove_all(generation_, ec);
}

bool IndexBuilder::add(const core::Article& article) {
    const Xapian::docid known = known_docid(article.id);
    const bool added = known == 0;
    const Xapian::docid docid = added ? ++last_docid_ : known;
    if (added) recent_ids_.emplace(article.id, RecentId{docid, next_sequence_});
    if (!added && !termlists_) replaced_ = true;
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return next_sequence_ - written_ < kMaxInFlight || error_; });
    if (error_) std::rethrow_exception(error_);
    jobs_.push_back(Job{next_sequence_++, docid, article});
    changed_.notify_all();
    return !added;
}

// The docid of an id added before, or 0. Ids are looked up in a reader of
// the committed database (a lookup in the writer, with its uncommitted
// changes, is slow), and those added since its last commit in memory: what
// the caller's thread holds does not grow with the corpus.
Xapian::docid IndexBuilder::known_docid(const std::string& id) {
    forget_committed_ids();
    if (auto recent = recent_ids_.find(id); recent != recent_ids_.end()) return recent->second.docid;
    if (!ids_reader_) return 0;
    const std::string term = core::id_term(id);
    for (;;) {
        try {
            auto posting = ids_reader_->postlist_begin(term);
            return posting == ids_reader_->postlist_end(term) ? 0 : *posting;
        } catch (const Xapian::DatabaseModifiedError&) {
            ids_reader_->reopen();  // the writer committed twice since: read the latest
        }
    }
}

void IndexBuilder::forget_committed_ids() {
    std::size_t through = 0;
    {
        std::lock_guard lock(mutex_);
        through = committed_through_;
    }
    if (through == ids_committed_through_) return;
    if (ids_reader_) {
        ids_reader_->reopen();
    } else {
        ids_reader_.emplace(building_);
    }
    for (auto it = recent_ids_.begin(); it != recent_ids_.end();) {
        it = it->second.sequence < through ? recent_ids_.erase(it) : std::next(it);
    }
    ids_committed_through_ = through;
}

// An analysis thread: builds documents in any order; the writer puts them
// back in the order of their articles.
void IndexBuilder::analyse(Worker& worker) {
    try {
        for (;;) {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [this] { return !jobs_.empty() || no_more_ || error_; });
            if (jobs_.empty() || error_) return;
            Job job = std::move(jobs_.front());
            jobs_.pop_front();
            lock.unlock();
            Built built{job.docid, job.article.id, {}, 0};
            {
                Stopwatch watch(worker.busy);
                built.document = worker.documents.build(job.article);
                built.held_bytes = held_bytes(built.document);
            }
            lock.lock();
            built_.emplace(job.sequence, std::move(built));
            changed_.notify_all();
        }
    } catch (...) {
        std::lock_guard lock(mutex_);
        if (!error_) error_ = std::current_exception();
        changed_.notify_all();
    }
}

// The writer thread.
void IndexBuilder::write_in_order() {
    try {
        for (;;) {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [this] {
                return built_.count(written_) || (no_more_ && written_ == next_sequence_) || error_;
            });
            if (error_ || !built_.count(written_)) return;
            auto next = built_.find(written_);
            Built built = std::move(next->second);
            built_.erase(next);
            lock.unlock();
            write(built);
            lock.lock();
            ++written_;
            changed_.notify_all();
        }
    } catch (...) {
        std::lock_guard lock(mutex_);
        if (!error_) error_ = std::current_exception();
        changed_.notify_all();
    }
}

// replace_document() with a docid not yet used adds the document under that
// docid.
void IndexBuilder::write(Built& built) {
    Stopwatch watch(writing_);
    core::set_cluster(built.document, built.id,
                      clusters_.assign(built.docid, built.id, core::stored_signature(built.document)));
    if (built.docid <= last_written_ && !termlists_) {
        replacements_[built.docid] = std::move(built.document);
        return;
    }
    last_written_ = std::max(last_written_, built.docid);
    db_.replace_document(built.docid, built.document);
    held_bytes_ += built.held_bytes;
    if (held_bytes_ >= commit_bytes_) commit();
}

void IndexBuilder::commit() {
    Stopwatch watch(committing_);
    db_.commit();
    clusters_.committed([this](Xapian::docid docid) { return replacements_.count(docid) > 0; });
    {
        std::lock_guard lock(mutex_);
        committed_through_ = written_ + 1;  // this article's and all before
    }
    held_bytes_ = 0;
    ++commits_;
}

void IndexBuilder::stop_threads() {
    {
        std::lock_guard lock(mutex_);
        no_more_ = true;
        changed_.notify_all();
    }
    for (auto& worker : workers_) {
        if (worker->thread.joinable()) worker->thread.join();
    }
    if (writer_.joinable()) writer_.join();
}

void IndexBuilder::remove_building() {
    try {
        db_.close();
    } catch (const Xapian::Error&) {
    }
    std::error_code ec;
    std::filesystem::remove_all(building_, ec);
}

// A database without termlists cannot take back the postings of an article
// that a later one with the same id replaces. So it is built again, in a
// fresh database, from the articles it stores and the replacements
// (analysis is deterministic, so the documents are the same). Runs only
// when an id came twice; a corpus without duplicates pays nothing.
void IndexBuilder::rebuild() {
    const std::string fresh_path = building_ + ".rebuilt";
    Xapian::WritableDatabase fresh = create_database(fresh_path, false);
    core::DocumentBuilder builder(core::ClusterAssignment::ByCaller);
    for (Xapian::docid docid = 1; docid <= last_docid_; ++docid) {
        if (auto replacement = replacements_.find(docid); replacement != replacements_.end()) {
            fresh.replace_document(docid, replacement->second);
            continue;
        }
        const Xapian::Document old = db_.get_document(docid);
        const core::Article article = core::deserialize_article(old.get_data());
        Xapian::Document document = builder.build(article);
        // The cluster was assigned against the whole batch, in input order.
        core::set_cluster(document, article.id, old.get_value(core::schema::kClusterSlot));
        fresh.replace_document(docid, document);
        if (docid % 5000 == 0) fresh.commit();
    }
    remove_building();
    building_ = fresh_path;
    db_ = std::move(fresh);
}

// The spelling table, read off the committed articles' terms, with the
// index's metadata.
void IndexBuilder::write_spelling() {
    db_.commit();
    core::write_spelling_table(db_, std::max<std::size_t>(commit_bytes_ / 2 / kSpellingBytesPerWord, 1));
    workers_.front()->documents.write_metadata(db_);
}

void IndexBuilder::publish() {
    stop_threads();
    if (error_) std::rethrow_exception(error_);
    for (const auto& worker : workers_) times_.analysis += worker->busy;
    times_.writing = writing_;
    times_.commit = committing_;
    times_.commits = commits_;
    if (replaced_) {
        Stopwatch watch(times_.writing);
        rebuild();
    }
    {
        Stopwatch watch(times_.spelling);
        write_spelling();
    }
    {
        Stopwatch watch(times_.commit);
        db_.commit();
        ++times_.commits;
    }
    {
        // Compaction packs the B-tree blocks full: a smaller, faster index.
        Stopwatch watch(times_.compact);
        db_.close();
        Xapian::Database(building_).compact(generation_, Xapian::DBCOMPACT_MULTIPASS);
    }
    remove_building();
    // A server writing into the current generation would lose what it
    // acknowledged when the link moved on: refuse instead.
    core::check_no_writer(db_path_);
    core::publish_generation(db_path_, generation_);
    published_ = true;
}

}  // namespace indexer
