#include "server/write_api.h"

#include "core/article_json.h"
#include "server/api.h"
#include "server/json.h"
#include "server/metrics.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <vector>

namespace server {
namespace {

using nlohmann::json;

constexpr std::string_view kCollection = "/api/articles";
constexpr std::string_view kCompact = "/api/admin/compact";
constexpr std::size_t kMinTokenChars = 16;

constexpr const char* kJsonType = "application/json; charset=utf-8";

// Compares in time independent of where the strings differ.
bool same_secret(std::string_view given, std::string_view secret) {
    if (given.size() != secret.size()) return false;
    unsigned char differ = 0;
    for (std::size_t i = 0; i < given.size(); ++i) differ |= static_cast<unsigned char>(given[i] ^ secret[i]);
    return differ == 0;
}

// A failed write: 507 when the disk is full, else 500; the index is as it
// was before the request either way.
Reply write_failed(const std::string& what, const Xapian::Error& e) {
    const std::string description = e.get_description();
    const bool disk_full = description.find("No space") != std::string::npos ||
                           description.find("ENOSPC") != std::string::npos;
    return error_reply(disk_full ? 507 : 500, what + ", the index is as before: " + description);
}

std::string_view trim(std::string_view s) {
    const auto begin = s.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos) return {};
    const auto end = s.find_last_not_of(" \t\r\n");
    return s.substr(begin, end - begin + 1);
}

struct Rejection {
    std::size_t line;
    std::string id;
    std::string error;
};

// {"accepted": n, "rejected": [{"line", "id", "error"}]}
Reply accepted_reply(std::size_t accepted, const std::vector<Rejection>& rejected) {
    std::string body;
    JsonWriter out(body);
    out.begin_object().field("accepted", std::uint64_t{accepted}).key("rejected").begin_array();
    for (const Rejection& r : rejected) {
        out.begin_object().field("line", std::uint64_t{r.line}).field("id", r.id).field("error", r.error).end_object();
    }
    out.end_array().end_object();
    return Reply(200, kJsonType, std::move(body));
}

// The id a rejected line names, when one can be read from it.
std::string id_of(std::string_view line) {
    if (line.size() > kMaxWriteLineBytes) return {};
    const json j = json::parse(line, nullptr, false);
    if (!j.is_object()) return {};
    auto it = j.find("id");
    if (it == j.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number()) return it->dump();
    return {};
}

std::optional<core::Article> read_line(std::string_view line, std::string& error) {
    if (line.size() > kMaxWriteLineBytes) {
        error = "line longer than " + std::to_string(kMaxWriteLineBytes) + " bytes";
        return std::nullopt;
    }
    core::Article article;
    if (!core::article_from_json(line, article, error)) return std::nullopt;
    if (!is_valid_article_id(article.id)) {
        error = "invalid \"id\": control characters, slashes or over 200 bytes";
        return std::nullopt;
    }
    return article;
}

}  // namespace

namespace {

Reply write(const Request& request, Services& services, std::string_view method) {
    if (!services.writes) return error_reply(403, "writes are off: start the server with --write-token-file FILE");
    const WriteRequest write{method, request.path, request.body, request.header("Authorization"), services.stopping,
                             request.header("Host")};
    WriteCounts counts;
    Reply reply = services.writes->handle(write, counts);
    if (services.metrics && reply.status == 200) services.metrics->count_write(counts);
    if (reply.status == 401) reply.headers.emplace_back("WWW-Authenticate", "Bearer");
    return reply;
}

}  // namespace

Reply post_articles(const Request& request, Services& services) { return write(request, services, "POST"); }

Reply delete_article(const Request& request, Services& services) { return write(request, services, "DELETE"); }

Reply compact_index(const Request& request, Services& services) { return write(request, services, "POST"); }

bool is_write_path(std::string_view path) {
    return path == kCollection || (path.size() > kCollection.size() + 1 && path.substr(0, kCollection.size() + 1) == "/api/articles/");
}

std::string read_write_token(const std::string& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read the write token file " + file);
    std::string line;
    std::getline(in, line);
    const std::string token(trim(line));
    if (token.size() < kMinTokenChars) {
        throw std::runtime_error("the write token in " + file + " is shorter than " + std::to_string(kMinTokenChars) +
                                 " characters");
    }
    return token;
}

WriteService::WriteService(core::ArticleWriter& writer, IndexHandle& index, std::string token, int niceness)
    : writer_(writer), index_(index), token_(std::move(token)), preparer_(0, niceness), committer_(niceness) {}

Reply WriteService::handle(const WriteRequest& request, WriteCounts& counts) {
    if (auto refused = refusal(request)) return *refused;
    if (request.path == kCompact) return compact(counts);
    if (request.path == kCollection) return post_articles(request.body, counts);
    return delete_article(std::string(request.path.substr(kCollection.size() + 1)), counts);
}

