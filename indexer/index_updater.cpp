#include "indexer/index_updater.h"

#include "core/document.h"

#include <unistd.h>

namespace indexer {
namespace {

constexpr std::size_t kCommitEvery = 5000;

std::string holder_name() { return "indexer pid " + std::to_string(::getpid()) + " (--update)"; }

}  // namespace

IndexUpdater::IndexUpdater(const std::string& db_path)
    : writer_(db_path, holder_name(), true), stored_(writer_.content_hashes()) {}

bool IndexUpdater::add(const core::Article& article) {
    const bool repeated = !seen_.insert(article.id).second;
    const std::string hash = core::content_hash(article);
    auto stored = stored_.find(article.id);
    const bool same = stored != stored_.end() && stored->second == hash;
    if (!repeated) {
        if (stored == stored_.end()) ++counts_.added;
        else if (same) ++counts_.unchanged;
        else ++counts_.changed;
    }
    if (same) return repeated;
    writer_.put(article);
    stored_[article.id] = hash;
    commit_now_and_then();
    return repeated;
}

void IndexUpdater::finish() {
    for (const auto& [id, hash] : stored_) {
        if (seen_.count(id)) continue;
        writer_.erase(id);
        ++counts_.removed;
        commit_now_and_then();
    }
    writer_.commit();
}

void IndexUpdater::commit_now_and_then() {
    if (++pending_ % kCommitEvery == 0) writer_.commit();
}

}  // namespace indexer
