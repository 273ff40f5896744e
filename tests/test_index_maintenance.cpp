// Keeping a live index in shape: writes over local shards (each article in
// the shard its id hashes to), and compaction into a new generation through
// the server's write API and the indexer.
#include "core/index_location.h"
#include "core/schema.h"
#include "core/shards.h"
#include "core/sharded_index_writer.h"
#include "indexer/index_builder.h"
#include "indexer/sharded_index_builder.h"
#include "server/router.h"
#include "server/url.h"
#include "server/write_api.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_index.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

using nlohmann::json;
using server::Method;
using test_support::make_article;
using test_support::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string kToken = "test-token-0123456789";

std::string line(const std::string& id, const std::string& title, const std::string& text) {
    return json{{"id", id}, {"title", title}, {"text", text}}.dump() + "\n";
}

// A server's write path over `writer`, without HTTP.
class Writes {
public:
    Writes(core::ArticleWriter& writer, const std::string& db) : index_(db), writes_(writer, index_, kToken) {}

    server::Reply call(Method method, const std::string& target, const std::string& body = "") {
        server::Request request;
        request.headers.emplace_back("Authorization", "Bearer " + kToken);
        request.body = body;
        server::Services services{index_, &writes_, false};
        return server::route(method, target, services, std::move(request));
    }
    json get(const std::string& target) { return json::parse(server::route(Method::Get, target, index_).body); }
    std::vector<std::string> ids(const std::string& query) {
        std::vector<std::string> out;
        const json answer = get("/api/search?collapse=0&limit=100&q=" + server::percent_encode(query));
        for (const json& hit : answer["hits"]) out.push_back(hit["id"]);
        return out;
    }

private:
    server::IndexHandle index_;
    server::WriteService writes_;
};

// An index as `indexer --db` builds it, term lists kept (writes need them).
void build_live_index(const std::string& db, const std::vector<core::Article>& articles) {
    indexer::IndexBuilder builder(db, 0, true);
    for (const core::Article& article : articles) builder.add(article);
    builder.publish();
}

void build_sharded(const fs::path& db, unsigned shards, const std::vector<core::Article>& articles) {
    indexer::ShardedIndexBuilder builder(db.string(), shards);
    for (const core::Article& article : articles) builder.add(article);
    builder.publish();
}

// Which shards of a sharded index hold the id.
std::vector<unsigned> shards_holding(const fs::path& db, unsigned shards, const std::string& id) {
    std::vector<unsigned> out;
    for (unsigned k = 0; k < shards; ++k) {
        const Xapian::Database shard((db / core::shard_name(k)).string());
        if (shard.term_exists(std::string(core::schema::kIdPrefix) + id)) out.push_back(k);
    }
    return out;
}

std::vector<core::Article> numbered_articles(int count, const std::string& word) {
    std::vector<core::Article> out;
    for (int i = 0; i < count; ++i) {
        std::string text;
        for (int k = 0; k < 20; ++k) text += "Статья номер " + std::to_string(i) + " о событии " + word + ". ";
        out.push_back(make_article("a" + std::to_string(i), "Заголовок " + std::to_string(i), text));
    }
    return out;
}

std::uintmax_t generation_bytes(const std::string& db) {
    std::uintmax_t total = 0;
    for (const auto& entry : fs::directory_iterator(core::current_generation(db))) {
        if (entry.is_regular_file()) total += entry.file_size();
    }
    return total;
}

}  // namespace

TEST_CASE("over local shards a posted article goes to the shard its id hashes to, and a delete to that shard") {
    TempDir dir;
    const fs::path db = dir / "idx";
    build_sharded(db, 3, {make_article("old", "Погода в Москве", "В Москве идёт снег.")});
    core::ShardedIndexWriter writer(db.string(), "test");
    REQUIRE(writer.shard_count() == 3);
    Writes writes(writer, db.string());

    std::string body;
    std::vector<std::string> ids;
    for (int i = 0; i < 12; ++i) {
        ids.push_back("s" + std::to_string(i));
        body += line(ids.back(), "Казакбаев в Бишкеке", "Министр Руслан Казакбаев встретился с коллегами.");
    }
    const server::Reply reply = writes.call(Method::Post, "/api/articles", body);
    REQUIRE(reply.status == 200);
    CHECK(json::parse(reply.body)["accepted"] == 12);
    std::set<unsigned> used;
    for (const std::string& id : ids) {
        CHECK(shards_holding(db, 3, id) == std::vector<unsigned>{core::shard_of(id, 3)});
        used.insert(core::shard_of(id, 3));
    }
    CHECK(used.size() == 3);  // the ids spread, so every shard took some
    CHECK(writes.ids("Казакбаевым").size() == 12);
    CHECK(writes.get("/healthz")["documents"] == 13);

    // The same id again replaces the article in its shard, not beside it.
    REQUIRE(writes.call(Method::Post, "/api/articles", line("s1", "Другое", "Совсем другой текст о погоде.")).status ==
            200);
    CHECK(shards_holding(db, 3, "s1") == std::vector<unsigned>{core::shard_of("s1", 3)});
    CHECK(writes.get("/healthz")["documents"] == 13);

    REQUIRE(writes.call(Method::Delete, "/api/articles/s2").status == 200);
    CHECK(shards_holding(db, 3, "s2").empty());
    CHECK(writes.call(Method::Delete, "/api/articles/s2").status == 404);
    CHECK(writes.ids("Казакбаевым").size() == 10);
    REQUIRE(writes.call(Method::Delete, "/api/articles/old").status == 200);  // an article of the indexer's build
    CHECK(shards_holding(db, 3, "old").empty());
}

