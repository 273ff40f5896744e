// Threads that give way to others (issue #16): the write path's analysis
// and commits run below the threads answering searches, so a reader does not
// feel an ingest. Linux applies a niceness to one thread (setpriority on its
// thread id); the scheduler then gives a thread at niceness n about
// 1.25^-n of the CPU a thread at 0 gets when both want it, and all of it when
// the searches leave the core idle.
#pragma once

#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace core {

// The niceness (-20..19) of the calling thread.
int thread_niceness();

// Raises the calling thread's niceness by `steps` (up to 19, the least
// favoured); returns the niceness it then runs at. A thread may always lower
// its own priority; raising it again would need privileges, so a thread that
// must answer requests at full priority is never passed here.
int lower_thread_priority(int steps);

// One thread, `steps` below its creator's priority, that runs jobs one at a
// time for callers who wait for them.
class LowPriorityThread {
public:
    explicit LowPriorityThread(int steps);
    ~LowPriorityThread();
    LowPriorityThread(const LowPriorityThread&) = delete;
    LowPriorityThread& operator=(const LowPriorityThread&) = delete;

    // Runs `job` on the thread and returns when it is done, rethrowing what
    // it threw. Callers on several threads take turns.
    void run(const std::function<void()>& job);

private:
    void serve(int steps);

    std::mutex turn_;  // one caller at a time
    std::mutex mutex_;
    std::condition_variable changed_;
    const std::function<void()>* job_ = nullptr;
    std::exception_ptr error_;
    bool done_ = false;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace core
