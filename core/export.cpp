#include "core/export.h"

#include "core/reprints.h"
#include "core/schema.h"
#include "core/snippet.h"
#include "core/text.h"

#include <algorithm>
#include <set>

namespace core {
namespace {

using Xapian::Query;

// Speakers the query names (`speaker:Лавров`): their keys, from the query's
// speaker terms.
std::set<std::string> speakers_named(const Query& query) {
    std::set<std::string> keys;
    const std::string prefix = schema::kSpeakerPrefix;
    for (auto term = query.get_terms_begin(); term != query.get_terms_end(); ++term) {
        if ((*term).rfind(prefix, 0) == 0) keys.insert((*term).substr(prefix.size()));
    }
    return keys;
}

std::size_t topics_in(const std::string& text, const HighlightTerms& terms, RussianStemmer& stemmer) {
    std::set<int> topics;
    for_each_word(text, [&](const Word& word) {
        const int topic = terms.match(word.normalized, stemmer).topic;
        if (topic >= 0) topics.insert(topic);
    });
    return topics.size();
}

std::string name_of(const Quotation& quote) { return quote.speaker_full.empty() ? quote.speaker : quote.speaker_full; }

std::string matching_speaker(const std::vector<Quotation>& quotes, const BuiltQuery& built,
                             const std::set<std::string>& named, RussianStemmer& stemmer) {
    const Quotation* best = nullptr;
    std::size_t best_topics = 0;
    for (const Quotation& quote : quotes) {
        if (quote.speaker.empty()) continue;
        if (named.count(speaker_key(quote.speaker)) != 0) return name_of(quote);
        const std::size_t topics = topics_in(quote.text, built.highlight, stemmer);
        if (topics > best_topics) {
            best = &quote;
            best_topics = topics;
        }
    }
    return best ? name_of(*best) : std::string();
}

Xapian::Enquire enquire_for(const Xapian::Database& db, const Query& query, bool newest_first, bool collapse) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(search_weight());
    if (newest_first) enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true);
    if (collapse) enquire.set_collapse_key(schema::kClusterSlot);
    return enquire;
}

bool matches_any(const Xapian::Database& db, const Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    return !enquire.get_mset(0, 1).empty();
}

}  // namespace

std::string html_to_text(std::string_view html) {
    static constexpr std::pair<std::string_view, char> kEntities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
    std::string text;
    text.reserve(html.size());
    for (std::size_t i = 0; i < html.size();) {
        if (html[i] == '<') {
            const std::size_t end = html.find('>', i);
            i = end == std::string_view::npos ? html.size() : end + 1;
            continue;
        }
        if (html[i] == '&') {
            const auto* entity = std::find_if(std::begin(kEntities), std::end(kEntities),
                                              [&](const auto& e) { return html.substr(i, e.first.size()) == e.first; });
            if (entity != std::end(kEntities)) {
                text += entity->second;
                i += entity->first.size();
                continue;
            }
        }
        text += html[i++];
    }
    return text;
}

HitExport::HitExport(SearchRequest request, Xapian::doccount max_rows)
    : request_(std::move(request)), max_rows_(max_rows) {}

std::vector<ExportRow> HitExport::next(Searcher& searcher, Xapian::doccount batch) {
    const HitExport before = *this;
    try {
        if (!started_) {
            const BuiltQuery strict = searcher.build_query(request_);
            if (strict.can_relax && !matches_any(searcher.database(), strict.query)) strictness_ = Strictness::Relaxed;
            started_ = true;
        }
        const BuiltQuery built = searcher.build_query(request_, strictness_);
        const std::set<std::string> named = speakers_named(built.query);
        std::vector<ExportRow> rows;
        while (rows.empty() && given_ < max_rows_ && (pending_at_ < pending_.size() || phase_ != Phase::Done)) {
            if (pending_at_ == pending_.size()) fetch(searcher, built);
            const Xapian::doccount want = std::min(batch, max_rows_ - given_);
            for (; pending_at_ < pending_.size() && rows.size() < want; ++pending_at_) {
                add_row(rows, searcher, built, named, pending_[pending_at_]);
            }
            given_ += static_cast<Xapian::doccount>(rows.size());
        }
        return rows;
    } catch (...) {
        *this = before;
        throw;
    }
}

