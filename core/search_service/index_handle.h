// Gives each thread its own Searcher over the current index,
// reopening when the indexer has switched to a new generation. An index may
// be one database or a stub listing shards, local or remote (xapian-tcpsrv);
// a shard that is down or too slow is left out, the answers say so, and it
// is tried again a little later.
#pragma once

#include "core/searcher.h"
#include "core/search_service/shard_board.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace core {

// The index cannot be opened now (missing, being replaced, corrupt, or no
// shard answers).
class IndexUnavailable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ShardOptions {
    // How long one remote operation (connect, or one exchange) may take
    // before the shard counts as down for this request.
    std::chrono::milliseconds timeout{2000};
    // How long a shard that is down is left alone before it is tried again.
    std::chrono::milliseconds retry_after{2000};
};

struct ShardHealth {
    std::string label;  // path or host:port
    bool up = false;
    Xapian::doccount documents = 0;
    std::string error;  // why it is down
};

class IndexHandle {
public:
    explicit IndexHandle(std::string db_path, ShardOptions options = {});
    ~IndexHandle();
    IndexHandle(const IndexHandle&) = delete;
    IndexHandle& operator=(const IndexHandle&) = delete;

    // This thread's searcher (of this handle's) over the generation `db_path` points at now,
    // over the shards that answer. One request uses one searcher
    // throughout, so it never mixes two generations. Throws IndexUnavailable.
    Searcher& searcher();

    // Runs `work(searcher)`. When Xapian reports that the database changed
    // under it, reopens and runs it again; when a remote shard fails
    // mid-request, runs it again without the shards that no longer answer
    // (each try either reconnects a shard or leaves one out).
    //
    // A reader survives one commit, not two (glass reuses the blocks the
    // commit before last freed), so under a steady stream of live writes on
    // a loaded machine about one try in seven fails: ten tries make a failed
    // search as good as impossible, and each try starts on the newest commit.
    template <class Work>
    auto run(Work&& work) -> decltype(work(std::declval<Searcher&>())) {
        constexpr int kModifiedTries = 10;
        constexpr int kNetworkTries = 3;
        int modified = 0;
        int network = 0;
        for (;;) {
            try {
                return work(searcher());
            } catch (const Xapian::DatabaseModifiedError& e) {
                if (++modified == kModifiedTries) give_up(e);
                searcher().reopen();
            } catch (const Xapian::NetworkError& e) {
                if (++network == kNetworkTries) give_up(e);
                recheck_remote_shards(e);
            } catch (const Xapian::DatabaseError& e) {
                give_up(e);
            }
        }
    }

    // Each shard's state, after trying again the shards that are down.
    std::vector<ShardHealth> shard_health();

    const std::string& db_path() const { return db_path_; }

    // A writer in this process committed: every thread's searcher reopens
    // before its next request. (Changes by another process, the indexer's
    // update mode, are picked up within kReopenEvery.)
    void note_write() { ++writes_; }
    static constexpr std::chrono::milliseconds kReopenEvery{1000};

private:
    [[noreturn]] void give_up(const Xapian::Error& error);
    void recheck_remote_shards(const Xapian::NetworkError& error);
    void forget_thread_searcher();

    // One thread's view of the index: its shards and a searcher over those
    // up. Kept per handle and per thread (Xapian databases are not
    // thread-safe), so that two handles used on one thread keep their own.
    struct ThreadView;
    ThreadView& thread_view();
    void reopen_if_stale(ThreadView& index, unsigned long writes);

    std::string db_path_;
    ShardOptions options_;
    ShardBoard board_;
    std::mutex views_mutex_;  // guards the map only: each view is used by its own thread
    std::unordered_map<std::thread::id, std::unique_ptr<ThreadView>> views_;
    std::atomic<unsigned long> writes_{0};
};

}  // namespace core
