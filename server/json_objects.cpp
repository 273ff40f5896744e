#include "server/json_objects.h"

#include <ctime>
#include <set>
#include <tuple>

namespace server {

// The spans of the title, then of the snippet, each (text, kind, query
// word) once: a reader asks why a word matched, not how often it stands.
void write_matches(JsonWriter& json, const core::SearchHit& hit) {
    std::set<std::tuple<std::string, core::MatchKind, std::string>> seen;
    json.key("matches").begin_array();
    for (const auto* spans : {&hit.title_matches, &hit.snippet_matches}) {
        for (const core::MatchSpan& span : *spans) {
            if (!seen.emplace(span.text, span.kind, span.query_word).second) continue;
            json.begin_object().field("text", span.text).field("kind", core::match_kind_name(span.kind));
            json.field("query_word", span.query_word).end_object();
        }
    }
    json.end_array();
}

void write_hit(JsonWriter& json, const core::SearchHit& hit) {
    const core::Article& a = hit.article;
    json.begin_object()
        .field("id", a.id)
        .field("title", a.title)
        .field("title_html", hit.title_html)
        .field("score", hit.score)
        .field("snippet", hit.snippet_html)
        .field("date", a.date)
        .field("url", a.url)
        .field("source", a.source)
        .field("place", a.place);
    write_matches(json, hit);
    if (!hit.explanation.empty()) write_explanation(json, hit.explanation);
    if (hit.quoted) write_quotation(json.key("quote"), *hit.quoted, &hit.citation);
    if (hit.first) {
        json.field("reprints", std::uint64_t{hit.reprints});
        write_copy(json.key("first"), *hit.first, false);
    }
    json.end_object();
}

void write_explanation(JsonWriter& json, const std::vector<core::ScoreShare>& shares) {
    json.key("explain").begin_array();
    for (const core::ScoreShare& share : shares) {
        json.begin_object().field("part", share.kind);
        if (share.kind == "word" || share.kind == "query") json.field("word", share.word);
        json.field("score", share.score).end_object();
    }
    json.end_array();
}

void write_copy(JsonWriter& json, const core::Copy& copy, bool with_title) {
    json.begin_object().field("id", copy.id);
    if (with_title) json.field("title", copy.title);
    json.field("source", copy.source).field("date", copy.date).end_object();
}

namespace {

void write_strings(JsonWriter& json, const std::vector<std::string>& values) {
    json.begin_array();
    for (const std::string& value : values) json.value(value);
    json.end_array();
}

void quotation_fields(JsonWriter& json, const core::Quotation& quote) {
    json.field("text", quote.text)
        .field("speaker", quote.speaker)
        .field("speaker_full", quote.speaker_full)
        .field("speaker_title", quote.speaker_title)
        .field("begin", std::uint64_t{quote.begin})
        .field("end", std::uint64_t{quote.end});
}

}  // namespace

void write_quotation(JsonWriter& json, const core::Quotation& quote, const std::string* citation) {
    json.begin_object();
    quotation_fields(json, quote);
    if (citation) json.field("citation", *citation);
    json.end_object();
}

void write_quote_hit(JsonWriter& json, const core::QuoteHit& hit) {
    json.begin_object();
    quotation_fields(json, hit.quote);
    json.field("citation", hit.citation).field("text_html", hit.text_html).field("score", hit.score);
    write_article_summary(json.key("article"), hit.article);
    json.end_object();
}

void write_article_summary(JsonWriter& json, const core::Article& article) {
    json.begin_object()
        .field("id", article.id)
        .field("title", article.title)
        .field("date", article.date)
        .field("url", article.url)
        .field("source", article.source)
        .end_object();
}

namespace {

void article_fields(JsonWriter& json, const core::Article& article) {
    json.field("id", article.id)
        .field("title", article.title)
        .field("text", article.text)
        .field("date", article.date)
        .field("url", article.url)
        .field("source", article.source)
        .field("place", article.place);
    json.key("quotes").begin_array();
    for (const core::Quotation& quote : article.quotes) write_quotation(json, quote);
    json.end_array();
}

}  // namespace

void write_article(JsonWriter& json, const core::Article& article) {
    json.begin_object();
    article_fields(json, article);
    json.end_object();
}

void write_article(JsonWriter& json, const core::ArticleView& view) {
    json.begin_object();
    article_fields(json, view.article);
    json.field("cluster", view.cluster).key("reprints").begin_array();
    for (std::size_t i = 0; i < view.reprints.size(); ++i) {
        const core::Copy& copy = view.reprints[i];
        json.begin_object().field("id", copy.id).field("title", copy.title).field("source", copy.source);
        json.field("date", copy.date);
        if (i < view.differences.size()) {
            write_strings(json.key("added"), view.differences[i].added);
            write_strings(json.key("missing"), view.differences[i].missing);
        }
        json.end_object();
    }
    json.end_array();
    write_citations(json, core::article_citations(view.article, utc_date_today()));
    json.end_object();
}

void write_citations(JsonWriter& json, const std::vector<core::Citation>& citations) {
    if (citations.empty()) return;
    json.field("citation", citations.front().text).key("citations").begin_array();
    for (const core::Citation& c : citations) {
        json.begin_object().field("style", c.style).field("name", c.name).field("text", c.text).end_object();
    }
    json.end_array();
}

std::string utc_date_today() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char date[16];
    std::strftime(date, sizeof date, "%Y-%m-%d", &utc);
    return date;
}

void write_coverage(JsonWriter& json, const std::vector<std::string>& missing_shards) {
    if (missing_shards.empty()) return;
    json.field("partial", true).key("failed_shards").begin_array();
    for (const std::string& shard : missing_shards) json.value(shard);
    json.end_array();
}

void write_short_prefixes(JsonWriter& json, const std::vector<std::string>& prefixes) {
    json.key("notices").begin_array();
    for (const std::string& prefix : prefixes) {
        json.begin_object().field("word", prefix + "*");
        json.field("notice", "a prefix needs at least two letters before the *: searched as the word itself");
        json.end_object();
    }
    json.end_array();
}

void write_date_facet(JsonWriter& json, const std::vector<core::FacetValue>& dates) {
    json.key("date_facet").begin_array();
    for (const core::FacetValue& date : dates) {
        json.begin_object().field("value", date.value).field("count", std::uint64_t{date.count}).end_object();
    }
    json.end_array();
}

void write_shard(JsonWriter& json, const ShardHealth& shard) {
    json.begin_object().field("shard", shard.label).field("state", shard.up ? "up" : "down");
    if (shard.up) json.field("documents", shard.documents);
    else json.field("error", shard.error);
    json.end_object();
}

}  // namespace server
