#include "core/searcher.h"

#include "core/document.h"
#include "core/explain.h"
#include "core/facets.h"
#include "core/query_builder.h"
#include "core/schema.h"
#include "core/snippet.h"
#include "core/spelling.h"
#include "core/text.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

namespace core {
namespace {

// Enough matches looked at for a useful total estimate, cheaply.
constexpr Xapian::doccount kCheckAtLeast = 100;
// Matches are counted exactly up to this many (a journalist quotes the
// number), by a query without weights; beyond it the total is an estimate.
constexpr Xapian::doccount kExactTotalUpTo = 10000;
// A query of at least this many words, all standing in one quotation of an
// article, is taken to quote it (a pasted quotation): the hit says who said it.
constexpr int kMinQuotedWords = 3;
// "Did you mean" is offered when fewer articles than this match.
constexpr Xapian::doccount kSuggestBelowMatches = 20;
// The article page compares the article with this many of its copies.
constexpr std::size_t kComparedCopies = 20;
// Quotations are picked from this many best-matching articles.
constexpr Xapian::doccount kQuoteArticles = 200;
// Words whose correction is remembered per searcher (per index generation).
constexpr std::size_t kMaxCachedCorrections = 4096;

// BM25 with more weight on repeated words (k1 1.5, Xapian's default 1) and
// more length normalisation (b 0.75, default 0.5): a long article that
// mentions every word once no longer outranks a short one about them.
// Chosen on the development half of the everyday-words set
// (tools/everyday_words): found@10 0.733 -> 0.767, MRR@10 0.510 -> 0.542.
Xapian::BM25Weight ranking_weight() { return Xapian::BM25Weight(1.5, 0, 1, 0.75, 0.5); }

// The topics (things asked for) that words of `text` match.
std::set<int> topics_in(const std::string& text, const HighlightTerms& terms, RussianStemmer& stemmer) {
    std::set<int> topics;
    for_each_word(text, [&](const Word& word) {
        const int topic = terms.match(word.normalized, stemmer).topic;
        if (topic >= 0) topics.insert(topic);
    });
    return topics;
}

std::size_t matched_topics(const std::string& text, const HighlightTerms& terms, RussianStemmer& stemmer) {
    return topics_in(text, terms, stemmer).size();
}

// The first of `quotes` holding every word of the query (`query_topics`:
// the topics the query's own words match), or null.
const Quotation* quotation_quoted(const std::vector<Quotation>& quotes, const std::set<int>& query_topics,
                                  const HighlightTerms& terms, RussianStemmer& stemmer) {
    if (query_topics.size() < kMinQuotedWords) return nullptr;
    for (const Quotation& quote : quotes) {
        const std::set<int> found = topics_in(quote.text, terms, stemmer);
        if (std::includes(found.begin(), found.end(), query_topics.begin(), query_topics.end())) return &quote;
    }
    return nullptr;
}

std::string cluster_of(const Xapian::Database& db, Xapian::docid docid) {
    return db.get_document(docid, Xapian::DOC_ASSUME_VALID).get_value(schema::kClusterSlot);
}

std::string replace_word(const std::string& query, const std::string& from, const std::string& to) {
    std::string out;
    bool replaced = false;
    std::size_t cursor = 0;
    for_each_word(query, [&](const Word& word) {
        if (replaced || word.normalized != from) return;
        out += query.substr(cursor, word.begin - cursor) + to;
        cursor = word.end;
        replaced = true;
    });
    out += query.substr(cursor);
    return out;
}

// The typed filters as (field, value), in the query syntax's terms.
std::vector<std::pair<std::string, std::string>> filter_fields(const SearchFilters& filters) {
    std::vector<std::pair<std::string, std::string>> out;
    if (!filters.source.empty()) out.emplace_back("source", filters.source);
    if (!filters.place.empty()) out.emplace_back("place", filters.place);
    if (!filters.date_from.empty() || !filters.date_to.empty()) {
        out.emplace_back("date", filters.date_from + ".." + filters.date_to);
    }
    if (!filters.speaker.empty()) out.emplace_back("speaker", filters.speaker);
    return out;
}

// A deadline `seconds` from now; none for 0.
std::optional<MatchDeadline> deadline_after(double seconds) {
    if (seconds <= 0) return std::nullopt;
    const std::chrono::duration<double> span(seconds);
    return MatchDeadline(MatchClock::now() + std::chrono::duration_cast<MatchClock::duration>(span));
}

bool has_proximity_bonus(const BuiltQuery& built) {
    return std::any_of(built.score_parts.begin(), built.score_parts.end(),
                       [](const ScorePart& part) { return part.kind == "proximity"; });
}

const MatchDeadline* deadline_of(const std::optional<MatchDeadline>& deadline) {
    return deadline ? &*deadline : nullptr;
}

}  // namespace

Searcher::Searcher(const std::string& path) : path_(path), db_(path) {}

Xapian::BM25Weight search_weight() { return ranking_weight(); }

BuiltQuery Searcher::build_query(const SearchRequest& request, Strictness strictness) {
    const QueryNode root = add_filters(parse_query(request.query), filter_fields(request.filters));
    return QueryBuilder(db_, stemmer_).build(root, strictness);
}

struct MatchCount {
    Xapian::doccount total;
    bool exact;  // every match was looked at
};

// The number of matches (stories, when collapsing) and whether it is exact.
MatchCount count_of(const Xapian::MSet& mset, Xapian::doccount check_at_least, bool collapse) {
    const Xapian::doccount lower = mset.get_matches_lower_bound();
    // Collapsing, Xapian 1.4 keeps the OR's upper bound as its estimate even
    // when it looked at every match; the lower bound is then the exact count.
    if (collapse && lower < check_at_least) return {lower, true};
    return {mset.get_matches_estimated(), lower == mset.get_matches_upper_bound()};
}

// One Xapian match: the hits of [offset, offset + limit) with their weights,
// and the estimated number of matches.
Searcher::Ranking Searcher::rank_matches(const Xapian::Query& query, Xapian::doccount offset,
                                         Xapian::doccount limit, Xapian::doccount check_at_least, bool collapse,
                                         const MatchDeadline* deadline) {
    Xapian::Enquire enquire(db_);
    enquire.set_weighting_scheme(ranking_weight());
    return read_mset(enquire, query, offset, limit, check_at_least, collapse, deadline);
}

// Runs the match on an enquire set up for it, until the deadline (when
// there is one), and reads the page.
Searcher::Ranking Searcher::read_mset(Xapian::Enquire& enquire, const Xapian::Query& query, Xapian::doccount offset,
                                      Xapian::doccount limit, Xapian::doccount check_at_least, bool collapse,
                                      const MatchDeadline* deadline) {
    if (collapse) enquire.set_collapse_key(schema::kClusterSlot);
    const bool bounded = deadline != nullptr && deadlines_work_;
    enquire.set_query(bounded ? deadline->bound(query) : query);
    Xapian::MSet mset;
    try {
        mset = enquire.get_mset(offset, limit, check_at_least);
    } catch (const Xapian::UnimplementedError&) {
        if (!bounded) throw;
        deadlines_work_ = false;  // a remote shard: its query cannot carry our posting source
        return read_mset(enquire, query, offset, limit, check_at_least, collapse, nullptr);
    }
    Ranking ranking;
    const MatchCount counted = count_of(mset, check_at_least, collapse);
    ranking.cut_short = bounded && deadline->passed();
    ranking.total = counted.total;
    ranking.exact = counted.exact && !ranking.cut_short;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        ranking.hits.emplace_back(*it, it.get_weight());
        ranking.folded.push_back(collapse ? it.get_collapse_count() : 0);
    }
    return ranking;
}

