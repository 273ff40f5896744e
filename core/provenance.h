// Where a quotation comes from: every article that carries it, earliest
// first, with the earliest source and the speaker named. "Carries" allows
// the variants a quotation picks up as it is copied: ё/е, any quote marks,
// a cut marked with … or [...], a few words in another order or form.
#pragma once

#include "core/article.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace core {

// A pasted quotation needs this many searchable words to be traced.
inline constexpr std::size_t kMinProvenanceWords = 3;

struct Carrier {
    Article article;      // text and quotations left empty
    std::string speaker;  // who the article says said it; "" when it does not say
    std::string citation; // the citation line, when the article attributes it
    bool whole = false;   // every word of the quotation is there
};

struct Provenance {
    std::size_t words = 0;          // searchable words in the pasted quotation
    std::vector<Carrier> carriers;  // earliest first; undated ones last
    std::optional<Carrier> first;   // the earliest carrier
    std::string speaker;            // the earliest attribution found
};

}  // namespace core
