// Analyses a batch of articles on every core (issue #16): the write API's
// POST of 1,000 articles spent most of its time in analysis on the
// request's thread while the other core idled. The threads live as long as
// the preparer, so each keeps its warm word caches (prepare_article()'s
// builder is one a thread) from batch to batch.
#pragma once

#include "core/index_writer.h"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace core {

class ArticlePreparer {
public:
    // `threads`: how many analyse a batch, the caller's own included
    // (0: one per core). With `lower_priority` steps above 0 the caller only
    // waits, and `threads` helpers run that many steps below its priority,
    // so that a server's searches go first (core/thread_priority.h).
    explicit ArticlePreparer(unsigned threads = 0, int lower_priority = 0);
    ~ArticlePreparer();
    ArticlePreparer(const ArticlePreparer&) = delete;
    ArticlePreparer& operator=(const ArticlePreparer&) = delete;

    // The articles prepared (prepare_article()), in their order. Callers on
    // several threads share the helpers. The first exception an article
    // threw is rethrown once the whole batch is done.
    std::vector<PreparedArticle> prepare(std::vector<Article> articles);

    // The niceness each helper thread runs at, as the OS reports it.
    std::vector<int> helper_niceness();

private:
    struct Batch;
    void help(int lower_priority);
    static void work_on(Batch& batch);

    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Batch*> batches_;  // with articles nobody has taken yet
    bool stopping_ = false;
    const bool caller_helps_;
    std::vector<int> niceness_;  // each helper's, once it has started
    std::vector<std::thread> helpers_;
};

}  // namespace core