// Newest first by the date value ("YYYYMMDD"); an article without a date
// has none, which sorts below every date. Relevance breaks ties.
Searcher::Ranking Searcher::rank_by_date(const Xapian::Query& query, Xapian::doccount offset, Xapian::doccount limit,
                                         const MatchPlan& plan) {
    Xapian::Enquire enquire(db_);
    enquire.set_weighting_scheme(ranking_weight());
    enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true);
    // Sorted by a value, Xapian looks at every match anyway: counting them costs nothing more.
    return read_mset(enquire, query, offset, limit, kExactTotalUpTo, plan.collapse, deadline_of(plan.page_deadline));
}

// Words side by side rank the articles holding all of them first. Those are
// ranked on their own, and the articles holding only some words only when
// the page reaches past them: on a large archive most articles hold some
// common word of a query (`России Турции`), and scoring them all was most of
// the cost of such a query. The proximity bonus stays in the one query that
// ranks them. (Adding it to the best 100 only, in a second step, was tried
// and dropped: Xapian 1.4.22 gives OP_NEAR's bonus to articles whose words
// do not stand close together when the query is filtered by a posting source
// or by id terms. Filtered by the words themselves, OP_NEAR keeps its
// weights: the first pages of the benchmark's 200 queries have the same
// scores as when ranked in one step.)
Searcher::Ranking Searcher::rank(const BuiltQuery& built, Xapian::doccount offset, Xapian::doccount limit,
                                 const MatchPlan& plan) {
    using Xapian::Query;
    const bool collapse = plan.collapse;
    const MatchDeadline* page_deadline = deadline_of(plan.page_deadline);
    // Counted without weights, so that no article is scored for the count,
    // and the same way for every page (at least as many as were seen).
    const Query unweighted(Query::OP_SCALE_WEIGHT, built.query, 0.0);
    auto count_all = [&](Ranking& ranking, Xapian::doccount at_least) {
        const std::optional<MatchDeadline> count_deadline = deadline_after(plan.count_time_limit);
        const Ranking count = count_matches(unweighted, collapse, deadline_of(count_deadline));
        const Xapian::doccount seen =
            ranking.hits.empty() ? 0 : offset + static_cast<Xapian::doccount>(ranking.hits.size());
        ranking.total = std::max({count.total, at_least, seen});
        ranking.exact = count.exact && !ranking.cut_short;
        ranking.cut_short = ranking.cut_short || count.cut_short;
    };
    if (built.all_words.empty()) {
        Ranking ranking = rank_matches(built.query, offset, limit, kCheckAtLeast, collapse, page_deadline);
        if (!ranking.exact) count_all(ranking, 0);
        return ranking;
    }
    // Looking at offset + limit matches makes the count exact when the page is not full.
    Ranking ranking = rank_matches(Query(Query::OP_FILTER, built.query, built.all_words), offset, limit,
                                   std::max(kCheckAtLeast, offset + limit), collapse, page_deadline);
    const Xapian::doccount with_all = ranking.total;
    if (ranking.hits.size() < limit) {
        const auto missing = limit - static_cast<Xapian::doccount>(ranking.hits.size());
        const Ranking rest = rank_matches(Query(Query::OP_AND_NOT, built.query, built.all_words),
                                          offset > with_all ? offset - with_all : 0, missing, kCheckAtLeast, collapse,
                                          page_deadline);
        append_other_stories(ranking, rest, collapse);
        ranking.cut_short = ranking.cut_short || rest.cut_short;
    }
    count_all(ranking, with_all);
    return ranking;
}

