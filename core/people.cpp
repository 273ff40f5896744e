#include "core/people.h"

#include "core/document.h"
#include "core/quotes.h"
#include "core/schema.h"
#include "core/text.h"

#include <algorithm>
#include <map>

namespace core {
namespace {

// The other speakers are counted in this many of the articles naming the
// person, the best matches (each hit costs a snippet).
constexpr Xapian::doccount kCoMentionArticles = 100;
constexpr std::size_t kMaxNamedWith = 10;
constexpr std::size_t kMinPrefixLetters = 2;

// Counts of spellings, the most frequent first (ties: alphabetical).
std::vector<FacetValue> most_often_first(const std::map<std::string, Xapian::doccount>& counts, std::size_t limit) {
    std::vector<FacetValue> out;
    for (const auto& [value, count] : counts) out.push_back({value, count});
    std::stable_sort(out.begin(), out.end(), [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
    if (out.size() > limit) out.resize(limit);
    return out;
}

std::string full_name(const Quotation& quote) { return quote.speaker_full.empty() ? quote.speaker : quote.speaker_full; }

// The full name most often given (`Сергей Лавров` over `Лавров`), else the
// spelling most often given, else the name as asked.
std::string best_name(const std::vector<FacetValue>& spellings, const std::string& asked) {
    for (const FacetValue& spelling : spellings) {
        if (spelling.value.find(' ') != std::string::npos) return spelling.value;
    }
    return spellings.empty() ? asked : spellings.front().value;
}

void add_quotations(Searcher& searcher, Person& person) {
    QuoteRequest request;
    request.speaker = person.name;
    request.limit = kMaxPersonQuotations;
    QuoteResult found = searcher.search_quotes(request);
    std::map<std::string, Xapian::doccount> spellings;
    for (const QuoteHit& hit : found.hits) {
        ++spellings[full_name(hit.quote)];
        if (hit.quote.speaker != full_name(hit.quote)) ++spellings[hit.quote.speaker];
    }
    person.spellings = most_often_first(spellings, 20);
    person.name = best_name(person.spellings, person.name);
    std::stable_sort(found.hits.begin(), found.hits.end(),
                     [](const QuoteHit& a, const QuoteHit& b) { return a.article.date > b.article.date; });
    person.quotations = std::move(found.hits);
}

// The articles naming the person in any case form: their count and months
// from the facets, and the best of them, whose quotations name the company.
SearchResult articles_naming(Searcher& searcher, const std::string& name) {
    SearchRequest request;
    request.query = name;
    request.limit = kCoMentionArticles;
    request.collapse = false;
    request.facets = true;
    return searcher.search(request);
}

// Speakers quoted in the articles that name the person, by number of articles.
void add_named_with(const std::vector<SearchHit>& naming, Person& person) {
    std::map<std::string, std::map<std::string, Xapian::doccount>> spellings_by_key;
    std::map<std::string, Xapian::doccount> articles_by_key;
    for (const SearchHit& hit : naming) {
        std::map<std::string, std::string> in_article;  // key → a spelling
        for (const Quotation& quote : hit.article.quotes) {
            const std::string key = speaker_key(quote.speaker);
            if (!key.empty() && key != person.key) in_article.emplace(key, full_name(quote));
        }
        for (const auto& [key, spelling] : in_article) {
            ++articles_by_key[key];
            ++spellings_by_key[key][spelling];
        }
    }
    std::map<std::string, Xapian::doccount> named;
    for (const auto& [key, count] : articles_by_key) named[most_often_first(spellings_by_key[key], 1).front().value] = count;
    person.named_with = most_often_first(named, kMaxNamedWith);
}

}  // namespace

Person find_person(Searcher& searcher, const std::string& name) {
    Person person;
    person.name = name;
    person.key = speaker_key(name);
    if (person.key.empty()) return person;
    add_quotations(searcher, person);
    const SearchResult naming = articles_naming(searcher, name);
    person.articles = naming.total;
    person.months = naming.facets.months;
    add_named_with(naming.hits, person);
    return person;
}

std::vector<FacetValue> suggest_people(const Xapian::Database& db, std::string_view prefix, std::size_t limit) {
    const std::string typed = normalize_text(prefix);
    if (utf8_length(typed) < kMinPrefixLetters) return {};
    const std::string term_prefix = std::string(schema::kSpeakerPrefix) + typed;
    std::vector<std::pair<std::string, Xapian::doccount>> keys;
    for (auto it = db.allterms_begin(term_prefix); it != db.allterms_end(term_prefix); ++it) {
        keys.emplace_back(*it, it.get_termfreq());
    }
    std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (keys.size() > limit) keys.resize(limit);
    std::vector<FacetValue> people;
    for (const auto& [term, articles] : keys) {
        const std::string key = term.substr(std::string(schema::kSpeakerPrefix).size());
        std::map<std::string, Xapian::doccount> spellings;
        // A few of their articles are enough to find how the name is written.
        int read = 0;
        for (auto posting = db.postlist_begin(term); posting != db.postlist_end(term) && read < 5; ++posting, ++read) {
            for (const Quotation& quote : deserialize_article(db.get_document(*posting).get_data()).quotes) {
                if (speaker_key(quote.speaker) == key) ++spellings[full_name(quote)];
            }
        }
        if (!spellings.empty()) people.push_back({most_often_first(spellings, 1).front().value, articles});
    }
    return people;
}

}  // namespace core