std::optional<Reply> WriteService::refusal(const WriteRequest& request) const {
    const bool collection = request.path == kCollection || request.path == kCompact;
    if (collection && request.method != "POST") return error_reply(405, "use POST on " + std::string(request.path));
    if (!collection && request.method != "DELETE") return error_reply(405, "use DELETE on /api/articles/{id}");
    const std::string_view scheme = "Bearer ";
    if (request.authorization.empty()) {
        return error_reply(401, "writes need Authorization: Bearer <token>");
    }
    if (request.authorization.substr(0, scheme.size()) != scheme ||
        !same_secret(trim(request.authorization.substr(scheme.size())), token_)) {
        return error_reply(403, "wrong write token");
    }
    if (request.shutting_down) return error_reply(503, "the server is shutting down; send the write again later");
    return std::nullopt;
}

Reply WriteService::post_articles(std::string_view body, WriteCounts& counts) {
    Change change;
    std::vector<core::Article> articles;
    std::vector<Rejection> rejected;
    std::size_t number = 0;
    while (!body.empty()) {
        ++number;
        const std::size_t end = body.find('\n');
        std::string_view line = body.substr(0, end);
        body = end == std::string_view::npos ? std::string_view() : body.substr(end + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (trim(line).empty()) continue;
        std::string error;
        if (auto article = read_line(line, error)) articles.push_back(std::move(*article));
        else rejected.push_back({number, id_of(line), std::move(error)});
    }
    change.puts = preparer_.prepare(std::move(articles));
    if (change.puts.empty() && rejected.empty()) return error_reply(400, "empty body: send one JSON article a line");
    if (!change.puts.empty()) write(change);
    if (change.failure) return *change.failure;
    counts.accepted = change.puts.size();
    counts.rejected = rejected.size();
    counts.committed = !change.puts.empty();
    return accepted_reply(change.puts.size(), rejected);
}

Reply WriteService::delete_article(const std::string& id, WriteCounts& counts) {
    if (!is_valid_article_id(id)) return error_reply(400, "invalid article id");
    Change change;
    change.erase_id = id;
    write(change);
    if (change.failure) return *change.failure;
    if (!change.found) return error_reply(404, "no article with id " + id);
    counts.deleted = 1;
    counts.committed = true;
    std::string body;
    JsonWriter(body).begin_object().field("deleted", id).end_object();
    return Reply(200, kJsonType, std::move(body));
}

// Compaction takes the commit slot as a commit does: writes that arrive
// meanwhile queue and are committed, into the new generation, after it.
Reply WriteService::compact(WriteCounts& counts) {
    {
        std::unique_lock lock(queue_mutex_);
        committed_.wait(lock, [this] { return !committing_; });
        committing_ = true;
    }
    std::optional<core::Compaction> done;
    std::optional<Reply> failure;
    committer_.run([&] {
        try {
            done = writer_.compact();
        } catch (const Xapian::Error& e) {
            failure = write_failed("not compacted", e);
        } catch (const std::exception& e) {
            failure = error_reply(500, std::string("not compacted, the index is as before: ") + e.what());
        }
    });
    {
        std::lock_guard lock(queue_mutex_);
        committing_ = false;
    }
    committed_.notify_all();
    if (failure) return *failure;
    index_.note_write();
    counts.committed = true;
    std::string body;
    JsonWriter(body)
        .begin_object()
        .field("compacted", true)
        .field("bytes_before", std::uint64_t{done->bytes_before})
        .field("bytes_after", std::uint64_t{done->bytes_after})
        .field("seconds", done->seconds)
        .end_object();
    return Reply(200, kJsonType, std::move(body));
}

// Group commit: the change waits in a queue; whichever waiting request finds
// no commit running takes the whole queue and has it committed at once (on
// the committing thread, below the searches). So one
// fsync (and one reopen for the readers) serves every request that arrived
// while the last commit ran, rather than one each.
void WriteService::write(Change& change) {
    std::unique_lock lock(queue_mutex_);
    queue_.push_back(&change);
    while (!change.done) {
        if (committing_) {
            committed_.wait(lock);
            continue;
        }
        committing_ = true;
        std::vector<Change*> group;
        group.swap(queue_);
        lock.unlock();
        committer_.run([&] { commit_group(group); });
        lock.lock();
        for (Change* done : group) done->done = true;
        committing_ = false;
        committed_.notify_all();
    }
}

// One transaction for the group. When it fails, each change is tried alone,
// so that one change that cannot be written does not fail the others.
void WriteService::commit_group(const std::vector<Change*>& group) {
    if (commit(group) || group.size() == 1) return;
    for (Change* change : group) commit({change});
}

bool WriteService::commit(const std::vector<Change*>& changes) {
    try {
        for (Change* change : changes) apply(*change);
        writer_.commit();
        ++commits_;
        for (Change* change : changes) change->failure.reset();
        index_.note_write();
        return true;
    } catch (const Xapian::Error& e) {
        writer_.cancel();
        for (Change* change : changes) change->failure = write_failed(change->what_failed(), e);
    } catch (const std::exception& e) {
        writer_.cancel();
        for (Change* change : changes) change->failure = error_reply(500, change->what_failed() + ": " + e.what());
    }
    return false;
}

void WriteService::apply(Change& change) {
    for (const core::PreparedArticle& article : change.puts) writer_.put(article);
    if (!change.erase_id.empty()) change.found = writer_.erase(change.erase_id);
}

}  // namespace server
