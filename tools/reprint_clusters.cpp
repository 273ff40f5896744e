// reprint_clusters: the reprint clusters of an index and what folding them
// does to a first page.
//   build/bin/reprint_clusters --db DIR [QUERY...]
// Prints the number of clusters, their size distribution and the largest,
// then for each query the distinct stories among the first ten hits with
// every copy shown (collapse=0) and folded (the default).
#include "core/document.h"
#include "core/reprints.h"
#include "core/schema.h"
#include "core/searcher.h"
#include "core/version.h"

#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

void print_clusters(const Xapian::Database& db) {
    std::map<std::string, std::size_t> sizes;
    for (auto it = db.valuestream_begin(core::schema::kClusterSlot); it != db.valuestream_end(core::schema::kClusterSlot); ++it) {
        ++sizes[*it];
    }
    std::map<std::size_t, std::size_t> histogram;  // size -> clusters
    std::vector<std::pair<std::size_t, std::string>> largest;
    std::size_t in_clusters = 0;
    for (const auto& [key, size] : sizes) {
        ++histogram[size];
        if (size > 1) in_clusters += size;
        largest.emplace_back(size, key);
    }
    std::printf("articles %u, clusters %zu (stories), with copies %zu holding %zu articles\n", db.get_doccount(),
                sizes.size(), sizes.size() - histogram[1], in_clusters);
    std::printf("size distribution:");
    for (const auto& [size, count] : histogram) std::printf(" %zu:%zu", size, count);
    std::printf("\n");
    std::sort(largest.rbegin(), largest.rend());
    for (std::size_t i = 0; i < std::min<std::size_t>(5, largest.size()); ++i) {
        const auto members = core::cluster_members(db, largest[i].second, 1);
        std::printf("  %zu copies: %s (%s)\n", largest[i].first, largest[i].second.c_str(),
                    members.empty() ? "" : members.front().title.substr(0, 90).c_str());
    }
}

std::size_t distinct_stories(core::Searcher& searcher, const Xapian::Database& db, const std::string& query, bool collapse) {
    core::SearchRequest request;
    request.query = query;
    request.snippets = false;
    request.collapse = collapse;
    std::set<std::string> clusters;
    for (const core::SearchHit& hit : searcher.search(request).hits) {
        const std::string term = core::id_term(hit.article.id);
        const auto posting = db.postlist_begin(term);
        if (posting != db.postlist_end(term)) clusters.insert(db.get_document(*posting).get_value(core::schema::kClusterSlot));
    }
    return clusters.size();
}

}  // namespace

int main(int argc, char** argv) {
    if (core::print_version_if_asked(argc, argv, "reprint_clusters")) return 0;
    if (argc < 3 || std::string(argv[1]) != "--db") {
        std::fprintf(stderr, "usage: reprint_clusters --db DIR [QUERY...]\n");
        return 2;
    }
    try {
        const Xapian::Database db(argv[2]);
        print_clusters(db);
        core::Searcher searcher(argv[2]);
        std::size_t before = 0, after = 0;
        for (int i = 3; i < argc; ++i) {
            const std::size_t all = distinct_stories(searcher, db, argv[i], false);
            const std::size_t folded = distinct_stories(searcher, db, argv[i], true);
            std::printf("%-28s distinct stories on page 1: %2zu every copy, %2zu folded\n", argv[i], all, folded);
            before += all;
            after += folded;
        }
        if (argc > 3) std::printf("total over %d queries: %zu -> %zu\n", argc - 3, before, after);
    } catch (const Xapian::Error& e) {
        std::fprintf(stderr, "reprint_clusters: %s\n", e.get_msg().c_str());
        return 1;
    }
    return 0;
}