// How many articles (stories, when folding) match, exactly up to
// kExactTotalUpTo, without scoring any.
Searcher::Ranking Searcher::count_matches(const Xapian::Query& unweighted, bool collapse,
                                          const MatchDeadline* deadline) {
    if (collapse && db_.get_metadata(schema::kCopiesMarkedMetadataKey) == "1") {
        return count_stories(unweighted, deadline);
    }
    return rank_matches(unweighted, 0, 0, kExactTotalUpTo, collapse, deadline);
}

namespace {

// Records the docid of every article a match looks at.
class MatchedDocids : public Xapian::MatchSpy {
public:
    void operator()(const Xapian::Document& doc, double) override { docids.push_back(doc.get_docid()); }
    std::vector<Xapian::docid> docids;
};

// The copies among `matched` (sorted) that joined a story another article
// started, and those stories' keys.
struct JoinedCopies {
    std::set<Xapian::docid> docids;
    std::set<std::string> keys;
};

// Walks the marker's posting list beside the matches: only the joined
// copies' keys are read.
JoinedCopies joined_copies_among(const Xapian::Database& db, const std::vector<Xapian::docid>& matched) {
    JoinedCopies copies;
    Xapian::PostingIterator copy = db.postlist_begin(schema::kJoinedCopyTerm);
    const Xapian::PostingIterator end = db.postlist_end(schema::kJoinedCopyTerm);
    for (const Xapian::docid docid : matched) {
        copy.skip_to(docid);
        if (copy == end) break;
        if (*copy != docid) continue;
        copies.docids.insert(docid);
        copies.keys.insert(cluster_of(db, docid));
    }
    return copies;
}

// How many of the copies' stories have their first article (the one whose
// id is the key, not itself a joined copy) among `matched` (sorted): those
// stories were counted with it already.
Xapian::doccount stories_counted_by_starter(const Xapian::Database& db, const JoinedCopies& copies,
                                            const std::vector<Xapian::docid>& matched) {
    Xapian::doccount counted = 0;
    for (const std::string& key : copies.keys) {
        const std::string id_term = schema::kIdPrefix + key;
        const Xapian::PostingIterator starter = db.postlist_begin(id_term);
        if (starter == db.postlist_end(id_term) || copies.docids.count(*starter)) continue;
        if (std::binary_search(matched.begin(), matched.end(), *starter)) ++counted;
    }
    return counted;
}

}  // namespace

