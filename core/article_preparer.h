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
    // (0: one per core).
    explicit ArticlePreparer(unsigned threads = 0);
    ~ArticlePreparer();
    ArticlePreparer(const ArticlePreparer&) = delete;
    ArticlePreparer& operator=(const ArticlePreparer&) = delete;

    // The articles prepared (prepare_article()), in their order. Callers on
    // several threads share the helpers. The first exception an article
    // threw is rethrown once the whole batch is done.
    std::vector<PreparedArticle> prepare(std::vector<Article> articles);

private:
    struct Batch;
    void help();
    static void work_on(Batch& batch);

    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Batch*> batches_;  // with articles nobody has taken yet
    bool stopping_ = false;
    std::vector<std::thread> helpers_;
};

}  // namespace core
