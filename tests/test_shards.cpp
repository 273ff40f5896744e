// Sharded indexes without a network: which shard holds an article, how stub
// files are read, and what `indexer --shards N [--shard K]` writes.
#include "core/shards.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

using test_support::TempDir;
namespace fs = std::filesystem;

namespace {

test_support::RunResult index_sharded(const fs::path& db, const std::vector<std::string>& extra,
                                      const std::vector<std::string>& inputs) {
    std::vector<std::string> args = {test_support::program("indexer").string(), "--db", db.string(), "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.insert(args.end(), inputs.begin(), inputs.end());
    return test_support::run_program(args);
}

// Where the shard's link points now.
fs::path generation_of(const fs::path& link) { return fs::canonical(link); }

}  // namespace

TEST_CASE("an article's shard depends only on its id and the number of shards") {
    CHECK(core::shard_of("001_d8841eb2ca9e328e", 4) == core::shard_of(std::string("001_d8841eb2ca9e328e"), 4));
    // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c: fixed, so shards written by one
    // version are found by the next.
    CHECK(core::shard_of("a", 1000) == 0xaf63dc4c8601ec8cull % 1000);
    CHECK(core::shard_of("anything", 1) == 0);
}

TEST_CASE("ids spread over all shards") {
    std::set<unsigned> used;
    for (int i = 0; i < 200; ++i) used.insert(core::shard_of("book_" + std::to_string(i), 4));
    CHECK(used == std::set<unsigned>{0, 1, 2, 3});
}

TEST_CASE("a stub lists local shards relative to its folder and remote shards in both spellings") {
    TempDir dir;
    const fs::path stub = dir.write("cluster.stub",
                                    "# two hosts\n"
                                    "auto shard-0\n"
                                    "glass /srv/index/shard-1\n"
                                    "remote tcp 10.0.0.7 7001\n"
                                    "remote 10.0.0.8:7002\n");
    const auto shards = core::read_shards(stub.string());
    REQUIRE(shards.size() == 4);
    CHECK(shards[0].kind == core::ShardSpec::Kind::Local);
    CHECK(shards[0].path == (fs::canonical(dir.path()) / "shard-0").string());
    CHECK(shards[1].path == "/srv/index/shard-1");
    CHECK(shards[2].kind == core::ShardSpec::Kind::Remote);
    CHECK(shards[2].label() == "10.0.0.7:7001");
    CHECK(shards[3].label() == "10.0.0.8:7002");
}

TEST_CASE("a stub line that cannot be read is an error naming the file and line") {
    TempDir dir;
    const fs::path stub = dir.write("bad.stub", "auto shard-0\nremote tcp 10.0.0.7 notaport\n");
    REQUIRE_THROWS_AS(core::read_shards(stub.string()), core::StubError);
    try {
        core::read_shards(stub.string());
    } catch (const core::StubError& e) {
        CHECK(std::string(e.what()).find(stub.string() + ":2") != std::string::npos);
    }
    const fs::path empty = dir.write("empty.stub", "# nothing\n");
    CHECK_THROWS_AS(core::read_shards(empty.string()), core::StubError);
}

TEST_CASE("a path that is not a stub is one local shard") {
    TempDir dir;
    fs::create_directories(dir / "idx");
    const auto shards = core::read_shards((dir / "idx").string());
    REQUIRE(shards.size() == 1);
    CHECK(shards[0].path == (dir / "idx").string());
    CHECK_FALSE(core::is_stub((dir / "idx").string()));
}

TEST_CASE("indexer --shards writes each shard and a stub listing them") {
    TempDir dir;
    const auto result = index_sharded(dir / "idx", {"--shards", "3"}, {test_support::corpus_dir().string()});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(test_support::read_file(dir / "idx" / "XAPIANDB") == "auto shard-0\nauto shard-1\nauto shard-2\n");
    for (int i = 0; i < 3; ++i) CHECK(fs::is_symlink(dir / "idx" / ("shard-" + std::to_string(i))));
    CHECK(core::is_stub((dir / "idx").string()));
}

TEST_CASE("re-indexing one shard switches that shard and leaves the others untouched") {
    TempDir dir;
    const std::string corpus = test_support::corpus_dir().string();
    REQUIRE(index_sharded(dir / "idx", {"--shards", "2"}, {corpus}).exit_code == 0);
    const fs::path shard0_before = generation_of(dir / "idx" / "shard-0");
    const fs::path shard1_before = generation_of(dir / "idx" / "shard-1");
    const auto shard0_files_time = fs::last_write_time(shard0_before);

    const auto result = index_sharded(dir / "idx", {"--shards", "2", "--shard", "1"}, {corpus});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(result.out.find("shard 1 of 2 rebuilt") != std::string::npos);
    CHECK(generation_of(dir / "idx" / "shard-0") == shard0_before);
    CHECK(fs::last_write_time(shard0_before) == shard0_files_time);
    CHECK(generation_of(dir / "idx" / "shard-1") != shard1_before);
}

TEST_CASE("a sharded index is not rebuilt in place with another number of shards") {
    TempDir dir;
    const std::string corpus = test_support::corpus_dir().string();
    REQUIRE(index_sharded(dir / "idx", {"--shards", "2"}, {corpus}).exit_code == 0);
    const auto again = index_sharded(dir / "idx", {"--shards", "3"}, {corpus});
    CHECK(again.exit_code != 0);
    CHECK(again.err.find("another number of shards") != std::string::npos);
    const auto one = index_sharded(dir / "idx", {"--shards", "2", "--shard", "2"}, {corpus});
    CHECK(one.exit_code != 0);
    CHECK(one.err.find("--shard 2 is not one of the 2 shards") != std::string::npos);
    CHECK(index_sharded(dir / "idx", {"--shard", "0"}, {corpus}).exit_code != 0);  // --shard needs --shards
}
