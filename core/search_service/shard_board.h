// What all server threads know about remote shards that are down. Each
// thread has its own connections (Xapian databases are not thread-safe), but
// once one thread finds a shard down, the others leave it out at once rather
// than each waiting out a timeout; and once one finds it back, all reconnect.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>

namespace core {

class ShardBoard {
public:
    using Clock = std::chrono::steady_clock;

    struct State {
        bool down = false;
        std::string error;            // why it is down
        Clock::time_point retry_at{};  // when to try it again
        unsigned long version = 0;    // changes with every report
    };

    explicit ShardBoard(std::chrono::milliseconds retry_after) : retry_after_(retry_after) {}

    State state(const std::string& shard) const;
    // Each returns the shard's version after the report.
    unsigned long report_down(const std::string& shard, const std::string& error);
    unsigned long report_up(const std::string& shard);

private:
    std::chrono::milliseconds retry_after_;
    mutable std::mutex mutex_;
    std::map<std::string, State> states_;
    unsigned long next_version_ = 1;
};

}  // namespace core
