// scripts/backup.sh and scripts/restore.sh: a backup taken while the server
// writes and searches holds whole committed writes only, and the restored
// index, served, answers as the live one did at that revision.
#include "tests/support/http_client.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <thread>

using nlohmann::json;
using test_support::HttpClient;
using test_support::ServerProcess;
using test_support::TempDir;

namespace {

const std::string kToken = "backup-test-token-0123456789";
constexpr int kBatchSize = 25;

std::string script(const std::string& name) { return std::string(NEWSEARCH_SOURCE_DIR) + "/scripts/" + name; }

std::string load_id(int batch, int i) { return "load-" + std::to_string(batch) + "-" + std::to_string(i); }

// One batch of articles that the corpus queries below also find.
std::string batch_body(int batch) {
    std::string body;
    for (int i = 0; i < kBatchSize; ++i) {
        body += json{{"id", load_id(batch, i)},
                     {"title", "Лавров о переговорах, выпуск " + std::to_string(batch)},
                     {"text", "Сергей Лавров заявил, что Россия и Киргизия остаются партнерами. Бишкек, заметка " +
                                  std::to_string(batch * 1000 + i) + "."}}
                    .dump() +
                "\n";
    }
    return body;
}

const std::vector<std::string> kQueries = {
    "/api/search?q=%D0%9B%D0%B0%D0%B2%D1%80%D0%BE%D0%B2&limit=20",  // Лавров
    "/api/search?q=%D0%9A%D0%B0%D0%B7%D0%B0%D0%BA%D0%B1%D0%B0%D0%B5%D0%B2%20%D0%9B%D0%B0%D0%B2%D1%80%D0%BE%D0%B2",
    "/api/search?q=%C2%AB%D0%BE%D1%81%D1%82%D0%B0%D1%8E%D1%82%D1%81%D1%8F%20%D0%BF%D0%B0%D1%80%D1%82%D0%BD%D0%B5%D1%80%D0%B0%D0%BC%D0%B8%C2%BB",
    "/api/search?q=%D0%91%D0%B8%D1%88%D0%BA%D0%B5%D0%BA&sort=date&limit=30",  // Бишкек
    "/api/search?q=%D0%BF%D0%BE%D0%B3%D0%BE%D0%B4%D0%B0",                    // погода
    "/api/quotes?speaker=%D0%9B%D0%B0%D0%B2%D1%80%D0%BE%D0%B2",
    "/api/doc/001_d8841eb2ca9e328e",
};

// The answer without what differs between two runs of one query.
json comparable(const std::string& body) {
    json j = json::parse(body);
    j.erase("took_ms");
    return j;
}

}  // namespace

