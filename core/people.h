// People: what the archive knows about one person, and the people whose
// names start with what a reader typed. Built from the quotations the
// indexer attributes (speaker terms, core/quotes.h) and from a search for
// the name in any case form.
#pragma once

#include "core/facets.h"
#include "core/searcher.h"

#include <string>
#include <string_view>
#include <vector>

namespace core {

struct Person {
    std::string name;                    // the full name most often given, else as asked
    std::string key;                     // speaker_key(): the surname's base
    std::vector<FacetValue> spellings;   // full names and surnames given to their quotations, most often first
    Xapian::doccount articles = 0;       // articles naming them, any case form (exact up to 10,000)
    std::vector<FacetValue> months;      // those articles per month, in date order
    std::vector<QuoteHit> quotations;    // newest first, at most kMaxPersonQuotations
    std::vector<FacetValue> named_with;  // other speakers quoted in the same articles, most often first
};

inline constexpr std::size_t kMaxPersonQuotations = 100;

// Everything about the person named `name` (any case form; a surname alone
// or with the first name). Empty `articles` and `quotations` when the
// archive never names them.
Person find_person(Searcher& searcher, const std::string& name);

// Speakers whose surname starts with `prefix` (two letters at least), the
// most quoted first: {name as most often written, number of articles}.
std::vector<FacetValue> suggest_people(const Xapian::Database& db, std::string_view prefix, std::size_t limit = 10);

}  // namespace core