// Folding every match by its cluster key reads the key of each one, and that
// was most of a search's CPU. But an article that started its story (key =
// its own id) is a story by itself: only the copies that joined another's
// story (schema::kJoinedCopyTerm) are folded, and a copy whose story's first
// article matches too adds nothing. One unweighted match lists the matching
// articles.
Searcher::Ranking Searcher::count_stories(const Xapian::Query& unweighted, const MatchDeadline* deadline) {
    MatchedDocids matched;
    Xapian::Enquire enquire(db_);
    enquire.set_weighting_scheme(ranking_weight());
    enquire.add_matchspy(&matched);
    Ranking count;
    try {
        count = read_mset(enquire, unweighted, 0, 0, kExactTotalUpTo, false, deadline);
    } catch (const Xapian::UnimplementedError&) {  // a remote shard cannot run our match spy
        return rank_matches(unweighted, 0, 0, kExactTotalUpTo, true, deadline);
    }
    std::vector<Xapian::docid>& docids = matched.docids;
    std::sort(docids.begin(), docids.end());
    const JoinedCopies copies = joined_copies_among(db_, docids);
    const auto seen = static_cast<Xapian::doccount>(docids.size());
    const Xapian::doccount stories = seen - static_cast<Xapian::doccount>(copies.docids.size()) +
                                     static_cast<Xapian::doccount>(copies.keys.size()) -
                                     stories_counted_by_starter(db_, copies, docids);
    // Beyond the exact range the estimate of articles is scaled by the share of stories seen.
    count.total = count.exact || seen == 0
                      ? stories
                      : static_cast<Xapian::doccount>(static_cast<double>(count.total) * stories / seen);
    return count;
}

Searcher::Searcher(Xapian::Database shards, std::string path, std::vector<std::string> missing_shards)
    : path_(std::move(path)), db_(std::move(shards)), missing_shards_(std::move(missing_shards)) {}

SearchResult Searcher::search(const SearchRequest& request) {
    const QueryNode root = add_filters(parse_query(request.query), filter_fields(request.filters));
    QueryBuilder builder(db_, stemmer_);
    BuiltQuery built = builder.build(root);
    // One deadline for the whole search, the relaxed second try included.
    const MatchPlan plan{request.collapse, deadline_after(request.page_time_limit), request.count_time_limit};
    Ranking ranking = rank_request(built, request, plan);

    SearchResult result;
    result.missing_shards = missing_shards_;
    if (ranking.hits.empty() && built.can_relax && request.offset == 0) {
        built = builder.build(root, Strictness::Relaxed);
        ranking = rank_request(built, request, plan);
        result.relaxed = !ranking.hits.empty();
    }
    if (request.facets) result.facets = count_facets(db_, built.query);
    result.total = ranking.total;
    result.total_exact = ranking.exact;
    result.cut_short = ranking.cut_short;
    result.short_prefixes = built.short_prefixes;
    result.collapsed = request.collapse;
    // Suggestions cost hundreds of term lookups: only offer one when the
    // answer is thin, which is when a reader needs it.
    if (result.total < kSuggestBelowMatches) result.suggestion = spelling_suggestion(built.unknown_words, request.query);
    result.hits = page_hits(ranking, built, request);
    return result;
}

