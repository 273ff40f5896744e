// Searcher::provenance: the carriers of a quotation (see provenance.h).
#include "core/provenance.h"

#include "core/document.h"
#include "core/query_builder.h"
#include "core/schema.h"
#include "core/query_parser.h"
#include "core/quotes.h"
#include "core/reprints.h"
#include "core/searcher.h"
#include "core/text.h"

#include <algorithm>
#include <map>
#include <string_view>

namespace core {
namespace {

// Articles read for carriers: the best matches of the quotation's words.
constexpr Xapian::doccount kCandidateArticles = 300;
// A carrier holds at least this share of the quotation's words (a cut or a
// changed word leaves the rest), within a stretch of text not much longer
// than the quotation.
constexpr double kMinShareOfWords = 0.8;
constexpr std::size_t kStretchSlack = 8;

// The pasted text as loose words: quote marks, ellipses and "[...]" are
// what copies change, so they are dropped before the words are read.
std::string loose_words(std::string_view pasted) {
    static constexpr std::string_view kMarks[] = {"«", "»", "„", "“", "”", "‘", "’", "‚", "…"};
    // ASCII quote marks, cuts ("[...]"), and the query syntax's operators.
    static constexpr std::string_view kSeparators = "\"'()[].-:*";
    std::string out;
    out.reserve(pasted.size());
    for (std::size_t at = 0; at < pasted.size();) {
        const auto mark = std::find_if(std::begin(kMarks), std::end(kMarks),
                                       [&](std::string_view m) { return pasted.substr(at, m.size()) == m; });
        if (mark != std::end(kMarks)) {
            out += ' ';
            at += mark->size();
            continue;
        }
        out += kSeparators.find(pasted[at]) == std::string_view::npos ? pasted[at] : ' ';
        ++at;
    }
    return out;
}

// The most of the quotation's topics found in any stretch of `text` of
// `stretch` words.
std::size_t best_stretch(const std::string& text, const HighlightTerms& terms, RussianStemmer& stemmer,
                         std::size_t stretch) {
    std::vector<int> topics;  // per word of the text: its topic, or -1
    for_each_word(text, [&](const Word& word) { topics.push_back(terms.match(word.normalized, stemmer).topic); });
    std::map<int, std::size_t> in_window;
    std::size_t best = 0;
    for (std::size_t i = 0; i < topics.size(); ++i) {
        if (topics[i] >= 0) ++in_window[topics[i]];
        if (i >= stretch && topics[i - stretch] >= 0 && --in_window[topics[i - stretch]] == 0) {
            in_window.erase(topics[i - stretch]);
        }
        best = std::max(best, in_window.size());
    }
    return best;
}

bool earlier(const Carrier& a, const Carrier& b) {
    return published_earlier({a.article.date, a.article.time, a.article.id},
                             {b.article.date, b.article.time, b.article.id});
}

}  // namespace

Provenance Searcher::provenance(const std::string& pasted) {
    QueryBuilder builder(db_, stemmer_);
    const BuiltQuery built = builder.build(parse_query(loose_words(pasted)), Strictness::Relaxed);
    Provenance result;
    result.words = static_cast<std::size_t>(built.highlight.topic_count());
    if (result.words < kMinProvenanceWords) return result;
    const auto needed = static_cast<std::size_t>(kMinShareOfWords * static_cast<double>(result.words) + 0.999);
    const std::size_t stretch = result.words + kStretchSlack;

    Xapian::Enquire enquire(db_);
    enquire.set_query(built.query);
    const Xapian::MSet mset = enquire.get_mset(0, kCandidateArticles);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const Xapian::Document doc = it.get_document();
        Article article = deserialize_article(doc.get_data());
        article.time = doc.get_value(schema::kTimeSlot);
        const std::size_t found = best_stretch(article.text, built.highlight, stemmer_, stretch);
        if (found < needed) continue;
        Carrier carrier;
        carrier.whole = found == result.words;
        for (const Quotation& quote : article.quotes) {
            if (quote.speaker.empty() || best_stretch(quote.text, built.highlight, stemmer_, stretch) < needed) continue;
            carrier.speaker = quote.speaker;
            carrier.citation = citation_line(quote, article.source, article.date, article.url);
            break;
        }
        article.text.clear();
        article.quotes.clear();
        carrier.article = std::move(article);
        result.carriers.push_back(std::move(carrier));
    }
    std::sort(result.carriers.begin(), result.carriers.end(), earlier);
    if (!result.carriers.empty()) result.first = result.carriers.front();
    for (const Carrier& carrier : result.carriers) {
        if (carrier.speaker.empty()) continue;
        result.speaker = carrier.speaker;
        break;
    }
    return result;
}

}  // namespace core
