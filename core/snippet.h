// Snippets: a short passage around the best matches, HTML-escaped, with the
// matched words wrapped in <mark>. Matching follows the query's analysis
// (all forms, ё/е) while the text shown keeps the article's own spelling.
#pragma once

#include "core/highlight.h"
#include "core/russian.h"

#include <string>
#include <string_view>
#include <vector>

namespace core {

struct SnippetOptions {
    std::size_t length = 240;  // characters of article text, about
    std::string_view mark_open = "<mark>";
    std::string_view mark_close = "</mark>";
};

// `spans`, when given, receives one MatchSpan per <mark>, in order: why
// each marked word matched.
std::string make_snippet(std::string_view text, const HighlightTerms& terms, RussianStemmer& stemmer,
                         const SnippetOptions& options = {}, std::vector<MatchSpan>* spans = nullptr);

// The whole text, escaped, with every match marked. `first_mark_id`, when
// set, is given to the first <mark> as an id so a page can jump to it.
std::string highlight_all(std::string_view text, const HighlightTerms& terms, RussianStemmer& stemmer,
                          std::string_view first_mark_id = {}, std::vector<MatchSpan>* spans = nullptr);

}  // namespace core
