// How the matches of a query spread over the fields one can filter by
// (source, place, year, month), for the filter lists beside the results.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace core {

struct FacetValue {
    std::string value;  // as written in the articles ("Sputnik"); dates as "2021" or "2021-05"
    Xapian::doccount count = 0;
};

struct Facets {
    std::vector<FacetValue> sources;  // most matches first
    std::vector<FacetValue> places;   // most matches first
    std::vector<FacetValue> years;    // in date order
    std::vector<FacetValue> months;   // in date order
    std::vector<FacetValue> days;     // "2021-05-04", in date order
    Xapian::doccount counted = 0;     // matches the counts come from
    bool complete = true;             // false when only the first `counted` matches were counted
};

// Counts the values of up to `max_matches` matches of `query` (Xapian's
// ValueCountMatchSpy over the value slots in schema.h). Spellings of one
// value that differ only in case or ё are counted as one, shown as the most
// frequent spelling.
Facets count_facets(const Xapian::Database& db, const Xapian::Query& query, Xapian::doccount max_matches = 20000);

}  // namespace core
