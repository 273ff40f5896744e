// explain --db DIR QUERY...: shows how a query is parsed, what Xapian runs,
// and what the server answers: the ranking comes from the same search path
// (core/search_service's IndexHandle and Searcher::search, two-step ranking
// and relaxed fallback included), so it cannot differ from the server's.
#include "core/query_builder.h"
#include "core/russian.h"
#include "core/search_service/index_handle.h"
#include "core/text.h"
#include "core/version.h"

#include <iostream>

namespace {

void explain(const std::string& query, const std::string& db_path, core::IndexHandle& index) {
    const core::QueryNode root = core::parse_query(query);
    std::cout << "parsed: " << core::describe(root) << "\n";
    // The strict query as built; the searcher may rank it in two steps or relax it.
    Xapian::Database db(db_path);
    core::RussianStemmer stemmer;
    core::QueryBuilder builder(db, stemmer);
    std::cout << "xapian: " << builder.build(root).query.get_description() << "\n";

    core::SearchRequest request;
    request.query = query;
    request.snippets = false;
    const core::SearchResult result = index.run([&](core::Searcher& s) { return s.search(request); });
    std::cout << "matches: " << result.total << (result.relaxed ? " (relaxed: some words only)" : "") << "\n";
    if (!result.suggestion.empty()) std::cout << "suggestion: " << result.suggestion << "\n";
    for (std::size_t i = 0; i < result.hits.size(); ++i) {
        const core::SearchHit& hit = result.hits[i];
        std::cout << "  " << i + 1 << ". " << hit.article.id << "  " << hit.score << "  " << hit.article.title << "\n";
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (core::print_version_if_asked(argc, argv, "explain")) return 0;
    if (argc < 4 || std::string(argv[1]) != "--db") {
        std::cerr << "usage: explain --db DIR QUERY...\n";
        return 2;
    }
    try {
        core::IndexHandle index(argv[2]);
        for (int i = 3; i < argc; ++i) explain(argv[i], argv[2], index);
    } catch (const core::IndexUnavailable& e) {
        std::cerr << "explain: " << e.what() << "\n";
        return 1;
    } catch (const Xapian::Error& e) {
        std::cerr << "explain: " << e.get_description() << "\n";
        return 1;
    }
}
