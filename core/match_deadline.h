#pragma once
// A time limit on one Xapian match that is safe to use.
//
// Xapian 1.4.22's own Enquire::set_time_limit is not: its timer thread writes
// a flag on the matcher's stack after the match may have returned (see
// README, "Slow queries"). Here the match itself looks at the clock: the
// query is filtered by a posting source that matches every document until
// the deadline passes and then ends, which ends the match. Xapian returns the
// best of the documents looked at so far, and the source remembers that it
// cut the match short.

#include <xapian.h>

#include <atomic>
#include <chrono>
#include <memory>

namespace core {

using MatchClock = std::chrono::steady_clock;

class MatchDeadline {
public:
    explicit MatchDeadline(MatchClock::time_point at) : at_(at), passed_(std::make_shared<std::atomic<bool>>(false)) {}

    // `query`, ending when the deadline passes. Scores are untouched: the
    // filter gives no weight.
    Xapian::Query bound(const Xapian::Query& query) const;
    // Whether a match bounded by this deadline was cut short by it.
    bool passed() const { return passed_->load(std::memory_order_relaxed); }

private:
    MatchClock::time_point at_;
    std::shared_ptr<std::atomic<bool>> passed_;  // shared by the source's clones, one per shard
};

}  // namespace core
