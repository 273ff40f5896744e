// explain --db DIR QUERY: shows how a query is parsed and what Xapian runs,
// for debugging ranking and analysis.
#include "core/query_builder.h"
#include "core/russian.h"
#include "core/text.h"

#include <iostream>

int main(int argc, char** argv) {
    if (argc < 4 || std::string(argv[1]) != "--db") {
        std::cerr << "usage: explain --db DIR QUERY...\n";
        return 2;
    }
    try {
        Xapian::Database db(argv[2]);
        core::RussianStemmer stemmer;
        for (int i = 3; i < argc; ++i) {
            const core::QueryNode root = core::parse_query(argv[i]);
            std::cout << "parsed: " << core::describe(root) << "\n";
            core::QueryBuilder builder(db, stemmer);
            const core::BuiltQuery built = builder.build(root);
            std::cout << "xapian: " << built.query.get_description() << "\n";
            Xapian::Enquire enquire(db);
            enquire.set_query(built.query);
            const Xapian::MSet mset = enquire.get_mset(0, 10);
            std::cout << "matches: " << mset.get_matches_estimated() << "\n";
        }
    } catch (const Xapian::Error& e) {
        std::cerr << "explain: " << e.get_description() << "\n";
        return 1;
    }
}
