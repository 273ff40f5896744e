#include "server/index_handle.h"

#include "core/index_location.h"

#include <memory>

#include <unistd.h>

namespace server {
namespace {

struct ThreadIndex {
    std::string generation;
    std::string link;  // what `db_path` pointed at when `searcher` was opened, "" if not a link
    std::unique_ptr<core::Searcher> searcher;
};

thread_local ThreadIndex thread_index;

// The target of the link at `path` as written in it, "" when it is not a link.
std::string read_link(const std::string& path) {
    char buffer[4096];
    const ssize_t length = ::readlink(path.c_str(), buffer, sizeof buffer);
    if (length <= 0 || static_cast<std::size_t>(length) >= sizeof buffer) return {};
    return std::string(buffer, static_cast<std::size_t>(length));
}

}  // namespace

core::Searcher& IndexHandle::searcher() {
    // The indexer publishes a generation by pointing the link at a new,
    // uniquely named directory: while the link reads the same, this thread's
    // searcher is current. One readlink(2) per request instead of resolving
    // every component of the path.
    std::string link = read_link(db_path_);
    if (thread_index.searcher && !link.empty() && link == thread_index.link) return *thread_index.searcher;
    const std::string generation = core::current_generation(db_path_);
    if (generation.empty()) {
        forget_thread_searcher();
        throw IndexUnavailable("no index at " + db_path_);
    }
    if (generation != thread_index.generation || !thread_index.searcher) {
        try {
            thread_index.searcher = std::make_unique<core::Searcher>(generation);
            thread_index.generation = generation;
        } catch (const Xapian::Error& e) {
            forget_thread_searcher();
            throw IndexUnavailable("cannot open the index at " + db_path_ + ": " + e.get_description());
        }
    }
    thread_index.link = std::move(link);
    return *thread_index.searcher;
}

void IndexHandle::forget_thread_searcher() {
    thread_index.searcher.reset();
    thread_index.generation.clear();
    thread_index.link.clear();
}

}  // namespace server
