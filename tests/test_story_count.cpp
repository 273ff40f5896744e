// Counting stories: a folded search counts each reprint cluster once. The
// count folds only the copies that joined a story another article started
// (schema::kJoinedCopyTerm), and must give what folding every match gives.
#include "core/article.h"
#include "core/index_writer.h"
#include "core/schema.h"
#include "core/searcher.h"
#include "indexer/index_builder.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_index.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;

CATCH_TRANSLATE_EXCEPTION(const Xapian::Error& e) { return e.get_description(); }

namespace {

const std::string kHydrant =
    "В Туле коммунальщики третий день ищут пожарный гидрант, который исчез с улицы Металлистов вместе с "
    "крышкой колодца. Жители заметили пропажу в понедельник утром и сообщили в управляющую компанию. "
    "Полиция проверяет записи камер наружного наблюдения, а водоканал обещает поставить новый гидрант до "
    "конца недели, чтобы пожарные машины могли заправляться водой без задержек.";

const std::string kBridge =
    "В Калуге на неделю закрыли движение по Гагаринскому мосту через Оку: дорожники меняют деформационные "
    "швы и ограждение. Автобусы пустят в объезд по Синему мосту, а полиция просит водителей заранее "
    "выбирать маршрут. Работы обещают закончить к пятнице, если позволит погода и не подведут поставщики.";

core::Article article(const std::string& id, const std::string& text) {
    return test_support::make_article(id, "Новости (" + id + ")", text);
}

// Two stories with copies, and articles of their own.
std::vector<core::Article> archive() {
    return {article("hydrant", kHydrant),
            article("hydrant-copy", "ТУЛА, 5 мар — ТАСС. " + kHydrant),
            article("bridge", kBridge),
            article("hydrant-copy2", kHydrant + "\nПодписывайтесь на наш канал."),
            article("bridge-copy", "Срочно.\n" + kBridge),
            article("alone", "Полиция Тулы нашла пропавший гидрант на пункте приёма металлолома.")};
}

const std::vector<std::string> kQueries = {"гидрант", "полиция", "ТАСС", "мост", "Срочно", "Туле полиция",
                                           "Подписывайтесь", "металлолома", "недели"};

// Built as `indexer --db` builds it, with term lists so that it can be written to live.
fs::path built_archive(const fs::path& dir) {
    const fs::path db = dir / "idx";
    indexer::IndexBuilder builder(db.string(), 0, true);
    for (const core::Article& a : archive()) builder.add(a);
    builder.publish();
    return db;
}

std::vector<std::string> ids_with(const fs::path& db_path, const std::string& term) {
    const Xapian::Database db(db_path.string());
    std::vector<std::string> ids;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        ids.push_back(core::deserialize_article(db.get_document(*it).get_data()).id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

// The same index, as if built before copies were marked: its stories are
// counted by folding every match.
fs::path unmarked_copy(const fs::path& db) {
    const fs::path copy = db.string() + "-unmarked";
    fs::copy(fs::canonical(db), copy, fs::copy_options::recursive);
    Xapian::WritableDatabase writable(copy.string(), Xapian::DB_OPEN);
    writable.set_metadata(core::schema::kCopiesMarkedMetadataKey, "");
    writable.commit();
    return copy;
}

core::SearchResult folded_search(core::Searcher& searcher, const std::string& query) {
    core::SearchRequest request;
    request.query = query;
    request.collapse = true;
    return searcher.search(request);
}

void check_same_counts(const fs::path& marked, const fs::path& unmarked) {
    core::Searcher fast(marked.string());
    core::Searcher folding(unmarked.string());
    for (const std::string& query : kQueries) {
        INFO(query);
        const core::SearchResult a = folded_search(fast, query);
        const core::SearchResult b = folded_search(folding, query);
        CHECK(a.total == b.total);
        CHECK(a.total_exact == b.total_exact);
        CHECK(a.hits.size() == b.hits.size());
    }
}

}  // namespace

TEST_CASE("copies that joined another article's story are marked; the article that started it is not") {
    test_support::TempDir dir;
    const fs::path db = built_archive(dir.path());
    CHECK(ids_with(db, core::schema::kJoinedCopyTerm) ==
          std::vector<std::string>{"bridge-copy", "hydrant-copy", "hydrant-copy2"});
    CHECK(Xapian::Database(db.string()).get_metadata(core::schema::kCopiesMarkedMetadataKey) == "1");
}

TEST_CASE("stories are counted as folding every match counts them") {
    test_support::TempDir dir;
    const fs::path db = built_archive(dir.path());
    core::Searcher searcher(db.string());
    CHECK(folded_search(searcher, "гидрант").total == 2);  // the hydrant story and the article of its own
    CHECK(folded_search(searcher, "ТАСС").total == 1);     // only a copy matches: its story counts once
    CHECK(folded_search(searcher, "полиция").total == 3);
    check_same_counts(db, unmarked_copy(db));
}

TEST_CASE("after the article that started a story is withdrawn, its copies still count as one story") {
    test_support::TempDir dir;
    const fs::path db = built_archive(dir.path());
    {
        core::IndexWriter writer(db.string(), "test");
        CHECK(writer.erase("hydrant"));
        writer.put(article("hydrant-copy3", "Срочно.\n" + kHydrant));  // a live write joins the story too
        writer.commit();
    }
    CHECK(ids_with(db, core::schema::kJoinedCopyTerm) ==
          std::vector<std::string>{"bridge-copy", "hydrant-copy", "hydrant-copy2", "hydrant-copy3"});
    core::Searcher searcher(db.string());
    CHECK(folded_search(searcher, "гидрант").total == 2);
    check_same_counts(db, unmarked_copy(db));
}

TEST_CASE("an index whose copies are not marked counts stories by folding every match") {
    test_support::TempDir dir;
    core::Searcher searcher(unmarked_copy(built_archive(dir.path())).string());
    CHECK(folded_search(searcher, "гидрант").total == 2);
    CHECK(folded_search(searcher, "ТАСС").total == 1);
}
