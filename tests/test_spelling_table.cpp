// The spelling table of a full build ("did you mean") is read off the
// committed index, not counted in memory through the build (issue #18).
#include "core/spelling_table.h"
#include "indexer/index_builder.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_index.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <map>
#include <string>
#include <vector>

CATCH_TRANSLATE_EXCEPTION(const Xapian::Error& e) { return e.get_description(); }

namespace {

std::map<std::string, Xapian::termcount> spelling_table(const std::filesystem::path& db) {
    const Xapian::Database index(db.string());
    std::map<std::string, Xapian::termcount> table;
    for (auto word = index.spellings_begin(); word != index.spellings_end(); ++word) table[*word] = word.get_termfreq();
    return table;
}

std::map<std::string, Xapian::termcount> build(const std::filesystem::path& db, const std::vector<core::Article>& articles,
                                               std::size_t memory_mb = 256) {
    indexer::IndexBuilder builder(db.string(), 2, true, memory_mb);
    for (const core::Article& article : articles) builder.add(article);
    builder.publish();
    return spelling_table(db);
}

}  // namespace

TEST_CASE("the spelling table counts a word as often as titles and bodies write it, whatever the case") {
    test_support::TempDir dir;
    const auto table = build(dir / "db", {
        test_support::make_article("a1", "Переговоры в Бишкеке", "Переговоры шли весь день. Итоги переговоры не дали."),
        test_support::make_article("a2", "Итоги", "Бишкек ждал, переговоры продолжатся."),
    });
    CHECK(table.at("переговоры") == 4);  // one title, three in bodies: a title word counts once here
    CHECK(table.at("итоги") == 2);
}

TEST_CASE("the spelling table leaves out words seen once and words under four letters") {
    test_support::TempDir dir;
    const auto table = build(dir / "db", {
        test_support::make_article("a1", "Дом", "Дом стоит. Редчайшее слово здесь. Слово дом."),
        test_support::make_article("a2", "Дом", "Слово и дом."),
    });
    CHECK(table.count("редчайшее") == 0);
    CHECK(table.count("дом") == 0);
    CHECK(table.at("слово") == 3);
}

TEST_CASE("the spelling table counts only the last version of an article whose id came twice") {
    test_support::TempDir dir;
    for (bool termlists : {true, false}) {
        const std::filesystem::path db = dir / (termlists ? "with" : "without");
        indexer::IndexBuilder builder(db.string(), 2, termlists);
        builder.add(test_support::make_article("a1", "Старое", "Гроссмейстер гроссмейстер гроссмейстер."));
        builder.add(test_support::make_article("a2", "Другое", "Гроссмейстер сыграл."));
        builder.add(test_support::make_article("a1", "Новое", "Гроссмейстер ушёл."));
        builder.publish();
        CHECK(spelling_table(db).at("гроссмейстер") == 2);
    }
}

TEST_CASE("the spelling table is the same whether written in one batch or committed every few words") {
    test_support::TempDir dir;
    std::vector<core::Article> articles;
    for (int i = 0; i < 30; ++i) {
        articles.push_back(test_support::make_article(
            "a" + std::to_string(i), "Переговоры " + std::to_string(i % 4),
            "Министр заявил, что переговоры в Бишкеке продолжатся. Слово" + std::to_string(i % 7) +
                " повторяется, экономика растёт, прогноз " + std::to_string(i % 5) + "."));
    }
    const auto built = build(dir / "built", articles);
    // The built index's terms, with their frequencies, in two fresh databases
    // whose tables are written in one batch and in batches of three words.
    const Xapian::Database index((dir / "built").string());
    std::map<std::size_t, std::map<std::string, Xapian::termcount>> tables;
    for (std::size_t every : {0, 3}) {
        const std::filesystem::path path = dir / ("every-" + std::to_string(every));
        Xapian::WritableDatabase copy(path.string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
        for (auto term = index.allterms_begin(); term != index.allterms_end(); ++term) {
            Xapian::Document doc;
            doc.add_term(*term, index.get_collection_freq(*term));
            copy.add_document(doc);
        }
        copy.commit();
        core::write_spelling_table(copy, every);
        copy.commit();
        tables[every] = spelling_table(path);
    }
    CHECK(built.size() > 10);
    CHECK(tables[0] == built);
    CHECK(tables[3] == built);
}