Searcher::Ranking Searcher::rank_request(const BuiltQuery& built, const SearchRequest& request,
                                         const MatchPlan& plan) {
    if (!request.newest_first) return rank(built, request.offset, request.limit, plan);
    // Filtered as a whole (as the deadline filters it), Xapian 1.4.22
    // gives OP_NEAR's bonus to articles whose words stand apart. rank()
    // filters by the words first, which keeps it right; sorted by date,
    // a query with a proximity bonus runs without the page's limit.
    MatchPlan by_date = plan;
    if (has_proximity_bonus(built)) by_date.page_deadline.reset();
    return rank_by_date(built.query, request.offset, request.limit, by_date);
}

// The page's hits: each article read once, with its title and snippet
// highlighted, the quotation the query names, and its story's first copy.
std::vector<SearchHit> Searcher::page_hits(const Ranking& ranking, const BuiltQuery& built,
                                           const SearchRequest& request) {
    std::map<Xapian::docid, std::vector<ScoreShare>> explained;
    if (request.explain) {
        std::vector<Xapian::docid> docids;
        for (const auto& hit : ranking.hits) docids.push_back(hit.first);
        explained = explain_scores(db_, built.score_parts, docids, ranking_weight());
    }
    const std::set<int> query_topics = topics_in(request.query, built.highlight, stemmer_);
    std::vector<SearchHit> hits;
    for (std::size_t i = 0; i < ranking.hits.size(); ++i) {
        const auto& [docid, weight] = ranking.hits[i];
        SearchHit hit;
        hit.reprints = ranking.folded[i];
        hit.article = deserialize_article(db_.get_document(docid, Xapian::DOC_ASSUME_VALID).get_data());
        hit.score = weight;
        if (request.explain) hit.explanation = explained[docid];
        hit.title_html = highlight_all(hit.article.title, built.highlight, stemmer_, {}, &hit.title_matches);
        if (request.snippets) {
            hit.snippet_html = make_snippet(hit.article.text, built.highlight, stemmer_, {}, &hit.snippet_matches);
        }
        if (const Quotation* quote = quotation_quoted(hit.article.quotes, query_topics, built.highlight, stemmer_)) {
            hit.quoted = *quote;
            hit.citation = citation_line(*quote, hit.article.source, hit.article.date, hit.article.url);
        }
        hit.article.text.clear();
        add_first_copy(hit, docid);
        hits.push_back(std::move(hit));
    }
    return hits;
}

// Appends the hits of `rest` (articles holding only some words) whose story
// is not on the page already: the two rankings collapse separately.
void Searcher::append_other_stories(Ranking& ranking, const Ranking& rest, bool collapse) {
    std::set<std::string> shown;
    if (collapse) {
        for (const auto& hit : ranking.hits) shown.insert(cluster_of(db_, hit.first));
    }
    for (std::size_t i = 0; i < rest.hits.size(); ++i) {
        const std::string key = collapse ? cluster_of(db_, rest.hits[i].first) : std::string();
        if (!key.empty() && !shown.insert(key).second) continue;
        ranking.hits.push_back(rest.hits[i]);
        ranking.folded.push_back(rest.folded[i]);
    }
}

// The first article of the hit's cluster, when it has copies.
void Searcher::add_first_copy(SearchHit& hit, Xapian::docid docid) {
    const std::string key = cluster_of(db_, docid);
    if (key.empty() || db_.get_termfreq(cluster_term(key)) < 2) return;
    const std::vector<Copy> members = cluster_members(db_, key);
    if (!members.empty()) hit.first = members.front();
}

