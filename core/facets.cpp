#include "core/facets.h"

#include "core/schema.h"
#include "core/text.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace core {
namespace {

// The counts of one slot, with spellings that normalize alike merged.
std::vector<FacetValue> merged_by_spelling(const Xapian::ValueCountMatchSpy& spy) {
    struct Group {
        FacetValue total;
        Xapian::doccount best_spelling_count = 0;
    };
    std::unordered_map<std::string, Group> groups;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
        const std::string value = *it;
        const Xapian::doccount count = it.get_termfreq();
        Group& group = groups[normalize_text(value)];
        group.total.count += count;
        if (count > group.best_spelling_count) {
            group.best_spelling_count = count;
            group.total.value = value;
        }
    }
    std::vector<FacetValue> out;
    for (auto& [key, group] : groups) {
        if (!key.empty()) out.push_back(std::move(group.total));
    }
    std::sort(out.begin(), out.end(), [](const FacetValue& a, const FacetValue& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    return out;
}

// "YYYYMMDD" values counted by year ("2021") or month ("2021-05").
std::vector<FacetValue> dates_by(const Xapian::ValueCountMatchSpy& spy, std::size_t digits) {
    std::map<std::string, Xapian::doccount> counts;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
        const std::string date = *it;
        if (date.size() < digits) continue;
        std::string key = date.substr(0, 4);
        if (digits >= 6) key.append("-").append(date, 4, 2);
        if (digits == 8) key.append("-").append(date, 6, 2);
        counts[key] += it.get_termfreq();
    }
    std::vector<FacetValue> out;
    for (const auto& [value, count] : counts) out.push_back({value, count});
    return out;
}

}  // namespace

Facets count_facets(const Xapian::Database& db, const Xapian::Query& query, Xapian::doccount max_matches) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());  // counting needs no ranking
    Xapian::ValueCountMatchSpy sources(schema::kSourceSlot);
    Xapian::ValueCountMatchSpy places(schema::kPlaceSlot);
    Xapian::ValueCountMatchSpy dates(schema::kDateSlot);
    enquire.add_matchspy(&sources);
    enquire.add_matchspy(&places);
    enquire.add_matchspy(&dates);
    const Xapian::MSet mset = enquire.get_mset(0, 0, max_matches);

    Facets facets;
    facets.counted = sources.get_total();
    facets.complete = mset.get_matches_upper_bound() <= facets.counted;
    facets.sources = merged_by_spelling(sources);
    facets.places = merged_by_spelling(places);
    facets.years = dates_by(dates, 4);
    facets.months = dates_by(dates, 6);
    facets.days = dates_by(dates, 8);
    return facets;
}

}  // namespace core