TEST_CASE("a stub naming a remote shard is refused for writing, saying which shard") {
    TempDir dir;
    build_sharded(dir / "idx", 2, {make_article("old", "Погода", "В Москве идёт снег.")});
    std::ofstream(dir / "idx" / core::kStubFileName) << "auto shard-0\nremote tcp 10.0.0.7 7001\n";
    try {
        core::ShardedIndexWriter writer((dir / "idx").string(), "test");
        FAIL("a remote shard was accepted for writing");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).find("10.0.0.7:7001 is remote") != std::string::npos);
    }
}

TEST_CASE("a second writer over local shards is refused while the server holds them") {
    TempDir dir;
    build_sharded(dir / "idx", 2, {make_article("old", "Погода", "В Москве идёт снег.")});
    core::ShardedIndexWriter writer((dir / "idx").string(), "server pid 42");
    CHECK_THROWS_AS(core::ShardedIndexWriter((dir / "idx").string(), "another"), core::IndexLocked);
}

TEST_CASE("compaction through the write API shrinks an index grown by replacements and keeps every article") {
    TempDir dir;
    const std::string db = (dir / "idx").string();
    build_live_index(db, numbered_articles(300, "наводнение"));
    const std::string first_generation = core::current_generation(db);
    const std::uintmax_t fresh_bytes = generation_bytes(db);
    core::IndexWriter writer(db, "server pid 42");
    Writes writes(writer, db);

    std::string body;
    for (const core::Article& article : numbered_articles(300, "землетрясение")) {
        body += line(article.id, article.title, article.text);
    }
    REQUIRE(writes.call(Method::Post, "/api/articles", body).status == 200);
    const std::uintmax_t grown_bytes = generation_bytes(db);
    CHECK(grown_bytes > fresh_bytes);

    const server::Reply reply = writes.call(Method::Post, "/api/admin/compact");
    REQUIRE(reply.status == 200);
    const json answer = json::parse(reply.body);
    CHECK(answer["compacted"] == true);
    CHECK(answer["bytes_before"] == grown_bytes);
    CHECK(answer["bytes_after"].get<std::uintmax_t>() < grown_bytes);
    CHECK(generation_bytes(db) == answer["bytes_after"]);
    CHECK(core::current_generation(db) != first_generation);

    CHECK(writes.ids("землетрясение").size() == 100);  // the page limit: more match
    CHECK(writes.get("/api/search?collapse=0&q=" + server::percent_encode("землетрясение"))["total"] == 300);
    CHECK(writes.ids("наводнение").empty());
    CHECK(writes.get("/api/doc/a7")["title"] == "Заголовок 7");

    // The writer goes on in the new generation, and still holds it alone.
    REQUIRE(writes.call(Method::Post, "/api/articles", line("after", "После", "Статья после сжатия индекса.")).status ==
            200);
    CHECK(writes.ids("сжатия") == std::vector<std::string>{"after"});
    CHECK_THROWS_AS(core::IndexWriter(db, "another"), core::IndexLocked);
    CHECK(core::index_writer_holder(db) == "server pid 42");
}

TEST_CASE("compacting takes the write token like every write") {
    TempDir dir;
    const std::string db = (dir / "idx").string();
    build_live_index(db, numbered_articles(3, "наводнение"));
    core::IndexWriter writer(db, "test");
    server::IndexHandle index(db);
    server::WriteService writes(writer, index, kToken);
    server::Services services{index, &writes, false};
    CHECK(server::route(Method::Post, "/api/admin/compact", services, {}).status == 401);
    CHECK(server::route(Method::Get, "/api/admin/compact", services, {}).status == 405);
}

TEST_CASE("indexer --compact packs a live-written index into a new generation, and refuses while a writer holds it") {
    TempDir dir;
    const std::string db = (dir / "idx").string();
    build_live_index(db, numbered_articles(200, "наводнение"));
    {
        core::IndexWriter writer(db, "server pid 42");
        for (const core::Article& article : numbered_articles(200, "землетрясение")) writer.put(article);
        writer.commit();
        const auto refused = test_support::run_program({test_support::program("indexer").string(), "--db", db,
                                                        "--compact"});
        CHECK(refused.exit_code == 1);
        CHECK(refused.err.find("being written by server pid 42") != std::string::npos);
    }
    const std::uintmax_t grown = generation_bytes(db);
    const auto result = test_support::run_program({test_support::program("indexer").string(), "--db", db, "--compact"});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(result.out.find("indexer: compacted") != std::string::npos);
    CHECK(generation_bytes(db) < grown);
    const Xapian::Database compacted(db);
    CHECK(compacted.get_doccount() == 200);
    CHECK(compacted.get_termfreq("землетрясение") == 200);
    CHECK(core::index_writer_holder(db).empty());
}
