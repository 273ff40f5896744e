// The indexer writes out what Xapian holds whenever it reaches the memory
// budget: an index committed many times must answer as one written at once.
// Written at once, every article stays in memory until the end (ids, reprint
// candidates: the in-memory path); committed many times, the ids and reprint
// candidates of earlier articles are read back from the database, and the
// stem and lemma caches hold a few hundred words.
#include "core/dictionary.h"
#include "core/schema.h"
#include "indexer/index_builder.h"
#include "indexer/sharded_index_builder.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_index.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

CATCH_TRANSLATE_EXCEPTION(const Xapian::Error& e) { return e.get_description(); }

namespace {

const std::vector<std::string> kWords = {"Лавров", "переговоры", "Казакбаев", "министр", "санкции", "Бишкек",
                                         "заявил", "встреча", "экономика", "Москва", "прогноз", "выборы"};

// Articles with shared and rare words, names in several cases, quotations,
// copies of one text (a reprint cluster) and ids that come again later (the
// later article replaces the earlier).
std::vector<core::Article> articles() {
    std::vector<core::Article> out;
    for (int i = 0; i < 240; ++i) {
        const int source = i % 20 == 5 ? 5 : i;  // articles 25, 45, ... copy article 5
        std::string text;
        for (int w = 0; w < 60; ++w) text += kWords[static_cast<std::size_t>(source * 7 + w * 3) % kWords.size()] + " ";
        if (source % 10 == 3) text = "Министр иностранных дел Лавров провёл переговоры с Казакбаевым в Москве. " + text;
        text += "редкоеслово" + std::to_string(source) + ". «Мы готовы к диалогу», — сказал Лаврову министр.";
        const int id = i % 100 == 99 ? i - 90 : i;  // a few ids repeat, long after their first article
        out.push_back(test_support::make_article("a" + std::to_string(id), "Заголовок " + std::to_string(i), text));
    }
    return out;
}

struct Built {
    std::size_t commits = 0;
    Xapian::doccount documents = 0;
    std::map<std::string, std::pair<Xapian::doccount, Xapian::termcount>> terms;  // term → (docs, occurrences)
    std::map<std::string, std::string> data;                                     // id → stored article
    std::map<std::string, std::string> clusters;                                 // id → cluster key
    std::map<std::string, Xapian::termcount> spelling;                           // word → frequency
    std::map<std::string, std::vector<Xapian::termpos>> positions;               // "id term" → positions
};

Built build(const std::filesystem::path& db, std::size_t memory_mb, bool termlists) {
    indexer::IndexBuilder builder(db.string(), 2, termlists, memory_mb);
    for (const core::Article& article : articles()) builder.add(article);
    builder.publish();
    Built built;
    built.commits = builder.phase_times().commits;
    const Xapian::Database index(db.string());
    built.documents = index.get_doccount();
    for (auto term = index.allterms_begin(); term != index.allterms_end(); ++term) {
        built.terms[*term] = {index.get_termfreq(*term), index.get_collection_freq(*term)};
    }
    for (auto id = index.allterms_begin(core::schema::kIdPrefix); id != index.allterms_end(core::schema::kIdPrefix);
         ++id) {
        const Xapian::docid docid = *index.postlist_begin(*id);
        const Xapian::Document document = index.get_document(docid);
        built.data[*id] = document.get_data();
        built.clusters[*id] = document.get_value(core::schema::kClusterSlot);
        for (const std::string& term : {std::string(core::schema::kExactPrefix) + "лавров",
                                       std::string(core::schema::kExactPrefix) + "министр"}) {
            auto& list = built.positions[*id + " " + term];
            for (auto p = index.positionlist_begin(docid, term); p != index.positionlist_end(docid, term); ++p) {
                list.push_back(*p);
            }
        }
    }
    for (auto word = index.spellings_begin(); word != index.spellings_end(); ++word) {
        built.spelling[*word] = word.get_termfreq();
    }
    return built;
}

void check_same(const Built& small, const Built& whole) {
    CHECK(whole.commits == 1);
    CHECK(small.commits >= 5);
    CHECK(small.documents == 238);
    CHECK(small.documents == whole.documents);
    CHECK(small.terms == whole.terms);
    CHECK(small.data == whole.data);
    CHECK(small.clusters == whole.clusters);
    CHECK(small.spelling == whole.spelling);
    CHECK(small.positions == whole.positions);
}

}  // namespace

TEST_CASE("an index committed many times within a small memory budget answers like one written at once") {
    test_support::TempDir dir;
    const Built whole = build(dir / "whole", 4096, true);
    const Built small = build(dir / "small", 1, true);  // a commit every few hundred KB of postings
    check_same(small, whole);
    CHECK(small.clusters.at("Qa25") == small.clusters.at("Qa5"));  // copies share a cluster
    CHECK(small.clusters.at("Qa6") != small.clusters.at("Qa5"));
}

TEST_CASE("without term lists, an index committed many times with ids repeated answers like one written at once") {
    test_support::TempDir dir;
    check_same(build(dir / "small", 1, false), build(dir / "whole", 4096, false));
}

TEST_CASE("builders, one or several shards in a process, leave the process's shared lemma cache as it was") {
    const core::RussianDictionary& dictionary = core::RussianDictionary::instance();
    const std::size_t before = dictionary.cached_words();
    test_support::TempDir dir;
    {
        indexer::IndexBuilder small((dir / "one").string(), 1, false, indexer::IndexBuilder::kMinMemoryMb);
        indexer::ShardedIndexBuilder shards((dir / "sharded").string(), 4, std::nullopt,
                                            indexer::IndexBuilder::kMinMemoryMb);
    }
    CHECK(dictionary.cached_words() == before);
}

TEST_CASE("the shared lemma cache grows with the whole process's memory budget") {
    const std::size_t at_default = indexer::IndexBuilder::shared_lemma_words(indexer::IndexBuilder::kDefaultMemoryMb);
    // 15% of 256 MB for word caches, two thirds of it shared, 250 bytes a word.
    CHECK(at_default == 107374);
    CHECK(indexer::IndexBuilder::shared_lemma_words(2 * indexer::IndexBuilder::kDefaultMemoryMb) == 2 * at_default);
}
