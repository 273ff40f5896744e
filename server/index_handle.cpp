#include "server/index_handle.h"

#include "core/index_location.h"

#include <memory>

namespace server {
namespace {

struct ThreadIndex {
    std::string generation;
    std::unique_ptr<core::Searcher> searcher;
};

thread_local ThreadIndex thread_index;

}  // namespace

core::Searcher& IndexHandle::searcher() {
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
    return *thread_index.searcher;
}

void IndexHandle::forget_thread_searcher() {
    thread_index.searcher.reset();
    thread_index.generation.clear();
}

}  // namespace server
