// The write API: POST /api/articles (NDJSON, one article a line, each added
// or replacing the one with its id) and DELETE /api/articles/{id}. A 200
// means committed: on disk (fsync) and searchable by the next request.
//
// Off unless the server has a token (--write-token-file); then every write
// needs `Authorization: Bearer <token>`.
#pragma once

#include "core/article_preparer.h"
#include "core/index_writer.h"
#include "core/thread_priority.h"
#include "server/index_handle.h"
#include "server/metrics.h"
#include "server/reply.h"
#include "server/router.h"

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace server {

// Bodies of POST /api/articles up to this size are read; larger get 413.
inline constexpr std::size_t kMaxWriteBodyBytes = 64 * 1024 * 1024;
// One line (one article) up to this size; a longer one is rejected alone.
inline constexpr std::size_t kMaxWriteLineBytes = 1024 * 1024;
// How many steps of niceness the analysis and commits of writes run below
// the threads answering searches (--write-niceness): readers go first, and
// writes take the CPU searches leave (bench/RESULTS.md, issue #16).
inline constexpr int kDefaultWriteNiceness = 10;

struct WriteRequest {
    std::string_view method;         // "POST" or "DELETE" (anything else: 405)
    std::string_view path;           // decoded: /api/articles or /api/articles/{id}
    std::string_view body;
    std::string_view authorization;  // the Authorization header, or ""
    bool shutting_down = false;      // the server is stopping: 503
    std::string_view host;           // the Host header (for /feed's absolute links)
};

class WriteService {
public:
    // Writes through `writer` and tells `index` after each commit, so that
    // readers reopen. `token` must not be empty. Analysis and commits run
    // on threads `niceness` steps below the caller's priority (0: at it).
    WriteService(core::ArticleWriter& writer, IndexHandle& index, std::string token,
                 int niceness = kDefaultWriteNiceness);

    // Answers the request; `counts` says what it wrote (for the metrics).
    Reply handle(const WriteRequest& request, WriteCounts& counts);

    // Commits made so far (fewer than writes when writes arrive together).
    std::uint64_t commits() const { return commits_.load(); }

private:
    // What one request asks to write, and how it went.
    struct Change {
        std::vector<core::PreparedArticle> puts;
        std::string erase_id;           // a DELETE's article id
        bool found = true;              // the DELETE's article was there
        std::optional<Reply> failure;   // set when nothing of it was written
        bool done = false;              // committed or failed
        std::string what_failed() const { return erase_id.empty() ? "nothing written" : "not deleted"; }
    };

    Reply post_articles(std::string_view body, WriteCounts& counts);
    Reply delete_article(const std::string& id, WriteCounts& counts);
    Reply compact(WriteCounts& counts);
    std::optional<Reply> refusal(const WriteRequest& request) const;
    void write(Change& change);
    void commit_group(const std::vector<Change*>& group);
    bool commit(const std::vector<Change*>& changes);
    void apply(Change& change);

    core::ArticleWriter& writer_;
    IndexHandle& index_;
    std::string token_;
    // Analyses a POST's articles on every core before its one commit.
    core::ArticlePreparer preparer_;
    // Runs the commits (and compactions), below the searches' priority.
    core::LowPriorityThread committer_;
    // The changes waiting for the next commit; one commit at a time (Xapian
    // has one writer), run by one of the waiting requests.
    std::mutex queue_mutex_;
    std::condition_variable committed_;
    std::vector<Change*> queue_;
    bool committing_ = false;
    std::atomic<std::uint64_t> commits_{0};
};

// The routes (router.cpp): POST /api/articles and DELETE /api/articles/{id},
// answered by `services.writes`, or 403 when the server takes no writes.
Reply post_articles(const Request& request, Services& services);
Reply delete_article(const Request& request, Services& services);
// POST /api/admin/compact: packs the index into a new generation and
// switches to it (core::IndexWriter::compact()); writes wait meanwhile.
Reply compact_index(const Request& request, Services& services);

// Whether `path` is one the write API answers.
bool is_write_path(std::string_view path);

// The token in `file`: its first line without surrounding blanks. Throws
// std::runtime_error when it cannot be read or is shorter than 16 characters.
std::string read_write_token(const std::string& file);

}  // namespace server
