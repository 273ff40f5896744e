#include "server/api.h"

#include "core/text.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace server {
namespace {

using nlohmann::json;

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

Reply json_reply(const json& j, int status = 200) { return Reply{status, "application/json; charset=utf-8", dump(j)}; }

// Parses a whole-number parameter within [0, max]; nullopt with `error` set otherwise.
std::optional<long> number_param(const Target& target, const char* name, long fallback, long max,
                                 std::string& error) {
    auto it = target.params.find(name);
    if (it == target.params.end() || it->second.empty()) return fallback;
    long value = 0;
    const std::string& text = it->second;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < 0 || value > max) {
        error = std::string(name) + " must be a whole number from 0 to " + std::to_string(max);
        return std::nullopt;
    }
    return value;
}

// /api/search answers are written directly: nlohmann's tree of ten hits
// and its serializer (which decodes every byte to check the UTF-8) cost
// more than a tenth of a search. Same fields, same JSON.
void append_json_string(std::string& out, std::string_view text) {
    std::string sanitized;
    if (!core::is_valid_utf8(text)) {
        sanitized = core::sanitize_utf8(text);  // U+FFFD for bad bytes, as nlohmann's `replace` does
        text = sanitized;
    }
    out.push_back('"');
    std::size_t run = 0;  // start of the bytes not yet copied
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(text.substr(run, i - run));
        run = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default: {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
                out += escaped;
            }
        }
    }
    out.append(text.substr(run));
    out.push_back('"');
}

