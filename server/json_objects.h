// One definition of each object the API answers with, so that a hit, a
// quotation, an article and a shard's state look the same wherever they
// appear. Each writes one value (an object) at the writer's position.
#pragma once

#include "core/citation.h"
#include "core/searcher.h"
#include "server/index_handle.h"
#include "server/json.h"

#include <string>
#include <vector>

namespace server {

// {"id", "title", "title_html", "score", "snippet", "date", "url", "source", "place", "matches",
//  "quote"?, "reprints"?, "first"?}: the last two on a hit standing for a cluster of copies.
void write_hit(JsonWriter& json, const core::SearchHit& hit);

// Into the open object: "matches": [{"text", "kind", "query_word"}], why the
// words marked in the hit's title and snippet matched, each triple once.
void write_matches(JsonWriter& json, const core::SearchHit& hit);

// Into the open object: "explain": [{"part": "word", "word", "score"}, {"part":
// "all_words", "score"}, {"part": "proximity", "score"}]: the parts of the
// hit's score (explain=1), which add up to it.
void write_explanation(JsonWriter& json, const std::vector<core::ScoreShare>& shares);

// {"text", "speaker", "speaker_full", "speaker_title", "begin", "end", "citation"?}
void write_quotation(JsonWriter& json, const core::Quotation& quote, const std::string* citation = nullptr);

// A quotation found by /api/quotes: the quotation's fields and "citation",
// "text_html", "score", "article" (its summary).
void write_quote_hit(JsonWriter& json, const core::QuoteHit& hit);

// {"id", "title", "date", "url", "source"}: where a quotation comes from.
void write_article_summary(JsonWriter& json, const core::Article& article);

// The whole article: {"id", "title", "text", "date", "url", "source", "place", "quotes": [...]}.
void write_article(JsonWriter& json, const core::Article& article);

// The article as /api/doc gives it: the whole article plus "cluster" (the
// same string for every copy of one story) and "reprints": [{"id", "title",
// "source", "date"}], its copies earliest first, and "citation"/"citations"
// (write_citations).
void write_article(JsonWriter& json, const core::ArticleView& view);

// Into the open object: "citation" (the short line) and "citations":
// [{"style", "name", "text"}], the article in each usual Russian form.
void write_citations(JsonWriter& json, const std::vector<core::Citation>& citations);
// Today in UTC, YYYY-MM-DD: the «дата обращения» of a citation.
std::string utc_date_today();

// {"id", "title"?, "source", "date"}: one copy of a story.
void write_copy(JsonWriter& json, const core::Copy& copy, bool with_title);

// Into the open object: "partial": true and "failed_shards": [...] when
// some shards did not answer; nothing otherwise.
void write_coverage(JsonWriter& json, const std::vector<std::string>& missing_shards);

// Into the open object: "notices": [{"word": "п*", "notice": "..."}], one
// per prefix too short to expand, which was searched as a word.
void write_short_prefixes(JsonWriter& json, const std::vector<std::string>& prefixes);

// Into the open object: "date_facet": [{"value": "2024-03", "count": N}, ...], in date order.
void write_date_facet(JsonWriter& json, const std::vector<core::FacetValue>& dates);

// {"shard", "state", "documents" or "error"}
void write_shard(JsonWriter& json, const ShardHealth& shard);

}  // namespace server
