// The indexer program as a user runs it: exit codes, messages, summary line.
#include "server/router.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <regex>

using test_support::run_indexer;
using test_support::TempDir;

namespace {

struct Summary {
    long read = -1, indexed = -1, skipped = -1, duplicates = -1;
};

// `indexer: 7 read, 5 indexed, 2 skipped (...), 0 duplicate ids replaced, 0.10 s, 70 articles/s`
Summary parse_summary(const std::string& out) {
    static const std::regex line(
        R"(indexer: (\d+) read, (\d+) indexed, (\d+) skipped[^\n]*, (\d+) duplicate ids replaced, [\d.]+ s, \d+ articles/s)");
    std::smatch m;
    INFO("stdout: " << out);
    REQUIRE(std::regex_search(out, m, line));
    return {std::stol(m[1]), std::stol(m[2]), std::stol(m[3]), std::stol(m[4])};
}

}  // namespace

TEST_CASE("a missing input path fails with a message naming the path") {
    TempDir dir;
    const std::string missing = (dir / "no-such-corpus").string();
    const auto result = run_indexer(dir / "idx", {missing});
    CHECK(result.exit_code != 0);
    CHECK(result.err.find(missing) != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "idx"));
    // The unfinished generation is removed too.
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 0);
}

TEST_CASE("running without --db or inputs prints the usage and fails") {
    const auto no_args = test_support::run_program({test_support::program("indexer").string()});
    CHECK(no_args.exit_code != 0);
    CHECK(no_args.err.find("usage") != std::string::npos);
    TempDir dir;
    CHECK(run_indexer(dir / "idx", {}).exit_code != 0);
}

TEST_CASE("an empty file and a broken JSONL line are reported with file and reason") {
    TempDir dir;
    const auto empty = dir.write("c/empty.txt", "");
    const auto jsonl = dir.write("c/news.jsonl", R"({"id": "j1", "text": "Хорошая статья."})" "\n{broken\n");
    dir.write("c/good.txt", "Статья о погоде.");
    const auto result = run_indexer(dir / "idx", {(dir / "c").string()});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.find(empty.string() + ": empty file") != std::string::npos);
    CHECK(result.err.find(jsonl.string() + ":2: not a JSON object") != std::string::npos);
    const Summary s = parse_summary(result.out);
    CHECK(s.read == 4);
    CHECK(s.indexed == 2);
    CHECK(s.skipped == 2);
    CHECK(result.out.find("1 empty file") != std::string::npos);
    CHECK(result.out.find("1 not a JSON object") != std::string::npos);
}

TEST_CASE("the summary line counts every article: read = indexed + skipped") {
    TempDir dir;
    dir.write("c/1.txt", "Первая статья.");
    dir.write("c/2.txt", "Вторая статья.");
    dir.write("c/3.txt", "  \n");
    dir.write("c/4.jsonl", R"({"id": "x", "text": "Третья."})" "\n" R"({"text": "без id"})" "\n");
    const auto result = run_indexer(dir / "idx", {(dir / "c").string()});
    REQUIRE(result.exit_code == 0);
    const Summary s = parse_summary(result.out);
    CHECK(s.read == 5);
    CHECK(s.indexed == 3);
    CHECK(s.skipped == 2);
    CHECK(s.duplicates == 0);
    CHECK(s.read == s.indexed + s.skipped);
}

TEST_CASE("a duplicate id is reported and the later article replaces the earlier") {
    TempDir dir;
    dir.write("c/a.jsonl", R"({"id": "dup", "title": "Старая", "text": "Первая версия."})" "\n"
                           R"({"id": "dup", "title": "Новая", "text": "Вторая версия."})" "\n");
    const auto result = run_indexer(dir / "idx", {(dir / "c").string()});
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.find("duplicate id dup") != std::string::npos);
    const Summary s = parse_summary(result.out);
    CHECK(s.read == 2);
    CHECK(s.indexed == 1);
    CHECK(s.duplicates == 1);
    CHECK(s.read == s.indexed + s.skipped + s.duplicates);

    server::IndexHandle index((dir / "idx").string());
    const auto reply = server::route(server::Method::Get, "/api/doc/dup", index);
    REQUIRE(reply.status == 200);
    CHECK(nlohmann::json::parse(reply.body)["text"] == "Вторая версия.");
    CHECK(nlohmann::json::parse(server::route(server::Method::Get, "/healthz", index).body)["documents"] == 1);
}

TEST_CASE("the shipped corpus indexes without skips") {
    TempDir dir;
    const auto result = run_indexer(dir / "idx", {test_support::corpus_dir().string()});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const Summary s = parse_summary(result.out);
    CHECK(s.read >= 5);
    CHECK(s.skipped == 0);
    CHECK(s.read == s.indexed + s.skipped + s.duplicates);
}

TEST_CASE("re-indexing replaces the index and keeps at most the previous generation") {
    TempDir dir;
    dir.write("c/1.txt", "Первая статья.");
    REQUIRE(run_indexer(dir / "idx", {(dir / "c").string()}).exit_code == 0);
    dir.write("c/2.txt", "Вторая статья.");
    REQUIRE(run_indexer(dir / "idx", {(dir / "c").string()}).exit_code == 0);
    REQUIRE(run_indexer(dir / "idx", {(dir / "c").string()}).exit_code == 0);
    CHECK(std::filesystem::is_symlink(dir / "idx"));
    int generations = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        if (entry.path().filename().string().rfind("idx.gen-", 0) == 0) ++generations;
    }
    CHECK(generations <= 2);
    server::IndexHandle index((dir / "idx").string());
    CHECK(nlohmann::json::parse(server::route(server::Method::Get, "/healthz", index).body)["documents"] == 2);
}

TEST_CASE("an index path that is a plain folder is refused with a message naming it") {
    TempDir dir;
    dir.write("idx/keep.txt", "someone's file");
    dir.write("c/1.txt", "Статья.");
    const auto result = run_indexer(dir / "idx", {(dir / "c").string()});
    CHECK(result.exit_code != 0);
    CHECK(result.err.find((dir / "idx").string()) != std::string::npos);
    CHECK(std::filesystem::exists(dir / "idx/keep.txt"));
}
