#include "server/api.h"

#include "core/related.h"
#include "core/text.h"
#include "server/json.h"
#include "server/json_objects.h"

#include <chrono>
#include <cstdint>

namespace server {
namespace {

constexpr const char* kJson = "application/json; charset=utf-8";

double milliseconds_since(std::chrono::steady_clock::time_point started) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
}

}  // namespace

Reply api_search(const Request& http, IndexHandle& index) {
    const auto started = std::chrono::steady_clock::now();
    auto parsed = parse_search_request(http, true);
    if (auto* error = std::get_if<RequestError>(&parsed)) return error_reply(error->status, error->message);
    core::SearchRequest& request = std::get<core::SearchRequest>(parsed);
    const std::string& date_facet = http.param("date_facet");
    if (!date_facet.empty() && date_facet != "day" && date_facet != "month") {
        return error_reply(400, "date_facet must be day or month");
    }
    request.facets = !date_facet.empty();
    const std::string& explain = http.param("explain");
    if (!explain.empty() && explain != "0" && explain != "1") return error_reply(400, "explain must be 0 or 1");
    request.explain = explain == "1";

    const core::SearchResult result = index.run([&](core::Searcher& s) { return s.search(request); });
    std::string body;
    std::size_t size = 256 + request.query.size();
    for (const core::SearchHit& hit : result.hits) {
        size += 256 + hit.snippet_html.size() + hit.title_html.size() + hit.article.title.size() + hit.article.url.size();
    }
    body.reserve(size);
    JsonWriter json(body);
    json.begin_object().field("query", request.query).field("total", result.total);
    json.field("total_exact", result.total_exact);
    json.field("counts", result.collapsed ? "stories" : "articles");
    const std::size_t took_at = json.key("took_ms").value_slot();  // filled in last
    json.field("limit", request.limit).field("offset", request.offset).key("hits").begin_array();
    for (const core::SearchHit& hit : result.hits) write_hit(json, hit);
    json.end_array();
    if (!result.suggestion.empty()) json.field("suggestion", result.suggestion);
    if (result.relaxed) json.field("relaxed", true);
    if (result.cut_short) json.field("cut_short", true);
    if (!result.short_prefixes.empty()) write_short_prefixes(json, result.short_prefixes);
    if (request.facets) write_date_facet(json, date_facet == "day" ? result.facets.days : result.facets.months);
    write_coverage(json, result.missing_shards);
    json.end_object();
    std::string took;
    JsonWriter(took).value(milliseconds_since(started));
    body.insert(took_at, took);
    return Reply{200, kJson, std::move(body)};
}

namespace {

void write_carrier(JsonWriter& json, const core::Carrier& carrier) {
    const core::Article& a = carrier.article;
    json.begin_object().field("id", a.id).field("title", a.title).field("date", a.date).field("source", a.source);
    json.field("url", a.url).field("speaker", carrier.speaker).field("citation", carrier.citation);
    json.field("whole", carrier.whole).end_object();
}

// /api/quotes?q=...&provenance=1: every article carrying the quotation,
// earliest first, and the first of them.
Reply api_provenance(const Request& http, IndexHandle& index) {
    const std::string& pasted = http.param("q");
    if (!core::is_valid_utf8(pasted) || core::utf8_length(pasted) > kMaxQueryChars) {
        return error_reply(400, "q must be UTF-8 of at most " + std::to_string(kMaxQueryChars) + " characters");
    }
    const auto started = std::chrono::steady_clock::now();
    const core::Provenance found = index.run([&](core::Searcher& s) { return s.provenance(pasted); });
    if (found.words < core::kMinProvenanceWords) {
        return error_reply(400, "provenance needs a quotation of at least three searchable words in q");
    }
    std::string body;
    JsonWriter json(body);
    json.begin_object().field("query", pasted).field("words", std::uint64_t{found.words});
    json.field("total", std::uint64_t{found.carriers.size()}).field("speaker", found.speaker);
    json.field("took_ms", milliseconds_since(started));
    if (found.first) write_carrier(json.key("first"), *found.first);
    json.key("carriers").begin_array();
    for (const core::Carrier& carrier : found.carriers) write_carrier(json, carrier);
    json.end_array().end_object();
    return Reply{200, kJson, std::move(body)};
}

}  // namespace