void append_json_number(std::string& out, double value) {
    if (!std::isfinite(value)) value = 0;
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

void append_json_number(std::string& out, std::uint64_t value) {
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

// `"name":` then the value.
void append_key(std::string& out, std::string_view name) {
    out.push_back('"');
    out.append(name);
    out += "\":";
}

void append_field(std::string& out, std::string_view name, std::string_view value) {
    append_key(out, name);
    append_json_string(out, value);
    out.push_back(',');
}

// `"quote": {...},`: the quotation a hit's query quotes, and who said it.
void append_quote(std::string& out, const core::Quotation& quote, const std::string& citation) {
    append_key(out, "quote");
    out.push_back('{');
    append_field(out, "text", quote.text);
    append_field(out, "speaker", quote.speaker);
    append_field(out, "speaker_full", quote.speaker_full);
    append_field(out, "speaker_title", quote.speaker_title);
    append_field(out, "citation", citation);
    out.back() = '}';
    out.push_back(',');
}

void append_hit(std::string& out, const core::SearchHit& hit) {
    const core::Article& a = hit.article;
    out.push_back('{');
    append_field(out, "id", a.id);
    append_field(out, "title", a.title);
    append_field(out, "title_html", hit.title_html);
    append_key(out, "score");
    append_json_number(out, hit.score);
    out.push_back(',');
    append_field(out, "snippet", hit.snippet_html);
    append_field(out, "date", a.date);
    append_field(out, "url", a.url);
    append_field(out, "source", a.source);
    append_field(out, "place", a.place);
    if (hit.quoted) append_quote(out, *hit.quoted, hit.citation);
    out.back() = '}';
}

// `,"date_facet":[{"value":"2024-03","count":N},...]`, in date order.
void append_date_facet(std::string& body, const std::vector<core::FacetValue>& dates) {
    body += ",\"date_facet\":[";
    for (const core::FacetValue& date : dates) {
        body += "{\"value\":";
        append_json_string(body, date.value);
        body += ",\"count\":";
        append_json_number(body, std::uint64_t{date.count});
        body += "},";
    }
    if (!dates.empty()) body.pop_back();
    body.push_back(']');
}

// `"partial": true` and the shards left out, when some did not answer.
void append_coverage(std::string& body, const std::vector<std::string>& missing_shards) {
    if (missing_shards.empty()) return;
    body += ",\"partial\":true,\"failed_shards\":[";
    for (std::size_t i = 0; i < missing_shards.size(); ++i) {
        if (i > 0) body.push_back(',');
        append_json_string(body, missing_shards[i]);
    }
    body.push_back(']');
}

void add_coverage(json& body, const std::vector<std::string>& missing_shards) {
    if (missing_shards.empty()) return;
    body["partial"] = true;
    body["failed_shards"] = missing_shards;
}

json shard_json(const ShardHealth& shard) {
    json j = {{"shard", shard.label}, {"state", shard.up ? "up" : "down"}};
    if (shard.up) j["documents"] = shard.documents;
    else j["error"] = shard.error;
    return j;
}

}  // namespace

Reply error_reply(int status, const std::string& message) {
    return json_reply(json{{"error", message}}, status);
}

bool is_valid_article_id(const std::string& id) {
    if (id.empty() || id == "." || id == ".." || id.size() > 200 || !core::is_valid_utf8(id)) return false;
    for (char c : id) {
        if (static_cast<unsigned char>(c) < 0x20 || c == '/' || c == '\\' || c == 0x7F) return false;
    }
    return true;
}

std::variant<core::SearchRequest, RequestError> parse_search_request(const Target& target, bool require_query) {
    core::SearchRequest request;
    auto q = target.params.find("q");
    if (q != target.params.end()) request.query = q->second;
    if (!core::is_valid_utf8(request.query)) return RequestError{400, "q is not valid UTF-8"};
    if (request.query.find('\0') != std::string::npos) return RequestError{400, "q contains a NUL character"};
    if (core::utf8_length(request.query) > kMaxQueryChars) {
        return RequestError{414, "q is longer than " + std::to_string(kMaxQueryChars) + " characters"};
    }
    const bool blank = request.query.find_first_not_of(" \t\r\n") == std::string::npos;
    if (blank && require_query) return RequestError{400, "q is empty: give the words to search for"};

    std::string error;
    const auto limit = number_param(target, "limit", kDefaultLimit, kMaxLimit, error);
    const auto offset = number_param(target, "offset", 0, kMaxOffset, error);
    if (!limit || !offset) return RequestError{400, error};
    request.limit = static_cast<Xapian::doccount>(*limit);
    request.offset = static_cast<Xapian::doccount>(*offset);
    auto sort = target.params.find("sort");
    if (sort != target.params.end() && !sort->second.empty()) {
        if (sort->second != "date" && sort->second != "relevance") {
            return RequestError{400, "sort must be relevance (the default) or date (newest first)"};
        }
        request.newest_first = sort->second == "date";
    }
    return request;
}

Reply api_search(const Target& target, IndexHandle& index) {
    const auto started = std::chrono::steady_clock::now();
    auto parsed = parse_search_request(target, true);
    if (auto* error = std::get_if<RequestError>(&parsed)) return error_reply(error->status, error->message);
    core::SearchRequest& request = std::get<core::SearchRequest>(parsed);
    const auto date_facet = target.params.find("date_facet");
    const bool by_day = date_facet != target.params.end() && date_facet->second == "day";
    const bool by_month = date_facet != target.params.end() && date_facet->second == "month";
    if (date_facet != target.params.end() && !by_day && !by_month) {
        return error_reply(400, "date_facet must be day or month");
    }
    request.facets = by_day || by_month;

    const core::SearchResult result = index.run([&](core::Searcher& s) { return s.search(request); });
    std::string body;
    std::size_t size = 256 + request.query.size();
    for (const core::SearchHit& hit : result.hits) {
        size += 256 + hit.snippet_html.size() + hit.title_html.size() + hit.article.title.size() + hit.article.url.size();
    }
    body.reserve(size);
    body.push_back('{');
    append_field(body, "query", request.query);
    append_key(body, "total");
    append_json_number(body, std::uint64_t{result.total});
    body += ",\"took_ms\":";
    const std::size_t took_at = body.size();  // filled in last
    body += ",\"limit\":";
    append_json_number(body, std::uint64_t{request.limit});
    body += ",\"offset\":";
    append_json_number(body, std::uint64_t{request.offset});
    body += ",\"hits\":[";
    for (const core::SearchHit& hit : result.hits) {
        append_hit(body, hit);
        body.push_back(',');
    }
    if (!result.hits.empty()) body.pop_back();
    body.push_back(']');
    if (!result.suggestion.empty()) {
        body.push_back(',');
        append_key(body, "suggestion");
        append_json_string(body, result.suggestion);
    }
    if (result.relaxed) body += ",\"relaxed\":true";
    if (request.facets) append_date_facet(body, by_day ? result.facets.days : result.facets.months);
    append_coverage(body, result.missing_shards);
    body.push_back('}');
    std::string took;
    append_json_number(took, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
    body.insert(took_at, took);
    return Reply{200, "application/json; charset=utf-8", std::move(body)};
}

json quote_json(const core::Quotation& q) {
    return json{{"text", q.text},
                {"begin", q.begin},
                {"end", q.end},
                {"speaker", q.speaker},
                {"speaker_full", q.speaker_full},
                {"speaker_title", q.speaker_title}};
}

Reply api_quotes(const Target& target, IndexHandle& index) {
    auto parsed = parse_search_request(target, false);
    if (auto* error = std::get_if<RequestError>(&parsed)) return error_reply(error->status, error->message);
    core::SearchRequest search = std::get<core::SearchRequest>(parsed);
    core::QuoteRequest request;
    request.query = search.query;
    request.limit = search.limit;
    request.offset = search.offset;
    if (auto it = target.params.find("speaker"); it != target.params.end()) request.speaker = it->second;
    if (!core::is_valid_utf8(request.speaker) || core::utf8_length(request.speaker) > 200) {
        return error_reply(400, "speaker must be a name of at most 200 characters");
    }
    const bool blank = request.query.find_first_not_of(" \t\r\n") == std::string::npos;
    if (blank && request.speaker.empty()) return error_reply(400, "give q (words of the quotation) or speaker");

    const auto started = std::chrono::steady_clock::now();
    const core::QuoteResult result = index.run([&](core::Searcher& s) { return s.search_quotes(request); });
    json hits = json::array();
    for (const core::QuoteHit& hit : result.hits) {
        json item = quote_json(hit.quote);
        item["text_html"] = hit.text_html;
        item["citation"] = hit.citation;
        item["score"] = hit.score;
        item["article"] = json{{"id", hit.article.id}, {"title", hit.article.title}, {"date", hit.article.date},
                               {"url", hit.article.url}, {"source", hit.article.source}};
        hits.push_back(std::move(item));
    }
    const double took_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    json body = {{"query", request.query}, {"speaker", request.speaker}, {"total", result.total},
                 {"took_ms", took_ms},     {"limit", request.limit},     {"offset", request.offset},
                 {"hits", std::move(hits)}};
    add_coverage(body, result.missing_shards);
    return json_reply(body);
}

Reply api_doc(const std::string& id, IndexHandle& index) {
    if (!is_valid_article_id(id)) return error_reply(400, "invalid article id");
    std::vector<std::string> missing_shards;
    const auto view = index.run([&](core::Searcher& s) {
        missing_shards = s.missing_shards();
        return s.article(id);
    });
    if (!view && !missing_shards.empty()) {
        json body = {{"error", "no article with id " + id + " in the shards that answered"}};
        add_coverage(body, missing_shards);
        return json_reply(body, 503);
    }
    if (!view) return error_reply(404, "no article with id " + id);
    const core::Article& a = view->article;
    json quotes = json::array();
    for (const core::Quotation& q : a.quotes) quotes.push_back(quote_json(q));
    return json_reply(json{{"id", a.id},   {"title", a.title},   {"text", a.text},  {"date", a.date},
                           {"url", a.url}, {"source", a.source}, {"place", a.place}, {"quotes", std::move(quotes)}});
}

// One database: {"status": "ok", "documents": N}. Shards: each shard's
// state too, "degraded" while some are down, 503 when none answers.
Reply healthz(IndexHandle& index) {
    const std::vector<ShardHealth> shards = index.shard_health();
    if (shards.size() <= 1) {
        // One database: its count is known already; when it is down, the
        // searcher says why (IndexUnavailable, answered 503).
        const Xapian::doccount documents = shards.size() == 1 && shards.front().up
                                               ? shards.front().documents
                                               : index.run([](core::Searcher& s) { return s.document_count(); });
        return json_reply(json{{"status", "ok"}, {"documents", documents}});
    }
    Xapian::doccount documents = 0;
    std::size_t up = 0;
    json states = json::array();
    for (const ShardHealth& shard : shards) {
        states.push_back(shard_json(shard));
        documents += shard.documents;
        up += shard.up ? 1 : 0;
    }
    const char* status = up == shards.size() ? "ok" : up > 0 ? "degraded" : "unavailable";
    json body = {{"status", status}, {"documents", documents}, {"shards", std::move(states)}};
    if (up == 0) body["error"] = "no shard answers";
    return json_reply(body, up > 0 ? 200 : 503);
}

}  // namespace server
