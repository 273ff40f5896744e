// Builds a new index generation from articles and publishes it atomically.
#pragma once

#include "core/article.h"
#include "core/document.h"
#include "indexer/build_clusters.h"

#include <xapian.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace indexer {

struct IndexStats {
    std::size_t read = 0;        // articles found in the input
    std::size_t indexed = 0;     // distinct articles in the new index
    std::size_t duplicates = 0;  // articles that replaced an earlier one with the same id
    std::map<std::string, std::size_t> skipped;  // reason → count
    std::size_t skipped_total() const;
};

// Seconds spent in each phase, to see where indexing time goes.
struct PhaseTimes {
    double analysis = 0;  // turning articles into documents, summed over the analysis threads
    double writing = 0;   // Xapian adding documents (the writer thread)
    double spelling = 0;  // the spelling table
    double commit = 0;    // the commits along the way and the last one
    double compact = 0;   // packing the database into the generation
    std::size_t commits = 0;  // how many times the postings held in memory were written out
};

// Articles are analysed into documents on worker threads, one per core, and
// one writer thread adds the documents, in the order the articles came, to
// one database: Xapian takes one writer a database, and analysis is the
// larger half of the work. The writer also gives each article its reprint
// cluster, which depends on the articles before it. It commits whenever its
// estimate of the postings Xapian holds in memory reaches the budget, so
// memory does not grow with the corpus. publish() packs the database into
// the new generation (compact) and switches to it.
class IndexBuilder {
public:
    // What the indexer may use when not told (--memory), as Sphinx's
    // mem_limit, and the least it accepts.
    static constexpr std::size_t kDefaultMemoryMb = 256;
    static constexpr std::size_t kMinMemoryMb = 64;

    // Starts a new generation beside `db_path`; nothing is visible to
    // servers until publish(). `threads`: analysis threads (0: one per
    // core). `termlists`: keep each document's term list, which the index
    // does not need to search itself but xapian-tcpsrv needs to serve it.
    // `memory_mb`: the memory budget of the whole build.
    explicit IndexBuilder(const std::string& db_path, unsigned threads = 0, bool termlists = false,
                          std::size_t memory_mb = kDefaultMemoryMb);
    // The words of the lemma cache all analysis threads of the process share
    // (core::RussianDictionary::set_cached_words) for a budget of `memory_mb`
    // for the whole process: set once by the indexer at start-up, since
    // several builders (shards) may share it.
    static std::size_t shared_lemma_words(std::size_t memory_mb);
    ~IndexBuilder();

    // Adds or replaces (same id: the last one wins). Returns true when it
    // replaced an article added earlier in this run.
    bool add(const core::Article& article);
    // Commits, writes spelling data and switches `db_path` to the new index.
    void publish();

    const PhaseTimes& phase_times() const { return times_; }

private:
    struct Job {
        std::size_t sequence;
        Xapian::docid docid;
        core::Article article;
    };
    struct Built {
        Xapian::docid docid;
        std::string id;
        Xapian::Document document;
        std::size_t held_bytes;  // what Xapian will hold in memory for it until a commit
    };
    struct Worker {
        core::DocumentBuilder documents{core::ClusterAssignment::ByCaller};
        double busy = 0;
        std::thread thread;
    };
    void analyse(Worker& worker);
    Xapian::docid known_docid(const std::string& id);
    void forget_committed_ids();
    void write_in_order();
    void write(Built& built);
    void commit();
    void stop_threads();
    void rebuild();
    void write_spelling();
    void remove_building();

    std::string db_path_;
    bool termlists_;
    std::size_t commit_bytes_;
    std::string generation_;
    std::string building_;  // the database written, packed into generation_ by publish()
    Xapian::WritableDatabase db_;

    // The caller's thread: docids, chosen here so that a replacement needs
    // nothing back from the writer.
    struct RecentId {
        Xapian::docid docid;
        std::size_t sequence;
    };
    std::unordered_map<std::string, RecentId> recent_ids_;  // added, not known committed
    std::optional<Xapian::Database> ids_reader_;           // the committed ids
    std::size_t ids_committed_through_ = 0;
    Xapian::docid last_docid_ = 0;
    bool replaced_ = false;  // an id came twice without termlists: rebuild()

    // Shared by all threads, under mutex_.
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Job> jobs_;
    std::map<std::size_t, Built> built_;  // analysed, waiting for their turn
    std::size_t next_sequence_ = 0;        // of the next article added
    std::size_t written_ = 0;              // articles written
    std::size_t committed_through_ = 0;    // articles committed (their sequences are below)
    bool no_more_ = false;
    std::exception_ptr error_;

    // The writer thread.
    BuildClusters clusters_;
    Xapian::docid last_written_ = 0;  // the highest docid written: a lower one is a replacement
    // Without termlists Xapian cannot replace a committed document: the
    // last version of each replaced one waits here for rebuild().
    std::unordered_map<Xapian::docid, Xapian::Document> replacements_;
    std::size_t held_bytes_ = 0;
    double writing_ = 0;
    double committing_ = 0;
    std::size_t commits_ = 0;

    std::vector<std::unique_ptr<Worker>> workers_;
    std::thread writer_;
    bool published_ = false;
    PhaseTimes times_;
};

}  // namespace indexer