Reply api_quotes(const Request& http, IndexHandle& index) {
    const std::string& provenance = http.param("provenance");
    if (provenance == "1") return api_provenance(http, index);
    if (!provenance.empty() && provenance != "0") return error_reply(400, "provenance must be 0 or 1");
    auto parsed = parse_quote_request(http, http.param("speaker"));
    if (auto* error = std::get_if<RequestError>(&parsed)) return error_reply(error->status, error->message);
    const core::QuoteRequest& request = std::get<core::QuoteRequest>(parsed);
    if (!core::is_valid_utf8(request.speaker) || core::utf8_length(request.speaker) > 200) {
        return error_reply(400, "speaker must be a name of at most 200 characters");
    }
    if (is_blank(request.query) && request.speaker.empty()) return error_reply(400, "give q (words of the quotation) or speaker");

    const auto started = std::chrono::steady_clock::now();
    const core::QuoteResult result = index.run([&](core::Searcher& s) { return s.search_quotes(request); });
    std::string body;
    JsonWriter json(body);
    json.begin_object()
        .field("query", request.query)
        .field("speaker", request.speaker)
        .field("total", std::uint64_t{result.total})
        .field("took_ms", milliseconds_since(started))
        .field("limit", request.limit)
        .field("offset", request.offset);
    json.key("hits").begin_array();
    for (const core::QuoteHit& hit : result.hits) write_quote_hit(json, hit);
    json.end_array();
    write_coverage(json, result.missing_shards);
    json.end_object();
    return Reply{200, kJson, std::move(body)};
}

Reply api_doc(const Request& http, IndexHandle& index) {
    const std::string& id = http.path_value;
    if (!is_valid_article_id(id)) return error_reply(400, "invalid article id");
    std::vector<std::string> missing_shards;
    const auto view = index.run([&](core::Searcher& s) {
        missing_shards = s.missing_shards();
        return s.article(id);
    });
    std::string body;
    JsonWriter json(body);
    if (!view && !missing_shards.empty()) {
        json.begin_object().field("error", "no article with id " + id + " in the shards that answered");
        write_coverage(json, missing_shards);
        json.end_object();
        return Reply{503, kJson, std::move(body)};
    }
    if (!view) return error_reply(404, "no article with id " + id);
    write_article(json, *view);
    return Reply{200, kJson, std::move(body)};
}

Reply api_related(const Request& http, IndexHandle& index) {
    const std::string& id = http.path_value;
    if (!is_valid_article_id(id)) return error_reply(400, "invalid article id");
    auto parsed = parse_search_request(http, false);  // limit=, as a search takes it
    if (auto* error = std::get_if<RequestError>(&parsed)) return error_reply(error->status, error->message);
    const Xapian::doccount limit = std::get<core::SearchRequest>(parsed).limit;
    std::optional<std::vector<core::RelatedArticle>> related;
    try {
        related = index.run([&](core::Searcher& s) { return core::related_articles(s.database(), id, limit); });
    } catch (const core::NoTermLists& e) {
        return error_reply(409, e.what());
    }
    if (!related) return error_reply(404, "no article with id " + id);
    std::string body;
    JsonWriter json(body);
    json.begin_object().field("id", id).key("related").begin_array();
    for (const core::RelatedArticle& r : *related) {
        json.begin_object().field("id", r.article.id).field("title", r.article.title).field("date", r.article.date);
        json.field("url", r.article.url).field("source", r.article.source).field("score", r.score).end_object();
    }
    json.end_array().end_object();
    return Reply{200, kJson, std::move(body)};
}

// One database: {"status": "ok", "documents": N}. Shards: each shard's
// state too, "degraded" while some are down, 503 when none answers.
Reply healthz(const Request&, IndexHandle& index) {
    const std::vector<ShardHealth> shards = index.shard_health();
    if (shards.size() <= 1) {
        // One database: its count is known already; when it is down, the
        // searcher says why (IndexUnavailable, answered 503).
        const Xapian::doccount documents = shards.size() == 1 && shards.front().up
                                               ? shards.front().documents
                                               : index.run([](core::Searcher& s) { return s.document_count(); });
        std::string body;
        JsonWriter(body).begin_object().field("status", "ok").field("documents", documents).end_object();
        return Reply{200, kJson, std::move(body)};
    }
    Xapian::doccount documents = 0;
    std::size_t up = 0;
    for (const ShardHealth& shard : shards) {
        documents += shard.documents;
        up += shard.up ? 1 : 0;
    }
    const char* status = up == shards.size() ? "ok" : up > 0 ? "degraded" : "unavailable";
    std::string body;
    JsonWriter json(body);
    json.begin_object().field("status", status).field("documents", documents).key("shards").begin_array();
    for (const ShardHealth& shard : shards) write_shard(json, shard);
    json.end_array();
    if (up == 0) json.field("error", "no shard answers");
    json.end_object();
    return Reply{up > 0 ? 200 : 503, kJson, std::move(body)};
}

}  // namespace server
