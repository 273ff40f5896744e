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

TEST_CASE("asked for help, the indexer prints its usage on stdout and succeeds") {
    const auto help = test_support::run_program({test_support::program("indexer").string(), "--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("usage: indexer --db DIR") != std::string::npos);
    CHECK(help.out.find("--update") != std::string::npos);
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
    // The earlier version's words are gone from the index, not only its text
    // (the index has no termlists, so the shard is rebuilt: index_builder.cpp).
    auto total = [&index](const std::string& encoded_query) {
        const auto answer = server::route(server::Method::Get, "/api/search?q=" + encoded_query, index);
        return nlohmann::json::parse(answer.body)["total"].get<int>();
    };
    CHECK(total("%D0%9F%D0%B5%D1%80%D0%B2%D0%B0%D1%8F") == 0);  // Первая
    CHECK(total("%D0%92%D1%82%D0%BE%D1%80%D0%B0%D1%8F") == 1);  // Вторая
}

TEST_CASE("duplicates among many articles leave every other article and no stale words") {
    TempDir dir;
    std::string lines;
    for (int i = 0; i < 300; ++i) {
        lines += R"({"id": "a)" + std::to_string(i) + R"(", "title": "Статья )" + std::to_string(i) +
                 R"(", "text": "Обычный текст номер )" + std::to_string(i) + R"(."})" "\n";
    }
    lines += R"({"id": "a7", "title": "Замена", "text": "Совсем другой текст."})" "\n";
    lines += R"({"id": "a8", "title": "Замена", "text": "Совсем другой текст."})" "\n";
    dir.write("c/a.jsonl", lines);
    const auto result = run_indexer(dir / "idx", {(dir / "c").string()});
    REQUIRE(result.exit_code == 0);
    const Summary s = parse_summary(result.out);
    CHECK(s.indexed == 300);
    CHECK(s.duplicates == 2);

    server::IndexHandle index((dir / "idx").string());
    CHECK(nlohmann::json::parse(server::route(server::Method::Get, "/healthz", index).body)["documents"] == 300);
    auto total = [&index](const std::string& encoded_query) {
        const auto answer = server::route(server::Method::Get, "/api/search?q=" + encoded_query, index);
        return nlohmann::json::parse(answer.body)["total"].get<int>();
    };
    // Every article still found (hits counted: the total is Xapian's estimate).
    std::size_t hits = 0;
    for (int offset = 0; offset < 400; offset += 100) {
        const auto answer = server::route(server::Method::Get,
                                          "/api/search?q=%D0%BE%D0%B1%D1%8B%D1%87%D0%BD%D1%8B%D0%B9&limit=100&offset=" +
                                              std::to_string(offset), index);  // обычный
        hits += nlohmann::json::parse(answer.body)["hits"].size();
    }
    CHECK(hits == 298);
    CHECK(total("%D1%81%D0%BE%D0%B2%D1%81%D0%B5%D0%BC") == 2);          // совсем
    CHECK(total("299") == 1);
    CHECK(total("7") == 0);  // a7's first version said "номер 7"
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

TEST_CASE("the memory budget option takes a size in MB of at least 64 and refuses anything else with the reason") {
    TempDir dir;
    const auto corpus = dir.write("c/a.txt", "Лавров провёл переговоры в Бишкеке.\n");
    for (const char* bad : {"10", "lots", "-5"}) {
        const auto result = run_indexer(dir / "idx", {"--memory", bad, corpus.string()});
        CHECK(result.exit_code != 0);
        CHECK(result.err.find("--memory needs a size in MB, at least 64") != std::string::npos);
    }
    const auto result = run_indexer(dir / "idx", {"--memory", "64", corpus.string()});
    CHECK(result.exit_code == 0);
    CHECK(parse_summary(result.out).indexed == 1);
}
