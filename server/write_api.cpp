#include "server/write_api.h"

#include "core/article_json.h"
#include "server/api.h"
#include "server/metrics.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <optional>
#include <stdexcept>
#include <vector>

namespace server {
namespace {

using nlohmann::json;

constexpr std::string_view kCollection = "/api/articles";
constexpr std::size_t kMinTokenChars = 16;

Reply json_reply(const json& j, int status = 200) {
    return Reply{status, "application/json; charset=utf-8", j.dump(-1, ' ', false, json::error_handler_t::replace)};
}

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
    Reply reply = services.writes->handle(write);
    if (services.metrics) services.metrics->count_write(reply);
    if (reply.status == 401) reply.headers.emplace_back("WWW-Authenticate", "Bearer");
    return reply;
}

}  // namespace

Reply post_articles(const Request& request, Services& services) { return write(request, services, "POST"); }

Reply delete_article(const Request& request, Services& services) { return write(request, services, "DELETE"); }

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

WriteService::WriteService(core::IndexWriter& writer, IndexHandle& index, std::string token)
    : writer_(writer), index_(index), token_(std::move(token)) {}

Reply WriteService::handle(const WriteRequest& request) {
    const bool collection = request.path == kCollection;
    if (collection && request.method != "POST") return error_reply(405, "use POST on /api/articles");
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
    if (collection) return post_articles(request.body);
    return delete_article(std::string(request.path.substr(kCollection.size() + 1)));
}

Reply WriteService::post_articles(std::string_view body) {
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
    if (articles.empty() && rejected.empty()) return error_reply(400, "empty body: send one JSON article a line");
    {
        std::lock_guard lock(mutex_);
        try {
            for (const core::Article& article : articles) writer_.put(article);
            writer_.commit();
        } catch (const Xapian::Error& e) {
            writer_.cancel();
            return write_failed("nothing written", e);
        } catch (...) {
            writer_.cancel();
            throw;
        }
    }
    index_.note_write();
    json lines = json::array();
    for (const Rejection& r : rejected) lines.push_back({{"line", r.line}, {"id", r.id}, {"error", r.error}});
    return json_reply({{"accepted", articles.size()}, {"rejected", std::move(lines)}});
}

Reply WriteService::delete_article(const std::string& id) {
    if (!is_valid_article_id(id)) return error_reply(400, "invalid article id");
    {
        std::lock_guard lock(mutex_);
        try {
            if (!writer_.erase(id)) return error_reply(404, "no article with id " + id);
            writer_.commit();
        } catch (const Xapian::Error& e) {
            writer_.cancel();
            return write_failed("not deleted", e);
        } catch (...) {
            writer_.cancel();
            throw;
        }
    }
    index_.note_write();
    return json_reply({{"deleted", id}});
}

}  // namespace server
