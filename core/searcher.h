// Answers queries over one open index: ranking, snippets, "did you mean".
// One Searcher per thread: Xapian::Database is not thread-safe.
#pragma once

#include "core/article.h"
#include "core/copy_diff.h"
#include "core/explain.h"
#include "core/match_deadline.h"
#include "core/facets.h"
#include "core/provenance.h"
#include "core/query_builder.h"
#include "core/reprints.h"
#include "core/russian.h"

#include <xapian.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace core {

// Filters chosen apart from the words typed (the page's lists, a feed's
// parameters). Each narrows the matches as the query syntax's field of the
// same name does (fields.h), without being written into the query text.
struct SearchFilters {
    std::string source;
    std::string place;
    std::string date_from;  // YYYY, YYYY-MM or YYYY-MM-DD, or "" for no lower bound
    std::string date_to;    // likewise, inclusive
    std::string speaker;    // any case form of the surname

    bool empty() const {
        return source.empty() && place.empty() && date_from.empty() && date_to.empty() && speaker.empty();
    }
};

// How long one search may spend matching (see match_deadline.h). Ranking
// the page past kPageTimeLimitSeconds, or counting the matches beyond it past
// kCountTimeLimitSeconds, stops there: the answer then says it was cut short.
inline constexpr double kPageTimeLimitSeconds = 1.0;
inline constexpr double kCountTimeLimitSeconds = 0.1;

struct SearchRequest {
    std::string query;    // what the user typed, in the query syntax
    SearchFilters filters;
    Xapian::doccount offset = 0;
    Xapian::doccount limit = 10;
    bool snippets = true;
    bool facets = false;  // also count the matches' sources, places and dates
    bool collapse = true;  // one hit per reprint cluster (its best-ranked member)
    bool newest_first = false;  // sort=date: by date, newest first, articles without a date last
    bool explain = false;  // each hit's score split into its parts (explain.h)
    double page_time_limit = kPageTimeLimitSeconds;    // 0: no limit
    double count_time_limit = kCountTimeLimitSeconds;  // 0: no limit
};

struct SearchHit {
    Article article;          // text is left empty: the snippet stands for it
    double score = 0;
    std::string title_html;   // escaped, matches marked
    std::string snippet_html; // escaped, matches marked
    // Why each <mark> of title_html and of snippet_html matched, one per
    // mark, in order.
    std::vector<MatchSpan> title_matches;
    std::vector<MatchSpan> snippet_matches;
    // With SearchRequest::explain: what each word and bonus gave to `score`.
    std::vector<ScoreShare> explanation;
    // When the query quotes the article (every word of a query of three or
    // more stands in one of its quotations): that quotation, so the answer
    // says who said it, and its citation line.
    std::optional<Quotation> quoted;
    std::string citation;
    // When the article has copies: how many other members of its cluster
    // match (folded into this hit), and the cluster's first article.
    Xapian::doccount reprints = 0;
    std::optional<Copy> first;
};

struct SearchResult {
    Xapian::doccount total = 0;  // all matches: exact up to kExactTotalUpTo, an estimate beyond
    bool total_exact = false;    // total is the exact count
    std::vector<SearchHit> hits;
    std::string suggestion;      // a corrected query, or ""
    bool relaxed = false;        // nothing matched all words; these match some
    // Words typed as prefixes (`п*`) too short to expand: searched as words.
    std::vector<std::string> short_prefixes;
    Facets facets;               // when the request asked for them
    bool collapsed = false;      // total and hits count stories (reprint clusters), not articles
    // A time limit stopped the match: the hits are the best of the articles
    // looked at, and total is an estimate.
    bool cut_short = false;
    std::vector<std::string> missing_shards;  // shards left out: they did not answer
};

struct QuoteRequest {
    std::string query;    // words to find in quotations; may be empty with a speaker
    std::string speaker;  // any case form of the surname, or ""
    Xapian::doccount offset = 0;
    Xapian::doccount limit = 10;
};

struct QuoteHit {
    Quotation quote;
    Article article;        // the article it comes from (text left empty)
    std::string text_html;  // the quotation, escaped, matches marked
    std::string citation;   // «...» — Speaker, source, date, URL
    double score = 0;
};

struct QuoteResult {
    std::size_t total = 0;  // quotations found among the best-matching articles
    std::vector<QuoteHit> hits;
    std::vector<std::string> missing_shards;  // shards left out: they did not answer
};

