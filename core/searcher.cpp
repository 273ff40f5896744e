#include "core/searcher.h"

#include "core/document.h"
#include "core/facets.h"
#include "core/query_builder.h"
#include "core/snippet.h"
#include "core/spelling.h"
#include "core/text.h"

namespace core {
namespace {

// Enough matches looked at for a useful total estimate, cheaply.
constexpr Xapian::doccount kCheckAtLeast = 100;

std::string replace_word(const std::string& query, const std::string& from, const std::string& to) {
    std::string normalized = normalize_text(query);
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

}  // namespace

Searcher::Searcher(const std::string& path) : path_(path), db_(path) {}

SearchResult Searcher::search(const SearchRequest& request) {
    const QueryNode root = parse_query(request.query);
    QueryBuilder builder(db_, stemmer_);
    BuiltQuery built = builder.build(root);

    Xapian::Enquire enquire(db_);
    enquire.set_query(built.query);
    Xapian::MSet mset = enquire.get_mset(request.offset, request.limit, kCheckAtLeast);

    SearchResult result;
    if (mset.empty() && built.can_relax && request.offset == 0) {
        built = builder.build(root, Strictness::Relaxed);
        enquire.set_query(built.query);
        mset = enquire.get_mset(request.offset, request.limit, kCheckAtLeast);
        result.relaxed = !mset.empty();
    }
    if (request.facets) result.facets = count_facets(db_, built.query);
    result.total = mset.get_matches_estimated();
    result.suggestion = spelling_suggestion(built.unknown_words, request.query);

    for (auto it = mset.begin(); it != mset.end(); ++it) {
        SearchHit hit;
        hit.article = deserialize_article(it.get_document().get_data());
        hit.score = it.get_weight();
        hit.title_html = highlight_all(hit.article.title, built.highlight, stemmer_);
        if (request.snippets) hit.snippet_html = make_snippet(hit.article.text, built.highlight, stemmer_);
        hit.article.text.clear();
        result.hits.push_back(std::move(hit));
    }
    return result;
}

std::optional<ArticleView> Searcher::article(const std::string& id, const std::string& query) {
    Xapian::PostingIterator posting = db_.postlist_begin(id_term(id));
    if (posting == db_.postlist_end(id_term(id))) return std::nullopt;
    ArticleView view;
    view.article = deserialize_article(db_.get_document(*posting).get_data());
    QueryBuilder builder(db_, stemmer_);
    const BuiltQuery built = builder.build(parse_query(query));
    view.title_html = highlight_all(view.article.title, built.highlight, stemmer_);
    view.text_html = highlight_all(view.article.text, built.highlight, stemmer_, "first-match");
    return view;
}

// "Did you mean": each word the index does not know in any form is
// replaced by Xapian's spelling suggestion for it.
std::string Searcher::spelling_suggestion(const std::vector<std::string>& words, const std::string& query) {
    std::string suggestion = query;
    bool changed = false;
    for (const std::string& word : words) {
        std::string corrected = closest_known_word(db_, word);
        // Two edits away is too far for a short word: `елка` is not `сделка`.
        if (corrected.empty() && utf8_length(word) > 5) corrected = db_.get_spelling_suggestion(word, 2);
        if (corrected.empty() || corrected == word) continue;
        suggestion = replace_word(suggestion, word, corrected);
        changed = true;
    }
    return changed ? suggestion : std::string();
}

}  // namespace core
