#include "core/search_service/shard_board.h"

namespace core {

ShardBoard::State ShardBoard::state(const std::string& shard) const {
    std::lock_guard lock(mutex_);
    auto it = states_.find(shard);
    return it == states_.end() ? State{} : it->second;
}

unsigned long ShardBoard::report_down(const std::string& shard, const std::string& error) {
    std::lock_guard lock(mutex_);
    State& state = states_[shard];
    state = State{true, error, Clock::now() + retry_after_, next_version_++};
    return state.version;
}

unsigned long ShardBoard::report_up(const std::string& shard) {
    std::lock_guard lock(mutex_);
    State& state = states_[shard];
    if (state.down) state = State{false, {}, {}, next_version_++};
    return state.version;
}

}  // namespace core
