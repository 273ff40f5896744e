#include "core/article_preparer.h"

#include "core/thread_priority.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <optional>

namespace core {

struct ArticlePreparer::Batch {
    std::vector<Article> articles;
    std::vector<std::optional<PreparedArticle>> prepared;
    std::atomic<std::size_t> next{0};  // the next article nobody has taken
    std::mutex mutex;                  // guards the three below
    std::condition_variable done;
    std::size_t finished = 0;  // articles prepared (or failed)
    std::size_t helpers = 0;   // helper threads holding the batch
    std::exception_ptr error;
};

ArticlePreparer::ArticlePreparer(unsigned threads, int lower_priority) : caller_helps_(lower_priority <= 0) {
    const unsigned total = threads > 0 ? threads : std::max(std::thread::hardware_concurrency(), 1u);
    for (unsigned i = caller_helps_ ? 1 : 0; i < total; ++i) {
        helpers_.emplace_back([this, lower_priority] { help(lower_priority); });
    }
}

std::vector<int> ArticlePreparer::helper_niceness() {
    std::unique_lock lock(mutex_);
    wake_.wait(lock, [this] { return niceness_.size() == helpers_.size(); });
    return niceness_;
}

ArticlePreparer::~ArticlePreparer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    for (std::thread& helper : helpers_) helper.join();
}

std::vector<PreparedArticle> ArticlePreparer::prepare(std::vector<Article> articles) {
    Batch batch;
    batch.prepared.resize(articles.size());
    batch.articles = std::move(articles);
    if (!helpers_.empty() && (batch.articles.size() > 1 || !caller_helps_)) {
        std::lock_guard lock(mutex_);
        batches_.push_back(&batch);
        wake_.notify_all();
    }
    if (caller_helps_ || helpers_.empty()) {
        work_on(batch);
    } else {
        std::unique_lock lock(batch.mutex);
        batch.done.wait(lock, [&] { return batch.finished == batch.articles.size(); });
    }
    {
        // Helpers may still hold the batch: it is taken off the queue, and
        // every article is finished, before it goes out of scope.
        std::lock_guard lock(mutex_);
        batches_.erase(std::remove(batches_.begin(), batches_.end(), &batch), batches_.end());
    }
    std::unique_lock lock(batch.mutex);
    batch.done.wait(lock, [&] { return batch.finished == batch.articles.size() && batch.helpers == 0; });
    if (batch.error) std::rethrow_exception(batch.error);
    std::vector<PreparedArticle> result;
    result.reserve(batch.prepared.size());
    for (auto& prepared : batch.prepared) result.push_back(std::move(*prepared));
    return result;
}

void ArticlePreparer::help(int lower_priority) {
    const int niceness = lower_priority > 0 ? lower_thread_priority(lower_priority) : thread_niceness();
    {
        std::lock_guard lock(mutex_);
        niceness_.push_back(niceness);
    }
    wake_.notify_all();
    for (;;) {
        Batch* batch = nullptr;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !batches_.empty(); });
            if (stopping_) return;
            batch = batches_.front();
            // Counted as taken now, under the lock, so the owner cannot
            // finish and leave while this helper is on its way in.
            if (batch->next.load() >= batch->articles.size()) {
                batches_.pop_front();
                continue;
            }
            std::lock_guard hold(batch->mutex);
            ++batch->helpers;
        }
        work_on(*batch);
        std::lock_guard hold(batch->mutex);
        --batch->helpers;
        batch->done.notify_all();
    }
}

// Takes the batch's articles one at a time until none is left.
void ArticlePreparer::work_on(Batch& batch) {
    for (;;) {
        const std::size_t i = batch.next.fetch_add(1);
        if (i >= batch.articles.size()) return;
        std::optional<PreparedArticle> prepared;
        std::exception_ptr error;
        try {
            prepared = prepare_article(std::move(batch.articles[i]));
        } catch (...) {
            error = std::current_exception();
        }
        std::lock_guard lock(batch.mutex);
        if (error && !batch.error) batch.error = error;
        batch.prepared[i] = std::move(prepared);
        ++batch.finished;
        batch.done.notify_all();
    }
}

}  // namespace core
