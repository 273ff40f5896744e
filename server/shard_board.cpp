#include "server/shard_board.h"

namespace server {

ShardBoard::State ShardBoard::state(const std::string& shard) const {
    std::lock_guard lock(mutex_);
    auto it = states_.find(shard);
    return it == states_.end() ? State{} : it->second;
}

void ShardBoard::report_down(const std::string& shard, const std::string& error) {
    std::lock_guard lock(mutex_);
    states_[shard] = State{true, error, Clock::now() + retry_after_, next_version_++};
}

void ShardBoard::report_up(const std::string& shard) {
    std::lock_guard lock(mutex_);
    State& state = states_[shard];
    if (!state.down) return;
    state = State{false, {}, {}, next_version_++};
}

}  // namespace server