// The next ids of the current phase, kFetchAhead at a time: each Xapian
// match ranks every hit again up to its offset, so fewer, larger fetches
// cost less (on the real texts, 10,000 folded rows took twice as long
// fetched 500 at a time). Only ids are held, a few KB.
//
// The search ranks the articles holding every word on their own, then the
// others (searcher.cpp, rank()); so does the export. Folding, a story whose
// best copy holds every word is given in the first phase only.
void HitExport::fetch(Searcher& searcher, const BuiltQuery& built) {
    const Xapian::Database& db = searcher.database();
    const bool two_phases = !request_.newest_first && !built.all_words.empty();
    const Query first = two_phases ? Query(Query::OP_FILTER, built.query, built.all_words) : built.query;
    const bool rest = phase_ == Phase::Rest;
    const Query query = rest ? Query(Query::OP_AND_NOT, built.query, built.all_words) : first;
    const Xapian::doccount want = std::min(kFetchAhead, max_rows_ - given_);
    const Xapian::MSet mset = enquire_for(db, query, request_.newest_first, request_.collapse).get_mset(offset_, want);
    offset_ += mset.size();
    if (mset.size() < want) {
        phase_ = phase_ == Phase::First && two_phases ? Phase::Rest : Phase::Done;
        offset_ = 0;
    }
    pending_.clear();
    pending_at_ = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        if (rest && request_.collapse) {
            const std::string key = db.get_document(*it, Xapian::DOC_ASSUME_VALID).get_value(schema::kClusterSlot);
            const Query copies_first(Query::OP_FILTER, first, Query(cluster_term(key)));
            if (!key.empty() && db.get_termfreq(cluster_term(key)) > 1 && matches_any(db, copies_first)) continue;
        }
        pending_.push_back(*it);
    }
}

// The row of one id; none when the article was deleted since it was fetched.
void HitExport::add_row(std::vector<ExportRow>& rows, Searcher& searcher, const BuiltQuery& built,
                        const std::set<std::string>& named, Xapian::docid id) {
    Xapian::Document doc;
    try {
        doc = searcher.database().get_document(id);
    } catch (const Xapian::DocNotFoundError&) {
        return;
    }
    ExportRow row;
    row.article = deserialize_article(doc.get_data());
    row.snippet = html_to_text(make_snippet(row.article.text, built.highlight, searcher.stemmer()));
    row.speaker = matching_speaker(row.article.quotes, built, named, searcher.stemmer());
    row.article.text.clear();
    row.article.quotes.clear();
    rows.push_back(std::move(row));
}

QuoteExport::QuoteExport(QuoteRequest request, bool newest_first, Xapian::doccount max_rows)
    : request_(std::move(request)), newest_first_(newest_first), max_rows_(max_rows) {}

// As Searcher::search_quotes picks them, without its cap on articles: the
// articles with quotations (by the speaker) that match the words, then
// their quotations holding a query word (any, without words).
std::vector<QuoteRow> QuoteExport::next(Searcher& searcher, Xapian::doccount batch) {
    std::vector<QuoteRow> rows;
    if (done_ || given_ >= max_rows_) return rows;
    const bool any_words = request_.query.find_first_not_of(" \t\r\n") != std::string::npos;
    SearchRequest words;
    words.query = request_.query;
    const BuiltQuery built = searcher.build_query(words);
    const std::string speaker = request_.speaker.empty() ? std::string() : speaker_key(request_.speaker);
    const Query filter(speaker.empty() ? std::string(schema::kHasQuotesTerm) : schema::kSpeakerPrefix + speaker);
    const Query query(Query::OP_FILTER, any_words ? built.query : match_all_query(), filter);
    Xapian::doccount offset = offset_;
    bool done = false;
    while (rows.empty() && !done) {
        const Xapian::MSet mset = enquire_for(searcher.database(), query, newest_first_, false).get_mset(offset, batch);
        offset += mset.size();
        done = mset.size() < batch;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            Article article = deserialize_article(it.get_document().get_data());
            const std::vector<Quotation> quotes = std::move(article.quotes);
            article.text.clear();
            article.quotes.clear();
            for (const Quotation& quote : quotes) {
                if (!speaker.empty() && speaker_key(quote.speaker) != speaker) continue;
                if (any_words && topics_in(quote.text, built.highlight, searcher.stemmer()) == 0) continue;
                if (given_ + rows.size() >= max_rows_) break;
                rows.push_back({quote, article, citation_line(quote, article.source, article.date, article.url)});
            }
        }
    }
    offset_ = offset;
    done_ = done || given_ + rows.size() >= max_rows_;
    given_ += static_cast<Xapian::doccount>(rows.size());
    return rows;
}

}  // namespace core
