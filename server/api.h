// The JSON API: /api/search, /api/doc/{id}, /healthz.
#pragma once

#include "core/searcher.h"
#include "server/index_handle.h"
#include "server/reply.h"
#include "server/url.h"

#include <variant>

namespace server {

// Limits on what a request may ask for; larger values are refused with 400.
inline constexpr std::size_t kMaxQueryChars = 1000;
inline constexpr long kMaxLimit = 100;
inline constexpr long kMaxOffset = 10000;
inline constexpr long kDefaultLimit = 10;

struct RequestError {
    int status;
    std::string message;
};

// Reads q, limit and offset; a RequestError when any is invalid.
std::variant<core::SearchRequest, RequestError> parse_search_request(const Target& target, bool require_query);

Reply api_search(const Target& target, IndexHandle& index);
Reply api_doc(const std::string& id, IndexHandle& index);
// GET /api/quotes?q=...&speaker=...&limit=&offset=: quotations ranked by match.
Reply api_quotes(const Target& target, IndexHandle& index);
Reply healthz(IndexHandle& index);

// Whether `id` may name an article: valid UTF-8, no control characters,
// no path separators, not `.` or `..`.
bool is_valid_article_id(const std::string& id);

}  // namespace server
