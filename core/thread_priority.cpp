#include "core/thread_priority.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <utility>

namespace core {

int thread_niceness() {
    errno = 0;
    return getpriority(PRIO_PROCESS, static_cast<id_t>(gettid()));
}

int lower_thread_priority(int steps) {
    const int target = std::min(19, thread_niceness() + std::max(steps, 0));
    // Lowering one's own priority is always allowed; should it fail anyway,
    // the thread runs on at its priority, which is only slower for readers.
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), target);
    return thread_niceness();
}

LowPriorityThread::LowPriorityThread(int steps) : thread_([this, steps] { serve(steps); }) {}

LowPriorityThread::~LowPriorityThread() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

void LowPriorityThread::run(const std::function<void()>& job) {
    std::lock_guard turn(turn_);
    std::unique_lock lock(mutex_);
    job_ = &job;
    done_ = false;
    error_ = nullptr;
    changed_.notify_all();
    changed_.wait(lock, [this] { return done_; });
    job_ = nullptr;
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
}

void LowPriorityThread::serve(int steps) {
    lower_thread_priority(steps);
    std::unique_lock lock(mutex_);
    for (;;) {
        changed_.wait(lock, [this] { return stopping_ || (job_ && !done_); });
        if (stopping_) return;
        const std::function<void()>& job = *job_;
        lock.unlock();
        std::exception_ptr error;
        try {
            job();
        } catch (...) {
            error = std::current_exception();
        }
        lock.lock();
        error_ = error;
        done_ = true;
        changed_.notify_all();
    }
}

}  // namespace core