std::optional<ArticleView> Searcher::article(const std::string& id, const std::string& query) {
    Xapian::PostingIterator posting = db_.postlist_begin(id_term(id));
    if (posting == db_.postlist_end(id_term(id))) return std::nullopt;
    ArticleView view;
    view.article = deserialize_article(db_.get_document(*posting).get_data());
    QueryBuilder builder(db_, stemmer_);
    const BuiltQuery built = builder.build(parse_query(query));
    view.title_html = highlight_all(view.article.title, built.highlight, stemmer_, {}, &view.title_matches);
    view.text_html = highlight_all(view.article.text, built.highlight, stemmer_, "first-match", &view.text_matches);
    view.cluster = db_.get_document(*posting).get_value(schema::kClusterSlot);
    if (view.cluster.empty()) view.cluster = id;
    for (Copy& copy : cluster_members(db_, view.cluster)) {
        if (copy.id != id) view.reprints.push_back(std::move(copy));
    }
    for (std::size_t i = 0; i < view.reprints.size() && i < kComparedCopies; ++i) {
        Xapian::PostingIterator other = db_.postlist_begin(id_term(view.reprints[i].id));
        if (other == db_.postlist_end(id_term(view.reprints[i].id))) {
            view.differences.emplace_back();
            continue;
        }
        const Article copy = deserialize_article(db_.get_document(*other).get_data());
        view.differences.push_back(compare_with_copy(view.article.text, copy.text));
    }
    return view;
}

// Quotations: the articles that match (and quote the speaker), then within
// them the quotations holding the most query words, then the best article.
QuoteResult Searcher::search_quotes(const QuoteRequest& request) {
    const bool any_words = request.query.find_first_not_of(" \t\r\n") != std::string::npos;
    QueryBuilder builder(db_, stemmer_);
    const BuiltQuery built = builder.build(parse_query(request.query));
    Xapian::Query filter(schema::kHasQuotesTerm);
    const std::string speaker = request.speaker.empty() ? std::string() : speaker_key(request.speaker);
    if (!speaker.empty()) filter = Xapian::Query(schema::kSpeakerPrefix + speaker);
    Xapian::Enquire enquire(db_);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, any_words ? built.query : match_all_query(), filter));
    const Xapian::MSet mset = enquire.get_mset(0, kQuoteArticles);

    std::vector<QuoteHit> found;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const Article article = deserialize_article(it.get_document().get_data());
        for (const Quotation& quote : article.quotes) {
            if (!speaker.empty() && speaker_key(quote.speaker) != speaker) continue;
            const std::size_t topics = matched_topics(quote.text, built.highlight, stemmer_);
            if (any_words && topics == 0) continue;
            QuoteHit hit;
            hit.quote = quote;
            hit.score = static_cast<double>(topics) * 1000 + it.get_weight();
            hit.text_html = highlight_all(quote.text, built.highlight, stemmer_);
            hit.citation = citation_line(quote, article.source, article.date, article.url);
            hit.article = article;
            hit.article.text.clear();
            hit.article.quotes.clear();
            found.push_back(std::move(hit));
        }
    }
    std::stable_sort(found.begin(), found.end(), [](const QuoteHit& a, const QuoteHit& b) { return a.score > b.score; });
    QuoteResult result;
    result.missing_shards = missing_shards_;
    result.total = found.size();
    for (std::size_t i = request.offset; i < found.size() && result.hits.size() < request.limit; ++i) {
        result.hits.push_back(std::move(found[i]));
    }
    return result;
}

// "Did you mean": each word the index does not know in any form is
// replaced by Xapian's spelling suggestion for it.
std::string Searcher::spelling_suggestion(const std::vector<std::string>& words, const std::string& query) {
    std::string suggestion = query;
    bool changed = false;
    for (const std::string& word : words) {
        const std::string& corrected = correction(word);
        if (corrected.empty() || corrected == word) continue;
        suggestion = replace_word(suggestion, word, corrected);
        changed = true;
    }
    return changed ? suggestion : std::string();
}

const std::string& Searcher::correction(const std::string& word) {
    if (auto found = corrections_.find(word); found != corrections_.end()) return found->second;
    if (corrections_.size() >= kMaxCachedCorrections) corrections_.clear();
    std::string corrected = closest_known_word(db_, word);
    // Two edits away is too far for a short word: `елка` is not `сделка`.
    if (corrected.empty() && utf8_length(word) > 5) corrected = db_.get_spelling_suggestion(word, 2);
    return corrections_.emplace(word, std::move(corrected)).first->second;
}

}  // namespace core
