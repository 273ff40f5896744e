// What a handler is given: the HTTP request as the router saw it (method,
// decoded path, query parameters, headers, body), and the typed requests
// read from its parameters, so that pages, API and feeds read them one way.
#pragma once

#include "core/searcher.h"

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace server {

enum class Method { Get, Head, Post, Put, Delete, Other };

struct Request {
    Method method = Method::Get;
    std::string path;                           // percent-decoded
    std::map<std::string, std::string> params;  // decoded; the first of repeated keys wins
    std::vector<std::pair<std::string, std::string>> headers;  // as received
    std::string body;
    std::string path_value;  // what stood at the route's `{...}`, e.g. the id of /api/doc/{id}

    // The parameter's value, or "" when absent.
    const std::string& param(const std::string& name) const;
    // The first header of that name (any case), or "".
    std::string_view header(std::string_view name) const;
};

// Limits on what a request may ask for; larger values are refused with 4xx.
inline constexpr std::size_t kMaxQueryChars = 1000;
inline constexpr long kMaxLimit = 100;
inline constexpr long kMaxOffset = 10000;
inline constexpr long kDefaultLimit = 10;
// timeout_ms: the longest a caller may let one search rank its page.
inline constexpr long kMaxTimeoutMs = 10000;

struct RequestError {
    int status;
    std::string message;
};

// Whether the text holds nothing but spaces: a query that asks for nothing.
bool is_blank(std::string_view text);

// Reads q, limit and offset; a RequestError when any is invalid. A blank q
// is an error only when `require_query`.
std::variant<core::SearchRequest, RequestError> parse_search_request(const Request& request, bool require_query);

// Reads q, limit and offset as parse_search_request does (a blank q is
// allowed), for a search among the quotations of `speaker` (as read by the
// caller, or "").
std::variant<core::QuoteRequest, RequestError> parse_quote_request(const Request& request, std::string speaker);

// The page's filters: source=, place= (see filter_value), from= and to=
// (dates, see is_date_bound; others are ignored).
core::SearchFilters read_filters(const Request& request);

// A filter parameter's value, cleaned: quote marks, control characters and
// surrounding spaces removed; "" when it is not UTF-8 or too long.
std::string filter_value(const Request& request, const std::string& name);

// YYYY, YYYY-MM or YYYY-MM-DD.
bool is_date_bound(const std::string& value);

// Whether `id` may name an article: valid UTF-8, no control characters,
// no path separators, not `.` or `..`.
bool is_valid_article_id(const std::string& id);

}  // namespace server
