// One article as a JSON object, the indexer's JSONL line and the write API's
// NDJSON line alike: id, title, text, and optionally date, url, source.
#pragma once

#include "core/article.h"

#include <string>
#include <string_view>

namespace core {

// Lines longer than this are refused: no newsroom text is that long.
inline constexpr std::size_t kMaxArticleLineBytes = 20 * 1024 * 1024;
// Objects nested deeper than this are refused before they are parsed.
inline constexpr int kMaxJsonDepth = 32;
// A "source" is a filter term, and Xapian refuses terms over 245 bytes.
inline constexpr std::size_t kMaxSourceBytes = 200;

// Fills `article` from one JSON line (metadata a plain text carries is
// extracted too). Returns false with a short reason ("not UTF-8",
// "no \"id\"", ...) when the line is no article.
bool article_from_json(std::string_view line, Article& article, std::string& reason);

}  // namespace core
