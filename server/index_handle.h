// Gives each server thread its own Searcher over the current index
// generation, reopening when the indexer has switched to a new one.
#pragma once

#include "core/searcher.h"

#include <stdexcept>
#include <string>

namespace server {

// The index cannot be opened now (missing, being replaced, corrupt).
class IndexUnavailable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class IndexHandle {
public:
    explicit IndexHandle(std::string db_path) : db_path_(std::move(db_path)) {}

    // This thread's searcher over the generation `db_path` points at now.
    // One request uses one searcher throughout, so it never mixes two
    // generations. Throws IndexUnavailable.
    core::Searcher& searcher();

    // Runs `work(searcher)`, reopening and retrying once when Xapian reports
    // that the database changed under it.
    template <class Work>
    auto run(Work&& work) -> decltype(work(std::declval<core::Searcher&>())) {
        try {
            return work(searcher());
        } catch (const Xapian::DatabaseModifiedError&) {
            searcher().reopen();
            return work(searcher());
        } catch (const Xapian::DatabaseError& e) {
            forget_thread_searcher();
            throw IndexUnavailable(e.get_description());
        }
    }

    const std::string& db_path() const { return db_path_; }

private:
    static void forget_thread_searcher();
    std::string db_path_;
};

}  // namespace server