struct ArticleView {
    Article article;
    std::string title_html;
    std::string text_html;  // the whole text with every match marked
    std::vector<MatchSpan> title_matches;  // why each <mark> matched, in order
    std::vector<MatchSpan> text_matches;
    std::string cluster;         // the reprint cluster key, the same for every copy
    std::vector<Copy> reprints;  // the other members of the cluster, earliest first
    std::vector<CopyDiff> differences;  // per reprint (the first kComparedCopies): how it differs
};

// The weighting every ranking of the searcher uses (BM25, tuned).
Xapian::BM25Weight search_weight();

class Searcher {
public:
    // Opens the index at `path` (a generation directory or stub file).
    // Throws Xapian::DatabaseError when it cannot be opened.
    explicit Searcher(const std::string& path);
    // Searches `shards` (one database or several added together) as one;
    // `missing_shards` names the shards that could not be opened, so that
    // answers say they are partial.
    Searcher(Xapian::Database shards, std::string path, std::vector<std::string> missing_shards);

    SearchResult search(const SearchRequest& request);
    // The request's query (its filters added) as search() builds it, for
    // callers that rank on their own (export.h).
    BuiltQuery build_query(const SearchRequest& request, Strictness strictness = Strictness::Strict);
    RussianStemmer& stemmer() { return stemmer_; }
    std::optional<ArticleView> article(const std::string& id, const std::string& query = {});
    QuoteResult search_quotes(const QuoteRequest& request);
    // Every article carrying the pasted quotation, earliest first (provenance.cpp).
    Provenance provenance(const std::string& pasted);
    Xapian::doccount document_count() const { return db_.get_doccount(); }
    const Xapian::Database& database() const { return db_; }
    const std::string& path() const { return path_; }
    const std::vector<std::string>& missing_shards() const { return missing_shards_; }
    // Re-reads the index if it changed on disk (a writer committed).
    void reopen() {
        if (db_.reopen()) corrections_.clear();
    }

private:
    // How one search is matched: folded by story or not, and until when.
    struct MatchPlan {
        bool collapse = true;
        std::optional<MatchDeadline> page_deadline;
        double count_time_limit = 0;
    };
    struct Ranking {
        Xapian::doccount total = 0;  // Xapian's estimate of all matches
        bool exact = false;          // every match was looked at: total is the count
        bool cut_short = false;      // a time limit ended the match before that
        std::vector<std::pair<Xapian::docid, double>> hits;  // [offset, offset + limit), with weights
        std::vector<Xapian::doccount> folded;  // per hit: the other cluster members folded into it
    };
    Ranking rank_request(const BuiltQuery& built, const SearchRequest& request, const MatchPlan& plan);
    std::vector<SearchHit> page_hits(const Ranking& ranking, const BuiltQuery& built, const SearchRequest& request);
    Ranking rank(const BuiltQuery& built, Xapian::doccount offset, Xapian::doccount limit, const MatchPlan& plan);
    Ranking rank_by_date(const Xapian::Query& query, Xapian::doccount offset, Xapian::doccount limit,
                         const MatchPlan& plan);
    Ranking count_matches(const Xapian::Query& unweighted, bool collapse, const MatchDeadline* deadline);
    Ranking count_stories(const Xapian::Query& unweighted, const MatchDeadline* deadline);
    Ranking rank_matches(const Xapian::Query& query, Xapian::doccount offset, Xapian::doccount limit,
                         Xapian::doccount check_at_least, bool collapse, const MatchDeadline* deadline);
    Ranking read_mset(Xapian::Enquire& enquire, const Xapian::Query& query, Xapian::doccount offset,
                      Xapian::doccount limit, Xapian::doccount check_at_least, bool collapse,
                      const MatchDeadline* deadline);
    void append_other_stories(Ranking& ranking, const Ranking& rest, bool collapse);
    void add_first_copy(SearchHit& hit, Xapian::docid docid);
    std::string spelling_suggestion(const std::vector<std::string>& words, const std::string& query);
    const std::string& correction(const std::string& word);

    std::string path_;
    Xapian::Database db_;
    std::vector<std::string> missing_shards_;
    RussianStemmer stemmer_;
    // Corrections already computed over this index: Xapian's suggestion for
    // one word costs ~140M instructions (~50 ms) on 10k articles.
    std::unordered_map<std::string, std::string> corrections_;
    // Remote shards cannot take the deadline's posting source: after the
    // first refusal, matches run without one.
    bool deadlines_work_ = true;
};

}  // namespace core
