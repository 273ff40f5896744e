// Builds a new index generation from articles and publishes it atomically.
#pragma once

#include "core/article.h"
#include "core/document.h"

#include <xapian.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>

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
    double writing = 0;   // Xapian adding documents and flushing (writer thread)
    double spelling = 0;  // the spelling table
    double commit = 0;    // the final commit
};

// Articles are analysed on the caller's thread while a writer thread hands
// the finished documents to Xapian, so the two halves of the work overlap.
class IndexBuilder {
public:
    // Starts a new generation beside `db_path`; nothing is visible to
    // servers until publish().
    explicit IndexBuilder(const std::string& db_path);
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
    void write_documents();
    void finish_writing();

    std::string db_path_;
    std::string generation_;
    Xapian::WritableDatabase db_;
    core::DocumentBuilder documents_;
    std::unordered_map<std::string, Xapian::docid> docids_;  // article id → document
    Xapian::docid last_docid_ = 0;
    bool published_ = false;
    PhaseTimes times_;

    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Pending> queue_;  // analysed, waiting for the writer
    bool no_more_ = false;
    std::exception_ptr writer_error_;
    std::thread writer_;
};

}  // namespace indexer