TEST_CASE("a backup under write and search load restores to an index that answers as the live one did") {
    TempDir dir;
    const auto live_db = dir / "live";
    REQUIRE(test_support::run_indexer(live_db, {test_support::corpus_dir().string()}).exit_code == 0);
    const auto token = dir.write("token", kToken + "\n");
    ServerProcess live(live_db, {"--quiet", "--write-token-file", token.string()});
    const std::vector<std::pair<std::string, std::string>> auth = {{"Authorization", "Bearer " + kToken}};

    std::atomic<bool> stop{false};
    std::atomic<int> acknowledged{0};  // batches 0..acknowledged-1 answered 200
    std::atomic<int> failed_searches{0};
    std::atomic<bool> writer_failed{false};
    std::thread writer([&] {
        try {
            HttpClient client(live.port());
            for (int batch = 0; !stop; ++batch) {
                if (client.request("POST", "/api/articles", auth, batch_body(batch)).status != 200) break;
                acknowledged = batch + 1;
                // A feed posting twenty batches a second: a copy must fit between two commits.
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
        } catch (const std::exception&) {
        }
        writer_failed = !stop;
    });
    std::thread searcher([&] {
        try {
            HttpClient client(live.port());
            for (std::size_t i = 0; !stop; ++i) {
                if (client.get(kQueries[i % kQueries.size()]).status != 200) ++failed_searches;
            }
        } catch (const std::exception&) {
            ++failed_searches;
        }
    });
    const auto wait_for = [&](int batches) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (acknowledged < batches && !writer_failed && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    };
    wait_for(3);
    const int before_backup = acknowledged;
    const auto backup = test_support::run_program({"/bin/bash", script("backup.sh"), live_db.string(), (dir / "backup").string()});
    const int after_backup = acknowledged;
    wait_for(after_backup + 2);
    stop = true;
    writer.join();
    searcher.join();
    INFO(backup.err);
    REQUIRE(backup.exit_code == 0);
    REQUIRE_FALSE(writer_failed);
    REQUIRE(acknowledged >= after_backup + 2);
    CHECK(failed_searches == 0);

    const auto restored_db = dir / "restored";
    const auto restore = test_support::run_program({"/bin/bash", script("restore.sh"), (dir / "backup").string(), restored_db.string()});
    INFO(restore.err);
    REQUIRE(restore.exit_code == 0);
    ServerProcess restored(restored_db, {"--quiet"});
    HttpClient from_backup(restored.port());

    // Whole batches only, every batch acknowledged before the backup began, none begun after it ended.
    int in_backup = 0;
    for (int batch = 0; batch < acknowledged; ++batch) {
        int present = 0;
        for (int i = 0; i < kBatchSize; ++i) present += from_backup.get("/api/doc/" + load_id(batch, i)).status == 200;
        INFO("batch " << batch);
        CHECK((present == 0 || present == kBatchSize));
        if (present == kBatchSize) {
            CHECK(batch == in_backup);  // a prefix of the batches
            ++in_backup;
        }
    }
    CHECK(in_backup >= before_backup);
    CHECK(in_backup <= after_backup + 1);  // the batch in flight as the backup ended may be in it

    // The live index without the batches written after the backup answers as the restored one.
    HttpClient client(live.port());
    for (int batch = in_backup; batch < acknowledged; ++batch) {
        for (int i = 0; i < kBatchSize; ++i) REQUIRE(client.request("DELETE", "/api/articles/" + load_id(batch, i), auth).status == 200);
    }
    CHECK(json::parse(client.get("/healthz").body)["documents"] == json::parse(from_backup.get("/healthz").body)["documents"]);
    for (const std::string& query : kQueries) {
        INFO(query);
        const auto a = client.get(query);
        const auto b = from_backup.get(query);
        REQUIRE(a.status == 200);
        REQUIRE(b.status == 200);
        CHECK(comparable(a.body) == comparable(b.body));
    }
}

TEST_CASE("backup refuses a destination that exists and restore refuses an index being written") {
    TempDir dir;
    dir.write("in/a.txt", "Статья о погоде.");
    const auto db = dir / "idx";
    REQUIRE(test_support::run_indexer(db, {(dir / "in").string()}).exit_code == 0);
    std::filesystem::create_directory(dir / "taken");
    const auto refused = test_support::run_program({"/bin/bash", script("backup.sh"), db.string(), (dir / "taken").string()});
    CHECK(refused.exit_code != 0);
    CHECK(refused.err.find("already exists") != std::string::npos);
    const auto missing = test_support::run_program({"/bin/bash", script("backup.sh"), (dir / "nothing").string(), (dir / "b").string()});
    CHECK(missing.exit_code != 0);
    CHECK(missing.err.find("no index") != std::string::npos);

    REQUIRE(test_support::run_program({"/bin/bash", script("backup.sh"), db.string(), (dir / "b").string()}).exit_code == 0);
    const auto token = dir.write("token", kToken + "\n");
    ServerProcess writing(db, {"--quiet", "--write-token-file", token.string()});
    const auto busy = test_support::run_program({"/bin/bash", script("restore.sh"), (dir / "b").string(), db.string()});
    CHECK(busy.exit_code != 0);
    CHECK(busy.err.find("being written by server pid") != std::string::npos);
}
