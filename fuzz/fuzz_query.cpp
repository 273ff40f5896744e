// libFuzzer target for the query path: arbitrary bytes as the user's query go
// through parse_query, QueryBuilder (strict and relaxed), a search over a
// small real index, snippets, highlighting and "did you mean".
#include "core/query_builder.h"
#include "core/query_parser.h"
#include "core/searcher.h"
#include "core/text.h"
#include "fuzz/fixture.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

// What the server lets through to the search (server/api.h): valid UTF-8,
// no NUL, at most 1,000 characters.
bool admissible(std::string_view query) {
    return core::is_valid_utf8(query) && query.find('\0') == std::string_view::npos &&
           core::utf8_length(query) <= 1000;
}

void check_html(const std::string& html, const char* what) {
    fuzz::require(core::is_valid_utf8(html), what);
    fuzz::require(fuzz::only_mark_tags(html), what);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view query(reinterpret_cast<const char*>(data), size);
    // The parser promises never to fail, whatever the bytes.
    const core::QueryNode root = core::parse_query(query);
    (void)core::describe(root);
    if (!admissible(query)) return 0;

    static core::Searcher searcher(fuzz::fixture_index());
    static core::RussianStemmer stemmer;
    static Xapian::Database db(fuzz::fixture_index());

    core::QueryBuilder builder(db, stemmer);
    for (core::Strictness strictness : {core::Strictness::Strict, core::Strictness::Relaxed}) {
        const core::BuiltQuery built = builder.build(root, strictness);
        Xapian::Enquire enquire(db);
        enquire.set_query(built.query);
        (void)enquire.get_mset(0, 10);
    }

    core::SearchRequest request;
    request.query = std::string(query);
    request.limit = 5;
    const core::SearchResult result = searcher.search(request);
    fuzz::require(result.hits.size() <= request.limit, "no more hits than the limit");
    for (const core::SearchHit& hit : result.hits) {
        check_html(hit.title_html, "title_html is escaped UTF-8 with only <mark> tags");
        check_html(hit.snippet_html, "snippet_html is escaped UTF-8 with only <mark> tags");
    }
    fuzz::require(core::is_valid_utf8(result.suggestion), "the suggestion is UTF-8");

    const auto view = searcher.article("a2", request.query);
    fuzz::require(view.has_value(), "a known article is found");
    check_html(view->title_html, "article title_html is escaped");
    check_html(view->text_html, "article text_html is escaped");
    return 0;
}
