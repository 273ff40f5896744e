#include "core/search_service/index_handle.h"

#include "core/index_location.h"
#include "core/shards.h"

#include <algorithm>
#include <memory>
#include <optional>

#include <sys/stat.h>

namespace core {
namespace {

using Clock = std::chrono::steady_clock;
using Kind = ShardSpec::Kind;

struct OpenShard {
    ShardSpec spec;
    std::optional<Xapian::Database> db;  // empty while the shard is down
    std::string error;                   // why it is down
    unsigned long board_version = 0;     // the ShardBoard report this thread acted on (remote)
};

// Which directory `path` leads to now, as "device:inode"; "" when nothing
// is there (a dangling link, a removed generation).
std::string directory_identity(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) return {};
    return std::to_string(info.st_dev) + ":" + std::to_string(info.st_ino);
}

// What the index at `db_path` resolves to now, as one string that changes
// whenever the indexer switches any part of it: the generation a single
// index points at, or the stub's shards with the generation each local
// shard points at. "" when nothing is there.
std::string resolve_generation(const std::string& db_path, std::vector<ShardSpec>& shards) {
    const std::string resolved = current_generation(db_path);
    if (resolved.empty()) return {};
    try {
        shards = read_shards(resolved);
    } catch (const StubError& e) {
        throw IndexUnavailable(e.what());
    }
    std::string generation = resolved;
    for (ShardSpec& shard : shards) {
        if (shard.kind == Kind::Local) {
            const std::string shard_generation = current_generation(shard.path);
            if (!shard_generation.empty()) shard.path = shard_generation;
        }
        generation += "\n" + shard.label();
    }
    return generation;
}

Xapian::Database open_shard(const ShardSpec& spec, const ShardOptions& options) {
    if (spec.kind == Kind::Local) return Xapian::Database(spec.path);
    const auto timeout = static_cast<useconds_t>(options.timeout.count());
    return Xapian::Remote::open(spec.host, spec.port, timeout, timeout);
}

// Whether an open shard still answers (a remote one over its connection).
bool answers(Xapian::Database& db) {
    try {
        db.keep_alive();
        return true;
    } catch (const Xapian::Error&) {
        return false;
    }
}

// A searcher over the shards that are up; throws when none is.
std::unique_ptr<Searcher> searcher_over(const std::vector<OpenShard>& shards, const std::string& db_path) {
    Xapian::Database all;
    std::vector<std::string> missing;
    std::string errors;
    for (const OpenShard& shard : shards) {
        if (shard.db) {
            all.add_database(*shard.db);
            continue;
        }
        missing.push_back(shard.spec.label());
        errors += (errors.empty() ? "" : "; ") + shard.spec.label() + ": " + shard.error;
    }
    if (missing.size() == shards.size()) {
        if (shards.size() == 1) throw IndexUnavailable("cannot open the index at " + db_path + ": " + errors);
        throw IndexUnavailable("no shard of " + db_path + " answers: " + errors);
    }
    return std::make_unique<Searcher>(std::move(all), db_path, std::move(missing));
}

void mark_down(OpenShard& shard, const std::string& error, ShardBoard& board) {
    shard.db.reset();
    shard.error = error;
    if (shard.spec.kind == Kind::Remote) shard.board_version = board.report_down(shard.spec.label(), error);
}

// Opens `shard` afresh. A remote shard's fate is told to the other threads.
bool connect(OpenShard& shard, const ShardOptions& options, ShardBoard& board) {
    try {
        shard.db = open_shard(shard.spec, options);
        shard.error.clear();
        if (shard.spec.kind == Kind::Remote) shard.board_version = board.report_up(shard.spec.label());
        return true;
    } catch (const Xapian::Error& e) {
        mark_down(shard, e.get_description(), board);
        return false;
    }
}

// Brings this thread's view of one shard in line with what is known: a
// remote shard another thread found down is dropped; one that is down is
// tried again when its time comes (a local one at every request, as trying
// costs little). Returns true when the shard came up or went down.
bool refresh(OpenShard& shard, const ShardOptions& options, ShardBoard& board) {
    if (shard.spec.kind == Kind::Local) return !shard.db && connect(shard, options, board);
    const ShardBoard::State state = board.state(shard.spec.label());
    const bool news = state.version != shard.board_version;
    shard.board_version = state.version;
    if (state.down) shard.error = state.error;
    if (shard.db) {
        if (!state.down || !news) return false;
        shard.db.reset();
        return true;
    }
    if (state.down && Clock::now() < state.retry_at) return false;
    return connect(shard, options, board);
}

}  // namespace

struct IndexHandle::ThreadView {
    std::string generation;  // what the index path resolved to when opened
    std::string directory;   // the directory `db_path` led to then, when it is one database
    std::vector<OpenShard> shards;
    std::unique_ptr<Searcher> searcher;
    unsigned long writes_seen = 0;  // IndexHandle::writes_ when the searcher was last brought up to date
    Clock::time_point reopened_at{};
};

