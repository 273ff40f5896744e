// Builds a new index generation from articles and publishes it atomically.
#pragma once

#include "core/article.h"
#include "core/document.h"

#include <xapian.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
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
    double analysis = 0;  // turning articles into documents (caller's thread)
    double writing = 0;   // Xapian adding documents, summed over the writer threads
    double spelling = 0;  // the spelling table
    double commit = 0;    // committing the parts side by side, the spelling table included
    double compact = 0;   // merging the parts into the generation
};

// Articles are analysed on the caller's thread while writer threads hand the
// documents to Xapian, each into its own part (Xapian's own work per
// document is the larger half, and one database takes one writer). publish()
// merges the parts into one compact generation.
class IndexBuilder {
public:
    // Starts a new generation beside `db_path`; nothing is visible to
    // servers until publish(). `parts`: writer threads (0: one per core, at
    // most 2). `termlists`: keep each document's term list, which the index
    // does not need to search itself but xapian-tcpsrv needs to serve it.
    explicit IndexBuilder(const std::string& db_path, unsigned parts = 0, bool termlists = false);
    ~IndexBuilder();

    // Adds or replaces (same id: the last one wins). Returns true when it
    // replaced an article added earlier in this run.
    bool add(const core::Article& article);
    // Commits, writes spelling data and switches `db_path` to the new index.
    void publish();

    const PhaseTimes& phase_times() const { return times_; }

private:
    struct Pending {
        Xapian::docid docid;
        Xapian::Document document;
    };
    // One part: a database, its writer thread and the queue that feeds it.
    struct Part {
        std::string path;
        Xapian::WritableDatabase db;
        Xapian::docid last_docid = 0;
        std::mutex mutex;
        std::condition_variable changed;
        std::deque<Pending> queue;
        bool no_more = false;
        bool replaced = false;  // an article here was replaced by a later one: rebuild_part()
        std::exception_ptr error;
        double busy = 0;
        std::thread writer;
    };
    struct Placement {
        std::size_t part;
        Xapian::docid docid;
    };
    static void write_documents(Part& part);
    static void rebuild_part(Part& part);
    void finish_writing();
    void remove_parts();

    std::string db_path_;
    bool termlists_;
    std::string generation_;
    std::vector<std::unique_ptr<Part>> parts_;
    core::DocumentBuilder documents_;
    std::unordered_map<std::string, Placement> placements_;  // article id → part and document
    std::size_t next_part_ = 0;
    bool published_ = false;
    PhaseTimes times_;
};

}  // namespace indexer
