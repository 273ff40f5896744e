#include "server/request.h"

#include "core/text.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

namespace server {
namespace {

// Parses a whole-number parameter within [min, max] (`fallback` when absent);
// nullopt with `error` set otherwise.
std::optional<long> number_param(const Request& request, const char* name, long fallback, long max,
                                 std::string& error, long min = 0) {
    const std::string& text = request.param(name);
    if (text.empty()) return fallback;
    long value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
        error = std::string(name) + " must be a whole number from " + std::to_string(min) + " to " + std::to_string(max);
        return std::nullopt;
    }
    return value;
}

bool same_letters_any_case(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        return lower(x) == lower(y);
    });
}

constexpr std::size_t kMaxFilterBytes = 200;

// Quote marks are taken out of filter values: a value like «Sputnik» names
// the same source as Sputnik.
constexpr std::array<std::string_view, 10> kQuoteMarks = {"\"", "'", "«", "»", "„", "“", "”", "‘", "’", "‚"};

// A caller's bound on the search: ranking the page may take `milliseconds`,
// and counting beyond it no longer than the default or the page's bound.
void set_time_limit(core::SearchRequest& request, long milliseconds) {
    request.page_time_limit = static_cast<double>(milliseconds) / 1000.0;
    request.count_time_limit = std::min(core::kCountTimeLimitSeconds, request.page_time_limit);
}

}  // namespace

const std::string& Request::param(const std::string& name) const {
    static const std::string kNone;
    auto it = params.find(name);
    return it == params.end() ? kNone : it->second;
}

std::string_view Request::header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (same_letters_any_case(key, name)) return value;
    }
    return {};
}

bool is_blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::variant<core::SearchRequest, RequestError> parse_search_request(const Request& http, bool require_query) {
    core::SearchRequest request;
    request.query = http.param("q");
    if (!core::is_valid_utf8(request.query)) return RequestError{400, "q is not valid UTF-8"};
    if (request.query.find('\0') != std::string::npos) return RequestError{400, "q contains a NUL character"};
    if (core::utf8_length(request.query) > kMaxQueryChars) {
        return RequestError{414, "q is longer than " + std::to_string(kMaxQueryChars) + " characters"};
    }
    if (require_query && is_blank(request.query)) return RequestError{400, "q is empty: give the words to search for"};

    std::string error;
    const auto limit = number_param(http, "limit", kDefaultLimit, kMaxLimit, error);
    const auto offset = number_param(http, "offset", 0, kMaxOffset, error);
    const auto collapse = number_param(http, "collapse", 1, 1, error);
    const auto snippets = number_param(http, "snippets", 1, 1, error);
    const auto timeout_ms = number_param(http, "timeout_ms", 0, kMaxTimeoutMs, error, 1);  // 0: not given
    if (!limit || !offset || !collapse || !snippets || !timeout_ms) return RequestError{400, error};
    if (*timeout_ms > 0) set_time_limit(request, *timeout_ms);
    request.collapse = *collapse == 1;
    request.snippets = *snippets == 1;
    request.limit = static_cast<Xapian::doccount>(*limit);
    request.offset = static_cast<Xapian::doccount>(*offset);
    const std::string& sort = http.param("sort");
    if (!sort.empty() && sort != "date" && sort != "relevance") {
        return RequestError{400, "sort must be relevance (the default) or date (newest first)"};
    }
    request.newest_first = sort == "date";
    return request;
}

std::variant<core::QuoteRequest, RequestError> parse_quote_request(const Request& http, std::string speaker) {
    auto parsed = parse_search_request(http, false);
    if (auto* error = std::get_if<RequestError>(&parsed)) return *error;
    const core::SearchRequest& search = std::get<core::SearchRequest>(parsed);
    core::QuoteRequest request;
    request.query = search.query;
    request.speaker = std::move(speaker);
    request.limit = search.limit;
    request.offset = search.offset;
    return request;
}

std::string filter_value(const Request& request, const std::string& name) {
    std::string value = request.param(name);
    if (!core::is_valid_utf8(value) || value.size() > kMaxFilterBytes) return {};
    for (std::string_view mark : kQuoteMarks) {
        for (std::size_t at; (at = value.find(mark)) != std::string::npos;) value.replace(at, mark.size(), " ");
    }
    for (char& c : value) {
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    }
    const std::size_t first = value.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    return value.substr(first, value.find_last_not_of(' ') - first + 1);
}

bool is_date_bound(const std::string& value) {
    static constexpr std::array<std::string_view, 3> kShapes = {"dddd", "dddd-dd", "dddd-dd-dd"};
    return std::any_of(kShapes.begin(), kShapes.end(), [&](std::string_view shape) {
        if (shape.size() != value.size()) return false;
        for (std::size_t i = 0; i < shape.size(); ++i) {
            const bool digit = value[i] >= '0' && value[i] <= '9';
            if (shape[i] == 'd' ? !digit : value[i] != '-') return false;
        }
        return true;
    });
}

core::SearchFilters read_filters(const Request& request) {
    core::SearchFilters filters;
    filters.source = filter_value(request, "source");
    filters.place = filter_value(request, "place");
    if (is_date_bound(request.param("from"))) filters.date_from = request.param("from");
    if (is_date_bound(request.param("to"))) filters.date_to = request.param("to");
    return filters;
}

bool is_valid_article_id(const std::string& id) {
    if (id.empty() || id == "." || id == ".." || id.size() > 200 || !core::is_valid_utf8(id)) return false;
    for (char c : id) {
        if (static_cast<unsigned char>(c) < 0x20 || c == '/' || c == '\\' || c == 0x7F) return false;
    }
    return true;
}

}  // namespace server