IndexHandle::IndexHandle(std::string db_path, ShardOptions options)
    : db_path_(std::move(db_path)), options_(options), board_(options.retry_after) {}

IndexHandle::~IndexHandle() = default;

IndexHandle::ThreadView& IndexHandle::thread_view() {
    std::lock_guard lock(views_mutex_);
    std::unique_ptr<ThreadView>& view = views_[std::this_thread::get_id()];
    if (!view) view = std::make_unique<ThreadView>();
    return *view;
}

Searcher& IndexHandle::searcher() {
    // The indexer publishes a generation of a single index by pointing the
    // link at a new directory: while `db_path` leads to the same directory,
    // this thread's searcher is current. One stat(2) per request instead of
    // resolving every component of the path; a removed generation fails it.
    ThreadView& index = thread_view();
    std::string directory = directory_identity(db_path_);
    const unsigned long writes = writes_.load();
    if (index.searcher && !directory.empty() && directory == index.directory) {
        reopen_if_stale(index, writes);
        return *index.searcher;
    }
    std::vector<ShardSpec> specs;
    const std::string generation = resolve_generation(db_path_, specs);
    if (generation.empty()) {
        forget_thread_searcher();
        throw IndexUnavailable("no index at " + db_path_);
    }
    bool changed = false;
    if (generation != index.generation) {
        index.shards.clear();
        for (ShardSpec& spec : specs) index.shards.push_back(OpenShard{std::move(spec), {}, {}, 0});
        index.generation = generation;
        changed = true;
    }
    for (OpenShard& shard : index.shards) changed = refresh(shard, options_, board_) || changed;
    const bool all_local = std::all_of(index.shards.begin(), index.shards.end(),
                                       [](const OpenShard& shard) { return shard.spec.kind == Kind::Local; });
    if (changed || !index.searcher) {
        index.searcher.reset();
        index.directory.clear();
        index.searcher = searcher_over(index.shards, db_path_);
        index.writes_seen = writes;
        index.reopened_at = Clock::now();
    } else if (all_local) {
        // Local shards written in place (the server's sharded writes, a
        // replica's changesets) keep their generation: reopen as for one database.
        reopen_if_stale(index, writes);
    }
    // Only one database may skip the checks above next time: a stub's local
    // shards switch on their own (a replica's stub too), and remote shards come back.
    const bool one_database = index.shards.size() == 1 && index.shards.front().spec.kind == Kind::Local &&
                              !is_stub(db_path_);
    index.directory = one_database ? std::move(directory) : std::string();
    return *index.searcher;
}

// Re-reads the index when this server committed a write since the last
// look, or every kReopenEvery (a writer in another process).
void IndexHandle::reopen_if_stale(ThreadView& index, unsigned long writes) {
    const Clock::time_point now = Clock::now();
    if (writes == index.writes_seen && now - index.reopened_at < kReopenEvery) return;
    index.searcher->reopen();
    index.writes_seen = writes;
    index.reopened_at = now;
}

// A remote shard failed mid-request. Xapian names it in the error's context
// ("remote:tcp(HOST:PORT)"). One that timed out is left out at once, without
// waiting for it again. Any other is connected afresh, as the failure may
// only be an idle connection that xapian-tcpsrv closed; a shard that is
// really down refuses at once and is left out.
void IndexHandle::recheck_remote_shards(const Xapian::NetworkError& error) {
    const bool timed_out = std::string(error.get_type()) == "NetworkTimeoutError";
    const std::string context = error.get_context();
    ThreadView& index = thread_view();
    for (OpenShard& shard : index.shards) {
        if (shard.spec.kind != Kind::Remote) continue;
        const bool failed = context.find("(" + shard.spec.label() + ")") != std::string::npos;
        if (failed && timed_out) {
            mark_down(shard, error.get_description(), board_);
        } else {
            connect(shard, options_, board_);
        }
    }
    index.searcher.reset();
}

std::vector<ShardHealth> IndexHandle::shard_health() {
    try {
        searcher();
    } catch (const IndexUnavailable&) {
        // Reported per shard below.
    }
    std::vector<ShardHealth> health;
    ThreadView& index = thread_view();
    for (OpenShard& shard : index.shards) {
        if (shard.db && !answers(*shard.db)) {
            connect(shard, options_, board_);
            index.searcher.reset();
        }
        ShardHealth item{shard.spec.label(), shard.db.has_value(), 0, {}};
        if (shard.db) item.documents = shard.db->get_doccount();
        else item.error = shard.error;
        health.push_back(std::move(item));
    }
    return health;
}

void IndexHandle::give_up(const Xapian::Error& error) {
    forget_thread_searcher();
    throw IndexUnavailable(error.get_description());
}

void IndexHandle::forget_thread_searcher() {
    ThreadView& index = thread_view();
    index.searcher.reset();
    index.shards.clear();
    index.generation.clear();
    index.directory.clear();
}

}  // namespace core
