// Threads that give way to searches (core/thread_priority.h): the write
// path's jobs run on a thread below its creator's priority.
#include "core/thread_priority.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>
#include <thread>
#include <vector>

TEST_CASE("a job on the low-priority thread runs that many steps below its creator, capped at 19") {
    const int creator = core::thread_niceness();
    core::LowPriorityThread background(7);
    int seen = -100;
    background.run([&] { seen = core::thread_niceness(); });
    CHECK(seen == std::min(19, creator + 7));
    CHECK(core::thread_niceness() == creator);

    core::LowPriorityThread furthest(40);
    furthest.run([&] { seen = core::thread_niceness(); });
    CHECK(seen == 19);
}

TEST_CASE("a job's exception reaches its caller, and the thread goes on running jobs") {
    core::LowPriorityThread background(3);
    CHECK_THROWS_AS(background.run([] { throw std::runtime_error("disk full"); }), std::runtime_error);
    bool ran = false;
    background.run([&] { ran = true; });
    CHECK(ran);
}

TEST_CASE("callers on several threads take turns, each job run once") {
    core::LowPriorityThread background(3);
    int total = 0;  // touched only by the one background thread
    std::vector<std::thread> callers;
    for (int c = 0; c < 4; ++c) {
        callers.emplace_back([&] {
            for (int i = 0; i < 100; ++i) background.run([&] { ++total; });
        });
    }
    for (std::thread& caller : callers) caller.join();
    CHECK(total == 400);
}

TEST_CASE("a thread lowering its own priority cannot go past 19 and reports what it runs at") {
    int reported = 0;
    int before = 0;
    std::thread([&] {
        before = core::thread_niceness();
        reported = core::lower_thread_priority(2);
    }).join();
    CHECK(reported == std::min(19, before + 2));
    int capped = 0;
    std::thread([&] { capped = core::lower_thread_priority(100); }).join();
    CHECK(capped == 19);
}
